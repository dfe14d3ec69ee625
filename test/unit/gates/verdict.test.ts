import { describe, expect, it } from 'vitest';
import { gateSchema } from '../../../src/pipeline/config/schema.js';
import { basedpyright } from '../../../src/gates/definitions/basedpyright.js';
import { commandDefinition } from '../../../src/gates/definitions/command.js';
import { pytest } from '../../../src/gates/definitions/pytest.js';
import { ruff } from '../../../src/gates/definitions/ruff.js';
import type { PlannedGate } from '../../../src/gates/plan.js';
import type { ProcessResult } from '../../../src/gates/process.js';
import { ToolOutputError, type GateDefinition, type ParseResult } from '../../../src/gates/types.js';
import { decideVerdict } from '../../../src/gates/verdict.js';
import { fixture } from './helpers.js';

function gate(definition: GateDefinition, name: string, config: Record<string, unknown> = {}, failOn: 'error' | 'warning' = 'error', timeoutSeconds = 900): PlannedGate {
  return { name, definition, parser: definition.parser, config: gateSchema.parse(config), failOn, cwd: '/repo', argv: [name, '--flag'], lowPriority: false, timeoutSeconds };
}

function proc(exitCode: number | null, extra: Partial<ProcessResult> = {}): ProcessResult {
  return { stdout: '', stderr: '', exitCode, timedOut: false, cancelled: false, outputCapped: false, durationMs: 5, ...extra };
}

const finding = (severity: 'error' | 'warning' | 'info') => ({ source: 'x', path: 'a.py', range: { start: { line: 1 } }, severity, rule: 'R', message: 'm' });
const parsed = (...severities: Array<'error' | 'warning' | 'info'>) => (): ParseResult => ({ diagnostics: severities.map(finding) });
const failingTests = (): ParseResult => ({
  diagnostics: [],
  tests: { total: 1, passed: 0, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 1, cases: [] },
});

describe('decideVerdict: exit codes per tool (reference table)', () => {
  it.each([
    ['ruff', ruff, 0, parsed(), 'passed'],
    ['ruff', ruff, 1, parsed('error'), 'failed'],
    ['ruff', ruff, 2, parsed(), 'error'],
    ['basedpyright', basedpyright, 0, parsed(), 'passed'],
    ['basedpyright', basedpyright, 1, parsed('error'), 'failed'],
    // Warnings alone exit 1 in basedpyright's default mode: below the fail level, a pass.
    ['basedpyright', basedpyright, 1, parsed('warning'), 'passed'],
    ['basedpyright', basedpyright, 2, parsed(), 'error'],
    ['basedpyright', basedpyright, 3, parsed(), 'error'],
    ['basedpyright', basedpyright, 4, parsed(), 'error'],
    ['pytest', pytest, 0, parsed(), 'passed'],
    ['pytest', pytest, 1, failingTests, 'failed'],
    // Interrupted by collection errors: the report has them as errored tests.
    ['pytest', pytest, 2, failingTests, 'failed'],
    ['pytest', pytest, 2, parsed(), 'error'],
    ['pytest', pytest, 3, parsed(), 'error'],
    ['pytest', pytest, 4, parsed(), 'error'],
    ['pytest', pytest, 6, parsed(), 'error'],
    ['pytest', pytest, 1, parsed(), 'error'],
  ] as const)('%s exit %i → %s', (name, definition, code, parse, expected) => {
    expect(decideVerdict({ gate: gate(definition, name), process: proc(code), parse, maxBufferBytes: 1 }).status).toBe(expected);
  });

  it('applies failOn: warnings fail a gate whose fail level is warning', () => {
    expect(decideVerdict({ gate: gate(basedpyright, 'basedpyright', {}, 'warning'), process: proc(1), parse: parsed('warning'), maxBufferBytes: 1 }).status).toBe('failed');
    expect(decideVerdict({ gate: gate(ruff, 'ruff', {}, 'warning'), process: proc(0), parse: parsed('info'), maxBufferBytes: 1 }).status).toBe('passed');
  });

  it('pytest exit 5 (no tests) passes or fails by noTests', () => {
    const pass = decideVerdict({ gate: gate(pytest, 'pytest', { noTests: 'pass' }), process: proc(5), parse: parsed(), maxBufferBytes: 1 });
    expect(pass).toMatchObject({ status: 'passed', tests: { total: 0 } });
    const fail = decideVerdict({ gate: gate(pytest, 'pytest'), process: proc(5), parse: parsed(), maxBufferBytes: 1 });
    expect(fail.status).toBe('failed');
    expect(fail.diagnostics).toMatchObject([{ rule: 'test.none-collected', source: 'pytest', hint: expect.stringContaining('gates.pytest.noTests: pass') }]);
  });

  it('a generic command: 0 passes, non-zero with findings fails, non-zero without any is an error', () => {
    const sarifGate = gate(commandDefinition('semgrep', 'sarif', ['semgrep', '--sarif']), 'semgrep');
    expect(decideVerdict({ gate: sarifGate, process: proc(0), parse: parsed(), maxBufferBytes: 1 }).status).toBe('passed');
    expect(decideVerdict({ gate: sarifGate, process: proc(1), parse: parsed('error'), maxBufferBytes: 1 }).status).toBe('failed');
    const silent = decideVerdict({ gate: sarifGate, process: proc(1, { stderr: 'boom\n' }), parse: parsed(), maxBufferBytes: 1 });
    expect(silent).toMatchObject({ status: 'error', stderrTail: 'boom', error: { message: 'semgrep exited with code 1 but reported no finding.' } });
  });
});

