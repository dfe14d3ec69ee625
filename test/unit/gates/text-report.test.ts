import { describe, expect, it } from 'vitest';
import { formatDuration, renderGatesSummary, renderLiveStatus, renderStatusChange } from '../../../src/reporting/text/gates.js';
import { sampleRun } from './report-fixtures.js';

const plain = { color: false };

describe('gates summary (text)', () => {
  it('renders a table, explains tool errors, and concludes', () => {
    const text = renderGatesSummary(sampleRun(), plain);
    expect(text).toBe(
      [
        'Gate          Status   Findings            Tests                                   Time',
        'ruff          error',
        'basedpyright  failed   1 error, 1 warning                                          3.7s  cached',
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
    expect(renderGatesSummary(sampleRun(), { color: true })).toContain('\u001b[31mfailed\u001b[0m');
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
        '  ✗ basedpyright  failed   3.7s  1 error, 1 warning (cached)',
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
