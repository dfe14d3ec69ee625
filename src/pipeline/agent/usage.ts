/**
 * Token and cost accounting. Every model call's usage is kept (input, output, cache
 * writes at each lifetime, cache reads) and priced from the model list (models.ts) with
 * `agent.prices` from configuration merged over it (USD per million tokens, by model
 * id), so a run's cost is known without asking anyone, or said to be unknown.
 */
import type { AgentConfig } from '../config/schema.js';
import type { Usage } from './model-port.js';
import { canonicalModelId, DEFAULT_PRICES } from './models.js';

export interface TokenTotals {
  inputTokens: number;
  outputTokens: number;
  /** Cache writes at both lifetimes. */
  cacheWriteTokens: number;
  /**
   * The part of {@link cacheWriteTokens} written with the 1-hour lifetime (the rest: 5
   * minutes). Optional: the run's ledger keeps only the total.
   */
  cacheWrite1hTokens?: number;
  cacheReadTokens: number;
}

/** USD per million tokens. */
export interface Price {
  input: number;
  output: number;
  /** A 5-minute cache write. */
  cacheWrite: number;
  /** A 1-hour cache write; absent in an older configuration: 1.6 × the 5-minute price (2 × input against 1.25 ×). */
  cacheWrite1h?: number;
  cacheRead: number;
}

export const ZERO_TOKENS: TokenTotals = Object.freeze({ inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0, cacheReadTokens: 0 });

/** Only a count the API could send: a missing, null, negative or non-finite value counts as 0. */
function count(n: number | null | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** The API's usage object as totals. */
export function tokensOf(usage: Usage | undefined): TokenTotals {
  const cacheWriteTokens = count(usage?.cache_creation_input_tokens);
  return {
    inputTokens: count(usage?.input_tokens),
    outputTokens: count(usage?.output_tokens),
    cacheWriteTokens,
    // The split by lifetime (`cache_creation`) never exceeds the total it splits.
    cacheWrite1hTokens: Math.min(cacheWriteTokens, count(usage?.cache_creation?.ephemeral_1h_input_tokens)),
    cacheReadTokens: count(usage?.cache_read_input_tokens),
  };
}

export function addTokens(a: TokenTotals, b: TokenTotals): TokenTotals {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheWrite1hTokens: (a.cacheWrite1hTokens ?? 0) + (b.cacheWrite1hTokens ?? 0),
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  };
}

/** Every token the model processed: uncached input, cache writes, cache reads and output. The token budget counts this. */
export function totalTokens(t: Pick<TokenTotals, 'inputTokens' | 'outputTokens' | 'cacheWriteTokens' | 'cacheReadTokens'>): number {
  return t.inputTokens + t.outputTokens + t.cacheWriteTokens + t.cacheReadTokens;
}

/** Cost in USD. */
export function costOf(t: TokenTotals, price: Price): number {
  const write1h = price.cacheWrite1h ?? price.cacheWrite * 1.6;
  const written1h = Math.min(t.cacheWrite1hTokens ?? 0, t.cacheWriteTokens);
  const written5m = t.cacheWriteTokens - written1h;
  return (
    (t.inputTokens * price.input + t.outputTokens * price.output + written5m * price.cacheWrite + written1h * write1h + t.cacheReadTokens * price.cacheRead) /
    1_000_000
  );
}

/** The list prices with the configured ones merged over them (configuration wins per model id). */
export function pricesOf(agent: Pick<AgentConfig, 'prices'>): Record<string, Price> {
  return { ...DEFAULT_PRICES, ...agent.prices };
}

function lookup(model: string, prices: Readonly<Record<string, Price>>): Price | undefined {
  const exact = prices[model];
  if (exact) return exact;
  const prefix = Object.keys(prices)
    .filter((id) => model.startsWith(`${id}-`) || model.startsWith(`${id}@`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : prices[prefix];
}

/**
 * The price of `model` in `prices` (pass {@link pricesOf}): the exact id, else the
 * longest id that the model id starts with (`claude-sonnet-4-5` prices
 * `claude-sonnet-4-5-20250929`), else the same for the Claude API id behind a Bedrock or
 * Vertex form of it. Undefined when none matches: the run's cost is then unknown.
 */
export function priceFor(model: string, prices: Readonly<Record<string, Price>>): Price | undefined {
  return lookup(model, prices) ?? lookup(canonicalModelId(model), prices);
}
