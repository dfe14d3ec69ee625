/**
 * The words and icons a gate's result is shown with, the same in its check run, the job
 * summary and the pull request review.
 */
import { countBySeverity, type Diagnostic } from '../pipeline/diagnostic.js';
import type { GateResult } from '../pipeline/gate-result.js';
import { plural } from './markdown.js';

/** A gate's status at a glance. */
export const GATE_STATUS_ICON: Readonly<Record<GateResult['status'], string>> = { passed: '✅', failed: '❌', error: '💥', skipped: '⏭️', cancelled: '⏹️' };

/** `2 errors, 1 warning, 3 notes`; `''` when there are none. */
export function severityPhrase(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  const parts: string[] = [];
  if (c.error) parts.push(plural(c.error, 'error'));
  if (c.warning) parts.push(plural(c.warning, 'warning'));
  if (c.info) parts.push(plural(c.info, 'note'));
  return parts.join(', ');
}
