import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedConfig, rememberConfig } from '../../../src/gates/config-cache.js';
import { parseConfigText } from '../../../src/pipeline/config/load.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'config-cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function parse(text: string) {
  const result = parseConfigText(text);
  if (!result.ok) throw new Error('invalid');
  return result.config;
}

describe('config cache', () => {
  it('returns the validated config for the same text only', async () => {
    const text = 'gates:\n  pytest:\n    timeout: 30\n';
    expect(await cachedConfig(root, text)).toBeUndefined();
    await rememberConfig(root, text, parse(text));
    expect(await cachedConfig(root, text)).toEqual(parse(text));
    expect(await cachedConfig(root, `${text}\n`)).toBeUndefined();
    expect(readFileSync(join(root, '.spec-automation/cache/.gitignore'), 'utf8')).toContain('*');
  });

  it('tells "no config file" apart from an empty one', async () => {
    await rememberConfig(root, undefined, parse(''));
    expect(await cachedConfig(root, undefined)).toEqual(parse(''));
    expect(await cachedConfig(root, '')).toBeUndefined();
  });

  it('stores nothing when the config turns caching off', async () => {
    const text = 'cache:\n  enabled: false\n';
    await rememberConfig(root, text, parse(text));
    expect(await cachedConfig(root, text)).toBeUndefined();
    expect(() => readdirSync(join(root, '.spec-automation'))).toThrow();
  });
});
