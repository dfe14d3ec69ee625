/**
 * Every finding the scheduled re-validation reports besides the spec validator's own
 * (src/pipeline/spec/rules.ts), as data: code, severity, title and how to fix it. The
 * Spec health issue, the check run's annotations and `spec-automation status` show the
 * fix next to each finding.
 */
import type { Severity } from '../diagnostic.js';

/** One re-validation rule. */
export interface RevalidateRule {
  severity: Severity;
  title: string;
  fix: string;
}

const r = (severity: Severity, title: string, fix: string): RevalidateRule => ({ severity, title, fix });

export const REVALIDATE_RULES = {
  'drift.changed': r(
    'warning',
    'Spec changed since it was implemented',
    'Run spec-automation on the spec again (push it with status approved, `/spec retry` on its pull request, or `spec-automation run <spec>` locally) so the code follows; merging that run records the new version in the lock file.',
  ),
  'drift.changed.explained': r(
    'info',
    'Spec changed by an implemented change proposal',
    'The requirement changes were implemented through the sprint change proposal named in the message. Record the spec as implemented again (its next run, or `recordImplementation`) to clear this note.',
  ),
  'drift.edited': r('info', 'Spec text changed, requirements did not', 'Nothing to implement. The next run on this spec records the new text in the lock file.'),
  'drift.superseded': r(
    'warning',
    'Implemented from a superseded version',
    'The code follows a document that has been superseded, and the document that replaces it is not implemented. Approve and run the replacement; its lock entry then replaces this one.',
  ),
  'drift.retired': r('info', 'Superseded; its replacement is implemented', 'Remove the old entry from the lock file when convenient (`forgetImplementations`).'),
  'drift.never-implemented': r(
    'warning',
    'Approved, never implemented',
    'Push the spec to the default branch with the app installed, or run `spec-automation run <spec>`; if it was implemented by hand, record it (see the README, "the lock file") or set its status to done.',
  ),
  'drift.change-pending': r(
    'warning',
    'Approved change proposal not applied',
    'Run spec-automation on the proposal (it implements only its change set), then edit the target documents as the proposal says, so specs and code agree again.',
  ),
  'drift.untracked': r('info', 'Done, but not in the lock file', 'The spec says done but no implementation was recorded, so drift cannot be checked. Record it once, or ignore this note.'),
  'drift.orphaned': r('warning', 'Lock entry without a spec', 'The spec was deleted, moved or excluded. Delete its entry from the lock file (or restore the spec); when it moved, record it under its new path.'),
  'lock.invalid': r('error', 'Lock file unreadable', 'Fix the lock file at the reported line (merge conflicts: keep one entry per spec path from both sides). Until then drift cannot be judged and every spec looks never implemented.'),
  'lock.entry.invalid': r('warning', 'Lock entry unusable', 'Fix or delete the entry at the reported line; it was ignored.'),
  'lock.missing': r('info', 'No lock file yet', 'The lock file is written when spec-automation implements a spec and the pull request merges. Until then every approved spec is reported as never implemented.'),
  'trace.untested': r(
    'warning',
    'Requirement without a test',
    'Add a test that checks the requirement and cite it: `@pytest.mark.req("FR-n")` on the test (register the marker in pyproject.toml). Test names (`test_fr_n_…`), docstrings and comments also count.',
  ),
  'trace.stale-citation': r(
    'warning',
    'Test cites a requirement that no longer exists',
    'Point the citation at the requirement the test checks now, or delete the test if its requirement was dropped on purpose.',
  ),
  'trace.stale-code-reference': r('info', 'Code mentions a requirement that no longer exists', 'Update or remove the comment or docstring.'),
  'trace.config': r('warning', 'Traceability setting refused', 'Fix the setting in the configuration file; until then it is ignored.'),
} as const satisfies Record<string, RevalidateRule>;

export type RevalidateRuleCode = keyof typeof REVALIDATE_RULES;

/** The rule's entry. */
export function revalidateRule(code: RevalidateRuleCode): RevalidateRule {
  return REVALIDATE_RULES[code];
}
