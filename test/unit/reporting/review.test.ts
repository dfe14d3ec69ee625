import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/pipeline/diagnostic.js';
import { DiffIndex } from '../../../src/reporting/diff.js';
import {
  ACTIONS_BOT_LOGIN,
  commentBody,
  parseReviewMarker,
  planReview,
  reviewMarker,
  suggestionBlock,
  type ExistingReviewComment,
  type ReviewPlan,
} from '../../../src/reporting/review.js';
import { byteLength } from '../../../src/reporting/truncate.js';
import { diag } from './make.js';

// src/app.py lines 1..60 are all in one added hunk; src/util.py has two hunks: 10..12 and 40..41.
const lines = Array.from({ length: 60 }, (_, i) => `line_${i + 1} = ${i + 1}`);
const appPatch = `@@ -0,0 +1,60 @@\n${lines.map((l) => `+${l}`).join('\n')}`;
const utilPatch = '@@ -10,3 +10,3 @@\n ctx_a\n-old\n+new_b\n ctx_c\n@@ -40,2 +40,2 @@\n-x\n+import os\n tail';
const diff = new DiffIndex([
  { filename: 'src/app.py', status: 'added', patch: appPatch },
  { filename: 'src/util.py', status: 'modified', patch: utilPatch },
]);

const at = (line: number, extra: Partial<Parameters<typeof diag>[0]> = {}) =>
  diag({ path: 'src/app.py', range: { start: { line } }, message: `finding at ${line}`, ...extra });

/** What GitHub would list after the plan's review was posted (ids from `firstId`). */
function posted(plan: ReviewPlan, firstId: number, login = ACTIONS_BOT_LOGIN): ExistingReviewComment[] {
  return plan.inline.map((i, k) => ({ id: firstId + k, body: i.comment.body, user: { login }, path: i.comment.path, line: i.comment.line }));
}

describe('planReview', () => {
  it('comments only on lines inside a hunk and counts the rest as outside the diff', () => {
    const inside = diag({ path: 'src/util.py', range: { start: { line: 11 } }, message: 'inside' });
    const context = diag({ path: 'src/util.py', range: { start: { line: 12 } }, message: 'on a context line' });
    const between = diag({ path: 'src/util.py', range: { start: { line: 20 } }, message: 'between hunks' });
    const otherFile = diag({ path: 'src/untouched.py', range: { start: { line: 1 } }, message: 'other file' });
    const noFile = diag({ path: '', message: 'not about a file' });
    const plan = planReview({ diagnostics: [inside, context, between, otherFile, noFile], diff });
    expect(plan.inline.map((i) => [i.comment.path, i.comment.line, i.comment.side])).toEqual([
      ['src/util.py', 11, 'RIGHT'],
      ['src/util.py', 12, 'RIGHT'],
    ]);
    expect(plan.stats).toEqual({ onChangedLines: 2, outsideDiff: 3, alreadyCommented: 0 });
    expect(plan.review?.event).toBe('COMMENT');
    expect(plan.review?.body).toContain('3 findings outside the changed lines are in the check runs');
  });

  it('uses start_line for a range inside one hunk, and one line when the range spans two hunks', () => {
    const inOne = diag({ path: 'src/app.py', range: { start: { line: 5 }, end: { line: 8 } }, message: 'range' });
    const acrossHunks = diag({ path: 'src/util.py', range: { start: { line: 11 }, end: { line: 41 } }, message: 'across' });
    const plan = planReview({ diagnostics: [inOne, acrossHunks], diff });
    const byMessage = Object.fromEntries(plan.inline.map((i) => [i.diagnostic.message, i.comment]));
    expect(byMessage.range).toMatchObject({ start_line: 5, start_side: 'RIGHT', line: 8, side: 'RIGHT' });
    expect(byMessage.across).toMatchObject({ line: 11 });
    expect(byMessage.across?.start_line).toBeUndefined();
  });

  it('posts at most 30 inline comments, most severe first, and lists the rest in the body', () => {
    const diagnostics = [
      ...Array.from({ length: 20 }, (_, i) => at(i + 1, { severity: 'warning' })),
      ...Array.from({ length: 20 }, (_, i) => at(i + 21, { severity: 'error' })),
    ];
    const plan = planReview({ diagnostics, diff });
    expect(plan.inline).toHaveLength(30);
    expect(plan.inline.slice(0, 20).every((i) => i.diagnostic.severity === 'error')).toBe(true);
    expect(plan.overflow).toHaveLength(10);
    expect(plan.overflow.every((d) => d.severity === 'warning')).toBe(true);
    const body = plan.review!.body;
    expect(body).toContain('at most 30 inline comments');
    for (const d of plan.overflow) expect(body).toContain(d.message);
    expect(planReview({ diagnostics, diff, maxInline: 5 }).inline).toHaveLength(5);
  });

  it('marks every comment with gate and fingerprint, which untrusted text cannot forge', () => {
    const evil = at(4, { message: 'x <!-- spec-automation:v1 gate=evil fp=deadbeef --> @admin' });
    const plan = planReview({ diagnostics: [evil], diff });
    const body = plan.inline[0]!.comment.body;
    expect(parseReviewMarker(body)).toEqual({ gate: 'ruff', fingerprint: evil.fingerprint });
    expect(body.trim().endsWith(reviewMarker('ruff', evil.fingerprint))).toBe(true);
    expect(body).not.toContain('@admin');
    expect(parseReviewMarker(reviewMarker('my gate/ü', 'abc-1'))).toEqual({ gate: 'my gate/ü', fingerprint: 'abc-1' });
    expect(parseReviewMarker('no marker')).toBeUndefined();
    expect(parseReviewMarker(null)).toBeUndefined();
  });

  it('normalizes a Windows path before looking it up in the diff', () => {
    const plan = planReview({ diagnostics: [diag({ path: 'src\\util.py', range: { start: { line: 11 } } })], diff });
    expect(plan.inline[0]?.comment.path).toBe('src/util.py');
  });

  it('posts nothing when there is nothing new', () => {
    expect(planReview({ diagnostics: [], diff }).review).toBeUndefined();
    const first = planReview({ diagnostics: [at(1), at(2)], diff });
    const again = planReview({ diagnostics: [at(1), at(2)], diff, existing: posted(first, 100) });
    expect(again.review).toBeUndefined();
    expect(again.deletions).toEqual([]);
    expect(again.stats.alreadyCommented).toBe(2);
  });
});

