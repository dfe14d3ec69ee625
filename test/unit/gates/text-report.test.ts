import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/pipeline/diagnostic.js';
import type { GatesRun } from '../../../src/pipeline/gate-result.js';
import { formatDuration, renderGateFindings, renderGatesSummary, renderLiveStatus, renderStatusChange } from '../../../src/reporting/text/gates.js';
import { sampleRun } from './report-fixtures.js';

const plain = { color: false };

describe('gates summary (text)', () => {
  it('renders a table, explains tool errors, and concludes', () => {
    const text = renderGatesSummary(sampleRun(), plain);
    expect(text).toBe(
      [
        'Gate          Status   Findings            Tests                                   Time',
        'ruff          error',
        'basedpyright  failed   1 error, 1 warning                                          cached  (3.7s when it ran)',
        'pytest        failed                       1 passed, 1 failed, 1 error, 1 xfailed  1.8s',
        'mypy          skipped',
        '',
        '! ruff: ruff was not found (tried .venv/bin/ruff, ruff on PATH).',
        '  hint: Install it in the project: `pip install ruff`.',
        '  command: ruff check --output-format=json --no-fix',
        '',
        'Gates could not all run: 0 passed, 2 failed, 1 tool error, 1 skipped; 1 from cache in 4.1s. A tool error is not a pass; fix it and run again.',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    expect(renderGatesSummary(sampleRun(), plain)).not.toContain('\u001b[');
    expect(renderGatesSummary(sampleRun(), { color: true })).toContain('\u001b[31mfailed\u001b[39m');
  });

  it('shows the end of the output of a tool that failed to run', () => {
    const run = sampleRun();
    run.gates[0]!.stderrTail = 'Traceback (most recent call last):\nImportError: x';
    expect(renderGatesSummary(run, plain)).toContain('  output (last lines):\n    | Traceback (most recent call last):\n    | ImportError: x\n');
  });
});

describe('live status', () => {
  it('shows queued, running with elapsed time, and finished gates', () => {
    const [ruff, bp] = sampleRun().gates;
    const text = renderLiveStatus(
      [
        { gate: 'ruff', phase: 'done', result: ruff! },
        { gate: 'basedpyright', phase: 'done', result: bp! },
        { gate: 'pytest', phase: 'running', startedAt: 1_000 },
        { gate: 'custom', phase: 'queued' },
      ],
      3_500,
      plain,
    );
    expect(text).toBe(
      [
        '  ! ruff          error    ruff was not found (tried .venv/bin/ruff, ruff on PATH).',
        '  ✗ basedpyright  failed   1 error, 1 warning (cached; 3.7s when it ran)',
        '  ● pytest        running  2.5s',
        '  ○ custom        queued',
        '',
      ].join('\n'),
    );
  });

  it('writes one plain line per state change for logs', () => {
    const pytest = sampleRun().gates[2]!;
    expect(renderStatusChange({ gate: 'pytest', phase: 'running', startedAt: 0 }, 0)).toBe('gates: ● pytest running 0.0s\n');
    expect(renderStatusChange({ gate: 'pytest', phase: 'done', result: pytest }, 0)).toBe('gates: ✗ pytest failed 1.8s 1 passed, 1 failed, 1 error, 1 xfailed\n');
  });

  it('clips long outcomes so a status line does not wrap', () => {
    const ruff = { ...sampleRun().gates[0]!, error: { message: `ruff was not found (tried ${'/very/long/path/'.repeat(10)}).` } };
    const line = renderLiveStatus([{ gate: 'ruff', phase: 'done', result: ruff }], 0, plain).trimEnd();
    expect(line.length).toBeLessThanOrEqual(100);
    expect(line.endsWith('…')).toBe(true);
  });

  it('formats durations', () => {
    expect([formatDuration(420), formatDuration(12_345), formatDuration(125_000)]).toEqual(['0.4s', '12.3s', '2m05s']);
  });
});

describe('findings (text), most important first', () => {
  it('lists failing tests, then errors, then warnings, each by file and line, the rule label on the first line of a multi-line message', () => {
    const text = renderGateFindings(sampleRun(), plain);
    expect(text).toBe(
      [
        'Failing tests (1)',
        '',
        'tests/test_model.py',
        "  13  error   AssertionError: assert 1 == '1 open'  pytest/test.failed",
        '',
        'Errors (1)',
        '',
        'tasklet/model.py',
        '  20:12  error   Type "int" is not assignable to return type "str"  basedpyright/reportReturnType',
        '        "int" is not assignable to "str"',
        '',
        'Warnings (1)',
        '',
        'tasklet/model.py',
        '  3  warning Import "os" is not accessed <&>  basedpyright/reportUnusedImport',
        '',
        '',
      ].join('\n'),
    );
  });

  function manyFindings(): GatesRun {
    const run = sampleRun();
    const bp = run.gates[1]!;
    const finding = (path: string, line: number, severity: Diagnostic['severity']): Diagnostic => ({ source: 'basedpyright', path, range: { start: { line } }, severity, rule: 'reportX', message: `m${line}`, fingerprint: `${path}${line}` });
    bp.diagnostics = [
      ...Array.from({ length: 30 }, (_, i) => finding('b.py', 30 - i, 'warning')),
      ...Array.from({ length: 5 }, (_, i) => finding('a.py', i + 1, 'warning')),
      finding('z.py', 9, 'error'),
    ];
    return run;
  }

  it('caps per file and in total, saying how many more there are', () => {
    const text = renderGateFindings(manyFindings(), { ...plain, maxPerFile: 3, maxFindings: 6 });
    const lines = text.split('\n');
    // The error in z.py comes before every warning, though z sorts last.
    expect(lines.indexOf('z.py')).toBeLessThan(lines.indexOf('a.py'));
    // [line, severity] of every finding shown: the failing test, the error, 3 of a.py (the per-file cap), then 1 of b.py (the total cap).
    const shown = lines.filter((l) => /^ {2}\d+ {2}(error|warning)/.test(l)).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '));
    expect(shown).toEqual(['13 error', '9 error', '1 warning', '2 warning', '3 warning', '1 warning']);
    expect(text).toContain('  … and 2 more in this file');
    expect(text).toContain('  … and 29 more in this file');
    expect(text).toContain('… and 31 more findings not shown (showing 6 of 37; --max-findings 6).');
  });

  it('leaves out findings below --min-severity and counts them', () => {
    const text = renderGateFindings(manyFindings(), { ...plain, minSeverity: 'error', maxFindings: Number.POSITIVE_INFINITY });
    expect(text).not.toContain('Warnings');
    expect(text).toContain('Failing tests (1)');
    expect(text).toContain('Errors (1)');
    expect(text).toContain('35 findings below --min-severity error are not shown.');
  });

  it('is empty when there is nothing to list', () => {
    const run = sampleRun();
    for (const g of run.gates) g.diagnostics = [];
    expect(renderGateFindings(run, plain)).toBe('');
  });
});
