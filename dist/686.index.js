export const id = 686;
export const ids = [686];
export const modules = {

/***/ 1491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ createFsSpecSource)
/* harmony export */ });
/* unused harmony export SKIPPED_FOLDERS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3382);
/**
 * The local file system as a {@link SpecSource}: every file under a root (dependency,
 * VCS and cache folders skipped), read as bytes. Used by the CLI and the action.
 */


/** Folders never listed: they hold no specs and can be huge. */
const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**', '**/.mypy_cache/**', '**/.pytest_cache/**', '**/.ruff_cache/**', '**/.spec-automation/**'];
/**
 * Creates a source over `root` (an absolute directory).
 * @param options.ignore extra globs to leave out of the listing
 */
function createFsSpecSource(root, options = {}) {
    return {
        async list() {
            const files = await (0,tinyglobby__WEBPACK_IMPORTED_MODULE_1__.glob)('**/*', {
                cwd: root,
                dot: true,
                onlyFiles: true,
                followSymbolicLinks: false,
                ignore: [...SKIPPED_FOLDERS, ...(options.ignore ?? [])],
                expandDirectories: false,
            });
            return files.map((f) => f.replace(/\\/g, '/')).sort();
        },
        read(path) {
            if (path.split('/').includes('..'))
                return Promise.reject(new Error(`refusing to read outside the repository: ${path}`));
            // Synchronous: a spec is small, and validating one file reads a thousand candidates for
            // its index, where the promise API's three round trips per file cost several times more.
            try {
                const buffer = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${root}/${path}`);
                return Promise.resolve(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
            }
            catch (error) {
                return Promise.reject(error instanceof Error ? error : new Error(String(error)));
            }
        },
    };
}


/***/ }),

/***/ 3938:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ maxOf),
/* harmony export */   _h: () => (/* binding */ minOf),
/* harmony export */   u2: () => (/* binding */ appendAll)
/* harmony export */ });
/**
 * Array helpers that take any number of items. `target.push(...items)` and
 * `Math.max(...items)` pass every item as a function argument, and V8 throws
 * "Maximum call stack size exceeded" somewhere past ~100k of them (issue 11: ~175k IDs in
 * one spec). Spec contents are unbounded, so the pipeline uses these instead.
 */
/** Appends every item of `items` to `target`, in order. Returns `target`. */
function appendAll(target, items) {
    for (const item of items)
        target.push(item);
    return target;
}
/** The largest of `values`, or `empty` when there are none. */
function maxOf(values, empty = -Infinity) {
    let max;
    for (const v of values)
        if (max === undefined || v > max)
            max = v;
    return max ?? empty;
}
/** The smallest of `values`, or `empty` when there are none. */
function minOf(values, empty = Infinity) {
    let min;
    for (const v of values)
        if (min === undefined || v < min)
            min = v;
    return min ?? empty;
}


/***/ }),

/***/ 4262:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RK: () => (/* binding */ canonicalIdOf),
/* harmony export */   V4: () => (/* binding */ PREFIXES),
/* harmony export */   dr: () => (/* binding */ matchCellId),
/* harmony export */   fX: () => (/* binding */ matchHeadingDefinition),
/* harmony export */   hz: () => (/* binding */ matchDefinition),
/* harmony export */   n2: () => (/* binding */ KIRO_REQUIREMENT_HEADING),
/* harmony export */   wv: () => (/* binding */ expandCriterionList),
/* harmony export */   yU: () => (/* binding */ findReferences)
/* harmony export */ });
/**
 * Requirement id grammar (spec-formats.md §2): definitions vs references, canonical
 * keys (FR1 = FR-1 = FR-001 = `FR:1`), ranges, styles.
 */
// EF/ENF are the French FR/NFR (exigence fonctionnelle / non fonctionnelle), as spec-kit writes them in French.
const PREFIXES = 'DOC-REQ|DESIGN-REQ|SM-C|NFR|ENF|FR|EF|CR|IR|SR|BR|TR|DR|UR|REQ|SC|UJ|SM';
const REF_PREFIXES = 'DOC-REQ|DESIGN-REQ|NFR|ENF|FR|EF|CR|SC|UJ|SM|TR|REQ';
/**
 * What may sit between a defined id and its separator, as real documents write it: a
 * parenthetical (`**NFR1 (Security)**:`, `**DOC-REQ-001** (Source: …):`, `**FR-001** (\`DOC-REQ-001\`):`).
 */
const ANNOTATION = '(?:\\s*\\([^()\\n]{0,120}\\))?';
/** An id at the start of a list item, paragraph line, heading or table cell, followed by a separator. */
const DEF = new RegExp(`^\\s*(?:\\*\\*|__)?(?<id>(?<prefix>${PREFIXES})[-_ ]?(?<num>\\d{1,4})(?<suffix>[a-z])?)${ANNOTATION}(?:\\*\\*|__)?${ANNOTATION}\\s*(?:[:：.)\\]]|\\s[—–-]\\s|\\s\\|)`);
/** Headings may name the requirement without a separator: `### FR-1 Add a task`. */
const DEF_HEADING = new RegExp(`^\\s*(?<id>(?<prefix>${PREFIXES})[-_ ]?(?<num>\\d{1,4})(?<suffix>[a-z])?)(?=[\\s:：.)\\]—–-]|$)`);
const ID_ONLY = new RegExp(`^\\s*(?:\\*\\*|__)?(?<id>(?<prefix>${PREFIXES})[-_ ]?(?<num>\\d{1,4})(?<suffix>[a-z])?)(?:\\*\\*|__)?\\s*$`);
/** Kiro `### Requirement 2: Title` and its translations. */
const KIRO_REQUIREMENT_HEADING = /^(?:Requirement|Req\.?|要件|需求|Exigence|Requisito)\s*(?<n>\d+)(?:\s*[:：.\-—–]\s*(?<title>.*))?$/iu;
const REF_ID = `(?:${REF_PREFIXES})[-_]?\\d{1,4}[a-z]?`;
/** Id references, with optional ranges `FR5-FR11`, `FR-22–FR-24`. */
const REF = new RegExp(`(?<![A-Za-z0-9-])(?<from>${REF_ID})(?:\\s*(?:-|–|—|\\.\\.|to)\\s*(?<to>${REF_ID}))?(?![A-Za-z0-9])`, 'g');
function build(groups, length) {
    const id = groups.id;
    const prefix = groups.prefix.toUpperCase();
    const rawNum = groups.num;
    const suffix = groups.suffix ?? '';
    const afterPrefix = id.slice(groups.prefix.length);
    const separator = /^[-_ ]/.test(afterPrefix) ? afterPrefix[0] : '';
    return {
        id,
        prefix,
        num: Number(rawNum),
        suffix,
        canonical: `${prefix}:${Number(rawNum)}${suffix}`,
        style: { separator, padded: rawNum.length > 1 && rawNum.startsWith('0') ? rawNum.length : 0 },
        length,
    };
}
/** The requirement id defined at the start of `text`, if any. */
function matchDefinition(text) {
    const m = DEF.exec(text);
    return m?.groups ? build(m.groups, m[0].length) : undefined;
}
/** The requirement id a heading defines (`FR-1: Title`, `FR-1 Title`), if any. */
function matchHeadingDefinition(text) {
    const m = DEF.exec(text) ?? DEF_HEADING.exec(text);
    return m?.groups ? build(m.groups, m[0].length) : undefined;
}
/** The id a table cell holds when the cell is only an id (or an id with a separator). */
function matchCellId(text) {
    const m = ID_ONLY.exec(text) ?? DEF.exec(text);
    return m?.groups ? build(m.groups, m[0].length) : undefined;
}
/** Canonical key of any id-looking string (`FR-001` → `FR:1`), or the string itself. */
function canonicalIdOf(id) {
    const m = ID_ONLY.exec(id);
    if (m?.groups)
        return build(m.groups, m[0].length).canonical;
    const kiro = KIRO_REQUIREMENT_HEADING.exec(id.trim());
    if (kiro?.groups)
        return `REQ:${Number(kiro.groups.n)}`;
    return id.trim();
}
/** Expansion cap for a range, so `FR-1–FR-99999` cannot allocate millions of ids. */
const MAX_RANGE = 200;
/** Every requirement id mentioned in `text`, ranges expanded (capped at 200 ids). */
function findReferences(text) {
    const out = [];
    REF.lastIndex = 0;
    for (let m = REF.exec(text); m; m = REF.exec(text)) {
        const from = ID_ONLY.exec(m.groups.from)?.groups;
        if (!from)
            continue;
        const first = build(from, 0);
        out.push({ id: m.groups.from, canonical: first.canonical, index: m.index });
        const toText = m.groups.to;
        if (toText) {
            const toGroups = ID_ONLY.exec(toText)?.groups;
            if (toGroups) {
                const last = build(toGroups, 0);
                if (last.prefix === first.prefix && last.num > first.num && last.num - first.num <= MAX_RANGE) {
                    for (let n = first.num + 1; n < last.num; n++)
                        out.push({ id: `${first.prefix}-${n}`, canonical: `${first.prefix}:${n}`, index: m.index, inRange: true });
                }
                out.push({ id: toText, canonical: last.canonical, index: m.index + m[0].length - toText.length });
            }
        }
    }
    return out;
}
/** Expands Kiro criterion lists such as `1.1, 2.3, 4.1-4.6` into `['1.1','2.3','4.1',…,'4.6']`. */
function expandCriterionList(text) {
    const out = [];
    const re = /(\d+)\.(\d+)(?:\s*[-–—]\s*(\d+)\.(\d+))?/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        const [, a, b, c, d] = m;
        if (c !== undefined && d !== undefined && c === a && Number(d) > Number(b) && Number(d) - Number(b) <= MAX_RANGE) {
            for (let n = Number(b); n <= Number(d); n++)
                out.push(`${a}.${n}`);
        }
        else
            out.push(`${a}.${b}`);
    }
    return out;
}


/***/ }),

/***/ 48:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FL: () => (/* reexport */ validateRepository)
});

