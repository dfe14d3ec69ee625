import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Shebangs and execute bits are POSIX; Windows lookups are tested with `windows: true` below.
const POSIX_HOST = process.platform !== 'win32';
import { parseConfigText } from '../../../src/pipeline/config/load.js';
import type { Config } from '../../../src/pipeline/config/schema.js';
import { planGates, UnknownGateError } from '../../../src/gates/plan.js';

let dir: string;
let root: string;
let bin: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-'));
  root = join(dir, 'repo');
  bin = join(dir, 'bin');
  mkdirSync(root);
  mkdirSync(bin);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tool(path: string, content = '#!/bin/sh\n'): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  chmodSync(path, 0o755);
  return path;
}

function config(yaml: string): Config {
  const result = parseConfigText(yaml);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.config;
}

const platform = () => ({ windows: false, env: { PATH: bin } });

describe('planGates', () => {
  it('plans the three built-ins with their output flags, priorities and the project interpreter', () => {
    const python = tool(join(root, '.venv/bin/python'));
    const ruff = tool(join(root, '.venv/bin/ruff'));
    const bp = tool(join(bin, 'basedpyright'));
    const plans = planGates(root, config(''), platform());
    expect(plans.map((p) => [p.name, p.argv, p.lowPriority, p.problem])).toEqual([
      ['ruff', [ruff, 'check', '--output-format=json', '--no-fix'], true, undefined],
      ['basedpyright', [bp, '--outputjson', '--pythonpath', python], true, undefined],
      ['pytest', [python, '-m', 'pytest', '--junitxml={report}', '-o', 'junit_family=xunit1', '--color=no', '-v'], false, undefined],
    ]);
    expect(plans[2]!.python).toBe(python);
  });

  it.runIf(POSIX_HOST)('runs the pytest script on PATH when there is no virtualenv, with its interpreter for basedpyright', () => {
    const python = tool(join(dir, 'sys/python3'));
    const pytest = tool(join(bin, 'pytest'), `#!${python}\n`);
    tool(join(bin, 'basedpyright'));
    const [, bp, pt] = planGates(root, config(''), platform());
    expect(pt!.argv.slice(0, 2)).toEqual([pytest, '--junitxml={report}']);
    expect(bp!.argv).toContain(python);
  });

  it('a missing tool is a planned error naming what was tried and how to install it', () => {
    const [ruff] = planGates(root, config(''), platform(), ['ruff']);
    expect(ruff!.problem!.message).toBe(`ruff was not found (tried ${join(root, '.venv/bin/ruff')}, ${join(root, 'venv/bin/ruff')}, ${join(root, 'node_modules/.bin/ruff')}, ruff on PATH).`);
    expect(ruff!.problem!.hint).toMatch(/pip install ruff/);
  });

  it('a configured interpreter that does not exist is an error for the Python gates', () => {
    tool(join(bin, 'basedpyright'));
    tool(join(bin, 'pytest'));
    const plans = planGates(root, config('python: .venv/bin/python3.13\n'), platform(), ['basedpyright', 'pytest']);
    for (const p of plans) expect(p.problem!.message).toMatch(/The configured Python interpreter ".venv\/bin\/python3.13" was not found/);
  });

  it('command replaces the program of a built-in and keeps its output flags; args are appended', () => {
    const uv = tool(join(bin, 'uv'));
    const [ruff] = planGates(root, config('gates:\n  ruff:\n    command: uv run ruff\n    args: [src]\n'), platform());
    expect(ruff!.argv).toEqual([uv, 'run', 'ruff', 'check', '--output-format=json', '--no-fix', 'src']);
  });

  it('custom gates: command and parser from config; missing ones are errors; disabled gates are skipped', () => {
    const semgrep = tool(join(bin, 'semgrep'));
    const yaml = ['gates:', '  ruff: false', '  semgrep:', '    command: [semgrep, --sarif, --output, "{report}"]', '    parser: sarif', '  nocommand:', '    parser: junit', '  noparser:', '    command: make check', '  off:', '    enabled: false', '    command: x', '    parser: exit-code', ''].join('\n');
    const plans = planGates(root, config(yaml), platform());
    expect(plans.map((p) => [p.name, p.skipped ?? false, p.problem?.message])).toEqual([
      ['ruff', true, undefined],
      ['semgrep', false, undefined],
      ['nocommand', false, 'Gate "nocommand" has no command.'],
      ['noparser', false, 'Gate "noparser" has no parser.'],
      ['off', true, undefined],
    ]);
    expect(plans[1]!.argv).toEqual([semgrep, '--sarif', '--output', '{report}']);
    expect(plans[1]!.definition.tool).toBe('semgrep');
  });

  it('--only with an unknown gate name is a usage error listing the configured gates', () => {
    expect(() => planGates(root, config(''), platform(), ['ruff', 'mypy'])).toThrow(UnknownGateError);
    expect(() => planGates(root, config(''), platform(), ['mypy'])).toThrow('Unknown gate: mypy. Configured gates: ruff, basedpyright, pytest.');
    // A typo gets a suggestion from the same edit distance as the configuration's keys.
    expect(() => planGates(root, config(''), platform(), ['pytset', 'basedpyrigth'])).toThrow('Unknown gates: pytset, basedpyrigth. Did you mean "pytest" for "pytset", "basedpyright" for "basedpyrigth"? Configured gates');
  });

  it('a working directory that does not exist is a planned error', () => {
    tool(join(bin, 'ruff'));
    const [ruff] = planGates(root, config('gates:\n  ruff:\n    cwd: backend\n'), platform());
    expect(ruff!.problem!.message).toMatch(/working directory of gate "ruff" does not exist/);
  });
});
