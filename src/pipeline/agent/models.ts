/**
 * The Claude models the agent knows, with their list prices, as data. Configured prices
 * (`agent.prices`) are merged over these, so adding one price keeps the others; a model
 * with no price here or in configuration runs with its cost unknown (the token budget
 * still holds).
 *
 * Prices are USD per million tokens from Anthropic's pricing pages (platform.claude.com,
 * models overview and pricing), December 2026: input, output, a 5-minute cache write
 * (1.25 × input), a 1-hour cache write (2 × input) and a cache read (0.1 × input).
 * Claude Haiku 5.5 is left out on purpose: its price depends on the prompt's length
 * (up to and over 100,000 tokens), which one flat price would misstate; configure one
 * to give it a cost budget.
 */
import type { Price } from './usage.js';

/** The default model: the current Sonnet, the best balance of speed and capability for coding. */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

function listPrice(input: number, output: number): Price {
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { input, output, cacheWrite: round(input * 1.25), cacheWrite1h: round(input * 2), cacheRead: round(input * 0.1) };
}

/** Claude API ids (the dateless form from the 4.6 generation on; aliases for the older ones). */
export const DEFAULT_PRICES: Readonly<Record<string, Price>> = Object.freeze({
  // Current
  'claude-fable-5-1': listPrice(10, 50),
  'claude-opus-5-5': listPrice(4, 20),
  'claude-sonnet-5-5': listPrice(2, 10),
  // Legacy, still served
  'claude-fable-5': listPrice(10, 50),
  'claude-opus-5': listPrice(5, 25),
  'claude-sonnet-5': listPrice(2, 10),
  'claude-opus-4-8': listPrice(5, 25),
  'claude-opus-4-7': listPrice(5, 25),
  'claude-opus-4-6': listPrice(5, 25),
  'claude-sonnet-4-6': listPrice(3, 15),
  'claude-opus-4-5': listPrice(5, 25),
  'claude-sonnet-4-5': listPrice(3, 15),
  'claude-haiku-4-5': listPrice(1, 5),
});

/**
 * The Claude API id behind a provider's form of it, for the price lookup:
 * `us.anthropic.claude-sonnet-4-5-20250929-v1:0` (a Bedrock inference profile),
 * `anthropic.claude-opus-4-6-v1`, a Bedrock ARN, or `claude-haiku-4-5@20251001` (Vertex)
 * all give the Claude API id. Ids in the API's own form come back unchanged.
 */
export function canonicalModelId(model: string): string {
  let id = model.trim();
  const arn = /^arn:aws[\w-]*:bedrock:[^:]*:[^:]*:(?:foundation-model|inference-profile|application-inference-profile)\/(.+)$/.exec(id);
  if (arn) id = arn[1]!;
  id = id.replace(/^(?:us|eu|apac|global|jp|au|ca|us-gov)\.(?=anthropic\.)/, '');
  id = id.replace(/^anthropic\./, '');
  id = id.replace(/-v\d+(?::\d+)?$/, '');
  id = id.replace(/@(\d{8})$/, '-$1');
  return id;
}
