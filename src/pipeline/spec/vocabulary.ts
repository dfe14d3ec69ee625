/**
 * The spec vocabulary as DATA: section synonyms per document type, type and status
 * synonyms, inline metadata keys, container labels, title and path signals for type
 * detection. Nothing here is code that decides; the parser modules read these tables.
 * Add a language or a dialect by adding strings here (shared/reference/spec-formats.md).
 *
 * Section synonyms are compared with the *normalized* heading text (see
 * `normalizeHeading`): lowercase, NFKC, numbering, emoji and trailing colon removed.
 * Write them lowercase. A synonym may also be a `/regex/` string, matched against the
 * normalized text.
 */
import type { DocStatus, DocType } from './model.js';

export type SectionLevel = 'required' | 'recommended' | 'optional';

/** One canonical section of a document type and the headings that name it. */
export interface SectionSpec {
  canonical: string;
  level: SectionLevel;
  synonyms: readonly string[];
}

const OPTIONAL = 'optional' as const;
const RECOMMENDED = 'recommended' as const;
const REQUIRED = 'required' as const;

/** Sections shared by several types; included in each type's table below. */
const COMMON_OPTIONAL: readonly SectionSpec[] = [
  { canonical: 'glossary', level: OPTIONAL, synonyms: ['glossary', 'terminology', 'definitions', '用語集', '术语表', '術語表', 'glossaire'] },
  { canonical: 'out-of-scope', level: OPTIONAL, synonyms: ['out of scope', 'non-goals', 'non goals', 'not in scope', '範囲外', '不在范围内', 'hors périmètre', 'hors champ'] },
  { canonical: 'assumptions', level: OPTIONAL, synonyms: ['assumptions', 'assumptions and constraints', 'assumptions & constraints', '前提条件', '假设', 'hypothèses'] },
  { canonical: 'open-questions', level: OPTIONAL, synonyms: ['open questions', 'open issues', 'questions', '未解決事項', '待解决问题', 'questions ouvertes'] },
  { canonical: 'change-log', level: OPTIONAL, synonyms: ['change log', 'changelog', 'revision history', 'document history', '変更履歴', '变更记录', '修订记录', 'historique des modifications'] },
  { canonical: 'next-steps', level: OPTIONAL, synonyms: ['next steps', '次のステップ', '下一步', 'prochaines étapes'] },
  { canonical: 'dependencies', level: OPTIONAL, synonyms: ['dependencies', '依存関係', '依赖', 'dépendances'] },
  { canonical: 'constraints', level: OPTIONAL, synonyms: ['constraints', '制約', '约束', 'contraintes'] },
  { canonical: 'risks', level: OPTIONAL, synonyms: ['risks', 'risk assessment', 'risks and mitigations', 'risks & mitigations', 'リスク', '风险', 'risques'] },
  { canonical: 'traceability', level: OPTIONAL, synonyms: ['traceability', 'requirements traceability', 'traceability matrix', 'requirement coverage', 'coverage', 'トレーサビリティ', '追溯', '追溯矩阵', 'traçabilité'] },
  { canonical: 'references', level: OPTIONAL, synonyms: ['references', 'related documents', 'see also', '参考資料', '参考文献', '参考', 'références'] },
];

