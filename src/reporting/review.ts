/**
 * Plans the pull request review of a gates run (rules 14–16 of
 * shared/reference/github-and-gates.md): inline comments only on lines inside a diff
 * hunk, at most N of ours alive on the PR at a time (most important first), the rest
 * listed in the review body, a ```suggestion where the tool's fix covers exactly the
 * commented lines, and a hidden fingerprint marker on every comment so the next run
 * posts only what is new and deletes our own outdated comments (never ones with
 * replies, never anyone else's). Pure: the caller reads the PR's files and existing
 * comments, and `src/github/apply-review.ts` applies the plan.
 */
import type { Diagnostic, TextEdit } from '../pipeline/diagnostic.js';
import type { DiffIndex } from './diff.js';
import { anchorPath, findingListItem, safeUrl } from './finding.js';
import { orderByImportance, severityIcon } from './importance.js';
import { escapeInline, longestRun, plural } from './markdown.js';
import { COMMENT_BODY_LIMIT, byteLength, composeWithinLimit, formatCount, truncatePlain } from './truncate.js';

/** reviewdog's cap: more inline comments than this is noise, not review. */
export const DEFAULT_MAX_INLINE_COMMENTS = 30;
/** GitHub's own bot identity when the action runs with GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

const MARKER_RE = /<!-- spec-automation:v1 gate=([A-Za-z0-9._%-]{1,200}) fp=([A-Za-z0-9-]{1,100}) -->/;
const MESSAGE_CHARS = 4000;
/** Larger replacements are not suggested: the comment body (≤ 65,535) must hold them whole. */
const MAX_SUGGESTION_BYTES = 32 * 1024;

/** `<!-- spec-automation:v1 gate=<g> fp=<fingerprint> -->`, the identity of one comment. */
export function reviewMarker(gate: string, fingerprint: string): string {
  const g = encodeURIComponent(gate).replace(/[^A-Za-z0-9._%-]/g, '_').slice(0, 200) || '_';
  const fp = fingerprint.replace(/[^A-Za-z0-9-]/g, '').slice(0, 100) || '_';
  return `<!-- spec-automation:v1 gate=${g} fp=${fp} -->`;
}

/** The gate and fingerprint in a comment body, if it carries our marker. */
export function parseReviewMarker(body: string | null | undefined): { gate: string; fingerprint: string } | undefined {
  if (typeof body !== 'string') return undefined;
  const m = MARKER_RE.exec(body);
  if (!m) return undefined;
  let gate: string;
  try {
    gate = decodeURIComponent(m[1]!);
  } catch {
    gate = m[1]!;
  }
  return { gate, fingerprint: m[2]! };
}

/** The fields of a `GET /repos/{owner}/{repo}/pulls/{pull_number}/comments` entry this module reads. */
export interface ExistingReviewComment {
  id: number;
  body?: string | null;
  user?: { login?: string | null } | null;
  in_reply_to_id?: number | null;
  path?: string;
  /** null when GitHub considers the comment outdated (its line changed). */
  line?: number | null;
}

/** One inline comment as `POST …/pulls/{pull_number}/reviews` takes it in `comments[]`. */
export interface PlannedComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/** A planned comment and the finding behind it. */
export interface PlannedInline {
  comment: PlannedComment;
  diagnostic: Diagnostic;
  hasSuggestion: boolean;
}

export interface ReviewRequest {
  commit_id?: string;
  event: 'COMMENT';
  body: string;
  comments: PlannedComment[];
}

export interface ReviewPlan {
  /** The review to create; undefined when there is nothing new to say. */
  review?: ReviewRequest;
  inline: PlannedInline[];
  /** New findings on changed lines that did not get an inline comment (over the cap). */
  overflow: Diagnostic[];
  /** Our comments to delete: their finding is gone (or moved) and nobody replied. */
  deletions: number[];
  /** Our outdated comments kept because someone replied. */
  keptForReplies: number[];
  /** The cap the plan was made with. */
  maxInline: number;
  stats: {
    /** Findings on commentable lines. */
    onChangedLines: number;
    outsideDiff: number;
    alreadyCommented: number;
  };
}