describe('decideVerdict: nothing untrustworthy reads as a pass', () => {
  const ok = parsed();
  it.each([
    ['a program that cannot start', proc(null, { spawnError: 'spawn ruff ENOENT' }), /Could not start ruff: spawn ruff ENOENT/],
    ['a timeout', proc(null, { timedOut: true, signal: 'SIGTERM' }), /did not finish within 900 s; its whole process tree was killed/],
    ['capped output', proc(0, { outputCapped: true }), /printed more than 1 MB/],
    ['a kill by signal', proc(null, { signal: 'SIGKILL' }), /killed by SIGKILL/],
  ])('%s is an error', (_name, process, message) => {
    const verdict = decideVerdict({ gate: gate(ruff, 'ruff'), process, parse: ok, maxBufferBytes: 1024 * 1024 });
    expect(verdict.status).toBe('error');
    expect(verdict.error!.message).toMatch(message);
  });

  it('a cancellation is cancelled, not an error and never a pass', () => {
    const verdict = decideVerdict({ gate: gate(ruff, 'ruff'), process: proc(null, { cancelled: true }), parse: ok, maxBufferBytes: 1024 * 1024 });
    expect(verdict).toMatchObject({ status: 'cancelled', diagnostics: [], error: { message: 'ruff was cancelled before it finished; its process tree was killed.' } });
  });

  it('a pytest timeout names the test that was running, from pytest\'s verbose progress', () => {
    const stdout = 'tests/test_a.py::test_one PASSED [ 33%]\ntests/test_b.py::test_dialog_waits \n';
    const verdict = decideVerdict({ gate: gate(pytest, 'pytest', {}, 'error', 360), process: proc(null, { timedOut: true, stdout }), parse: () => ({ diagnostics: [] }), maxBufferBytes: 1 });
    expect(verdict.error!.message).toBe('pytest did not finish within 360 s (3x its last duration); its whole process tree was killed. Running when it was killed: tests/test_b.py::test_dialog_waits.');
    expect(verdict.error!.hint).toMatch(/^Look at tests\/test_b\.py::test_dialog_waits: it probably hangs/);
    // A configured timeout is not called derived.
    const configured = decideVerdict({ gate: gate(pytest, 'pytest', { timeout: 60 }, 'error', 60), process: proc(null, { timedOut: true }), parse: () => ({ diagnostics: [] }), maxBufferBytes: 1 });
    expect(configured.error!.message).toBe('pytest did not finish within 60 s; its whole process tree was killed.');
  });

  it('unparseable output is an error with the tool error message and hint', () => {
    const verdict = decideVerdict({
      gate: gate(ruff, 'ruff'),
      process: proc(0, { stdout: 'garbage' }),
      parse: () => {
        throw new ToolOutputError('ruff did not print a JSON report.', 'Check the flags.');
      },
      maxBufferBytes: 1,
    });
    expect(verdict).toMatchObject({ status: 'error', error: { message: 'ruff did not print a JSON report.', hint: 'Check the flags.' }, stderrTail: 'garbage' });
  });

  it('names the tool once: a parser message that names it gets no prefix, one that does not gets the gate name', () => {
    const failWith = (message: string) =>
      decideVerdict({
        gate: gate(ruff, 'ruff'),
        process: proc(0, { stdout: 'x' }),
        parse: () => {
          throw new ToolOutputError(message);
        },
        maxBufferBytes: 1,
      }).error!.message;
    expect(failWith('ruff printed JSON that cannot be parsed.')).toBe('ruff printed JSON that cannot be parsed.');
    expect(failWith('The JUnit report is empty.')).toBe('ruff: The JUnit report is empty.');
  });

  it('basedpyright that could not parse its config is an error even with exit 0', () => {
    const stderr = fixture('basedpyright/config-parse-error.stderr.txt');
    const verdict = decideVerdict({ gate: gate(basedpyright, 'basedpyright'), process: proc(0, { stderr }), parse: ok, maxBufferBytes: 1 });
    expect(verdict.status).toBe('error');
    expect(verdict.error!.message).toBe('basedpyright could not read its configuration: Config file "/work/repo/pyproject.toml" could not be parsed. Verify that format is correct.');
  });

  it('a report the tool did not write is an error', () => {
    const verdict = decideVerdict({ gate: gate(pytest, 'pytest'), process: proc(1), missingReport: '/tmp/x/report', parse: failingTests, maxBufferBytes: 1 });
    expect(verdict).toMatchObject({ status: 'error', error: { message: 'pytest exited with code 1 but wrote no report at /tmp/x/report.' } });
  });

  it('pytest missing from the interpreter is an error', () => {
    const verdict = decideVerdict({ gate: gate(pytest, 'pytest'), process: proc(1, { stderr: '/usr/bin/python3: No module named pytest\n' }), parse: failingTests, maxBufferBytes: 1 });
    expect(verdict).toMatchObject({ status: 'error', error: { message: 'pytest is not installed for this Python interpreter.' } });
  });
});
