// run_gates, the local side: the change set is written into the working tree, a real gate
// (a command gate on /usr/bin/python3, exit-code parser) judges it there, and the tree
// is put back byte for byte; a crash's scratch record is put back on the next start,
// only where the agent's bytes are still in place. Node ids run under the pytest gate's
// directory with one process and the time limit.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePolicyOf } from '../../../src/pipeline/agent/guards.js';
import { configSchema, type Config } from '../../../src/pipeline/config/schema.js';
import { configForRequest, localGateCheck, pytestGateOf, restoreScratch, runGateNames } from '../../../src/cli/run/self-check.js';
import { StateStore } from '../../../src/cli/run/state-store.js';
import type { FileChange } from '../../../src/pipeline/agent/change-set.js';
import { git, HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON } from './support.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'self-check-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'initial');
  return dir;
}

const CHECK = `import pathlib, sys\ntext = pathlib.Path("app/core.py").read_text()\nnew = pathlib.Path("app/new/extra.py")\nsys.exit(0 if "fixed" in text and new.exists() and not pathlib.Path("old.txt").exists() else 1)\n`;

function config(extra: Record<string, unknown> = {}): Config {
  return configSchema.parse({ gates: { check: { command: [SYSTEM_PYTHON, 'check.py'], parser: 'exit-code' }, off: false, ...extra }, cache: { enabled: false } });
}

const CHANGES: FileChange[] = [
  { path: 'app/core.py', action: 'modify', content: 'VALUE = "fixed"\n', bytes: 16 },
  { path: 'app/new/extra.py', action: 'create', content: 'X = 1\n', bytes: 6 },
  { path: 'old.txt', action: 'delete' },
];

describe.skipIf(!HAS_SYSTEM_PYTHON || process.platform === 'win32')('localGateCheck on a real checkout', () => {
  it('judges the change set in the working tree, then puts every byte, mode and link back', async () => {
    const dir = repo({ 'check.py': CHECK, 'app/core.py': 'VALUE = "broken"\n', 'old.txt': 'old\n' });
    chmodSync(join(dir, 'old.txt'), 0o640);
    symlinkSync('app/core.py', join(dir, 'core-link'));
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'link');
    const store = new StateStore(dir, 'doc');
    const said: string[] = [];
    const port = localGateCheck({
      root: dir,
      config: config(),
      policy: writePolicyOf(configSchema.parse({}).agent),
      store,
      gates: { noCache: false, env: { PATH: process.env.PATH } },
      signal: new AbortController().signal,
      say: (t) => said.push(t),
      interrupted: () => new Error('interrupted'),
    });
    expect(port.gateNames).toEqual(['check']);
    expect(port.testGate).toBeUndefined();

    const passing = await port.run([...CHANGES, { path: 'core-link', action: 'delete' }], { kind: 'gates', gates: ['check'] }, { timeLimitMs: 60_000, iteration: 1 });
    expect(passing.conclusion).toBe('success');
    // The tree is as committed: nothing left of the change set, the created directory gone, mode and link restored.
    expect(git(dir, 'status', '--porcelain').trim()).toBe('');
    expect(readFileSync(join(dir, 'app/core.py'), 'utf8')).toBe('VALUE = "broken"\n');
    expect(existsSync(join(dir, 'app/new'))).toBe(false);
    expect(statSync(join(dir, 'old.txt')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, 'core-link'), 'utf8')).toBe('VALUE = "broken"\n');
    expect(existsSync(store.scratchPath)).toBe(false);
    expect(said[0]).toBe('      … run_gates: check on the change set (4 files)');

    const failing = await port.run(CHANGES.slice(1), { kind: 'gates', gates: ['check'] }, { timeLimitMs: 60_000, iteration: 1 });
    expect(failing.conclusion).toBe('failure');
    expect(git(dir, 'status', '--porcelain').trim()).toBe('');
  });

  it('a change set the guards refuse writes nothing and reaches no gate', async () => {
    const dir = repo({ 'check.py': CHECK, 'app/core.py': 'VALUE = "broken"\n', 'old.txt': 'old\n' });
    const port = localGateCheck({ root: dir, config: config(), policy: writePolicyOf(configSchema.parse({}).agent), store: new StateStore(dir, 'doc'), gates: { noCache: false, env: { PATH: process.env.PATH } }, signal: new AbortController().signal, interrupted: () => new Error('x') });
    await expect(port.run([...CHANGES, { path: '.git/hooks/post-commit', action: 'create', content: '#!/bin/sh\n', bytes: 10 }], { kind: 'gates', gates: ['check'] }, { timeLimitMs: 60_000, iteration: 1 })).rejects.toThrow(/protected/);
    expect(git(dir, 'status', '--porcelain').trim()).toBe('');
    expect(existsSync(join(dir, '.git/hooks/post-commit'))).toBe(false);
  });

  it('after a crash, the scratch record puts back only what still holds the agent bytes', async () => {
    const dir = repo({ 'a.py': 'A = 1\n', 'b.py': 'B = 1\n' });
    const scratch = {
      format: 1 as const,
      originals: [
        { path: 'a.py', kind: 'file' as const, data: Buffer.from('A = 1\n').toString('base64'), mode: 0o644 },
        { path: 'b.py', kind: 'file' as const, data: Buffer.from('B = 1\n').toString('base64'), mode: 0o644 },
        { path: 'c.py', kind: 'absent' as const },
      ],
      written: {
        'a.py': (await import('node:crypto')).createHash('sha256').update('A = 2\n').digest('hex'),
        'b.py': (await import('node:crypto')).createHash('sha256').update('B = 2\n').digest('hex'),
        'c.py': (await import('node:crypto')).createHash('sha256').update('C = 2\n').digest('hex'),
      },
      createdDirs: [],
    };
    // What the crash left: the agent's a.py and c.py; b.py edited by hand since.
    writeFileSync(join(dir, 'a.py'), 'A = 2\n');
    writeFileSync(join(dir, 'b.py'), 'B = 3 (mine)\n');
    writeFileSync(join(dir, 'c.py'), 'C = 2\n');
    expect(await restoreScratch(dir, scratch, true)).toEqual(['b.py']);
    expect(readFileSync(join(dir, 'a.py'), 'utf8')).toBe('A = 1\n');
    expect(readFileSync(join(dir, 'b.py'), 'utf8')).toBe('B = 3 (mine)\n');
    expect(existsSync(join(dir, 'c.py'))).toBe(false);
  });
});

