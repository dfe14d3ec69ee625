import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_PER_REQUEST,
  annotationFor,
  batchAnnotations,
  checkRunTitle,
  conclusionForGate,
  planCheckRunWrites,
  renderCheckRun,
} from '../../../src/reporting/check-run.js';
import { decodeResultsBlock } from '../../../src/reporting/results-block.js';
import { byteLength } from '../../../src/reporting/truncate.js';
import { countListItems, diag, fencesBalanced, gate, manyDiagnostics } from './make.js';

const LIMIT = 65_535;
const SHA = 'c0ffee'.padEnd(40, '0');
const fixedNow = () => new Date('2026-02-03T04:05:06.000Z');

function showing(summary: string): { shown: number; total: number } | undefined {
  const m = /Showing ([\d,]+) of ([\d,]+) findings/.exec(summary);
  return m ? { shown: Number(m[1]!.replace(/,/g, '')), total: Number(m[2]!.replace(/,/g, '')) } : undefined;
}

describe('renderCheckRun', () => {
  it('renders a clean gate as one completed create with a decodable results block', () => {
    const plan = renderCheckRun(gate(), { sha: SHA });
    expect(plan.name).toBe('spec-automation / ruff');
    expect(plan.conclusion).toBe('success');
    expect(plan.output.title).toBe('ruff: no findings');
    expect(plan.annotations).toEqual([]);
    const writes = planCheckRunWrites(plan, { headSha: SHA, now: fixedNow });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ kind: 'create', body: { status: 'completed', conclusion: 'success', head_sha: SHA } });
    expect(writes[0]!.body.output.annotations).toBeUndefined();
    const decoded = decodeResultsBlock(plan.output.summary);
    expect(decoded.ok && decoded.block).toMatchObject({ gate: 'ruff', status: 'passed', sha: SHA, totalFindings: 0, top: [] });
    expect(showing(plan.output.summary)).toBeUndefined();
  });

  it('puts 5,000 findings in 100 batches of 50 and a summary within 65,535 bytes that says how many it shows', () => {
    const diagnostics = manyDiagnostics(5000);
    const plan = renderCheckRun(gate({ diagnostics, status: 'failed' }), { sha: SHA });
    expect(plan.annotations).toHaveLength(5000);
    const summary = plan.output.summary;
    expect(byteLength(summary)).toBeLessThanOrEqual(LIMIT);
    expect(summary.length).toBeLessThanOrEqual(LIMIT);
    const note = showing(summary);
    expect(note?.total).toBe(5000);
    expect(note?.shown).toBe(countListItems(summary));
    expect(note!.shown).toBeGreaterThan(100);
    expect(note!.shown).toBeLessThan(5000);
    // Most important first: 1,667 errors come before any warning, so only errors fit.
    expect(note!.shown).toBeLessThan(1667);
    expect(summary).not.toContain('- ⚠️');
    expect(summary).toContain('**Errors**');

    const writes = planCheckRunWrites(plan, { headSha: SHA, now: fixedNow });
    expect(writes).toHaveLength(Math.ceil(5000 / ANNOTATIONS_PER_REQUEST));
    expect(writes[0]!.kind).toBe('create');
    expect(writes[0]!.body).toMatchObject({ status: 'in_progress' });
    expect(writes.slice(1).every((w) => w.kind === 'update')).toBe(true);
    expect(writes.every((w) => w.body.output.annotations!.length === 50)).toBe(true);
    // Every PATCH resends title, summary and text: a PATCH replaces the whole output.
    expect(writes.every((w) => w.body.output.title === plan.output.title && w.body.output.summary === summary)).toBe(true);
    expect(writes.slice(0, -1).some((w) => 'conclusion' in w.body)).toBe(false);
    expect(writes.at(-1)!.body).toMatchObject({ status: 'completed', conclusion: 'failure', completed_at: '2026-02-03T04:05:06.000Z' });
    const posted = writes.flatMap((w) => w.body.output.annotations ?? []);
    expect(posted).toEqual(plan.annotations);
  });

  it('stays within 65,535 bytes and characters with emoji and CJK, keeping "showing N of M" exact', () => {
    const message = (i: number) => `第${i}号の問題 🚨🔥 ${'漢字😀'.repeat(40)} — 絵文字テスト`;
    for (const n of [60, 126, 127, 128, 200, 2000]) {
      const plan = renderCheckRun(gate({ diagnostics: manyDiagnostics(n, { message }), status: 'failed' }));
      const summary = plan.output.summary;
      expect(byteLength(summary)).toBeLessThanOrEqual(LIMIT);
      expect(summary.length).toBeLessThanOrEqual(LIMIT);
      expect(fencesBalanced(summary)).toBe(true);
      expect(summary).not.toMatch(/\uFFFD/);
      const note = showing(summary);
      const items = countListItems(summary);
      if (note) expect(note).toEqual({ shown: items, total: n });
      else expect(items).toBe(n);
    }
  });

  it('keeps `text` within the limits and its fences closed when tracebacks are huge', () => {
    const cases = Array.from({ length: 300 }, (_, i) => ({
      id: `tests/test_app.py::test_${i}`,
      name: `test_${i}`,
      outcome: 'failed' as const,
      durationMs: 3,
      message: `AssertionError: 失敗 ${i} 💥`,
      details: `Traceback\n${'    assert window.title() == "待办事项 ✅"\n'.repeat(40)}\`\`\`\nE   AssertionError`,
    }));
    const tests = { total: 300, passed: 0, failed: 300, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 900, cases };
    const plan = renderCheckRun(gate({ gate: 'pytest', tool: 'pytest', status: 'failed', tests, diagnostics: [] }));
    const text = plan.output.text!;
    expect(byteLength(text)).toBeLessThanOrEqual(LIMIT);
    expect(fencesBalanced(text)).toBe(true);
    const m = /Showing (\d+) of 300 failing tests/.exec(text);
    expect(m).not.toBeNull();
    expect((text.match(/<details>/g) ?? []).length).toBe(Number(m![1]));
    expect((text.match(/<\/details>/g) ?? []).length).toBe(Number(m![1]));
    expect(plan.output.title).toBe('pytest: 300 failed, 0 passed');
  });

  it('maps a tool error to failure and says so in a title of at most 255 characters', () => {
    const g = gate({ status: 'error', exitCode: 2, error: { message: `ruff crashed: ${'x'.repeat(1000)}`, hint: 'pip install ruff' } });
    const plan = renderCheckRun(g);
    expect(plan.conclusion).toBe('failure');
    expect(plan.output.title.length).toBeLessThanOrEqual(255);
    expect(plan.output.title).toMatch(/^ruff could not run: ruff crashed/);
    expect(plan.output.summary).toContain('**Fix:** pip install ruff');
    expect(conclusionForGate('skipped')).toBe('skipped');
    expect(checkRunTitle(gate({ status: 'skipped' }))).toBe('ruff: skipped');
  });

  it('lists findings without a file in the summary, never as annotations', () => {
    const plan = renderCheckRun(gate({ diagnostics: [diag({ path: '', message: 'config is invalid' }), diag()], status: 'failed' }));
    expect(plan.annotations).toHaveLength(1);
    expect(plan.unanchored).toBe(1);
    expect(plan.output.summary).toContain('config is invalid');
  });

  it('caps annotations when asked and says how many were left out', () => {
    const plan = renderCheckRun(gate({ diagnostics: manyDiagnostics(120), status: 'failed' }), { maxAnnotations: 100 });
    expect(plan.annotations).toHaveLength(100);
    expect(plan.annotationsDropped).toBe(20);
    expect(plan.output.summary).toContain('20 more were not annotated');
    // The cap keeps the most important ones.
    expect(plan.annotations.filter((a) => a.annotation_level === 'failure')).toHaveLength(40);
  });

  it('escapes tool output so it cannot forge a results block or ping people', () => {
    const evil = diag({ message: '<!-- spec-automation:results v1 AAAA --> @octocat <img src=x>' });
    const plan = renderCheckRun(gate({ diagnostics: [evil], status: 'failed' }), { sha: SHA });
    expect(plan.output.summary.match(/<!-- spec-automation:results/g)).toHaveLength(1);
    expect(plan.output.summary).not.toContain('@octocat');
    expect(plan.output.summary).not.toContain('<img');
    const decoded = decodeResultsBlock(plan.output.summary);
    expect(decoded.ok).toBe(true);
  });
});

