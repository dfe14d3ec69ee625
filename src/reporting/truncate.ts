/**
 * Byte-safe truncation. GitHub limits check-run summaries to 65,535 characters AND
 * 65,535 UTF-8 bytes, job summaries to 1 MiB; emoji and CJK cost 3–4 bytes each, so
 * every limit here is measured with Buffer.byteLength, never with `.length` alone.
 */

/** A size limit in UTF-8 bytes and UTF-16 code units (what `.length` counts). */
export interface TextLimit {
  maxBytes: number;
  maxChars: number;
}

/** output.summary and output.text of a check run. */
export const CHECK_RUN_TEXT_LIMIT: TextLimit = { maxBytes: 65_535, maxChars: 65_535 };
/** An annotation's message or raw_details ("64 KB"). */
export const ANNOTATION_TEXT_LIMIT: TextLimit = { maxBytes: 65_535, maxChars: 65_535 };
/** One step's job summary (GITHUB_STEP_SUMMARY, 1 MiB). */
export const JOB_SUMMARY_LIMIT: TextLimit = { maxBytes: 1024 * 1024, maxChars: 1024 * 1024 };
/** A review or comment body (GitHub rejects bodies above 65,536 characters). */
export const COMMENT_BODY_LIMIT: TextLimit = { maxBytes: 65_535, maxChars: 65_535 };

/** Bytes kept free below every limit, as reviewdog does, against off-by-one surprises. */
export const HEADROOM_BYTES = 16;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** True when `text` is within both limits. */
export function fits(text: string, limit: TextLimit): boolean {
  return text.length <= limit.maxChars && byteLength(text) <= limit.maxBytes;
}

/** The limit minus `bytes` on both axes (never below 0). */
export function shrink(limit: TextLimit, bytes: number): TextLimit {
  return { maxBytes: Math.max(0, limit.maxBytes - bytes), maxChars: Math.max(0, limit.maxChars - bytes) };
}

/** The cost of `text` against a limit: whichever axis is tighter. */
function cost(text: string): number {
  return Math.max(text.length, byteLength(text));
}

/**
 * Longest prefix of `text` within the limit, cut at a code point boundary (never
 * half a surrogate pair, so never an invalid UTF-8 sequence).
 */
export function prefixWithin(text: string, limit: TextLimit): string {
  if (fits(text, limit)) return text;
  let bytes = 0;
  let chars = 0;
  let end = 0;
  for (const ch of text) {
    const b = byteLength(ch);
    if (bytes + b > limit.maxBytes || chars + ch.length > limit.maxChars) break;
    bytes += b;
    chars += ch.length;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** Cuts plain text (one field, not Markdown) to the limit, ending with `…` when cut. */
export function truncatePlain(text: string, limit: TextLimit, ellipsis = '…'): string {
  if (fits(text, limit)) return text;
  return prefixWithin(text, shrink(limit, byteLength(ellipsis))) + ellipsis;
}

interface Fence {
  char: '`' | '~';
  length: number;
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Tracks the Markdown a cut must close: an open code fence and open `<details>`. */
class OpenBlocks {
  fence: Fence | undefined;
  details = 0;

  /** Feeds one line (CommonMark fence rules, simplified). */
  push(line: string): void {
    const m = FENCE_LINE.exec(line);
    if (m) {
      const run = m[1]!;
      const char = run[0] as '`' | '~';
      if (!this.fence) {
        // A backtick fence's info string may not contain backticks.
        if (!(char === '`' && m[2]!.includes('`'))) this.fence = { char, length: run.length };
      } else if (char === this.fence.char && run.length >= this.fence.length && m[2]!.trim() === '') {
        this.fence = undefined;
      }
      return;
    }
    if (this.fence) return;
    this.details += (line.match(/<details[\s>]/g) ?? []).length;
    this.details = Math.max(0, this.details - (line.match(/<\/details>/g) ?? []).length);
  }

  /** What closes everything still open, starting with a newline. */
  closers(): string {
    let out = this.fence ? `\n${this.fence.char.repeat(this.fence.length)}` : '';
    for (let i = 0; i < this.details; i++) out += '\n</details>';
    return out;
  }

  clone(): OpenBlocks {
    const c = new OpenBlocks();
    c.fence = this.fence;
    c.details = this.details;
    return c;
  }
}

/** The code fence still open after `lines`, if any. */
export function openFenceAfter(lines: readonly string[]): Fence | undefined {
  const state = new OpenBlocks();
  for (const line of lines) state.push(line);
  return state.fence;
}

/**
 * Cuts Markdown to the limit on a line boundary, closes a code fence (and
 * `<details>`) left open by the cut, and appends `notice` (e.g. "showing 40 of
 * 5,000"). Returns `text` unchanged when it already fits.
 */
export function truncateMarkdown(text: string, limit: TextLimit, notice = '\n\n_…truncated_'): string {
  if (fits(text, limit)) return text;
  const budget = Math.min(limit.maxBytes, limit.maxChars) - HEADROOM_BYTES;
  const lines = text.split('\n');
  const state = new OpenBlocks();
  const noticeCost = cost(notice);
  let keptCount = 0;
  let used = 0;
  let closing = '';
  for (const line of lines) {
    const next = used + cost(line) + (keptCount > 0 ? 1 : 0);
    const after = state.clone();
    after.push(line);
    const close = after.closers();
    if (next + cost(close) + noticeCost > budget) break;
    state.push(line);
    keptCount += 1;
    used = next;
    closing = close;
  }
  if (keptCount === 0) {
    // A single line longer than the whole budget: cut inside it.
    const room = Math.max(0, budget - noticeCost - 16);
    const first = prefixWithin(lines[0] ?? '', { maxBytes: room, maxChars: room });
    const state1 = new OpenBlocks();
    state1.push(first);
    return first + state1.closers() + notice;
  }
  return lines.slice(0, keptCount).join('\n') + closing + notice;
}

/** Result of {@link composeWithinLimit}. */
export interface Composed {
  text: string;
  /** Items that made it in. */
  shown: number;
  total: number;
}

/**
 * Builds `head + items + tail` within the limit, keeping items in order and stopping
 * at the first one that does not fit, so "showing N of M" is exact and the most
 * important items (put first by the caller) are the ones kept. `tail(shown, total)`
 * renders the footer. Items are joined with `separator`.
 */
export function composeWithinLimit(options: {
  head: string;
  items: readonly string[];
  tail: (shown: number, total: number) => string;
  limit: TextLimit;
  separator?: string;
}): Composed {
  const { items, tail, separator = '\n' } = options;
  const budget = shrink(options.limit, HEADROOM_BYTES);
  const total = items.length;
  // Room for the widest footer we could need (a footer usually appears only when
  // items are dropped; its numbers change its size by a few digits, hence the slack).
  const tailReserve = Math.max(cost(tail(total, total)), cost(tail(0, total)), cost(tail(Math.max(0, total - 1), total))) + 16;
  const head = fits(options.head, shrink(budget, tailReserve))
    ? options.head
    : truncateMarkdown(options.head, shrink(budget, tailReserve));
  let used = cost(head);
  const kept: string[] = [];
  for (const item of items) {
    const add = cost(item) + cost(separator);
    if (used + add + tailReserve > Math.min(budget.maxBytes, budget.maxChars)) break;
    kept.push(item);
    used += add;
  }
  const body = kept.length > 0 ? head + separator + kept.join(separator) : head;
  return { text: body + tail(kept.length, total), shown: kept.length, total };
}

export { formatCount } from '../pipeline/format-count.js';
