/**
 * The ways a gate can fail to give a verdict, each run for real: a missing tool, a hung
 * test and a hung process tree (timeout kills everything), a basedpyright config it cannot
 * parse, output that is not what the parser expects.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGates } from '../../../src/gates/index.js';
import { config, HAS_PROC, HAS_SYSTEM_PYTHON, processesMentioning, processGone, removeDir, SYSTEM_PYTHON, toolEnv, VENV_BIN } from './support.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gates-fail-'));
});
afterEach(() => removeDir(dir));

const NO_CACHE = 'cache:\n  enabled: false\n';

describe('gate errors', () => {
  it('a missing tool is an error with the command tried and how to install it, never a pass', async () => {
    const run = await runGates({ root: dir, config: config(NO_CACHE), only: ['ruff'], env: { PATH: '/nonexistent' } });
    expect(run.conclusion).toBe('error');
    const [ruff] = run.gates;
    expect(ruff).toMatchObject({ gate: 'ruff', status: 'error', exitCode: null, command: ['ruff', 'check', '--output-format=json', '--no-fix'] });
    expect(ruff!.error!.message).toContain(`tried ${join(dir, '.venv', VENV_BIN, 'ruff')}`);
    expect(ruff!.error!.hint).toMatch(/pip install ruff/);
  });

  it.skipIf(!HAS_SYSTEM_PYTHON)('a test that hangs is killed at the timeout, with its process', async () => {
    mkdirSync(join(dir, 'tests'));
    writeFileSync(join(dir, 'tests', 'test_hang.py'), 'import time\n\ndef test_quick():\n    pass\n\ndef test_hangs():\n    time.sleep(3600)\n');
    const started = Date.now();
    const run = await runGates({ root: dir, config: config(`python: ${SYSTEM_PYTHON}\n${NO_CACHE}gates:\n  pytest:\n    timeout: 3\n`), env: toolEnv() });
    const [pytest] = run.gates;
    // The hung test is named from pytest's own progress (it prints a test's id before running
    // it); on a machine so loaded that collection outlasts the 3 s, no test is running yet.
    expect(pytest!.status).toBe('error');
    expect(pytest!.error!.message).toMatch(/^pytest did not finish within 3 s; its whole process tree was killed\.( Running when it was killed: tests\/test_hang\.py::test_hangs\.)?$/);
    expect(Date.now() - started).toBeLessThan(30_000);
    // Which processes are left is read from /proc: Linux only (the verdict above holds everywhere).
    if (HAS_PROC) {
      expect(processesMentioning(join(dir, 'tests'))).toEqual([]);
      expect(processesMentioning('pytest --junitxml=' + tmpdir())).toEqual([]);
    }
  });

  // Skipped on Windows (and wherever /proc is missing): the script needs a POSIX shell
  // (`sh`, `&`, `trap '' TERM`) and the check reads /proc to tell a zombie from a live
  // process. On Windows the same execa option (`killDescendants`) runs `taskkill /T /F`,
  // exercised by the hung-pytest test above.
  it.skipIf(process.platform === 'win32' || !HAS_PROC)('a timeout kills grandchildren too, even one that ignores SIGTERM', async () => {
    const script = [
      'sleep 1000 & echo $! > child.pid',
      // `trap '' TERM` is inherited: this sleep ignores SIGTERM and needs the SIGKILL.
      "(trap '' TERM; sleep 1000) & echo $! > stubborn.pid",
      'wait',
    ].join('\n');
    writeFileSync(join(dir, 'spawn.sh'), script);
    const yaml = `${NO_CACHE}gates:\n  tree:\n    command: [sh, spawn.sh]\n    parser: exit-code\n    timeout: 1\n`;
    const run = await runGates({ root: dir, config: config(yaml), env: toolEnv() });
    expect(run.gates[0]).toMatchObject({ status: 'error', error: { message: 'tree timed out after 1 s; its process tree was killed, and 1 process kept the output open and was killed.' } });
    const child = Number(readFileSync(join(dir, 'child.pid'), 'utf8'));
    const stubborn = Number(readFileSync(join(dir, 'stubborn.pid'), 'utf8'));
    // The SIGKILL for the stubborn one comes after a grace period.
    const deadline = Date.now() + 10_000;
    while ((!processGone(child) || !processGone(stubborn)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processGone(child)).toBe(true);
    expect(processGone(stubborn)).toBe(true);
  });

  it('basedpyright with a pyproject.toml it cannot parse is an error, whatever its exit code', async () => {
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.basedpyright\ninclude = 3\n');
    writeFileSync(join(dir, 'a.py'), 'x: int = 1\n');
    const run = await runGates({ root: dir, config: config(NO_CACHE), only: ['basedpyright'], env: toolEnv() });
    expect(run.gates[0]!.status).toBe('error');
    expect(run.gates[0]!.error!.message).toMatch(/^basedpyright could not read its configuration: Config file ".*pyproject.toml" could not be parsed/);
  });

  it.skipIf(!HAS_SYSTEM_PYTHON)('pytest with no tests collected fails by default and passes with noTests: pass', async () => {
    writeFileSync(join(dir, 'empty.py'), '');
    const base = `python: ${SYSTEM_PYTHON}\n${NO_CACHE}`;
    const failing = await runGates({ root: dir, config: config(base), only: ['pytest'], env: toolEnv() });
    expect(failing.gates[0]).toMatchObject({ status: 'failed', exitCode: 5, diagnostics: [{ rule: 'test.none-collected' }] });
    const passing = await runGates({ root: dir, config: config(`${base}gates:\n  pytest:\n    noTests: pass\n`), env: toolEnv() });
    expect(passing.gates[0]).toMatchObject({ status: 'passed', exitCode: 5 });
  });

  it('a command whose output is not what its parser expects is an error', async () => {
    const yaml = `${NO_CACHE}gates:\n  liar:\n    command: [node, -e, "console.log('all good')"]\n    parser: sarif\n`;
    const run = await runGates({ root: dir, config: config(yaml), env: toolEnv() });
    expect(run.gates[0]).toMatchObject({ status: 'error', stderrTail: 'all good' });
    expect(run.gates[0]!.error!.message).toMatch(/did not print a JSON report/);
  });

  it('output beyond the cap is an error, not a pass', { timeout: 60_000 }, async () => {
    // 65 MB of "x": more than the 64 MB per-stream cap.
    const yaml = `${NO_CACHE}gates:\n  chatty:\n    command: [node, -e, "const b='x'.repeat(1<<20); for (let i=0;i<65;i++) process.stdout.write(b)"]\n    parser: exit-code\n`;
    const run = await runGates({ root: dir, config: config(yaml), env: toolEnv() });
    expect(run.gates[0]!.status).toBe('error');
    expect(run.gates[0]!.error!.message).toMatch(/printed more than 64 MB/);
  });
});
