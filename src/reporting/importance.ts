/**
 * The order users read findings in, shared by every renderer that has to choose
 * which findings to show when not all of them fit: errors first, then failing
 * tests, then warnings, then notes.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { sortDiagnostics } from '../pipeline/diagnostic.js';

/** True for a finding that stands for a failing or erroring test. */
export function isTestFailure(d: Diagnostic): boolean {
  return d.rule === 'test.failed' || d.rule === 'test.error';
}

/** 0 = most important. */
export function importanceRank(d: Diagnostic): number {
  if (isTestFailure(d)) return 1;
  if (d.severity === 'error') return 0;
  if (d.severity === 'warning') return 2;
  return 3;
}

/** Findings ordered most important first; stable within a rank (by path, then line). */
export function orderByImportance(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = sortDiagnostics(diagnostics);
  return sorted
    .map((d, i) => ({ d, i, r: importanceRank(d) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.d);
}

/** Emoji users recognise at a glance. */
export function severityIcon(d: Pick<Diagnostic, 'severity'>): string {
  return d.severity === 'error' ? '❌' : d.severity === 'warning' ? '⚠️' : 'ℹ️';
}