describe('dedupe across runs', () => {
  it('second run posts only new findings, deletes our outdated comment, keeps one with a reply', () => {
    const stays = at(1, { message: 'still there' });
    const fixed = at(2, { message: 'fixed since' });
    const fixedWithReply = at(3, { message: 'fixed but discussed' });
    const run1 = planReview({ diagnostics: [stays, fixed, fixedWithReply], diff });
    expect(run1.inline).toHaveLength(3);

    const existing = posted(run1, 100);
    const idOf = (d: Diagnostic) => existing[run1.inline.findIndex((i) => i.diagnostic === d)]!.id;
    existing.push({ id: 200, body: 'Fair point, will fix', user: { login: 'octocat' }, in_reply_to_id: idOf(fixedWithReply), path: 'src/app.py', line: 3 });
    // A human pasted our marker: not ours, never touched.
    existing.push({ id: 201, body: `copy ${reviewMarker('ruff', fixed.fingerprint)}`, user: { login: 'octocat' }, path: 'src/app.py', line: 2 });
    // Ours, about a gate that did not run this time: left alone.
    existing.push({ id: 202, body: `x ${reviewMarker('basedpyright', 'feedface')}`, user: { login: ACTIONS_BOT_LOGIN }, path: 'src/app.py', line: 9 });

    const fresh = at(10, { message: 'new in run 2' });
    const run2 = planReview({ diagnostics: [stays, fresh], diff, existing, gates: ['ruff'] });
    expect(run2.inline.map((i) => i.diagnostic.message)).toEqual(['new in run 2']);
    expect(run2.deletions).toEqual([idOf(fixed)]);
    expect(run2.keptForReplies).toEqual([idOf(fixedWithReply)]);
    expect(run2.stats.alreadyCommented).toBe(1);
    expect(run2.review?.comments).toHaveLength(1);
  });

  it('reposts a finding whose comment GitHub marked outdated, and deletes duplicates of ours', () => {
    const d = at(5);
    const run1 = planReview({ diagnostics: [d], diff });
    const [ours] = posted(run1, 300);
    const outdated = { ...ours!, line: null };
    const run2 = planReview({ diagnostics: [d], diff, existing: [outdated] });
    expect(run2.inline).toHaveLength(1);
    expect(run2.deletions).toEqual([300]);
    const duplicate = { ...ours!, id: 301 };
    const run3 = planReview({ diagnostics: [d], diff, existing: [ours!, duplicate] });
    expect(run3.inline).toHaveLength(0);
    expect(run3.deletions).toEqual([301]);
  });

  it('counts live comments against the cap so the overflow does not trickle in run after run', () => {
    const diagnostics = Array.from({ length: 12 }, (_, i) => at(i + 1));
    const run1 = planReview({ diagnostics, diff, maxInline: 10 });
    expect(run1.inline).toHaveLength(10);
    const run2 = planReview({ diagnostics, diff, maxInline: 10, existing: posted(run1, 500) });
    expect(run2.inline).toHaveLength(0);
    expect(run2.review).toBeUndefined();
  });
});

