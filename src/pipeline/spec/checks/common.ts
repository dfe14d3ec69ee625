/**
 * Checks every document type shares: requirement ids (duplicates, styles, gaps, vague
 * wording), acceptance-criteria shapes, markers and template leftovers, tasks
 * (duplicates, dangling dependencies, cycles, spec-kit rules, order).
 */
import type { Severity } from '../../diagnostic.js';
import { isApproved, type DocFacts } from '../facts.js';
import type { FoundTask } from '../tasks.js';
import { VAGUE_WORDS } from '../vocabulary.js';

const VAGUE = new RegExp(`\\b(?:${VAGUE_WORDS.map((w) => w.replace(/[-]/g, '\\-')).join('|')})\\b`, 'i');

/** Duplicate definitions, mixed id styles and numbering gaps. */
export function checkRequirementIds(facts: DocFacts): void {
  const { sink } = facts;
  // Only PRDs and functional specs define requirements; a technical spec or a change proposal
  // that writes `### NFR001: …` twice is discussing the PRD's requirement, not defining it.
  const defines = facts.type === 'prd' || facts.type === 'functional-spec';
  const firstByKey = new Map<string, { line: number; id: string }>();
  for (const r of defines ? facts.requirements : []) {
    const first = firstByKey.get(r.canonicalId);
    if (first !== undefined) {
      const spelling = first.id === r.id ? '' : `; ${first.id} and ${r.id} are the same id`;
      sink.add('req.id.duplicate', r.line, `${r.id} is defined twice (first on line ${first.line})${spelling}.`);
    } else firstByKey.set(r.canonicalId, { line: r.line, id: r.id });
  }
  const byPrefix = new Map<string, typeof facts.requirements>();
  for (const r of facts.requirements) {
    if (!r.parsed) continue;
    const list = byPrefix.get(r.parsed.prefix) ?? [];
    list.push(r);
    byPrefix.set(r.parsed.prefix, list);
  }
  for (const [prefix, list] of byPrefix) {
    const separators = new Set(list.map((r) => r.parsed!.style.separator));
    const pad = list.reduce((max, r) => Math.max(max, r.parsed!.style.padded), 0); // no spread: a list can be long
    const unpadded = pad > 0 ? list.find((r) => r.parsed!.style.padded === 0 && String(r.parsed!.num).length < pad) : undefined;
    if (separators.size > 1 || unpadded) {
      const odd = unpadded ?? list.find((r) => r.parsed!.style.separator !== list[0]!.parsed!.style.separator)!;
      sink.add('req.id.mixed-style', odd.line, `${prefix} ids are written in several styles (${list[0]!.id} and ${odd.id}).`);
    }
    const nums = [...new Set(list.map((r) => r.parsed!.num))].sort((a, b) => a - b);
    const missing: number[] = [];
    for (let i = 1; i < nums.length && missing.length <= 20; i++) for (let n = nums[i - 1]! + 1; n < nums[i]! && missing.length <= 20; n++) missing.push(n);
    if (missing.length > 0 && nums.length > 1) {
      const after = list.find((r) => r.parsed!.num > missing[0]!)!;
      const shown = missing.slice(0, 10).map((n) => `${prefix}-${n}`).join(', ');
      sink.add('req.id.gap', after.line, `${prefix} numbering skips ${shown}${missing.length > 10 ? ', …' : ''}.`);
    }
  }
}

/** Vague adjectives without a number (functional requirements only). */
export function checkVagueRequirements(facts: DocFacts): void {
  for (const r of facts.requirements) {
    if (r.kind !== 'FR' && r.kind !== 'REQ' && r.kind !== 'NFR') continue;
    const text = r.text.slice(0, 1000);
    const m = VAGUE.exec(text);
    if (m && !/\d/.test(text)) facts.sink.add('quality.vague', r.line, `${r.id} says "${m[0]}" without a measurable target.`);
  }
}

/** EARS and Given/When/Then completeness, Kiro criterion numbering. */
export function checkCriteria(facts: DocFacts): void {
  for (const ac of facts.criteria) {
    const label = ac.id ? `Criterion ${ac.id}` : 'The criterion';
    if (ac.problem === 'ac.ears.malformed') facts.sink.add('ac.ears.malformed', ac.line, `${label} starts with ${ac.parts.kw ?? 'an EARS keyword'} but has no SHALL/MUST/SHOULD response.`);
    else if (ac.problem === 'ac.ears.missing-modal') facts.sink.add('ac.ears.missing-modal', ac.line, `${label} has ${ac.parts.kw ?? 'WHEN'} … THEN … but no SHALL, MUST or SHOULD.`);
    else if (ac.problem === 'ac.gwt.incomplete') {
      const missing = ['given', 'when', 'then'].filter((p) => ac.parts[p] === undefined || ac.parts[p] === '');
      facts.sink.add('ac.gwt.incomplete', ac.line, `${label} lacks ${missing.map((m) => m[0]!.toUpperCase() + m.slice(1)).join(' and ')}.`);
    }
    if (ac.explicitId && ac.parentNumber !== undefined && /^\d+\.\d+$/.test(ac.explicitId)) {
      const major = Number(ac.explicitId.split('.')[0]);
      if (major !== ac.parentNumber) facts.sink.add('ac.numbering', ac.line, `Criterion ${ac.explicitId} sits under Requirement ${ac.parentNumber}.`, { hint: `Renumber it ${ac.parentNumber}.x.` });
    }
  }
}

