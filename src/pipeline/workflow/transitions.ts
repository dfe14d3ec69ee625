/**
 * The dev → QA loop as a pure state machine: an event and the current state in, the next
 * state and the effects to carry out as data. The app and the CLI apply the effects
 * (run the agent, wait for or run the gates, mark the PR ready); the decisions live here
 * once. Every transition checks the state it expects, so a redelivered or out-of-order
 * event comes back `ignored` and changes nothing.
 */
import {
  ACTIVE_PHASES,
  addToLedger,
  emptyLedger,
  fixBudgetExhausted,
  MAX_REMEMBERED_DELIVERIES,
  spendingExhausted,
  STATE_VERSION,
  type Attempt,
  type Budget,
  type GatesOutcome,
  type Ledger,
  type Phase,
  type WorkflowState,
} from './state.js';

export type RetryTarget = 'validate' | 'dev' | 'qa';

interface EventBase {
  /** ISO time the event happened. */
  at: string;
  /** Webhook delivery id, when the event came from one. */
  deliveryId?: string;
}

export type WorkflowEvent = EventBase &
  (
    | {
        type: 'run.started';
        spec: WorkflowState['spec'];
        baseSha: string;
        branch: string;
        pr?: number;
        budget: Budget;
      }
    | { type: 'pr.opened'; pr: number }
    | {
        type: 'agent.finished';
        stopReason: string;
        summary?: string;
        commitSha?: string;
        changedFiles: number;
        spent: Partial<Ledger>;
      }
    | { type: 'gates.completed'; outcome: GatesOutcome }
    | { type: 'retry'; target: RetryTarget; by: string; raiseBudget?: Partial<Budget> }
    | { type: 'cancel'; by: string }
    | { type: 'spec.changed'; contentHash: string; baseSha: string }
    | { type: 'failed'; message: string }
  );

/** What the caller must do next, in order. */
export type Effect =
  | { type: 'run-agent'; mode: 'implement' | 'fix'; iteration: number }
  /** App: wait for the gates workflow on `headSha`; CLI: run the gates now. */
  | { type: 'run-gates'; headSha: string }
  /** App: re-run the gates workflow for the head commit. */
  | { type: 'rerun-gates'; headSha: string }
  | { type: 'revalidate' }
  | { type: 'mark-ready' }
  | { type: 'notify'; phase: Phase; reason: string };

export type Transition =
  | { kind: 'applied'; state: WorkflowState; effects: Effect[] }
  | { kind: 'ignored'; reason: string }
  | { kind: 'refused'; reason: string };

const ignored = (reason: string): Transition => ({ kind: 'ignored', reason });
const refused = (reason: string): Transition => ({ kind: 'refused', reason });

function remember(deliveries: readonly string[], deliveryId: string | undefined): string[] {
  if (!deliveryId || deliveries.includes(deliveryId)) return [...deliveries];
  return [...deliveries, deliveryId].slice(-MAX_REMEMBERED_DELIVERIES);
}

function lastAttempt(state: WorkflowState): Attempt | undefined {
  return state.attempts[state.attempts.length - 1];
}

function withLastAttempt(state: WorkflowState, patch: Partial<Attempt>): Attempt[] {
  const last = lastAttempt(state);
  if (!last) return state.attempts;
  return [...state.attempts.slice(0, -1), { ...last, ...patch }];
}

function newAttempt(iteration: number, mode: 'implement' | 'fix', at: string): Attempt {
  return {
    iteration,
    mode,
    startedAt: at,
    changedFiles: 0,
    spent: emptyLedger(),
  };
}

/** The fingerprint of the previous gate failure, to tell progress from going round in circles. */
function previousFailureFingerprint(state: WorkflowState): string | undefined {
  for (let i = state.attempts.length - 2; i >= 0; i--) {
    const fp = state.attempts[i]?.gates?.failureFingerprint;
    if (fp) return fp;
  }
  return undefined;
}

function describeFailure(outcome: GatesOutcome): string {
  const parts = [];
  if (outcome.failed.length) parts.push(`failing gates: ${outcome.failed.join(', ')}`);
  if (outcome.failedTests) parts.push(`${outcome.failedTests} failing test(s)`);
  if (outcome.errors) parts.push(`${outcome.errors} error(s)`);
  return parts.join('; ') || 'gates failed';
}

