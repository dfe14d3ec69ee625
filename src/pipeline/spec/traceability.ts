/**
 * Task → requirement coverage the way each format traces it (spec-formats.md §5, §10):
 * - tasks that cite requirement ids (`FR-001`, Kiro `_Requirements: 1.1, 2.3_`, ranges);
 * - spec-kit tasks that cite user stories (`[US1]`) or a project's source ids
 *   (`(DOC-REQ-001)`), which a spec maps to its FRs through mapping tables or prose
 *   ("Maps to FR-001, FR-002", `- **FR-001** (DOC-REQ-001): …`).
 * A requirement counts as covered when a task cites it, or cites a story or a source id
 * that maps to it. When no task cites any requirement or source id, the bundle traces to
 * user stories only (plain spec-kit): then each story needs a task, and the FRs are
 * summarised in one info instead of one finding per FR.
 */
import type { SpecsConfig } from '../config/schema.js';
import type { Severity } from '../diagnostic.js';
import { canonicalIdOf } from './ids.js';
import type { ParsedSpec, Task } from './model.js';
import type { RuleCode } from './rules.js';

/** Requirement kinds a task list owes coverage to. */
const COVERED_KINDS = new Set(['FR', 'EF', 'NFR', 'ENF', 'REQ', 'DOC-REQ', 'DESIGN-REQ']);
const STORY_MENTION = /\bUS-?(\d{1,4})\b|\bUser Story\s+(\d{1,4})\b|\bStory\s+(\d{1,4})\b(?!\.)/giu;

export type CoverageAdd = (path: string, rule: RuleCode, line: number, message: string, severity?: Severity) => void;

/** `US1`, `US-1`, `User Story 1` → `US:1`. */
function storyKey(n: string | number): string {
  return `US:${Number(n)}`;
}

/**
 * Which ids map to which, read from a spec: ids on the same line of a table row, list
 * item or paragraph line are linked (a mapping table row, a definition with its source
 * id in parentheses, "Maps to …" prose), and a requirement mentioning a user story is
 * linked to that story. Links are symmetric.
 */
export function mappingOf(spec: ParsedSpec): Map<string, Set<string>> {
  const byLine = new Map<number, Set<string>>();
  const add = (line: number, key: string) => {
    const set = byLine.get(line) ?? new Set<string>();
    set.add(key);
    byLine.set(line, set);
  };
  for (const r of spec.requirements) {
    if (r.file) continue;
    add(r.line, r.canonicalId);
    for (const m of `${r.text}`.matchAll(STORY_MENTION)) add(r.line, storyKey(m[1] ?? m[2] ?? m[3]!));
  }
  for (const ref of spec.refs) if (ref.kind === 'id' && !ref.file) add(ref.line, canonicalIdOf(ref.target));
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = links.get(a) ?? new Set<string>();
    set.add(b);
    links.set(a, set);
  };
  for (const keys of byLine.values()) {
    if (keys.size < 2) continue;
    for (const a of keys) for (const b of keys) if (a !== b) link(a, b);
  }
  return links;
}

/** The ids a task cites, canonical: requirement refs, Kiro criteria (`1.2` → `REQ:1` too) and its story label. */
function citedBy(task: Task): string[] {
  const out: string[] = [];
  for (const ref of task.reqRefs) {
    if (/^AC\d+$/.test(ref)) continue;
    out.push(ref, canonicalIdOf(ref));
    const kiro = /^(\d+)\.\d+$/.exec(ref);
    if (kiro) out.push(`REQ:${Number(kiro[1])}`);
  }
  if (task.storyRef) out.push(storyKey(task.storyRef.replace(/\D/g, '')));
  return out;
}

export interface CoverageInput {
  /** The technical spec whose tasks are checked. */
  ts: ParsedSpec;
  /** Specs it implements directly: they are owed coverage. */
  direct: readonly ParsedSpec[];
  /** Every spec it links to (direct and their parents): task refs must resolve in them. */
  linked: readonly ParsedSpec[];
  config: Pick<SpecsConfig, 'coverage'>;
  add: CoverageAdd;
}

/** `ts.task.req-dangling`, `ts.coverage.req-untasked`, `ts.coverage.story-untasked`, `ts.coverage.story-level`. */
export function checkCoverage({ ts, direct, linked, config, add }: CoverageInput): void {
  const known = new Set<string>();
  for (const s of linked) {
    for (const r of s.requirements) known.add(r.canonicalId);
    for (const ac of s.acceptanceCriteria) if (ac.id) known.add(ac.id);
    for (const st of s.stories) if (st.id && /^US\d+$/.test(st.id)) known.add(storyKey(st.id.slice(2)));
    // Source ids that a mapping table or a definition's parenthesis names are known ids too.
    for (const ref of s.refs) if (ref.kind === 'id') known.add(canonicalIdOf(ref.target));
  }
  const cited = new Set<string>();
  let citesIds = false;
  for (const task of ts.tasks) {
    for (const ref of task.reqRefs) {
      if (/^AC\d+$/.test(ref)) continue;
      if (known.has(canonicalIdOf(ref)) || known.has(ref)) {
        // Success criteria (SC-005) and journeys are verified, not implemented: citing them is not requirement tracing.
        if (COVERED_KINDS.has(canonicalIdOf(ref).split(':')[0]!) || /^\d+\.\d+$/.test(ref)) citesIds = true;
        continue;
      }
      add(task.file ?? ts.path, 'ts.task.req-dangling', task.line, `Task ${task.id} cites ${ref}, which ${linked.map((s) => s.meta.id ?? s.path).join(', ')} does not define.`);
    }
    for (const key of citedBy(task)) cited.add(key);
  }
  const severity = config.coverage;
  if (severity === 'off') return;
  for (const s of direct) {
    const links = mappingOf(s);
    const covered = (key: string) => cited.has(key) || [...(links.get(key) ?? [])].some((k) => cited.has(k));
    const stories = s.stories.filter((st) => st.id && /^US\d+$/.test(st.id));
    const owed = s.requirements.filter((r) => COVERED_KINDS.has(r.kind));
    if (!citesIds && stories.length > 0) {
      // Plain spec-kit: tasks trace to stories. Each story needs a task; FRs are covered through the stories that mention them.
      for (const st of stories) {
        if (!cited.has(storyKey(st.id!.slice(2)))) add(st.file ?? s.path, 'ts.coverage.story-untasked', st.line, `User story ${st.id} (${st.title.slice(0, 80)}) has no task labelled [${st.id}].`, severity);
      }
      const unmapped = owed.filter((r) => !covered(r.canonicalId));
      if (unmapped.length > 0) {
        add(
          s.path,
          'ts.coverage.story-level',
          unmapped[0]!.file ? 1 : unmapped[0]!.line,
          `Tasks trace to user stories, not to requirements: ${unmapped.length} of ${owed.length} requirements (${unmapped.slice(0, 5).map((r) => r.id).join(', ')}${unmapped.length > 5 ? ', …' : ''}) are not mapped to a story or cited by a task.`,
          'info',
        );
      }
      continue;
    }
    for (const r of owed) {
      if (covered(r.canonicalId) || covered(r.id)) continue;
      add(r.file ?? s.path, 'ts.coverage.req-untasked', r.line, `${r.id} has no task in ${ts.path}: no task cites it, or a story or source id that maps to it.`, severity);
    }
  }
}
