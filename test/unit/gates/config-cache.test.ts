import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedConfig, rememberConfig, schemaSourceCandidates, sourceIdentity } from '../../../src/gates/config-cache.js';
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
  });

  it('misses on an entry that fails the schema (a forged or damaged file), and says a failed write', async () => {
    const text = 'gates:\n  pytest:\n    timeout: 30\n';
    await rememberConfig(root, text, parse(text));
    const [file] = readdirSync(join(root, 'config'));
    for (const forged of ['{"gates": {"pytest": {"args": "-k nothing"}}}', '[]', 'null', '{"gates":']) {
      writeFileSync(join(root, 'config', file!), forged);
      expect(await cachedConfig(root, text)).toBeUndefined();
    }
    rmSync(join(root, 'config'), { recursive: true });
    writeFileSync(join(root, 'config'), 'a file where the directory goes');
    const errors: unknown[] = [];
    await rememberConfig(root, text, parse(text), (e) => errors.push(e));
    expect(errors).toHaveLength(1);
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
    expect(readdirSync(root)).toEqual([]);
  });

  describe('schema identity', () => {
    it('in the ncc bundle, where the schema has no file of its own, is the bundle itself and changes with it', async () => {
      const bundle = join(root, 'dist', 'index.js');
      mkdirSync(join(root, 'dist'));
      writeFileSync(bundle, 'const schema = 1;');
      const url = pathToFileURL(bundle).href;
      const first = await sourceIdentity(schemaSourceCandidates(url));
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      writeFileSync(bundle, 'const schema = 2;');
      const second = await sourceIdentity(schemaSourceCandidates(url));
      expect(second).toMatch(/^[0-9a-f]{64}$/);
      expect(second).not.toBe(first);
    });

    it('prefers the schema file beside the compiled module over the module itself', async () => {
      mkdirSync(join(root, 'lib', 'gates'), { recursive: true });
      mkdirSync(join(root, 'lib', 'pipeline', 'config'), { recursive: true });
      writeFileSync(join(root, 'lib', 'gates', 'config-cache.js'), 'cache');
      writeFileSync(join(root, 'lib', 'pipeline', 'config', 'schema.js'), 'schema');
      const url = pathToFileURL(join(root, 'lib', 'gates', 'config-cache.js')).href;
      const before = await sourceIdentity(schemaSourceCandidates(url));
      writeFileSync(join(root, 'lib', 'gates', 'config-cache.js'), 'cache, changed');
      expect(await sourceIdentity(schemaSourceCandidates(url))).toBe(before);
      writeFileSync(join(root, 'lib', 'pipeline', 'config', 'schema.js'), 'schema, changed');
      expect(await sourceIdentity(schemaSourceCandidates(url))).not.toBe(before);
    });

    it('is undefined, not a shared constant, when nothing can be read', async () => {
      expect(await sourceIdentity(schemaSourceCandidates(pathToFileURL(join(root, 'missing', 'index.js')).href))).toBeUndefined();
    });
  });
});