/** §3 PRD sections. */
const PRD_SECTIONS: readonly SectionSpec[] = [
  {
    canonical: 'requirements',
    level: REQUIRED,
    synonyms: [
      'requirements', 'functional requirements', 'functional', 'features', 'product requirements', 'functional requirements (fr)',
      '需求', '功能需求', '要件', '機能要件', '功能需求说明', 'exigences fonctionnelles', 'exigences', 'requisitos funcionales', 'requisitos',
      'funktionale anforderungen', 'anforderungen', '機能要求', '功能性需求', '功能需求規格', '機能一覧',
    ],
  },
  {
    canonical: 'goals',
    level: RECOMMENDED,
    synonyms: [
      'goals and background context', 'goals', 'background', 'overview', 'executive summary', 'vision', 'goals & success metrics',
      'goals and success metrics', 'goals & background context', 'background context', 'product overview', 'introduction', 'problem statement',
      'purpose', 'document purpose', 'résumé exécutif', 'contexte', 'objectifs', '目标与背景', '项目概述', '專案概述', '背景', '目标', '目的', '概要', '背景と目的',
      'vue d\'ensemble', 'contexte et objectifs', 'resumen ejecutivo', 'objetivos', 'contexto', 'visión general', 'ziele', 'hintergrund', 'überblick', 'zusammenfassung',
      '產品概述', '项目背景', '產品目標', '产品概述', 'プロジェクト概要', 'はじめに',
    ],
  },
  {
    canonical: 'non-functional',
    level: RECOMMENDED,
    synonyms: [
      'non functional', 'non-functional', 'non-functional requirements', 'non functional requirements', 'nfr', 'nfrs', 'quality attributes',
      '非功能需求', '非機能要件', '非功能性需求', 'exigences non fonctionnelles', 'requisitos no funcionales', 'nicht-funktionale anforderungen', 'nichtfunktionale anforderungen', '非功能需求規格', '非機能要求',
    ],
  },
  {
    canonical: 'epics',
    level: RECOMMENDED,
    synonyms: [
      'epic list', 'epics', 'epic and story structure', 'epics and stories', 'epic details', 'epic 规划', 'mvp scope', 'product scope',
      'project scoping & phased development', 'project scoping and phased development', 'release plan', 'エピック', '史诗', 'épopées', 'épics', 'périmètre mvp', 'alcance del mvp', 'épicas', 'epen', 'エピック一覧', '史诗列表', 'epic 列表',
      '/^epic\\s*\\d+\\b/',
    ],
  },
  { canonical: 'success-metrics', level: OPTIONAL, synonyms: ['success metrics', 'success criteria', 'kpis', 'metrics', '成功指標', '成功指标', 'indicateurs de succès'] },
  { canonical: 'user-journeys', level: OPTIONAL, synonyms: ['user journeys', 'user journey', 'user flows', 'ユーザージャーニー', '用户旅程', 'parcours utilisateur'] },
  { canonical: 'ui-design-goals', level: OPTIONAL, synonyms: ['user interface design goals', 'ui design goals', 'ux design goals', 'ui/ux', 'user interface', 'ui design'] },
  { canonical: 'technical-assumptions', level: OPTIONAL, synonyms: ['technical assumptions', 'technical constraints', '技術的前提', '技术假设'] },
  { canonical: 'compatibility', level: OPTIONAL, synonyms: ['compatibility requirements', 'compatibility', 'platform support'] },
  { canonical: 'checklist-results', level: OPTIONAL, synonyms: ['checklist results report', 'checklist results'] },
  ...COMMON_OPTIONAL,
];