export interface ReviewPlanInput {
  diagnostics: readonly Diagnostic[];
  diff: DiffIndex;
  existing?: readonly ExistingReviewComment[];
  /** Login whose marked comments are ours (`github-actions[bot]`, or the app's `<slug>[bot]`). */
  ourLogin?: string;
  /** Gates that ran this time; our comments of other gates are left alone. Default: the sources of `diagnostics`. */
  gates?: readonly string[];
  /** Cap on our inline comments alive on the PR. Default 30. */
  maxInline?: number;
  /** The head commit the findings are about (pins the review to it). */
  commitId?: string;
  /** `diagnostics` are already in importance order (`orderRun`'s findings): not sorted again. */
  ordered?: boolean;
}

interface Anchor {
  start: number;
  end: number;
  suggestion?: string;
}

/** Code point offset of (line, column) in `lines[first..]`, or undefined when out of range. */
function offsetOf(lines: string[][], first: number, line: number, column: number): number | undefined {
  const index = line - first;
  if (index === lines.length && column === 1) {
    return lines.reduce((n, l) => n + l.length + 1, 0);
  }
  const text = lines[index];
  if (!text || column < 1 || column > text.length + 1) return undefined;
  let offset = 0;
  for (let i = 0; i < index; i++) offset += lines[i]!.length + 1;
  return offset + column - 1;
}

/** The last line an edit touches: an end at column 1 of the next line ends the previous one. */
function lastLineOf(edit: TextEdit): number {
  const { start, end } = edit.range;
  return end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
}

/**
 * The replacement for lines `start..end` when the finding's fix edits only those
 * lines and the diff shows all of them; undefined otherwise (no suggestion is
 * better than a wrong one).
 */
export function suggestionFor(d: Diagnostic, diff: DiffIndex, path: string): Anchor | undefined {
  const edits = d.fix?.edits ?? [];
  if (edits.length === 0) return undefined;
  const start = Math.min(...edits.map((e) => e.range.start.line));
  const end = Math.max(...edits.map(lastLineOf));
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start) return undefined;
  if (!diff.hunkFor(path, start, end)) return undefined;
  const lines: string[][] = [];
  for (let l = start; l <= end; l++) {
    const text = diff.lineText(path, l);
    if (text === undefined) return undefined;
    lines.push(Array.from(text));
  }
  const spans: { from: number; to: number; text: string }[] = [];
  for (const e of edits) {
    const from = offsetOf(lines, start, e.range.start.line, e.range.start.column);
    const to = offsetOf(lines, start, e.range.end.line, e.range.end.column);
    if (from === undefined || to === undefined || to < from) return undefined;
    spans.push({ from, to, text: e.newText });
  }
  spans.sort((a, b) => b.from - a.from);
  for (let i = 1; i < spans.length; i++) if (spans[i]!.to > spans[i - 1]!.from) return undefined;
  const buffer = lines.map((l) => l.join('')).join('\n') + '\n';
  let chars = Array.from(buffer);
  for (const s of spans) chars = [...chars.slice(0, s.from), ...Array.from(s.text), ...chars.slice(s.to)];
  const result = chars.join('');
  if (result !== '' && !result.endsWith('\n')) return undefined;
  // A suggestion must arrive whole: a cut one would propose broken code.
  if (byteLength(result) > MAX_SUGGESTION_BYTES) return undefined;
  return { start, end, suggestion: result === '' ? '' : result.slice(0, -1) };
}

