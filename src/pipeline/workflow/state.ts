/**
 * The workflow state of one spec run: what the app keeps in the PR's state comment and
 * the CLI in `.spec-automation/state/`. Versioned and validated on read, because it comes
 * back from GitHub where anyone with write access could have edited it.
 */
import { z } from 'zod';
import { totalTokens } from '../agent/usage.js';
import { DOC_TYPES } from '../spec/model.js';
import { formatCount } from '../format-count.js';

export const STATE_VERSION = 1;

/** Exactly one `spec:<phase>` label is on a spec PR. */
export const PHASES = ['developing', 'qa', 'fixing', 'ready', 'needs-human', 'failed', 'cancelled'] as const;
export type Phase = (typeof PHASES)[number];

/** Phases in which work is under way: a crash leaves a run in one of these. */
export const ACTIVE_PHASES: readonly Phase[] = ['developing', 'qa', 'fixing'];

export function phaseLabel(phase: Phase): string {
  return `spec:${phase}`;
}

export function phaseFromLabel(label: string): Phase | undefined {
  const name = label.startsWith('spec:') ? label.slice('spec:'.length) : undefined;
  return PHASES.find((p) => p === name);
}

const nonNegative = z.number().finite().nonnegative();

export const ledgerSchema = z.object({
  turns: nonNegative.default(0),
  inputTokens: nonNegative.default(0),
  outputTokens: nonNegative.default(0),
  cacheWriteTokens: nonNegative.default(0),
  cacheReadTokens: nonNegative.default(0),
  costUsd: nonNegative.default(0),
  /**
   * Model calls made on a model without a price (agent.prices): their cost is not in
   * costUsd, so renderers say "cost unknown" instead of a dollar figure. Absent: none.
   */
  unpricedTurns: nonNegative.optional(),
});
/** What a run has spent so far, across every attempt and retry. */
export type Ledger = z.infer<typeof ledgerSchema>;

export const budgetSchema = z.object({
  /** Fix iterations after the first implementation. */
  maxIterations: z.number().int().nonnegative(),
  turns: z.number().int().positive(),
  tokens: z.number().int().positive(),
  costUsd: z.number().positive(),
});
/** Limits of a run; an admin may raise them. */
export type Budget = z.infer<typeof budgetSchema>;

export const gatesOutcomeSchema = z.object({
  headSha: z.string(),
  conclusion: z.enum(['success', 'failure', 'error']),
  /** Gate names that failed or errored. */
  failed: z.array(z.string()),
  errors: nonNegative,
  warnings: nonNegative,
  failedTests: nonNegative,
  /** Identity of the failure set; the same twice in a row means no progress. */
  failureFingerprint: z.string().optional(),
  /** Why a gate could not run, for `error` conclusions. */
  toolErrors: z.array(z.string()).default([]),
});
export type GatesOutcome = z.infer<typeof gatesOutcomeSchema>;

export const attemptSchema = z.object({
  iteration: z.number().int().nonnegative(),
  mode: z.enum(['implement', 'fix']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Why the agent stopped: `finished`, `budget:cost`, `error`, … */
  stopReason: z.string().optional(),
  summary: z.string().optional(),
  commitSha: z.string().optional(),
  changedFiles: nonNegative.default(0),
  spent: ledgerSchema.prefault({}),
  gates: gatesOutcomeSchema.optional(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const stateSchema = z.object({
  version: z.literal(STATE_VERSION),
  spec: z.object({
    path: z.string().min(1),
    type: z.enum(DOC_TYPES as [string, ...string[]]),
    id: z.string().min(1),
    title: z.string(),
    contentHash: z.string(),
  }),
  baseSha: z.string(),
  branch: z.string().min(1),
  pr: z.number().int().positive().optional(),
  phase: z.enum(PHASES),
  /** 0 is the implementation; 1… are fix iterations. */
  iteration: z.number().int().nonnegative(),
  /** The commit whose gate results the run is waiting for (phase `qa`). */
  headSha: z.string().optional(),
  budget: budgetSchema,
  ledger: ledgerSchema.prefault({}),
  attempts: z.array(attemptSchema).default([]),
  /** Why the run stopped, for `needs-human`, `failed` and `cancelled`. */
  reason: z.string().optional(),
  /** Recent webhook delivery ids, so a redelivery is a no-op (bounded). */
  deliveries: z.array(z.string()).default([]),
  updatedAt: z.string(),
});
export type WorkflowState = z.infer<typeof stateSchema>;

export const MAX_REMEMBERED_DELIVERIES = 50;

export function emptyLedger(): Ledger {
  return { turns: 0, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0 };
}

/** Adds what an attempt spent to the run's ledger. */
export function addToLedger(a: Ledger, b: Partial<Ledger>): Ledger {
  const unpriced = (a.unpricedTurns ?? 0) + (b.unpricedTurns ?? 0);
  return {
    ...(unpriced > 0 ? { unpricedTurns: unpriced } : {}),
    turns: a.turns + (b.turns ?? 0),
    inputTokens: a.inputTokens + (b.inputTokens ?? 0),
    outputTokens: a.outputTokens + (b.outputTokens ?? 0),
    cacheWriteTokens: a.cacheWriteTokens + (b.cacheWriteTokens ?? 0),
    cacheReadTokens: a.cacheReadTokens + (b.cacheReadTokens ?? 0),
    costUsd: a.costUsd + (b.costUsd ?? 0),
  };
}

/** Every token of a ledger (it has all of TokenTotals' fields), as the agent counts them. */
export { totalTokens };

/** The first spending limit the ledger has reached, described with its numbers, or undefined. */
export function spendingExhausted(state: Pick<WorkflowState, 'ledger' | 'budget'>): string | undefined {
  const { ledger, budget } = state;
  if (ledger.costUsd >= budget.costUsd) return `cost $${ledger.costUsd.toFixed(2)} of $${budget.costUsd.toFixed(2)}`;
  if (totalTokens(ledger) >= budget.tokens) return `tokens ${formatCount(totalTokens(ledger))} of ${formatCount(budget.tokens)}`;
  if (ledger.turns >= budget.turns) return `turns ${ledger.turns} of ${budget.turns}`;
  return undefined;
}

/** Why one more fix iteration is not allowed (spending or iteration limit), or undefined. */
export function fixBudgetExhausted(state: Pick<WorkflowState, 'ledger' | 'budget' | 'iteration'>): string | undefined {
  const spending = spendingExhausted(state);
  if (spending) return spending;
  if (state.iteration >= state.budget.maxIterations) return `fix iterations ${state.iteration} of ${state.budget.maxIterations}`;
  return undefined;
}