/** §4 functional-spec sections. */
const FS_SECTIONS: readonly SectionSpec[] = [
  {
    canonical: 'requirements',
    level: REQUIRED,
    synonyms: [
      'requirements', 'functional requirements', 'functional', '要件', '需求', '功能需求', '機能要件', '要件定義', 'exigences fonctionnelles', 'exigences',
      'requisitos funcionales', 'requisitos',
      'funktionale anforderungen', 'anforderungen', '需求規格', '功能性需求', '要求事項', '機能要求',
    ],
  },
  {
    canonical: 'scenarios',
    level: RECOMMENDED,
    synonyms: [
      'user scenarios & testing', 'user scenarios and testing', 'user scenarios', 'user stories', 'user story', 'use cases', 'scenarios',
      'ユーザーストーリー', 'ユーザーシナリオ', '用户故事', '用户场景', '使用者故事', 'scénarios utilisateur', "récits d'utilisateur", 'historias de usuario',
      'scénarios utilisateur et tests', 'récits utilisateur', 'escenarios de usuario', 'benutzerszenarien', 'user stories und tests', '使用者情境', 'ユーザーシナリオとテスト',
    ],
  },
  { canonical: 'success-criteria', level: RECOMMENDED, synonyms: ['success criteria', 'measurable outcomes', '成功基準', '成功标准', 'critères de succès', 'résultats mesurables', 'criterios de éxito', 'erfolgskriterien', '成功標準', '成功指標'] },
  { canonical: 'overview', level: RECOMMENDED, synonyms: ['introduction', 'overview', 'purpose', 'summary', '概要', 'はじめに', '目的', '简介', '概述', '引言', 'aperçu', 'introduction générale', 'résumé', 'vue d\'ensemble', 'introducción', 'resumen', 'einleitung', 'überblick', '簡介', '背景'] },
  { canonical: 'acceptance', level: OPTIONAL, synonyms: ['acceptance criteria', 'acceptance scenarios', '受け入れ基準', '验收标准', '驗收標準', "critères d'acceptation", "scénarios d'acceptation", 'criterios de aceptación', 'akzeptanzkriterien'] },
  { canonical: 'edge-cases', level: OPTIONAL, synonyms: ['edge cases', 'error cases', 'エッジケース', '边界情况', 'cas limites', 'casos límite', 'randfälle'] },
  { canonical: 'key-entities', level: OPTIONAL, synonyms: ['key entities', 'entities', 'data entities', 'domain model', 'entités clés', 'entidades clave', '关键实体', '主要エンティティ'] },
  { canonical: 'clarifications', level: OPTIONAL, synonyms: ['clarifications'] },
  { canonical: 'non-functional', level: OPTIONAL, synonyms: ['non-functional requirements', 'non functional requirements', 'non-functional', 'nfr', '非機能要件', '非功能需求', 'exigences non fonctionnelles'] },
  ...COMMON_OPTIONAL,
];

/** §5 technical-spec sections. */
const TS_SECTIONS: readonly SectionSpec[] = [
  {
    canonical: 'design',
    level: REQUIRED,
    synonyms: [
      'technical context', 'architecture', 'high level architecture', 'high-level architecture', 'architecture decision', 'architecture decisions',
      'core architectural decisions', 'components', 'components and interfaces', 'components & interfaces', 'data models', 'data model', 'tech stack',
      'technology stack', 'context for development', 'technical decisions', 'design', 'detailed design', 'system design', 'project structure', 'source tree',
      'api spec', 'api specification', 'database schema', 'modules', 'module design', 'module structure', 'interfaces', 'storage',
      '技术栈', '架构', '组件设计', '数据模型', '系统设计', 'アーキテクチャ', 'コンポーネント', 'データモデル', 'システム構成', '設計',
      'architecture technique', 'conception',
      'system architecture', 'component architecture', 'data flow', 'data flows', 'core data model', 'architecture overview', 'technical architecture',
      'solution architecture', 'system overview', 'api design', 'api contracts', 'interfaces and contracts', 'technical design', 'technical approach',
      'architecture du système', 'modèle de données', 'flux de données', 'arquitectura', 'modelo de datos', 'diseño técnico', 'architektur', 'datenmodell',
      'systemarchitektur', '系统架构', '技术架构', '架构设计', '數據模型', '系統架構', '技術設計', 'システムアーキテクチャ', '技術スタック', 'データフロー',
    ],
  },
  {
    canonical: 'overview',
    level: RECOMMENDED,
    synonyms: [
      'summary', 'overview', 'introduction', 'technical summary', 'problem statement', 'solution', 'problem statement / solution', 'purpose', 'context',
      'project context analysis', 'project context',
      '简介', '概要', '概述', 'はじめに', 'aperçu', 'résumé', 'vue d\'ensemble', 'resumen', 'zusammenfassung', '簡介',
    ],
  },
  {
    canonical: 'tasks',
    level: RECOMMENDED,
    synonyms: [
      'implementation plan', 'tasks', 'implementation steps', 'implementation tasks', 'work breakdown', 'task list', 'plan', 'implementation',
      '实施计划', '任务', '実装計画', '実装計划', 'タスク', "plan d'implémentation", 'tâches', 'plan de implementación', 'tareas', 'umsetzungsplan', 'aufgaben', '實施計劃', '任務',
    ],
  },
  {
    canonical: 'testing',
    level: RECOMMENDED,
    synonyms: [
      'testing strategy', 'test strategy', 'test strategy and standards', 'verification plan', 'testing requirements', 'testing', 'test plan', 'tests',
      'テスト戦略', 'テスト計画', '测试策略', '测试计划', 'stratégie de test', 'plan de test', 'stratégie de tests', 'estrategia de pruebas', 'teststrategie', '測試策略',
    ],
  },
  { canonical: 'acceptance', level: OPTIONAL, synonyms: ['acceptance criteria', '受け入れ基準', '验收标准', "critères d'acceptation"] },
  { canonical: 'constitution-check', level: OPTIONAL, synonyms: ['constitution check'] },
  { canonical: 'complexity-tracking', level: OPTIONAL, synonyms: ['complexity tracking'] },
  { canonical: 'error-handling', level: OPTIONAL, synonyms: ['error handling', 'error handling strategy', 'エラー処理', '错误处理'] },
  { canonical: 'security', level: OPTIONAL, synonyms: ['security', 'security considerations', 'セキュリティ', '安全'] },
  { canonical: 'deployment', level: OPTIONAL, synonyms: ['deployment', 'infrastructure', 'infrastructure and deployment', 'packaging', 'distribution'] },
  { canonical: 'coding-standards', level: OPTIONAL, synonyms: ['coding standards', 'code style', 'conventions'] },
  { canonical: 'correctness-properties', level: OPTIONAL, synonyms: ['correctness properties'] },
  { canonical: 'files-to-reference', level: OPTIONAL, synonyms: ['files to reference', 'files to modify', 'files'] },
  ...COMMON_OPTIONAL,
];