/** Markers and template leftovers, with the per-type rule codes of §3–§6. */
export function checkMarkers(facts: DocFacts): void {
  const { sink } = facts;
  const approved = isApproved(facts);
  const severity: Severity = approved ? 'error' : 'warning';
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
    if (m.kind === 'needs-clarification') clarifications += 1;
    const what = m.question ? `${m.text.slice(0, 80)}` : m.text;
    if (m.kind === 'needs-clarification' && separateClarification) {
      sink.add('marker.needs-clarification', m.line, `Open question: ${what}${why}.`, { ...span, severity });
      if (clarifications === 4) sink.add('marker.needs-clarification.too-many', m.line, 'More than 3 [NEEDS CLARIFICATION] markers.', { column: m.column });
    } else {
      sink.add('marker.unresolved', m.line, `Unresolved ${m.kind.replace(/-/g, ' ')} marker ${what}${why}.`, { ...span, severity });
    }
  }
}

const SHARED_PHASE = /\b(?:setup|foundational|foundation|polish|cross-cutting)\b/i;
const STORY_PHASE = /\buser story\s*(\d+)\b|\bUS\s?(\d+)\b/i;

/** Task ids, dependencies, cycles, order and the spec-kit conventions. */
export function checkTasks(facts: DocFacts, tasks: readonly FoundTask[] = facts.tasks, pathOf: (t: FoundTask) => string = () => facts.path): void {
  const { sink } = facts;
  if (tasks.length === 0) return;
  const add = (t: FoundTask, rule: Parameters<typeof sink.add>[0], message: string) => {
    if (pathOf(t) === facts.path) sink.add(rule, t.line, message);
    else sink.addAt(pathOf(t), rule, t.line, message);
  };
  const byId = new Map<string, FoundTask>();
  for (const t of tasks) {
    const first = byId.get(t.id);
    if (first && t.hasId) add(t, 'task.id.duplicate', `Task ${t.id} is defined twice (first on line ${first.line}).`);
    else if (!first) byId.set(t.id, t);
  }
  for (const t of tasks) {
    for (const dep of t.dependsOn) if (!byId.has(dep)) add(t, 'task.dep.dangling', `Task ${t.id} depends on ${dep}, which is not a task of this document.`);
  }
  // Cycles: iterative DFS (a task list can be long; no recursion).
  const state = new Map<string, 1 | 2>();
  for (const start of byId.keys()) {
    if (state.has(start)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = byId.get(top.id)!.dependsOn.filter((d) => byId.has(d));
      if (top.next >= deps.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const dep = deps[top.next++]!;
      const s = state.get(dep);
      if (s === 1) {
        const cycle = [...stack.slice(stack.findIndex((f) => f.id === dep)).map((f) => f.id), dep];
        add(byId.get(top.id)!, 'task.dep.cycle', `Tasks depend on each other in a cycle: ${cycle.join(' → ')}.`);
      } else if (s === undefined) {
        state.set(dep, 1);
        stack.push({ id: dep, next: 0 });
      }
    }
  }
  const withIds = tasks.filter((t) => t.hasId);
  if (withIds.length > 0 && withIds.length >= tasks.length / 2) {
    for (const t of tasks) if (!t.hasId) add(t, 'task.id.missing', `This task has no id, unlike ${withIds.length} of the ${tasks.length} tasks.`);
  }
  const order = (id: string): number[] | undefined => {
    const m = /^T?(\d+)(?:\.(\d+))?/.exec(id);
    return m ? [Number(m[1]), Number(m[2] ?? 0)] : undefined;
  };
  let prev: { t: FoundTask; key: number[] } | undefined;
  for (const t of withIds) {
    if (t.parentId && t.style !== 'kiro') continue;
    const key = order(t.id);
    if (!key) continue;
    if (prev && prev.t.style === t.style && (key[0]! < prev.key[0]! || (key[0] === prev.key[0] && key[1]! < prev.key[1]!))) {
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
      if (SHARED_PHASE.test(phase) && storyLabel) add(t, 'task.speckit.story-label', `Task ${t.id} has a [${storyLabel}] label in the "${phase}" phase.`);
      if (STORY_PHASE.test(phase) && !storyLabel) add(t, 'task.speckit.missing-story', `Task ${t.id} in "${phase}" has no [USn] label.`);
      if (t.files.length === 0) add(t, 'task.speckit.no-path', `Task ${t.id} names no file path.`);
    }
  }
  const parallelByPhase = new Map<string, Map<string, FoundTask>>();
  for (const t of tasks) {
    if (!t.parallel) continue;
    const phaseKey = `${pathOf(t)}#${t.section}`;
    const files = parallelByPhase.get(phaseKey) ?? new Map<string, FoundTask>();
    parallelByPhase.set(phaseKey, files);
    for (const f of t.files) {
      const other = files.get(f);
      if (other && other.id !== t.id) add(t, 'task.parallel.same-file', `Tasks ${other.id} and ${t.id} are both [P] in this phase and both touch ${f}.`);
      else files.set(f, t);
    }
  }
}