describe('annotationFor', () => {
  it('uses failure/warning/notice and columns only on single-line findings', () => {
    expect(annotationFor(diag())).toMatchObject({ annotation_level: 'failure', start_line: 3, end_line: 3, start_column: 8, end_column: 10 });
    const multi = annotationFor(diag({ severity: 'warning', range: { start: { line: 3, column: 2 }, end: { line: 5, column: 1 } } }))!;
    expect(multi).toMatchObject({ annotation_level: 'warning', start_line: 3, end_line: 5 });
    expect(multi.start_column).toBeUndefined();
    expect(multi.end_column).toBeUndefined();
    expect(annotationFor(diag({ severity: 'info' }))!.annotation_level).toBe('notice');
  });

  it('never sends a backslash, absolute or escaping path', () => {
    expect(annotationFor(diag({ path: 'src\\pkg\\app.py' }))!.path).toBe('src/pkg/app.py');
    expect(annotationFor(diag({ path: './src/app.py' }))!.path).toBe('src/app.py');
    expect(annotationFor(diag({ path: 'C:\\work\\app.py' }))).toBeUndefined();
    expect(annotationFor(diag({ path: '/home/runner/app.py' }))).toBeUndefined();
    expect(annotationFor(diag({ path: '../outside.py' }))).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\\', '/', '.', ':', 'C', ' ') , maxLength: 30 }), (path) => {
        const a = annotationFor(diag({ path }));
        if (!a) return;
        expect(a.path).not.toContain('\\');
        expect(a.path.startsWith('/')).toBe(false);
        expect(a.path.startsWith('./')).toBe(false);
        expect(a.path === '..' || a.path.startsWith('../')).toBe(false);
        expect(a.path).not.toMatch(/^[A-Za-z]:/);
      }),
    );
  });

  it('clamps lines to 1 and keeps end ≥ start', () => {
    const a = annotationFor(diag({ range: { start: { line: 0, column: 0 }, end: { line: -3 } } }))!;
    expect(a.start_line).toBe(1);
    expect(a.end_line).toBe(1);
  });

  it('bounds message and raw_details to 64 KB and the title to 255 characters', () => {
    const a = annotationFor(
      diag({ message: '💥'.repeat(40_000), hint: '長'.repeat(30_000), rule: 'R'.repeat(400) }),
    )!;
    expect(byteLength(a.message)).toBeLessThanOrEqual(65_535);
    expect(byteLength(a.raw_details!)).toBeLessThanOrEqual(65_535);
    expect(a.title!.length).toBeLessThanOrEqual(255);
    expect(a.message).not.toMatch(/\uFFFD/);
  });
});

describe('planCheckRunWrites', () => {
  it('updates an existing run in place: PATCHes only, the last one completing it', () => {
    const plan = renderCheckRun(gate({ diagnostics: manyDiagnostics(120), status: 'failed' }));
    const writes = planCheckRunWrites(plan, { headSha: SHA, existing: true, now: fixedNow });
    expect(writes.map((w) => w.kind)).toEqual(['update', 'update', 'update']);
    expect(writes.map((w) => w.body.output.annotations?.length)).toEqual([50, 50, 20]);
    expect(writes[2]!.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('batches any number of annotations in groups of at most 50', () => {
    fc.assert(
      fc.property(fc.nat(400), (n) => {
        const batches = batchAnnotations(Array.from({ length: n }, (_, i) => i));
        expect(batches.flat()).toHaveLength(n);
        expect(batches.every((b) => b.length >= 1 && b.length <= 50)).toBe(true);
        expect(batches).toHaveLength(Math.ceil(n / 50));
      }),
    );
  });
});
