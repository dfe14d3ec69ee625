/**
 * Tool resolution through a real virtualenv: `python -m venv --system-site-packages`
 * (Debian's pytest and PyQt6 visible inside) in a temp copy of the broken example. With
 * no `python:` configured and a PATH without pytest, the gates must find the venv.
 */
import { execFileSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGates } from '../../../src/gates/index.js';
import type { GatesRun } from '../../../src/pipeline/gate-result.js';
import { config, copyExample, HAS_SYSTEM_PYTHON, NODE_BIN, removeDir, SYSTEM_PYTHON, venvPython, WINDOWS } from './support.js';

describe.skipIf(!HAS_SYSTEM_PYTHON)('gates with the project virtualenv', () => {
  let dir: string;
  let run: GatesRun;
  beforeAll(async () => {
    dir = copyExample('tasklet-broken');
    execFileSync(SYSTEM_PYTHON, ['-m', 'venv', '--system-site-packages', '--without-pip', join(dir, '.venv')]);
    // basedpyright (npm) and node only (and, on Windows, System32): no Python on this PATH at all.
    const dirs = [NODE_BIN, dirname(process.execPath), ...(WINDOWS ? [join(process.env.SystemRoot ?? 'C:\\Windows', 'System32')] : [])];
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toUpperCase() !== 'PATH'));
    const env = { ...base, PATH: dirs.join(delimiter), QT_QPA_PLATFORM: 'offscreen' };
    run = await runGates({ root: dir, config: config('cache:\n  enabled: false\n'), only: ['basedpyright', 'pytest'], env });
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('runs pytest with the venv interpreter and type-checks against it', () => {
    const python = venvPython(join(dir, '.venv'));
    expect(run.gates[1]!.command.slice(0, 3)).toEqual([python, '-m', 'pytest']);
    expect(run.gates[0]!.command.slice(-2)).toEqual(['--pythonpath', python]);
  });

  it('gets the same verdicts as with the system interpreter', () => {
    expect(run.gates.map((g) => [g.gate, g.status])).toEqual([
      ['basedpyright', 'failed'],
      ['pytest', 'failed'],
    ]);
    expect(run.gates[0]!.diagnostics.map((d) => d.rule)).toEqual(['reportReturnType', 'reportAttributeAccessIssue', 'reportArgumentType']);
    expect(run.gates[1]!.tests).toMatchObject({ total: 7, failed: 2, errored: 1 });
    expect(run.gates[1]!.toolVersion).toMatch(/^\d+\.\d+/);
  });
});
