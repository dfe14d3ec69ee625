/**
 * Budgets for a whole run (all iterations together): turns, tokens, cost and wall time.
 * The loop checks them before every model call and after every response, and stops
 * with the budget's name as the stated reason.
 */
import type { AgentConfig } from '../config/schema.js';
import { addTokens, totalTokens, ZERO_TOKENS, type TokenTotals } from './usage.js';

export interface Budgets {
  turns: number;
  tokens: number;
  costUsd: number;
  wallMs: number;
}

/** What the run has spent so far, across iterations. */
export interface Spent {
  turns: number;
  tokens: TokenTotals;
  costUsd: number;
  /** When the run started (clock milliseconds); wall time counts from here. */
  startedAtMs: number;
}

export type BudgetStop = 'budget:turns' | 'budget:tokens' | 'budget:cost' | 'budget:time';

export interface BudgetVerdict {
  stop: BudgetStop;
  /** For people: what ran out, with the numbers and the key to raise. */
  message: string;
}

/** Nothing spent yet: a run starting at `nowMs`. */
export function nothingSpent(nowMs: number): Spent {
  return { turns: 0, tokens: ZERO_TOKENS, costUsd: 0, startedAtMs: nowMs };
}

/** `spent` plus what one iteration used (an AgentOutcome has these fields). */
export function addSpent(spent: Spent, used: { turns: number; tokens: TokenTotals; costUsd: number }): Spent {
  return { turns: spent.turns + used.turns, tokens: addTokens(spent.tokens, used.tokens), costUsd: spent.costUsd + used.costUsd, startedAtMs: spent.startedAtMs };
}

/** The budgets configured for the agent. */
export function budgetsOf(agent: AgentConfig): Budgets {
  return {
    turns: agent.budgets.turns,
    tokens: agent.budgets.tokens,
    costUsd: agent.budgets.costUsd,
    wallMs: agent.budgets.wallMinutes * 60_000,
  };
}

/**
 * The first budget that `spent` has used up at `nowMs`, or undefined. Turns are checked
 * as "no turn left", the others as "reached or exceeded".
 */
export function exhaustedBudget(spent: Spent, budgets: Budgets, nowMs: number): BudgetVerdict | undefined {
  if (spent.turns >= budgets.turns) {
    return { stop: 'budget:turns', message: `Turn budget used up: ${spent.turns} of ${budgets.turns} model calls (agent.budgets.turns).` };
  }
  const tokens = totalTokens(spent.tokens);
  if (tokens >= budgets.tokens) {
    return { stop: 'budget:tokens', message: `Token budget used up: ${tokens} of ${budgets.tokens} tokens (agent.budgets.tokens).` };
  }
  if (spent.costUsd >= budgets.costUsd) {
    return { stop: 'budget:cost', message: `Cost budget used up: $${spent.costUsd.toFixed(4)} of $${budgets.costUsd} (agent.budgets.costUsd).` };
  }
  const elapsed = nowMs - spent.startedAtMs;
  if (elapsed >= budgets.wallMs) {
    return {
      stop: 'budget:time',
      message: `Wall-time budget used up: ${(elapsed / 60_000).toFixed(1)} of ${budgets.wallMs / 60_000} minutes (agent.budgets.wallMinutes).`,
    };
  }
  return undefined;
}
