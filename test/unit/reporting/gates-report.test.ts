// The gates report plan: pure, no HTTP. What reporter.ts posts is decided here.
import { describe, expect, it } from 'vitest';
import { renderCheckRun } from '../../../src/reporting/check-run.js';
import { DiffIndex } from '../../../src/reporting/diff.js';
import { FORK_ADVICE, planGatesReport, planGatesReview, renderGatesReportSummary } from '../../../src/reporting/gates-report.js';
import { mergeByImportance, orderByImportance, orderRun } from '../../../src/reporting/importance.js';
import { renderJobSummary } from '../../../src/reporting/job-summary.js';
import { planReview } from '../../../src/reporting/review.js';
import { diag, gate, gatesRun, manyDiagnostics } from './make.js';

const SHA = 'a'.repeat(40);
const appLines = Array.from({ length: 30 }, (_, i) => `+value_${i + 1} = ${i + 1}`).join('\n');
const FILES = [{ filename: 'src/app.py', status: 'added', patch: `@@ -0,0 +1,30 @@\n${appLines}` }];

function threeGates() {
  return gatesRun([
    gate({
      diagnostics: [
        diag({ path: 'src/z.py', severity: 'warning', rule: 'E501', message: 'warning in z' }),
        diag({ path: 'src/app.py', range: { start: { line: 9 } }, message: 'error on a changed line' }),
        diag({ path: '', rule: 'config', severity: 'info', message: 'not about a file' }),
      ],
      status: 'failed',
    }),
    gate({ gate: 'pytest', tool: 'pytest', status: 'failed', diagnostics: [diag({ source: 'pytest', path: 'src/app.py', range: { start: { line: 20 } }, rule: 'test.failed', message: 'assert 1 == 2' })] }),
    gate({ gate: 'basedpyright', tool: 'basedpyright', status: 'skipped' }),
  ]);
}

describe('orderRun', () => {
  it('orders each gate once and merges the run-wide list to what sorting all findings gives, ties in gate order', () => {
    // Three gates with the same findings but another source: every key ties across gates.
    const gates = ['ruff', 'mypy', 'pylint'].map((source) => gate({ gate: source, diagnostics: manyDiagnostics(300, { source, files: 7 }).reverse() }));
    const run = gatesRun(gates);
    const ordered = orderRun(run);
    expect(ordered.gates.map((g) => g.gate)).toEqual(gates);
    for (const [i, g] of ordered.gates.entries()) expect(g.findings).toEqual(orderByImportance(gates[i]!.diagnostics));
    const all = orderByImportance(gates.flatMap((g) => g.diagnostics));
    expect(ordered.findings.map((d) => d.fingerprint)).toEqual(all.map((d) => d.fingerprint));
    // The tie rule is visible: for one key, ruff's finding comes before mypy's and pylint's.
    expect(ordered.findings.slice(0, 3).map((d) => d.source)).toEqual(['ruff', 'mypy', 'pylint']);
    // Sorting leaves the gates' own lists alone (the log lists them in the tool's order).
    expect(run.gates[0]!.diagnostics[0]).toBe(gates[0]!.diagnostics[0]);
  });

  it('merges empty and single lists', () => {
    expect(mergeByImportance([])).toEqual([]);
    expect(mergeByImportance([[], []])).toEqual([]);
    const one = orderByImportance(manyDiagnostics(5));
    expect(mergeByImportance([[], one, []])).toEqual(one);
  });
});

