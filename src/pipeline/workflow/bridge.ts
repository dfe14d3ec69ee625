/**
 * Translations between the workflow state and the parts it coordinates: configuration
 * becomes a budget, an agent outcome becomes ledger entries, gate results become the
 * outcome the state machine decides on. The app and the CLI both go through here, so
 * a run makes the same decisions wherever it runs.
 */
import { failureFingerprint } from '../agent/failures.js';
import type { AgentOutcome } from '../agent/loop.js';
import type { Spent } from '../agent/budgets.js';
import type { AgentConfig } from '../config/schema.js';
import { countBySeverity } from '../diagnostic.js';
import { conclusionOf, type GateResult } from '../gate-result.js';
import type { Budget, GatesOutcome, Ledger } from './state.js';

export function budgetFromConfig(agent: AgentConfig): Budget {
  return {
    maxIterations: agent.maxIterations,
    turns: agent.budgets.turns,
    tokens: agent.budgets.tokens,
    costUsd: agent.budgets.costUsd,
  };
}

/** What one agent iteration spent, as ledger entries. */
export function spentOf(outcome: Pick<AgentOutcome, 'turns' | 'tokens' | 'costUsd'> & Partial<Pick<AgentOutcome, 'costKnown' | 'calls'>>): Ledger {
  const { inputTokens, outputTokens, cacheWriteTokens, cacheReadTokens } = outcome.tokens;
  const unpriced = outcome.costKnown === false ? (outcome.calls?.length ?? outcome.turns) : 0;
  return { turns: outcome.turns, inputTokens, outputTokens, cacheWriteTokens, cacheReadTokens, costUsd: outcome.costUsd, ...(unpriced > 0 ? { unpricedTurns: unpriced } : {}) };
}

/** The run's ledger as the agent's carried-over spending, so budgets hold across iterations and retries. */
export function spentFromLedger(ledger: Ledger, startedAtMs: number): Spent {
  const { turns, costUsd, inputTokens, outputTokens, cacheWriteTokens, cacheReadTokens } = ledger;
  return { turns, costUsd, tokens: { inputTokens, outputTokens, cacheWriteTokens, cacheReadTokens }, startedAtMs };
}

/** The gate results of one commit, reduced to what the state machine decides on. */
export function gatesOutcomeOf(headSha: string, results: readonly GateResult[]): GatesOutcome {
  const conclusion = conclusionOf(results);
  const counts = countBySeverity(results.flatMap((r) => r.diagnostics));
  return {
    headSha,
    conclusion,
    failed: results.filter((r) => r.status === 'failed' || r.status === 'error').map((r) => r.gate),
    errors: counts.error,
    warnings: counts.warning,
    failedTests: results.reduce((n, r) => n + (r.tests ? r.tests.failed + r.tests.errored : 0), 0),
    failureFingerprint: conclusion === 'success' ? undefined : failureFingerprint(results),
    toolErrors: results.flatMap((r) => (r.status === 'error' && r.error ? [`${r.gate}: ${r.error.message}`] : [])),
  };
}
