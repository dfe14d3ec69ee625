/**
 * Opening a run (its pull request's state, rebuilt when lost) and moving it on: one
 * event through the state machine, saved, then the effects driven until the gates run
 * elsewhere, the run stops, or the job is aborted. An exception anywhere (GitHub down
 * past its retries, a rate limit, a bug) parks the run in `failed` with the reason and
 * its state intact, so `/spec retry` resumes it; a run is never left silently stuck.
 */
import type { PullRequestInfo } from '../github/pull-requests.js';
import type { GateResult } from '../pipeline/gate-result.js';
import { drive, type DriveResult } from '../pipeline/workflow/driver.js';
import type { WorkflowState } from '../pipeline/workflow/state.js';
import { transition, type Effect, type Transition, type WorkflowEvent } from '../pipeline/workflow/transitions.js';
import { addToLedger } from '../pipeline/workflow/state.js';
import { CommitFailedError, ConcurrentChangeError, createRunPorts, type GitHubRunPorts } from './run-ports.js';
import { RunStore, type StoreEnv } from './run-store.js';

export interface OpenedRun {
  store: RunStore;
  state: WorkflowState;
  /** True when the state comment was missing or corrupted and the state was rebuilt. */
  rebuilt: boolean;
}

/** The run of a spec pull request, or undefined when the pull request has none. */
export async function openRun(env: StoreEnv, pr: PullRequestInfo): Promise<OpenedRun | undefined> {
  const store = new RunStore(env, pr);
  const loaded = await store.load();
  if (loaded.kind === 'found') return { store, state: loaded.state, rebuilt: false };
  const now = new Date(env.runtime.deps.now()).toISOString();
  const rebuilt = await store.rebuild(loaded.problem, now);
  if (!rebuilt) return undefined;
  env.runtime.log.warn('Rebuilt a run state', { pr: pr.number, problem: loaded.problem, phase: rebuilt.phase });
  await store.save(rebuilt);
  return { store, state: rebuilt, rebuilt: true };
}

export interface AdvanceOptions {
  resuming?: boolean;
  /** Gate results the caller has read already. */
  knownResults?: { sha: string; results: GateResult[] };
  signal?: AbortSignal;
  /** Called once the event is applied and saved, before the effects run (minutes, for the agent). */
  onApplied?: (state: WorkflowState) => Promise<void>;
}

export type AdvanceResult =
  | { kind: 'not-applied'; transition: Exclude<Transition, { kind: 'applied' }> }
  | { kind: 'driven'; result: DriveResult }
  /** An error stopped the run; it is parked in `failed` (when that could be saved). */
  | { kind: 'parked'; error: string; state: WorkflowState };

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\s+/g, ' ').slice(0, 1000);
  return String(error).slice(0, 1000);
}

/** Carries out `effects` of an already-saved `state`. */
export async function driveEffects(store: RunStore, state: WorkflowState, effects: readonly Effect[], options: AdvanceOptions = {}): Promise<AdvanceResult> {
  const ports = createRunPorts({ store, ...(options.resuming ? { resuming: true } : {}) });
  return driveWith(ports, store, state, effects, options.signal);
}

/** Applies `event` to the run; when the machine accepts it, saves and drives the effects. */
export async function advance(store: RunStore, state: WorkflowState, event: WorkflowEvent, options: AdvanceOptions = {}): Promise<AdvanceResult> {
  const t = transition(state, event);
  if (t.kind !== 'applied') return { kind: 'not-applied', transition: t };
  const ports = createRunPorts({ store, ...(options.resuming ? { resuming: true } : {}), ...(options.knownResults ? { knownResults: options.knownResults } : {}) });
  try {
    await ports.save(t.state, event);
  } catch (error) {
    return park(ports, store, state, error);
  }
  if (options.onApplied) {
    try {
      await options.onApplied(t.state);
    } catch (error) {
      store.env.runtime.log.warn('A step after saving failed', { pr: store.pr.number, error: describe(error) });
    }
  }
  return driveWith(ports, store, t.state, t.effects, options.signal);
}

async function driveWith(ports: GitHubRunPorts, store: RunStore, state: WorkflowState, effects: readonly Effect[], signal: AbortSignal | undefined): Promise<AdvanceResult> {
  try {
    const result = await drive(state, effects, ports, signal);
    store.env.runtime.log.info('Run step done', { pr: store.pr.number, result: result.kind, phase: result.state.phase, requests: store.requests });
    return { kind: 'driven', result };
  } catch (error) {
    if (error instanceof ConcurrentChangeError) {
      // The state on GitHub is newer than ours: leave it alone.
      store.env.runtime.log.warn('The run changed elsewhere; this step stops without saving', { pr: store.pr.number, error: error.message });
      return { kind: 'driven', result: { kind: 'aborted', state: ports.latest() ?? state } };
    }
    return park(ports, store, ports.latest() ?? state, error);
  }
}

/** The state with what a failed agent iteration spent added, so the ledger never forgets money spent. */
function withSpent(state: WorkflowState, error: unknown): WorkflowState {
  if (!(error instanceof CommitFailedError)) return state;
  const last = state.attempts[state.attempts.length - 1];
  const attempts = last ? [...state.attempts.slice(0, -1), { ...last, spent: addToLedger(last.spent, error.spent) }] : state.attempts;
  return { ...state, ledger: addToLedger(state.ledger, error.spent), attempts };
}

async function park(ports: GitHubRunPorts, store: RunStore, latest: WorkflowState, error: unknown): Promise<AdvanceResult> {
  const { runtime } = store.env;
  const message = runtime.deps.redactor.redact(describe(error));
  const state = withSpent(latest, error);
  runtime.log.error('Run step failed; parking the run', { pr: store.pr.number, phase: state.phase, error: message });
  const event: WorkflowEvent = { type: 'failed', at: ports.now(), message };
  const t = transition(state, event);
  if (t.kind !== 'applied') return { kind: 'parked', error: message, state };
  try {
    await ports.save(t.state, event);
    for (const effect of t.effects) if (effect.type === 'notify') await ports.notify(t.state, effect.phase, effect.reason);
    return { kind: 'parked', error: message, state: t.state };
  } catch (saveError) {
    // GitHub is still failing: the label and comment keep the last saved phase, which
    // start-up recovery and the next event pick up.
    runtime.log.error('Could not record the failure on the pull request', { pr: store.pr.number, error: runtime.deps.redactor.redact(describe(saveError)) });
    return { kind: 'parked', error: message, state };
  }
}