function onGatesCompleted(state: WorkflowState, outcome: GatesOutcome, at: string): Transition {
  if (state.phase !== 'qa') return ignored(`gate results arrived in phase ${state.phase}, not qa`);
  if (state.headSha && outcome.headSha !== state.headSha) {
    return ignored(`gate results are for ${outcome.headSha.slice(0, 7)}, the run waits for ${state.headSha.slice(0, 7)}`);
  }
  const attempts = withLastAttempt(state, { gates: outcome });
  const base = { ...state, attempts, updatedAt: at };
  if (outcome.conclusion === 'success') {
    return { kind: 'applied', state: { ...base, phase: 'ready', reason: undefined }, effects: [{ type: 'mark-ready' }] };
  }
  if (outcome.conclusion === 'error') {
    // A gate that could not run is not the code's fault: the agent cannot install a tool.
    const reason = `a gate could not run (${outcome.toolErrors.join('; ') || outcome.failed.join(', ')}); fix the workflow or tools, then \`/spec retry qa\``;
    return { kind: 'applied', state: { ...base, phase: 'needs-human', reason }, effects: [{ type: 'notify', phase: 'needs-human', reason }] };
  }
  const exhausted = fixBudgetExhausted(base);
  if (exhausted) {
    const reason = `${describeFailure(outcome)}; budget spent (${exhausted})`;
    return { kind: 'applied', state: { ...base, phase: 'needs-human', reason }, effects: [{ type: 'notify', phase: 'needs-human', reason }] };
  }
  const previous = previousFailureFingerprint(base);
  if (outcome.failureFingerprint && previous === outcome.failureFingerprint) {
    const reason = `${describeFailure(outcome)}; no progress: the same failures as the previous iteration`;
    return { kind: 'applied', state: { ...base, phase: 'needs-human', reason }, effects: [{ type: 'notify', phase: 'needs-human', reason }] };
  }
  const iteration = state.iteration + 1;
  return {
    kind: 'applied',
    state: { ...base, phase: 'fixing', iteration, attempts: [...attempts, newAttempt(iteration, 'fix', at)], reason: undefined },
    effects: [{ type: 'run-agent', mode: 'fix', iteration }],
  };
}

function onAgentFinished(state: WorkflowState, event: Extract<WorkflowEvent, { type: 'agent.finished' }>): Transition {
  if (state.phase !== 'developing' && state.phase !== 'fixing') return ignored(`agent result arrived in phase ${state.phase}`);
  const ledger = addToLedger(state.ledger, event.spent);
  const last = lastAttempt(state);
  const attempts = withLastAttempt(state, {
    finishedAt: event.at,
    stopReason: event.stopReason,
    summary: event.summary,
    commitSha: event.commitSha,
    changedFiles: event.changedFiles,
    spent: addToLedger(last?.spent ?? emptyLedger(), event.spent),
  });
  const base = { ...state, ledger, attempts, updatedAt: event.at };
  if (event.stopReason !== 'finished') {
    const kept = event.commitSha ? ` Its partial work is in ${event.commitSha.slice(0, 7)}.` : '';
    // An error's summary says what failed and its fix (a refused key, an unreachable model): the
    // person reading the PR needs it, not only the stop reason.
    const why = event.stopReason === 'error' && event.summary ? `: ${event.summary.trim().replace(/([^.])$/, '$1.')}` : '.';
    const reason = `the agent stopped early (${event.stopReason})${why}${kept}`;
    return { kind: 'applied', state: { ...base, phase: 'needs-human', reason }, effects: [{ type: 'notify', phase: 'needs-human', reason }] };
  }
  if (!event.commitSha || event.changedFiles === 0) {
    const reason = 'the agent finished without changing any file';
    return { kind: 'applied', state: { ...base, phase: 'needs-human', reason }, effects: [{ type: 'notify', phase: 'needs-human', reason }] };
  }
  return {
    kind: 'applied',
    state: { ...base, phase: 'qa', headSha: event.commitSha, reason: undefined },
    effects: [{ type: 'run-gates', headSha: event.commitSha }],
  };
}

