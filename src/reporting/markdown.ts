/**
 * Markdown helpers for text that comes from outside (tool output, spec text, file
 * paths). Everything a tool prints is untrusted: it must not open HTML, forge our
 * hidden markers, ping people with @mentions or break out of a code span or table.
 */
import { formatCount } from '../pipeline/format-count.js';

/**
 * Escapes text for inline Markdown: emphasis, links, headings, HTML and mentions
 * render literally. `<` becomes `&lt;`, so a tool message can never contain a
 * `<!-- spec-automation… -->` marker of its own.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|~>]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}

/**
 * Escapes text for the inside of an HTML block (`<details><summary>…</summary>`). GitHub
 * does not read Markdown there, so backslash escapes and code spans do not protect
 * anything: only HTML escaping does. @mentions are broken as in {@link escapeInline}
 * (GitHub links them in HTML text too).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}

/** Code inside an HTML block: `<code>` with the text on one line, HTML-escaped. */
export function htmlCode(text: string): string {
  return `<code>${escapeHtml(oneLine(text))}</code>`;
}

/** Collapses whitespace and newlines: one finding, one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Longest run of `char` in `text` (0 when absent). */
export function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/** An inline code span that survives backticks inside `text`. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/**
 * A fenced code block whose fence is longer than any backtick run inside, so the
 * content cannot close it early (GitHub's rule for suggestion blocks too).
 */
export function fencedBlock(text: string, info = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  return `${fence}${info}\n${body}${fence}`;
}

/** Text for a Markdown table cell: no pipes, no newlines. */
export function tableCell(text: string): string {
  return escapeInline(oneLine(text));
}

/** Singular or plural with the count: `1 error`, `5,000 errors`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/** `1.2 s`, `340 ms`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