/** §6 sprint-change-proposal sections. */
const SCP_SECTIONS: readonly SectionSpec[] = [
  {
    canonical: 'issue',
    level: REQUIRED,
    synonyms: [
      'identified issue summary', 'issue summary', 'identified issues', 'issues identified', 'change context & trigger', 'change context and trigger', 'change trigger', 'trigger', 'problem statement',
      'executive summary', 'change overview', 'overview', 'summary', 'context', '变更概述', '变更摘要', '识别问题', '識別問題', '问题摘要', '変更概要', '問題の概要',
      'résumé du problème', 'déclencheur',
      'identified issue', 'issue', 'problem', 'trigger and context', 'change context', 'background', 'résumé', 'contexte', 'resumen del problema', 'disparador',
      'problemzusammenfassung', 'auslöser', '問題摘要', '變更概述', '触发原因', '背景', 'トリガー', '概要',
    ],
  },
  {
    canonical: 'changes',
    level: REQUIRED,
    synonyms: [
      'detailed change proposals', 'specific proposed edits', 'proposed edits', 'specific proposed implementation', 'proposed implementation', 'artifact adjustment needs', 'proposed solution', 'proposed changes',
      'detailed change plan', 'change proposals', 'changes', '详细变更计划', '文件修改清单', '変更提案', '提案する変更', "propositions d'édition", 'modifications proposées',
      'detailed changes', 'proposed fix', 'proposed fixes', 'file change summary', 'change summary', 'artifact impact matrix', 'proposed artifact changes', 'artifact changes', 'document changes', 'specific changes', 'change details', 'edit proposals',
      'propositions de modification', 'modifications détaillées', 'cambios propuestos', 'propuestas de cambio detalladas', 'vorgeschlagene änderungen',
      'änderungsvorschläge', '詳細變更計劃', '变更内容', '具体变更', '変更内容', '詳細な変更提案',
    ],
  },
  {
    canonical: 'impact',
    level: RECOMMENDED,
    synonyms: [
      'impact analysis', 'epic impact summary', 'epic impact assessment', 'artifact conflict & impact analysis', 'artifact conflict and impact analysis',
      'story impact', 'technical impact', 'impact', '影响分析', 'epic 影响分析', '影響分析', "analyse d'impact", "analyse d'impacts", 'análisis de impacto', 'auswirkungsanalyse', 'impact assessment', 'epic impact', 'artifact impact',
    ],
  },
  {
    canonical: 'recommended-path',
    level: RECOMMENDED,
    synonyms: ['recommended path forward', 'recommended approach', 'path forward evaluation', 'path forward rationale', 'selected path', 'path forward', '推荐路径', '推奨アプローチ', 'chemin recommandé', 'recommendation', 'recommended solution', 'approche recommandée', 'voie recommandée', 'enfoque recomendado', 'empfohlener weg', 'empfohlener ansatz', '推薦路徑', '推荐方案', '推奨パス'],
  },
  {
    canonical: 'handoff',
    level: RECOMMENDED,
    synonyms: [
      'implementation handoff', 'handoff plan', 'implementation action plan', 'agent handoff plan', 'high-level action plan', 'high level action plan', 'action plan', 'implementation plan', 'next steps',
      'handoff', '行动计划', '代理人交接计划', 'アクションプラン', "plan d'action", 'implementation handoff plan', 'passation', 'plan de acción', 'übergabe', 'aktionsplan', '行動計劃', '実装の引き継ぎ',
    ],
  },
  { canonical: 'mvp-impact', level: RECOMMENDED, synonyms: ['prd mvp impact', 'mvp impact', 'mvp 影响'] },
  {
    canonical: 'success-criteria',
    level: RECOMMENDED,
    synonyms: ['success criteria', 'success metrics', 'acceptance criteria', '验收标准', '成功指標', '成功标准', '受け入れ基準', 'critères de succès', 'criterios de éxito', 'erfolgskriterien', '驗收標準', '成功基準'],
  },
  { canonical: 'decision-log', level: OPTIONAL, synonyms: ['decision log', 'decisions'] },
  { canonical: 'checklist-findings', level: OPTIONAL, synonyms: ['checklist findings', 'change checklist', 'checklist'] },
  { canonical: 'approval', level: OPTIONAL, synonyms: ['approval', 'approvals', 'sign-off', '审批', '承認'] },
  { canonical: 'conclusion', level: OPTIONAL, synonyms: ['conclusion'] },
  { canonical: 'timeline', level: OPTIONAL, synonyms: ['timeline', 'schedule'] },
  ...COMMON_OPTIONAL,
];