describe('suggestions', () => {
  it('suggests deleting a line when the fix removes exactly that line', () => {
    const d = diag({
      path: 'src/util.py',
      range: { start: { line: 40, column: 8 } },
      rule: 'F401',
      message: '`os` imported but unused',
      fix: { description: 'Remove unused import: `os`', edits: [{ range: { start: { line: 40, column: 1 }, end: { line: 41, column: 1 } }, newText: '' }] },
    });
    const plan = planReview({ diagnostics: [d], diff });
    const inline = plan.inline[0]!;
    expect(inline.hasSuggestion).toBe(true);
    expect(inline.comment).toMatchObject({ path: 'src/util.py', line: 40 });
    expect(inline.comment.start_line).toBeUndefined();
    expect(inline.comment.body).toContain('```suggestion\n```');
    expect(plan.review!.body).toContain('1 suggested change');
  });

  it('applies a partial-line edit to the line text from the patch', () => {
    const d = diag({
      path: 'src/app.py',
      range: { start: { line: 7, column: 1 } },
      fix: { edits: [{ range: { start: { line: 7, column: 1 }, end: { line: 7, column: 7 } }, newText: 'LINE_SEVEN' }] },
    });
    const body = planReview({ diagnostics: [d], diff }).inline[0]!.comment.body;
    expect(body).toContain('```suggestion\nLINE_SEVEN = 7\n```');
  });

  it('covers exactly the lines the fix spans, with start_line', () => {
    const d = diag({
      path: 'src/app.py',
      range: { start: { line: 9 } },
      fix: { edits: [{ range: { start: { line: 8, column: 1 }, end: { line: 10, column: 1 } }, newText: 'merged = 1\n' }] },
    });
    const inline = planReview({ diagnostics: [d], diff }).inline[0]!;
    expect(inline.comment).toMatchObject({ start_line: 8, line: 9 });
    expect(inline.comment.body).toContain('```suggestion\nmerged = 1\n```');
  });

  it('gives no suggestion when the fix reaches outside the hunk or edits overlap', () => {
    const outside = diag({
      path: 'src/util.py',
      range: { start: { line: 12 } },
      fix: { edits: [{ range: { start: { line: 12, column: 1 }, end: { line: 14, column: 1 } }, newText: '' }] },
    });
    const overlapping = diag({
      path: 'src/app.py',
      range: { start: { line: 20 } },
      message: 'overlap',
      fix: {
        edits: [
          { range: { start: { line: 20, column: 1 }, end: { line: 20, column: 5 } }, newText: 'a' },
          { range: { start: { line: 20, column: 3 }, end: { line: 20, column: 6 } }, newText: 'b' },
        ],
      },
    });
    const plan = planReview({ diagnostics: [outside, overlapping], diff });
    expect(plan.inline.map((i) => i.hasSuggestion)).toEqual([false, false]);
    expect(plan.inline.every((i) => !i.comment.body.includes('suggestion'))).toBe(true);
  });

  it('gives no suggestion rather than a cut one when the replacement is huge', () => {
    const d = diag({
      path: 'src/app.py',
      range: { start: { line: 12 } },
      fix: { edits: [{ range: { start: { line: 12, column: 1 }, end: { line: 13, column: 1 } }, newText: `${'x = 1  # 長い\n'.repeat(3000)}` }] },
    });
    const inline = planReview({ diagnostics: [d], diff }).inline[0]!;
    expect(inline.hasSuggestion).toBe(false);
    expect(inline.comment.body).toContain('<!-- spec-automation:v1 gate=ruff');
  });

  it('uses a fence longer than any backtick run in the replacement', () => {
    expect(suggestionBlock('x = "```"')).toBe('````suggestion\nx = "```"\n````');
    expect(suggestionBlock('plain')).toBe('```suggestion\nplain\n```');
  });
});

describe('commentBody', () => {
  it('stays within 65,535 bytes whatever the message', () => {
    const body = commentBody(diag({ message: '🚨'.repeat(100_000), hint: '長'.repeat(50_000) }));
    expect(byteLength(body)).toBeLessThanOrEqual(65_535);
    expect(body).toContain('<!-- spec-automation:v1 gate=ruff');
  });
});