describe('the configuration one call runs with', () => {
  const base = configSchema.parse({ gates: { ruff: {}, pytest: { cwd: 'backend', args: ['-q'], timeout: 120 }, lint: { command: 'make lint', parser: 'exit-code', enabled: false }, e2e: { command: 'npm test', parser: 'junit' } } });

  it('the valid names are the enabled gates of the run selection; the test gate reads pytest output', () => {
    expect(runGateNames(base, undefined)).toEqual(['ruff', 'pytest', 'e2e']);
    expect(runGateNames(base, ['pytest', 'lint'])).toEqual(['pytest']);
    expect(pytestGateOf(base, ['ruff', 'pytest'])).toBe('pytest');
    expect(pytestGateOf(base, ['ruff'])).toBeUndefined();
  });

  it('a node id runs the pytest gate alone, relative to its directory, as one process, within the limit', () => {
    const { config, only } = configForRequest(base, { kind: 'test', gate: 'pytest', nodeId: 'backend/tests/test_a.py::test_x', path: 'backend/tests/test_a.py' }, 90);
    expect(only).toEqual(['pytest']);
    expect(Object.keys(config.gates)).toEqual(['pytest']);
    expect(config.gates.pytest).toMatchObject({ cwd: 'backend', args: ['-q', 'tests/test_a.py::test_x'], shards: 1, timeout: 90 });
    expect(() => configForRequest(base, { kind: 'test', gate: 'pytest', nodeId: 'other/test_b.py', path: 'other/test_b.py' }, 90)).toThrow("other/test_b.py is outside the pytest gate's directory (backend)");
  });

  it('named gates keep their settings, with timeouts capped at the limit (a shorter one stands)', () => {
    const { config, only } = configForRequest(base, { kind: 'gates', gates: ['ruff', 'pytest'] }, 300);
    expect(only).toEqual(['ruff', 'pytest']);
    expect(config.gates.ruff).toMatchObject({ timeout: 300 });
    expect(config.gates.pytest).toMatchObject({ timeout: 120, args: ['-q'] });
  });
});

describe.skipIf(!HAS_SYSTEM_PYTHON)('the next run after a crash while run_gates ran', () => {
  it('puts back what the agent wrote into the tree before it looks at the checkout', async () => {
    const { checkoutOfExample, captureIO, toolEnv } = await import('./support.js');
    const { main } = await import('../../../src/cli/main.js');
    const { createHash } = await import('node:crypto');
    const dir = checkoutOfExample();
    dirs.push(dir);
    const original = readFileSync(join(dir, 'tasklet/model.py'));
    const store = new StateStore(dir, 'scp-2026-10-20-01');
    await store.saveScratch({
      format: 1,
      originals: [
        { path: 'tasklet/model.py', kind: 'file', data: original.toString('base64'), mode: 0o644 },
        { path: 'tasklet/export.py', kind: 'absent' },
      ],
      written: { 'tasklet/model.py': createHash('sha256').update('# agent\n').digest('hex'), 'tasklet/export.py': createHash('sha256').update('# new\n').digest('hex') },
      createdDirs: [],
    });
    // What the crash left in the tree: the agent's bytes.
    writeFileSync(join(dir, 'tasklet/model.py'), '# agent\n');
    writeFileSync(join(dir, 'tasklet/export.py'), '# new\n');
    const io = captureIO(dir, toolEnv());
    const code = await main(['run', 'docs/sprint-change-proposal-csv-export.md', '--resume'], io);
    // Nothing to resume, but the tree is clean again and the record is gone.
    expect(code).toBe(2);
    expect(io.err()).toContain("put back 2 file(s) the agent's last run_gates call had written into the working tree");
    expect(io.err()).not.toContain('uncommitted');
    expect(readFileSync(join(dir, 'tasklet/model.py'))).toEqual(original);
    expect(existsSync(join(dir, 'tasklet/export.py'))).toBe(false);
    expect(existsSync(store.scratchPath)).toBe(false);
    expect(git(dir, 'status', '--porcelain').trim()).toBe('');
  });
});
