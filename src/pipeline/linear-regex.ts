/**
 * Regular expressions that run in linear time, for every pattern a user or the model
 * supplies (the agent's `search`, a gate's `regex` parser, `traceability.patterns`).
 * JavaScript's engine backtracks: `^(a|a)*b` on 31 characters took 10.6 s and doubles
 * per character, and nothing can interrupt it on the event loop. RE2 (Google's, compiled
 * to WebAssembly by `re2-wasm`, so it bundles into the action and runs on Windows) never
 * backtracks; the price is that lookaround and backreferences do not exist, which the
 * error says.
 *
 * re2-wasm's heap is a fixed 16 MiB and each compiled pattern lives in it until freed,
 * so compiled patterns are kept in a small cache and freed when evicted, and callers cap
 * the text they match (a line, not a file).
 */
import './re2-location.js';
import { RE2, type RE2ExecArray } from 're2-wasm';
import { SpecAutomationError } from './errors.js';

/** A pattern that RE2 cannot compile, with what to change. */
export class PatternError extends SpecAutomationError {
  override readonly name = 'PatternError';
}

/** Longest text one match call gets: far below the heap, far above any line worth searching. */
export const MAX_MATCHED_CHARS = 1_000_000;

const CACHE_SIZE = 128;
const cache = new Map<string, RE2>();

function free(re: RE2): void {
  // The embind handle of the compiled pattern; without delete() it stays in the wasm heap.
  (re as unknown as { wrapper?: { delete?: () => void } }).wrapper?.delete?.();
}

function explain(pattern: string, error: unknown): PatternError {
  const raw = error instanceof Error ? error.message : String(error);
  const why = raw.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  const hint = /perl operator: \(\?[=!<]/.test(why)
    ? ' Lookahead and lookbehind are not supported (patterns run in linear time, with RE2): match the surrounding text instead.'
    : /escape sequence: \\[1-9]/.test(why)
      ? ' Backreferences are not supported (patterns run in linear time, with RE2).'
      : '';
  return new PatternError(`The pattern ${JSON.stringify(pattern.length > 200 ? `${pattern.slice(0, 200)}…` : pattern)} is not a valid regular expression: ${why}.${hint}`, { cause: error });
}

/**
 * The compiled linear-time form of `pattern` (JavaScript syntax, named groups
 * `(?<name>…)` included). Flags: `i`, `g`, `m`, `s`. Throws a {@link PatternError}.
 * The returned object is shared: use it synchronously (a `g` pattern's `lastIndex` is
 * reset by {@link execAll}) and do not keep it past the call.
 */
export function linearRegex(pattern: string, flags = ''): RE2 {
  const key = `${flags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let re: RE2;
  try {
    re = new RE2(pattern, `${flags.replace(/[^gims]/g, '')}u`);
  } catch (error) {
    throw explain(pattern, error);
  }
  cache.set(key, re);
  if (cache.size > CACHE_SIZE) {
    const [oldestKey, oldest] = cache.entries().next().value!;
    cache.delete(oldestKey);
    free(oldest);
  }
  return re;
}

function capped(text: string): string {
  return text.length > MAX_MATCHED_CHARS ? text.slice(0, MAX_MATCHED_CHARS) : text;
}

/** Whether `re` matches `text` (its first {@link MAX_MATCHED_CHARS} characters). */
export function testLinear(re: RE2, text: string): boolean {
  re.lastIndex = 0;
  return re.test(capped(text));
}

/** The first match of `re` in `text`, or null. */
export function execLinear(re: RE2, text: string): RE2ExecArray | null {
  re.lastIndex = 0;
  return re.exec(capped(text));
}

/** Every match of a `g` pattern in `text`, in order (re2-wasm has no matchAll). */
export function execAll(re: RE2, text: string): RE2ExecArray[] {
  if (!re.global) {
    const one = execLinear(re, text);
    return one ? [one] : [];
  }
  const input = capped(text);
  const out: RE2ExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    out.push(m);
    // An empty match would match again at the same place forever.
    if (m[0] === '') re.lastIndex = m.index + 1;
    if (re.lastIndex > input.length) break;
  }
  re.lastIndex = 0;
  return out;
}

/** How many capture groups `re` has (named ones included). */
export function groupCount(pattern: string, flags = ''): number {
  const m = execLinear(linearRegex(`${pattern}|`, flags.replace('g', '')), '');
  return m ? m.length - 1 : 0;
}