/**
 * Headings that name one canonical section and also stand for another: a proposal's
 * "Proposed Solution" holds the edits and is also its path forward.
 */
export const ALSO_SATISFIES: Readonly<Record<string, readonly string[]>> = {
  'proposed solution': ['recommended-path'],
  'recommended approach': ['recommended-path'],
  'recommended solution': ['changes', 'recommended-path'],
};

/** Section tables by document type. */
export const SECTIONS: Readonly<Record<DocType, readonly SectionSpec[]>> = {
  prd: PRD_SECTIONS,
  'functional-spec': FS_SECTIONS,
  'technical-spec': TS_SECTIONS,
  'sprint-change-proposal': SCP_SECTIONS,
};

/** §1 `type` synonyms (compared after lowercasing and mapping spaces/underscores to `-`). */
export const TYPE_SYNONYMS: Readonly<Record<DocType, readonly string[]>> = {
  'sprint-change-proposal': ['sprint-change-proposal', 'scp', 'change-proposal', 'sprint-change', 'course-correction'],
  prd: ['prd', 'product-requirements', 'product-requirements-document'],
  'functional-spec': ['functional-spec', 'fsd', 'feature-spec', 'functional-specification', 'requirements', 'spec'],
  'technical-spec': [
    'technical-spec', 'tech-spec', 'tsd', 'technical-specification', 'architecture', 'design', 'plan', 'implementation-plan',
    // BMAD 6 build specs (`type: feature|bugfix|refactor|chore`) and architecture documents.
    'feature', 'bugfix', 'refactor', 'chore', 'architecture-spine', 'solution-design', 'build-spec', 'quick-spec',
  ],
};

