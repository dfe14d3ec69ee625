import { describe, expect, it } from 'vitest';
import { failureFingerprint } from '../../../src/pipeline/agent/failures.js';
import { madeNoProgress, recordIteration, withGateOutcome, type IterationRecord } from '../../../src/pipeline/agent/iteration-record.js';
import { runAgent } from '../../../src/pipeline/agent/loop.js';
import { assignFingerprints } from '../../../src/pipeline/diagnostic.js';
import type { GateResult } from '../../../src/pipeline/gate-result.js';
import { agentConfig, BASE_FILES, buildSpec, FakeClock, happyScript, MemoryTree, ScriptedModel, SPEC_TEXT } from './helpers.js';

function pytestFailing(...tests: string[]): GateResult[] {
  return [
    { gate: 'ruff', tool: 'ruff', status: 'passed', exitCode: 0, durationMs: 3, fromCache: false, command: ['ruff'], diagnostics: [] },
    {
      gate: 'pytest',
      tool: 'pytest',
      status: tests.length > 0 ? 'failed' : 'passed',
      exitCode: tests.length > 0 ? 1 : 0,
      durationMs: 30,
      fromCache: false,
      command: ['pytest'],
      diagnostics: assignFingerprints(tests.map((t, i) => ({ source: 'pytest', path: t.split('::')[0]!, range: { start: { line: 10 + i } }, severity: 'error' as const, rule: 'test.failed', message: `${t} failed` }))),
    },
  ];
}

async function iteration(n: number, gates: GateResult[], inputFailures?: GateResult[]): Promise<IterationRecord> {
  const outcome = await runAgent(
    { spec: buildSpec(), specText: SPEC_TEXT, agent: agentConfig(), mode: inputFailures ? { kind: 'fix', failures: inputFailures } : { kind: 'implement' }, iteration: n },
    { model: new ScriptedModel(happyScript()), workspace: new MemoryTree({ ...BASE_FILES }), clock: new FakeClock() },
  );
  const record = recordIteration({ iteration: n, mode: inputFailures ? 'fix' : 'implement', startedAt: new Date(Date.UTC(2026, 0, 1, 10, n)), ...(inputFailures ? { inputFailures } : {}), outcome });
  return withGateOutcome(record, gates);
}

describe('iteration records', () => {
  it('record what the agent did and what the gates said', async () => {
    const gates = pytestFailing('tests/test_greet.py::test_greet');
    const record = await iteration(1, gates);
    expect(record).toMatchObject({
      iteration: 1,
      mode: 'implement',
      startedAt: '2026-01-01T10:01:00.000Z',
      turns: 3,
      stopReason: 'finished',
      summary: 'Added greet() and its tests.',
      changedFiles: ['greeting/greet.py', 'tests/test_greet.py'],
      gates: { conclusion: 'failure', fingerprint: failureFingerprint(gates), failures: 1, gates: { ruff: 'passed', pytest: 'failed' } },
    });
    expect(record.costUsd).toBeCloseTo(0.034335, 12);
    expect(record.inputFingerprint).toBeUndefined();
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('detect no progress: the same failures after a fix iteration', async () => {
    const first = pytestFailing('tests/test_greet.py::test_greet');
    const r1 = await iteration(1, first);
    expect(madeNoProgress([r1])).toBe(false);
    const r2 = await iteration(2, pytestFailing('tests/test_greet.py::test_greet'), first);
    expect(r2.inputFingerprint).toBe(r1.gates!.fingerprint);
    expect(madeNoProgress([r1, r2])).toBe(true);
  });

  it('see progress when the failure set changes, and never call a pass "no progress"', async () => {
    const r1 = await iteration(1, pytestFailing('tests/test_greet.py::test_greet', 'tests/test_greet.py::test_empty'));
    const r2 = await iteration(2, pytestFailing('tests/test_greet.py::test_empty'));
    expect(madeNoProgress([r1, r2])).toBe(false);
    const r3 = await iteration(3, pytestFailing());
    const r4 = await iteration(4, pytestFailing());
    expect(r3.gates!.conclusion).toBe('success');
    expect(madeNoProgress([r1, r2, r3, r4])).toBe(false);
  });

  it('ignore iterations whose gates have not run yet', async () => {
    const r1 = await iteration(1, pytestFailing('tests/t.py::test_a'));
    const r2 = await iteration(2, pytestFailing('tests/t.py::test_a'));
    const { gates: _omitted, ...pending } = await iteration(3, []);
    expect(madeNoProgress([r1, r2, pending])).toBe(true);
  });
});
