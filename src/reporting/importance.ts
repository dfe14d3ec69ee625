/**
 * The order users read findings in, shared by every renderer that has to choose
 * which findings to show when not all of them fit (text report, check run, job
 * summary, review): failing tests first (a red test is what an agent or a person
 * must fix first, and there are few of them), then errors, then warnings, then
 * notes; within each, by file and line.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';

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