/** `type:` values of documents that are not specs (BMAD reviews, briefs, retrospectives): skipped with the untyped summary, not an error. */
export const NON_SPEC_TYPES: ReadonlySet<string> = new Set([
  'review', 'code-review', 'retrospective', 'retro', 'report', 'research', 'brief', 'product-brief', 'epics', 'epic', 'story', 'sprint-status',
  'ux-design', 'ux-spec', 'test-design', 'checklist', 'notes', 'readme', 'guide', 'adr', 'decision-record',
]);

/** BMAD v6 `workflowType` values that name a type. */
export const WORKFLOW_TYPES: Readonly<Record<string, DocType>> = {
  prd: 'prd',
  architecture: 'technical-spec',
  'tech-spec': 'technical-spec',
  'quick-spec': 'technical-spec',
  'correct-course': 'sprint-change-proposal',
  // BMAD's game module writes a Game Design Document where the method writes a PRD.
  gdd: 'prd',
};

/** §1 status normalization (compared lowercased, emoji and `*` stripped, whitespace collapsed). */
export const STATUS_SYNONYMS: Readonly<Record<DocStatus, readonly string[]>> = {
  draft: ['draft', '草稿', '草案', 'brouillon', 'borrador', 'wip', 'work in progress', 'in-progress', '下書き', 'ドラフト'],
  proposed: ['proposed', 'pending', 'pending approval', 'pending-approval', '待审批', '待審批', '提议', '提案', 'en attente', 'propuesto'],
  'in-review': ['review', 'in review', 'in-review', 'ready for review', 'needs review', 'under review', 'レビュー中', '审核中', 'en revue'],
  approved: [
    'approved', 'accepted', 'approuvé', 'approuve', '已批准', '已审批', '承認済', '承認済み', '承認', 'final', 'ready', 'ready-for-dev', 'ready for dev',
    'ready for development', 'aprobado',
  ],
  implementing: ['implementing', 'inprogress', 'in progress (after approval)', 'in development', '実装中', '实施中', 'en cours'],
  done: ['done', 'complete', 'completed', 'implemented', '完成', '已完成', '完了', 'terminé', 'termine', 'shipped'],
  superseded: ['superseded', 'replaced'],
  rejected: ['rejected', 'declined', "won't do", 'wont do', 'abandoned', '却下', '已拒绝', 'rejeté'],
  deprecated: ['deprecated', 'obsolete', 'archived', '廃止', '已废弃', 'obsolète'],
};

/** Keys of inline metadata lines (`**Status**: Draft`), mapped to meta keys. */
export const INLINE_META_KEYS: Readonly<Record<string, string>> = {
  status: 'status', statut: 'status', 状态: 'status', 狀態: 'status', ステータス: 'status', estado: 'status',
  date: 'date', created: 'created', updated: 'updated', 'last updated': 'updated',
  version: 'version',
  owner: 'owner', author: 'owner', authors: 'owner', auteur: 'owner',
  sprint: 'sprint', scope: 'scope', mode: 'mode', project: 'project', projet: 'project',
  trigger: 'trigger', déclencheur: 'trigger', 'triggered by': 'trigger',
  input: 'input', spec: 'spec', branch: 'branch', 'feature branch': 'branch',
  id: 'id', 'document id': 'id',
  implements: 'implements', prd: 'implements', 'parent spec': 'implements',
};

/**
 * Acceptance-criteria container names (§2), matched on normalized heading text or a
 * label paragraph with a trailing colon.
 */
export const AC_CONTAINER_PATTERN =
  /^(?:acceptance (?:criteria|scenarios|tests)|ac|acs|consequences \(testable\)|验收标准|驗收標準|受け?入れ基準|受入基準|受け入れ条件|受入条件|critères d.acceptation|scénarios d.acceptation|criterios de aceptación|escenarios de aceptación|critérios de aceitação|akzeptanzkriterien|abnahmekriterien)$/u;

