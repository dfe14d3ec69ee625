import { describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../../src/reporting/job-summary.js';
import { byteLength } from '../../../src/reporting/truncate.js';
import { countListItems, diag, fencesBalanced, gate, gatesRun, manyDiagnostics } from './make.js';

function showing(md: string) {
  const m = /Showing ([\d,]+) of ([\d,]+) findings/.exec(md);
  return m ? { shown: Number(m[1]!.replace(/,/g, '')), total: Number(m[2]!.replace(/,/g, '')) } : undefined;
}

describe('renderJobSummary', () => {
  it('says so when no gate ran', () => {
    const md = renderJobSummary(gatesRun([]));
    expect(md).toContain('spec-automation gates: success');
    expect(md).toContain('No gates ran.');
  });

  it('tabulates every gate and lists findings under each, most important first', () => {
    const tests = { total: 3, passed: 2, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 10, cases: [] };
    const run = gatesRun([
      gate({ diagnostics: [diag({ severity: 'warning', message: 'warn me' }), diag({ message: 'error first' })], status: 'failed' }),
      gate({ gate: 'pytest', tool: 'pytest', tests, diagnostics: [diag({ source: 'pytest', rule: 'test.failed', message: 'assert 1 == 2' })], status: 'failed' }),
      gate({ gate: 'basedpyright', tool: 'basedpyright', status: 'error', error: { message: 'basedpyright was not found', hint: 'npm i -D basedpyright' } }),
    ]);
    const md = renderJobSummary(run, { links: { ruff: 'https://github.com/o/r/runs/1' } });
    expect(md).toContain('## 💥 spec-automation gates: error');
    expect(md).toContain('| [ruff](https://github.com/o/r/runs/1) | ❌ failed | 1 error, 1 warning |');
    expect(md).toContain('| pytest | ❌ failed | 1 error | 1 failed, 2 passed |');
    expect(md).toContain('**Could not run:** basedpyright was not found **Fix:** npm i -D basedpyright');
    expect(md.indexOf('error first')).toBeLessThan(md.indexOf('warn me'));
    // Gates in the same importance as findings: the one that could not run, then failing tests, then errors.
    expect(md.indexOf('**Could not run:**')).toBeLessThan(md.indexOf('assert 1 == 2'));
    expect(md.indexOf('assert 1 == 2')).toBeLessThan(md.indexOf('error first'));
    expect(showing(md)).toBeUndefined();
  });

  it('puts degradation notices on top, escaped', () => {
    const md = renderJobSummary(gatesRun([gate()]), { notices: ['Check runs could not be posted (<b>403</b>) for @team'] });
    expect(md.split('\n').slice(0, 5).join('\n')).toContain('> [!WARNING]');
    expect(md).toContain('&lt;b');
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('@team');
  });

  it('stays within 1 MiB with 5,000 long emoji/CJK findings and counts what it shows', () => {
    const message = (i: number) => `${i} ${'長いメッセージ🚨'.repeat(50)}`;
    const run = gatesRun([
      gate({ diagnostics: manyDiagnostics(2500, { message }), status: 'failed' }),
      gate({ gate: 'basedpyright', tool: 'basedpyright', diagnostics: manyDiagnostics(2500, { source: 'basedpyright', message }), status: 'failed' }),
    ]);
    const md = renderJobSummary(run);
    expect(byteLength(md)).toBeLessThanOrEqual(1024 * 1024);
    expect(md.length).toBeLessThanOrEqual(1024 * 1024);
    expect(byteLength(md)).toBeGreaterThan(1024 * 1024 - 4096);
    expect(fencesBalanced(md)).toBe(true);
    const note = showing(md)!;
    expect(note.total).toBe(5000);
    expect(note.shown).toBe(countListItems(md));
  });

  it('honours a smaller limit when other steps share the summary', () => {
    const md = renderJobSummary(gatesRun([gate({ diagnostics: manyDiagnostics(500), status: 'failed' })]), { limit: { maxBytes: 8000, maxChars: 8000 } });
    expect(byteLength(md)).toBeLessThanOrEqual(8000);
    expect(showing(md)?.shown).toBe(countListItems(md));
  });
});
