/**
 * The app's own check run on the head commit of a spec pull request,
 * `spec-automation / run`: where the run stands, in the checks list people look at,
 * with buttons GitHub sends back only to this app (Retry, Retry gates, Cancel) and
 * "Re-run". The state comment stays the truth; this is a view of it.
 */
import type { AppCheckRun, CheckRunButton } from '../github/app-check-run.js';
import type { CheckConclusion } from '../reporting/check-run.js';
import { describeGates, safeProse, spentOfBudget } from '../reporting/state-comment.js';
import type { WorkflowState } from '../pipeline/workflow/state.js';

export const RUN_CHECK_NAME = 'spec-automation / run';
export const VALIDATE_CHECK_NAME = 'spec-automation / validate';

/** Button identifiers (≤ 20 characters) and what they ask for. */
export const BUTTONS = {
  retryDev: { label: 'Retry', description: 'Run the agent again', identifier: 'retry-dev' },
  retryQa: { label: 'Retry gates', description: 'Re-run the gates workflow', identifier: 'retry-qa' },
  cancel: { label: 'Cancel', description: 'Stop this spec run', identifier: 'cancel' },
} as const satisfies Record<string, CheckRunButton>;

export function renderRunCheck(state: WorkflowState, headSha: string, detailsUrl: string | undefined): AppCheckRun {
  const base = { name: RUN_CHECK_NAME, headSha, externalId: `${state.branch}`, ...(detailsUrl ? { detailsUrl } : {}) };
  const iteration = state.iteration === 0 ? 'implementation' : `fix iteration ${state.iteration} of ${state.budget.maxIterations}`;
  const spent = `Spent so far: ${state.ledger.turns} turns, ${spentOfBudget(state.ledger, state.budget)}.`;
  const lastGates = [...state.attempts].reverse().find((a) => a.gates)?.gates;
  const summary = (lines: string[]) => [...lines, '', spent, '', 'The state comment on the pull request has the details; `/spec help` lists the commands.'].join('\n');
  const done = (conclusion: CheckConclusion, title: string, lines: string[], buttons: CheckRunButton[]): AppCheckRun => ({
    ...base,
    status: 'completed',
    conclusion,
    title,
    summary: summary(lines),
    buttons,
  });
  const retries: CheckRunButton[] = state.headSha ? [BUTTONS.retryDev, BUTTONS.retryQa, BUTTONS.cancel] : [BUTTONS.retryDev, BUTTONS.cancel];
  switch (state.phase) {
    case 'developing':
    case 'fixing':
      return {
        ...base,
        status: 'in_progress',
        title: `The agent is working (${iteration})`,
        summary: summary([`The agent is ${state.phase === 'developing' ? 'implementing the spec' : 'fixing what the gates found'} (${iteration}).`]),
      };
    case 'qa':
      return done('neutral', `Waiting for the gates (${iteration})`, [`The gates workflow runs on ${state.headSha?.slice(0, 7) ?? 'the head commit'}; the run goes on when it completes.`], [BUTTONS.cancel]);
    case 'ready':
      return done('success', 'The gates pass; ready for review', [`Gates: ${describeGates(lastGates)}`], []);
    case 'needs-human':
      return done('action_required', 'A human is needed', [safeProse(state.reason ?? 'See the state comment.', 1500), lastGates ? `Last gates: ${describeGates(lastGates)}` : ''], retries);
    case 'failed':
      return done('failure', 'The run failed', [safeProse(state.reason ?? 'See the state comment.', 1500)], retries);
    case 'cancelled':
      return done('cancelled', 'Cancelled', [safeProse(state.reason ?? 'Cancelled.', 500)], [BUTTONS.retryDev]);
  }
}
