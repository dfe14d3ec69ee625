/**
 * One finding as one line of Markdown, the unit every list in a summary, job
 * summary or review body is made of.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { normalizeRelative } from '../pipeline/repo-path.js';
import { severityIcon } from './importance.js';
import { codeSpan, escapeInline, oneLine } from './markdown.js';

/** Characters of a message shown in a list; the annotation carries the rest. */
export const LIST_MESSAGE_CHARS = 400;

/** A link target we are willing to render: http(s) only, nothing that could break the link syntax. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\/[^\s<>()"'`]+$/.test(url) && url.length <= 2000 ? url : undefined;
}

/**
 * The repo-relative path GitHub accepts for annotations and review comments, or
 * undefined when the finding cannot be anchored to a file (no path, absolute, or
 * outside the repository). Paths are normalized upstream; this is the last guard
 * so that a `\` can never reach GitHub (where the annotation would silently vanish).
 */
export function anchorPath(path: string): string | undefined {
  if (!path) return undefined;
  const slashed = path.trim().replace(/\\/g, '/');
  // Absolute paths mean the producer could not relativize them: never guess.
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return undefined;
  const p = normalizeRelative(slashed);
  if (p === '' || p === '.' || p.startsWith('/') || /^[A-Za-z]:/.test(p)) return undefined;
  if (p === '..' || p.startsWith('../') || p.includes('\\')) return undefined;
  return p;
}

/** `src/app.py:12:5`, `src/app.py:12-14`, or `''` for a finding not about a file. */
export function locationOf(d: Diagnostic): string {
  const path = anchorPath(d.path) ?? d.path.replace(/\\/g, '/');
  if (!path) return '';
  const line = d.range.start.line;
  const end = d.range.end?.line;
  if (end !== undefined && end > line) return `${path}:${line}-${end}`;
  return d.range.start.column ? `${path}:${line}:${d.range.start.column}` : `${path}:${line}`;
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * `- ❌ `src/app.py:3:8` **F401** `os` imported but unused ([docs](url))`
 * Message and hint are escaped (tool output is untrusted) and clipped.
 */
export function findingListItem(d: Diagnostic, options: { showSource?: boolean } = {}): string {
  const location = locationOf(d);
  const where = location ? `${codeSpan(location)} ` : '';
  const rule = options.showSource ? `${d.source} ${d.rule}` : d.rule;
  const url = safeUrl(d.url);
  const ruleText = url ? `[${escapeInline(rule)}](${url})` : escapeInline(rule);
  const message = escapeInline(clip(oneLine(d.message), LIST_MESSAGE_CHARS));
  const hint = d.hint ? ` — ${escapeInline(clip(oneLine(d.hint), 200))}` : '';
  return `- ${severityIcon(d)} ${where}**${ruleText}** ${message}${hint}`;
}
