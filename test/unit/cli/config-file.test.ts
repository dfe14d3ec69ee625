// The configuration prologue the CLI's commands and the action share (src/adapters/config-file.ts).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadActionConfig } from '../../../src/action/config.js';
import { shownConfigPath } from '../../../src/adapters/config-file.js';
import { readConfigFile } from '../../../src/cli/config-file.js';
import { UsageError } from '../../../src/cli/usage.js';

let root: string;
let outside: string;
let cacheDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'config-file-'));
  outside = mkdtempSync(join(tmpdir(), 'config-file-outside-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'config-file-cache-'));
});
afterEach(() => {
  for (const dir of [root, outside, cacheDir]) rmSync(dir, { recursive: true, force: true });
});

function writeConfig(text: string, dir = join(root, '.github'), name = 'spec-automation.yml'): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('shownConfigPath', () => {
  it('names a file inside the project by its relative path with forward slashes, one outside by its absolute path', () => {
    expect(shownConfigPath(root, join(root, '.github', 'spec-automation.yml'))).toBe('.github/spec-automation.yml');
    expect(shownConfigPath(root, join(outside, 'ci.yml'))).toBe(join(outside, 'ci.yml'));
  });
});

describe('readConfigFile', () => {
  it('uses the defaults without a file, and refuses a --config that does not exist or is a directory', async () => {
    const loaded = await readConfigFile(root, root);
    expect(loaded).toMatchObject({ ok: true, shown: undefined });
    expect(loaded.ok && Object.keys(loaded.config.gates)).toEqual(['ruff', 'basedpyright', 'pytest']);
    await expect(readConfigFile(root, root, 'nope.yml')).rejects.toThrow(new UsageError('The configuration file nope.yml does not exist.'));
    mkdirSync(join(root, 'dir.yml'));
    await expect(readConfigFile(root, root, 'dir.yml')).rejects.toThrow(UsageError);
  });

  it('names the file in its diagnostics as the action does', async () => {
    const file = writeConfig('gates:\n  ruff:\n    timeout: soon\n', outside, 'ci.yml');
    const loaded = await readConfigFile(root, outside, 'ci.yml');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.shown).toBe(file);
    expect(loaded.diagnostics[0]!.path).toBe(file);
    expect(loaded.text).toContain('timeout: soon');
    const action = await loadActionConfig(root, { config: file, configExplicit: true, python: undefined, cache: true, failOn: undefined }, { dir: cacheDir }).catch((e: unknown) => e);
    expect((action as { file: string }).file).toBe(file);
  });

  it('with the cache, reads a text validated before back from it, the entry the action reads too', async () => {
    writeConfig('python: .venv/bin/python\n');
    const first = await readConfigFile(root, root, undefined, { dir: cacheDir });
    expect(first).toMatchObject({ ok: true, shown: '.github/spec-automation.yml', config: { python: '.venv/bin/python' } });
    const entries = readdirSync(join(cacheDir, 'config'));
    expect(entries).toHaveLength(1);
    // Change what the entry says: a read that returns it came from the cache, not from the file.
    const entry = join(cacheDir, 'config', entries[0]!);
    writeFileSync(entry, JSON.stringify({ ...JSON.parse(readFileSync(entry, 'utf8')), python: 'from-the-cache' }));
    const second = await readConfigFile(root, root, undefined, { dir: cacheDir });
    expect(second.ok && second.config.python).toBe('from-the-cache');
    const action = await loadActionConfig(root, { config: '.github/spec-automation.yml', configExplicit: false, python: undefined, cache: true, failOn: undefined }, { dir: cacheDir });
    expect(action).toMatchObject({ file: '.github/spec-automation.yml', config: { python: 'from-the-cache' } });
    // Without the cache (validate, status, run) the file is parsed.
    const uncached = await readConfigFile(root, root);
    expect(uncached.ok && uncached.config.python).toBe('.venv/bin/python');
  });
});

describe('openProject (the prologue of gates, status)', () => {
  function io() {
    const err: string[] = [];
    return { err, io: { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, cwd: root, env: {}, stdoutColor: false, stderrColor: false, liveStderr: false } };
  }

  it('stops on a missing directory, a missing --config and a configuration with errors, saying so the same way for each command', async () => {
    const { openProject } = await import('../../../src/cli/prologue.js');
    const a = io();
    expect(await openProject('status', a.io, { cwd: 'nowhere' }, { stopped: 'nothing was checked' })).toBeUndefined();
    expect(a.err.join('')).toBe('spec-automation status: the directory nowhere does not exist.\n');
    const b = io();
    expect(await openProject('gates', b.io, { config: 'nope.yml' }, { stopped: 'no gate was run' })).toBeUndefined();
    expect(b.err.join('')).toBe('spec-automation gates: The configuration file nope.yml does not exist.\n');
    writeConfig('gates:\n  ruff:\n    timeout: soon\n');
    const c = io();
    expect(await openProject('gates', c.io, {}, { stopped: 'no gate was run' })).toBeUndefined();
    expect(c.err.at(-1)).toBe('spec-automation gates: the configuration .github/spec-automation.yml has errors; no gate was run.\n');
    expect(c.err[0]).toContain('timeout');
  });

  it('opens the project with its configuration, through the cache it is given', async () => {
    const { openProject } = await import('../../../src/cli/prologue.js');
    writeConfig('python: py3\n');
    const roots: string[] = [];
    const project = await openProject('gates', io().io, {}, { stopped: 'no gate was run', cache: (r) => (roots.push(r), { dir: cacheDir }) });
    expect(project).toMatchObject({ root, shown: '.github/spec-automation.yml', config: { python: 'py3' } });
    expect(roots).toEqual([root]);
    expect(readdirSync(join(cacheDir, 'config'))).toHaveLength(1);
  });
});