/** Where a finding can be commented, or undefined when its lines are outside the diff. */
function anchorFor(d: Diagnostic, diff: DiffIndex, path: string): Anchor | undefined {
  const fixed = suggestionFor(d, diff, path);
  if (fixed) return fixed;
  const start = Math.max(1, Math.floor(d.range.start.line));
  const end = Math.max(start, Math.floor(d.range.end?.line ?? start));
  if (diff.hunkFor(path, start, end)) return { start, end };
  if (diff.hunkFor(path, start)) return { start, end: start };
  return undefined;
}

/** A ```suggestion block whose fence is longer than any backtick run in the replacement. */
export function suggestionBlock(replacement: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(replacement, '`') + 1));
  return replacement === '' ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${replacement}\n${fence}`;
}

/** The Markdown of one inline comment, marker last (first lines show in notifications). */
export function commentBody(d: Diagnostic, suggestion?: string): string {
  const url = safeUrl(d.url);
  const rule = url ? `[${escapeInline(d.rule)}](${url})` : escapeInline(d.rule);
  const message = truncatePlain(d.message.trim(), { maxBytes: MESSAGE_CHARS * 4, maxChars: MESSAGE_CHARS })
    .split(/\r?\n/)
    .map(escapeInline)
    .join('  \n');
  const parts = [`${severityIcon(d)} **${escapeInline(d.source)}** ${rule}: ${message}`];
  if (d.hint) parts.push(`💡 ${escapeInline(truncatePlain(d.hint.trim(), { maxBytes: 4000, maxChars: 1000 }))}`);
  if (suggestion !== undefined) {
    if (d.fix?.description) parts.push(escapeInline(truncatePlain(d.fix.description, { maxBytes: 2000, maxChars: 500 })));
    parts.push(suggestionBlock(suggestion));
  }
  parts.push(reviewMarker(d.source, d.fingerprint));
  return truncatePlain(parts.join('\n\n'), COMMENT_BODY_LIMIT);
}

function isOurs(c: ExistingReviewComment, ourLogin: string): boolean {
  return (c.user?.login ?? '').toLowerCase() === ourLogin.toLowerCase() && parseReviewMarker(c.body) !== undefined;
}

/** What a review body reports. */
export interface ReviewBodyParts {
  /** Inline comments in this review. */
  inline: readonly PlannedInline[];
  /** New findings on changed lines without an inline comment (over the cap). */
  overflow: readonly Diagnostic[];
  outsideDiff: number;
  maxInline: number;
  /** Findings whose inline comment GitHub refused, with its reason. */
  refused?: { findings: readonly Diagnostic[]; reason: string };
  /** Part k of a review split after GitHub refused it whole. */
  part?: number;
}

/** The review body: non-empty (GitHub requires one with event COMMENT) and ≤ 65,535 characters. */
export function renderReviewBody(parts: ReviewBodyParts): string {
  const { inline, overflow, outsideDiff, maxInline, refused } = parts;
  const total = inline.length + overflow.length + (refused?.findings.length ?? 0);
  const headline =
    parts.part !== undefined
      ? `### spec-automation (part ${parts.part})`
      : `### spec-automation: ${plural(total, 'new finding')} on changed lines`;
  const lines = [headline, ''];
  if (inline.length > 0) {
    const suggestions = inline.filter((i) => i.hasSuggestion).length;
    lines.push(
      `${plural(inline.length, 'inline comment')} below${suggestions > 0 ? `, ${plural(suggestions, 'suggested change')} you can commit from the comment` : ''}.`,
    );
  }
  if (outsideDiff > 0 && parts.part === undefined) {
    lines.push(`${plural(outsideDiff, 'finding')} outside the changed lines ${outsideDiff === 1 ? 'is' : 'are'} in the check runs, not here.`);
  }
  const items: string[] = [];
  if (refused && refused.findings.length > 0) {
    lines.push('', `**GitHub refused these inline comments** (${escapeInline(refused.reason)}), so they are listed here:`, '');
    items.push(...refused.findings.map((d) => findingListItem(d, { showSource: true })));
  }
  if (overflow.length > 0) {
    const intro = `**Not commented inline** (at most ${formatCount(maxInline)} inline comments per pull request):`;
    // The intro is glued to the first overflow item, so it never shows alone.
    overflow.forEach((d, i) => items.push((i === 0 ? `\n${intro}\n\n` : '') + findingListItem(d, { showSource: true })));
  }
  if (items.length === 0) return lines.join('\n');
  return composeWithinLimit({
    head: lines.join('\n'),
    items,
    tail: (shown, all) => (shown < all ? `\n\n_Showing ${formatCount(shown)} of ${formatCount(all)}; the check runs list all of them._` : ''),
    limit: COMMENT_BODY_LIMIT,
  }).text;
}