/** Containers whose checkboxes are checklist items, not tasks (§2). */
export const CHECKLIST_CONTAINER_PATTERN =
  /(?:checklist|definition of done|review & acceptance checklist|review and acceptance checklist|change checklist|approval|approvals|sign-off|审批|checklist de changement|チェックリスト|检查清单)/u;

/** §8 title signals, weight 6 each. */
export const TITLE_SIGNALS: Readonly<Record<DocType, RegExp>> = {
  'sprint-change-proposal':
    /sprint change proposal|correct course|change proposal|sprint\s*变更提案|冲刺变更提案|sprint\s*變更提案|スプリント変更提案|変更提案|proposition de changement de sprint|propuesta de cambio de sprint/iu,
  prd: /\bPRD\b|product requirements (?:document|doc)\b|\bgame design document\b|\bGDD\b|产品需求文档|產品需求文件|要求仕様書|製品要求仕様|document d'exigences produit/iu,
  'functional-spec':
    /functional spec(?:ification)?|feature spec(?:ification)?|requirements document|功能规范|功能规格|要件定義(?:書)?|機能仕様(?:書)?|spécification fonctionnelle/iu,
  'technical-spec':
    /tech(?:nical)?[\s-]*(?:spec|design)|architecture(?: decision)? document|\barchitecture\b|implementation plan|(?<!game )design (?:document|doc|spec)|技术规范|技术设计|架构文档|設計書|技術仕様(?:書)?|spécification technique|conception technique/iu,
};

/** One weighted path signal of §8. */
export interface PathSignal {
  pattern: RegExp;
  type: DocType;
  weight: number;
}

/** §8 path signals; tested against the repo-relative path, lowercased. */
export const PATH_SIGNALS: readonly PathSignal[] = [
  { pattern: /(?:^|\/)(?:sprint[-_]?change[-_]?proposal|sprint[-_]change|scp)(?:[-_][^/]*)?\.md$/, type: 'sprint-change-proposal', weight: 10 },
  { pattern: /(?:^|\/)(?:change[-_]?proposals?|sprint[-_]changes?)\/.+\.md$/, type: 'sprint-change-proposal', weight: 6 },
  { pattern: /(?:^|\/)(?:[^/]*[-_])?prd(?:[-_][^/]*)?\.md$/, type: 'prd', weight: 10 },
  { pattern: /(?:^|\/)(?:[^/]*[-_])?gdd(?:[-_][^/]*)?\.md$/, type: 'prd', weight: 10 },
  { pattern: /(?:^|\/)(?:prds?|product[-_]requirements?)\/.+\.md$/, type: 'prd', weight: 6 },
  { pattern: /product[-_]requirements?[^/]*\.md$/, type: 'prd', weight: 10 },
  { pattern: /(?:functional[-_]?spec(?:ification)?|fsd|func[-_]spec)[^/]*\.md$/, type: 'functional-spec', weight: 10 },
  { pattern: /(?:^|\/)specs\/\d{3,}-[^/]+\/spec\.md$/, type: 'functional-spec', weight: 8 },
  { pattern: /(?:^|\/)\.kiro\/specs\/[^/]+\/(?:requirements|bugfix)\.md$/, type: 'functional-spec', weight: 8 },
  { pattern: /(?:tech(?:nical)?[-_]?(?:spec|design)|tsd|architecture|design[-_]doc)[^/]*\.md$/, type: 'technical-spec', weight: 10 },
  { pattern: /(?:^|\/)specs\/\d{3,}-[^/]+\/(?:plan|tasks)\.md$/, type: 'technical-spec', weight: 8 },
  { pattern: /(?:^|\/)\.kiro\/specs\/[^/]+\/(?:design|tasks)\.md$/, type: 'technical-spec', weight: 8 },
  { pattern: /(?:^|\/)architecture\/[^/]+\.md$/, type: 'technical-spec', weight: 5 },
];

