/**
 * Resuming a saved run: what it still owes (or why it cannot continue), the model calls it
 * has made (where a replayed session picks up), and the command line that continues it.
 */
import { CONFIG_PATH } from '../../pipeline/config/path.js';
import type { Config } from '../../pipeline/config/schema.js';
import { budgetFromConfig } from '../../pipeline/workflow/bridge.js';
import { resumeEffects } from '../../pipeline/workflow/driver.js';
import { ACTIVE_PHASES, type WorkflowState } from '../../pipeline/workflow/state.js';
import { transition, type Effect } from '../../pipeline/workflow/transitions.js';
import type { RunEnding } from '../../reporting/run-report.js';
import type { RunOptions } from './options.js';
import type { PendingCommit, RunRecord } from './state-store.js';

export function resumeCommand(options: RunOptions, specPath: string): string {
  const parts = ['spec-automation', 'run', specPath, '--resume'];
  if (options.cwd) parts.push('--cwd', options.cwd);
  if (options.replay) parts.push('--replay', options.replay);
  if (options.only) parts.push('--only', options.only.join(','));
  const quote = (p: string) => (/^[\w./:@%+=,-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);
  return parts.map(quote).join(' ');
}

export /** A pending change set of the iteration the state is still in: its commit is not recorded yet. */
function isLivePending(state: WorkflowState, pending: PendingCommit | undefined): pending is PendingCommit {
  return pending !== undefined && pending.iteration === state.iteration && (state.phase === 'developing' || state.phase === 'fixing');
}

export /**
 * Model calls the run has made so far: the ledger's turns, plus those of an iteration
 * whose change set is pending (its turns reach the ledger once its commit is recorded).
 */
function callsDone(state: WorkflowState, pending: PendingCommit | undefined): number {
  return state.ledger.turns + (isLivePending(state, pending) ? (pending.step.spent.turns ?? 0) : 0);
}

export /** What a saved run still owes when resumed, or why it cannot continue. */
function resumePlan(record: RunRecord, config: Config, at: string): { state: WorkflowState; effects: Effect[]; saveFirst: boolean } | { done: RunEnding; message: string } {
  const state = record.state;
  if (ACTIVE_PHASES.includes(state.phase)) return { state, effects: resumeEffects(state), saveFirst: false };
  if (state.phase === 'ready') return { done: 'ready', message: `The run of ${state.spec.id} is already finished: every gate passed on ${state.headSha?.slice(0, 7)}.` };
  // needs-human, failed, cancelled: one more try with the budget as configured now.
  const last = state.attempts[state.attempts.length - 1];
  const target = last?.gates?.conclusion === 'error' ? 'qa' : 'dev';
  const t = transition(state, { type: 'retry', at, target, by: 'local user', raiseBudget: budgetFromConfig(config.agent) });
  if (t.kind !== 'applied') {
    return { done: state.phase, message: `The run stopped in phase ${state.phase} (${state.reason ?? 'no reason recorded'}) and cannot continue: ${t.reason}. Raise the budget (--max-iterations, agent.budgets in ${CONFIG_PATH}) and resume again.` };
  }
  return { state: t.state, effects: t.effects, saveFirst: true };
}