function onRetry(state: WorkflowState, event: Extract<WorkflowEvent, { type: 'retry' }>): Transition {
  const budget = { ...state.budget, ...event.raiseBudget };
  const base: WorkflowState = { ...state, budget, updatedAt: event.at };
  if (event.target === 'qa') {
    if (!state.headSha) return refused('there is no commit to check yet; use `/spec retry dev`');
    if (state.phase === 'developing' || state.phase === 'fixing') return refused(`the agent is still working (phase ${state.phase})`);
    return {
      kind: 'applied',
      state: { ...base, phase: 'qa', reason: undefined },
      effects: [{ type: 'rerun-gates', headSha: state.headSha }],
    };
  }
  if (event.target === 'validate') {
    if (state.phase === 'developing' || state.phase === 'fixing') return refused(`the agent is still working (phase ${state.phase})`);
    return { kind: 'applied', state: { ...base, reason: undefined }, effects: [{ type: 'revalidate' }] };
  }
  if (state.phase === 'developing' || state.phase === 'fixing') return refused(`the agent is already working (phase ${state.phase})`);
  // With gate failures on record the retry is one more fix iteration; otherwise the
  // implementation starts over. Either must fit in the budget, which an admin may raise.
  const mode = state.attempts.some((a) => a.gates && a.gates.conclusion !== 'success') ? 'fix' : 'implement';
  const exhausted = mode === 'fix' ? fixBudgetExhausted(base) : spendingExhausted(base);
  if (exhausted) {
    const how = event.raiseBudget ? 'even after raising it' : 'an admin can raise it with `/spec retry dev --budget <usd>`';
    return refused(`the budget is spent (${exhausted}); ${how}`);
  }
  const iteration = mode === 'fix' ? state.iteration + 1 : 0;
  const phase: Phase = mode === 'fix' ? 'fixing' : 'developing';
  return {
    kind: 'applied',
    state: { ...base, iteration, phase, reason: undefined, attempts: [...state.attempts, newAttempt(iteration, mode, event.at)] },
    effects: [{ type: 'run-agent', mode, iteration }],
  };
}

/**
 * Starts a run: a fresh state for a spec, or a restart of an existing run whose spec
 * changed (the branch and PR are reused, the ledger kept).
 */
export function startRun(event: Extract<WorkflowEvent, { type: 'run.started' }>, previous?: WorkflowState): Transition {
  if (previous && ACTIVE_PHASES.includes(previous.phase) && previous.spec.contentHash === event.spec.contentHash) {
    return ignored(`a run for this version of ${event.spec.path} is already under way (phase ${previous.phase})`);
  }
  const state: WorkflowState = {
    version: STATE_VERSION,
    spec: event.spec,
    baseSha: event.baseSha,
    branch: event.branch,
    pr: event.pr ?? previous?.pr,
    phase: 'developing',
    iteration: 0,
    headSha: previous?.headSha,
    budget: event.budget,
    ledger: previous?.ledger ?? emptyLedger(),
    attempts: [...(previous?.attempts ?? []), newAttempt(0, 'implement', event.at)],
    deliveries: remember(previous?.deliveries ?? [], event.deliveryId),
    updatedAt: event.at,
  };
  return { kind: 'applied', state, effects: [{ type: 'run-agent', mode: 'implement', iteration: 0 }] };
}

/** Applies one event to a run's state. */
export function transition(state: WorkflowState, event: WorkflowEvent): Transition {
  if (event.deliveryId && state.deliveries.includes(event.deliveryId)) return ignored(`delivery ${event.deliveryId} was already handled`);
  const result = dispatch(state, event);
  if (result.kind !== 'applied') return result;
  return { ...result, state: { ...result.state, deliveries: remember(result.state.deliveries, event.deliveryId) } };
}

function dispatch(state: WorkflowState, event: WorkflowEvent): Transition {
  switch (event.type) {
    case 'run.started':
      return startRun(event, state);
    case 'pr.opened':
      if (state.pr === event.pr) return ignored(`PR #${event.pr} is already recorded`);
      return { kind: 'applied', state: { ...state, pr: event.pr, updatedAt: event.at }, effects: [] };
    case 'agent.finished':
      return onAgentFinished(state, event);
    case 'gates.completed':
      return onGatesCompleted(state, event.outcome, event.at);
    case 'retry':
      return onRetry(state, event);
    case 'cancel': {
      if (state.phase === 'cancelled') return ignored('the run is already cancelled');
      if (state.phase === 'ready') return refused('the run is finished (ready); close the PR instead');
      const reason = `cancelled by @${event.by}`;
      return { kind: 'applied', state: { ...state, phase: 'cancelled', reason, updatedAt: event.at }, effects: [{ type: 'notify', phase: 'cancelled', reason }] };
    }
    case 'spec.changed':
      if (event.contentHash === state.spec.contentHash) return ignored('the spec did not change');
      return { kind: 'applied', state: { ...state, updatedAt: event.at }, effects: [{ type: 'revalidate' }] };
    case 'failed': {
      const reason = `${event.message}; \`/spec retry\` resumes from here`;
      if (state.phase === 'failed' && state.reason === reason) return ignored('the failure is already recorded');
      return { kind: 'applied', state: { ...state, phase: 'failed', reason, updatedAt: event.at }, effects: [{ type: 'notify', phase: 'failed', reason }] };
    }
  }
}
