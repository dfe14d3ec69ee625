/**
 * Token and cost accounting. Every model call's usage is kept (input, output, cache
 * write, cache read) and priced from `agent.prices` in configuration (USD per million
 * tokens, by model id), so a run's cost is known without asking anyone.
 */
import type { AgentConfig } from '../config/schema.js';
import type { Usage } from './model-port.js';

export interface TokenTotals {
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
}

/** USD per million tokens. */
export interface Price {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

export const ZERO_TOKENS: TokenTotals = Object.freeze({ inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 });

/** Only a count the API could send: a missing, null, negative or non-finite value counts as 0. */
function count(n: number | null | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** The API's usage object as totals. */
export function tokensOf(usage: Usage | undefined): TokenTotals {
  return {
    inputTokens: count(usage?.input_tokens),
    outputTokens: count(usage?.output_tokens),
    cacheWriteTokens: count(usage?.cache_creation_input_tokens),
    cacheReadTokens: count(usage?.cache_read_input_tokens),
  };
}

export function addTokens(a: TokenTotals, b: TokenTotals): TokenTotals {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  };
}

/** Every token the model processed: uncached input, cache writes, cache reads and output. The token budget counts this. */
export function totalTokens(t: TokenTotals): number {
  return t.inputTokens + t.outputTokens + t.cacheWriteTokens + t.cacheReadTokens;
}

/** Cost in USD. */
export function costOf(t: TokenTotals, price: Price): number {
  return (
    (t.inputTokens * price.input + t.outputTokens * price.output + t.cacheWriteTokens * price.cacheWrite + t.cacheReadTokens * price.cacheRead) /
    1_000_000
  );
}

/**
 * The price of `model`: the exact id, else the longest configured id that the model id
 * starts with (`claude-sonnet-4-6` prices `claude-sonnet-4-6-20260101`). Undefined when
 * none matches; the loop then refuses to start, because a cost budget it cannot
 * measure is no budget.
 */
export function priceFor(model: string, prices: AgentConfig['prices']): Price | undefined {
  const exact = prices[model];
  if (exact) return exact;
  const prefix = Object.keys(prices)
    .filter((id) => model.startsWith(`${id}-`) || model.startsWith(`${id}@`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : prices[prefix];
}