/**
 * Files that are never specs (§8 step 3), as picomatch globs against repo-relative
 * paths. The configuration's `specs.exclude` adds to these.
 */
export const BUILTIN_EXCLUDES: readonly string[] = [
  '**/README*',
  '**/CHANGELOG*',
  '**/CONTRIBUTING*',
  '**/CODE_OF_CONDUCT*',
  '**/LICENSE*',
  '**/SECURITY*',
  '**/templates/**',
  '**/*-tmpl.*',
  '**/*-template.md',
  '**/.bmad-core/**',
  '**/_bmad/**',
  '**/bmad-core/**',
  '**/checklists/**',
  '**/qa/**',
  '**/stories/**',
  '**/epics.md',
  '**/epic-*.md',
  '**/research.md',
  '**/data-model.md',
  '**/quickstart.md',
  '**/contracts/**',
  '**/product-brief*.md',
  '**/project-context*.md',
  '**/node_modules/**',
  '**/.git/**',
  '**/.github/**',
  // Agent instruction files and agent tool folders: instructions to a model, not specs.
  '**/AGENTS.md',
  '**/CLAUDE.md',
  '**/GEMINI.md',
  '**/.claude/**',
  '**/.cursor/**',
  '**/.windsurf/**',
  '**/.agent/**',
  '**/.agents/**',
  '**/.gemini/**',
  '**/.codex/**',
  '**/.clinerules/**',
  '**/.kiro/steering/**',
  '**/.kiro/settings/**',
  '**/.specify/**',
  // Generated reports beside the specs: review, verification, validation, readiness, analysis.
  '**/report.md',
  '**/report{-,_}*.md',
  '**/*{-,_}report.md',
  '**/*{-,_}report{-,_}*.md',
  '**/*{-,_}reports/**',
  '**/reports/**',
  '**/*-review.md',
  '**/review-*.md',
  '**/code-review*.md',
  '**/verification*.md',
  '**/*{-,_}verification*.md',
  '**/*readiness*.md',
  '**/*-analysis.md',
  '**/analysis-*.md',
  '**/retrospectives/**',
  '**/*retro-*.md',
  '**/*-retrospective*.md',
  // Notes about past work and UX design specs (BMAD's UX artifact is not one of the four types).
  '**/implementation-notes/**',
  '**/*historical*.md',
  '**/ux-design*.md',
  '**/*-ux-design*.md',
  // BMAD side files next to a PRD.
  '**/*.memlog.md',
  '**/addendum.md',
];

/** Vague adjectives that make a requirement untestable unless a number pins them (spec-kit analyze B). */
export const VAGUE_WORDS: readonly string[] = [
  'fast', 'quick', 'quickly', 'easy', 'easily', 'simple', 'intuitive', 'user-friendly', 'robust', 'scalable', 'secure', 'efficient', 'efficiently',
  'reliable', 'flexible', 'seamless', 'seamlessly', 'responsive', 'modern', 'nice', 'good', 'better', 'appropriate', 'adequate', 'reasonable', 'minimal',
  'as needed', 'etc', 'state-of-the-art', 'high performance', 'high-performance', 'lightweight',
];

/**
 * Gherkin keywords by role, several languages (Gherkin's own translations). Matched at
 * word starts, case-insensitively for Latin scripts.
 */
export const GWT_KEYWORDS: Readonly<Record<'given' | 'when' | 'then' | 'and', readonly string[]>> = {
  given: ['given', 'étant donné', 'etant donné', 'dado', 'dada', '前提', '假如', '假设', '假定'],
  when: ['when', 'quand', 'lorsque', 'cuando', 'もし', '当'],
  then: ['then', 'alors', 'entonces', 'ならば', '那么'],
  and: ['and', 'but', 'et', 'mais', 'pero', 'かつ', 'しかし', '而且', '并且', '但是'],
};

/** EARS keywords that open a conditional criterion (uppercase, as EARS writes them). */
export const EARS_KEYWORDS: readonly string[] = ['WHEN', 'WHILE', 'IF', 'WHERE'];