// UNUSED EXPORTS: DOC_TYPES, RULES, SPEC_SOURCE, closeRules, discoverSpecs, parseSpec, ruleCodes, ruleInfo

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/pipeline/diagnostic.js
var diagnostic = __webpack_require__(9343);
// EXTERNAL MODULE: ./lib/pipeline/spec/ids.js
var spec_ids = __webpack_require__(4262);
;// CONCATENATED MODULE: ./lib/pipeline/spec/vocabulary.js
const OPTIONAL = 'optional';
const RECOMMENDED = 'recommended';
const REQUIRED = 'required';
/** Sections shared by several types; included in each type's table below. */
const COMMON_OPTIONAL = [
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
const PRD_SECTIONS = [
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
const FS_SECTIONS = [
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
const TS_SECTIONS = [
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
const SCP_SECTIONS = [
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
const ALSO_SATISFIES = {
    'proposed solution': ['recommended-path'],
    'recommended approach': ['recommended-path'],
    'recommended solution': ['changes', 'recommended-path'],
};
/** Section tables by document type. */
const SECTIONS = {
    prd: PRD_SECTIONS,
    'functional-spec': FS_SECTIONS,
    'technical-spec': TS_SECTIONS,
    'sprint-change-proposal': SCP_SECTIONS,
};
/** §1 `type` synonyms (compared after lowercasing and mapping spaces/underscores to `-`). */
const TYPE_SYNONYMS = {
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
const NON_SPEC_TYPES = new Set([
    'review', 'code-review', 'retrospective', 'retro', 'report', 'research', 'brief', 'product-brief', 'epics', 'epic', 'story', 'sprint-status',
    'ux-design', 'ux-spec', 'test-design', 'checklist', 'notes', 'readme', 'guide', 'adr', 'decision-record',
]);
/** BMAD v6 `workflowType` values that name a type. */
const WORKFLOW_TYPES = {
    prd: 'prd',
    architecture: 'technical-spec',
    'tech-spec': 'technical-spec',
    'quick-spec': 'technical-spec',
    'correct-course': 'sprint-change-proposal',
    // BMAD's game module writes a Game Design Document where the method writes a PRD.
    gdd: 'prd',
};
/** §1 status normalization (compared lowercased, emoji and `*` stripped, whitespace collapsed). */
const STATUS_SYNONYMS = {
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
const INLINE_META_KEYS = {
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
const AC_CONTAINER_PATTERN = /^(?:acceptance (?:criteria|scenarios|tests)|ac|acs|consequences \(testable\)|验收标准|驗收標準|受け?入れ基準|受入基準|受け入れ条件|受入条件|critères d.acceptation|scénarios d.acceptation|criterios de aceptación|escenarios de aceptación|critérios de aceitação|akzeptanzkriterien|abnahmekriterien)$/u;
/** Containers whose checkboxes are checklist items, not tasks (§2). */
const CHECKLIST_CONTAINER_PATTERN = /(?:checklist|definition of done|review & acceptance checklist|review and acceptance checklist|change checklist|approval|approvals|sign-off|审批|checklist de changement|チェックリスト|检查清单)/u;
/** §8 title signals, weight 6 each. */
const TITLE_SIGNALS = {
    'sprint-change-proposal': /sprint change proposal|correct course|change proposal|sprint\s*变更提案|冲刺变更提案|sprint\s*變更提案|スプリント変更提案|変更提案|proposition de changement de sprint|propuesta de cambio de sprint/iu,
    prd: /\bPRD\b|product requirements (?:document|doc)\b|\bgame design document\b|\bGDD\b|产品需求文档|產品需求文件|要求仕様書|製品要求仕様|document d'exigences produit/iu,
    'functional-spec': /functional spec(?:ification)?|feature spec(?:ification)?|requirements document|功能规范|功能规格|要件定義(?:書)?|機能仕様(?:書)?|spécification fonctionnelle/iu,
    'technical-spec': /tech(?:nical)?[\s-]*(?:spec|design)|architecture(?: decision)? document|\barchitecture\b|implementation plan|(?<!game )design (?:document|doc|spec)|技术规范|技术设计|架构文档|設計書|技術仕様(?:書)?|spécification technique|conception technique/iu,
};
/** §8 path signals; tested against the repo-relative path, lowercased. */
const PATH_SIGNALS = [
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
const BUILTIN_EXCLUDES = [
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
const VAGUE_WORDS = [
    'fast', 'quick', 'quickly', 'easy', 'easily', 'simple', 'intuitive', 'user-friendly', 'robust', 'scalable', 'secure', 'efficient', 'efficiently',
    'reliable', 'flexible', 'seamless', 'seamlessly', 'responsive', 'modern', 'nice', 'good', 'better', 'appropriate', 'adequate', 'reasonable', 'minimal',
    'as needed', 'etc', 'state-of-the-art', 'high performance', 'high-performance', 'lightweight',
];
/**
 * Gherkin keywords by role, several languages (Gherkin's own translations). Matched at
 * word starts, case-insensitively for Latin scripts.
 */
const GWT_KEYWORDS = {
    given: ['given', 'étant donné', 'etant donné', 'dado', 'dada', '前提', '假如', '假设', '假定'],
    when: ['when', 'quand', 'lorsque', 'cuando', 'もし', '当'],
    then: ['then', 'alors', 'entonces', 'ならば', '那么'],
    and: ['and', 'but', 'et', 'mais', 'pero', 'かつ', 'しかし', '而且', '并且', '但是'],
};
/** EARS keywords that open a conditional criterion (uppercase, as EARS writes them). */
const EARS_KEYWORDS = ['WHEN', 'WHILE', 'IF', 'WHERE'];

;// CONCATENATED MODULE: ./lib/pipeline/spec/normalize.js

// Emoji, variation selectors, joiners and keycap marks (alternation: a class would join them).
const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
const NUMBERING = /^(?:\d+(?:\.\d+)*\.?|[A-Z]\.|section \d+:|§\s*\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/iu;
/**
 * Normalizes heading (or label) text: NFKC (full-width `：` `（）` → ASCII), emoji and
 * decorations such as `(mandatory)` removed, numbering and trailing colon stripped,
 * whitespace collapsed, lowercased.
 */
function normalizeHeading(text) {
    // Typographic apostrophes and quotes (`d’impact`, `« … »`) read as their ASCII forms: French
    // and German typography writes them, and the synonym tables use `'`.
    let s = text.normalize('NFKC').replace(EMOJI, ' ').replace(/[\u2018\u2019\u02BC\u2032\u00B4`]/gu, "'").replace(/[\u201C\u201D\u00AB\u00BB\u201E]/gu, '"');
    s = s.replace(/\*\(.*?\)\*/g, ' ');
    s = s.replace(/\s+/g, ' ').trim();
    s = s.replace(NUMBERING, '');
    s = s.replace(/\s*\((?:mandatory|optional|required|recommended|if applicable|include if [^)]*|必須|必需|可选|任意|obligatoire|facultatif)\)\s*/giu, ' ');
    s = s.replace(/\s*[:：]\s*$/u, '');
    return s.replace(/\s+/g, ' ').trim().toLowerCase();
}
/** The heading text without a trailing parenthetical: `Functional Requirements (MVP)` → `functional requirements`. */
function withoutParenthetical(norm) {
    return norm.replace(/\s*\([^)]*\)\s*$/u, '').trim();
}
const compiled = new Map();
function compile(type) {
    let c = compiled.get(type);
    if (c)
        return c;
    c = { exact: new Map(), patterns: [] };
    for (const spec of SECTIONS[type]) {
        for (const syn of spec.synonyms) {
            if (syn.startsWith('/') && syn.lastIndexOf('/') > 0) {
                const end = syn.lastIndexOf('/');
                c.patterns.push({ re: new RegExp(syn.slice(1, end), `${syn.slice(end + 1)}u`), canonical: spec.canonical });
            }
            else if (!c.exact.has(syn))
                c.exact.set(normalizeHeading(syn), spec.canonical);
        }
    }
    compiled.set(type, c);
    return c;
}
/** Canonical section name of a normalized heading for a document type, if it has one. */
function canonicalSection(type, normText) {
    const c = compile(type);
    const hit = c.exact.get(normText) ?? c.exact.get(withoutParenthetical(normText));
    if (hit)
        return hit;
    // `Functional Requirements & Acceptance`, `Requirements — MVP`: the part before a connector.
    const head = normText.split(/\s(?:&|and|—|–|-|\/|\||\+)\s|:\s/u)[0].trim();
    if (head !== normText) {
        const partial = c.exact.get(head);
        if (partial)
            return partial;
    }
    for (const p of c.patterns)
        if (p.re.test(normText))
            return p.canonical;
    return undefined;
}
/** The section table row for a canonical name. */
function sectionSpec(type, canonical) {
    return SECTIONS[type].find((s) => s.canonical === canonical);
}
const STATUS_LOOKUP = new Map();
for (const [status, synonyms] of Object.entries(STATUS_SYNONYMS)) {
    for (const s of synonyms)
        STATUS_LOOKUP.set(normalizeStatusText(s), status);
}
function normalizeStatusText(text) {
    return text
        .normalize('NFKC')
        .replace(EMOJI, ' ')
        .replace(/[*_`]/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase();
}
/**
 * Maps a status as written to its canonical value; undefined when unknown. Accepts
 * `Approved`, `**✅ Completed**`, `已批准`, `approuvé (2026-06-01)`, `Ready for Development`.
 */
function normalizeStatus(raw) {
    const text = normalizeStatusText(raw);
    if (text === '')
        return undefined;
    const direct = STATUS_LOOKUP.get(text);
    if (direct)
        return direct;
    // `Approved by Flo on 2026-06-01`, `Approuvé — v2`: the leading words.
    const words = text.split(/[\s,;:—–(]+/u).filter(Boolean);
    for (let n = Math.min(4, words.length); n >= 1; n--) {
        const hit = STATUS_LOOKUP.get(words.slice(0, n).join(' '));
        if (hit)
            return hit;
    }
    return undefined;
}
const TYPE_LOOKUP = new Map();
for (const [type, synonyms] of Object.entries(TYPE_SYNONYMS)) {
    for (const s of synonyms)
        TYPE_LOOKUP.set(s, type);
}
/** Maps a front-matter `type` (any case; spaces, `_` and `-` equivalent) to a DocType. */
function normalizeType(raw) {
    const key = raw
        .normalize('NFKC')
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, '-');
    return TYPE_LOOKUP.get(key);
}
/** GitHub's heading anchor: lowercase, punctuation removed, spaces to dashes. */
function githubSlug(text) {
    return text
        .toLowerCase()
        .trim()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
        .replace(/ /g, '-');
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/context.js



/** `**Acceptance Criteria:**`, `Acceptance Criteria:`, `**Tasks / Subtasks**:`: a paragraph that is only a label. */
const LABEL_RAW = /^\s*(?:(?:\*\*|__)(?<a>[^*_\n]{1,80}?)(?:\*\*|__)\s*[:：]?|(?<b>[\p{Lu}\p{Lo}][^\n:：]{0,60}?)\s*[:：])\s*$/u;
const STORY_PARAGRAPH = /^\s*(?:\*\*|__)\s*Story\s+(?<e>\d+)\.(?<s>\d+)\s*[:：.\-—–]?\s*(?<title>[^*_]*?)\s*(?:\*\*|__)/iu;
const BMAD_STORY_HEADING = /^Story\s+(?<e>\d+)\.(?<s>\d+)\s*[:：.\-—–]?\s*(?<title>.*)$/iu;
const SPECKIT_STORY_HEADING = /^User Story\s+(?<n>\d+)\b/iu;
const EPIC_HEADING = /^Epic\s+(?<n>\d+)\s*[:：.\-—–]?\s*(?<title>.*)$/iu;
/** The label of a label paragraph (first line only), normalized; undefined when the paragraph is not a label. */
function labelOf(rawFirstLine) {
    const m = LABEL_RAW.exec(rawFirstLine);
    if (!m?.groups)
        return undefined;
    const label = (m.groups.a ?? m.groups.b ?? '').trim();
    if (label === '' || label.length > 80)
        return undefined;
    return normalizeHeading(label);
}
/** Whether a normalized heading or label names an acceptance-criteria container. */
function isAcContainerName(norm) {
    return AC_CONTAINER_PATTERN.test(norm);
}
/** Whether a normalized heading or label names a checklist container. */
function isChecklistName(norm) {
    return CHECKLIST_CONTAINER_PATTERN.test(norm) && !AC_CONTAINER_PATTERN.test(norm);
}
function firstLine(raw) {
    const i = raw.indexOf('\n');
    return i === -1 ? raw : raw.slice(0, i);
}
/** Builds the structure of a document from its blocks. `lastLine` is the file's last line. */
function buildStructure(blocks, lastLine) {
    const sections = [];
    const n = blocks.length;
    const sectionOf = new Int32Array(n).fill(-1);
    const acContainerOf = new Int32Array(n).fill(-1);
    const checklistOf = new Int32Array(n).fill(-1);
    const parentOf = new Array(n);
    const epicOf = new Array(n);
    const acContainers = [];
    const boldStories = new Map();
    const open = []; // stack of open section indexes
    const parents = [];
    let epic;
    // Active containers: heading-based (ends with its section) or label-based (ends at the next heading/label/break).
    let acContainer;
    let checklist;
    let checklistCount = 0;
    const currentDepth = () => (open.length > 0 ? sections[open[open.length - 1]].depth : 0);
    for (let b = 0; b < n; b++) {
        const block = blocks[b];
        if (block.kind === 'heading') {
            const h = block;
            while (open.length > 0 && sections[open[open.length - 1]].depth >= h.depth) {
                const closed = sections[open.pop()];
                closed.endLine = h.line - 1;
            }
            const index = sections.length;
            const normText = normalizeHeading(h.text);
            sections.push({ index, depth: h.depth, text: h.text.trim(), normText, line: h.line, endLine: lastLine, parent: open[open.length - 1] ?? -1, block: b });
            open.push(index);
            while (parents.length > 0 && parents[parents.length - 1].depth >= h.depth)
                parents.pop();
            if (epic && epic.depth >= h.depth)
                epic = undefined;
            if (acContainer && acContainer.headingDepth >= h.depth)
                acContainer = undefined;
            if (acContainer && acContainer.headingDepth === Infinity)
                acContainer = undefined;
            if (checklist && checklist.headingDepth >= h.depth)
                checklist = undefined;
            const text = h.text.trim().replace(/\*\*/g, '');
            const epicMatch = EPIC_HEADING.exec(text);
            if (epicMatch?.groups && h.depth >= 2 && h.depth <= 4) {
                epic = { number: Number(epicMatch.groups.n), title: epicMatch.groups.title.trim(), line: h.line, depth: h.depth };
            }
            const kiro = spec_ids/* KIRO_REQUIREMENT_HEADING */.n2.exec(text);
            const speckit = SPECKIT_STORY_HEADING.exec(text);
            const bmad = BMAD_STORY_HEADING.exec(text);
            const fr = (0,spec_ids/* matchHeadingDefinition */.fX)(text);
            if (kiro?.groups)
                parents.push({ kind: 'kiro-requirement', id: `Requirement ${Number(kiro.groups.n)}`, number: Number(kiro.groups.n), depth: h.depth, line: h.line, block: b });
            else if (speckit?.groups)
                parents.push({ kind: 'speckit-story', id: `US${Number(speckit.groups.n)}`, number: Number(speckit.groups.n), depth: h.depth, line: h.line, block: b });
            else if (bmad?.groups)
                parents.push({ kind: 'bmad-story', id: `${Number(bmad.groups.e)}.${Number(bmad.groups.s)}`, depth: h.depth, line: h.line, block: b });
            else if (fr)
                parents.push({ kind: 'requirement', id: fr.id, depth: h.depth, line: h.line, block: b });
            if (isAcContainerName(normText)) {
                acContainer = { index: acContainers.length, headingDepth: h.depth };
                acContainers.push({ block: b, line: h.line, label: normText });
            }
            else if (isChecklistName(normText)) {
                checklist = { index: checklistCount++, headingDepth: h.depth };
            }
        }
        else if (block.kind === 'paragraph') {
            const first = firstLine(block.raw);
            const story = STORY_PARAGRAPH.exec(first);
            if (story?.groups) {
                while (parents.length > 0 && parents[parents.length - 1].kind === 'bmad-story' && parents[parents.length - 1].depth > currentDepth())
                    parents.pop();
                const id = `${Number(story.groups.e)}.${Number(story.groups.s)}`;
                parents.push({ kind: 'bmad-story', id, depth: currentDepth() + 0.5, line: block.line, block: b });
                boldStories.set(b, { id, epic: Number(story.groups.e), title: story.groups.title.trim() });
                if (acContainer?.headingDepth === Infinity)
                    acContainer = undefined;
                if (checklist?.headingDepth === Infinity)
                    checklist = undefined;
            }
            else {
                const label = labelOf(first);
                if (label !== undefined) {
                    if (acContainer?.headingDepth === Infinity)
                        acContainer = undefined;
                    if (checklist?.headingDepth === Infinity)
                        checklist = undefined;
                    if (isAcContainerName(label)) {
                        acContainer = { index: acContainers.length, headingDepth: Infinity };
                        acContainers.push({ block: b, line: block.line, label });
                    }
                    else if (isChecklistName(label)) {
                        checklist = { index: checklistCount++, headingDepth: Infinity };
                    }
                }
            }
        }
        else if (block.kind === 'break') {
            if (acContainer?.headingDepth === Infinity)
                acContainer = undefined;
            if (checklist?.headingDepth === Infinity)
                checklist = undefined;
        }
        sectionOf[b] = open[open.length - 1] ?? -1;
        if (acContainer)
            acContainerOf[b] = acContainer.index;
        if (checklist)
            checklistOf[b] = checklist.index;
        parentOf[b] = parents[parents.length - 1];
        epicOf[b] = epic;
    }
    return { sections, sectionOf, acContainerOf, checklistOf, parentOf, epicOf, acContainers, boldStories };
}
/** Headings from the root down to section `index`. */
function sectionPath(sections, index) {
    const path = [];
    for (let i = index; i >= 0; i = sections[i].parent)
        path.push(sections[i].text);
    return path.reverse();
}
/** Whether section `index` or one of its ancestors has canonical name `canonical`. */
function withinSection(sections, index, canonical) {
    for (let i = index; i >= 0; i = sections[i].parent)
        if (sections[i].canonical === canonical)
            return true;
    return false;
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/criteria.js

/** Criteria longer than this are not parsed into parts (they are prose by then). */
const MAX_CRITERION = 2000;
const criteria_NUMBERING = /^\s*(?:(?<kiro>\d{1,3}(?:\.\d{1,3})+)\.?\s+|(?:AC|IV)[-\s]?(?<ac>\d{1,5}(?:\.\d{1,5})*)(?<acSuffix>[a-z])?\s*[:.)：]\s*|(?:Scenario|Szenario|Scénario|シナリオ|场景)\s*\d*\s*[:：]\s*)/iu;
const MODAL = /\b(SHALL(?:\s+NOT)?|shall(?:\s+not)?|MUST(?:\s+NOT)?|SHOULD(?:\s+NOT)?|MAY)\b/;
const SYSTEM = /^[\p{L}\p{N}_\- ]{1,80}$/u;
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isLatin = (k) => /^[a-zà-ÿ ]+$/i.test(k);
const keywordRe = (words) => 
// Unicode word edges: `\\b` is ASCII-only, so it never matches before `É` of `Étant donné`.
words.map((w) => (isLatin(w) ? `(?<![\\p{L}\\p{N}_])${escapeRe(w)}(?![\\p{L}\\p{N}_])` : escapeRe(w))).join('|');
const GWT_TOKEN = new RegExp(`(?<given>${keywordRe(GWT_KEYWORDS.given)})|(?<when>${keywordRe(GWT_KEYWORDS.when)})|(?<then>${keywordRe(GWT_KEYWORDS.then)})|(?<and>${keywordRe(GWT_KEYWORDS.and)})`, 'giu');
const GWT_START = new RegExp(`^(?:${keywordRe([...GWT_KEYWORDS.given, ...GWT_KEYWORDS.when])})`, 'iu');
/** Lines that continue a Given/When/Then block. */
const GWT_LINE = new RegExp(`^(?:${keywordRe([...GWT_KEYWORDS.given, ...GWT_KEYWORDS.when, ...GWT_KEYWORDS.then, ...GWT_KEYWORDS.and])})`, 'iu');
const GIVEN_LINE = new RegExp(`^(?:${keywordRe(GWT_KEYWORDS.given)})`, 'iu');
const EARS_START = new RegExp(`^(?<kw>${EARS_KEYWORDS.join('|')})\\b`);
function clean(s) {
    return s.replace(/^[\s,，、:：]+|[\s,，、.。;；]+$/gu, '').trim();
}
/** Splits `Given … When … Then … And …` at its keywords (first of each, in order). */
function parseGwt(text) {
    const parts = {};
    const positions = [];
    GWT_TOKEN.lastIndex = 0;
    const order = ['given', 'when', 'then', 'and'];
    let next = 0;
    for (let m = GWT_TOKEN.exec(text); m; m = GWT_TOKEN.exec(text)) {
        const role = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
        if (!role)
            continue;
        const idx = order.indexOf(role);
        // Keep the first Given, the first When after it, the first Then after that, the first And after Then.
        if (idx >= next && !(role === 'and' && !positions.some((p) => p.role === 'then'))) {
            positions.push({ role, start: m.index, end: m.index + m[0].length });
            next = idx + 1;
            if (role === 'and')
                break;
        }
    }
    positions.forEach((p, i) => {
        const until = positions[i + 1]?.start ?? text.length;
        parts[p.role] = clean(text.slice(p.end, until));
    });
    const complete = parts.when !== undefined && parts.then !== undefined && parts.then !== '';
    return { format: 'gwt', parts, text, ...(complete ? {} : { problem: 'ac.gwt.incomplete' }) };
}
/** Splits an EARS sentence at its keyword, its modal and the THEN/comma before the system. */
/** Han, kana and Hangul: languages whose modal sits in the verb ending, not in a SHALL to find. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
function parseEars(text, kw) {
    const modal = MODAL.exec(text);
    if (!modal && CJK.test(text)) {
        // `WHEN ユーザーが… THEN システムは…を表示する`: complete as written; do not ask for SHALL.
        const then = /\bTHEN\b/.exec(text);
        const cond = clean(text.slice(kw ? kw.length : 0, then ? then.index : undefined));
        return { format: 'ears', parts: { ...(kw ? { kw, cond } : {}), response: clean(then ? text.slice(then.index + 4) : text.slice(kw ? kw.length : 0)) }, text };
    }
    if (!modal) {
        if (kw && /\bTHEN\b/.test(text)) {
            const then = /\bTHEN\b/.exec(text);
            return {
                format: 'ears',
                parts: { kw, cond: clean(text.slice(kw.length, then.index)), response: clean(text.slice(then.index + 4)) },
                text,
                problem: 'ac.ears.missing-modal',
            };
        }
        return { format: 'ears', parts: kw ? { kw, cond: clean(text.slice(kw.length)) } : {}, text, problem: 'ac.ears.malformed' };
    }
    const head = text.slice(kw ? kw.length : 0, modal.index);
    const response = clean(text.slice(modal.index + modal[0].length));
    let cond = '';
    let system = head;
    if (kw) {
        const then = /\bTHEN\b/.exec(head);
        const comma = Math.max(head.lastIndexOf(','), head.lastIndexOf('，'));
        const cut = then ? then.index : comma;
        if (cut >= 0) {
            cond = clean(head.slice(0, cut));
            system = head.slice(cut + (then ? 4 : 1));
        }
        else {
            // `WHEN x the system SHALL y`: the system is the words after the last "the".
            const the = Math.max(head.lastIndexOf(' the '), head.lastIndexOf(' THE '));
            cond = clean(the >= 0 ? head.slice(0, the) : head);
            system = the >= 0 ? head.slice(the) : '';
        }
    }
    system = clean(system.replace(/^\s*the\s+/i, ''));
    const parts = { ...(kw ? { kw, cond } : {}), system, modal: modal[1].toUpperCase(), response };
    return { format: 'ears', parts, text };
}
/**
 * Classifies a criterion's text (markup already stripped). `checkbox` is the GFM task
 * state when the criterion is a checkbox item.
 */
function classifyCriterion(rawText, checkbox) {
    const full = rawText.replace(/\s+/g, ' ').trim();
    const numbering = criteria_NUMBERING.exec(full);
    const explicitId = numbering?.groups?.kiro ?? (numbering?.groups?.ac ? `AC${numbering.groups.ac.split('.').map(Number).join('.')}${numbering.groups.acSuffix ?? ''}` : undefined);
    const text = numbering ? full.slice(numbering[0].length).trim() : full;
    const withId = (shape) => (explicitId ? { ...shape, explicitId } : shape);
    if (text.length <= MAX_CRITERION) {
        const ears = EARS_START.exec(text);
        if (ears?.groups)
            return withId(parseEars(text, ears.groups.kw));
        if (GWT_START.test(text)) {
            const gwt = parseGwt(text);
            if (GIVEN_LINE.test(text) || gwt.parts.then !== undefined)
                return withId(gwt);
        }
        const modal = MODAL.exec(text);
        if (modal && (modal[1].startsWith('SHALL') || modal[1].startsWith('shall') || modal[1] === modal[1].toUpperCase())) {
            const head = text.slice(0, modal.index).replace(/^\s*(?:THE|the|The)\s+/, '').trim();
            if (head !== '' && SYSTEM.test(head) && head.split(/\s+/).length <= 8)
                return withId(parseEars(text, undefined));
        }
    }
    return withId({ format: checkbox !== undefined ? 'checklist' : 'prose', parts: {}, text });
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/acceptance.js


const KIRO_LINE = /^\s*\d{1,3}(?:\.\d{1,3})+\.?\s+\S/;
/** BMAD v4's `item_template`: `1: text` is a paragraph line, not a list item (§9.3). */
const NUMBERED_LINE = /^\s*(?<n>\d{1,3})\s*[:)]\s+\S/;
const AC_LIKE_ITEM = /^\s*(?:AC|IV)[-\s]?\d{1,5}(?:\.\d{1,5})*\s*[:.)：]|^\s*(?:WHEN|WHILE|IF|WHERE)\b|^\s*(?:given|when)\b/iu;
/**
 * Extracts the criteria of a document.
 * @param requirementItems list-item requirement definitions: block index → requirement id
 */
function extractCriteria(blocks, structure, requirementItems) {
    const drafts = [];
    const byItem = new Map();
    for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b];
        const container = structure.acContainerOf[b];
        const parent = structure.parentOf[b];
        if (container < 0) {
            // Sub-items of a requirement item that read like criteria: `- FR-1: …` / `  - AC1: WHEN …`.
            if (block.kind === 'item' && block.item >= 0 && requirementItems.has(block.item) && AC_LIKE_ITEM.test(block.text)) {
                const d = { text: block.text, raw: block.raw, line: block.line, parent: { kind: 'requirement', id: requirementItems.get(block.item) }, block: b, gwtOpen: false };
                if (block.checked !== null)
                    d.checked = block.checked;
                if (block.ordinal !== undefined)
                    d.ordinal = block.ordinal;
                drafts.push(d);
                byItem.set(b, d);
            }
            continue;
        }
        const containerBlock = structure.acContainers[container].block;
        switch (block.kind) {
            case 'item': {
                const host = block.item >= 0 ? byItem.get(block.item) : undefined;
                if (host && structure.acContainerOf[host.block] === container) {
                    // A nested item continues its criterion (Given/When/Then written as sub-bullets).
                    host.text = `${host.text}\n${block.text}`;
                    host.raw = `${host.raw}\n${block.raw}`;
                    byItem.set(b, host);
                    break;
                }
                if (block.text.trim() === '' && block.checked === null)
                    break;
                const d = { text: block.text, raw: block.raw, line: block.line, block: b, gwtOpen: false };
                if (parent)
                    d.parent = parent;
                if (block.checked !== null)
                    d.checked = block.checked;
                if (block.ordinal !== undefined)
                    d.ordinal = block.ordinal;
                drafts.push(d);
                byItem.set(b, d);
                break;
            }
            case 'paragraph': {
                const lines = block.text.split('\n');
                const rawLines = block.raw.split('\n');
                const skipFirst = b === containerBlock || labelOf(rawLines[0] ?? '') !== undefined;
                // A paragraph inside an item continues that item's criterion.
                const host = block.item >= 0 ? byItem.get(block.item) : undefined;
                let open = host ?? (drafts.length > 0 && drafts[drafts.length - 1].gwtOpen ? drafts[drafts.length - 1] : undefined);
                lines.forEach((line, i) => {
                    if (i === 0 && skipFirst)
                        return;
                    const trimmed = line.trim();
                    if (trimmed === '')
                        return;
                    const raw = rawLines[i] ?? line;
                    const kiro = KIRO_LINE.test(trimmed);
                    const numbered = NUMBERED_LINE.exec(trimmed);
                    const gwt = GWT_LINE.test(trimmed);
                    if (kiro || numbered || (gwt && (GIVEN_LINE.test(trimmed) || !open))) {
                        const d = { text: numbered ? trimmed.slice(numbered[0].length - 1) : trimmed, raw, line: block.line + i, block: b, gwtOpen: gwt && !kiro && !numbered };
                        if (numbered?.groups)
                            d.ordinal = Number(numbered.groups.n);
                        if (parent)
                            d.parent = parent;
                        drafts.push(d);
                        open = d;
                    }
                    else if (open) {
                        open.text = `${open.text}\n${trimmed}`;
                        open.raw = `${open.raw}\n${raw}`;
                    }
                });
                if (open && drafts[drafts.length - 1] === open && !host)
                    open.gwtOpen = open.gwtOpen && GWT_LINE.test(open.text);
                break;
            }
            case 'row': {
                if (block.header)
                    break;
                const d = { text: block.cells.join(' ').trim(), raw: block.raw, line: block.line, block: b, gwtOpen: false };
                if (parent)
                    d.parent = parent;
                if (d.text !== '')
                    drafts.push(d);
                break;
            }
            default:
                break;
        }
        if (block.kind !== 'paragraph') {
            const last = drafts[drafts.length - 1];
            if (last)
                last.gwtOpen = false;
        }
    }
    return number(drafts);
}
/** Gives each criterion its id (explicit, or derived from its parent) and shape. */
function number(drafts) {
    const counters = new Map();
    return drafts.map((d) => {
        const shape = classifyCriterion(d.text, d.checked);
        const parentKey = d.parent ? `${d.parent.kind}:${d.parent.id}` : '';
        const index = (counters.get(parentKey) ?? 0) + 1;
        counters.set(parentKey, index);
        const local = d.ordinal ?? index;
        let id = shape.explicitId;
        let parentNumber;
        if (d.parent && 'number' in d.parent && d.parent.number !== undefined)
            parentNumber = d.parent.number;
        if (!id && d.parent) {
            if (d.parent.kind === 'kiro-requirement')
                id = `${parentNumber}.${local}`;
            else if (d.parent.kind === 'speckit-story')
                id = `${d.parent.id}-${local}`;
            else
                id = `AC${local}`;
        }
        const found = {
            format: shape.format,
            parts: shape.parts,
            text: shape.text,
            raw: d.raw,
            line: d.line,
            block: d.block,
            ...(id ? { id } : {}),
            ...(d.checked !== undefined ? { checked: d.checked } : {}),
            ...(d.parent ? { parentRef: d.parent.id } : {}),
            ...(shape.problem ? { problem: shape.problem } : {}),
            ...(parentNumber !== undefined ? { parentNumber } : {}),
            ...(shape.explicitId ? { explicitId: shape.explicitId } : {}),
        };
        return found;
    });
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/facts.js



/**
 * Whether the document has a section with this canonical name: a heading, or a label
 * paragraph that real documents use instead (`**Success criteria:**`).
 */
function hasSection(facts, canonical) {
    const also = (norm) => ALSO_SATISFIES[norm.split(/:\s/u)[0].trim()]?.includes(canonical) ?? false;
    if (facts.structure.sections.some((s) => s.canonical === canonical || also(s.normText)))
        return true;
    if (!facts.type)
        return false;
    for (const b of facts.blocks) {
        if (b.kind !== 'paragraph')
            continue;
        const label = labelOf(b.raw.split('\n', 1)[0] ?? '');
        if (label !== undefined && canonicalSection(facts.type, label) === canonical)
            return true;
    }
    return false;
}
/** The document's status is one the automation executes (`specs.executableStatuses`). */
function isApproved(facts) {
    return facts.meta.status !== undefined && facts.config.executableStatuses.includes(facts.meta.status);
}
/** A line to attach document-level findings to: the H1, else the first line. */
function titleLine(facts) {
    return facts.structure.sections.find((s) => s.depth === 1)?.line ?? 1;
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/checks/common.js


const VAGUE = new RegExp(`\\b(?:${VAGUE_WORDS.map((w) => w.replace(/[-]/g, '\\-')).join('|')})\\b`, 'i');
/** Duplicate definitions, mixed id styles and numbering gaps. */
function checkRequirementIds(facts) {
    const { sink } = facts;
    // Only PRDs and functional specs define requirements; a technical spec or a change proposal
    // that writes `### NFR001: …` twice is discussing the PRD's requirement, not defining it.
    const defines = facts.type === 'prd' || facts.type === 'functional-spec';
    const firstByKey = new Map();
    for (const r of defines ? facts.requirements : []) {
        const first = firstByKey.get(r.canonicalId);
        if (first !== undefined) {
            const spelling = first.id === r.id ? '' : `; ${first.id} and ${r.id} are the same id`;
            sink.add('req.id.duplicate', r.line, `${r.id} is defined twice (first on line ${first.line})${spelling}.`);
        }
        else
            firstByKey.set(r.canonicalId, { line: r.line, id: r.id });
    }
    const byPrefix = new Map();
    for (const r of facts.requirements) {
        if (!r.parsed)
            continue;
        const list = byPrefix.get(r.parsed.prefix) ?? [];
        list.push(r);
        byPrefix.set(r.parsed.prefix, list);
    }
    for (const [prefix, list] of byPrefix) {
        const separators = new Set(list.map((r) => r.parsed.style.separator));
        const pad = list.reduce((max, r) => Math.max(max, r.parsed.style.padded), 0); // no spread: a list can be long
        const unpadded = pad > 0 ? list.find((r) => r.parsed.style.padded === 0 && String(r.parsed.num).length < pad) : undefined;
        if (separators.size > 1 || unpadded) {
            const odd = unpadded ?? list.find((r) => r.parsed.style.separator !== list[0].parsed.style.separator);
            sink.add('req.id.mixed-style', odd.line, `${prefix} ids are written in several styles (${list[0].id} and ${odd.id}).`);
        }
        const nums = [...new Set(list.map((r) => r.parsed.num))].sort((a, b) => a - b);
        const missing = [];
        for (let i = 1; i < nums.length && missing.length <= 20; i++)
            for (let n = nums[i - 1] + 1; n < nums[i] && missing.length <= 20; n++)
                missing.push(n);
        if (missing.length > 0 && nums.length > 1) {
            const after = list.find((r) => r.parsed.num > missing[0]);
            const shown = missing.slice(0, 10).map((n) => `${prefix}-${n}`).join(', ');
            sink.add('req.id.gap', after.line, `${prefix} numbering skips ${shown}${missing.length > 10 ? ', …' : ''}.`);
        }
    }
}
/** Vague adjectives without a number (functional requirements only). */
function checkVagueRequirements(facts) {
    for (const r of facts.requirements) {
        if (r.kind !== 'FR' && r.kind !== 'REQ' && r.kind !== 'NFR')
            continue;
        const text = r.text.slice(0, 1000);
        const m = VAGUE.exec(text);
        if (m && !/\d/.test(text))
            facts.sink.add('quality.vague', r.line, `${r.id} says "${m[0]}" without a measurable target.`);
    }
}
/** EARS and Given/When/Then completeness, Kiro criterion numbering. */
function checkCriteria(facts) {
    for (const ac of facts.criteria) {
        const label = ac.id ? `Criterion ${ac.id}` : 'The criterion';
        if (ac.problem === 'ac.ears.malformed')
            facts.sink.add('ac.ears.malformed', ac.line, `${label} starts with ${ac.parts.kw ?? 'an EARS keyword'} but has no SHALL/MUST/SHOULD response.`);
        else if (ac.problem === 'ac.ears.missing-modal')
            facts.sink.add('ac.ears.missing-modal', ac.line, `${label} has ${ac.parts.kw ?? 'WHEN'} … THEN … but no SHALL, MUST or SHOULD.`);
        else if (ac.problem === 'ac.gwt.incomplete') {
            const missing = ['given', 'when', 'then'].filter((p) => ac.parts[p] === undefined || ac.parts[p] === '');
            facts.sink.add('ac.gwt.incomplete', ac.line, `${label} lacks ${missing.map((m) => m[0].toUpperCase() + m.slice(1)).join(' and ')}.`);
        }
        if (ac.explicitId && ac.parentNumber !== undefined && /^\d+\.\d+$/.test(ac.explicitId)) {
            const major = Number(ac.explicitId.split('.')[0]);
            if (major !== ac.parentNumber)
                facts.sink.add('ac.numbering', ac.line, `Criterion ${ac.explicitId} sits under Requirement ${ac.parentNumber}.`, { hint: `Renumber it ${ac.parentNumber}.x.` });
        }
    }
}
/** Markers and template leftovers, with the per-type rule codes of §3–§6. */
function checkMarkers(facts) {
    const { sink } = facts;
    const approved = isApproved(facts);
    const severity = approved ? 'error' : 'warning';
    const why = approved ? ` (status ${facts.meta.status}: the dev agent would have to guess)` : '';
    const separateClarification = facts.type === 'functional-spec' || facts.type === 'technical-spec';
    const leftoverRule = facts.type === 'functional-spec' ? 'fs.template-leftover' : facts.type === 'technical-spec' ? 'ts.template-leftover' : 'doc.template-leftover';
    let clarifications = 0;
    for (const m of facts.markers) {
        const span = { column: m.column, endColumn: m.column + m.text.length - 1 };
        if (m.inCode) {
            sink.add('marker.in-code', m.line, `${m.text} sits inside code, so it is not treated as open.`, span);
            continue;
        }
        if (m.kind === 'template-leftover') {
            sink.add(leftoverRule, m.line, `Template placeholder ${m.text} is still in the text.`, span);
            continue;
        }
        if (m.kind === 'needs-clarification')
            clarifications += 1;
        const what = m.question ? `${m.text.slice(0, 80)}` : m.text;
        if (m.kind === 'needs-clarification' && separateClarification) {
            sink.add('marker.needs-clarification', m.line, `Open question: ${what}${why}.`, { ...span, severity });
            if (clarifications === 4)
                sink.add('marker.needs-clarification.too-many', m.line, 'More than 3 [NEEDS CLARIFICATION] markers.', { column: m.column });
        }
        else {
            sink.add('marker.unresolved', m.line, `Unresolved ${m.kind.replace(/-/g, ' ')} marker ${what}${why}.`, { ...span, severity });
        }
    }
}
const SHARED_PHASE = /\b(?:setup|foundational|foundation|polish|cross-cutting)\b/i;
const STORY_PHASE = /\buser story\s*(\d+)\b|\bUS\s?(\d+)\b/i;
/** Task ids, dependencies, cycles, order and the spec-kit conventions. */
function checkTasks(facts, tasks = facts.tasks, pathOf = () => facts.path) {
    const { sink } = facts;
    if (tasks.length === 0)
        return;
    const add = (t, rule, message) => {
        if (pathOf(t) === facts.path)
            sink.add(rule, t.line, message);
        else
            sink.addAt(pathOf(t), rule, t.line, message);
    };
    const byId = new Map();
    for (const t of tasks) {
        const first = byId.get(t.id);
        if (first && t.hasId)
            add(t, 'task.id.duplicate', `Task ${t.id} is defined twice (first on line ${first.line}).`);
        else if (!first)
            byId.set(t.id, t);
    }
    for (const t of tasks) {
        for (const dep of t.dependsOn)
            if (!byId.has(dep))
                add(t, 'task.dep.dangling', `Task ${t.id} depends on ${dep}, which is not a task of this document.`);
    }
    // Cycles: iterative DFS (a task list can be long; no recursion).
    const state = new Map();
    for (const start of byId.keys()) {
        if (state.has(start))
            continue;
        const stack = [{ id: start, next: 0 }];
        state.set(start, 1);
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const deps = byId.get(top.id).dependsOn.filter((d) => byId.has(d));
            if (top.next >= deps.length) {
                state.set(top.id, 2);
                stack.pop();
                continue;
            }
            const dep = deps[top.next++];
            const s = state.get(dep);
            if (s === 1) {
                const cycle = [...stack.slice(stack.findIndex((f) => f.id === dep)).map((f) => f.id), dep];
                add(byId.get(top.id), 'task.dep.cycle', `Tasks depend on each other in a cycle: ${cycle.join(' → ')}.`);
            }
            else if (s === undefined) {
                state.set(dep, 1);
                stack.push({ id: dep, next: 0 });
            }
        }
    }
    const withIds = tasks.filter((t) => t.hasId);
    if (withIds.length > 0 && withIds.length >= tasks.length / 2) {
        for (const t of tasks)
            if (!t.hasId)
                add(t, 'task.id.missing', `This task has no id, unlike ${withIds.length} of the ${tasks.length} tasks.`);
    }
    const order = (id) => {
        const m = /^T?(\d+)(?:\.(\d+))?/.exec(id);
        return m ? [Number(m[1]), Number(m[2] ?? 0)] : undefined;
    };
    let prev;
    for (const t of withIds) {
        if (t.parentId && t.style !== 'kiro')
            continue;
        const key = order(t.id);
        if (!key)
            continue;
        if (prev && prev.t.style === t.style && (key[0] < prev.key[0] || (key[0] === prev.key[0] && key[1] < prev.key[1]))) {
            add(t, 'task.order', `Task ${t.id} comes after ${prev.t.id}.`);
        }
        prev = { t, key };
    }
    // spec-kit conventions.
    const speckit = tasks.filter((t) => t.style === 'speckit');
    if (speckit.length > 0) {
        for (const t of speckit) {
            const phase = t.phase ?? '';
            const storyLabel = t.storyRef ?? /\[(US\d+)\]/.exec(t.raw)?.[1];
            if (SHARED_PHASE.test(phase) && storyLabel)
                add(t, 'task.speckit.story-label', `Task ${t.id} has a [${storyLabel}] label in the "${phase}" phase.`);
            if (STORY_PHASE.test(phase) && !storyLabel)
                add(t, 'task.speckit.missing-story', `Task ${t.id} in "${phase}" has no [USn] label.`);
            if (t.files.length === 0)
                add(t, 'task.speckit.no-path', `Task ${t.id} names no file path.`);
        }
    }
    const parallelByPhase = new Map();
    for (const t of tasks) {
        if (!t.parallel)
            continue;
        const phaseKey = `${pathOf(t)}#${t.section}`;
        const files = parallelByPhase.get(phaseKey) ?? new Map();
        parallelByPhase.set(phaseKey, files);
        for (const f of t.files) {
            const other = files.get(f);
            if (other && other.id !== t.id)
                add(t, 'task.parallel.same-file', `Tasks ${other.id} and ${t.id} are both [P] in this phase and both touch ${f}.`);
            else
                files.set(f, t);
        }
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/checks/functional-spec.js
/** Functional-spec checks (spec-formats.md §4), for the spec-kit, Kiro and generic dialects. */

/** "System MUST …" in the languages spec-kit specs are written in; CJK puts the modal in the verb. */
const MODALS = /\b(?:MUST|SHALL|DOIT|DOIVENT|DEBE|DEBEN|MUSS|MÜSSEN)\b|必须|必須|应当|應當|しなければならない|する必要がある|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
function checkFunctionalSpec(facts) {
    const { sink, dialect } = facts;
    const at = titleLine(facts);
    if (!hasSection(facts, 'requirements'))
        sink.add('fs.section.requirements', at, 'No Requirements (or Functional Requirements) section.');
    if (facts.requirements.length === 0)
        sink.add('fs.req.none', at, 'No requirement items (**FR-001**, ### Requirement N, FR-n headings, list items or table rows).');
    if (facts.criteria.length === 0)
        sink.add('fs.ac.none', at, 'No acceptance criteria anywhere in the document.');
    const hasUserStories = facts.stories.length > 0 || facts.requirements.some((r) => r.userStory);
    if (!hasSection(facts, 'scenarios') && !hasUserStories)
        sink.add('fs.section.scenarios', at, 'No User Scenarios or User Stories.');
    if (dialect === 'speckit' && !hasSection(facts, 'success-criteria'))
        sink.add('fs.section.success-criteria', at, 'No Success Criteria (measurable outcomes, SC-###).');
    if (!hasSection(facts, 'overview'))
        sink.add('fs.section.overview', at, 'No Introduction or Overview.');
    if (dialect !== 'speckit') {
        // A requirement is covered by its own criteria or by criteria anywhere in its section.
        const { structure } = facts;
        const criteriaBySection = new Set();
        for (const ac of facts.criteria) {
            for (let s = structure.sectionOf[ac.block]; s >= 0; s = structure.sections[s].parent)
                criteriaBySection.add(s);
        }
        const byParent = new Set(facts.criteria.map((ac) => ac.parentRef).filter(Boolean));
        for (const r of facts.requirements) {
            if (r.kind !== 'FR' && r.kind !== 'REQ')
                continue;
            if (byParent.has(r.id))
                continue;
            const own = structure.sectionOf[r.block];
            // Heading requirements own their section; list requirements only count criteria attached to them.
            if (r.form === 'heading' && own >= 0 && criteriaBySection.has(own))
                continue;
            if (dialect === 'kiro')
                sink.add('fs.req.no-ac', r.line, `${r.id} has no acceptance criteria (Kiro requirements own their criteria).`, { severity: 'error' });
            else
                sink.add('fs.req.no-ac', r.line, `${r.id} has no acceptance criteria.`);
        }
    }
    const p1 = facts.stories.filter((s) => s.style === 'speckit' && s.priority === 'P1');
    for (const s of facts.stories) {
        if (s.style !== 'speckit')
            continue;
        if (s.acceptanceCriteria.length === 0)
            sink.add('fs.story.no-scenario', s.line, `User story ${s.id} has no acceptance scenario.`);
        if (!s.priority)
            sink.add('fs.story.priority', s.line, s.priorityRaw ? `User story ${s.id} has priority "${s.priorityRaw}", not P<n>.` : `User story ${s.id} has no (Priority: Pn).`);
    }
    if (p1.length > 1)
        sink.add('fs.story.priority-dup-p1', p1[1].line, `${p1.length} user stories are P1 (${p1.map((s) => s.id).join(', ')}).`);
    if (dialect === 'speckit') {
        for (const r of facts.requirements) {
            if ((r.kind === 'FR' || r.kind === 'EF') && !MODALS.test(r.text))
                sink.add('fs.fr.modal', r.line, `${r.id} has no MUST or SHALL.`);
        }
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/checks/prd.js
/** PRD checks (spec-formats.md §3). */

const STORY_MENTION = /\bStor(?:y|ies)\s+(\d+)\.(\d+)\b/g;
const BMAD_SECTIONS = ['goals and background context', 'epic list', 'checklist results report', 'technical assumptions', 'user interface design goals', 'epic details'];
/** Whether the PRD follows the BMAD template (v4 headings, v6 front matter, epics). */
function isBmadPrd(facts) {
    if (facts.fm && ('workflowType' in facts.fm || 'stepsCompleted' in facts.fm))
        return true;
    if (facts.epics.length > 0 || facts.stories.some((s) => s.style === 'bmad'))
        return true;
    return facts.structure.sections.some((s) => BMAD_SECTIONS.includes(s.normText));
}
/**
 * A Game Design Document (BMAD's game module, `workflowType: gdd`) stands where a PRD does but
 * describes mechanics, levels and art in prose: numbered requirements are not its convention.
 */
function isGameDesignDocument(facts) {
    return facts.fm?.workflowType === 'gdd' || /\bgame design document\b|\bGDD\b/iu.test(facts.title);
}
function checkPrd(facts) {
    const { sink } = facts;
    const at = titleLine(facts);
    // A GDD without numbered requirements is still worth a warning (nothing to trace), not an error.
    const gdd = isGameDesignDocument(facts) ? { severity: 'warning' } : undefined;
    if (!hasSection(facts, 'requirements'))
        sink.add('prd.section.requirements', at, 'No Requirements (or Functional Requirements) section.', gdd);
    if (!facts.requirements.some((r) => r.kind === 'FR' || r.kind === 'EF'))
        sink.add('prd.fr.none', at, 'No functional requirement with an id (FR-1, FR1, **FR-001**…).', gdd);
    if (!hasSection(facts, 'goals'))
        sink.add('prd.section.goals', at, 'No Goals, Background, Overview or Executive Summary section.');
    if (!hasSection(facts, 'non-functional') && !facts.requirements.some((r) => r.kind === 'NFR')) {
        sink.add('prd.section.nfr', at, 'No Non-Functional Requirements section.');
    }
    if (isBmadPrd(facts) && !facts.config.epicsFile && !hasSection(facts, 'epics') && facts.epics.length === 0) {
        sink.add('prd.section.epics', at, 'A BMAD-style PRD without an Epic List or Epic sections.');
    }
    for (const s of facts.stories) {
        if (s.style !== 'bmad')
            continue;
        if (s.acceptanceCriteria.length === 0)
            sink.add('prd.story.no-ac', s.line, `Story ${s.id} has no acceptance criteria.`);
        if (s.underEpic !== undefined && s.epic !== undefined && s.epic !== s.underEpic) {
            sink.add('prd.story.epic-mismatch', s.line, `Story ${s.id} sits under Epic ${s.underEpic}.`);
        }
    }
    if (facts.epics.length > 0) {
        for (const e of facts.epics)
            if (e.storyIds.length === 0)
                sink.add('prd.epic.no-story', e.line, `Epic ${e.number} has no stories.`);
    }
    // Forward dependencies: a story mentioning a later story of its own epic.
    const storyByBlock = new Map(facts.stories.filter((s) => s.style === 'bmad').map((s) => [s.block, s]));
    for (let b = 0; b < facts.blocks.length; b++) {
        const parent = facts.structure.parentOf[b];
        if (!parent || parent.kind !== 'bmad-story')
            continue;
        const story = storyByBlock.get(parent.block);
        if (!story?.id || b === story.block)
            continue;
        const block = facts.blocks[b];
        if (block.kind !== 'paragraph' && block.kind !== 'item')
            continue;
        const [e, n] = story.id.split('.').map(Number);
        for (const m of block.text.slice(0, 4000).matchAll(STORY_MENTION)) {
            if (Number(m[1]) === e && Number(m[2]) > n) {
                sink.add('prd.story.forward-dep', block.line, `Story ${story.id} refers to the later Story ${m[1]}.${m[2]}.`);
                break;
            }
        }
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/checks/sprint-change-proposal.js
/** Sprint-change-proposal checks that need only the document (spec-formats.md §6). */

const SCOPES = new Set(['minor', 'moderate', 'major']);
function checkChangeProposal(facts) {
    const { sink, meta } = facts;
    const at = titleLine(facts);
    if (!hasSection(facts, 'issue'))
        sink.add('scp.section.issue', at, 'No issue summary (Issue Summary, Change Trigger, Problem Statement…).');
    if (!hasSection(facts, 'changes'))
        sink.add('scp.section.changes', at, 'No proposed changes section (Proposed Changes, Detailed Change Proposals…).');
    if (!hasSection(facts, 'impact'))
        sink.add('scp.section.impact', at, 'No Impact Analysis.');
    if (!hasSection(facts, 'recommended-path'))
        sink.add('scp.section.path', at, 'No Recommended Path Forward.');
    if (!hasSection(facts, 'handoff'))
        sink.add('scp.section.handoff', at, 'No Implementation Handoff or Action Plan.');
    if (!hasSection(facts, 'mvp-impact') && !hasSection(facts, 'impact'))
        sink.add('scp.section.mvp-impact', at, 'No MVP Impact.');
    if (!hasSection(facts, 'success-criteria'))
        sink.add('scp.section.success', at, 'No Success Criteria.');
    const scp = facts.scp;
    const explicit = scp.targets.some((t) => t.explicit);
    if (!explicit && scp.targets.length === 0 && scp.editIds.length === 0) {
        // A bug-fix proposal can change code only ("Appendix A: File Change Summary" of .py files);
        // that is a proposal without document edits, not a broken one.
        const code = facts.sourceFiles;
        if (code.length > 0)
            sink.add('scp.target.none', at, `No target document: the proposal changes code only (${code.length} file${code.length === 1 ? '' : 's'}, e.g. ${code[0]}).`, { severity: 'info' });
        else
            sink.add('scp.target.none', at, 'No target document: no `changes:` in front matter and nothing to infer.');
    }
    else if (!explicit) {
        const named = scp.targets.map((t) => (t.doc.startsWith('type:') ? `the ${t.doc.slice(5)} documents` : t.doc));
        sink.add('scp.target.inferred', at, `Targets inferred from the text (${named.join(', ') || `documents defining ${scp.editIds.join(', ')}`}).`, { severity: facts.config.strict ? 'warning' : 'info' });
    }
    for (const e of scp.edits) {
        if (e.unpaired === 'old')
            sink.add('scp.edit.unpaired', e.line, 'OLD block without a NEW block.', { hint: 'Add the NEW block (write "NEW: (removed)" for a deletion).' });
        if (e.unpaired === 'new')
            sink.add('scp.edit.unpaired', e.line, 'NEW block without an OLD block.', { hint: 'Add the OLD block it replaces (for a pure addition, quote the text it goes after).' });
    }
    const scopeKey = ['scope', 'scope_classification'].find((k) => k in meta.extra);
    if (scopeKey) {
        const scope = String(meta.extra[scopeKey]).trim().toLowerCase().split(/[\s(—–-]/)[0] ?? '';
        if (!SCOPES.has(scope))
            sink.add('scp.scope.unknown', meta.lines[scopeKey] ?? at, `Scope "${String(meta.extra[scopeKey])}" is not minor, moderate or major.`);
    }
    const executable = isApproved(facts);
    if (!executable)
        sink.add('scp.approval.missing', meta.lines.status ?? at, `Status is ${meta.statusRaw ?? 'missing'}, so the change proposal is not applied.`);
    if (facts.fm) {
        const approvedFields = ['approved_at', 'approved_by'].filter((k) => k in facts.fm);
        const approvedStatus = meta.status === 'approved' || meta.status === 'implementing' || meta.status === 'done';
        if (approvedFields.length > 0 && !approvedStatus) {
            sink.add('scp.approval.inconsistent', facts.keyLines[approvedFields[0]] ?? at, `\`${approvedFields[0]}\` is set but the status is ${meta.statusRaw ?? 'missing'}.`);
        }
        else if (approvedFields.length === 0 && meta.status === 'approved') {
            sink.add('scp.approval.inconsistent', meta.lines.status ?? at, 'Status is approved but there is no `approved_by` or `approved_at`.', { severity: facts.config.strict ? 'warning' : 'info' });
        }
    }
    for (const item of facts.checklist) {
        if (item.state === 'action-needed')
            sink.add('scp.checklist.open', item.line, `Open action: ${item.text.slice(0, 120)}`);
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/checks/technical-spec.js
/** Technical-spec checks that need only the document (spec-formats.md §5). */

function checkTechnicalSpec(facts) {
    const { sink } = facts;
    const at = titleLine(facts);
    if (!facts.hasOwnTitle)
        sink.add('ts.title.none', 1, 'No `#` title and no front-matter title.');
    if (!hasSection(facts, 'design'))
        sink.add('ts.design.none', at, 'No design section (Architecture, Components, Data Models, Tech Stack, Project Structure…).');
    if (!hasSection(facts, 'overview'))
        sink.add('ts.section.overview', at, 'No Overview or Summary section.');
    // Bundle documents get their companion tasks.md and spec at repository level.
    if (!facts.inBundle && !hasSection(facts, 'tasks') && facts.tasks.length === 0)
        sink.add('ts.section.tasks', at, 'No Implementation Plan or Tasks section, and no tasks.');
    if (!hasSection(facts, 'testing'))
        sink.add('ts.section.testing', at, 'No Testing Strategy section.');
    if (facts.dialect === 'quick-spec' && !hasSection(facts, 'acceptance') && facts.criteria.length === 0)
        sink.add('ts.section.acceptance', at, 'A quick-spec without `### Acceptance Criteria`.');
    if (!facts.inBundle && facts.meta.implements.length === 0)
        sink.add('ts.implements.missing', facts.meta.lines.type ?? 1, 'The technical spec does not say what it implements (`implements:` in front matter).', { severity: facts.config.strict ? 'warning' : 'info' });
    for (const b of facts.blocks) {
        if (b.kind === 'code' && b.lang === 'mermaid' && b.value.trim() === '')
            sink.add('ts.mermaid.empty', b.line, 'Empty mermaid diagram.');
    }
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
// EXTERNAL MODULE: ./lib/pipeline/spec/model.js
var model = __webpack_require__(3569);
;// CONCATENATED MODULE: ./lib/pipeline/spec/detect-type.js
/**
 * Which of the four types a document is (§8): front-matter `type`, then a repository
 * override from `specs.types`, then BMAD hints, then a weighted score over path,
 * title, H2 headings and body. The score breakdown is always kept as evidence.
 */




/**
 * Body signals: a test on one line (at most 2,000 characters of it), the type it points
 * to and its weight. Tests are plain scans, never backtracking regexes over whole
 * lines, so hostile input cannot make detection slow.
 */
const BODY_SIGNALS = [
    { test: (l) => /^(?:\d+\.|[-*])?\s*(?:\*\*)?(?:FR|NFR)\d+(?:\*\*)?\s*[:：]/.test(l), type: 'prd', weight: 3, name: 'FRn: items' },
    { test: (l) => /^#{2,3}\s*(?:Epic|Story)\s+\d/.test(l), type: 'prd', weight: 2, name: 'Epic/Story headings' },
    { test: (l) => /\*\*FR-\d{3}\*\*/.test(l), type: 'functional-spec', weight: 3, name: '**FR-###** items' },
    { test: (l) => l.includes('SHALL') && /\b(?:WHEN|IF|WHILE|WHERE)\b/.test(l), type: 'functional-spec', weight: 3, name: 'EARS with SHALL' },
    { test: (l) => /\*\*Given\*\*/i.test(l) && /\*\*When\*\*/i.test(l), type: 'functional-spec', weight: 2, name: '**Given**…**When**' },
    { test: (l) => /^\s*[-*] \[[ xX]\] T\d{3}/.test(l), type: 'technical-spec', weight: 4, name: '- [ ] T### tasks' },
    { test: (l) => /^\s*[-*] \[[ xX]\]\*? \d{1,3}(?:\.\d{1,3})?\.? /.test(l), type: 'technical-spec', weight: 2, name: 'Kiro numbered tasks' },
    { test: (l) => /^\s*(?:```|~~~)\s*mermaid/.test(l), type: 'technical-spec', weight: 1, name: 'mermaid diagram' },
    { test: (l) => /^\s*(?:\*\*|__)?(?:OLD|NEW)(?:\*\*|__)?\s*[:：]/.test(l), type: 'sprint-change-proposal', weight: 2, name: 'OLD:/NEW: labels' },
];
const MAX_SIGNAL_LINE = 2000;
const H2_CAP = 4;
function emptyScores() {
    return { prd: 0, 'functional-spec': 0, 'technical-spec': 0, 'sprint-change-proposal': 0 };
}
/** Scores a document by path, title, H2s and body (§8 steps 4–7). */
function scoreType(path, title, sections, body) {
    const scores = emptyScores();
    const reasons = [];
    const lower = path.toLowerCase();
    for (const signal of PATH_SIGNALS) {
        if (signal.pattern.test(lower)) {
            scores[signal.type] += signal.weight;
            reasons.push(`path ${path} → ${signal.type} (+${signal.weight})`);
        }
    }
    for (const type of model/* DOC_TYPES */.D) {
        if (TITLE_SIGNALS[type].test(title)) {
            scores[type] += 6;
            reasons.push(`title "${title}" → ${type} (+6)`);
        }
    }
    for (const type of model/* DOC_TYPES */.D) {
        let h2 = 0;
        for (const s of sections) {
            if (s.depth !== 2 || h2 >= H2_CAP)
                continue;
            const canonical = canonicalSection(type, s.normText);
            const level = canonical ? sectionSpec(type, canonical)?.level : undefined;
            if (level === 'required' || level === 'recommended')
                h2 += 1;
        }
        if (h2 > 0) {
            scores[type] += h2;
            reasons.push(`${h2} H2 section(s) of a ${type} (+${h2})`);
        }
    }
    const pending = new Set(BODY_SIGNALS);
    for (let start = 0; start < body.length && pending.size > 0;) {
        const end = body.indexOf('\n', start);
        const stop = end === -1 ? body.length : end;
        const line = body.slice(start, Math.min(stop, start + MAX_SIGNAL_LINE));
        for (const signal of pending) {
            if (signal.test(line)) {
                pending.delete(signal);
                scores[signal.type] += signal.weight;
                reasons.push(`body: ${signal.name} → ${signal.type} (+${signal.weight})`);
            }
        }
        start = stop + 1;
    }
    const ranked = [...model/* DOC_TYPES */.D].sort((a, b) => scores[b] - scores[a]);
    const best = scores[ranked[0]];
    const second = scores[ranked[1]];
    return { scores, reasons, confident: best >= 6 && best - second >= 3 };
}
/**
 * Decides the type. Reports `fm.type.unknown` for a front-matter type that is not a
 * known synonym and `type.ambiguous` when the heuristic is not confident.
 */
function detectType(path, fm, typeLine, title, sections, body, config, sink, fallbackType) {
    const evidence = scoreType(path, title, sections, body);
    const rawType = fm?.type;
    if (rawType !== undefined && rawType !== null) {
        const type = normalizeType(String(rawType));
        if (type) {
            evidence.reasons.unshift(`front matter type: ${String(rawType)}`);
            return { type, source: 'front-matter', confidence: 100, evidence: { ...evidence, confident: true } };
        }
        if (NON_SPEC_TYPES.has(String(rawType).trim().toLowerCase().replace(/[\s_]+/g, '-'))) {
            const none = { prd: 0, 'functional-spec': 0, 'technical-spec': 0, 'sprint-change-proposal': 0 };
            return { type: undefined, source: undefined, confidence: 0, evidence: { scores: none, reasons: [`front matter type: ${String(rawType)} (not a spec)`], confident: false } };
        }
        sink.add('fm.type.unknown', typeLine, `Unknown document type "${String(rawType)}".`);
    }
    for (const [glob, type] of Object.entries(config.types)) {
        if (picomatch.isMatch(path, glob, { dot: true })) {
            evidence.reasons.unshift(`config specs.types["${glob}"]: ${type}`);
            return { type: type, source: 'config', confidence: 100, evidence: { ...evidence, confident: true } };
        }
    }
    const workflowType = typeof fm?.workflowType === 'string' ? WORKFLOW_TYPES[fm.workflowType.trim().toLowerCase()] : undefined;
    if (workflowType) {
        evidence.reasons.unshift(`BMAD workflowType: ${String(fm.workflowType)}`);
        return { type: workflowType, source: 'bmad-workflowType', confidence: 100, evidence: { ...evidence, confident: true } };
    }
    if (fm && 'slug' in fm && ('tech_stack' in fm || 'files_to_modify' in fm)) {
        evidence.reasons.unshift('BMAD quick-spec front matter (slug + tech_stack/files_to_modify)');
        return { type: 'technical-spec', source: 'bmad-workflowType', confidence: 100, evidence: { ...evidence, confident: true } };
    }
    const ranked = [...model/* DOC_TYPES */.D].sort((a, b) => evidence.scores[b] - evidence.scores[a]);
    const best = ranked[0];
    const confidence = evidence.scores[best];
    if (evidence.confident)
        return { type: best, source: 'heuristic', confidence, evidence };
    if (fallbackType) {
        evidence.reasons.unshift(`bundle layout: ${fallbackType}`);
        return { type: fallbackType, source: 'heuristic', confidence, evidence };
    }
    const second = ranked[1];
    const top = `${best} ${evidence.scores[best]}, ${second} ${evidence.scores[second]}`;
    sink.add('type.ambiguous', typeLine, `Cannot tell the document type (scores: ${top}; a confident type needs 6 points and a 3-point lead). Evidence: ${evidence.reasons.join('; ') || 'none'}.`, { hint: `Add \`type: ${evidence.scores[best] > 0 ? best : 'prd'}\` (or another type) to the front matter.` });
    return { type: undefined, source: undefined, confidence, evidence };
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/dialect.js
const SPECKIT_PATH = /(?:^|\/)specs\/\d{3,}-[^/]+\/(?<file>spec|plan|tasks)\.md$/i;
const KIRO_PATH = /(?:^|\/)\.kiro\/specs\/[^/]+\/(?<file>requirements|bugfix|design|tasks)\.md$/i;
function bundleRoleOf(path) {
    const sk = SPECKIT_PATH.exec(path);
    if (sk?.groups)
        return { kind: 'speckit', dir: path.slice(0, path.lastIndexOf('/')), file: sk.groups.file.toLowerCase() };
    const kiro = KIRO_PATH.exec(path);
    if (kiro?.groups)
        return { kind: 'kiro', dir: path.slice(0, path.lastIndexOf('/')), file: kiro.groups.file.toLowerCase() };
    return undefined;
}
/** A `tasks.md` is a companion task list (spec-kit, Kiro), not a full technical spec. */
function isTaskList(path) {
    return /(?:^|\/)tasks\.md$/i.test(path);
}
const BMAD_HEADINGS = new Set([
    'goals and background context',
    'epic list',
    'checklist results report',
    'technical assumptions',
    'user interface design goals',
    'epic details',
    'high level architecture',
    'tech stack',
    'source tree',
    'identified issue summary',
    'epic impact summary',
    'artifact adjustment needs',
    'agent handoff plan',
    'prd mvp impact',
    'project context analysis',
    'core architectural decisions',
]);
function detectDialect(path, type, fm, title, structure) {
    const role = bundleRoleOf(path);
    if (role)
        return role.kind;
    if (type === 'technical-spec' && ((fm && 'slug' in fm && ('tech_stack' in fm || 'files_to_modify' in fm)) || /^tech-?spec\s*[:：]/i.test(title)))
        return 'quick-spec';
    if (fm && ('workflowType' in fm || 'stepsCompleted' in fm))
        return 'bmad';
    const headings = structure.sections.map((s) => s.normText);
    if (type === 'functional-spec') {
        if (headings.some((h) => /^requirement \d+/.test(h)))
            return 'kiro';
        if (headings.includes('user scenarios & testing') || headings.some((h) => /^user story \d+/.test(h)))
            return 'speckit';
    }
    if (headings.some((h) => BMAD_HEADINGS.has(h) || /^story \d+\.\d+/.test(h)))
        return 'bmad';
    return 'generic';
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/pipeline/arrays.js
var arrays = __webpack_require__(3938);
;// CONCATENATED MODULE: ./lib/pipeline/spec/front-matter.js
/**
 * Front matter of a spec: found by line (so its file lines are exact), parsed with the
 * same YAML 1.2 parser as the configuration (`yaml`'s parseDocument with a line counter,
 * so keys and errors have exact positions), and made safe: only YAML is read (no engine
 * that could run code), YAML errors are located, non-mappings are ignored, alias bombs
 * are cut, and plain values that YAML 1.1 readers take differently are pointed out.
 */


/** Limits for the sanitized copy of front-matter data. */
const MAX_NODES = 5000;
const MAX_DEPTH = 12;
const OPEN = /^---([A-Za-z0-9_-]*)[ \t]*$/;
const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:/;
/** What may follow the opening `---`: nothing, or a name for YAML. */
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);
/**
 * A plain, bounded copy: Dates become `YYYY-MM-DD` (or ISO) strings, depth and node
 * count are capped so `a: &x [*x, *x]`-style alias trees cannot blow up later walks.
 */
function sanitize(value, depth, state) {
    state.nodes += 1;
    if (state.nodes > MAX_NODES || depth > MAX_DEPTH) {
        state.truncated = true;
        return undefined;
    }
    if (value instanceof Date) {
        if (Number.isNaN(value.getTime()))
            return String(value);
        const iso = value.toISOString();
        return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
    }
    if (Array.isArray(value)) {
        const out = [];
        for (const item of value) {
            if (state.truncated)
                break;
            out.push(sanitize(item, depth + 1, state));
        }
        return out;
    }
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            if (state.truncated)
                break;
            if (k === '__proto__')
                continue;
            out[k] = sanitize(v, depth + 1, state);
        }
        return out;
    }
    return value;
}
const SCALAR_LINE = /^(?<key>[A-Za-z_][\w.-]*)[ \t]*:[ \t]+(?<value>[^\s[{|>&*!#%@`][^\n]*?)[ \t]*$/;
/** Top-level `key: scalar` lines of a front matter that failed to parse, quotes removed. */
function recoverScalars(lines) {
    const out = {};
    for (const line of lines) {
        const m = SCALAR_LINE.exec(line);
        if (!m?.groups || m.groups.key in out || m.groups.key === '__proto__')
            continue;
        const value = m.groups.value.replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2');
        if (value !== '')
            out[m.groups.key] = value;
    }
    return out;
}
function isMapping(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
/**
 * Plain top-level values that YAML 1.1 readers (Jekyll, js-yaml 3, PyYAML, many
 * front-matter tools) take differently from the YAML 1.2 read here, or that do not stay
 * as written: `approved: yes` is text here and `true` there; `revision: 2.10` is the
 * number 2.1. `id` and `version` have rules of their own (fm.id.not-string, …).
 */
function yamlSurprises(doc, content, lineCounter, openLine) {
    const out = [];
    if (!(0,dist/* isMap */.jh)(doc.contents))
        return out;
    for (const pair of doc.contents.items) {
        if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isScalar */.jn)(pair.key) || !(0,dist/* isScalar */.jn)(pair.value))
            continue;
        const key = String(pair.key.value);
        const value = pair.value;
        if (value.type !== 'PLAIN' || !value.range || key === 'id' || key === 'version')
            continue;
        const source = content.slice(value.range[0], value.range[1]);
        const at = lineCounter.linePos(value.range[0]);
        const where = { line: openLine + at.line, column: at.col };
        if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(source)) {
            const meant = /^(y|yes|on)$/i.test(source);
            out.push({ rule: 'fm.yaml-surprise', ...where, message: `\`${key}: ${source}\` is read as the text "${source}"; YAML 1.1 tools read it as ${meant}. Write \`${key}: ${meant}\`, or quote the text.` });
        }
        else if (typeof value.value === 'number' && String(value.value) !== source.replace(/^\+/, '')) {
            out.push({ rule: 'fm.yaml-surprise', ...where, message: `\`${key}: ${source}\` is read as the number ${value.value}, not as written. Quote it to keep it as text: \`${key}: "${source}"\`.` });
        }
    }
    return out;
}
/**
 * Splits off and parses the front matter of normalized text (LF line endings, no BOM).
 * Never throws.
 */
function readFrontMatter(text) {
    const lines = text.split('\n');
    const none = (problems = []) => ({ data: undefined, keyLines: {}, body: text, bodyLineOffset: 0, problems });
    let first = 0;
    while (first < lines.length && lines[first].trim() === '')
        first += 1;
    const open = first < lines.length ? OPEN.exec(lines[first]) : null;
    if (!open)
        return none();
    let close = -1;
    for (let i = first + 1; i < lines.length; i++) {
        // Closes at the first line that starts with the delimiter, as gray-matter, Jekyll and most readers do.
        if (lines[i].startsWith('---')) {
            close = i;
            break;
        }
    }
    if (first > 0) {
        // Only a block of `key: value` lines is front matter out of place; otherwise it is a thematic break.
        const firstContent = lines.slice(first + 1, close === -1 ? undefined : close).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
        if (close === -1 || !firstContent || !KEY_LINE.test(firstContent))
            return none();
    }
    if (close === -1) {
        return none([
            {
                rule: 'fm.unclosed',
                message: 'The file starts with `---` but no closing `---` line follows; it was read as Markdown without front matter.',
                line: first + 1,
            },
        ]);
    }
    const problems = [];
    if (first > 0) {
        problems.push({
            rule: 'fm.not-first-line',
            message: `Front matter starts on line ${first + 1}, not line 1; GitHub and most tools will not read it. It was read anyway.`,
            line: first + 1,
        });
    }
    const openLine = first + 1;
    const keyLines = {};
    for (let i = first + 1; i < close; i++) {
        const m = KEY_LINE.exec(lines[i]);
        if (m && !(m[1] in keyLines))
            keyLines[m[1]] = i + 1;
    }
    const body = lines.slice(close + 1).join('\n');
    const bodyLineOffset = close + 1;
    if (!YAML_LANGUAGES.has(open[1].toLowerCase())) {
        problems.push({
            rule: 'fm.language',
            message: `Front matter in "${open[1]}" is not supported (only YAML is read, and code is never run); it was ignored.`,
            line: openLine,
        });
        return { data: undefined, keyLines: {}, body, bodyLineOffset, problems };
    }
    // The YAML between the delimiters: its line n is file line openLine + n.
    const content = lines.slice(first + 1, close).join('\n');
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const [error] = doc.errors;
    if (error) {
        const at = lineCounter.linePos(error.pos[0]);
        // Recover the simple `key: value` lines, so one bad line does not also lose the
        // document's type, id and status (and every reference to it).
        const recovered = recoverScalars(lines.slice(first + 1, close));
        const names = Object.keys(recovered);
        const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
        problems.push({
            rule: 'fm.yaml',
            message: `Invalid YAML in front matter: ${reason}.${names.length > 0 ? ` Simple keys were read line by line (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}).` : ''}`,
            line: Math.min(openLine + at.line, close + 1),
            column: at.col,
        });
        return { data: names.length > 0 ? recovered : undefined, keyLines, body, bodyLineOffset, problems };
    }
    // Aliases resolve to shared objects (no copies), so an alias bomb costs nothing here;
    // sanitize() below bounds what is kept.
    const parsed = doc.toJS({ maxAliasCount: -1 });
    if ((0,dist/* isMap */.jh)(doc.contents)) {
        for (const pair of doc.contents.items) {
            const start = pair.key?.range?.[0];
            if ((0,dist/* isScalar */.jn)(pair.key) && start !== undefined)
                keyLines[String(pair.key.value)] = openLine + lineCounter.linePos(start).line;
        }
        (0,arrays/* appendAll */.u2)(problems, yamlSurprises(doc, content, lineCounter, openLine));
    }
    if (parsed === undefined || parsed === null || (isMapping(parsed) && Object.keys(parsed).length === 0 && Object.keys(keyLines).length === 0)) {
        return { data: {}, keyLines, body, bodyLineOffset, problems };
    }
    if (!isMapping(parsed)) {
        const kind = Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`;
        problems.push({
            rule: 'fm.not-mapping',
            message: `The block between the first two \`---\` lines is ${kind}, not \`key: value\` pairs; it was ignored and the whole file read as Markdown.`,
            line: openLine,
        });
        return { data: undefined, keyLines: {}, body: text, bodyLineOffset: 0, problems };
    }
    const state = { nodes: 0, truncated: false };
    const data = sanitize(parsed, 0, state);
    if (state.truncated) {
        problems.push({
            rule: 'fm.too-complex',
            message: `The front matter is nested deeper than ${MAX_DEPTH} levels or holds more than ${MAX_NODES} values (YAML aliases multiply); only part of it was kept.`,
            line: openLine,
        });
    }
    return { data, keyLines, body, bodyLineOffset, problems };
}

// EXTERNAL MODULE: ./node_modules/mdast-util-from-markdown/lib/index.js + 48 modules
var lib = __webpack_require__(8074);
// EXTERNAL MODULE: ./node_modules/mdast-util-gfm-strikethrough/lib/index.js
var mdast_util_gfm_strikethrough_lib = __webpack_require__(870);
// EXTERNAL MODULE: ./node_modules/mdast-util-gfm-table/lib/index.js
var mdast_util_gfm_table_lib = __webpack_require__(7421);
// EXTERNAL MODULE: ./node_modules/mdast-util-gfm-task-list-item/lib/index.js
var mdast_util_gfm_task_list_item_lib = __webpack_require__(6303);
// EXTERNAL MODULE: ./node_modules/micromark-extension-gfm-strikethrough/lib/syntax.js
var syntax = __webpack_require__(9299);
// EXTERNAL MODULE: ./node_modules/micromark-extension-gfm-table/lib/syntax.js + 2 modules
var lib_syntax = __webpack_require__(7749);
// EXTERNAL MODULE: ./node_modules/micromark-extension-gfm-task-list-item/lib/syntax.js
var micromark_extension_gfm_task_list_item_lib_syntax = __webpack_require__(1197);
;// CONCATENATED MODULE: ./lib/pipeline/spec/chunks.js
/**
 * Splits a Markdown body into chunks that can be parsed one by one, so parsing stays
 * linear. `fromMarkdown` (micromark) is super-linear on long lists whose items open
 * nested lists (closing each nested list rescans the events so far): 5,000
 * requirements with nested acceptance criteria took ~50 s in one call.
 *
 * A chunk starts only where a new top-level block must start (outside code fences and
 * HTML blocks): an ATX heading, a list item at the chunk's left margin, a line after a
 * blank line, a new block quote. Inside one huge list, when no such boundary comes,
 * the chunk is cut at a nested list item and the following lines are *dedented* to that
 * item's container, so they parse as the same list items; the blocks of such a chunk are
 * re-attached to the enclosing item (`parentLine`, `depthOffset`) and their columns
 * shifted back (`dedent`). Every chunk records where its lines are in the body.
 */
const DEFAULT_CHUNK_LIMITS = { targetChars: 8 * 1024, targetNested: 12, hardChars: 32 * 1024, hardNested: 24, hardDelimiters: 128 };
/** Characters that open or close inline constructs (emphasis, links, code, HTML, entities). */
const DELIMITER = new Uint8Array(128);
for (const c of '*_[]()~`<>!&')
    DELIMITER[c.charCodeAt(0)] = 1;
/** How many inline delimiter characters a line holds. */
function countDelimiters(line) {
    let n = 0;
    for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c < 128 && DELIMITER[c] === 1)
            n += 1;
    }
    return n;
}
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const BULLET = /^([-*+])([ \t]+|$)/;
const ORDERED = /^(\d{1,9})([.)])([ \t]+|$)/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const HTML_RAW = /^<(?:script|pre|style|textarea)(?:\s|>|$)/i;
const HTML_COMMENT = /^<!--/;
const HTML_OTHER = /^<[A-Za-z/?!]/;
/** Leading whitespace in columns (tab stops of 4) and the rest of the line. */
function shapeOf(line) {
    let col = 0;
    let i = 0;
    for (; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 32)
            col += 1;
        else if (c === 9)
            col += 4 - (col % 4);
        else
            break;
    }
    const content = line.slice(i);
    return { blank: content === '' || content.trim() === '', indent: col, content };
}
/** Width of a list marker plus its following spaces (1–4), or 0 when `content` is not a list item. */
function listMarkerWidth(content) {
    if (THEMATIC.test(content))
        return 0;
    const m = BULLET.exec(content) ?? ORDERED.exec(content);
    if (!m)
        return 0;
    const marker = m[0].trimEnd().length;
    const spaces = m[0].length - marker;
    // 5+ spaces after the marker means indented code inside the item: content starts after 1 space.
    return marker + (spaces === 0 ? 1 : spaces > 4 ? 1 : spaces);
}
/** Strips block-quote markers; returns the quote depth and the content inside. */
function stripQuotes(content) {
    let depth = 0;
    let s = content;
    for (;;) {
        const m = /^>[ ]?/.exec(s);
        if (!m)
            break;
        depth += 1;
        s = s.slice(m[0].length).replace(/^ {0,3}(?=>)/, '');
    }
    return { depth, inner: s };
}
/** Splits body lines into chunks (see the module comment). Linear in the number of lines. */
function splitIntoChunks(lines, limits = DEFAULT_CHUNK_LIMITS) {
    const chunks = [];
    let current = { start: 0, end: lines.length, dedent: 0, parentLine: -1, depthOffset: 0 };
    let chars = 0;
    let nested = 0;
    let runDelimiters = 0;
    const items = [];
    const quoteItems = [];
    let fence = null;
    let html = null;
    let prevBlank = true;
    let prevParagraph = false;
    let prevQuote = false;
    let prevEmptyItem = false;
    let prevCode = false;
    let prevItemDepth = 0;
    let prevQuoteItemDepth = 0;
    const startChunk = (at) => {
        if (at <= current.start)
            return;
        current.end = at;
        chunks.push(current);
        const enclosing = items[items.length - 1];
        current = {
            start: at,
            end: lines.length,
            dedent: enclosing ? enclosing.contentIndent : 0,
            parentLine: enclosing ? enclosing.line : -1,
            depthOffset: items.length,
        };
        chars = 0;
        nested = 0;
        runDelimiters = 0;
    };
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        const shape = shapeOf(raw);
        if (shape.blank) {
            if (html?.end === 'blank')
                html = null;
            runDelimiters = 0;
            prevBlank = true;
            prevParagraph = false;
            chars += raw.length + 1;
            continue;
        }
        const { indent, content } = shape;
        if (fence) {
            if (indent < fence.containerIndent)
                fence = null;
            else {
                if (indent - fence.containerIndent <= 3 && fence.close.test(content))
                    fence = null;
                chars += raw.length + 1;
                prevBlank = false;
                prevParagraph = false;
                continue;
            }
        }
        if (html) {
            if (indent < html.containerIndent)
                html = null;
            else {
                if (html.end !== 'blank' && html.end.test(content))
                    html = null;
                chars += raw.length + 1;
                prevBlank = false;
                prevParagraph = false;
                continue;
            }
        }
        // Indentation relative to the innermost list item that can hold this line: 4 or more
        // columns past it is indented code (or paragraph continuation), never a block start.
        let k = items.length;
        while (k > 0 && items[k - 1].contentIndent > indent)
            k -= 1;
        const codeLike = indent - (k > 0 ? items[k - 1].contentIndent : 0) >= 4;
        const quote = !codeLike && content.startsWith('>');
        const orderedMarker = ORDERED.exec(content);
        // micromark reads an ordered item that does not start at 1, and an empty item, right
        // under indented code as text; so do we, unless it continues an open list.
        const bareMarker = /^(?:[-*+]|\d{1,9}[.)])[ \t]*$/.test(content);
        const textAfterCode = prevCode && (bareMarker || (orderedMarker !== null && orderedMarker[1] !== '1')) && !items.some((it) => it.markerIndent === indent && it.ordered === (orderedMarker !== null));
        const markerWidth = quote || codeLike || textAfterCode ? 0 : listMarkerWidth(content);
        const isItem = markerWidth > 0;
        const ordered = isItem ? orderedMarker : null;
        const isHeading = !codeLike && ATX.test(content);
        const fenceOpen = codeLike ? null : FENCE.exec(content);
        const isFence = fenceOpen !== null && !(fenceOpen[1].startsWith('`') && fenceOpen[2].includes('`'));
        const isHtml = !codeLike && HTML_OTHER.test(content);
        const isThematic = !codeLike && THEMATIC.test(content);
        // An ordered item interrupts a paragraph only when it starts at 1, and an empty item
        // never does; `-` or `=` alone under a paragraph line is a setext underline.
        // Paragraph text right above, in the same container, restricts what may start here:
        // an ordered item must start at 1, an item must not be empty, `---` is an underline.
        // The next item of an open list (same indent, same kind) is not restricted.
        const sibling = isItem && items.some((it) => it.markerIndent === indent && it.ordered === Boolean(ordered));
        const sameContainer = indent >= (items[items.length - 1]?.contentIndent ?? 0);
        const restricted = prevParagraph && !prevBlank && sameContainer && !sibling;
        const orderedInterrupts = !ordered || ordered[1] === '1' || !restricted;
        const emptyItem = isItem && content.trim().length <= markerWidth;
        const underline = restricted && SETEXT_UNDERLINE.test(content);
        const interrupts = !(restricted && (emptyItem || underline));
        const blockStart = interrupts && (isHeading || (isItem && orderedInterrupts) || isFence || quote || isThematic || isHtml);
        const lazy = prevParagraph && !prevBlank && !blockStart;
        if (!lazy) {
            while (items.length > 0 && items[items.length - 1].contentIndent > indent)
                items.pop();
        }
        // Decide whether line i starts a new chunk. Not right after an empty item: what that
        // item holds depends on this line.
        const eff = indent - current.dedent;
        if (!lazy && eff < 0) {
            startChunk(i);
        }
        else if (prevEmptyItem) {
            // keep together
        }
        else if (!lazy && eff === 0) {
            // Never cut before an empty item or an ordered item that does not continue a list:
            // what they are depends on the lines above (micromark reads them as text after code).
            const risky = emptyItem || textAfterCode || (ordered !== null && ordered[1] !== '1' && !sibling);
            // A `>` line after paragraph text may continue that paragraph (lazy lines): not a new quote.
            const newQuote = quote && !prevQuote && !(prevParagraph && !prevBlank);
            const safe = !risky && ((interrupts && (isHeading || isItem || newQuote)) || (prevBlank && !quote));
            const quoteItemCut = quote && prevQuote && nested >= limits.targetNested && listMarkerWidth(stripQuotes(content).inner) > 0;
            if ((safe && (chars >= limits.targetChars || nested >= limits.targetNested)) || quoteItemCut)
                startChunk(i);
            else if ((chars >= limits.hardChars || nested >= limits.hardNested) && quote && current.dedent === 0 && shapeOf(stripQuotes(content).inner).indent === 0)
                startChunk(i);
        }
        else if (!lazy && isItem && interrupts && !emptyItem && (!ordered || ordered[1] === '1' || sibling) && (chars >= limits.hardChars || nested >= limits.hardNested)) {
            startChunk(i);
        }
        else if (isHeading && k === 0 && current.dedent === 0 && eff <= 3 && !lazy && chars >= limits.targetChars) {
            startChunk(i);
        }
        else if (runDelimiters >= limits.hardDelimiters &&
            !blockStart &&
            eff <= 3 &&
            !SETEXT_UNDERLINE.test(content) &&
            !content.includes('|')) {
            // Inside a long paragraph: cutting here makes two paragraphs, which spec extraction
            // reads line by line anyway.
            startChunk(i);
        }
        runDelimiters += countDelimiters(content);
        // Update the line state.
        chars += raw.length + 1;
        if (isItem && !lazy) {
            const depth = items.length + 1;
            if (depth > 1 && depth > prevItemDepth)
                nested += 1;
            prevItemDepth = depth;
            items.push({ markerIndent: indent, contentIndent: indent + markerWidth, line: i, ordered: Boolean(ordered) });
        }
        else if (!lazy && indent === 0 && !quote) {
            prevItemDepth = 0;
        }
        if (quote) {
            const { inner } = stripQuotes(content);
            const innerShape = shapeOf(inner);
            const w = listMarkerWidth(innerShape.content);
            while (quoteItems.length > 0 && quoteItems[quoteItems.length - 1].contentIndent > innerShape.indent)
                quoteItems.pop();
            if (w > 0) {
                const depth = quoteItems.length + 1;
                if (depth > 1 && depth > prevQuoteItemDepth)
                    nested += 1;
                prevQuoteItemDepth = depth;
                quoteItems.push({ markerIndent: innerShape.indent, contentIndent: innerShape.indent + w, line: i, ordered: ORDERED.test(innerShape.content) });
            }
        }
        else {
            quoteItems.length = 0;
            prevQuoteItemDepth = 0;
        }
        if (!lazy && indent - (items[items.length - 1]?.contentIndent ?? 0) <= 3) {
            if (isFence && !quote) {
                const containerIndent = items[items.length - 1]?.contentIndent ?? 0;
                const char = fenceOpen[1][0];
                fence = { close: new RegExp(`^\\${char}{${fenceOpen[1].length},}[ \\t]*$`), containerIndent };
            }
            else if (isHtml && !quote) {
                const containerIndent = items[items.length - 1]?.contentIndent ?? 0;
                if (HTML_COMMENT.test(content))
                    html = content.includes('-->', 4) ? null : { end: /-->/, containerIndent };
                else if (HTML_RAW.test(content)) {
                    const tag = /^<([a-z]+)/i.exec(content)[1].toLowerCase();
                    const end = new RegExp(`</${tag}>`, 'i');
                    html = end.test(content) ? null : { end, containerIndent };
                }
                else
                    html = { end: 'blank', containerIndent };
            }
        }
        prevParagraph = lazy || (!codeLike && !isHeading && !isFence && !isThematic && !isHtml && !(isItem && content.length <= markerWidth) && !underline);
        prevBlank = false;
        prevQuote = quote;
        prevEmptyItem = emptyItem;
        prevCode = codeLike && !lazy;
    }
    current.end = lines.length;
    chunks.push(current);
    return chunks;
}
/**
 * Removes `columns` of leading whitespace (tabs expanded). A line with less indentation
 * than that can only be a lazy continuation line of the chunk (the chunker ends a chunk
 * at any other such line): it loses its indentation and, when it would now read as the
 * start of a block (`- a`, `2. b`, `# c`), the marker is escaped with a backslash, which
 * keeps it paragraph text whose extracted text is unchanged.
 */
function dedentLine(line, columns) {
    if (columns <= 0)
        return line;
    let col = 0;
    let i = 0;
    for (; i < line.length && col < columns; i++) {
        const c = line.charCodeAt(i);
        if (c === 32)
            col += 1;
        else if (c === 9) {
            const width = 4 - (col % 4);
            if (col + width > columns)
                return ' '.repeat(col + width - columns) + line.slice(i + 1);
            col += width;
        }
        else
            break;
    }
    const rest = line.slice(i);
    return col < columns ? escapeBlockStart(rest) : rest;
}
const BLOCK_START = /^(?:[-*+](?=[ \t]|$)|#{1,6}(?=[ \t]|$)|>|`{3,}|~{3,}|<|=+[ \t]*$)/;
const ORDERED_START = /^(\d{1,9})(?=[.)](?:[ \t]|$))/;
function escapeBlockStart(content) {
    if (BLOCK_START.test(content))
        return `\\${content}`;
    const ordered = ORDERED_START.exec(content);
    return ordered ? `${ordered[1]}\\${content.slice(ordered[1].length)}` : content;
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/markdown.js








/** The number an ordered list item is written with (mdast only keeps the list's start). */
const ORDINAL = /^(\d{1,9})[.)]/;
/**
 * Parser options per combination of the GFM constructs a chunk can contain: a table
 * needs `|`, a task item `[`, strikethrough `~`. Leaving out what cannot match saves
 * the table extension's per-line probing on most chunks.
 */
const OPTIONS_BY_MASK = Array.from({ length: 8 }, (_, mask) => ({
    extensions: [...(mask & 1 ? [(0,lib_syntax/* gfmTable */.x)()] : []), ...(mask & 2 ? [(0,micromark_extension_gfm_task_list_item_lib_syntax/* gfmTaskListItem */.J)()] : []), ...(mask & 4 ? [(0,syntax/* gfmStrikethrough */.K)()] : [])],
    mdastExtensions: [
        ...(mask & 1 ? [(0,mdast_util_gfm_table_lib/* gfmTableFromMarkdown */.c)()] : []),
        ...(mask & 2 ? [(0,mdast_util_gfm_task_list_item_lib/* gfmTaskListItemFromMarkdown */.S)()] : []),
        ...(mask & 4 ? [(0,mdast_util_gfm_strikethrough_lib/* gfmStrikethroughFromMarkdown */.p)()] : []),
    ],
}));
function optionsFor(text) {
    const mask = (text.includes('|') ? 1 : 0) | (text.includes('[') ? 2 : 0) | (text.includes('~') ? 4 : 0);
    return OPTIONS_BY_MASK[mask];
}
/**
 * A line with more inline delimiters than this is read as plain text: its delimiters are
 * swapped for private-use characters of the same length (so columns stay exact) and
 * swapped back in the extracted text. micromark's emphasis and link resolution is
 * quadratic in the delimiters of a paragraph; no real spec line has this many.
 */
const MAX_LINE_DELIMITERS = 256;
const DEFUSE_BASE = 0xe000;
const DEFUSABLE = /[*_[\]()~`<>!&]/g;
const DEFUSED = /[\ue000-\ue07f]/g; // includes `|` (0xe07c) for over-wide table rows
function defuse(line) {
    return line.replace(DEFUSABLE, (c) => String.fromCharCode(DEFUSE_BASE + c.charCodeAt(0)));
}
/** GFM tables get slower per cell as rows widen; a row this wide is read as text. */
const MAX_LINE_PIPES = 256;
function countPipes(line) {
    let n = 0;
    for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1))
        n += 1;
    return n;
}
function restoreDefused(text) {
    return text.replace(DEFUSED, (c) => String.fromCharCode(c.charCodeAt(0) - DEFUSE_BASE));
}
/** Container markers (`>`, `- `, `1. `) followed by each other on one line, beyond which nesting is flattened. */
const MAX_LINE_NESTING = 32;
const LINE_CONTAINERS = /^(?:[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/;
function flattenLine(line) {
    const m = LINE_CONTAINERS.exec(line);
    if (!m)
        return undefined;
    const prefix = m[0];
    const markers = prefix.match(/>|[-*+](?=[ \t])|\d{1,9}[.)]/g) ?? [];
    if (markers.length <= MAX_LINE_NESTING)
        return undefined;
    let kept = 0;
    let cut = 0;
    const re = /[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y;
    while (kept < MAX_LINE_NESTING) {
        re.lastIndex = cut;
        const mm = re.exec(prefix);
        if (!mm)
            break;
        cut = re.lastIndex;
        kept += 1;
    }
    return prefix.slice(0, cut) + line.slice(prefix.length);
}
/** Plain text of phrasing content, iteratively (emphasis can nest thousands deep in hostile input). */
function inlineOf(children, at) {
    const inline = collectInline(children, at);
    if (!at.defused)
        return inline;
    return { text: restoreDefused(inline.text), codes: inline.codes.map(restoreDefused), links: inline.links };
}
function collectInline(children, at) {
    let text = '';
    const codes = [];
    const links = [];
    const stack = [...children].reverse();
    while (stack.length > 0) {
        const node = stack.pop();
        switch (node.type) {
            case 'text':
                text += node.value;
                break;
            case 'inlineCode':
                text += node.value;
                codes.push(node.value);
                break;
            case 'break':
                text += '\n';
                break;
            case 'image':
                text += node.alt ?? '';
                break;
            case 'html':
                break;
            case 'link':
                if (node.position)
                    links.push({ url: node.url, line: at.line(node.position.start.line), column: at.column(node.position.start.line, node.position.start.column) });
                for (let i = node.children.length - 1; i >= 0; i--)
                    stack.push(node.children[i]);
                break;
            default:
                if ('children' in node) {
                    const kids = node.children;
                    for (let i = kids.length - 1; i >= 0; i--)
                        stack.push(kids[i]);
                }
        }
    }
    return { text, codes, links };
}
/**
 * Parses a Markdown body (text after the front matter) into blocks.
 * @param body normalized text (LF line endings)
 * @param lineOffset file lines before the body (front matter), added to every line
 */
function parseMarkdown(body, lineOffset, limits = DEFAULT_CHUNK_LIMITS) {
    const lines = body.split('\n');
    const chunks = splitIntoChunks(lines, limits);
    const blocks = [];
    const codeRanges = [];
    const itemByLine = new Map();
    let flattenedLine;
    let defusedLine;
    for (const chunk of chunks) {
        const parts = [];
        // Characters removed from the start of each chunk line (dedent, flattening), to restore columns.
        const removed = [];
        let defused = false;
        for (let i = chunk.start; i < chunk.end; i++) {
            const original = lines[i];
            let line = chunk.dedent > 0 ? dedentLine(original, chunk.dedent) : original;
            if (line.length > MAX_LINE_NESTING) {
                const flat = flattenLine(line);
                if (flat !== undefined) {
                    line = flat;
                    flattenedLine ??= i + 1 + lineOffset;
                }
            }
            if (line.length > MAX_LINE_DELIMITERS && countDelimiters(line) > MAX_LINE_DELIMITERS) {
                line = defuse(line);
                defusedLine ??= i + 1 + lineOffset;
                defused = true;
            }
            if (line.length > MAX_LINE_PIPES && countPipes(line) > MAX_LINE_PIPES) {
                line = line.replaceAll('|', String.fromCharCode(DEFUSE_BASE + 124));
                defusedLine ??= i + 1 + lineOffset;
                defused = true;
            }
            parts.push(line);
            removed.push(original.length - line.length);
        }
        const text = parts.join('\n');
        // Chunk line 1 is body line chunk.start + 1, i.e. file line chunk.start + 1 + lineOffset.
        const shift = chunk.start + lineOffset;
        const at = {
            line: (l) => l + shift,
            column: (l, c) => Math.max(1, c + (removed[l - 1] ?? 0)),
            defused,
        };
        const parentItem = chunk.parentLine >= 0 ? (itemByLine.get(chunk.parentLine) ?? -1) : -1;
        const tree = (0,lib/* fromMarkdown */.Y)(text, optionsFor(text));
        const stack = [];
        for (let i = tree.children.length - 1; i >= 0; i--)
            stack.push({ node: tree.children[i], item: parentItem, listDepth: chunk.depthOffset, skip: false });
        while (stack.length > 0) {
            const { node, item, listDepth, skip, ordinal } = stack.pop();
            const pos = node.position;
            if (!pos)
                continue;
            const base = { line: at.line(pos.start.line), column: at.column(pos.start.line, pos.start.column), endLine: at.line(pos.end.line), item };
            const source = (from, to) => (defused ? restoreDefused(text.slice(from, to)) : text.slice(from, to));
            const slice = () => source(pos.start.offset ?? 0, pos.end.offset ?? 0);
            switch (node.type) {
                case 'heading':
                    blocks.push({ kind: 'heading', depth: node.depth, ...base, ...inlineOf(node.children, at) });
                    break;
                case 'paragraph':
                    if (!skip)
                        blocks.push({ kind: 'paragraph', ...base, raw: slice(), ...inlineOf(node.children, at) });
                    break;
                case 'list':
                    for (let i = node.children.length - 1; i >= 0; i--) {
                        const child = node.children[i];
                        const written = node.ordered && child.position ? ORDINAL.exec(text.slice(child.position.start.offset ?? 0, (child.position.start.offset ?? 0) + 12)) : null;
                        const ordinal = node.ordered ? (written ? Number(written[1]) : (node.start ?? 1) + i) : undefined;
                        stack.push({ node: child, item, listDepth: listDepth + 1, skip: false, ...(ordinal !== undefined ? { ordinal } : {}) });
                    }
                    break;
                case 'listItem': {
                    const first = node.children[0];
                    const firstIsParagraph = first?.type === 'paragraph';
                    const inline = firstIsParagraph ? inlineOf(first.children, at) : { text: '', codes: [], links: [] };
                    const rawEnd = firstIsParagraph && first.position ? first.position.end.offset : undefined;
                    const raw = rawEnd !== undefined ? source(pos.start.offset ?? 0, rawEnd) : (source(pos.start.offset ?? 0).split('\n', 1)[0] ?? '');
                    const index = blocks.length;
                    blocks.push({
                        kind: 'item',
                        ...base,
                        listDepth,
                        ordered: ordinal !== undefined,
                        ...(ordinal !== undefined ? { ordinal } : {}),
                        checked: node.checked ?? null,
                        raw,
                        ...inline,
                    });
                    itemByLine.set(pos.start.line - 1 + chunk.start, index);
                    for (let i = node.children.length - 1; i >= 0; i--) {
                        stack.push({ node: node.children[i], item: index, listDepth, skip: i === 0 && firstIsParagraph });
                    }
                    break;
                }
                case 'table':
                    node.children.forEach((row, r) => {
                        if (!row.position)
                            return;
                        const cells = row.children.map((cell) => inlineOf(cell.children, at));
                        blocks.push({
                            kind: 'row',
                            line: at.line(row.position.start.line),
                            column: at.column(row.position.start.line, row.position.start.column),
                            endLine: at.line(row.position.end.line),
                            item,
                            cells: cells.map((c) => c.text),
                            header: r === 0,
                            codes: cells.flatMap((c) => c.codes),
                            links: cells.flatMap((c) => c.links),
                            raw: source(row.position.start.offset ?? 0, row.position.end.offset ?? 0),
                        });
                    });
                    break;
                case 'code':
                    blocks.push({ kind: 'code', ...base, lang: (node.lang ?? '').toLowerCase(), value: defused ? restoreDefused(node.value) : node.value });
                    codeRanges.push([base.line, base.endLine]);
                    break;
                case 'html':
                    blocks.push({ kind: 'html', ...base, value: node.value });
                    codeRanges.push([base.line, base.endLine]);
                    break;
                case 'thematicBreak':
                    blocks.push({ kind: 'break', ...base });
                    break;
                case 'blockquote':
                    for (let i = node.children.length - 1; i >= 0; i--)
                        stack.push({ node: node.children[i], item, listDepth, skip: false });
                    break;
                default:
                    // definitions, footnotes: nothing a spec check needs.
                    break;
            }
        }
    }
    return {
        blocks,
        codeRanges,
        ...(flattenedLine !== undefined ? { flattenedLine } : {}),
        ...(defusedLine !== undefined ? { defusedLine } : {}),
        chunkCount: chunks.length,
    };
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/markers.js
/** Every quantifier is bounded, so a hostile line cannot make a scan quadratic. */
const PATTERNS = [
    { kind: 'needs-clarification', re: /\[NEEDS CLARIFICATION(?:\s*[:：]\s*(?<q>[^\]\n]{1,500}))?\]|\bNEEDS CLARIFICATION\b/g },
    { kind: 'assumption', re: /\[ASSUMPTION\s*[:：][^\]\n]{0,500}\]/g },
    { kind: 'note-for-pm', re: /\[NOTE FOR PM\]/g },
    { kind: 'todo', re: /\bTODO\b|\bTBD\b|\bTKTK\b|\?\?\?/g },
    {
        kind: 'template-leftover',
        re: /\[(?:FEATURE NAME|DATE|###-feature-name|REMOVE IF UNUSED|Brief Title|PROJECT NAME|e\.g\.,[^\]\n]{0,200})\]|\{\{[a-z_]{1,60}\}\}|\$ARGUMENTS\b/g,
    },
];
/** Lines longer than this are only scanned up to here. */
const MAX_SCAN = 10_000;
/** Replaces inline code spans and HTML comments by spaces, keeping columns; returns the masked line and whether anything was masked. */
function maskInlineCode(line) {
    if (!line.includes('`') && !line.includes('<!--'))
        return line;
    let out = line.replace(/<!--.*?-->/g, (m) => ' '.repeat(m.length));
    // A code span: a run of N backticks, then the shortest text up to the next run of exactly N.
    let i = 0;
    let result = '';
    while (i < out.length) {
        if (out[i] !== '`') {
            const next = out.indexOf('`', i);
            const end = next === -1 ? out.length : next;
            result += out.slice(i, end);
            i = end;
            continue;
        }
        let n = 0;
        while (out[i + n] === '`')
            n += 1;
        const fence = '`'.repeat(n);
        let search = i + n;
        let close = -1;
        while (search < out.length) {
            const at = out.indexOf(fence, search);
            if (at === -1)
                break;
            let m = 0;
            while (out[at + m] === '`')
                m += 1;
            if (m === n) {
                close = at;
                break;
            }
            search = at + m;
        }
        if (close === -1) {
            result += out.slice(i, i + n);
            i += n;
        }
        else {
            result += ' '.repeat(close + n - i);
            i = close + n;
        }
    }
    out = result;
    return out;
}
/**
 * Finds the markers of a document.
 * @param lines the file's lines (front matter included; it is skipped via `firstBodyLine`)
 * @param firstBodyLine 1-based file line where the Markdown body starts
 * @param codeRanges inclusive file-line ranges of code and HTML blocks
 */
function findMarkers(lines, firstBodyLine, codeRanges) {
    const markers = [];
    const inBlockCode = new Uint8Array(lines.length + 2);
    for (const [from, to] of codeRanges)
        for (let l = Math.max(1, from); l <= Math.min(lines.length, to); l++)
            inBlockCode[l] = 1;
    for (let l = firstBodyLine; l <= lines.length; l++) {
        const full = lines[l - 1];
        const line = full.length > MAX_SCAN ? full.slice(0, MAX_SCAN) : full;
        if (!/[A-Z[{?$]/.test(line))
            continue;
        const blockCode = inBlockCode[l] === 1;
        const masked = blockCode ? line : maskInlineCode(line);
        for (const { kind, re } of PATTERNS) {
            re.lastIndex = 0;
            for (let m = re.exec(line); m; m = re.exec(line)) {
                const inCode = blockCode || masked.slice(m.index, m.index + m[0].length) !== m[0];
                const question = m.groups?.q?.trim();
                markers.push({ kind, text: m[0], inCode, line: l, column: m.index + 1, ...(question ? { question } : {}) });
            }
        }
    }
    return markers;
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/meta.js



const ID_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Za-z0-9.]+)+$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const meta_escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const INLINE_LINE = new RegExp(`^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?(?<key>${Object.keys(INLINE_META_KEYS)
    .sort((a, b) => b.length - a.length)
    .map(meta_escapeRe)
    .join('|')})(?:\\*\\*|__)?\\s*[:：]\\s*(?:\\*\\*|__)?(?<value>.+?)(?:\\*\\*|__)?\\s*$`, 'iu');
function asStrings(value) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value))
        return value.flatMap(asStrings);
    if (typeof value === 'object') {
        const o = value;
        const inner = o.id ?? o.doc ?? o.path ?? o.name;
        return inner === undefined ? [] : asStrings(inner);
    }
    return [String(value)];
}
/** Scans the paragraphs before the first H2 and any `## Status` section for `Key: value` lines. */
function inlineMetadata(blocks, structure) {
    const found = new Map();
    const firstH2 = structure.sections.find((s) => s.depth >= 2);
    for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b];
        if (block.kind === 'row') {
            // `| Status | Approved |` in a metadata table before the first H2.
            if (block.header || (firstH2 !== undefined && block.line >= firstH2.line))
                continue;
            const key = INLINE_META_KEYS[(block.cells[0] ?? '').trim().toLowerCase()];
            const value = (block.cells[1] ?? '').trim();
            if (key && value && !found.has(key))
                found.set(key, { value, line: block.line });
            continue;
        }
        if (block.kind !== 'paragraph' && block.kind !== 'item')
            continue;
        const sectionIndex = structure.sectionOf[b];
        const section = sectionIndex >= 0 ? structure.sections[sectionIndex] : undefined;
        const beforeFirstH2 = firstH2 === undefined || block.line < firstH2.line;
        const inStatusSection = section !== undefined && section.depth >= 2 && ['status', '状态', 'ステータス', 'statut'].includes(section.normText);
        if (!beforeFirstH2 && !inStatusSection)
            continue;
        const lines = block.raw.split('\n');
        lines.forEach((raw, i) => {
            const m = INLINE_LINE.exec(raw);
            if (m?.groups) {
                const key = INLINE_META_KEYS[m.groups.key.toLowerCase()] ?? INLINE_META_KEYS[m.groups.key];
                if (key && !found.has(key))
                    found.set(key, { value: m.groups.value.replace(/\*\*|__/g, '').trim(), line: block.line + i });
            }
            else if (inStatusSection && i === 0 && !found.has('status') && block.kind === 'paragraph') {
                // `## Status` followed by `**Approved**`.
                const value = raw.replace(/\*\*|__/g, '').trim();
                if (value !== '' && normalizeStatus(value))
                    found.set('status', { value, line: block.line });
            }
        });
    }
    return found;
}
/**
 * Builds the metadata and reports front-matter problems (numeric ids and versions,
 * unknown statuses, bad dates, missing keys in strict mode).
 */
function buildMeta(data, keyLines, blocks, structure, config, sink) {
    const fm = data ?? {};
    const inline = inlineMetadata(blocks, structure);
    const meta = {
        owners: [],
        supersedes: [],
        related: [],
        tags: [],
        implements: [],
        extra: {},
        lines: {},
        source: data !== undefined ? 'front-matter' : inline.size > 0 ? 'inline' : 'none',
    };
    const lineOf = (key) => keyLines[key] ?? 1;
    const consumed = new Set();
    const take = (key) => {
        consumed.add(key);
        if (key in fm)
            meta.lines[key] = lineOf(key);
        return fm[key];
    };
    // id
    const id = take('id');
    if (id !== undefined && id !== null) {
        if (typeof id !== 'string') {
            sink.add('fm.id.not-string', lineOf('id'), `The id is a ${typeof id} in YAML (${String(id)}), so leading and trailing zeros are lost.`, {
                hint: `Quote it: \`id: "${String(id)}"\`.`,
            });
        }
        meta.id = String(id).trim();
        if (!ID_PATTERN.test(meta.id))
            sink.add('fm.id.format', lineOf('id'), `The id "${meta.id}" does not look like PRD-001 or FS-AUTH-002.`);
    }
    else {
        const inlineId = inline.get('id');
        if (inlineId && ID_PATTERN.test(inlineId.value)) {
            meta.id = inlineId.value;
            meta.lines.id = inlineId.line;
        }
    }
    const title = take('title');
    if (typeof title === 'string' && title.trim() !== '')
        meta.title = title.trim();
    else if (title !== undefined && title !== null && typeof title !== 'object')
        meta.title = String(title);
    // status
    const status = take('status');
    const inlineStatus = inline.get('status');
    const statusText = status !== undefined && status !== null ? String(status) : inlineStatus?.value;
    if (statusText !== undefined) {
        const line = status !== undefined && status !== null ? lineOf('status') : inlineStatus.line;
        meta.lines.status = line;
        meta.statusRaw = statusText;
        const normalized = normalizeStatus(statusText);
        if (normalized)
            meta.status = normalized;
        else {
            meta.status = 'draft';
            sink.add('fm.status.unknown', line, `Unknown status "${statusText}"; the document is treated as a draft.`);
        }
    }
    // version
    const version = take('version');
    if (version !== undefined && version !== null) {
        if (typeof version === 'number') {
            sink.add('fm.version.not-string', lineOf('version'), `The version is the number ${version} in YAML; \`1.10\` would read as 1.1.`, {
                hint: `Quote it: \`version: "${version}"\`.`,
            });
        }
        meta.version = String(version);
    }
    else if (inline.has('version'))
        meta.version = inline.get('version').value;
    for (const key of ['owner', 'owners', 'author', 'authors'])
        (0,arrays/* appendAll */.u2)(meta.owners, asStrings(take(key)));
    if (meta.owners.length === 0 && inline.has('owner'))
        meta.owners.push(inline.get('owner').value);
    // dates
    const dates = {};
    for (const key of ['created', 'updated', 'date', 'approved_at', 'last_updated']) {
        const value = key === 'approved_at' ? fm[key] : take(key);
        if (value === undefined || value === null)
            continue;
        const text = String(value).trim();
        if (!DATE.test(text)) {
            sink.add('fm.date.invalid', lineOf(key), `\`${key}: ${text}\` is not a YYYY-MM-DD date.`);
            continue;
        }
        dates[key] = text.slice(0, 10);
    }
    const created = dates.created ?? dates.date;
    const updated = dates.updated ?? dates.last_updated;
    if (created)
        meta.created = created;
    if (updated)
        meta.updated = updated;
    if (created && updated && updated < created) {
        sink.add('fm.date.order', lineOf(dates.updated ? 'updated' : 'last_updated'), `\`updated\` (${updated}) is before \`created\` (${created}).`);
    }
    if (!meta.created && inline.has('created'))
        meta.created = inline.get('created').value;
    if (!meta.created && inline.has('date'))
        meta.created = inline.get('date').value;
    (0,arrays/* appendAll */.u2)(meta.supersedes, asStrings(take('supersedes')));
    const supersededBy = asStrings(take('superseded_by') ?? take('supersededBy'));
    consumed.add('supersededBy');
    if (supersededBy[0])
        meta.supersededBy = supersededBy[0];
    (0,arrays/* appendAll */.u2)(meta.related, [...asStrings(take('related')), ...asStrings(take('inputDocuments'))]);
    (0,arrays/* appendAll */.u2)(meta.tags, asStrings(take('tags')));
    for (const key of ['implements', 'prd', 'parent'])
        (0,arrays/* appendAll */.u2)(meta.implements, asStrings(take(key)));
    const inlineImplements = inline.get('implements');
    if (meta.implements.length === 0 && inlineImplements) {
        // `Implements: [functional spec](functional-spec.md)`: the link target, else the text.
        const link = /\]\(\s*<?([^)>\s]+)>?\s*\)/.exec(inlineImplements.value);
        meta.implements.push(link ? link[1] : inlineImplements.value);
        meta.lines.implements = inlineImplements.line;
    }
    for (const key of Object.keys(meta.lines))
        if (key in fm)
            meta.lines[key] = lineOf(key);
    for (const key of ['supersedes', 'superseded_by', 'related', 'inputDocuments', 'implements', 'prd', 'parent'])
        if (key in fm)
            meta.lines[key] = lineOf(key);
    for (const [key, value] of Object.entries(fm)) {
        if (consumed.has(key))
            continue;
        meta.extra[key] = value;
        meta.lines[key] = lineOf(key);
    }
    for (const [key, { value, line }] of inline) {
        if (['status', 'id', 'version', 'owner', 'created', 'date', 'implements'].includes(key))
            continue;
        if (!(key in meta.extra)) {
            meta.extra[key] = value;
            meta.lines[key] = line;
        }
    }
    if (config.strict) {
        for (const key of ['type', 'id', 'title', 'status']) {
            if (!(key in fm))
                sink.add('fm.required', 1, `Strict mode: front-matter key \`${key}\` is missing.`, { hint: `Add \`${key}:\` to the front matter, or set \`specs.strict: false\`.` });
        }
    }
    return meta;
}
/** The first H1's text, if any. */
function firstH1(structure) {
    const h1 = structure.sections.find((s) => s.depth === 1);
    return h1 ? { text: h1.text, line: h1.line } : undefined;
}
/** Title: front-matter title, else the first H1, else the file name; `fm.title.mismatch` when both differ. */
function resolveTitle(meta, structure, path, sink) {
    const h1 = firstH1(structure);
    if (meta.title && h1 && normalizeHeading(meta.title) !== normalizeHeading(h1.text)) {
        sink.add('fm.title.mismatch', meta.lines.title ?? 1, `Front-matter title "${meta.title}" differs from the H1 "${h1.text}" (line ${h1.line}); the front-matter title is used.`);
    }
    if (meta.title)
        return meta.title;
    if (h1)
        return h1.text;
    const base = path.split('/').pop() ?? path;
    return base.replace(/\.(?:md|markdown)$/i, '');
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/refs.js
/**
 * Cross-references (§2): front-matter keys, Markdown links to `.md` files and anchors,
 * backticked `.md` paths, BMAD `[Source: path#Section]`, requirement-id mentions and
 * version mentions (`PRD v1.0`). Resolution happens at repository level.
 */

const SOURCE = /\[Source:\s*(?<path>[^\]#\s]{1,300}\.md)(?:#[^\]]{0,200})?\]/gi;
const VERSION = /\b(?<doc>PRD|FSD|TSD|SCP|Architecture|Spec)\s+v(?<v>\d{1,3}(?:\.\d{1,3}){0,2})\b/g;
const MD_PATH = /^[\w@.~/-]{0,300}\.md(?:#[\w-]{1,200})?$/i;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** A repository path of a file that is not a document (`backend/app/api/users.py`). */
const SOURCE_FILE = /^(?:\.{0,2}\/)?(?:[\w.@-]+\/)+[\w.@-]+\.(?!md$|markdown$|mdx$)[a-z0-9]{1,6}$/iu;
/** Front-matter keys that reference other documents. */
const FM_REF_KEYS = [
    { key: 'supersedes', via: 'supersedes' },
    { key: 'implements', via: 'implements' },
    { key: 'related', via: 'related' },
];
/**
 * Collects the references of a document.
 * @param definitionBlocks blocks whose leading id is a definition (its own id is not a reference)
 */
function collectRefs(meta, fm, blocks, definitionLines) {
    const refs = [];
    const sourceFiles = new Set();
    const fmLine = (key) => meta.lines[key] ?? 1;
    for (const { key, via } of FM_REF_KEYS) {
        const values = meta[key];
        for (const target of values) {
            const fmKey = via === 'implements' ? (['implements', 'prd', 'parent'].find((k) => fm && k in fm) ?? 'implements') : via === 'related' ? (fm && 'inputDocuments' in fm && !('related' in fm) ? 'inputDocuments' : 'related') : via;
            refs.push({ kind: 'fm', target, via: fmKey, line: fmLine(fmKey) });
        }
    }
    if (meta.supersededBy)
        refs.push({ kind: 'fm', target: meta.supersededBy, via: 'superseded_by', line: fmLine('superseded_by') });
    const seenIds = new Set();
    for (const block of blocks) {
        if (block.kind === 'code' || block.kind === 'html' || block.kind === 'break')
            continue;
        for (const link of block.links) {
            const url = link.url.trim();
            if (url === '' || EXTERNAL.test(url))
                continue;
            const [path] = url.split('#');
            if (path === '' || /\.md$/i.test(path ?? ''))
                refs.push({ kind: 'link', target: url, via: 'link', line: link.line });
        }
        for (const code of block.codes) {
            const c = code.trim();
            if (MD_PATH.test(c) && c.includes('.'))
                refs.push({ kind: 'path', target: c, via: 'code', line: block.line });
            else if (SOURCE_FILE.test(c))
                sourceFiles.add(c);
        }
        const text = block.kind === 'row' ? block.cells.join(' | ') : block.text;
        if (text.length === 0)
            continue;
        for (const m of text.matchAll(SOURCE))
            refs.push({ kind: 'path', target: m.groups.path, via: 'source', line: block.line });
        for (const m of text.matchAll(VERSION))
            refs.push({ kind: 'version', target: `${m.groups.doc} v${m.groups.v}`, line: block.line });
        // Ids come sorted by position: walk the newlines once to know each id's line and column.
        let line = block.line;
        let lineStart = 0;
        let nextNewline = text.indexOf('\n');
        for (const r of (0,spec_ids/* findReferences */.yU)(text)) {
            while (nextNewline !== -1 && nextNewline < r.index) {
                line += 1;
                lineStart = nextNewline + 1;
                nextNewline = text.indexOf('\n', lineStart);
            }
            if (definitionLines.has(line) && r.index - lineStart <= 4 && (block.kind !== 'row' || r.index <= 4))
                continue; // the definition's own id
            const key = `${r.canonical}@${line}`;
            if (seenIds.has(key))
                continue;
            seenIds.add(key);
            refs.push({ kind: 'id', target: r.id, line, ...(r.inRange ? { via: 'range' } : {}) });
        }
    }
    return { refs, sourceFiles: [...sourceFiles] };
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/user-story.js
/** Keyword sets per language: each regex finds the keyword that *starts* that part. */
const GRAMMARS = [
    { role: /\bAs an?\s+/gi, want: /,?\s+I\s+(?:want|need|would like)(?:\s+to)?\s+/gi, why: /,?\s+so\s+that\s+/gi },
    { role: /作为/gu, want: /[,，]\s*我(?:希望|想要|需要)/gu, why: /[,，]\s*(?:以便|从而|这样)/gu },
    { role: /En tant que\s+/gi, want: /,\s*je\s+(?:veux|souhaite|voudrais)\s+/gi, why: /,?\s+(?:afin de|afin que|pour)\s+/gi },
];
/** Japanese: `<role>として、<want>したい。それにより<why>` (the why is optional there). */
const JA = { role: /として[、,]\s*/gu, want: /(?:たい|がほしい|を望む)(?=[。、,.\s]|$)/gu };
const MAX = 2000;
function strip(s) {
    return s.replace(/\*\*|__/g, '').replace(/^[\s,，、:：]+|[\s,，、.。]+$/gu, '').trim();
}
/** The first match of the global regex `re` at or after `from`. */
function after(re, text, from) {
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}
/** The user-story triple in `text`, if it has one. */
function matchUserStory(input) {
    const text = input.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').slice(0, MAX);
    for (const g of GRAMMARS) {
        const role = after(g.role, text, 0);
        if (!role)
            continue;
        const want = after(g.want, text, role.end);
        if (!want)
            continue;
        const why = after(g.why, text, want.end);
        if (!why)
            continue;
        const triple = { asA: strip(text.slice(role.end, want.start)), iWant: strip(text.slice(want.end, why.start)), soThat: strip(text.slice(why.end)) };
        if (triple.asA && triple.iWant && triple.soThat)
            return triple;
    }
    const ja = after(JA.role, text, 0);
    if (ja) {
        const want = after(JA.want, text, ja.end);
        if (want) {
            const asA = strip(text.slice(0, ja.start).replace(/^.*?(?:ユーザーストーリー|User Story)\s*[:：]\s*/iu, ''));
            const iWant = strip(text.slice(ja.end, want.end));
            const soThat = strip(text.slice(want.end).replace(/^[。、,]\s*(?:それにより|なぜなら|そうすれば)?/u, ''));
            if (asA && iWant)
                return { asA, iWant, soThat };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/requirements.js



const PRIORITY = /(?:\bpriority\s*[:：]\s*|\(\s*|\[\s*)(?<p>P\d|must|should|could|won't|high|medium|low)\b/iu;
function priorityOf(text) {
    const m = PRIORITY.exec(text.slice(0, 500));
    if (!m?.groups)
        return undefined;
    const p = m.groups.p;
    return /^p\d$/i.test(p) ? p.toUpperCase() : p.toLowerCase();
}
function rest(text, parsed) {
    return text.slice(parsed.length).replace(/^[\s:：.)\]—–|-]+/u, '').trim();
}
/**
 * Finds requirement definitions.
 * @param blocks the document's blocks
 * @param structure its sections and containers (canonical names already assigned)
 */
function extractRequirements(blocks, structure) {
    const found = [];
    const { sections, sectionOf } = structure;
    const isReferenceSection = (b) => {
        const s = sectionOf[b];
        return s >= 0 && (withinSection(sections, s, 'traceability') || withinSection(sections, s, 'change-log') || withinSection(sections, s, 'references'));
    };
    const pathOf = (b) => (sectionOf[b] >= 0 ? sectionPath(sections, sectionOf[b]) : []);
    const push = (b, _block, id, canonicalId, kind, text, raw, line, form, parsed) => {
        const priority = priorityOf(text);
        found.push({
            id,
            canonicalId,
            kind,
            text,
            raw,
            line,
            sectionPath: pathOf(b),
            form,
            block: b,
            ...(priority ? { priority } : {}),
            ...(parsed ? { parsed } : {}),
        });
    };
    let header = [];
    let table = -1;
    const tableOf = new Map();
    for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b];
        if (block.kind === 'row' && block.header) {
            header = block.cells.map((c) => c.trim().toLowerCase());
            table += 1;
        }
        if (block.kind === 'code' || block.kind === 'html' || block.kind === 'break')
            continue;
        if (structure.acContainerOf[b] >= 0 && block.kind !== 'heading')
            continue;
        if (isReferenceSection(b))
            continue;
        switch (block.kind) {
            case 'heading': {
                const text = block.text.trim();
                const kiro = spec_ids/* KIRO_REQUIREMENT_HEADING */.n2.exec(text);
                if (kiro?.groups) {
                    const n = Number(kiro.groups.n);
                    push(b, block, `Requirement ${n}`, `REQ:${n}`, 'REQ', (kiro.groups.title ?? '').trim(), text, block.line, 'heading');
                    break;
                }
                const parsed = (0,spec_ids/* matchHeadingDefinition */.fX)(text);
                if (parsed) {
                    // A heading names the requirement; the paragraph right under it says what it is.
                    const next = blocks[b + 1];
                    const description = next?.kind === 'paragraph' && structure.sectionOf[b + 1] === structure.sectionOf[b] && labelOf(next.raw.split('\n', 1)[0] ?? '') === undefined
                        ? next.text.replace(/\s*\n\s*/g, ' ').trim()
                        : '';
                    const title = rest(text, parsed);
                    push(b, block, parsed.id, parsed.canonical, parsed.prefix, description ? `${title} — ${description}` : title, text, block.line, 'heading', parsed);
                }
                break;
            }
            case 'item': {
                if (block.checked !== null)
                    break; // a task, not a definition
                const firstLineText = block.text.split('\n', 1)[0] ?? '';
                const parsed = (0,spec_ids/* matchDefinition */.hz)(firstLineText);
                if (parsed)
                    push(b, block, parsed.id, parsed.canonical, parsed.prefix, rest(block.text, parsed).replace(/\s*\n\s*/g, ' '), block.raw, block.line, 'list', parsed);
                break;
            }
            case 'paragraph': {
                const lines = block.text.split('\n');
                const rawLines = block.raw.split('\n');
                let current;
                lines.forEach((line, i) => {
                    const parsed = (0,spec_ids/* matchDefinition */.hz)(line);
                    if (parsed) {
                        push(b, block, parsed.id, parsed.canonical, parsed.prefix, rest(line, parsed), rawLines[i] ?? line, block.line + i, 'paragraph', parsed);
                        current = found[found.length - 1];
                    }
                    else if (current && line.trim() !== '') {
                        current.text = `${current.text} ${line.trim()}`.trim();
                        current.raw = `${current.raw}\n${rawLines[i] ?? line}`;
                    }
                });
                break;
            }
            case 'row': {
                if (block.header)
                    break;
                const first = block.cells[0] ?? '';
                const parsed = (0,spec_ids/* matchCellId */.dr)(first);
                if (parsed) {
                    // A Priority column is metadata, not text.
                    const priorityColumn = header.findIndex((h) => /^(?:priority|prio|优先级|優先度|priorité)$/u.test(h));
                    const cells = block.cells.map((c, i) => (i === priorityColumn ? '' : c));
                    const text = [rest(first, parsed), ...cells.slice(1)].map((c) => c.trim()).filter(Boolean).join(' — ');
                    push(b, block, parsed.id, parsed.canonical, parsed.prefix, text, block.raw, block.line, 'table', parsed);
                    tableOf.set(found[found.length - 1], table);
                    const priority = priorityColumn > 0 ? block.cells[priorityColumn]?.trim() : undefined;
                    if (priority)
                        found[found.length - 1].priority = /^p\d$/i.test(priority) ? priority.toUpperCase() : priority.toLowerCase();
                }
                break;
            }
        }
    }
    const definitions = withoutRestatements(found, tableOf);
    attachUserStories(definitions, blocks, structure);
    return definitions;
}
/**
 * Mapping tables, coverage matrices and traceability tables repeat ids that the document
 * defines elsewhere (`| FR1 | Epic 1 | ✓ |`): such a row references the id, it does not
 * define it again. A row is a restatement when its id is defined outside tables, or in an
 * earlier table. Two rows of one table with the same id stay duplicates, as do two list
 * items, paragraphs or headings.
 */
function withoutRestatements(found, tableOf) {
    const outsideTables = new Set(found.filter((r) => r.form !== 'table').map((r) => r.canonicalId));
    const firstTable = new Map();
    return found.filter((r) => {
        if (r.form !== 'table')
            return true;
        if (outsideTables.has(r.canonicalId))
            return false;
        const table = tableOf.get(r) ?? -1;
        const first = firstTable.get(r.canonicalId);
        if (first === undefined)
            firstTable.set(r.canonicalId, table);
        return first === undefined || first === table;
    });
}
/** Kiro `**User Story:** As a …` lines (and user stories written as the requirement text). */
function attachUserStories(found, blocks, structure) {
    for (const req of found) {
        let triple = matchUserStory(req.text);
        if (!triple && req.form === 'heading') {
            const section = structure.sectionOf[req.block];
            for (let b = req.block + 1; b < blocks.length && structure.sectionOf[b] === section; b++) {
                const block = blocks[b];
                if (block.kind !== 'paragraph')
                    continue;
                triple = matchUserStory(block.text);
                if (triple)
                    break;
            }
        }
        if (triple)
            req.userStory = triple;
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/scp.js



/** OLD/NEW labels in the languages proposals are written in (an optional "Text"/"Version" word after them). */
const EDIT_LABEL = /^\s*(?:\*\*|__)?(?<label>OLD|NEW|Before|After|From|To|Current|Proposed|Original|Updated|Revised|Ancien(?:ne)?|Nouveau|Nouvelle|Avant|Après|Actuel(?:le)?|Proposé(?:e)?|Anterior|Nuevo|Nueva|Actual|Propuesto|Alt|Neu|Vorher|Nachher|Bisher|旧|新|原|改为|修改前|修改后|修改後|变更前|变更后|變更前|變更後|変更前|変更後|現行|改訂後)(?:\s+(?:new\s+)?(?:text|version|texte|texto|fassung|wording))?(?:\s*\([^()\n]{1,60}\))?(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?<rest>.*)$/iu;
const OLD_LABELS = new Set(['old', 'before', 'from', 'current', 'original', 'ancien', 'ancienne', 'avant', 'actuel', 'actuelle', 'anterior', 'actual', 'alt', 'vorher', 'bisher', '旧', '原', '修改前', '变更前', '變更前', '変更前', '現行']);
/**
 * A label that announces added requirements: "— append after FR41:", "then add:",
 * "Add the following requirements:", "Ajouter :", "新增：" (the items follow, often in a block quote).
 */
const ADD_LABEL = /(?:\bappend(?:ed)?\b|\badd(?:ed|s)?\b|\binsert(?:ed)?\b|\bnew (?:requirements?|frs?|nfrs?)\b|\bajout(?:er|é|ée|és)?\b|\bañadir\b|\bagregar\b|\bhinzufügen\b|\bergänzen\b|追加|新增|添加|增加)[^\n]{0,160}?[:：](?<rest>[^\n]*)$/iu;
/** "Replace FR-014 and FR-034", "Modify FR3", "Remove NFR2": requirement ids an instruction rewrites or drops. */
const REWRITE = /\b(?<verb>replace|rewrite|modify|update|amend|change|remplacer|modifier|reemplazar|modificar|ersetzen|ändern|remove|delete|drop|retire|supprimer|eliminar|entfernen)\b(?<ids>[^:：\n]{0,200}?)(?=,?\s*(?:then|puis|luego|dann|and then)\b|[:：]|$)/giu;
const REMOVE_VERBS = /^(?:remove|delete|drop|retire|supprimer|eliminar|entfernen)$/i;
/** Headings over a table or list of requirements the proposal adds. */
const NEW_REQUIREMENTS_HEADING = /\b(?:new|added|additional) (?:functional |non-functional )?requirements?\b|nouvelles exigences|exigences ajoutées|requisitos nuevos|nuevos requisitos|neue anforderungen|新增需求|新需求|新規要件|追加要件/iu;
const INLINE_LABEL = /^\s*(?:\*\*|__)[^*_\n]{1,60}[:：](?:\*\*|__)\s*\S/u;
const LINE_PREFIX = /^[\s>]*(?:[-*+]|\d{1,9}[.)])?\s*(?:\[[ xX]\]\s*)?/;
const ARTIFACTS = [
    { re: /\bPRD\b|product requirements|产品需求|要求仕様/iu, type: 'prd' },
    { re: /functional spec|\bFSD\b|功能规范|機能仕様/iu, type: 'functional-spec' },
    { re: /\barchitecture\b|tech(?:nical)?[\s-]*spec|\bTSD\b|设计|架构|アーキテクチャ|技術仕様/iu, type: 'technical-spec' },
];
/** Words that make a heading about a change ("PRD Changes", "Updates to the architecture", "PRD 修改"). */
const CHANGE_WORD = /(?<![\p{L}\p{N}])(?:chang(?:e|es|ed)|updat(?:e|es|ed)|edits?|modif(?:y|ies|ied|ications?)|amend(?:s|ments?)?|revis(?:e|ed|ions?)|additions?|adjustments?|changements?|mises? à jour|cambios?|actualizaci(?:ón|ones)|änderungen?|aktualisierung(?:en)?)(?![\p{L}\p{N}])|变更|修改|更新|変更|修正|改訂/iu;
/** Filler around an artifact's name in a heading ("the PRD document", "Architecture (`docs/a.md`)"). */
const HEADING_FILLER = /\(.*?\)|`[^`]*`|\b(?:the|document|doc|file|section|v\d+)\b|[:：.,\-–—]|\s+/giu;
/**
 * Whether a heading names the document it is about as a target: it holds an OLD/NEW edit,
 * says it changes something, or is the artifact's name alone (`### 3.1 PRD`).
 */
function headingNamesTarget(section, parts) {
    if (parts.some((p) => p.line > section.line && p.line <= section.endLine))
        return true;
    if (CHANGE_WORD.test(section.text))
        return true;
    const rest = section.normText.replace(/^(?:\d+(?:\.\d+)*\s*)+/u, '').replace(HEADING_FILLER, ' ').trim();
    return ARTIFACTS.some((a) => rest.replace(a.re, '').trim() === '');
}
/**
 * Whether an epics section ("### Epic Impact") says the epics stay as they are and asks for
 * no change to them: then it analyses the epics without naming the epics file as a target.
 */
function epicsUnchanged(section, blocks) {
    let unchanged = false;
    for (const block of blocks) {
        if (block.line <= section.line || block.line > section.endLine || !('text' in block))
            continue;
        if (EPICS_ACTION.test(block.text))
            return false;
        if (EPICS_UNCHANGED.test(block.text))
            unchanged = true;
    }
    return unchanged;
}
/** "Tech Spec Epic 4", "Architecture for Epic 2": the epic qualifies another document, not the epics file. */
const QUALIFIED_EPIC = /\b(?:tech(?:nical)?[\s-]*spec(?:ification)?s?|architecture|design)[\s-]+(?:for\s+|of\s+)?epics?\b/giu;
/** Whether a heading or label speaks of the epics (and so of the epics file). */
function namesEpics(text) {
    return /\bepics?\b|エピック|史诗/iu.test(text.slice(0, 300).replace(QUALIFIED_EPIC, ' '));
}
function bodyLines(block) {
    switch (block.kind) {
        case 'paragraph':
            return block.raw.split('\n').map((text, i) => ({ text, line: block.line + i }));
        case 'item':
            return block.raw.split('\n').map((text, i) => ({ text, line: block.line + i }));
        case 'code':
            return block.value.split('\n').map((text, i) => ({ text, line: block.line + 1 + i }));
        case 'row':
            return [{ text: block.raw, line: block.line }];
        case 'heading':
            return [{ text: `${'#'.repeat(block.depth)} ${block.text}`, line: block.line }];
        default:
            return [];
    }
}
/** Requirement definitions on body lines (markup, list and quote markers stripped). */
function definitionsIn(lines, section) {
    const out = [];
    for (const { text, line } of lines) {
        const clean = text.replace(LINE_PREFIX, '').replace(/^#{1,6}\s+/, '').replace(/\*\*|__/g, '').slice(0, 2000);
        const parsed = (0,spec_ids/* matchDefinition */.hz)(clean);
        if (!parsed)
            continue;
        out.push({
            id: parsed.id,
            canonicalId: parsed.canonical,
            kind: parsed.prefix,
            text: clean.slice(parsed.length).replace(/^[\s:：.)\]—–|-]+/u, '').trim(),
            raw: text,
            line,
            sectionPath: section ? [section] : [],
            form: 'paragraph',
        });
    }
    return out;
}
/** The file an "Epic …" heading or label names: BMAD keeps epics and stories in `epics.md`, which discovery does not validate. */
const EPICS_FILE = 'epics.md';
/** Sections that list documents a proposal leaves alone or deletes: what they name is not a target. */
const NOT_TARGET_SECTION = /not requiring changes|related documentation|related documents|see also|references|no changes? (?:required|needed)|unchanged|unaffected|not affected|out of scope|files? to (?:delete|remove)|deleted files|removed files|à supprimer|sans changement|non modifiés|sin cambios|unverändert|无需修改|无需变更|无需改动|不改动|不需要修改|不修改|保持不变|変更不要|変更なし|変更しない/iu;
/**
 * A line that starts with one of `verbs` (after list marks, a step number and bold):
 * a spaced-script verb must end as a word ("Delete", not "Deleted…" unless listed);
 * a Chinese or Japanese verb runs straight into its object ("删除文件", "削除する").
 */
function leadingVerb(words, cjk) {
    return new RegExp(`^[\\s>*_-]*(?:\\d+(?:\\.\\d+)+\\.?\\s+|\\d+[.)]\\s*)?(?:\\*\\*|__)?(?:(?:${words.join('|')})(?![\\p{L}\\p{N}])|(?:${cjk.join('|')}))`, 'iu');
}
/** A line that deletes what it names ("Delete `docs/old.md`", "删除 `docs/old.md`"). */
const DELETE_LINE = leadingVerb(['delete', 'remove', 'deleted', 'removed', 'supprimer', 'eliminar', 'löschen'], ['删除', '削除']);
/** A line that marks its edit as optional ("(optional)", "（任意）"). */
const OPTIONAL_LINE = /\((?:optional|optionnel(?:le)?|facultati(?:f|ve)|opcional|任意|可选|可選)\)|（(?:任意|可选|可選)）/iu;
/** A line that creates what it names ("1. Create `docs/stories/3-11.md` with …"). */
const CREATE_LINE = leadingVerb(['create', 'créer', 'crear', 'erstellen', 'anlegen'], ['新建', '创建', '作成']);
/**
 * Headings and labels that cite documents as evidence or input ("Evidence", "Context and
 * Discovery", "**How Discovered:**", "**Source:**", "**Inputs:**"): what they name was read to
 * write the proposal, not changed by it. Matched at the start, after a section number.
 */
const CITATION = /^(?:(?:section|part)\s+\d+\s*[:.]?\s*|\d+(?:\.\d+)*\.?\s+)?(?:(?:supporting\s+|source\s+)?evidence|context\s+and\s+discovery|discovery(?:\s+context)?|how\s+(?:it\s+was\s+)?discovered|sources?|inputs?|preuves?|sources|entrées|evidencias?|fuentes|entradas|nachweise?|belege|quellen|eingaben)(?![\p{L}\p{N}])|^(?:\d+(?:\.\d+)*\.?\s*)?(?:证据|来源|输入|証拠|根拠|出典|入力)/iu;
/** An inline label at the start of a line ("**Source:** `docs/report.md`", "**Source**: …"). */
const INLINE_LABEL_TEXT = /^\s*(?:\*\*|__)(?<label>[^*_\n]{1,60}?)(?:\s*[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])/u;
/** Labels that justify an edit rather than locate it ("**Rationale:**", "**Why:**"). */
const JUSTIFICATION_LABEL = /^(?:rationale|reasons?|reasoning|why|justification|motivation|benefits?|risks?|estimated (?:lines|effort)|effort|justificación|motivo|begründung|raison|理由|原因)$/iu;
/** A list mark, step number or checkbox before a line's text (a mark needs a space after it, so `**Label**` keeps its stars). */
const LIST_MARK = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s*)?/;
const notTargetName = (text) => NOT_TARGET_SECTION.test(text) || CITATION.test(text.trim());
/** Headings, labels and table cells that declare documents unchanged ("Documents not requiring changes", "无需改动"). */
const UNCHANGED_NAME = /not requiring changes|no changes? (?:are )?(?:required|needed)|unchanged|unaffected|not affected|sans changement|non modifiés|sin cambios|unverändert|无需修改|无需变更|无需改动|不改动|不需要修改|不修改|保持不变|変更不要|変更なし|変更しない/iu;
/** A table cell that opens with "no change" (`| architecture.md | No changes |`, `| prd.md | 无直接改动 |`). */
const NO_CHANGE_CELL = /^(?:[*_✅❌\s]*)(?:none\b|no (?:direct )?(?:changes?|updates?|modifications?)\b|unchanged\b|unaffected\b|not affected\b|n\/a\b|无直接改动|无需改动|无需修改|无改动|不改动|不受影响|変更なし|変更不要)/iu;
/**
 * File lines whose references are not targets: sections listing unchanged or deleted documents,
 * citations, and deletion lines (`lines`); of those, the ones that declare documents unchanged
 * (`unchanged`), which keep a document out of the change set wherever else it is named.
 */
function notTargetLines(blocks, structure) {
    const lines = new Set();
    const unchanged = new Set();
    const cover = (block, keep) => {
        for (let l = block.line; l <= block.endLine; l++) {
            lines.add(l);
            if (keep)
                unchanged.add(l);
        }
    };
    for (const sec of structure.sections) {
        if (!notTargetName(sec.text))
            continue;
        const keep = UNCHANGED_NAME.test(sec.text);
        for (let l = sec.line; l <= sec.endLine; l++) {
            lines.add(l);
            if (keep)
                unchanged.add(l);
        }
    }
    for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b];
        if (block.kind === 'row') {
            if (!block.header && block.cells.slice(1).some((c) => NO_CHANGE_CELL.test(c)))
                cover(block, true);
            continue;
        }
        if (block.kind !== 'paragraph' && block.kind !== 'item')
            continue;
        const first = block.raw.split('\n', 1)[0] ?? '';
        const label = labelOf(first);
        // A label paragraph ("**Documents not requiring changes:**", "**Inputs:**") covers the list right after it.
        if (label !== undefined && notTargetName(label)) {
            for (let n = b + 1; n < blocks.length && (blocks[n].kind === 'item' || blocks[n].item >= 0); n++)
                cover(blocks[n], UNCHANGED_NAME.test(label));
        }
        // "**Source:** `docs/report.md`", "- **How Discovered:** … `checklist.md`": the label's own line.
        const inline = INLINE_LABEL_TEXT.exec(first.replace(LIST_MARK, ''))?.groups?.label;
        if (inline !== undefined && notTargetName(inline))
            cover(block, UNCHANGED_NAME.test(inline));
        if (DELETE_LINE.test(block.text))
            cover(block, false);
    }
    return { lines, unchanged };
}
/** An epics section that says the epics stay as they are ("Scope: UNCHANGED", "No changes required"). */
const EPICS_UNCHANGED = /\bunchanged\b|\bno (?:changes?|modifications?|updates?) (?:are )?(?:required|needed)\b|\bnot affected\b|sans changement|sin cambios|unverändert|无需修改|无需变更|変更不要|変更なし/iu;
/** A line that asks for a change to epics or stories ("Add Story 4-9", "Renumber 5.4 -> 5.3"). */
const EPICS_ACTION = /\b(?:add|adds|added|create|insert|remove|removed|delete|drop|renumber(?:ed)?|split|merge|move|rename|modify|rewrite|replace|reorder|ajouter|supprimer|añadir|eliminar|hinzufügen|entfernen)\b|新增|添加|删除|追加|削除/iu;
/** Requirement ids mentioned in an instruction (`FR-014`, `NFR2`, `FR-014a`). */
const ID_MENTION = /(?<![A-Za-z0-9-])(?:DOC-REQ|DESIGN-REQ|NFR|ENF|FR|EF|CR|REQ)[-_]?\d{1,4}[a-z]?(?![A-Za-z0-9])/g;
function canonicalOf(id) {
    return (0,spec_ids/* matchDefinition */.hz)(`${id}:`)?.canonical ?? id;
}
/** Text compared for "unchanged": case, markup and punctuation ignored. */
function sameText(text) {
    return text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}
function normalizeAction(value) {
    const a = String(value ?? '').trim().toLowerCase();
    if (['modify', 'update', 'change', 'edit', 'replace', 'modified'].includes(a))
        return 'modify';
    if (['add', 'create', 'new', 'insert', 'added'].includes(a))
        return 'add';
    if (['remove', 'delete', 'drop', 'removed'].includes(a))
        return 'remove';
    return undefined;
}
function strings(value) {
    if (value === undefined || value === null)
        return [];
    if (Array.isArray(value))
        return value.flatMap(strings);
    return [String(value).trim()].filter(Boolean);
}
/** Explicit targets from front matter `changes` (aliases `targets`, `affects`). */
function explicitTargets(fm, keyLines) {
    if (!fm)
        return [];
    const key = ['changes', 'targets', 'affects'].find((k) => k in fm);
    if (!key)
        return [];
    const line = keyLines[key] ?? 1;
    const entries = Array.isArray(fm[key]) ? fm[key] : [fm[key]];
    const targets = [];
    for (const entry of entries) {
        if (entry === null || entry === undefined)
            continue;
        if (typeof entry !== 'object') {
            targets.push({ doc: String(entry).trim(), sections: [], ids: [], explicit: true, line });
            continue;
        }
        const o = entry;
        const doc = strings(o.doc ?? o.id ?? o.path ?? o.document ?? o.target)[0];
        if (!doc)
            continue;
        const action = normalizeAction(o.action);
        targets.push({
            doc,
            sections: strings(o.sections ?? o.section),
            ids: strings(o.ids ?? o.requirements ?? o.id_list),
            explicit: true,
            line,
            ...(action ? { action } : {}),
        });
    }
    return targets;
}
/**
 * Extracts the edits and targets of a sprint change proposal and computes the change set
 * as far as the document alone allows.
 */
function extractChangeProposal(blocks, structure, fm, keyLines, refs) {
    const parts = [];
    const rewritten = new Map();
    const findIds = (text) => [...text.matchAll(ID_MENTION)].map((m) => m[0]);
    let current;
    for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b];
        const section = structure.sectionOf[b] >= 0 ? structure.sections[structure.sectionOf[b]].text : undefined;
        if (block.kind === 'heading' || block.kind === 'break') {
            current = undefined;
            if (block.kind === 'heading' && NEW_REQUIREMENTS_HEADING.test(block.text)) {
                current = { kind: 'new', addition: true, lines: [], line: block.line, ...(section ? { section } : {}) };
                parts.push(current);
            }
            continue;
        }
        if (block.kind === 'paragraph' || block.kind === 'item') {
            // "Replace FR-014 and FR-034, then add: …": the replaced ids are modified (or removed).
            for (const m of block.text.slice(0, 2000).matchAll(REWRITE)) {
                for (const id of findIds(m.groups.ids))
                    rewritten.set(canonicalOf(id), { id, remove: REMOVE_VERBS.test(m.groups.verb) });
            }
        }
        if (block.kind === 'paragraph') {
            const rawLines = block.raw.split('\n');
            const lastLine = rawLines[rawLines.length - 1] ?? '';
            const add = EDIT_LABEL.test(rawLines[0] ?? '') ? null : ADD_LABEL.exec(lastLine);
            if (add?.groups && !(current && !current.addition && /^\s*(?:\*\*|__)?(?:new|nouveau|nuevo|neu|新)\b/iu.test(lastLine))) {
                current = { kind: 'new', addition: true, lines: [], line: block.line, ...(section ? { section } : {}) };
                parts.push(current);
                // "then add: FR-014a: …" — definitions on the label line itself.
                const rest = add.groups.rest.trim();
                if (rest !== '')
                    current.lines.push({ text: rest, line: block.line + rawLines.length - 1 });
                continue;
            }
            const label = EDIT_LABEL.exec(rawLines[0] ?? '');
            if (label?.groups) {
                current = {
                    kind: OLD_LABELS.has(label.groups.label.toLowerCase()) ? 'old' : 'new',
                    lines: [],
                    line: block.line,
                    ...(section ? { section } : {}),
                };
                parts.push(current);
                const rest = label.groups.rest.replace(/(?:\*\*|__)\s*$/, '').trim();
                if (rest !== '')
                    current.lines.push({ text: rest, line: block.line });
                rawLines.slice(1).forEach((text, i) => current.lines.push({ text, line: block.line + 1 + i }));
                continue;
            }
            if (current && (labelOf(rawLines[0] ?? '') !== undefined || INLINE_LABEL.test(rawLines[0] ?? ''))) {
                current = undefined;
                continue;
            }
        }
        if (current)
            (0,arrays/* appendAll */.u2)(current.lines, bodyLines(block));
    }
    // Pair in order: an OLD waits for the next NEW; a NEW without an OLD is a pure addition.
    const edits = [];
    for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        const toEdit = (old, neu) => {
            const anchor = (old ?? neu);
            const newRequirements = neu ? definitionsIn(neu.lines, neu.section) : [];
            const oldRequirements = old ? definitionsIn(old.lines, old.section) : [];
            return {
                line: anchor.line,
                ...(anchor.section ? { section: anchor.section } : {}),
                ...(old ? { old: old.lines.map((l) => l.text).join('\n').trim() } : {}),
                ...(neu ? { new: neu.lines.map((l) => l.text).join('\n').trim() } : {}),
                oldRequirements,
                oldIds: oldRequirements.map((r) => r.id),
                newIds: newRequirements.map((r) => r.id),
                newRequirements,
                ...(old && !neu ? { unpaired: 'old' } : {}),
                ...(!old && neu && !neu.addition ? { unpaired: 'new' } : {}),
            };
        };
        if (p.kind === 'old') {
            const next = parts[i + 1];
            if (next?.kind === 'new' && !next.addition) {
                edits.push(toEdit(p, next));
                i += 1;
            }
            else
                edits.push(toEdit(p, undefined));
        }
        else
            edits.push(toEdit(undefined, p));
    }
    const targets = explicitTargets(fm, keyLines);
    if (targets.length === 0) {
        const seen = new Set();
        const { lines: notTarget, unchanged } = notTargetLines(blocks, structure);
        // A document the proposal declares unchanged is no target, even where a table or list names it too.
        const declaredUnchanged = new Set(refs.filter((r) => unchanged.has(r.line) && (r.kind === 'link' || r.kind === 'path')).map((r) => r.target.split('#')[0]));
        const optionalLines = new Set(blocks.filter((b) => 'text' in b && OPTIONAL_LINE.test(b.text)).map((b) => b.line));
        const createLines = new Set(blocks.filter((b) => 'text' in b && CREATE_LINE.test(b.text)).map((b) => b.line));
        for (const ref of refs) {
            // An optional edit ("Update the diagram in `backend/README.md` (optional)") is not part of
            // the change set; the same path named elsewhere without the marker still is.
            if (notTarget.has(ref.line) || optionalLines.has(ref.line) || declaredUnchanged.has(ref.target.split('#')[0]))
                continue;
            if ((ref.kind === 'link' || ref.kind === 'path') && !seen.has(ref.target)) {
                seen.add(ref.target);
                // A path to the epics file stands for it: an epic heading below does not name it again.
                if (/(?:^|\/)epics\.md$/i.test(ref.target.split('#')[0]))
                    seen.add(EPICS_FILE);
                // "Create `docs/stories/3-11.md` with the story": a document the proposal adds.
                const creates = createLines.has(ref.line);
                targets.push({ doc: ref.target.split('#')[0], sections: [], ids: [], explicit: false, line: ref.line, ...(creates ? { action: 'add' } : {}) });
            }
        }
        // A bare file name (`### 4.5 Create \`10-7-sweep.md\``) names the same file as a path with that
        // name elsewhere in the proposal (`Create \`docs/stories/10-7-sweep.md\``): the path is kept.
        const withFolder = new Set(targets.filter((t) => t.doc.includes('/')).map((t) => t.doc.slice(t.doc.lastIndexOf('/') + 1).toLowerCase()));
        for (let i = targets.length - 1; i >= 0; i--)
            if (!targets[i].doc.includes('/') && withFolder.has(targets[i].doc.toLowerCase()))
                targets.splice(i, 1);
        // Headings and label lines that name an artifact type (`### 3.1 PRD`, `Functional spec, FR-1:`).
        // A heading names a target only when it is about changing that document; one that cites
        // it ("Original Requirements (PRD Journey 1)", "PRD Alignment") does not.
        // Epic headings keep naming the epics file either way (an epic's section is where its stories change).
        const names = structure.sections.map((s) => ({ text: s.text, line: s.line, cites: !headingNamesTarget(s, parts), unchanged: epicsUnchanged(s, blocks) }));
        for (const part of parts) {
            const b = blocks.findIndex((x) => x.line === part.line);
            const before = b > 0 ? blocks[b - 1] : undefined;
            // "**Story 1.2: …**" or "Section: Acceptance Criteria" says where the edit goes; a
            // "**Rationale:** …" paragraph says why, and the documents it mentions are not named.
            const why = before?.kind === 'paragraph' ? INLINE_LABEL_TEXT.exec(before.raw)?.groups?.label : undefined;
            if (before?.kind === 'paragraph' && !(why !== undefined && JUSTIFICATION_LABEL.test(why.trim())))
                names.push({ text: before.text.split('\n').pop() ?? '', line: before.line });
        }
        // Paths named in headings, links and code spans come first: an artifact word is a fallback.
        const hasPaths = targets.length > 0;
        for (const { text, line, cites, unchanged } of names) {
            if (notTarget.has(line))
                continue;
            const epics = namesEpics(text);
            if (hasPaths && !epics)
                continue;
            if (epics && !unchanged && !seen.has(EPICS_FILE)) {
                seen.add(EPICS_FILE);
                targets.push({ doc: EPICS_FILE, sections: [], ids: [], explicit: false, line });
            }
            if (cites)
                continue;
            for (const a of ARTIFACTS) {
                const key = `type:${a.type}`;
                if (a.re.test(text.slice(0, 300)) && !seen.has(key)) {
                    seen.add(key);
                    targets.push({ doc: key, sections: [], ids: [], explicit: false, line });
                }
            }
        }
    }
    const canonical = canonicalOf;
    const added = new Map();
    const modified = new Map();
    const removed = new Map();
    for (const e of edits) {
        const oldText = new Map(e.oldRequirements.map((r) => [r.canonicalId, sameText(r.text)]));
        const newSet = new Set(e.newIds.map(canonical));
        for (const r of e.newRequirements) {
            const before = oldText.get(r.canonicalId);
            if (before === undefined)
                added.set(r.canonicalId, r.id);
            else if (before !== sameText(r.text))
                modified.set(r.canonicalId, r.id);
            // Same id and same text on both sides: context quoted to show where the edit goes.
        }
        for (const id of e.oldIds)
            if (!newSet.has(canonical(id)))
                removed.set(canonical(id), id);
    }
    for (const [key, { id, remove }] of rewritten) {
        if (added.has(key))
            continue;
        if (remove)
            removed.set(key, id);
        else
            modified.set(key, id);
    }
    for (const t of targets) {
        for (const id of t.ids) {
            const key = canonical(id);
            if (t.action === 'add')
                added.set(key, id);
            else if (t.action === 'remove')
                removed.set(key, id);
            else if (t.action === 'modify')
                modified.set(key, id);
        }
    }
    for (const key of added.keys())
        modified.delete(key);
    // The proposal's own requirements: what it adds or rewrites (not the unchanged context).
    const changed = new Set([...added.keys(), ...modified.keys()]);
    const requirements = [];
    const seenReq = new Set();
    for (const e of edits) {
        for (const r of e.newRequirements) {
            if (seenReq.has(r.canonicalId) || !changed.has(r.canonicalId))
                continue;
            seenReq.add(r.canonicalId);
            requirements.push(r);
        }
    }
    const editIds = [...new Set([...edits.flatMap((e) => [...e.oldIds, ...e.newIds]), ...refs.filter((r) => r.kind === 'id').map((r) => r.target)])];
    return {
        edits,
        targets,
        editIds,
        requirements,
        changeSet: {
            targets,
            edits: edits.map(({ oldIds: _o, newIds: _n, newRequirements: _r, oldRequirements: _or, unpaired: _u, ...edit }) => edit),
            added: [...added.values()],
            modified: [...modified.values()],
            removed: [...removed.values()],
        },
    };
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/rules.js

const r = (severity, title, explanation, fix) => ({ severity, title, explanation, fix });
const ROWS = {
    // ── the file itself ───────────────────────────────────────────────────────────
    'file.empty': r('warning', 'Empty file', 'The file has no content (or only whitespace), so there is nothing to validate.', 'Write the document, or delete the file, or exclude it with `specs.exclude`.'),
    'file.binary': r('warning', 'Not a text file', 'The file contains NUL bytes, so it is a binary file with a Markdown name. It is not parsed.', 'Replace it with the Markdown text, or exclude it with `specs.exclude`.'),
    'file.encoding': r('error', 'Not valid UTF-8', 'The file contains bytes that are not valid UTF-8 (often a Windows-1252 or Latin-1 file). Invalid bytes were read as U+FFFD, so text near them may be wrong.', 'Save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8).'),
    'file.utf16': r('warning', 'UTF-16 file', 'The file is UTF-16 encoded (it starts with a UTF-16 byte-order mark). It was decoded, but GitHub, diffs and most tools expect UTF-8.', 'Save the file as UTF-8.'),
    'file.unreadable': r('error', 'File could not be read', 'Reading the file failed (permissions, a broken link, or the file vanished during the run).', 'Check that the file exists and is readable, then run again.'),
    'spec.too-large': r('error', 'File too large', 'The file is larger than `specs.maxBytes`, so it is not parsed: parsing it would slow every run down.', 'Split the document (BMAD sharding: `docs/prd/index.md` plus shards), or raise `specs.maxBytes` in `.github/spec-automation.yml`.'),
    'spec.untyped': r('info', 'Markdown that is not a spec', 'These Markdown files matched `specs.include` but have no `type:` and nothing that marks them as a PRD, functional spec, technical spec or change proposal (title, file name, sections, requirement ids). They are listed once, not validated.', 'Nothing to do for notes and reports. To validate one as a spec, add `type:` front matter or a `specs.types` entry, or exclude the folder with `specs.exclude`.'),
    'spec.internal-error': r('error', 'Parser failure', 'The spec parser hit an unexpected error on this file (a bug, or a file source that returned something other than bytes). The file was skipped; other files were validated.', 'Report the file to the spec-automation maintainers; meanwhile exclude it with `specs.exclude`.'),
    'md.nesting-too-deep': r('warning', 'Structure too deep or too dense', 'Some lines nest block quotes or list items more than 32 levels deep, or hold hundreds of emphasis, link or table delimiters. To keep parsing fast they were simplified (extra nesting flattened, delimiters read as text), so they may be read differently from how GitHub renders them.', 'Flatten the structure and simplify the line: no real spec needs this.'),
    // ── front matter ──────────────────────────────────────────────────────────────
    'fm.yaml': r('error', 'Invalid YAML front matter', 'The front matter between the `---` lines is not valid YAML, so none of its keys (type, id, status…) could be read.', 'Fix the YAML at the reported line. A value that contains ": " must be quoted: `title: "Foo: bar"`.'),
    'fm.not-mapping': r('warning', 'Front matter is not a mapping', 'The block between the first two `---` lines parsed to something other than `key: value` pairs (often the document starts with a `---` thematic break). It was ignored and the whole file read as Markdown.', 'Start the file with `---`, then `key: value` lines, then `---`; or remove the leading `---`.'),
    'fm.not-first-line': r('warning', 'Front matter not on line 1', 'A `---` block of `key: value` lines was found, but not on the first line. GitHub and most tools only read front matter on line 1; without it, `key: v` + `---` renders as a heading. It was read as front matter anyway.', 'Delete the blank lines (or other text) above the opening `---`.'),
    'fm.unclosed': r('warning', 'Front matter never closed', 'The file starts with `---` but no closing `---` line follows, so there is no front matter; the file was read as Markdown.', 'Add the closing `---` line after the front-matter keys, or remove the first line.'),
    'fm.language': r('error', 'Unsupported front-matter language', 'The front matter names a language other than YAML (`---js`, `---toml`…). Only YAML is read; JavaScript front matter is never executed.', 'Write the front matter in YAML: `---` on its own line.'),
    'fm.too-complex': r('warning', 'Front matter too complex', 'The front matter is nested too deeply or expands to too many values (YAML aliases can multiply), so only part of it was kept.', 'Keep front matter to flat keys and short lists.'),
    'fm.yaml-surprise': r('info', 'Front-matter value read differently than written', 'A plain (unquoted) value means something else to YAML 1.1 readers (Jekyll, PyYAML, js-yaml 3): `approved: yes` is the text "yes" here and true there; or YAML turned it into a number that is not what was written (`revision: 2.10` is 2.1).', 'Quote the value to keep it as text, or write true/false for a yes/no flag.'),
    'fm.type.unknown': r('error', 'Unknown document type', 'The `type` value is not one of prd, functional-spec, technical-spec, sprint-change-proposal or their synonyms, so the automation does not know what to do with the document.', 'Use one of: prd, functional-spec, technical-spec, sprint-change-proposal.'),
    'fm.id.format': r('warning', 'Unusual document id', 'Document ids look like `PRD-001`, `FS-AUTH-002` or `SCP-2026-06-22-01`: an uppercase prefix and dash-separated parts. Other ids work but are easy to mistype in references.', 'Use an id such as `PRD-001`.'),
    'fm.id.not-string': r('warning', 'Numeric document id', 'YAML read the id as a number, so leading zeros and trailing zeros are lost (`007` becomes 7, `1.10` becomes 1.1).', 'Quote the id: `id: "007"`.'),
    'fm.id.duplicate': r('error', 'Duplicate document id', 'Two active documents declare the same `id`, so references to it are ambiguous.', 'Give each document its own id, or mark the old one `status: superseded`.'),
    'fm.title.mismatch': r('info', 'Title differs from the H1', 'The front-matter `title` and the first `#` heading differ. The front-matter title is used.', 'Make them the same, or drop one of them.'),
    'fm.status.unknown': r('warning', 'Unknown status', 'The status is not one the automation knows, so the document is treated as a draft and not executed.', 'Use draft, proposed, in-review, approved, implementing, done, superseded, rejected or deprecated.'),
    'fm.version.not-string': r('warning', 'Numeric version', 'YAML read the version as a number: `1.0` becomes 1 and `1.10` becomes 1.1.', 'Quote the version: `version: "1.10"`.'),
    'fm.date.invalid': r('warning', 'Invalid date', 'A date key (`created`, `updated`, `date`, `approved_at`) is not a YYYY-MM-DD date.', 'Write dates as YYYY-MM-DD.'),
    'fm.date.order': r('warning', 'Updated before created', 'The `updated` date is earlier than the `created` date.', 'Correct one of the two dates.'),
    'fm.required': r('error', 'Required front-matter key missing', 'Strict mode (`specs.strict: true`) requires `type`, `id`, `title` and `status` in front matter.', 'Add the missing key, or turn strict mode off.'),
    // ── type and status ───────────────────────────────────────────────────────────
    'type.ambiguous': r('warning', 'Document type unclear', 'The document has no `type` in front matter and its path, title, headings and body do not point clearly to one type, so the automation will not act on it. The evidence is in the message.', 'Add `type: prd` (or functional-spec, technical-spec, sprint-change-proposal) to the front matter.'),
    'status.skipped': r('info', 'Not executable (status)', 'Only documents whose status is executable (by default approved or implementing) are handed to the dev agent. This one is validated but skipped.', 'Set `status: approved` when the document is ready, or change `specs.executableStatuses`.'),
    // ── requirements ──────────────────────────────────────────────────────────────
    'req.id.duplicate': r('error', 'Duplicate requirement id', 'Two requirement definitions have the same id (FR1, FR-1 and FR-001 are the same id), so tests and tasks that cite it are ambiguous.', 'Renumber one of them; a letter suffix (`FR-014a`) inserts a requirement without renumbering.'),
    'req.id.mixed-style': r('info', 'Mixed requirement id styles', 'The document writes ids of one kind in several styles (`FR1` and `FR-001`). They are read as the same ids, but readers may not.', 'Pick one style, e.g. `FR-1`.'),
    'req.id.gap': r('info', 'Gap in requirement numbering', 'Requirement numbers skip a value. That is fine when a requirement was removed; it is reported in case one was lost.', 'Nothing to do if intended.'),
    'quality.vague': r('info', 'Vague requirement', 'The requirement uses a vague adjective (fast, easy, intuitive…) and no number, so it cannot be tested.', 'Give a measurable target: "within 200 ms", "in at most 3 clicks".'),
    // ── acceptance criteria ───────────────────────────────────────────────────────
    'ac.ears.malformed': r('warning', 'Incomplete EARS criterion', 'The criterion starts like EARS (WHEN/IF/WHILE/WHERE) but has no SHALL/MUST/SHOULD response, so it does not say what the system does.', 'Write "WHEN <trigger>, THE <system> SHALL <response>".'),
    'ac.ears.missing-modal': r('warning', 'EARS criterion without SHALL', 'The criterion has the WHEN … THEN … shape but no SHALL/MUST, so its obligation is unclear.', 'Write "WHEN <trigger> THEN THE <system> SHALL <response>".'),
    'ac.gwt.incomplete': r('warning', 'Incomplete Given/When/Then', 'A Given/When/Then criterion lacks one of its parts (a Given without Then, say), so it cannot be turned into a test.', 'Complete the scenario: Given <context>, When <action>, Then <outcome>.'),
    'ac.numbering': r('warning', 'Criterion number does not match its requirement', 'A Kiro criterion is numbered for another requirement (`2.1` under Requirement 1), so `_Requirements: 2.1_` references point at the wrong place.', 'Renumber the criterion to match its requirement.'),
    // ── markers ───────────────────────────────────────────────────────────────────
    'marker.unresolved': r('warning', 'Unresolved marker', 'A TODO, TBD, [ASSUMPTION: …], [NOTE FOR PM] or [NEEDS CLARIFICATION] marker is still in the text. It is an error once the document is approved: the dev agent would have to guess.', 'Resolve the question and remove the marker.'),
    'marker.needs-clarification': r('warning', 'Needs clarification', 'A [NEEDS CLARIFICATION] marker is still in the text. It is an error once the document is approved or handed to the dev agent.', 'Answer the question in the text and remove the marker.'),
    'marker.needs-clarification.too-many': r('warning', 'Too many open questions', 'More than 3 [NEEDS CLARIFICATION] markers (spec-kit\'s limit): the document is not ready for planning.', 'Resolve the questions, or move the less important ones to an Open Questions section as plain text.'),
    'marker.in-code': r('info', 'Marker inside code', 'A marker (TODO, NEEDS CLARIFICATION…) sits inside a code block, inline code or HTML comment, where it is not treated as an open question.', 'Nothing to do if the marker is an example; otherwise move it out of the code.'),
    'doc.template-leftover': r('warning', 'Template leftover', 'A template placeholder (`[FEATURE NAME]`, `{{project_name}}`, `$ARGUMENTS`, `[e.g., …]`) is still in the text.', 'Replace the placeholder with real content or delete it.'),
    'fs.template-leftover': r('warning', 'Template leftover', 'A spec template placeholder (`[FEATURE NAME]`, `$ARGUMENTS`, `[e.g., …]`) is still in the functional spec.', 'Replace the placeholder with real content or delete it.'),
    'ts.template-leftover': r('warning', 'Template leftover', 'A plan template placeholder (`[REMOVE IF UNUSED]`, `[e.g., Python 3.11 or NEEDS CLARIFICATION]`) is still in the technical spec.', 'Replace the placeholder with the decision, or delete the option.'),
    // ── tasks ─────────────────────────────────────────────────────────────────────
    'task.id.duplicate': r('error', 'Duplicate task id', 'Two tasks have the same id, so dependencies on it are ambiguous.', 'Renumber one of the tasks.'),
    'task.id.missing': r('warning', 'Task without id', 'Most tasks in this document have ids (T001, 1.2, Task 3) but this one has none, so it cannot be referenced.', 'Give the task an id in the document\'s style.'),
    'task.dep.dangling': r('error', 'Dependency on an unknown task', 'A task depends on a task id that does not exist in the document.', 'Fix the task id in the dependency, or add the missing task.'),
    'task.dep.cycle': r('error', 'Dependency cycle', 'Tasks depend on each other in a cycle, so no order can satisfy them.', 'Remove one of the dependencies in the cycle.'),
    'task.speckit.story-label': r('warning', 'Story label in a shared phase', 'spec-kit forbids `[USn]` labels on tasks in the Setup, Foundational and Polish phases: those tasks serve every story.', 'Remove the `[USn]` label, or move the task into its story\'s phase.'),
    'task.speckit.missing-story': r('warning', 'Task without story label', 'A task in a user-story phase has no `[USn]` label, so it cannot be traced to its story.', 'Add the story label, e.g. `T012 [US1] …`.'),
    'task.parallel.same-file': r('warning', 'Parallel tasks touch the same file', 'Two tasks marked `[P]` in the same phase touch the same file. spec-kit runs `[P]` tasks in parallel, which requires different files.', 'Drop `[P]` from one of them, or split the file.'),
    'task.speckit.no-path': r('info', 'Task without file path', 'The task does not name the file it changes; spec-kit tasks name exact paths so the agent does not have to guess.', 'Add the path: "… in `src/models/user.py`".'),
    'task.order': r('info', 'Task ids out of order', 'Task ids do not increase through the document.', 'Renumber the tasks in document order.'),
    // ── PRD ───────────────────────────────────────────────────────────────────────
    'prd.section.requirements': r('error', 'PRD without a requirements section', 'A PRD needs a Requirements (or Functional Requirements) section: it is what the dev agent implements.', 'Add a `## Requirements` section with `FR-1: …` items.'),
    'prd.fr.none': r('error', 'PRD without functional requirements', 'No functional requirement with an id (FR1, FR-001, **FR-1**…) was found, so nothing can be implemented or traced.', 'Write each requirement as `- FR-1: The user can …`.'),
    'prd.section.goals': r('warning', 'PRD without goals or background', 'A PRD should say why: Goals, Background, Overview or Executive Summary.', 'Add a `## Goals and Background Context` section.'),
    'prd.section.nfr': r('warning', 'PRD without non-functional requirements', 'No Non-Functional Requirements section: performance, platform and security expectations are then left to the agent.', 'Add `## Non-Functional Requirements` with `NFR-1: …` items.'),
    'prd.section.epics': r('warning', 'BMAD PRD without epics', 'A BMAD-style PRD lists its epics (Epic List or `## Epic N` sections). When epics live in epics.md, set `specs.epicsFile`.', 'Add an Epic List, or set `specs.epicsFile`.'),
    'prd.story.no-ac': r('warning', 'Story without acceptance criteria', 'A story has no acceptance criteria, so there is nothing to test it against.', 'Add an `**Acceptance Criteria:**` list under the story.'),
    'prd.epic.no-story': r('warning', 'Epic without stories', 'An epic has no stories.', 'Add `### Story N.1: …` under the epic, or remove the epic.'),
    'prd.story.epic-mismatch': r('warning', 'Story under the wrong epic', 'Story N.M should sit under Epic N.', 'Renumber the story or move it under its epic.'),
    'prd.story.forward-dep': r('warning', 'Story depends on a later story', 'A story references a later story of the same epic. BMAD: stories must not depend on future stories.', 'Reorder the stories, or remove the dependency.'),
    // ── functional spec ───────────────────────────────────────────────────────────
    'fs.section.requirements': r('error', 'Functional spec without a requirements section', 'A functional spec needs a Requirements section.', 'Add a `## Requirements` (or `## Functional Requirements`) section.'),
    'fs.req.none': r('error', 'Functional spec without requirements', 'No requirement items were found: `**FR-001**:` items, Kiro `### Requirement N` headings, or `FR-n` headings, list items or table rows.', 'Write requirements as `### FR-1: …` or `- **FR-001**: System MUST …`.'),
    'fs.ac.none': r('error', 'Functional spec without acceptance criteria', 'No acceptance criteria anywhere, so the quality gate has nothing to verify.', 'Add `**Acceptance Criteria:**` (or Acceptance Scenarios) with WHEN/THEN or Given/When/Then items.'),
    'fs.section.scenarios': r('warning', 'No user scenarios', 'A functional spec should describe who does what: User Scenarios, User Stories.', 'Add `## User Scenarios & Testing` with user stories.'),
    'fs.section.success-criteria': r('warning', 'No success criteria', 'spec-kit specs state measurable outcomes (`SC-001`).', 'Add `## Success Criteria` with measurable outcomes.'),
    'fs.section.overview': r('info', 'No overview', 'An Introduction or Overview helps readers (and the agent) place the feature.', 'Add a short `## Overview`.'),
    'fs.req.no-ac': r('warning', 'Requirement without acceptance criteria', 'A requirement has no acceptance criteria, and none are attached to its section. In the Kiro dialect every requirement owns its criteria, so this is an error there.', 'Add acceptance criteria under the requirement.'),
    'fs.story.no-scenario': r('warning', 'User story without scenario', 'A spec-kit user story has no acceptance scenario.', 'Add `**Acceptance Scenarios**:` with Given/When/Then items.'),
    'fs.story.priority': r('warning', 'User story without priority', 'spec-kit user stories carry `(Priority: P1)`; this one has none or a value that is not P<n>.', 'Add `(Priority: P1)` (P1 highest) to the story heading.'),
    'fs.story.priority-dup-p1': r('info', 'Several P1 stories', 'More than one story is P1; the MVP slice is then unclear.', 'Keep one P1 story if you can.'),
    'fs.fr.modal': r('info', 'Requirement without MUST/SHALL', 'spec-kit functional requirements are phrased "System MUST …" so their obligation is clear.', 'Rephrase with MUST or SHALL.'),
    // ── technical spec ────────────────────────────────────────────────────────────
    'ts.title.none': r('error', 'Technical spec without a title', 'No `#` heading and no front-matter `title`.', 'Add a `# …` title line.'),
    'ts.design.none': r('error', 'Technical spec without design', 'No design section was found (Architecture, Components, Data Models, Tech Stack, Project Structure, Technical Context…).', 'Add an `## Architecture` section describing the modules and how they interact.'),
    'ts.section.overview': r('warning', 'No overview', 'A technical spec should open with a Summary or Overview.', 'Add `## Overview`.'),
    'ts.section.tasks': r('warning', 'No implementation plan', 'No Implementation Plan or Tasks section and no companion tasks.md, so the dev agent has to plan by itself.', 'Add `## Implementation Plan` with `- [ ] T001 …` tasks.'),
    'ts.section.testing': r('warning', 'No testing strategy', 'The technical spec says nothing about how it is tested.', 'Add `## Testing Strategy`.'),
    'ts.section.acceptance': r('warning', 'Quick-spec without acceptance criteria', 'BMAD quick-specs carry their own `### Acceptance Criteria`.', 'Add `### Acceptance Criteria`.'),
    'ts.implements.missing': r('info', 'Technical spec not linked', 'The technical spec does not say which functional spec or PRD it implements (`implements:`), and no companion spec was found, so coverage cannot be checked. A convention of this project that BMAD, spec-kit and Kiro documents do not follow: an info, a warning in strict mode.', 'Add `implements: FS-001` (id or path) to the front matter.'),
    'ts.files.missing': r('warning', 'File to modify does not exist', 'A path in `files_to_modify` does not exist in the repository.', 'Fix the path, or move it to `files_to_create`.'),
    'ts.task.req-dangling': r('warning', 'Task cites an unknown requirement', 'A task references a requirement id that the linked functional spec or PRD does not define.', 'Fix the id, or add the requirement to the linked spec.'),
    'ts.coverage.req-untasked': r('warning', 'Requirement without a task', 'A requirement of the spec the design implements has no task covering it (spec-kit analyze E): no task cites it, and no task cites a user story or source id (`DOC-REQ-001`) that a mapping table or the requirement itself maps to it. Reported on the requirement\'s own line. `specs.coverage` sets the severity (error, warning, info, off).', 'Add a task that cites the requirement id ("(FR-3)", `_Requirements: 1.2_`), or map it to a story or source id that a task cites.'),
    'ts.coverage.story-untasked': r('warning', 'User story without a task', 'The tasks trace to user stories (`[US1]`, the spec-kit way) and no task carries this story\'s label. `specs.coverage` sets the severity.', 'Add a task labelled `[USn]` in the story\'s phase.'),
    'ts.coverage.story-level': r('info', 'Coverage checked per story', 'No task cites a requirement or source id, so coverage is checked per user story; requirements that no story mentions and no mapping table links cannot be checked one by one.', 'To check each FR, cite FR or source ids in tasks, or map FRs to stories in the spec (a mapping table, or "(US1)" in the FR).'),
    'ts.mermaid.empty': r('info', 'Empty diagram', 'A mermaid code block is empty.', 'Draw the diagram or delete the block.'),
    // ── sprint change proposal ────────────────────────────────────────────────────
    'scp.section.issue': r('error', 'Change proposal without issue summary', 'A sprint change proposal must say what triggered it (Issue Summary, Change Trigger…).', 'Add `## Issue Summary`.'),
    'scp.section.changes': r('error', 'Change proposal without proposed changes', 'A sprint change proposal must list its proposed edits (Detailed Change Proposals, Proposed Changes…).', 'Add `## Proposed Changes` with OLD/NEW blocks.'),
    'scp.target.none': r('error', 'Change proposal without target', 'No target document: no `changes:` in front matter and nothing to infer (no document path, artifact name or requirement id). A proposal that names only source files changes code only: an info.', 'Add `changes: [{ doc: PRD-001, ids: [FR-7], action: add }]` to the front matter.'),
    'scp.target.inferred': r('info', 'Change proposal targets inferred', 'The target documents were inferred from the text. Explicit targets make the change set exact. A convention of this project that BMAD, spec-kit and Kiro documents do not follow: an info, a warning in strict mode.', 'Add a `changes:` list to the front matter.'),
    'scp.section.impact': r('warning', 'No impact analysis', 'A change proposal should analyse its impact on epics, stories and artifacts.', 'Add `## Impact Analysis`.'),
    'scp.section.path': r('warning', 'No recommended path', 'A change proposal should state the chosen path (direct adjustment, rollback, MVP review).', 'Add `## Recommended Path Forward`.'),
    'scp.section.handoff': r('warning', 'No handoff plan', 'A change proposal should say who does what next.', 'Add `## Implementation Handoff`.'),
    'scp.section.mvp-impact': r('info', 'No MVP impact', 'BMAD v4 proposals state the MVP impact (v6 folds it into Impact Analysis).', 'Add `## MVP Impact`, or mention it in the impact analysis.'),
    'scp.section.success': r('warning', 'No success criteria', 'Without Success Criteria the quality gate has nothing to verify for the change.', 'Add `## Success Criteria`.'),
    'scp.edit.unpaired': r('warning', 'OLD without NEW (or the reverse)', 'An edit has an OLD block without a NEW block, or the reverse, so the change is incomplete.', 'Give every OLD block its NEW block (write "NEW: (removed)" for deletions).'),
    'scp.target.dangling': r('error', 'Change target not found', 'A target document (id or path) does not exist in the repository. An explicit target in `changes:` is an error; an inferred one a warning.', 'Fix the id or path of the target.'),
    'scp.edit.old-not-found': r('warning', 'Edited requirement not in target', 'An OLD block or `action: modify` names a requirement id that the target document does not define.', 'Check the id and the target document.'),
    'scp.id.collision': r('error', 'New requirement id already exists', 'A NEW block or `action: add` defines a requirement id the target already defines with different text.', 'Use a free id, or mark the change `action: modify`.'),
    'scp.scope.unknown': r('warning', 'Unknown scope', '`scope` should be minor, moderate or major.', 'Use minor, moderate or major.'),
    'scp.approval.missing': r('info', 'Change proposal not approved', 'Only approved (or implementing) change proposals are applied; this one is skipped.', 'Set `status: approved` (with `approved_by` and `approved_at`) once it is approved.'),
    'scp.approval.inconsistent': r('warning', 'Approval fields disagree', '`approved_at`/`approved_by` is set but the status is not approved, or the reverse. Approved without `approved_by`/`approved_at` is an info (a warning in strict mode): those are this project\'s fields.', 'Make the status and the approval fields agree.'),
    'scp.checklist.open': r('info', 'Open checklist action', 'A change-checklist item marked `[!]` (action needed) is still open.', 'Resolve the item and mark it `[x]`.'),
    // ── references ────────────────────────────────────────────────────────────────
    'ref.dangling': r('warning', 'Unresolved reference', 'A requirement id mentioned in the text is not defined in this document or in the documents it is linked to.', 'Fix the id, or link the document that defines it (`prd:`, `implements:`, `related:`).'),
    'ref.fm.dangling': r('error', 'Front-matter reference not found', 'A front-matter reference (`implements`, `prd`, `parent`, `supersedes`, `superseded_by`) names no document of the repository. `related` and `inputDocuments` entries are warnings.', 'Fix the id or the path (paths are relative to the repository root or to the document).'),
    'ref.link.dangling': r('warning', 'Broken link', 'A link to a Markdown file points at a file that does not exist.', 'Fix the link target.'),
    'ref.anchor.dangling': r('warning', 'Broken anchor', 'A link points at a heading anchor (`#section`) that the target document does not have.', 'Fix the anchor; GitHub anchors are the heading text, lowercased, spaces as dashes.'),
    'ref.superseded.status': r('warning', 'Superseded document still active', 'A document is superseded by another but its status is not superseded or deprecated, so both may be executed.', 'Set `status: superseded` on the old document.'),
    // ── bundles ───────────────────────────────────────────────────────────────────
    'bundle.checklist.incomplete': r('warning', 'Quality checklist incomplete', 'A spec-kit `checklists/*.md` item is unchecked, so the spec has not passed its own quality gate.', 'Complete the checklist item, or remove it if it does not apply.'),
    'bundle.orphan-tasks': r('warning', 'tasks.md without plan or design', 'A tasks.md has no sibling plan.md or design.md, so its tasks are not tied to a design. It is treated as a technical spec with only tasks.', 'Add the plan.md (spec-kit) or design.md (Kiro) next to it.'),
};
/** The registry, by code. */
const RULES = Object.fromEntries(Object.entries(ROWS).map(([code, row]) => [code, { code, ...row }]));
/** The registry entry for a code, or undefined. */
function ruleInfo(code) {
    return Object.hasOwn(RULES, code) ? RULES[code] : undefined;
}
/** All registered codes, sorted. */
function ruleCodes() {
    return Object.keys(RULES).sort();
}
/**
 * Registered codes close to `code`, for "did you mean": codes that contain it or that
 * it contains, then the nearest by edit distance; at most `limit`.
 */
function closeRules(code, limit = 5) {
    const q = code.trim().toLowerCase();
    if (q === '')
        return [];
    const codes = ruleCodes();
    const scored = codes.map((c) => {
        const contains = c.includes(q) || q.includes(c) ? 0 : 1;
        return { c, contains, distance: editDistance(q, c) };
    });
    return scored
        .filter((s) => s.contains === 0 || s.distance <= Math.max(3, Math.floor(q.length / 3)))
        .sort((a, b) => a.contains - b.contains || a.distance - b.distance || a.c.localeCompare(b.c))
        .slice(0, limit)
        .map((s) => s.c);
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/sink.js

/** The spec producer's name in every diagnostic. */
const SPEC_SOURCE = 'spec';
class DiagnosticSink {
    path;
    items = [];
    constructor(path) {
        this.path = path;
    }
    /** Adds a finding of `rule` at file line `line`. */
    add(rule, line, message, options = {}) {
        this.addAt(this.path, rule, line, message, options);
    }
    /** Adds a finding about another file (a companion or shard of this document). */
    addAt(path, rule, line, message, options = {}) {
        const info = RULES[rule];
        const start = options.column !== undefined ? { line: Math.max(1, line), column: Math.max(1, options.column) } : { line: Math.max(1, line) };
        this.items.push({
            source: SPEC_SOURCE,
            path,
            range: options.endLine !== undefined && options.endLine > start.line
                ? { start, end: { line: options.endLine } }
                : options.endColumn !== undefined && options.column !== undefined && options.endColumn >= options.column
                    ? { start, end: { line: start.line, column: options.endColumn } }
                    : { start },
            severity: options.severity ?? info.severity,
            rule,
            message,
            hint: options.hint ?? info.fix,
        });
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/stories.js


const BMAD_STORY = /^Story\s+(?<e>\d+)\.(?<s>\d+)\s*[:：.\-—–]?\s*(?<title>.*)$/iu;
const SPECKIT_STORY = /^User Story\s+(?<n>\d+)\s*(?:[-–—:：]\s*(?<title>.*?))?\s*(?:\(\s*Priority\s*[:：]\s*(?<p>[^)]*)\))?\s*$/iu;
/** Extracts stories and epics, attaching criteria by `parentRef`. */
function extractStories(blocks, structure, criteria) {
    const stories = [];
    const epics = [];
    for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b];
        if (block.kind === 'heading') {
            const text = block.text.trim().replace(/\*\*/g, '');
            const epic = EPIC_HEADING.exec(text);
            if (epic?.groups && block.depth >= 2 && block.depth <= 4) {
                epics.push({ number: Number(epic.groups.n), title: epic.groups.title.trim(), storyIds: [], line: block.line });
                continue;
            }
            const bmad = BMAD_STORY.exec(text);
            if (bmad?.groups) {
                const under = structure.epicOf[b];
                stories.push({
                    id: `${Number(bmad.groups.e)}.${Number(bmad.groups.s)}`,
                    title: bmad.groups.title.trim(),
                    acceptanceCriteria: [],
                    line: block.line,
                    epic: Number(bmad.groups.e),
                    block: b,
                    style: 'bmad',
                    depth: block.depth,
                    ...(under ? { underEpic: under.number } : {}),
                });
                continue;
            }
            const speckit = SPECKIT_STORY.exec(text);
            if (speckit?.groups) {
                const p = speckit.groups.p?.trim();
                const valid = p !== undefined && /^P\d+$/i.test(p);
                stories.push({
                    id: `US${Number(speckit.groups.n)}`,
                    title: (speckit.groups.title ?? '').trim(),
                    acceptanceCriteria: [],
                    line: block.line,
                    block: b,
                    style: 'speckit',
                    depth: block.depth,
                    ...(valid ? { priority: p.toUpperCase() } : {}),
                    ...(p !== undefined && !valid ? { priorityRaw: p } : {}),
                });
            }
        }
        else if (block.kind === 'paragraph') {
            const bold = structure.boldStories.get(b);
            if (bold) {
                const under = structure.epicOf[b];
                stories.push({
                    id: bold.id,
                    title: bold.title,
                    acceptanceCriteria: [],
                    line: block.line,
                    epic: bold.epic,
                    block: b,
                    style: 'bmad',
                    depth: (structure.sectionOf[b] >= 0 ? structure.sections[structure.sectionOf[b]].depth : 0) + 0.5,
                    ...(under ? { underEpic: under.number } : {}),
                });
            }
        }
    }
    // User-story triples: the first matching paragraph (or item) inside each story's scope.
    const storyAt = new Map();
    for (const s of stories)
        storyAt.set(s.block, s);
    for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b];
        if (block.kind !== 'paragraph' && block.kind !== 'item')
            continue;
        const parent = structure.parentOf[b];
        if (!parent || (parent.kind !== 'bmad-story' && parent.kind !== 'speckit-story'))
            continue;
        const story = storyAt.get(parent.block);
        if (!story || story.userStory)
            continue;
        const triple = matchUserStory(block.text);
        if (triple)
            story.userStory = triple;
    }
    const byId = new Map();
    for (const s of stories)
        if (s.id && !byId.has(s.id))
            byId.set(s.id, s);
    for (const ac of criteria) {
        if (ac.parentRef === undefined)
            continue;
        byId.get(ac.parentRef)?.acceptanceCriteria.push(ac);
    }
    for (const s of stories) {
        if (s.style !== 'bmad' || s.underEpic === undefined)
            continue;
        const epic = [...epics].reverse().find((e) => e.number === s.underEpic && e.line < s.line);
        epic?.storyIds.push(s.id);
    }
    return { stories, epics };
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/tasks.js


const STATE = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[(?<s> |x|X|N\/A|n\/a|!|-)\](?<opt>\*)?\s*/;
const SPECKIT = /^(?<id>T\d{3,})\b\s*(?<flags>(?:\[(?:P|US\d+)\]\s*)*)(?<desc>.*)$/s;
const KIRO = /^(?<id>\d{1,3}(?:\.\d{1,3})?)\.?\s+(?<desc>.+?)(?<par>\s+\(P\))?$/s;
const BMAD = /^Task\s+(?<id>\d{1,3}[a-z]?)\s*[:：]?\s*(?<desc>.*?)(?:\s*\(AC:?\s*(?<ac>[#\d,\s\-–]{1,40})\))?$/is;
const SUBTASK = /^Subtask\s*(?<id>\d{1,3}\.\d{1,3})\s*[:：]?\s*(?<desc>.*)$/is;
const REFS_LABEL = /(?:^|[\s_*])(?:Requirements?|Validates|Refs?|Covers|Implements|Traces?)\s*[*_]*\s*[:：]\s*(?<list>[^\n]{1,400})/giu;
const AC_REF = /\(AC:?\s*(?<list>[#\d,\s\-–]{1,40})\)/giu;
const STORY_REF = /\[(?<us>US\d{1,4})\]/g;
const TASK_ID = /\bT-?\d{1,5}\b|\bTask\s+\d{1,3}[a-z]?\b|(?<![\w.])\d{1,3}(?:\.\d{1,3})+(?![\d.])|(?<![\w.])\d{1,3}(?![\d.])/gi;
const STRONG_TASK_ID = /\bT-?\d{1,5}\b|\bTask\s+\d{1,3}[a-z]?\b/gi;
const DEPENDS = /(?:depends\s+on|blocked\s+by|requires\s+task|after\s+completing|_?Depends\s*_?\s*[:：]|\*\*Blocked by\*\*\s*[:：]|Blocked by\s*[:：])\s*(?<list>[^\n;]{1,200})/giu;
const AFTER = /\bafter\s+(?<list>(?:T-?\d{1,5}|Task\s+\d{1,3}[a-z]?)(?:\s*(?:,|and)\s*(?:T-?\d{1,5}|Task\s+\d{1,3}[a-z]?))*)/giu;
const FILE_IN = /\bin\s+`?(?<path>[\w./-]{1,200}\.[A-Za-z][A-Za-z0-9]{0,7})\b/g;
const PATHISH = /^[\w@.~/-]{1,200}\.[A-Za-z][A-Za-z0-9]{0,7}$|^[\w@.~-]{1,100}\/[\w@.~/-]{0,200}$/;
const STATES = { ' ': 'open', x: 'done', X: 'done', 'N/A': 'n/a', 'n/a': 'n/a', '!': 'action-needed', '-': 'skipped' };
function normalizeTaskId(id) {
    const t = /^T-?(\d+)$/i.exec(id.trim());
    if (t)
        return `T${t[1].padStart(3, '0')}`;
    const task = /^Task\s+(\d+[a-z]?)$/i.exec(id.trim());
    if (task)
        return task[1];
    return id.trim();
}
/** The checkbox state of an item: GFM's `checked`, or the raw `[N/A]`, `[!]`, `[-]`, `[ ]*` forms. */
function itemState(block) {
    const m = STATE.exec(block.raw);
    if (block.checked !== null)
        return { state: block.checked ? 'done' : 'open', optional: Boolean(m?.groups?.opt), strip: 0 };
    if (!m?.groups)
        return undefined;
    // Not a GFM task item: the bracket is still part of the text.
    const inText = /^\s*\[(?: |x|X|N\/A|n\/a|!|-)\]\*?\s*/.exec(block.text);
    return { state: STATES[m.groups.s] ?? 'open', optional: Boolean(m.groups.opt), strip: inText ? inText[0].length : 0 };
}
/** Requirement refs, dependencies and files of a task's text (its own line plus child bullets). */
function taskAttributes(text, codes) {
    const reqRefs = new Set();
    const dependsOn = new Set();
    const files = new Set();
    let storyRef;
    for (const m of text.matchAll(REFS_LABEL)) {
        const list = m.groups.list;
        for (const ref of (0,spec_ids/* findReferences */.yU)(list))
            reqRefs.add(ref.id);
        for (const c of (0,spec_ids/* expandCriterionList */.wv)(list))
            reqRefs.add(c);
    }
    for (const m of text.matchAll(AC_REF)) {
        for (const n of m.groups.list.match(/\d+/g) ?? [])
            reqRefs.add(`AC${Number(n)}`);
    }
    for (const ref of (0,spec_ids/* findReferences */.yU)(text))
        reqRefs.add(ref.id);
    for (const m of text.matchAll(STORY_REF))
        storyRef ??= m.groups.us;
    for (const m of text.matchAll(DEPENDS)) {
        for (const id of m.groups.list.match(TASK_ID) ?? [])
            dependsOn.add(normalizeTaskId(id));
    }
    for (const m of text.matchAll(AFTER)) {
        for (const id of m.groups.list.match(STRONG_TASK_ID) ?? [])
            dependsOn.add(normalizeTaskId(id));
    }
    for (const code of codes)
        if (PATHISH.test(code.trim()) && !/^\d+(?:\.\d+)+$/.test(code.trim()))
            files.add(code.trim());
    for (const m of text.matchAll(FILE_IN))
        if (!/^\d+(?:\.\d+)+$/.test(m.groups.path))
            files.add(m.groups.path);
    return { reqRefs: [...reqRefs], dependsOn: [...dependsOn], files: [...files], ...(storyRef ? { storyRef } : {}) };
}
function parseTaskText(text) {
    const line = text.split('\n', 1)[0].trim().slice(0, 2000);
    const sk = SPECKIT.exec(line);
    if (sk?.groups) {
        const flags = sk.groups.flags ?? '';
        const story = /\[(US\d+)\]/.exec(flags)?.[1];
        return { id: sk.groups.id, style: 'speckit', desc: sk.groups.desc.trim(), parallel: /\[P\]/.test(flags), acRefs: [], ...(story ? { storyRef: story } : {}) };
    }
    const sub = SUBTASK.exec(line);
    if (sub?.groups)
        return { id: sub.groups.id, style: 'bmad', desc: sub.groups.desc.trim(), parallel: false, acRefs: [] };
    const bmad = BMAD.exec(line);
    if (bmad?.groups) {
        const acRefs = (bmad.groups.ac ?? '').match(/\d+/g)?.map((n) => `AC${Number(n)}`) ?? [];
        return { id: bmad.groups.id, style: 'bmad', desc: bmad.groups.desc.trim(), parallel: false, acRefs };
    }
    const kiro = KIRO.exec(line);
    if (kiro?.groups)
        return { id: kiro.groups.id, style: 'kiro', desc: kiro.groups.desc.trim(), parallel: Boolean(kiro.groups.par), acRefs: [] };
    return { style: 'generic', desc: line, parallel: /\[P\]|\(P\)/.test(line), acRefs: [] };
}
/**
 * Section names under which a plain checkbox is work to do. Elsewhere a checkbox without a
 * task id is a form field (BMAD brownfield "Enhancement Type": `- [x] New Feature Addition`).
 */
const TASK_SECTION = /task|todo|to-do|to do|implementation|plan|phase|step|milestone|work|subtask|backlog|deliverable|action|sprint|stor(?:y|ies)|epic|fix|migration|rollout|setup|polish|tâche|étape|tarea|paso|aufgabe|schritt|任务|步骤|计划|實施|タスク|実装|計画|手順|作業/iu;
/**
 * Extracts the tasks and checklist items of a document.
 * @param docId the document id (or path) for generated ids `${docId}#t${n}`
 */
function extractTasks(blocks, structure, docId, taskList = false) {
    const inTaskSection = (section) => {
        for (let s = section; s >= 0; s = structure.sections[s].parent) {
            const sec = structure.sections[s];
            if (sec.depth > 1 && (sec.canonical === 'tasks' || TASK_SECTION.test(sec.normText)))
                return true;
        }
        return false;
    };
    const tasks = [];
    const checklist = [];
    const taskByBlock = new Map();
    const details = new Map();
    let generated = 0;
    for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b];
        // Child bullets and paragraphs of a task feed its refs, dependencies and files.
        if ((block.kind === 'item' || block.kind === 'paragraph') && block.item >= 0) {
            const owner = taskByBlock.get(block.item);
            if (owner && !(block.kind === 'item' && itemState(block))) {
                const d = details.get(owner);
                d.text.push(block.text);
                (0,arrays/* appendAll */.u2)(d.codes, block.codes);
                taskByBlock.set(b, owner);
            }
        }
        if (block.kind !== 'item')
            continue;
        const state = itemState(block);
        if (!state)
            continue;
        if (structure.acContainerOf[b] >= 0)
            continue; // a criterion with a done-state
        const text = block.text.slice(state.strip);
        const parsed = parseTaskText(text);
        // A checkbox in a checklist container is a checklist item, unless it carries a task id
        // (`T087` under "Phase 7: User Story 5 - Requirements Quality Checklists" is a task).
        if (structure.checklistOf[b] >= 0 && !(parsed.style === 'speckit' || (taskList && parsed.id !== undefined))) {
            checklist.push({ text: text.trim(), state: state.state, line: block.line });
            continue;
        }
        const parentTask = block.item >= 0 ? taskByBlock.get(block.item) : undefined;
        // Tasks come from task lists, task sections, task ids or a task parent; other checkboxes are form fields.
        if (!taskList && parsed.id === undefined && !parentTask && !inTaskSection(structure.sectionOf[b]))
            continue;
        let id = parsed.id;
        let parentId;
        if (parsed.style === 'kiro' && id && id.includes('.'))
            parentId = id.slice(0, id.lastIndexOf('.'));
        else if (parentTask)
            parentId = parentTask.id;
        if (!id)
            id = `${docId}#t${++generated}`;
        const section = structure.sectionOf[b];
        const task = {
            id,
            style: parsed.style,
            text: parsed.desc,
            raw: block.raw,
            checked: state.state === 'done',
            optional: state.optional,
            parallel: parsed.parallel,
            reqRefs: [],
            dependsOn: [],
            files: [],
            line: block.line,
            block: b,
            section,
            hasId: parsed.id !== undefined,
            ...(parsed.storyRef ? { storyRef: parsed.storyRef } : {}),
            ...(parentId ? { parentId } : {}),
            ...(section >= 0 ? { phase: structure.sections[section].text } : {}),
        };
        tasks.push(task);
        taskByBlock.set(b, task);
        details.set(task, { text: [text], codes: [...block.codes] });
        if (parsed.acRefs.length > 0)
            (0,arrays/* appendAll */.u2)(task.reqRefs, parsed.acRefs);
    }
    for (const task of tasks) {
        const d = details.get(task);
        const attrs = taskAttributes(d.text.join('\n'), d.codes);
        for (const r of attrs.reqRefs)
            if (!task.reqRefs.includes(r))
                task.reqRefs.push(r);
        task.dependsOn = attrs.dependsOn.filter((dep) => dep !== task.id);
        task.files = attrs.files;
        if (!task.storyRef && attrs.storyRef)
            task.storyRef = attrs.storyRef;
    }
    return { tasks, checklist };
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/text.js
/**
 * Bytes → text for spec files, which are untrusted: binary detection, UTF-8 validation
 * with the location of the first bad byte, UTF-16 (Notepad's "Unicode"), BOM removal
 * and line-ending normalization. After this step the text has `\n` line endings only,
 * so every line-anchored regex and every line number agrees with the file.
 */
/** Git's heuristic: a NUL byte in the first 8000 bytes means binary. */
const BINARY_SNIFF_BYTES = 8000;
/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes) {
    let i = 0;
    const n = bytes.length;
    while (i < n) {
        const b = bytes[i];
        if (b < 0x80) {
            i += 1;
            continue;
        }
        let need;
        let min;
        if (b >= 0xc2 && b <= 0xdf)
            [need, min] = [1, 0x80];
        else if (b >= 0xe0 && b <= 0xef)
            [need, min] = [2, 0x800];
        else if (b >= 0xf0 && b <= 0xf4)
            [need, min] = [3, 0x10000];
        else
            return i;
        if (i + need >= n)
            return i;
        let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return -1;
}
/** 1-based line and column (in characters) of a byte offset of UTF-8-ish bytes. */
function locateByte(bytes, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (bytes[i] === 0x0a) {
            line += 1;
            lineStart = i + 1;
        }
    }
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).replace(/\r$/, '');
    return { line, column: [...prefix].length + 1 };
}
/** CRLF and lone CR become LF (CommonMark treats a lone CR as a line ending too). */
function normalizeLineEndings(text) {
    if (!text.includes('\r'))
        return { text, changed: false };
    return { text: text.replace(/\r\n?/g, '\n'), changed: true };
}
/**
 * Decodes a spec file. Never throws: problems come back located, and the text is
 * always usable (invalid UTF-8 bytes become U+FFFD) unless the file is binary.
 */
function decodeSpecBytes(bytes) {
    const problems = [];
    const b0 = bytes[0];
    const b1 = bytes[1];
    if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
        const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
        const raw = new TextDecoder(encoding).decode(bytes.subarray(2));
        const { text, changed } = normalizeLineEndings(raw);
        problems.push({ rule: 'file.utf16', message: `The file is ${encoding.toUpperCase()} encoded; it was decoded, but GitHub and most tools expect UTF-8.`, line: 1, column: 1 });
        return { text, encoding, hadBom: true, hadCarriageReturns: changed, binary: false, problems };
    }
    const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
    const nul = sniff.indexOf(0);
    if (nul !== -1) {
        const where = locateByte(bytes, nul);
        problems.push({ rule: 'file.binary', message: `The file contains a NUL byte (line ${where.line}), so it is binary, not Markdown; it was not parsed.`, ...where });
        return { text: '', encoding: 'utf-8', hadBom: false, hadCarriageReturns: false, binary: true, problems };
    }
    const hadBom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
    const body = hadBom ? bytes.subarray(3) : bytes;
    const bad = firstInvalidUtf8(body);
    if (bad !== -1) {
        const where = locateByte(body, bad);
        const hex = body[bad].toString(16).toUpperCase().padStart(2, '0');
        problems.push({
            rule: 'file.encoding',
            message: `Byte 0x${hex} at line ${where.line}, column ${where.column} is not valid UTF-8; invalid bytes were read as U+FFFD.`,
            ...where,
        });
    }
    const raw = new TextDecoder('utf-8').decode(body);
    const { text, changed } = normalizeLineEndings(raw);
    return { text, encoding: 'utf-8', hadBom, hadCarriageReturns: changed, binary: false, problems };
}
/** Splits normalized text into lines; a final newline does not add an empty line. */
function splitLines(text) {
    if (text === '')
        return [''];
    const lines = text.split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/parse.js
/**
 * `parseSpec`: one document's bytes → the parsed model of spec-formats.md §0 with its
 * document-level diagnostics. No repository checks (see `repository.ts`). Never throws:
 * whatever the bytes, the result is a ParsedSpec whose diagnostics say what went wrong.
 */
























const EMPTY_EVIDENCE = {
    scores: { prd: 0, 'functional-spec': 0, 'technical-spec': 0, 'sprint-change-proposal': 0 },
    reasons: [],
    confident: false,
};
function emptySpec(path, hash, title) {
    return {
        path,
        type: undefined,
        typeSource: undefined,
        typeConfidence: 0,
        typeEvidence: EMPTY_EVIDENCE,
        contentHash: hash,
        meta: { owners: [], supersedes: [], related: [], tags: [], implements: [], extra: {}, lines: {}, source: 'none' },
        title,
        sections: [],
        requirements: [],
        stories: [],
        acceptanceCriteria: [],
        tasks: [],
        markers: [],
        refs: [],
        companions: [],
        executable: false,
        diagnostics: [],
    };
}
function hashOf(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
function baseName(path) {
    return (path.split('/').pop() ?? path).replace(/\.(?:md|markdown)$/i, '');
}
/** Model objects without the parser's bookkeeping fields. */
function toRequirement(r) {
    const { id, canonicalId, kind, text, raw, line, sectionPath, priority, userStory, form, file } = r;
    return { id, canonicalId, kind, text, raw, line, sectionPath, form, ...(priority ? { priority } : {}), ...(userStory ? { userStory } : {}), ...(file ? { file } : {}) };
}
function toCriterion(c) {
    const { id, format, parts, text, raw, checked, parentRef, line, file } = c;
    return { format, parts, text, raw, line, ...(id ? { id } : {}), ...(checked !== undefined ? { checked } : {}), ...(parentRef ? { parentRef } : {}), ...(file ? { file } : {}) };
}
function toStory(s) {
    const { id, title, priority, userStory, acceptanceCriteria, line, epic, file } = s;
    return {
        title,
        acceptanceCriteria: acceptanceCriteria.map((c) => toCriterion(c)),
        line,
        ...(id ? { id } : {}),
        ...(priority ? { priority } : {}),
        ...(userStory ? { userStory } : {}),
        ...(epic !== undefined ? { epic } : {}),
        ...(file ? { file } : {}),
    };
}
/** A task of the public model (no parser bookkeeping). */
function toTask(t) {
    const { block: _b, section: _s, hasId: _h, ...task } = t;
    return task;
}
/** Assigns canonical section names for the document's type. */
function assignCanonical(structure, facts) {
    if (!facts.type)
        return;
    for (const s of structure.sections) {
        const c = canonicalSection(facts.type, s.normText);
        if (c)
            s.canonical = c;
    }
}
/**
 * Parses one spec document.
 * @param path repo-relative path with forward slashes (used in diagnostics and ids)
 * @param bytes the file's content
 * @param config the `specs` section of the configuration
 * @returns the parsed document; its `diagnostics` hold every document-level finding
 */
function parseSpec(path, bytes, config, options = {}) {
    try {
        return parseSpecUnguarded(path, bytes, config, options);
    }
    catch (error) {
        // A parser bug must not take the run down: report it on the file and move on.
        const sink = new DiagnosticSink(path);
        const message = error instanceof Error ? error.message : String(error);
        sink.add('spec.internal-error', 1, `The spec parser failed on this file (${message.slice(0, 200)}); the file was skipped.`);
        let hash = '';
        try {
            hash = hashOf(bytes);
        }
        catch {
            hash = '';
        }
        const spec = emptySpec(path, hash, baseName(path));
        spec.diagnostics = (0,diagnostic/* assignFingerprints */.Dz)(sink.items);
        return spec;
    }
}
function parseSpecUnguarded(path, bytes, config, options) {
    const sink = new DiagnosticSink(path);
    const hash = hashOf(bytes);
    const finish = (spec, lines = []) => {
        spec.diagnostics = (0,diagnostic/* assignFingerprints */.Dz)(sink.items, (_p, line) => lines[line - 1]);
        return spec;
    };
    if (bytes.length > config.maxBytes) {
        sink.add('spec.too-large', 1, `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, above specs.maxBytes (${(config.maxBytes / 1024 / 1024).toFixed(1)} MB); it was not parsed.`);
        return finish(emptySpec(path, hash, baseName(path)));
    }
    const decoded = decodeSpecBytes(bytes);
    for (const p of decoded.problems)
        sink.add(p.rule, p.line, p.message, { column: p.column });
    if (decoded.binary)
        return finish(emptySpec(path, hash, baseName(path)));
    if (decoded.text.trim() === '') {
        sink.add('file.empty', 1, 'The file is empty.');
        return finish(emptySpec(path, hash, baseName(path)));
    }
    const lines = splitLines(decoded.text);
    const fm = readFrontMatter(decoded.text);
    for (const p of fm.problems)
        sink.add(p.rule, p.line, p.message, p.column !== undefined ? { column: p.column } : {});
    const md = parseMarkdown(fm.body, fm.bodyLineOffset, options.chunkLimits);
    if (md.flattenedLine !== undefined) {
        sink.add('md.nesting-too-deep', md.flattenedLine, 'Lines here nest block quotes or list items more than 32 levels deep; the extra levels were flattened.');
    }
    if (md.defusedLine !== undefined) {
        sink.add('md.nesting-too-deep', md.defusedLine, 'This line has hundreds of emphasis, link or table delimiters; it was read as plain text.', {
            hint: 'Simplify the line: no spec line needs hundreds of `*`, `_`, `[`, `|` characters.',
        });
    }
    const structure = buildStructure(md.blocks, lines.length);
    const meta = buildMeta(fm.data, fm.keyLines, md.blocks, structure, config, sink);
    const title = resolveTitle(meta, structure, path, sink);
    // A tasks.md is a task list of a technical spec, even alone (`bundle.orphan-tasks`).
    const fallbackType = options.fallbackType ?? (isTaskList(path) ? 'technical-spec' : undefined);
    const decision = detectType(path, fm.data, fm.keyLines.type ?? 1, title, structure.sections, fm.body, config, sink, fallbackType);
    const type = decision.type;
    assignCanonical(structure, { type });
    const dialect = detectDialect(path, type, fm.data, title, structure);
    const role = bundleRoleOf(path);
    const taskList = isTaskList(path);
    const requirementsFound = extractRequirements(md.blocks, structure);
    const requirementItems = new Map();
    for (const r of requirementsFound)
        if (r.form === 'list')
            requirementItems.set(r.block, r.id);
    const criteria = extractCriteria(md.blocks, structure, requirementItems);
    const { stories, epics } = extractStories(md.blocks, structure, criteria);
    const { tasks, checklist } = extractTasks(md.blocks, structure, meta.id ?? path, isTaskList(path));
    const markers = findMarkers(lines, fm.bodyLineOffset + 1, md.codeRanges);
    const definitionLines = new Set(requirementsFound.map((r) => r.line));
    const { refs, sourceFiles } = collectRefs(meta, fm.data, md.blocks, definitionLines);
    const scp = type === 'sprint-change-proposal' ? extractChangeProposal(md.blocks, structure, fm.data, fm.keyLines, refs) : undefined;
    const facts = {
        path,
        type,
        dialect,
        meta,
        fm: fm.data,
        keyLines: fm.keyLines,
        title,
        hasOwnTitle: Boolean(meta.title) || firstH1(structure) !== undefined,
        blocks: md.blocks,
        structure,
        requirements: type === 'sprint-change-proposal' ? [] : requirementsFound,
        criteria,
        stories,
        epics,
        tasks,
        checklist,
        markers,
        refs,
        sourceFiles,
        ...(scp ? { scp } : {}),
        inBundle: role !== undefined || taskList,
        config,
        sink,
    };
    checkRequirementIds(facts);
    checkCriteria(facts);
    checkMarkers(facts);
    checkTasks(facts);
    if (type === 'prd') {
        checkPrd(facts);
        checkVagueRequirements(facts);
    }
    else if (type === 'functional-spec') {
        checkFunctionalSpec(facts);
        checkVagueRequirements(facts);
    }
    else if (type === 'technical-spec' && !taskList)
        checkTechnicalSpec(facts);
    else if (type === 'sprint-change-proposal')
        checkChangeProposal(facts);
    const statusExecutable = isApproved(facts);
    if (!statusExecutable && type !== 'sprint-change-proposal' && !(taskList && role)) {
        sink.add('status.skipped', meta.lines.status ?? 1, `Skipped by the automation: status=${meta.statusRaw ?? 'none'} (executable: ${config.executableStatuses.join(', ')}).`);
    }
    const spec = {
        path,
        type,
        typeSource: decision.source,
        typeConfidence: decision.confidence,
        typeEvidence: decision.evidence,
        contentHash: hash,
        meta,
        title,
        sections: structure.sections.map((s) => ({
            depth: s.depth,
            text: s.text,
            normText: s.normText,
            line: s.line,
            endLine: s.endLine,
            ...(s.canonical ? { canonical: s.canonical } : {}),
        })),
        requirements: (scp ? scp.requirements : requirementsFound).map(toRequirement),
        stories: stories.map(toStory),
        acceptanceCriteria: criteria.map(toCriterion),
        tasks: tasks.map(toTask),
        markers,
        refs,
        companions: [],
        dialect,
        executable: false,
        diagnostics: [],
        ...(epics.length > 0 ? { epics } : {}),
        ...(checklist.length > 0 ? { checklist } : {}),
        ...(scp ? { changeSet: scp.changeSet } : {}),
    };
    finish(spec, lines);
    spec.executable = statusExecutable && type !== undefined && !spec.diagnostics.some((d) => d.severity === 'error');
    return spec;
}

// EXTERNAL MODULE: ./lib/pipeline/repo-path.js
var repo_path = __webpack_require__(410);
;// CONCATENATED MODULE: ./lib/pipeline/spec/discovery.js
/**
 * Which files are spec documents: the configured include globs minus the built-in and
 * configured exclusions (§8 step 3), or the files and folders the user named.
 */



const MARKDOWN = /\.(?:md|markdown)$/i;
/** The built-in exclusion of BMAD epic files (`epic-1-retro.md`, `epic-4-summary.md`). */
const EPIC_FILES = '**/epic-*.md';
/** A file name that says it is a change proposal. */
const PROPOSAL_NAME = /(?:^|[-_.])(?:change[-_]?)?proposals?(?:[-_.]|$)/i;
const matchers = new Map();
const LITERAL = '[^*?{}\\[\\]()!+@/\\\\]+';
const BASENAME = new RegExp(`^\\*\\*/(${LITERAL})$`);
const BASENAME_PREFIX = new RegExp(`^\\*\\*/(${LITERAL})\\*$`);
const BASENAME_SUFFIX = new RegExp(`^\\*\\*/\\*(${LITERAL})$`);
const FOLDER = new RegExp(`^\\*\\*/(${LITERAL})/\\*\\*$`);
/**
 * A test for one glob (`dot`, case-insensitive, as picomatch reads it). The common shapes
 * of the exclusion lists (a file name anywhere, a file-name prefix or suffix anywhere, a
 * folder anywhere) are string comparisons; the others go to picomatch.
 */
function globTest(glob) {
    const lower = (m) => m[1].toLowerCase();
    const base = (path) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    let m = BASENAME.exec(glob);
    if (m) {
        const name = lower(m);
        return (path) => base(path) === name;
    }
    m = BASENAME_PREFIX.exec(glob);
    if (m) {
        const prefix = lower(m);
        return (path) => base(path).startsWith(prefix);
    }
    m = BASENAME_SUFFIX.exec(glob);
    if (m) {
        const suffix = lower(m);
        return (path) => base(path).endsWith(suffix);
    }
    m = FOLDER.exec(glob);
    if (m) {
        const folder = lower(m);
        return (path) => {
            const lowerPath = path.toLowerCase();
            return lowerPath.startsWith(`${folder}/`) || lowerPath.includes(`/${folder}/`);
        };
    }
    return picomatch(glob, { dot: true, nocase: true });
}
/** The first glob of `globs` that matches a path; compiled once per glob list. */
function matcher(globs) {
    const key = globs.join('\0');
    const cached = matchers.get(key);
    if (cached)
        return cached;
    const compiled = globs.map((g) => ({ glob: g, test: globTest(g) }));
    const match = (path) => compiled.find((c) => c.test(path))?.glob;
    if (matchers.size > 64)
        matchers.clear();
    matchers.set(key, match);
    return match;
}
/**
 * Picks the spec documents among `files`.
 * @param files every repo-relative file path (from `SpecSource.list()`)
 * @param paths files or folders the user asked for; a named file is always a candidate,
 *   a folder contributes its Markdown files minus the exclusions (include globs are not applied)
 */
function discoverSpecs(files, config, paths) {
    return discoverNormalized(files.map(normalizeRelative), config, paths);
}
/** {@link discoverSpecs} on paths that are already repo-relative and normalized. */
function discoverNormalized(normalized, config, paths) {
    const files = normalized;
    const builtIn = matcher(BUILTIN_EXCLUDES);
    const configured = matcher(config.exclude);
    // BMAD shards (`docs/prd/epic-1-launch.md` next to `docs/prd/index.md`) are part of their
    // document, so the built-in `epic-*.md` exclusion does not apply inside a shard folder.
    const shardFolders = new Set(files.filter((f) => /(?:^|\/)(?:prd|architecture)\/index\.md$/i.test(f)).map((f) => f.slice(0, f.lastIndexOf('/') + 1)));
    const excluded = (file) => {
        const dir = file.slice(0, file.lastIndexOf('/') + 1);
        const builtInReason = shardFolders.has(dir) ? undefined : builtIn(file);
        // A change proposal named after its epic (`epic-6-scope-gap-proposal.md`) is not a BMAD epic file.
        if (builtInReason === EPIC_FILES && PROPOSAL_NAME.test(file.slice(dir.length)))
            return configured(file);
        return configured(file) ?? builtInReason;
    };
    const included = matcher(config.include);
    const markdown = files.filter((f) => MARKDOWN.test(f));
    const candidates = new Set();
    const skipped = [];
    const unmatched = [];
    const consider = (file, requireInclude) => {
        const exclusion = excluded(file);
        if (exclusion) {
            if (!requireInclude || included(file))
                skipped.push({ path: file, reason: `excluded by ${exclusion}` });
            return;
        }
        if (requireInclude && !included(file))
            return;
        candidates.add(file);
    };
    if (paths && paths.length > 0) {
        const fileSet = new Set(markdown);
        const allFiles = new Set(files);
        for (const raw of paths) {
            const p = (0,repo_path/* normalizeRelative */.iQ)(raw);
            if (p === '' || p === '.') {
                for (const f of markdown)
                    consider(f, false);
                continue;
            }
            if (fileSet.has(p)) {
                candidates.add(p);
                continue;
            }
            if (allFiles.has(p)) {
                skipped.push({ path: p, reason: 'not a Markdown file' });
                continue;
            }
            const prefix = `${p}/`;
            const under = markdown.filter((f) => f.startsWith(prefix));
            if (under.length === 0)
                unmatched.push(raw);
            for (const f of under)
                consider(f, false);
        }
    }
    else {
        for (const f of markdown)
            consider(f, true);
    }
    const seen = new Set();
    return {
        candidates: [...candidates].sort(),
        skipped: skipped.filter((s) => !candidates.has(s.path) && !seen.has(s.path) && seen.add(s.path)).sort((a, b) => a.path.localeCompare(b.path)),
        unmatched,
    };
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/repo-index.js
/**
 * A cheap index of a repository's spec text, for validating a few files without parsing
 * every spec (issue 10, class 12): which files mention a requirement id (a regex scan,
 * ranges expanded), which files may carry a given document id, and which files' front
 * matter or inline `Implements:` lines mention a string (a document id, a file name).
 * No Markdown parse.
 *
 * Every answer is a superset: a file that defines, or links to, what is asked about is
 * always among the candidates (the caller then parses the candidates and decides), so a
 * validation that reads only the candidates reports what a whole-repository run reports.
 */

/** An id mention with any separator (`FR-001`, `FR_1`, `FR 1`, `FR\-1`), as definitions and references write them. */
const repo_index_ID_MENTION = new RegExp(`(?<![A-Za-z])(${spec_ids/* PREFIXES */.V4})\\\\?[-_ ]?(\\d{1,4})([a-z])?`, 'g');
/** Kiro `Requirement 2` and its translations (definitions `REQ:2`). */
const KIRO_MENTION = /(?:Requirement|Req\.?|要件|需求|Exigence|Requisito)\s*(\d+)/giu;
/** Inline metadata that references a document (`**Implements**: …`, `| PRD | … |`), as meta.ts reads it. */
const INLINE_REF = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:implements|prd|parent spec)(?:\*\*|__)?\s*[:：]|^\s*\|[^|\n]*\b(?:implements|prd|parent spec)\b[^|\n]*\|/iu;
/** Inline metadata that gives the document's id (`**Id**: FS-001`, `| Document ID | … |`). */
const INLINE_ID = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:document id|id)(?:\*\*|__)?\s*[:：]|^\s*\|[^|\n]*\b(?:document id|id)\b[^|\n]*\|/iu;
/** Words an inline reference or id line contains, to find candidate lines without splitting the text. */
const REF_WORDS = /implements|prd|parent spec/gi;
const ID_WORDS = /\bid\b/gi;
/** A range between two ids, for which ranges are expanded (a cheap test before the full scan). */
const RANGE_HINT = /\d[a-z]?\s*(?:-|–|—|\.\.|to)\s*(?:DOC-REQ|DESIGN-REQ|NFR|ENF|FR|EF|CR|SC|UJ|SM|TR|REQ)[-_]?\d/;
/** The lines of `text` holding a match of `words` (global) that `exact` accepts. */
function linesMatching(text, words, exact) {
    const out = [];
    words.lastIndex = 0;
    for (let m = words.exec(text); m; m = words.exec(text)) {
        const start = text.lastIndexOf('\n', m.index) + 1;
        let end = text.indexOf('\n', m.index);
        if (end === -1)
            end = text.length;
        const line = text.slice(start, end);
        if (exact.test(line))
            out.push(line);
        words.lastIndex = end + 1;
    }
    return out;
}
/** A top-level `id:` key in YAML front matter, and its value. */
const FM_ID = /^["']?id["']?\s*:(?<value>.*)$/i;
const CANONICAL = /^(?<prefix>[A-Z][A-Z-]*):(?<num>\d+)(?<suffix>[a-z]?)$/;
/** The front-matter block at the start of a text (everything, when it never closes), or ''. */
function frontMatterOf(text) {
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    if (!/^(?:---|\+\+\+)/.test(body))
        return '';
    const close = /\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|$)/.exec(body.slice(3));
    return close ? body.slice(0, 3 + close.index) : body;
}
class RepoIndex {
    texts;
    #ids;
    #refText;
    #idText;
    /**
     * @param texts decoded text of each file that may be a spec (the discovery candidates);
     *   each part of the index is built on its first question
     */
    constructor(texts) {
        this.texts = texts;
    }
    /** Canonical id (`FR:1`) → files mentioning it. */
    get #idIndex() {
        if (this.#ids)
            return this.#ids;
        const ids = new Map();
        for (const [path, text] of this.texts) {
            const add = (key) => {
                let set = ids.get(key);
                if (!set)
                    ids.set(key, (set = new Set()));
                set.add(path);
            };
            repo_index_ID_MENTION.lastIndex = 0;
            for (let m = repo_index_ID_MENTION.exec(text); m; m = repo_index_ID_MENTION.exec(text)) {
                const base = `${m[1]}:${Number(m[2])}`;
                add(base);
                if (m[3])
                    add(`${base}${m[3]}`);
            }
            // Ranges (`FR5–FR9`) name the ids inside them without writing them.
            if (RANGE_HINT.test(text))
                for (const r of (0,spec_ids/* findReferences */.yU)(text))
                    if (r.inRange)
                        add(r.canonical);
            KIRO_MENTION.lastIndex = 0;
            for (let m = KIRO_MENTION.exec(text); m; m = KIRO_MENTION.exec(text))
                add(`REQ:${Number(m[1])}`);
        }
        this.#ids = ids;
        return ids;
    }
    /** Path → front matter and inline reference lines: where `implements`, `supersedes`, `related` targets are written. */
    get #refIndex() {
        if (this.#refText)
            return this.#refText;
        this.#refText = new Map();
        for (const [path, text] of this.texts) {
            const fm = frontMatterOf(text);
            this.#refText.set(path, [fm, ...linesMatching(fm === '' ? text : text.slice(fm.length), REF_WORDS, INLINE_REF)].join('\n'));
        }
        return this.#refText;
    }
    /** Path → where its own id may be written (front matter `id:`, inline id lines). */
    get #idTextIndex() {
        if (this.#idText)
            return this.#idText;
        this.#idText = new Map();
        for (const [path, text] of this.texts) {
            const fm = frontMatterOf(text);
            const fmLines = fm === '' ? [] : fm.split('\n');
            const fmIds = [];
            for (const line of fmLines) {
                const m = FM_ID.exec(line);
                if (!m)
                    continue;
                // A block scalar or an empty value continues on the next lines: keep the whole front matter.
                const value = m.groups.value.trim();
                fmIds.push(value === '' || /^[|>]/.test(value) ? fm : line);
            }
            if (fmLines.some((l) => /^\s*\{/.test(l)))
                fmIds.push(fm); // flow-style front matter
            this.#idText.set(path, [...fmIds, ...linesMatching(fm === '' ? text : text.slice(fm.length), ID_WORDS, INLINE_ID)].join('\n'));
        }
        return this.#idText;
    }
    #idQueries = 0;
    #idAnswers = new Map();
    /**
     * Files that mention a requirement id (canonical `FR:1`, or any other id text). The first
     * few questions scan for that id alone; after that the whole id index is built once.
     */
    idCandidates(canonical) {
        const m = CANONICAL.exec(canonical);
        if (!m?.groups)
            return this.mentioning(canonical);
        if (this.#ids || this.#idQueries >= 16)
            return [...(this.#idIndex.get(canonical) ?? [])];
        const cached = this.#idAnswers.get(canonical);
        if (cached)
            return cached;
        this.#idQueries += 1;
        const { prefix, num, suffix } = m.groups;
        const n = Number(num);
        // A superset of what the index would hold for this id: the prefix, any separator, the number with any zero padding.
        const written = new RegExp(`(?<![A-Za-z])${prefix}\\\\?[-_ ]?0*${n}${suffix}`);
        const kiro = prefix === 'REQ' ? new RegExp(`(?:Requirement|Req\\.?|要件|需求|Exigence|Requisito)\\s*0*${n}`, 'iu') : undefined;
        const out = [];
        for (const [path, text] of this.texts) {
            if (!text.includes(prefix) && !kiro)
                continue;
            if (written.test(text) || kiro?.test(text) || (RANGE_HINT.test(text) && (0,spec_ids/* findReferences */.yU)(text).some((r) => r.inRange && r.canonical === canonical)))
                out.push(path);
        }
        this.#idAnswers.set(canonical, out);
        return out;
    }
    /** Files whose text contains `s`. */
    mentioning(s) {
        if (s === '')
            return [];
        const out = [];
        for (const [path, text] of this.texts)
            if (text.includes(s))
                out.push(path);
        return out;
    }
    /** Files whose own id may be `id` (front matter `id:`, inline id lines mention it). */
    withId(id) {
        return RepoIndex.#search(this.#idTextIndex, [id]);
    }
    /** Files whose front matter or inline `Implements:` lines mention one of `needles` (a file name, an id). */
    referencing(needles) {
        return RepoIndex.#search(this.#refIndex, needles);
    }
    static #search(texts, needles) {
        const wanted = needles.filter((n) => n !== '');
        if (wanted.length === 0)
            return [];
        const out = [];
        for (const [path, text] of texts)
            if (wanted.some((n) => text.includes(n)))
                out.push(path);
        return out;
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/shards.js






const INDEX = /(?:^|\/)(?<kind>prd|architecture)\/index\.md$/i;
/** Finds `…/prd/index.md` and `…/architecture/index.md` groups among the candidates. */
function findShardGroups(candidates) {
    const groups = [];
    for (const c of candidates) {
        const m = INDEX.exec(c);
        if (!m?.groups)
            continue;
        const dir = c.slice(0, c.lastIndexOf('/') + 1);
        const members = candidates.filter((p) => p !== c && p.startsWith(dir) && !p.slice(dir.length).includes('/'));
        if (members.length === 0)
            continue;
        groups.push({ index: c, members, type: m.groups.kind.toLowerCase() === 'prd' ? 'prd' : 'technical-spec' });
    }
    return groups;
}
/** Shard order: as linked from the index, then the unlinked ones alphabetically. */
function orderShards(indexText, dir, members) {
    const order = [];
    const link = /\]\(\s*<?(?:\.\/)?(?<target>[^)#\s>]+\.md)/g;
    for (const m of indexText.matchAll(link)) {
        const target = `${dir}${m.groups.target}`.replace(/\/\.\//g, '/');
        if (members.includes(target) && !order.includes(target))
            order.push(target);
    }
    for (const m of [...members].sort())
        if (!order.includes(m))
            order.push(m);
    return order;
}
/**
 * Parses a sharded document.
 * @param bytesOf the bytes of the index and every shard
 */
function parseSharded(group, bytesOf, config) {
    const segments = [];
    const parts = [];
    const extra = [];
    let line = 1;
    for (const path of [group.index, ...group.shards]) {
        const bytes = bytesOf.get(path);
        if (!bytes)
            continue;
        const decoded = decodeSpecBytes(bytes);
        const sink = new DiagnosticSink(path);
        for (const p of decoded.problems)
            sink.add(p.rule, p.line, p.message, { column: p.column });
        (0,arrays/* appendAll */.u2)(extra, (0,diagnostic/* assignFingerprints */.Dz)(sink.items));
        if (decoded.binary)
            continue;
        let text = decoded.text;
        let fileOffset = 0;
        if (path !== group.index) {
            const fm = readFrontMatter(text);
            if (fm.data !== undefined) {
                text = fm.body;
                fileOffset = fm.bodyLineOffset;
            }
        }
        const lines = splitLines(text);
        segments.push({ path, start: line, fileOffset, lines: lines.length });
        parts.push(lines.join('\n'));
        line += lines.length + 1; // one blank separator line
    }
    const combined = parts.join('\n\n');
    const spec = parseSpec(group.index, new TextEncoder().encode(combined), config, { fallbackType: group.type });
    const combinedLines = splitLines(combined);
    const locate = (l) => {
        let seg = segments[0];
        for (const s of segments)
            if (s.start <= l)
                seg = s;
        // The blank separator after a segment belongs to that segment's last line.
        return { path: seg.path, line: Math.min(l - seg.start + 1, seg.lines) + seg.fileOffset };
    };
    const move = (item) => {
        const at = locate(item.line);
        item.line = at.line;
        if (at.path !== group.index)
            item.file = at.path;
        return item;
    };
    spec.requirements.forEach(move);
    spec.acceptanceCriteria.forEach(move);
    spec.stories.forEach((s) => {
        move(s);
        s.acceptanceCriteria.forEach(move);
    });
    spec.epics?.forEach(move);
    spec.tasks.forEach(move);
    spec.checklist?.forEach(move);
    spec.refs.forEach(move);
    spec.markers.forEach(move);
    spec.sections.forEach((s) => {
        const end = locate(s.endLine);
        s.line = locate(s.line).line;
        s.endLine = end.line;
    });
    const diagnostics = spec.diagnostics.map((d) => {
        const at = locate(d.range.start.line);
        const text = combinedLines[d.range.start.line - 1];
        const { fingerprint: _f, ...rest } = d;
        return {
            ...rest,
            path: at.path,
            range: { ...d.range, start: { ...d.range.start, line: at.line }, ...(d.range.end ? { end: { ...d.range.end, line: locate(d.range.end.line).line } } : {}) },
            snippet: text,
        };
    });
    spec.diagnostics = [
        ...extra,
        ...(0,diagnostic/* assignFingerprints */.Dz)(diagnostics.map(({ snippet: _s, ...d }) => d), (path, l) => {
            const seg = segments.find((s) => s.path === path);
            return seg ? combinedLines[seg.start - 1 + l - 1 - seg.fileOffset] : undefined;
        }),
    ];
    spec.companions = group.shards;
    return spec;
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/traceability.js

/** Requirement kinds a task list owes coverage to. */
const COVERED_KINDS = new Set(['FR', 'EF', 'NFR', 'ENF', 'REQ', 'DOC-REQ', 'DESIGN-REQ']);
const traceability_STORY_MENTION = /\bUS-?(\d{1,4})\b|\bUser Story\s+(\d{1,4})\b|\bStory\s+(\d{1,4})\b(?!\.)/giu;
/** `US1`, `US-1`, `User Story 1` → `US:1`. */
function storyKey(n) {
    return `US:${Number(n)}`;
}
/**
 * Which ids map to which, read from a spec: ids on the same line of a table row, list
 * item or paragraph line are linked (a mapping table row, a definition with its source
 * id in parentheses, "Maps to …" prose), and a requirement mentioning a user story is
 * linked to that story. Links are symmetric.
 */
function mappingOf(spec) {
    const byLine = new Map();
    const add = (line, key) => {
        const set = byLine.get(line) ?? new Set();
        set.add(key);
        byLine.set(line, set);
    };
    for (const r of spec.requirements) {
        if (r.file)
            continue;
        add(r.line, r.canonicalId);
        for (const m of `${r.text}`.matchAll(traceability_STORY_MENTION))
            add(r.line, storyKey(m[1] ?? m[2] ?? m[3]));
    }
    for (const ref of spec.refs)
        if (ref.kind === 'id' && !ref.file)
            add(ref.line, (0,spec_ids/* canonicalIdOf */.RK)(ref.target));
    const links = new Map();
    const link = (a, b) => {
        const set = links.get(a) ?? new Set();
        set.add(b);
        links.set(a, set);
    };
    for (const keys of byLine.values()) {
        if (keys.size < 2)
            continue;
        for (const a of keys)
            for (const b of keys)
                if (a !== b)
                    link(a, b);
    }
    return links;
}
/** The ids a task cites, canonical: requirement refs, Kiro criteria (`1.2` → `REQ:1` too) and its story label. */
function citedBy(task) {
    const out = [];
    for (const ref of task.reqRefs) {
        if (/^AC\d+$/.test(ref))
            continue;
        out.push(ref, (0,spec_ids/* canonicalIdOf */.RK)(ref));
        const kiro = /^(\d+)\.\d+$/.exec(ref);
        if (kiro)
            out.push(`REQ:${Number(kiro[1])}`);
    }
    if (task.storyRef)
        out.push(storyKey(task.storyRef.replace(/\D/g, '')));
    return out;
}
/** `ts.task.req-dangling`, `ts.coverage.req-untasked`, `ts.coverage.story-untasked`, `ts.coverage.story-level`. */
function checkCoverage({ ts, direct, linked, config, add }) {
    const known = new Set();
    for (const s of linked) {
        for (const r of s.requirements)
            known.add(r.canonicalId);
        for (const ac of s.acceptanceCriteria)
            if (ac.id)
                known.add(ac.id);
        for (const st of s.stories)
            if (st.id && /^US\d+$/.test(st.id))
                known.add(storyKey(st.id.slice(2)));
        // Source ids that a mapping table or a definition's parenthesis names are known ids too.
        for (const ref of s.refs)
            if (ref.kind === 'id')
                known.add((0,spec_ids/* canonicalIdOf */.RK)(ref.target));
    }
    const cited = new Set();
    let citesIds = false;
    for (const task of ts.tasks) {
        for (const ref of task.reqRefs) {
            if (/^AC\d+$/.test(ref))
                continue;
            if (known.has((0,spec_ids/* canonicalIdOf */.RK)(ref)) || known.has(ref)) {
                // Success criteria (SC-005) and journeys are verified, not implemented: citing them is not requirement tracing.
                if (COVERED_KINDS.has((0,spec_ids/* canonicalIdOf */.RK)(ref).split(':')[0]) || /^\d+\.\d+$/.test(ref))
                    citesIds = true;
                continue;
            }
            add(task.file ?? ts.path, 'ts.task.req-dangling', task.line, `Task ${task.id} cites ${ref}, which ${linked.map((s) => s.meta.id ?? s.path).join(', ')} does not define.`);
        }
        for (const key of citedBy(task))
            cited.add(key);
    }
    const severity = config.coverage;
    if (severity === 'off')
        return;
    for (const s of direct) {
        const links = mappingOf(s);
        const covered = (key) => cited.has(key) || [...(links.get(key) ?? [])].some((k) => cited.has(k));
        const stories = s.stories.filter((st) => st.id && /^US\d+$/.test(st.id));
        const owed = s.requirements.filter((r) => COVERED_KINDS.has(r.kind));
        if (!citesIds && stories.length > 0) {
            // Plain spec-kit: tasks trace to stories. Each story needs a task; FRs are covered through the stories that mention them.
            for (const st of stories) {
                if (!cited.has(storyKey(st.id.slice(2))))
                    add(st.file ?? s.path, 'ts.coverage.story-untasked', st.line, `User story ${st.id} (${st.title.slice(0, 80)}) has no task labelled [${st.id}].`, severity);
            }
            const unmapped = owed.filter((r) => !covered(r.canonicalId));
            if (unmapped.length > 0) {
                add(s.path, 'ts.coverage.story-level', unmapped[0].file ? 1 : unmapped[0].line, `Tasks trace to user stories, not to requirements: ${unmapped.length} of ${owed.length} requirements (${unmapped.slice(0, 5).map((r) => r.id).join(', ')}${unmapped.length > 5 ? ', …' : ''}) are not mapped to a story or cited by a task.`, 'info');
            }
            continue;
        }
        for (const r of owed) {
            if (covered(r.canonicalId) || covered(r.id))
                continue;
            add(r.file ?? s.path, 'ts.coverage.req-untasked', r.line, `${r.id} has no task in ${ts.path}: no task cites it, or a story or source id that maps to it.`, severity);
        }
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/repository.js














const INACTIVE = new Set(['superseded', 'deprecated', 'rejected']);
const STRONG_FM_KEYS = new Set(['supersedes', 'superseded_by', 'implements', 'prd', 'parent']);
/** Everything the repository checks need, indexed once. */
class Registry {
    specs;
    files;
    byId = new Map();
    byPath = new Map();
    constructor(specs, files) {
        this.specs = specs;
        this.files = files;
        for (const s of specs) {
            if (s.meta.id) {
                const list = this.byId.get(s.meta.id) ?? [];
                list.push(s);
                this.byId.set(s.meta.id, list);
            }
            this.byPath.set(s.path, s);
            for (const c of s.companions)
                if (!this.byPath.has(c))
                    this.byPath.set(c, s);
        }
    }
    /** Resolves an id or a path (relative to `from`'s folder, then to the root). */
    resolve(target, from) {
        const t = target.trim();
        const byId = this.byId.get(t);
        if (byId && byId.length > 0)
            return byId.find((s) => !INACTIVE.has(s.meta.status ?? '')) ?? byId[0];
        const path = t.split('#')[0];
        if (path === '')
            return this.byPath.get(from);
        for (const candidate of this.candidatePaths(path, from)) {
            const hit = this.byPath.get(candidate);
            if (hit)
                return hit;
        }
        return undefined;
    }
    /** Whether a path (relative to `from`'s folder or the root) names any file of the repository. */
    exists(path, from) {
        return this.candidatePaths(path, from).some((p) => this.files.has(p));
    }
    candidatePaths(path, from) {
        return candidatePaths(path, from);
    }
    /** Files by lower-cased file name. */
    get names() {
        this.#names ??= fileNames(this.files);
        return this.#names;
    }
    #names;
}
/** Where a path written in `from` may point: relative to `from`'s folder, then to the root (URL-decoded too). */
/** The repo paths a path names: relative to `from`'s folder, then to the root (URL-decoded too). */
function plainCandidatePaths(path, from) {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    const decoded = safeDecode(path);
    const out = new Set();
    for (const p of [path, decoded]) {
        if (p.startsWith('/'))
            out.add((0,repo_path/* normalizeRelative */.iQ)(p));
        else {
            out.add((0,repo_path/* normalizeRelative */.iQ)(dir ? `${dir}/${p}` : p));
            out.add((0,repo_path/* normalizeRelative */.iQ)(p));
        }
    }
    return [...out];
}
/**
 * {@link plainCandidatePaths}, then the same paths as BMAD shard folders: a document sharded
 * after it was cited (`docs/architecture.md` → `docs/architecture/index.md`).
 */
function candidatePaths(path, from) {
    const plain = plainCandidatePaths(path, from);
    const sharded = plain.filter((c) => /\.md$/i.test(c)).map((c) => `${c.slice(0, -3)}/index.md`);
    return [...new Set([...plain, ...sharded])];
}
function fileNames(files) {
    const names = new Map();
    for (const f of files) {
        const key = f.slice(f.lastIndexOf('/') + 1).toLowerCase();
        const list = names.get(key);
        if (list)
            list.push(f);
        else
            names.set(key, [f]);
    }
    return names;
}
function safeDecode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
/** Collects repository-level findings per path. */
class RepoSink {
    sinks = new Map();
    add(path, rule, line, message, options) {
        let sink = this.sinks.get(path);
        if (!sink) {
            sink = new DiagnosticSink(path);
            this.sinks.set(path, sink);
        }
        sink.add(rule, line, message, options);
    }
    all() {
        return [...this.sinks.values()].flatMap((s) => s.items);
    }
}
function normalizeText(s) {
    return s
        .toLowerCase()
        .replace(/[*_`~]/g, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}
/** Documents a document links to through front matter (and change-proposal targets), transitively. */
function linkedClosure(spec, registry) {
    const seen = new Set([spec]);
    const queue = [spec];
    while (queue.length > 0) {
        const s = queue.shift();
        const targets = [
            ...s.refs.filter((r) => r.kind === 'fm').map((r) => r.target),
            ...(s.changeSet?.targets.map((t) => t.resolved ?? t.doc) ?? []),
        ];
        for (const t of targets) {
            const hit = registry.resolve(t, s.path);
            if (hit && !seen.has(hit)) {
                seen.add(hit);
                queue.push(hit);
            }
        }
    }
    return [...seen];
}
function definedIds(specs) {
    const ids = new Set();
    for (const s of specs) {
        // An id a change proposal adds is an addition (applied or not), never a dangling reference.
        for (const id of s.changeSet?.added ?? [])
            ids.add((0,spec_ids/* canonicalIdOf */.RK)(id));
        for (const r of s.requirements)
            ids.add(r.canonicalId);
        for (const ac of s.acceptanceCriteria)
            if (ac.id)
                ids.add(ac.id);
    }
    return ids;
}
/**
 * Validates the spec documents of a repository.
 * @param source the repository's files
 * @param config the `specs` section of the configuration
 * @param options `paths`: validate these files or folders instead of the configured globs
 */
async function validateRepository(source, config, options = {}) {
    const files = (await source.list()).map(repo_path/* normalizeRelative */.iQ);
    const fileSet = new Set(files);
    const discovery = discoverNormalized(files, config, options.paths);
    const selected = new Set(discovery.candidates);
    const selective = options.paths !== undefined && options.paths.length > 0;
    const skipped = [...discovery.skipped];
    const repo = new RepoSink();
    const documentDiagnostics = [];
    // Validating some paths still resolves their references against the rest of the
    // repository: the configured specs and the Markdown next to the selected files may be
    // context. A cheap index of their text says which of them the selection needs (its
    // bundle, what it references, what references it); only those are parsed, and only the
    // selection is reported.
    const universe = selective ? contextCandidates(files, config, discovery.candidates) : discovery.candidates;
    const bytesOf = await readAll(source, universe, (path, error) => {
        if (!selected.has(path))
            return;
        const reason = error instanceof Error ? error.message : String(error);
        repo.add(path, 'file.unreadable', 1, `The file could not be read: ${reason.slice(0, 200)}.`);
        skipped.push({ path, reason: 'unreadable' });
    });
    const named = new Set((options.paths ?? []).map(repo_path/* normalizeRelative */.iQ));
    const parser = new DocumentParser(bytesOf, config, named);
    const toParse = selective ? selectContext([...selected].filter((p) => bytesOf.has(p)), parser, fileSet) : [...bytesOf.keys()];
    // BMAD shards fold into their index; everything else is one document per file.
    const specs = [];
    const untyped = [];
    const seen = new Set();
    for (const path of parser.order(toParse)) {
        const spec = parser.documentOf(path);
        if (spec === undefined) {
            if (!parser.isUntyped(path))
                continue;
            // Notes, reports, READMEs of sub-folders: not specs. One summary line, not a warning each.
            if (selected.has(path))
                untyped.push(path);
            if (!selective || selected.has(path))
                skipped.push({ path, reason: 'untyped Markdown (no `type:` and no spec signal)' });
            continue;
        }
        if (seen.has(spec))
            continue;
        seen.add(spec);
        (0,arrays/* appendAll */.u2)(documentDiagnostics, spec.diagnostics);
        specs.push(spec);
    }
    if (untyped.length > 0) {
        untyped.sort();
        const shown = untyped.slice(0, 5).join(', ');
        repo.add(untyped[0], 'spec.untyped', 1, `${untyped.length} Markdown file${untyped.length === 1 ? ' is' : 's are'} not a spec of a known type and ${untyped.length === 1 ? 'was' : 'were'} not validated: ${shown}${untyped.length > 5 ? ', …' : ''}.`);
    }
    specs.sort((a, b) => a.path.localeCompare(b.path));
    const documents = attachCompanions(specs, fileSet, repo, config);
    await checkSpeckitChecklists(documents, files, source, repo);
    const registry = new Registry(documents, fileSet);
    resolveChangeProposals(documents, registry, repo);
    checkDocumentIds(documents, repo);
    checkReferences(documents, registry, repo);
    checkTraceability(documents, registry, repo, config);
    const linesOf = new Map();
    const lineText = (path, line) => {
        let lines = linesOf.get(path);
        if (!lines) {
            const bytes = bytesOf.get(path);
            lines = bytes ? splitLines(decodeSpecBytes(bytes).text) : [];
            linesOf.set(path, lines);
        }
        return lines[line - 1];
    };
    const repoDiagnostics = (0,diagnostic/* assignFingerprints */.Dz)(repo.all(), lineText);
    // With a selection, keep the selected documents (a shard or companion selects its document).
    const reported = !selective ? documents : documents.filter((s) => [s.path, ...s.companions].some((p) => selected.has(p)));
    const reportedFiles = new Set(reported.flatMap((s) => [s.path, ...s.companions]));
    for (const path of selected)
        reportedFiles.add(path);
    const bundleDirs = reported.map((s) => bundleRoleOf(s.path)?.dir).filter((d) => d !== undefined);
    const isReported = (path) => !selective || reportedFiles.has(path) || bundleDirs.some((dir) => path.startsWith(`${dir}/checklists/`));
    const diagnostics = [...documentDiagnostics, ...repoDiagnostics].filter((d) => isReported(d.path)).sort(byLocation);
    // Status policy: executable documents have an executable status, a type and no error (document or repository level).
    const byPath = new Map();
    for (const d of [...documentDiagnostics, ...repoDiagnostics]) {
        const list = byPath.get(d.path) ?? [];
        list.push(d);
        byPath.set(d.path, list);
    }
    for (const s of documents) {
        const statusOk = s.meta.status !== undefined && config.executableStatuses.includes(s.meta.status);
        s.diagnostics = [s.path, ...s.companions].flatMap((f) => byPath.get(f) ?? []).sort(byLocation);
        s.executable = statusOk && s.type !== undefined && !s.diagnostics.some((d) => d.severity === 'error');
    }
    skipped.sort((a, b) => a.path.localeCompare(b.path));
    const context = selective ? { context: { candidates: bytesOf.size, parsed: toParse.length } } : {};
    const prefix = (0,repo_path/* normalizePrefix */.iG)(options.pathPrefix);
    if (prefix === '')
        return { specs: reported, diagnostics, skipped, ...context };
    // The paths the validation reports become repository-relative here, once (see `pathPrefix`).
    const at = (path) => (0,repo_path/* inRepository */.yJ)(prefix, path);
    const located = (list) => list.map((d) => ({ ...d, path: at(d.path) }));
    return {
        specs: reported.map((s) => ({ ...s, path: at(s.path), companions: s.companions.map(at), diagnostics: located(s.diagnostics) })),
        diagnostics: located(diagnostics),
        skipped: skipped.map((s) => ({ ...s, path: at(s.path) })),
        ...context,
    };
}
/**
 * The path inside a `files_to_modify` entry as quick-specs write them: `api: src/x.ts (add ROLE)`,
 * `` `src/y.py` — new helper``, `src/z.ts (NEW)`. Undefined for a file marked new (it may not exist yet)
 * or an entry with no path.
 */
function annotatedPath(entry) {
    if (/\((?:new|new file|create|created|to create|nouveau|nuevo|neu|新規|新增)\)|\bnew file\b/iu.test(entry))
        return undefined;
    const words = entry.replace(/\([^)]*\)/g, ' ').replace(/[`'"]/g, ' ').split(/\s+|(?<=:)(?=\S)/u);
    const path = words.map((w) => w.replace(/^[^\w./@~-]+|[,;:]+$/gu, '')).find((w) => /[\w-]\.[A-Za-z0-9]{1,8}$|\//.test(w) && !/^https?:/i.test(w) && !w.endsWith(':'));
    return path === undefined || path === '' ? undefined : path;
}
/** No type from front matter or bundle layout, and no heuristic signal worth a guess (best score under 6). */
function isUntypedMarkdown(spec) {
    if (spec.type !== undefined || spec.diagnostics.some((d) => d.rule.startsWith('fm.') || d.rule.startsWith('file.') || d.rule.startsWith('spec.')))
        return false;
    return Object.values(spec.typeEvidence.scores).every((score) => score < 6);
}
function byLocation(a, b) {
    return a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || (a.range.start.column ?? 0) - (b.range.start.column ?? 0) || a.rule.localeCompare(b.rule);
}
/** The selection plus the configured specs and the Markdown files in the selection's folders. */
function contextCandidates(files, config, selection) {
    const folders = [...new Set(selection.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.')))];
    const around = discoverNormalized(files, config, folders).candidates;
    const configured = discoverNormalized(files, config).candidates;
    return [...new Set([...selection, ...around, ...configured])].sort();
}
/** Reads `paths` (a few at a time, in order); a file that cannot be read goes to `failed`. */
async function readAll(source, paths, failed) {
    const results = Array.from({ length: paths.length });
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < paths.length; i = next++) {
            try {
                results[i] = await source.read(paths[i]);
            }
            catch (error) {
                failed(paths[i], error);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(16, paths.length) }, worker));
    const bytesOf = new Map();
    paths.forEach((p, i) => {
        if (results[i])
            bytesOf.set(p, results[i]);
    });
    return bytesOf;
}
/**
 * Parses files into documents on demand, once each: a BMAD shard folder (`prd/index.md`
 * plus its siblings) is one document, an untyped Markdown file that was not named is none.
 */
class DocumentParser {
    bytesOf;
    config;
    named;
    #groups = new Map();
    #groupOrder;
    #docs = new Map();
    #untyped = new Set();
    #texts;
    /** Files by folder. */
    #folders = new Map();
    constructor(bytesOf, config, named) {
        this.bytesOf = bytesOf;
        this.config = config;
        this.named = named;
        const groups = findShardGroups([...bytesOf.keys()]);
        this.#groupOrder = groups.map((g) => g.index);
        for (const g of groups)
            for (const m of [g.index, ...g.members])
                if (!this.#groups.has(m))
                    this.#groups.set(m, g);
        for (const path of bytesOf.keys()) {
            const dir = dirOf(path);
            const list = this.#folders.get(dir);
            if (list)
                list.push(path);
            else
                this.#folders.set(dir, [path]);
        }
    }
    /** The files read, as text (for the index). */
    get texts() {
        this.#texts ??= new Map([...this.bytesOf].map(([p, b]) => [p, indexText(b)]));
        return this.#texts;
    }
    /** The files a document at `path` is made of with its bundle: a spec-kit or Kiro folder, a shard folder; else the file. */
    unitOf(path) {
        const group = this.#groups.get(path);
        if (group)
            return [group.index, ...group.members];
        if (bundleRoleOf(path))
            return this.#folders.get(dirOf(path)) ?? [path];
        return [path];
    }
    /** Shard groups first (their index order), then the other files in reading order, as the whole-repository run parses them. */
    order(paths) {
        const wanted = new Set(paths);
        const first = this.#groupOrder.filter((p) => wanted.has(p));
        return [...first, ...[...this.bytesOf.keys()].filter((p) => wanted.has(p) && !first.includes(p))];
    }
    isUntyped(path) {
        this.documentOf(path);
        return this.#untyped.has(path);
    }
    /** The document `path` belongs to (a shard's is its group's), or undefined (not read, untyped). */
    documentOf(path) {
        if (this.#docs.has(path))
            return this.#docs.get(path);
        const group = this.#groups.get(path);
        let spec;
        if (group) {
            const indexBytes = this.bytesOf.get(group.index);
            const shards = orderShards(decodeSpecBytes(indexBytes).text, dirOf(group.index) === '' ? '' : `${dirOf(group.index)}/`, group.members);
            spec = parseSharded({ index: group.index, shards, type: group.type }, this.bytesOf, this.config);
            for (const m of [group.index, ...shards])
                this.#docs.set(m, spec);
            return spec;
        }
        const bytes = this.bytesOf.get(path);
        if (bytes) {
            spec = parseSpec(path, bytes, this.config);
            if (isUntypedMarkdown(spec) && !this.named.has(path)) {
                this.#untyped.add(path);
                spec = undefined;
            }
        }
        this.#docs.set(path, spec);
        return spec;
    }
}
const UTF8 = new TextDecoder('utf-8');
/** A file's text for the index: UTF-16 and UTF-8 as {@link decodeSpecBytes} reads them, without its byte checks. */
function indexText(bytes) {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
        return decodeSpecBytes(bytes).text;
    const text = UTF8.decode(bytes);
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
function dirOf(path) {
    return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}
/**
 * The files a validation of `selection` parses so that it reports for the selection what a
 * whole-repository run reports (class 12): the selection's bundles; what their documents
 * reference, transitively through front matter and change-proposal targets (an id through
 * the documents whose metadata mentions it, a path as it resolves, a bare file name in the
 * proposal's folder tree); the targets of links (for anchors); a definition of each
 * requirement id they mention; and the documents whose metadata names a selected document
 * (a superseding document, a design that implements it, a duplicate id), as findings of
 * those land on the selection. Candidates come from a cheap index of the text; each is
 * parsed and kept only if it really is what was looked for.
 */
function selectContext(selection, parser, files) {
    const index = new RepoIndex(parser.texts);
    const names = fileNames(files);
    const needed = new Set();
    const expanded = new Set();
    const queue = [];
    let everything = false;
    const include = (path, expand) => {
        if (!parser.bytesOf.has(path))
            return;
        for (const p of parser.unitOf(path)) {
            needed.add(p);
            const doc = parser.documentOf(p);
            if (doc && expand && !expanded.has(doc)) {
                expanded.add(doc);
                queue.push(doc);
            }
        }
    };
    // A target string names a document by id (its metadata mentions it) or by path.
    const includeTarget = (target, from, expand) => {
        const t = target.trim();
        if (t === '')
            return;
        for (const p of index.withId(t))
            include(p, expand);
        const path = t.split('#')[0];
        if (path !== '')
            for (const p of candidatePaths(path, from))
                include(p, expand);
    };
    // A tasks.md with a plan.md or design.md next to it is folded into that document: not a document of its own.
    const folded = (p) => {
        if (!isTaskList(p))
            return false;
        const dir = dirOf(p) === '' ? '' : `${dirOf(p)}/`;
        const host = [`${dir}plan.md`, `${dir}design.md`].find((h) => files.has(h));
        return host !== undefined && parser.documentOf(host) !== undefined;
    };
    const definers = (ids) => {
        const out = new Set();
        for (const id of ids) {
            for (const p of index.idCandidates(id)) {
                include(p, true);
                const doc = folded(p) ? undefined : parser.documentOf(p);
                if (doc)
                    out.add(doc);
            }
        }
        return [...out];
    };
    const expand = (s) => {
        for (const ref of s.refs) {
            if (ref.kind === 'fm')
                includeTarget(ref.target, s.path, true);
            else if (ref.kind === 'link' || ref.kind === 'path') {
                const path = ref.target.split('#')[0];
                if (path !== '')
                    for (const p of candidatePaths(path, ref.file ?? s.path))
                        include(p, false);
            }
        }
        const cs = s.type === 'sprint-change-proposal' ? s.changeSet : undefined;
        if (!cs)
            return;
        for (const t of cs.targets) {
            if (t.doc.startsWith('type:'))
                continue;
            includeTarget(t.doc, s.path, true);
            const bare = bareNameTarget(t.doc, s.path, names);
            if (bare)
                include(bare, true);
        }
        const typed = cs.targets.filter((t) => t.doc.startsWith('type:'));
        if (typed.length === 0) {
            if (cs.targets.some((t) => t.explicit))
                return;
            // A target that resolves to a document (all its candidates are parsed by now) leaves no need for the ids' definers.
            const docs = [...needed].filter((p) => !folded(p)).map((p) => parser.documentOf(p)).filter((d) => d !== undefined);
            const registry = new Registry([...new Set(docs)].sort((a, b) => a.path.localeCompare(b.path)), files);
            const resolves = cs.targets.some((t) => {
                const hit = registry.resolve(t.doc, s.path) ?? registry.resolve(bareNameTarget(t.doc, s.path, names) ?? '', s.path);
                return hit !== undefined && hit !== s;
            });
            if (resolves)
                return;
        }
        // "The PRD", or no target at all: the documents that define the ids the proposal touches.
        const wanted = new Set([...cs.added, ...cs.modified, ...cs.removed, ...s.requirements.map((r) => r.id), ...s.refs.filter((r) => r.kind === 'id').map((r) => r.target)].map(spec_ids/* canonicalIdOf */.RK));
        const defining = definers(wanted).filter((d) => d !== s && d.requirements.some((r) => wanted.has(r.canonicalId)));
        for (const t of typed) {
            const type = t.doc.slice('type:'.length);
            // With no definer of that type, "the PRD" is the only PRD of the repository, if there is one: only a full read tells.
            if (!defining.some((d) => d.type === type && !INACTIVE.has(d.meta.status ?? '')))
                everything = true;
        }
    };
    for (const path of selection)
        include(path, true);
    const reported = [...expanded];
    // Findings of other documents that land on the selection: a document that supersedes or
    // implements it, or shares its id. They name it (its id, its file name) in their metadata.
    for (const s of reported) {
        const needles = [...new Set([s.path, ...s.companions, ...parser.unitOf(s.path)].flatMap((p) => {
                const base = p.slice(p.lastIndexOf('/') + 1);
                return [base, encodeURI(base)];
            }))];
        if (s.meta.id)
            needles.push(s.meta.id);
        for (const p of index.referencing(needles))
            include(p, true);
        if (s.meta.id)
            for (const p of index.withId(s.meta.id))
                include(p, false);
    }
    while (queue.length > 0 && !everything)
        expand(queue.shift());
    if (everything)
        return [...parser.bytesOf.keys()];
    // An id the selection mentions that its documents do not define is dangling unless some
    // document defines it: parse candidates until one does.
    const idsOf = new Map();
    const defines = (p, id) => {
        const doc = folded(p) ? undefined : parser.documentOf(p);
        if (doc === undefined)
            return false;
        let ids = idsOf.get(doc);
        if (!ids)
            idsOf.set(doc, (ids = definedIds([doc])));
        return ids.has(id);
    };
    const known = new Set();
    for (const s of reported) {
        for (const ref of s.refs) {
            if (ref.kind !== 'id' || ref.via === 'range')
                continue;
            const id = (0,spec_ids/* canonicalIdOf */.RK)(ref.target);
            if (known.has(id))
                continue;
            known.add(id);
            if ([...needed].some((p) => defines(p, id)))
                continue;
            for (const p of index.idCandidates(id)) {
                include(p, false);
                if (defines(p, id))
                    break;
            }
        }
    }
    return [...needed];
}
/**
 * spec-kit and Kiro bundles: `tasks.md` is folded into the sibling plan.md / design.md,
 * which implicitly implements the sibling spec.md / requirements.md. A tasks.md with no
 * sibling design stays a document (`bundle.orphan-tasks`).
 */
function attachCompanions(specs, files, repo, config) {
    const byPath = new Map(specs.map((s) => [s.path, s]));
    const documents = [];
    for (const s of specs) {
        if (!isTaskList(s.path)) {
            documents.push(s);
            continue;
        }
        const dir = s.path.includes('/') ? s.path.slice(0, s.path.lastIndexOf('/') + 1) : '';
        const hostPath = [`${dir}plan.md`, `${dir}design.md`].find((p) => files.has(p));
        const host = hostPath ? byPath.get(hostPath) : undefined;
        if (!host) {
            repo.add(s.path, 'bundle.orphan-tasks', 1, `${s.path} has no plan.md or design.md next to it; it is treated as a technical spec with only tasks.`);
            documents.push(s);
            continue;
        }
        host.companions.push(s.path);
        (0,arrays/* appendAll */.u2)(host.tasks, s.tasks.map((t) => ({ ...t, file: s.path })));
    }
    for (const s of documents) {
        const role = bundleRoleOf(s.path);
        if (!role || s.type !== 'technical-spec' || isTaskList(s.path))
            continue;
        const specFile = [`${role.dir}/spec.md`, `${role.dir}/requirements.md`, `${role.dir}/bugfix.md`].find((p) => files.has(p));
        if (s.meta.implements.length === 0) {
            if (specFile) {
                s.meta.implements.push(specFile);
                s.refs.push({ kind: 'fm', target: specFile, via: 'implements', line: 1 });
            }
            else
                repo.add(s.path, 'ts.implements.missing', 1, `No spec.md or requirements.md next to ${s.path}, and no \`implements:\` in front matter.`, { severity: config.strict ? 'warning' : 'info' });
        }
        const hasTaskSection = s.sections.some((x) => x.canonical === 'tasks');
        if (s.tasks.length === 0 && !hasTaskSection)
            repo.add(s.path, 'ts.section.tasks', 1, 'No tasks: no tasks.md next to the design and no Implementation Plan section.');
    }
    return documents;
}
/** spec-kit `checklists/*.md`: every unchecked item is an open quality gate. */
async function checkSpeckitChecklists(documents, files, source, repo) {
    const dirs = new Set(documents.map((s) => bundleRoleOf(s.path)).filter((r) => r?.kind === 'speckit').map((r) => r.dir));
    for (const dir of dirs) {
        for (const file of files.filter((f) => f.startsWith(`${dir}/checklists/`) && f.endsWith('.md'))) {
            let text;
            try {
                text = decodeSpecBytes(await source.read(file)).text;
            }
            catch {
                continue;
            }
            let inFence = false;
            splitLines(text).forEach((line, i) => {
                if (/^\s*(?:```|~~~)/.test(line))
                    inFence = !inFence;
                const m = !inFence && /^\s*[-*+]\s+\[ \]\s+(?<item>.{1,300})/.exec(line);
                if (m)
                    repo.add(file, 'bundle.checklist.incomplete', i + 1, `Unchecked: ${m.groups.item.trim()}`);
            });
        }
    }
}
/** Two active documents with the same id. */
function checkDocumentIds(documents, repo) {
    const first = new Map();
    for (const s of documents) {
        if (!s.meta.id || INACTIVE.has(s.meta.status ?? ''))
            continue;
        const prior = first.get(s.meta.id);
        if (prior)
            repo.add(s.path, 'fm.id.duplicate', s.meta.lines.id ?? 1, `Id ${s.meta.id} is also used by ${prior.path}.`);
        else
            first.set(s.meta.id, s);
    }
}
/** Front-matter references, links, anchors, inline requirement ids, supersession. */
function checkReferences(documents, registry, repo) {
    const allIds = definedIds(documents);
    for (const s of documents) {
        for (const ref of s.refs) {
            if (ref.kind === 'fm') {
                const hit = registry.resolve(ref.target, s.path);
                if (hit) {
                    ref.resolved = hit.path;
                    if (ref.via === 'supersedes' && hit.meta.status !== 'superseded' && hit.meta.status !== 'deprecated') {
                        repo.add(hit.path, 'ref.superseded.status', hit.meta.lines.status ?? 1, `${hit.path} is superseded by ${s.path} but its status is ${hit.meta.statusRaw ?? 'missing'}.`);
                    }
                }
                else if (!registry.exists(ref.target, s.path)) {
                    // A reference to an existing file that is not a spec (a product brief, say) resolves.
                    const strong = STRONG_FM_KEYS.has(ref.via ?? '');
                    repo.add(ref.file ?? s.path, 'ref.fm.dangling', ref.line, `\`${ref.via}: ${ref.target}\` names no document of the repository.`, strong ? {} : { severity: 'warning' });
                }
            }
            else if (ref.kind === 'link' || ref.kind === 'path') {
                const [path, anchor] = ref.target.split('#');
                if (path !== '' && !registry.exists(path, ref.file ?? s.path)) {
                    if (ref.kind === 'link')
                        repo.add(ref.file ?? s.path, 'ref.link.dangling', ref.line, `Link target ${path} does not exist.`);
                    continue;
                }
                const target = path === '' ? s : registry.resolve(path, ref.file ?? s.path);
                if (target)
                    ref.resolved = target.path;
                if (anchor && target && ref.kind === 'link') {
                    const slugs = new Set(target.sections.map((x) => githubSlug(x.text)));
                    if (!slugs.has(safeDecode(anchor).toLowerCase()))
                        repo.add(ref.file ?? s.path, 'ref.anchor.dangling', ref.line, `${target.path} has no heading for #${anchor}.`);
                }
            }
        }
        // Inline requirement ids resolve in the document or the documents it links to; with no links, anywhere.
        const idRefs = s.refs.filter((r) => r.kind === 'id');
        if (idRefs.length === 0)
            continue;
        const closure = linkedClosure(s, registry);
        // A change proposal is written against the project's requirements: its ids resolve anywhere.
        const known = closure.length > 1 && s.type !== 'sprint-change-proposal' ? definedIds(closure) : allIds;
        const reported = new Set();
        for (const ref of idRefs) {
            if (ref.via === 'range')
                continue; // "FR1–FR41" names a span; a gap inside it is not a dangling id
            const canonical = (0,spec_ids/* canonicalIdOf */.RK)(ref.target);
            if (known.has(canonical) || reported.has(canonical))
                continue;
            reported.add(canonical);
            repo.add(ref.file ?? s.path, 'ref.dangling', ref.line, `${ref.target} is not defined in ${known === allIds ? 'any spec of the repository' : 'this document or the documents it links to'}.`);
        }
    }
}
function resolveTarget(t, scp, registry) {
    const typed = /^type:(?<type>.+)$/.exec(t.doc);
    if (typed?.groups)
        return registry.specs.filter((s) => s.type === typed.groups.type && s !== scp && !INACTIVE.has(s.meta.status ?? ''));
    const hit = registry.resolve(t.doc, scp.path) ?? registry.resolve(bareNameTarget(t.doc, scp.path, registry.names) ?? '', scp.path);
    return hit && hit !== scp ? [hit] : [];
}
/**
 * A bare file name (`prd.md`, `epics.md`) names the file of that name in the proposal's
 * folder tree: its folder first, then each parent's, the first level with exactly one such
 * file wins. Undefined when the name has a folder or is ambiguous.
 */
function bareNameTarget(name, from, names) {
    // A stale path (`docs/epics.md` after the file moved) falls back to its file name.
    const base = name.split('#')[0].trim().split('/').pop() ?? '';
    if (base === '')
        return undefined;
    const named = names.get(base.toLowerCase()) ?? [];
    let dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    for (;;) {
        const under = named.filter((f) => dir === '' || f.startsWith(`${dir}/`));
        if (under.length === 1)
            return under[0];
        if (under.length > 1 || dir === '')
            return undefined;
        dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
    }
}
/** Where a document a proposal creates will live: the reading of its path whose folder exists, else from the root. */
function newFilePath(doc, from, registry) {
    const candidates = plainCandidatePaths(doc.split('#')[0], from);
    const folderExists = (p) => {
        const dir = p.includes('/') ? `${p.slice(0, p.lastIndexOf('/'))}/` : '';
        return dir === '' || [...registry.files].some((f) => f.startsWith(dir));
    };
    return candidates.find(folderExists) ?? candidates.at(-1) ?? doc;
}
/** Change-proposal targets: resolution, OLD ids that must exist, NEW ids that must not collide. */
function resolveChangeProposals(documents, registry, repo) {
    for (const scp of documents) {
        if (scp.type !== 'sprint-change-proposal' || !scp.changeSet)
            continue;
        const cs = scp.changeSet;
        const targets = [];
        const editIds = [...cs.added, ...cs.modified, ...cs.removed, ...scp.requirements.map((r) => r.id), ...scp.refs.filter((r) => r.kind === 'id').map((r) => r.target)];
        const wanted = new Set(editIds.map(spec_ids/* canonicalIdOf */.RK));
        const definesWanted = (s) => s.requirements.some((r) => wanted.has(r.canonicalId));
        for (const t of cs.targets) {
            let hits = resolveTarget(t, scp, registry);
            // "the PRD" names the PRD that defines the ids the proposal touches, or the only PRD;
            // never some document of that type.
            if (t.doc.startsWith('type:') && hits.length > 1)
                hits = hits.filter(definesWanted);
            hits = hits.filter((h) => h !== scp);
            if (hits.length === 0) {
                // A file that is not a validated spec (epics.md, a story) is still a target.
                const file = t.doc.startsWith('type:') ? undefined : [...registry.candidatePaths(t.doc.split('#')[0], scp.path), bareNameTarget(t.doc, scp.path, registry.names)].find((p) => p !== undefined && registry.files.has(p));
                if (file && file !== scp.path)
                    t.resolved = file;
                else if (file)
                    continue;
                else if (t.action === 'add' && !t.explicit && !t.doc.startsWith('type:'))
                    t.resolved = newFilePath(t.doc, scp.path, registry);
                else if (t.explicit)
                    repo.add(scp.path, 'scp.target.dangling', t.line, `Target ${t.doc} names no document of the repository.`);
                else if (!t.doc.startsWith('type:') && t.doc !== EPICS_FILE) {
                    repo.add(scp.path, 'scp.target.dangling', t.line, `Inferred target ${t.doc} names no document of the repository.`, { severity: 'warning' });
                }
                continue;
            }
            t.resolved = hits[0].path;
            for (const h of hits)
                if (!targets.includes(h))
                    targets.push(h);
        }
        if (targets.length === 0 && !cs.targets.some((t) => t.explicit)) {
            // Nothing named: the documents that define the ids the proposal touches. When it names a
            // file that is not a validated spec (`epics.md`, a story), the ids it only cites ("NFR005
            // violated, no PRD change") do not add their definers; the ids it edits still do.
            const named = cs.targets.some((t) => t.resolved !== undefined);
            const edited = new Set([...cs.added, ...cs.modified, ...cs.removed, ...scp.requirements.map((r) => r.id)].map(spec_ids/* canonicalIdOf */.RK));
            const definesTouched = named ? (s) => s.requirements.some((r) => edited.has(r.canonicalId)) : definesWanted;
            for (const s of documents) {
                if (s === scp || s.type === 'sprint-change-proposal' || !definesTouched(s))
                    continue;
                targets.push(s);
                cs.targets.push({ doc: s.meta.id ?? s.path, sections: [], ids: [], explicit: false, resolved: s.path, line: 1 });
            }
        }
        // Artifact words that resolved to nothing are not part of the change set.
        const seenTargets = new Set();
        cs.targets = cs.targets.filter((t) => (t.explicit || t.resolved !== undefined) && !seenTargets.has(t.resolved ?? t.doc) && seenTargets.add(t.resolved ?? t.doc));
        if (targets.length === 0)
            continue;
        const targetNames = [...new Set(targets.map((t) => t.meta.id ?? t.path))].join(', ');
        const collided = new Set();
        const defined = new Map();
        for (const t of targets)
            for (const r of t.requirements)
                if (!defined.has(r.canonicalId))
                    defined.set(r.canonicalId, r.text);
        const modifiedIds = new Set([...cs.modified, ...cs.removed].map(spec_ids/* canonicalIdOf */.RK));
        for (const id of modifiedIds) {
            if (!defined.has(id)) {
                const line = cs.targets.find((t) => t.ids.some((x) => (0,spec_ids/* canonicalIdOf */.RK)(x) === id))?.line ?? cs.edits.find((e) => e.old && e.old.includes(id.split(':')[0]))?.line ?? 1;
                repo.add(scp.path, 'scp.edit.old-not-found', line, `${id.replace(':', '-')} is edited but ${targetNames} does not define it.`);
            }
        }
        for (const r of scp.requirements) {
            const existing = defined.get(r.canonicalId);
            if (existing === undefined || modifiedIds.has(r.canonicalId))
                continue;
            if (normalizeText(existing) !== normalizeText(r.text)) {
                collided.add(r.canonicalId);
                repo.add(scp.path, 'scp.id.collision', r.line, `${r.id} already exists in ${targetNames} with different text.`);
            }
        }
        for (const t of cs.targets) {
            if (t.action !== 'add')
                continue;
            for (const id of t.ids) {
                const key = (0,spec_ids/* canonicalIdOf */.RK)(id);
                if (collided.has(key))
                    continue;
                const newReq = scp.requirements.find((r) => r.canonicalId === key);
                const existing = defined.get(key);
                if (existing !== undefined && (!newReq || normalizeText(existing) !== normalizeText(newReq.text))) {
                    collided.add(key);
                    repo.add(scp.path, 'scp.id.collision', t.line, `\`action: add\` for ${id}, but ${id} already exists in ${t.resolved ?? t.doc}.`);
                }
            }
        }
    }
}
/** Technical specs: task refs must exist in the linked spec; every linked requirement needs a task. */
function checkTraceability(documents, registry, repo, config) {
    for (const ts of documents) {
        if (ts.type !== 'technical-spec')
            continue;
        const linked = linkedClosure(ts, registry).filter((s) => s !== ts && (s.type === 'functional-spec' || s.type === 'prd'));
        for (const key of ['files_to_modify']) {
            const list = ts.meta.extra[key];
            if (!Array.isArray(list))
                continue;
            for (const entry of list.map(String)) {
                const f = annotatedPath(entry);
                if (f === undefined)
                    continue; // a file the spec creates, or no path at all
                if (!registry.files.has((0,repo_path/* normalizeRelative */.iQ)(f)))
                    repo.add(ts.path, 'ts.files.missing', ts.meta.lines[key] ?? 1, `\`${key}\` lists ${f}, which does not exist.`);
            }
        }
        if (linked.length === 0 || ts.tasks.length === 0)
            continue;
        // Coverage is owed to the documents the spec implements directly, not to their parents.
        const direct = ts.meta.implements.map((t) => registry.resolve(t, ts.path)).filter((s) => s !== undefined && s !== ts);
        checkCoverage({ ts, direct, linked, config, add: (path, rule, line, message, severity) => repo.add(path, rule, line, message, severity ? { severity } : {}) });
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/spec/index.js








/***/ }),

/***/ 3569:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ DOC_TYPES)
/* harmony export */ });
const DOC_TYPES = ['prd', 'functional-spec', 'technical-spec', 'sprint-change-proposal'];


/***/ })

};
