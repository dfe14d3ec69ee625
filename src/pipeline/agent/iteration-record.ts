/**
 * What the orchestrator stores per iteration (CLI state file, the app's state comment):
 * enough to report what was tried, to add up the run's budgets, and to stop when a fix
 * iteration made no progress.
 */
import { conclusionOf, type GatesConclusion, type GateResult, type GateStatus } from '../gate-result.js';
import { failureFingerprint, collectFailures } from './failures.js';
import type { AgentOutcome, AgentStopReason } from './loop.js';
import type { TokenTotals } from './usage.js';

export interface GateOutcome {
  conclusion: GatesConclusion;
  /** {@link failureFingerprint} of the results. */
  fingerprint: string;
  /** Distinct failures (deduplicated as the fix prompt counts them). */
  failures: number;
  gates: Record<string, GateStatus>;
}

export interface IterationRecord {
  iteration: number;
  mode: 'implement' | 'fix';
  startedAt: string;
  durationMs: number;
  turns: number;
  tokens: TokenTotals;
  costUsd: number;
  stopReason: AgentStopReason;
  stopMessage: string;
  summary?: string;
  /** Paths the iteration's change set touched. */
  changedFiles: string[];
  /** Fix mode: fingerprint of the failures the iteration was asked to fix. */
  inputFingerprint?: string;
  /** Set once the gates have run on the iteration's commit. */
  gates?: GateOutcome;
}

/** The record of an iteration the agent has just run; the gates are added later with {@link withGateOutcome}. */
export function recordIteration(args: {
  iteration: number;
  mode: 'implement' | 'fix';
  startedAt: Date;
  outcome: AgentOutcome;
  inputFailures?: readonly GateResult[];
}): IterationRecord {
  const { outcome } = args;
  return {
    iteration: args.iteration,
    mode: args.mode,
    startedAt: args.startedAt.toISOString(),
    durationMs: outcome.durationMs,
    turns: outcome.turns,
    tokens: outcome.tokens,
    costUsd: outcome.costUsd,
    stopReason: outcome.stopReason,
    stopMessage: outcome.message,
    ...(outcome.summary !== undefined ? { summary: outcome.summary } : {}),
    changedFiles: outcome.changes.map((c) => c.path),
    ...(args.inputFailures ? { inputFingerprint: failureFingerprint(args.inputFailures) } : {}),
  };
}

/** The gate outcome of a set of results. */
export function gateOutcomeOf(results: readonly GateResult[]): GateOutcome {
  return {
    conclusion: conclusionOf(results),
    fingerprint: failureFingerprint(results),
    failures: collectFailures(results).length,
    gates: Object.fromEntries(results.map((r) => [r.gate, r.status])),
  };
}

/** The record with the outcome of the gates that ran on its commit. */
export function withGateOutcome(record: IterationRecord, results: readonly GateResult[]): IterationRecord {
  return { ...record, gates: gateOutcomeOf(results) };
}

/**
 * True when the last two iterations with gate outcomes both failed with the same failure
 * set: another fix iteration would be given the same failures and is not worth its cost.
 */
export function madeNoProgress(records: readonly IterationRecord[]): boolean {
  const judged = records.filter((r) => r.gates !== undefined);
  const last = judged[judged.length - 1]?.gates;
  const previous = judged[judged.length - 2]?.gates;
  if (!last || !previous) return false;
  return last.conclusion !== 'success' && previous.conclusion !== 'success' && last.fingerprint === previous.fingerprint;
}
