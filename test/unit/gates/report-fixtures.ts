import type { GateResult, GatesRun } from '../../../src/pipeline/gate-result.js';

/** A run with one gate of each kind of outcome, as the engine returns it. */
export function sampleRun(): GatesRun {
  const ruff: GateResult = {
    gate: 'ruff',
    tool: 'ruff',
    status: 'error',
    exitCode: null,
    durationMs: 0,
    fromCache: false,
    command: ['ruff', 'check', '--output-format=json', '--no-fix'],
    diagnostics: [],
    error: { message: 'ruff was not found (tried .venv/bin/ruff, ruff on PATH).', hint: 'Install it in the project: `pip install ruff`.' },
  };
  const basedpyright: GateResult = {
    gate: 'basedpyright',
    tool: 'basedpyright',
    toolVersion: '1.40.1',
    status: 'failed',
    exitCode: 1,
    durationMs: 3712,
    fromCache: true,
    command: ['basedpyright', '--outputjson'],
    diagnostics: [
      { source: 'basedpyright', path: 'tasklet/model.py', range: { start: { line: 20, column: 12 } }, severity: 'error', rule: 'reportReturnType', message: 'Type "int" is not assignable to return type "str"\n  "int" is not assignable to "str"', fingerprint: 'a1' },
      { source: 'basedpyright', path: 'tasklet/model.py', range: { start: { line: 3 } }, severity: 'warning', rule: 'reportUnusedImport', message: 'Import "os" is not accessed <&>', fingerprint: 'a2' },
    ],
  };
  const pytest: GateResult = {
    gate: 'pytest',
    tool: 'pytest',
    status: 'failed',
    exitCode: 1,
    durationMs: 1830,
    fromCache: false,
    command: ['python', '-m', 'pytest'],
    diagnostics: [{ source: 'pytest', path: 'tests/test_model.py', range: { start: { line: 13 } }, severity: 'error', rule: 'test.failed', message: "AssertionError: assert 1 == '1 open'", fingerprint: 'p1' }],
    tests: {
      total: 4,
      passed: 1,
      failed: 1,
      errored: 1,
      skipped: 0,
      xfailed: 1,
      xpassed: 0,
      durationMs: 60,
      cases: [
        { id: 'tests/test_model.py::test_ok', name: 'test_ok', classname: 'tests.test_model', file: 'tests/test_model.py', outcome: 'passed', durationMs: 1 },
        { id: 'tests/test_model.py::test_count', name: 'test_count', classname: 'tests.test_model', file: 'tests/test_model.py', outcome: 'failed', durationMs: 2, message: "AssertionError: assert 1 == '1 open'", details: 'E  assert 1 == "1 open"', location: { path: 'tests/test_model.py', line: 13 } },
        { id: 'tests/test_model.py::test_load', name: 'test_load', classname: 'tests.test_model', file: 'tests/test_model.py', outcome: 'error', durationMs: 3, message: 'OSError: locked (in setup)' },
        { id: 'tests/test_model.py::test_trim', name: 'test_trim', classname: 'tests.test_model', file: 'tests/test_model.py', outcome: 'xfailed', durationMs: 1, message: 'known bug' },
      ],
    },
  };
  const off: GateResult = { gate: 'mypy', tool: 'mypy', status: 'skipped', exitCode: null, durationMs: 0, fromCache: false, command: [], diagnostics: [] };
  return { schemaVersion: 1, startedAt: '2026-03-02T09:15:27.000Z', durationMs: 4100, conclusion: 'error', gates: [ruff, basedpyright, pytest, off] };
}