describe('planGatesReport', () => {
  it('plans one check run per gate, in configuration order, rendered as renderCheckRun renders it', () => {
    const run = threeGates();
    const plan = planGatesReport(run, { sha: SHA, pullNumber: 2, detailsUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(plan.checkRuns.map((c) => c.plan.name)).toEqual(['spec-automation / ruff', 'spec-automation / pytest', 'spec-automation / basedpyright']);
    expect(plan.checkRuns[0]!.plan).toEqual(renderCheckRun(run.gates[0]!, { sha: SHA, detailsUrl: 'https://github.com/o/r/actions/runs/1' }));
    // Annotations most important first; the fallback keeps the tool's order.
    expect(plan.checkRuns[0]!.plan.annotations.map((a) => a.message)).toEqual(['error on a changed line', 'warning in z']);
    expect(plan.checkRuns[0]!.plan.unanchored).toBe(1);
    expect(plan.checkRuns[0]!.diagnostics).toBe(run.gates[0]!.diagnostics);
    expect(plan.notices).toEqual([]);
    expect(plan.annotate).toEqual([]);
  });

  it('caps the annotations per run, most important kept', () => {
    const run = gatesRun([gate({ diagnostics: manyDiagnostics(120), status: 'failed' })]);
    const [only] = planGatesReport(run, { sha: SHA, maxAnnotations: 50 }).checkRuns;
    expect(only!.plan.annotations).toHaveLength(50);
    expect(only!.plan.annotationsDropped).toBe(70);
    // 40 errors, 40 warnings, 40 notes: every error and the first ten warnings.
    const levels = only!.plan.annotations.map((a) => a.annotation_level);
    expect(levels).toEqual([...Array(40).fill('failure'), ...Array(10).fill('warning')]);
  });

  it('plans the review over every gate ordered once, naming the gates that ran', () => {
    const run = threeGates();
    const review = planGatesReport(run, { sha: SHA, pullNumber: 2, maxInlineComments: 5, ourLogin: 'spec-bot[bot]' }).review!;
    expect(review).toMatchObject({ pullNumber: 2, readFiles: true, input: { ordered: true, maxInline: 5, ourLogin: 'spec-bot[bot]', commitId: SHA } });
    expect(review.input.diagnostics.map((d) => d.message)).toEqual(['assert 1 == 2', 'error on a changed line', 'warning in z', 'not about a file']);
    expect(review.input.gates).toEqual(['ruff', 'ruff', 'ruff', 'ruff', 'pytest', 'pytest']);
    // Finished with the pull request's files, it is the plan planReview makes of the unordered findings.
    const finished = planGatesReview(review, { files: FILES, existing: [] });
    const direct = planReview({
      diagnostics: run.gates.flatMap((g) => g.diagnostics),
      diff: new DiffIndex(FILES),
      existing: [],
      ourLogin: 'spec-bot[bot]',
      gates: review.input.gates!,
      maxInline: 5,
      commitId: SHA,
    });
    expect(finished).toEqual(direct);
    expect(finished.inline.map((i) => i.comment.line)).toEqual([20, 9]);
  });

  it('reads no files for a run without findings, and plans no review without a pull request or when not asked', () => {
    const clean = gatesRun([gate()]);
    expect(planGatesReport(clean, { sha: SHA, pullNumber: 2 }).review).toMatchObject({ readFiles: false });
    expect(planGatesReport(threeGates(), { sha: SHA }).review).toBeUndefined();
    expect(planGatesReport(threeGates(), { sha: SHA, pullNumber: 2, targets: { review: false } }).review).toBeUndefined();
    expect(planGatesReport(threeGates(), { sha: SHA, pullNumber: 2, targets: { checks: false } }).checkRuns).toEqual([]);
    expect(planGatesReport(threeGates(), { sha: SHA, targets: { summary: false } }).summary).toBeUndefined();
  });

  it('on a read-only token plans nothing for GitHub: the findings go to log annotations and the notice says why', () => {
    const run = threeGates();
    const plan = planGatesReport(run, { sha: SHA, pullNumber: 2, readOnly: { reason: 'This pull request comes from a fork' } });
    expect(plan.checkRuns).toEqual([]);
    expect(plan.review).toBeUndefined();
    expect(plan.notices).toEqual([
      `This pull request comes from a fork: results are in this summary and as log annotations instead of check runs and review comments. ${FORK_ADVICE}`,
    ]);
    expect(plan.annotate).toEqual(run.gates.flatMap((g) => g.diagnostics));
    expect(plan.summary).toBeDefined();
    // Without check runs asked for, nothing stands in for them.
    expect(planGatesReport(run, { sha: SHA, readOnly: { reason: 'fork' }, targets: { checks: false } }).annotate).toEqual([]);
  });

  it('renders the summary as renderJobSummary does, with the notices and links the apply step gathered, under the mode heading', () => {
    const run = threeGates();
    const plan = planGatesReport(run, { sha: SHA, summaryTitle: 'spec-automation validate' });
    const facts = { notices: ['The check run of pytest could not be posted: boom'], links: { ruff: 'https://github.com/o/r/runs/1' } };
    const md = renderGatesReportSummary(plan.summary!, facts);
    expect(md).toEqual(renderJobSummary(run, { ...facts, title: 'spec-automation validate' }));
    expect(md).toContain('## ❌ spec-automation validate: failure');
    expect(md.indexOf('assert 1 == 2')).toBeLessThan(md.indexOf('error on a changed line'));
  });
});

describe('planReview with ordered findings', () => {
  it('takes the given order as it is instead of sorting again', () => {
    const diff = new DiffIndex(FILES);
    const warning = diag({ path: 'src/app.py', range: { start: { line: 4 } }, severity: 'warning', message: 'warning first on purpose' });
    const error = diag({ path: 'src/app.py', range: { start: { line: 5 } }, message: 'error second' });
    const sorted = planReview({ diagnostics: [warning, error], diff, maxInline: 1 });
    const asGiven = planReview({ diagnostics: [warning, error], diff, maxInline: 1, ordered: true });
    expect(sorted.inline.map((i) => i.diagnostic.message)).toEqual(['error second']);
    expect(asGiven.inline.map((i) => i.diagnostic.message)).toEqual(['warning first on purpose']);
  });
});
