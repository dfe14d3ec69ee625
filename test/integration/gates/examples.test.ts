/**
 * Real basedpyright (npm) and real pytest (Debian's python3-pytest with PyQt6, offscreen)
 * on both example apps, asserting the exact findings and test outcomes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGates } from '../../../src/gates/index.js';
import type { GatesRun } from '../../../src/pipeline/gate-result.js';
import { config, copyExample, HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON, toolEnv } from './support.js';

const CONFIG = `python: ${SYSTEM_PYTHON}\ncache:\n  enabled: false\n`;

describe.skipIf(!HAS_SYSTEM_PYTHON)('gates on examples/tasklet-broken', () => {
  let dir: string;
  let run: GatesRun;
  beforeAll(async () => {
    dir = copyExample('tasklet-broken');
    run = await runGates({ root: dir, config: config(CONFIG), only: ['basedpyright', 'pytest'], env: toolEnv() });
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('concludes failure: both gates failed, none errored', () => {
    expect(run.gates.map((g) => [g.gate, g.status, g.exitCode])).toEqual([
      ['basedpyright', 'failed', 1],
      ['pytest', 'failed', 1],
    ]);
    expect(run.conclusion).toBe('failure');
  });

  it('basedpyright reports exactly the three known type errors, PyQt6 resolved through --pythonpath', () => {
    const bp = run.gates[0]!;
    expect(bp.command).toContain('--pythonpath');
    expect(bp.toolVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(bp.diagnostics.map((d) => [d.rule, d.path, d.range.start.line, d.range.start.column, d.severity])).toEqual([
      ['reportReturnType', 'tasklet/model.py', 20, 12, 'error'],
      ['reportAttributeAccessIssue', 'tasklet/model.py', 31, 21, 'error'],
      ['reportArgumentType', 'tasklet/window.py', 10, 19, 'error'],
    ]);
    for (const d of bp.diagnostics) expect(d.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('pytest reports the known outcomes, with failures as diagnostics at the failure line', () => {
    const pt = run.gates[1]!;
    expect(pt.tests).toMatchObject({ total: 7, passed: 2, failed: 2, errored: 1, skipped: 1, xfailed: 1, xpassed: 0 });
    const outcomes = Object.fromEntries(pt.tests!.cases.map((c) => [c.id, c.outcome]));
    expect(outcomes).toEqual({
      'tests/test_model.py::test_open_count_text': 'failed',
      'tests/test_model.py::test_parse_done': 'passed',
      'tests/test_model.py::test_load_tasks': 'error',
      'tests/test_model.py::test_export_csv': 'skipped',
      'tests/test_model.py::test_title_is_trimmed': 'xfailed',
      'tests/test_window.py::test_status_label': 'failed',
      'tests/test_window.py::test_qt_runs_offscreen': 'passed',
    });
    expect(pt.diagnostics.map((d) => [d.rule, d.path, d.range.start.line, d.message])).toEqual([
      ['test.failed', 'tasklet/window.py', 10, "TypeError: setText(self, a0: str): argument 1 has unexpected type 'int'"],
      ['test.failed', 'tests/test_model.py', 13, "AssertionError: assert 1 == '1 open'"],
      ['test.error', 'tests/test_model.py', 24, 'OSError: tasks.json is locked by another process (in setup)'],
    ]);
    // The temp JUnit file is gone; the command shows where it was written.
    expect(pt.command.some((a) => a.startsWith('--junitxml=') && !a.includes('{report}'))).toBe(true);
  });
});

describe.skipIf(!HAS_SYSTEM_PYTHON)('gates on examples/tasklet (clean)', () => {
  let dir: string;
  let run: GatesRun;
  beforeAll(async () => {
    dir = copyExample('tasklet');
    run = await runGates({ root: dir, config: config(CONFIG), only: ['basedpyright', 'pytest'], env: toolEnv() });
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('passes both gates with no findings and every test passing', () => {
    expect(run.conclusion).toBe('success');
    expect(run.gates.map((g) => [g.gate, g.status, g.diagnostics.length])).toEqual([
      ['basedpyright', 'passed', 0],
      ['pytest', 'passed', 0],
    ]);
    const tests = run.gates[1]!.tests!;
    expect(tests).toMatchObject({ failed: 0, errored: 0, skipped: 0 });
    expect(tests.total).toBe(tests.passed);
    expect(tests.total).toBeGreaterThanOrEqual(25);
  });
});