/**
 * Plans the review. Returns no `review` when every finding on changed lines already
 * has its comment: a re-run with nothing new posts nothing.
 */
export function planReview(input: ReviewPlanInput): ReviewPlan {
  const maxInline = Math.max(0, Math.floor(input.maxInline ?? DEFAULT_MAX_INLINE_COMMENTS));
  const ourLogin = input.ourLogin ?? ACTIONS_BOT_LOGIN;
  const gates = new Set(input.gates ?? input.diagnostics.map((d) => d.source));
  const existing = input.existing ?? [];

  // Where each finding would go.
  const onChanged: { d: Diagnostic; path: string; anchor: Anchor }[] = [];
  let outsideDiff = 0;
  for (const d of input.ordered ? input.diagnostics : orderByImportance(input.diagnostics)) {
    const path = anchorPath(d.path);
    const anchor = path ? anchorFor(d, input.diff, path) : undefined;
    if (path && anchor) onChanged.push({ d, path, anchor });
    else outsideDiff += 1;
  }
  const current = new Set(input.diagnostics.map((d) => d.fingerprint));

  // What we already said, and what of it is outdated.
  const repliedTo = new Set(existing.map((c) => c.in_reply_to_id).filter((id): id is number => typeof id === 'number'));
  const live = new Set<string>();
  const deletions: number[] = [];
  const keptForReplies: number[] = [];
  for (const c of existing) {
    if (!isOurs(c, ourLogin) || typeof c.in_reply_to_id === 'number') continue;
    const marker = parseReviewMarker(c.body)!;
    if (!gates.has(marker.gate)) continue;
    const outdated = c.line === null;
    const duplicate = live.has(marker.fingerprint);
    if (current.has(marker.fingerprint) && !outdated && !duplicate) {
      live.add(marker.fingerprint);
      continue;
    }
    if (repliedTo.has(c.id)) keptForReplies.push(c.id);
    else deletions.push(c.id);
  }

  const fresh = onChanged.filter((x) => !live.has(x.d.fingerprint));
  const slots = Math.max(0, maxInline - live.size);
  const inline: PlannedInline[] = fresh.slice(0, slots).map(({ d, path, anchor }) => ({
    comment: {
      path,
      line: anchor.end,
      side: 'RIGHT',
      ...(anchor.start < anchor.end ? { start_line: anchor.start, start_side: 'RIGHT' as const } : {}),
      body: commentBody(d, anchor.suggestion),
    },
    diagnostic: d,
    hasSuggestion: anchor.suggestion !== undefined,
  }));
  const overflow = fresh.slice(slots).map((x) => x.d);

  const plan: ReviewPlan = {
    inline,
    overflow,
    deletions,
    keptForReplies,
    maxInline,
    stats: { onChangedLines: onChanged.length, outsideDiff, alreadyCommented: onChanged.length - fresh.length },
  };
  // Only new inline comments justify a review: a body-only review on every push is noise
  // (the overflow is in the check runs and is repeated here whenever a review is posted).
  if (inline.length > 0) {
    plan.review = {
      ...(input.commitId ? { commit_id: input.commitId } : {}),
      event: 'COMMENT',
      body: renderReviewBody({ inline, overflow, outsideDiff, maxInline }),
      comments: inline.map((i) => i.comment),
    };
  }
  return plan;
}
