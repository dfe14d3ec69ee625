import { describe, expect, it } from 'vitest';
import type { GatesRun } from '../../../src/pipeline/gate-result.js';
import { renderCheckRun } from '../../../src/reporting/check-run.js';
import { renderJobSummary } from '../../../src/reporting/job-summary.js';
import { renderGatesSummary, renderLiveStatus } from '../../../src/reporting/text/gates.js';
import { sampleRun } from '../gates/report-fixtures.js';

function shardedRun(): GatesRun {
  const run = sampleRun();
  const pytest = run.gates.find((g) => g.gate === 'pytest')!;
  pytest.shards = { count: 2, durationsMs: [1800, 1700], slowestMs: 1800, balance: 1.03 };
  return run;
}

describe('shards in the reports: the gate once, its shards as a detail', () => {
  it('CLI table: one pytest row with the shard note', () => {
    const text = renderGatesSummary(shardedRun(), { color: false });
    const rows = text.split('\n').filter((l) => l.startsWith('pytest'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/2 shards, slowest 1\.8s, balance 1\.03$/);
  });

  it('check run: the shard note among the facts of the gate', () => {
    const plan = renderCheckRun(shardedRun().gates.find((g) => g.gate === 'pytest')!);
    expect(plan.output.summary).toContain('· 2 shards, slowest 1.8s, balance 1.03');
  });

  it('job summary: one row per gate, the note in the time cell', () => {
    const summary = renderJobSummary(shardedRun());
    const rows = summary.split('\n').filter((l) => l.startsWith('| pytest'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('1.8 s · 2 shards, slowest 1.8s, balance 1.03 |');
  });

  it('a gate that declared shards: 1 says so; a gate without shards shows nothing', () => {
    const run = sampleRun();
    run.gates.find((g) => g.gate === 'pytest')!.shards = { count: 1, durationsMs: [1830], slowestMs: 1830, balance: 1, reason: 'gates.pytest.shards is 1' };
    expect(renderGatesSummary(run, { color: false })).toContain('1 process: gates.pytest.shards is 1');
    expect(renderGatesSummary(sampleRun(), { color: false })).not.toContain('shard');
  });

  it('live status: a running gate shows how its last failures did as soon as they are known', () => {
    const tests = { total: 2, passed: 0, failed: 2, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 10, cases: [] };
    const block = renderLiveStatus([{ gate: 'pytest', phase: 'running', startedAt: 0, failedFirst: tests }], 1500, { color: false });
    expect(block).toBe('  ● pytest  running  1.5s  2 of 2 tests that failed last time still fail\n');
  });
});
