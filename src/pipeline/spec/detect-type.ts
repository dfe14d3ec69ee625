/**
 * Which of the four types a document is (§8): front-matter `type`, then a repository
 * override from `specs.types`, then BMAD hints, then a weighted score over path,
 * title, H2 headings and body. The score breakdown is always kept as evidence.
 */
import picomatch from 'picomatch';
import type { SpecsConfig } from '../config/schema.js';
import type { SectionNode } from './context.js';
import { DOC_TYPES, type DocType, type TypeEvidence, type TypeSource } from './model.js';
import { canonicalSection, normalizeType, sectionSpec } from './normalize.js';
import type { DiagnosticSink } from './sink.js';
import { NON_SPEC_TYPES, PATH_SIGNALS, TITLE_SIGNALS, WORKFLOW_TYPES } from './vocabulary.js';

export interface TypeDecision {
  type: DocType | undefined;
  source: TypeSource | undefined;
  confidence: number;
  evidence: TypeEvidence;
}

/**
 * Body signals: a test on one line (at most 2,000 characters of it), the type it points
 * to and its weight. Tests are plain scans, never backtracking regexes over whole
 * lines, so hostile input cannot make detection slow.
 */
const BODY_SIGNALS: ReadonlyArray<{ test: (line: string) => boolean; type: DocType; weight: number; name: string }> = [
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

function emptyScores(): Record<DocType, number> {
  return { prd: 0, 'functional-spec': 0, 'technical-spec': 0, 'sprint-change-proposal': 0 };
}

/** Scores a document by path, title, H2s and body (§8 steps 4–7). */
export function scoreType(path: string, title: string, sections: readonly SectionNode[], body: string): TypeEvidence {
  const scores = emptyScores();
  const reasons: string[] = [];
  const lower = path.toLowerCase();
  for (const signal of PATH_SIGNALS) {
    if (signal.pattern.test(lower)) {
      scores[signal.type] += signal.weight;
      reasons.push(`path ${path} → ${signal.type} (+${signal.weight})`);
    }
  }
  for (const type of DOC_TYPES) {
    if (TITLE_SIGNALS[type].test(title)) {
      scores[type] += 6;
      reasons.push(`title "${title}" → ${type} (+6)`);
    }
  }
  for (const type of DOC_TYPES) {
    let h2 = 0;
    for (const s of sections) {
      if (s.depth !== 2 || h2 >= H2_CAP) continue;
      const canonical = canonicalSection(type, s.normText);
      const level = canonical ? sectionSpec(type, canonical)?.level : undefined;
      if (level === 'required' || level === 'recommended') h2 += 1;
    }
    if (h2 > 0) {
      scores[type] += h2;
      reasons.push(`${h2} H2 section(s) of a ${type} (+${h2})`);
    }
  }
  const pending = new Set(BODY_SIGNALS);
  for (let start = 0; start < body.length && pending.size > 0; ) {
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
  const ranked = [...DOC_TYPES].sort((a, b) => scores[b] - scores[a]);
  const best = scores[ranked[0]!];
  const second = scores[ranked[1]!];
  return { scores, reasons, confident: best >= 6 && best - second >= 3 };
}

/**
 * Decides the type. Reports `fm.type.unknown` for a front-matter type that is not a
 * known synonym and `type.ambiguous` when the heuristic is not confident.
 */
export function detectType(
  path: string,
  fm: Record<string, unknown> | undefined,
  typeLine: number,
  title: string,
  sections: readonly SectionNode[],
  body: string,
  config: SpecsConfig,
  sink: DiagnosticSink,
  fallbackType?: DocType,
): TypeDecision {
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
      return { type: type as DocType, source: 'config', confidence: 100, evidence: { ...evidence, confident: true } };
    }
  }
  const workflowType = typeof fm?.workflowType === 'string' ? WORKFLOW_TYPES[fm.workflowType.trim().toLowerCase()] : undefined;
  if (workflowType) {
    evidence.reasons.unshift(`BMAD workflowType: ${String(fm!.workflowType)}`);
    return { type: workflowType, source: 'bmad-workflowType', confidence: 100, evidence: { ...evidence, confident: true } };
  }
  if (fm && 'slug' in fm && ('tech_stack' in fm || 'files_to_modify' in fm)) {
    evidence.reasons.unshift('BMAD quick-spec front matter (slug + tech_stack/files_to_modify)');
    return { type: 'technical-spec', source: 'bmad-workflowType', confidence: 100, evidence: { ...evidence, confident: true } };
  }
  const ranked = [...DOC_TYPES].sort((a, b) => evidence.scores[b] - evidence.scores[a]);
  const best = ranked[0]!;
  const confidence = evidence.scores[best];
  if (evidence.confident) return { type: best, source: 'heuristic', confidence, evidence };
  if (fallbackType) {
    evidence.reasons.unshift(`bundle layout: ${fallbackType}`);
    return { type: fallbackType, source: 'heuristic', confidence, evidence };
  }
  const second = ranked[1]!;
  const top = `${best} ${evidence.scores[best]}, ${second} ${evidence.scores[second]}`;
  sink.add(
    'type.ambiguous',
    typeLine,
    `Cannot tell the document type (scores: ${top}; a confident type needs 6 points and a 3-point lead). Evidence: ${evidence.reasons.join('; ') || 'none'}.`,
    { hint: `Add \`type: ${evidence.scores[best] > 0 ? best : 'prd'}\` (or another type) to the front matter.` },
  );
  return { type: undefined, source: undefined, confidence, evidence };
}
