/**
 * The order users read findings in, shared by every renderer that has to choose
 * which findings to show when not all of them fit (text report, check run, job
 * summary, review): failing tests first (a red test is what an agent or a person
 * must fix first, and there are few of them), then errors, then warnings, then
 * notes; within each, by file and line.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { GateResult, GatesRun } from '../pipeline/gate-result.js';

/** True for a finding that stands for a failing or erroring test. */
export function isTestFailure(d: Pick<Diagnostic, 'rule'>): boolean {
  return d.rule === 'test.failed' || d.rule === 'test.error';
}

/** The importance classes, most important first, with the heading each is shown under. */
export const IMPORTANCE_HEADINGS = ['Failing tests', 'Errors', 'Warnings', 'Notes'] as const;
export type ImportanceHeading = (typeof IMPORTANCE_HEADINGS)[number];

/** 0 = most important: failing tests, errors, warnings, notes. */
export function importanceRank(d: Pick<Diagnostic, 'rule' | 'severity'>): number {
  if (isTestFailure(d)) return 0;
  if (d.severity === 'error') return 1;
  if (d.severity === 'warning') return 2;
  return 3;
}

/** The heading a finding is listed under. */
export function importanceHeading(d: Pick<Diagnostic, 'rule' | 'severity'>): ImportanceHeading {
  return IMPORTANCE_HEADINGS[importanceRank(d)]!;
}

/** Importance, then path, line, column and rule: a total order, so every renderer lists the same findings first. */
export function compareByImportance(a: Diagnostic, b: Diagnostic): number {
  return (
    importanceRank(a) - importanceRank(b) ||
    (a.path === b.path ? 0 : a.path < b.path ? -1 : 1) ||
    a.range.start.line - b.range.start.line ||
    (a.range.start.column ?? 0) - (b.range.start.column ?? 0) ||
    (a.rule === b.rule ? 0 : a.rule < b.rule ? -1 : 1)
  );
}

/** Findings ordered most important first (see {@link compareByImportance}); a new array. */
export function orderByImportance(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareByImportance);
}

/** One gate and its findings in importance order. */
export interface OrderedGate {
  readonly gate: GateResult;
  readonly findings: readonly Diagnostic[];
}

/** A gates run whose findings were sorted once, for every renderer that reports it. */
export interface OrderedRun {
  readonly run: GatesRun;
  /** The run's gates in their configuration order, each with its findings ordered. */
  readonly gates: readonly OrderedGate[];
  /** Every gate's findings in one list, the same order as {@link orderByImportance} of all of them. */
  readonly findings: readonly Diagnostic[];
}

/**
 * Merges lists that are each in importance order into one, preferring the earlier list
 * on a tie: the same result as a (stable) sort of their concatenation, in O(n log k)
 * comparisons instead of a sort.
 */
export function mergeByImportance(lists: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const heads = lists.map(() => 0);
  // A binary heap of list indexes keyed by each list's head; k is the number of gates, small.
  const heap: number[] = [];
  const less = (a: number, b: number) => {
    const c = compareByImportance(lists[a]![heads[a]!]!, lists[b]![heads[b]!]!);
    return c < 0 || (c === 0 && a < b);
  };
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i]!, heap[parent]!)) return;
      swap(i, parent);
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < heap.length && less(heap[l]!, heap[best]!)) best = l;
      if (r < heap.length && less(heap[r]!, heap[best]!)) best = r;
      if (best === i) return;
      swap(i, best);
      i = best;
    }
  };
  lists.forEach((list, i) => {
    if (list.length > 0) {
      heap.push(i);
      up(heap.length - 1);
    }
  });
  while (heap.length > 0) {
    const i = heap[0]!;
    out.push(lists[i]![heads[i]!]!);
    heads[i]! += 1;
    if (heads[i]! >= lists[i]!.length) {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    down(0);
  }
  return out;
}

/** Sorts each gate's findings once; the run-wide list is merged from them, not sorted again. */
export function orderRun(run: GatesRun): OrderedRun {
  const gates = run.gates.map((gate) => ({ gate, findings: orderByImportance(gate.diagnostics) }));
  return { run, gates, findings: mergeByImportance(gates.map((g) => g.findings)) };
}

/** The rank of a set's most important finding (4 when there is none), for ordering gates. */
export function topRank(diagnostics: readonly Diagnostic[]): number {
  let best: number = IMPORTANCE_HEADINGS.length;
  for (const d of diagnostics) best = Math.min(best, importanceRank(d));
  return best;
}

/** Emoji users recognise at a glance. */
export function severityIcon(d: Pick<Diagnostic, 'severity'>): string {
  return d.severity === 'error' ? '❌' : d.severity === 'warning' ? '⚠️' : 'ℹ️';
}
