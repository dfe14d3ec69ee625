/**
 * `spec-automation gates` end to end through the CLI dispatcher, on temp copies of the
 * example apps with a throwaway virtualenv: exit codes, every output format, live status
 * on stderr, the cache, and the errors a user can make (config typo, unknown gate, bad
 * format, missing tool).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { CliIO } from '../../../src/cli/io.js';
import type { GatesRun } from '../../../src/pipeline/gate-result.js';
import { strictJunitViolations } from '../../support/junit/strict-schema.js';
import { copyExample, gitInit, HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON, toolEnv, VENV_BIN } from './support.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], options: { cwd?: string; isTTY?: boolean } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: options.cwd ?? process.cwd(),
    env: toolEnv(),
    stdoutColor: options.isTTY ?? false,
    stderrColor: options.isTTY ?? false,
    liveStderr: options.isTTY ?? false,
  };
  const code = await main(['gates', ...args], io);
  return { code, stdout, stderr };
}

function withVenv(example: string): string {
  const dir = copyExample(example);
  execFileSync(SYSTEM_PYTHON, ['-m', 'venv', '--system-site-packages', '--without-pip', join(dir, '.venv')]);
  gitInit(dir);
  return dir;
}

const ONLY = ['--only', 'basedpyright,pytest'];

describe.skipIf(!HAS_SYSTEM_PYTHON)('spec-automation gates on the broken example', () => {
  let dir: string;
  let text: Captured;
  beforeAll(async () => {
    dir = withVenv('tasklet-broken');
    text = await cli(['--cwd', dir, ...ONLY, '--no-cache']);
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('exits 1 and prints the summary, the findings most important first, grouped by file, then the summary again', () => {
    expect(text.code).toBe(1);
    for (const expected of ['tasklet/model.py', 'reportReturnType', 'tasklet/window.py', 'reportArgumentType', 'tests/test_model.py', "AssertionError: assert 1 == '1 open'"]) {
      expect(text.stdout).toContain(expected);
    }
    expect(text.stdout).toMatch(/basedpyright\s+failed\s+3 errors/);
    expect(text.stdout).toMatch(/pytest\s+failed\s+2 passed, 2 failed, 1 error, 1 skipped, 1 xfailed/);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Gates failed: 0 passed, 2 failed in /);
    const at = (s: string) => text.stdout.indexOf(s);
    expect(at('Gate  ')).toBeLessThan(at('Failing tests (3)'));
    expect(at('Failing tests (3)')).toBeLessThan(at('Errors (3)'));
    expect(at('pytest/test.failed')).toBeLessThan(at('reportReturnType'));
    expect(text.stdout.lastIndexOf('Gate  ')).toBeGreaterThan(at('reportArgumentType'));
  });

  it('--max-findings and --min-severity limit the list and say what they left out', async () => {
    const capped = await cli(['--cwd', dir, ...ONLY, '--max-findings', '1']);
    expect(capped.code).toBe(1);
    expect(capped.stdout.match(/pytest\/test\.failed/g)).toHaveLength(1);
    expect(capped.stdout).not.toContain('reportReturnType');
    expect(capped.stdout).toContain('… and 5 more findings not shown (showing 1 of 6; --max-findings 1).');
  });

  it('reports live status on stderr, one line per change when not on a terminal', () => {
    const lines = text.stderr.trim().split('\n');
    expect(lines).toContain('gates: ● basedpyright running 0.0s');
    expect(lines.some((l) => /^gates: ✗ pytest failed [\d.]+s 2 passed, 2 failed/.test(l))).toBe(true);
    expect(text.stdout).not.toContain('running');
  });

  it('--format json writes the run to stdout, nothing else', async () => {
    const json = await cli(['--cwd', dir, ...ONLY, '--format', 'json']);
    expect(json.code).toBe(1);
    const run = JSON.parse(json.stdout) as GatesRun;
    expect(run).toMatchObject({ schemaVersion: 1, conclusion: 'failure' });
    expect(run.gates.map((g) => [g.gate, g.status])).toEqual([
      ['basedpyright', 'failed'],
      ['pytest', 'failed'],
    ]);
    // The text run before stored these results: this one came from the cache.
    expect(run.gates.every((g) => g.fromCache)).toBe(true);
    expect(json.stderr).toContain('cached');
  });

  it('--format sarif writes SARIF 2.1.0 with one run per gate', async () => {
    const sarif = await cli(['--cwd', dir, ...ONLY, '--format', 'sarif']);
    const doc = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ tool: { driver: { name: string } }; results: Array<{ ruleId: string }> }> };
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs.map((r) => r.tool.driver.name)).toEqual(['basedpyright', 'pytest']);
    expect(doc.runs[0]!.results.map((r) => r.ruleId)).toEqual(['reportReturnType', 'reportAttributeAccessIssue', 'reportArgumentType']);
    expect(doc.runs[1]!.results.map((r) => r.ruleId).sort()).toEqual(['test.error', 'test.failed', 'test.failed']);
  });

  it('--format junit writes valid JUnit XML', async () => {
    const junit = await cli(['--cwd', dir, ...ONLY, '--format', 'junit']);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toContain('<testsuite name="pytest" tests="7" failures="2" errors="1" skipped="2"');
    expect(strictJunitViolations(junit.stdout)).toEqual([]);
  });

  it('--no-cache runs the tools again', async () => {
    const fresh = await cli(['--cwd', dir, '--only', 'pytest', '--no-cache', '--format', 'json']);
    expect((JSON.parse(fresh.stdout) as GatesRun).gates[0]!.fromCache).toBe(false);
  });
});

describe.skipIf(!HAS_SYSTEM_PYTHON)('spec-automation gates on the clean example', () => {
  let dir: string;
  beforeAll(() => {
    dir = withVenv('tasklet');
  });
  afterAll(() => removeDir(dir));

  it('exits 0, then answers a second run from the cache', async () => {
    const first = await cli(['--cwd', dir, ...ONLY]);
    expect(first.code).toBe(0);
    expect(first.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Gates passed: 2 passed in /);
    const second = await cli(['--cwd', dir, ...ONLY]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/basedpyright\s+passed.*cached/);
    expect(second.stdout).toMatch(/2 passed; 2 from cache/);
  }, 120_000);

  it('redraws the status block in place on a terminal', async () => {
    const tty = await cli(['--cwd', dir, ...ONLY], { isTTY: true });
    expect(tty.stderr).toContain('\u001b[2F\u001b[J');
    expect(tty.stderr).not.toContain('gates: ');
  });
});

describe('spec-automation gates: user errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyExample('tasklet-broken');
  });
  afterAll(() => removeDir(dir));

  it('a config typo is a located error, exit 2, and no gate runs', async () => {
    mkdirSync(join(dir, '.github'), { recursive: true });
    writeFileSync(join(dir, '.github', 'spec-automation.yml'), 'gates:\n  pytest:\n    timout: 30\n');
    const result = await cli(['--cwd', dir]);
    removeDir(join(dir, '.github'));
    expect(result.code).toBe(2);
    // Grouped under the file, at line 3 column 5, with a code frame pointing at the key.
    expect(result.stderr).toMatch(/\.github\/spec-automation\.yml\n\s+3:5\s+error/);
    expect(result.stderr).toMatch(/> 3 │\s+timout: 30/);
    expect(result.stderr).toContain('Unknown key "timout" in gates.pytest.');
    expect(result.stderr).toContain('Did you mean "timeout"?');
    expect(result.stderr).toContain('no gate was run');
    expect(result.stdout).toBe('');
  });

  it('--config points at another file, and a missing one is an error', async () => {
    writeFileSync(join(dir, 'gates.yml'), 'gates:\n  only-echo:\n    command: [node, -e, "0"]\n    parser: exit-code\n');
    const ok = await cli(['--cwd', dir, '--config', join(dir, 'gates.yml')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/only-echo\s+passed/);
    const missing = await cli(['--cwd', dir, '--config', 'nope.yml']);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('The configuration file nope.yml does not exist.');
  });

  it('a missing tool exits 2 and says what was tried and how to install it', async () => {
    const result = await cli(['--cwd', dir, '--only', 'ruff']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`! ruff: ruff was not found (tried ${join(dir, '.venv', VENV_BIN, 'ruff')}`);
    expect(result.stdout).toContain('hint: Install it in the project: `pip install ruff`');
  });

  it.each([
    [['--only', 'mypy'], 'Unknown gate: mypy. Configured gates: ruff, basedpyright, pytest.'],
    [['--only', 'pytset'], 'Unknown gate: pytset. Did you mean "pytest"? Configured gates: ruff, basedpyright, pytest.'],
    [['--max-findings', 'some'], '--max-findings takes a whole number or "all", not "some".'],
    [['--min-severity', 'fatal'], 'Unknown severity "fatal" for --min-severity; use one of error, warning, info.'],
    [['--format', 'xml'], 'Unknown format "xml"; use one of text, json, sarif, junit.'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['--cwd', '/nonexistent/dir'], 'the directory /nonexistent/dir does not exist'],
  ])('usage error %j exits 2', async (args, message) => {
    const result = await cli(args[0] === '--cwd' ? args : ['--cwd', dir, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('--help prints the usage', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: spec-automation gates [options]');
  });
});
