import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyInputOverrides, ConfigError, loadActionConfig } from '../../../src/action/config.js';
import { InputError } from '../../../src/action/inputs.js';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';

let root: string;
let cache: { dir: string };
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'action-config-'));
  cache = { dir: mkdtempSync(join(tmpdir(), 'action-config-cache-')) };
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cache.dir, { recursive: true, force: true });
});

const base = { config: '.github/spec-automation.yml', configExplicit: false, python: undefined, cache: true, failOn: undefined } as const;

describe('loadActionConfig', () => {
  it('uses the defaults when the default file is missing', async () => {
    const loaded = await loadActionConfig(root, base, cache);
    expect(loaded.file).toBeUndefined();
    expect(Object.keys(loaded.config.gates)).toEqual(['ruff', 'basedpyright', 'pytest']);
  });

  it('refuses a missing file that was named explicitly, or a directory', async () => {
    await expect(loadActionConfig(root, { ...base, config: 'ci.yml', configExplicit: true }, cache)).rejects.toThrow(InputError);
    mkdirSync(join(root, 'dir.yml'));
    await expect(loadActionConfig(root, { ...base, config: 'dir.yml', configExplicit: true }, cache)).rejects.toThrow('Input "config": dir.yml is a directory');
  });

  it('reports located errors', async () => {
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github', 'spec-automation.yml'), 'failOn: error\ngates:\n  ruff:\n    timeout: soon\n');
    const error = await loadActionConfig(root, base, cache).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const diagnostics = (error as ConfigError).diagnostics;
    expect(diagnostics.map((d) => [d.path, d.range.start.line, d.rule])).toEqual([['.github/spec-automation.yml', 4, 'config.invalid']]);
  });

  it('names the file by its repository path under a working directory, in the diagnostics; the message and fingerprint stay the project\'s', async () => {
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github', 'spec-automation.yml'), 'failOn: error\ngates:\n  ruff:\n    timeout: soon\n');
    const atRoot = (await loadActionConfig(root, base, cache).catch((e: unknown) => e)) as ConfigError;
    const error = await loadActionConfig(root, base, cache, 'apps/desk').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const { diagnostics, message } = error as ConfigError;
    expect(diagnostics.map((d) => [d.path, d.range.start.line, d.rule])).toEqual([['apps/desk/.github/spec-automation.yml', 4, 'config.invalid']]);
    expect(diagnostics[0]!.fingerprint).toBe(atRoot.diagnostics[0]!.fingerprint);
    expect(message).toBe(atRoot.message);
    expect(message).toMatch(/^The configuration \.github\/spec-automation\.yml has 1 error \(first: \.github\/spec-automation\.yml:4: /);
  });

  it('reads the file, then the same text from the config cache, with the inputs applied each time', async () => {
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github', 'spec-automation.yml'), 'python: python3.11\nfailOn: warning\n');
    const first = await loadActionConfig(root, { ...base, python: '/opt/py/bin/python' }, cache);
    expect(first).toMatchObject({ file: '.github/spec-automation.yml', config: { python: '/opt/py/bin/python', failOn: 'warning' } });
    const second = await loadActionConfig(root, { ...base, failOn: 'error', cache: false }, cache);
    expect(second.config).toMatchObject({ python: 'python3.11', failOn: 'error', cache: { enabled: false } });
  });
});

describe('applyInputOverrides', () => {
  it('overrides python, cache and failOn; never leaves failOn as configured', () => {
    const config = defaultConfig();
    expect(applyInputOverrides(config, { python: 'py', cache: false, failOn: 'never' })).toMatchObject({ python: 'py', cache: { enabled: false }, failOn: 'error' });
    expect(config.cache.enabled).toBe(true);
  });
});
