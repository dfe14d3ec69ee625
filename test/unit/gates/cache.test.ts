import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ResultCache, stableHash } from '../../../src/gates/cache.js';
import type { GateResult } from '../../../src/pipeline/gate-result.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const result = (gate: string, padding = ''): GateResult => ({
  gate,
  tool: gate,
  status: 'passed',
  exitCode: 0,
  durationMs: 10,
  fromCache: false,
  command: [gate, padding],
  diagnostics: [],
});

const gatesDir = () => join(root, '.spec-automation/cache/gates');

describe('ResultCache', () => {
  it('stores and returns a result by key, and misses on another key', async () => {
    const cache = new ResultCache(root, 1024 * 1024);
    const key = stableHash({ a: 1 });
    await cache.set(key, result('ruff'));
    expect(await cache.get(key)).toEqual(result('ruff'));
    expect(await cache.get(stableHash({ a: 2 }))).toBeUndefined();
  });

  it('keeps itself out of git with its own .gitignore', async () => {
    await new ResultCache(root, 1024 * 1024).set(stableHash(1), result('ruff'));
    expect(readFileSync(join(root, '.spec-automation/cache/.gitignore'), 'utf8')).toContain('*');
  });

  it('treats a corrupt or foreign entry as a miss', async () => {
    const cache = new ResultCache(root, 1024 * 1024);
    const key = stableHash('k');
    await cache.set(key, result('ruff'));
    const [file] = readdirSync(gatesDir());
    writeFileSync(join(gatesDir(), file!), '{"format": 1, "key": "');
    expect(await cache.get(key)).toBeUndefined();
    writeFileSync(join(gatesDir(), file!), JSON.stringify({ format: 1, key: 'other', result: result('x') }));
    expect(await cache.get(key)).toBeUndefined();
  });

  it('evicts the least recently used entries beyond its size bound', async () => {
    const padding = 'x'.repeat(1000);
    const keys = ['a', 'b', 'c', 'd'].map((k) => stableHash(k));
    await new ResultCache(root, 1e9).set(keys[0]!, result('a', padding));
    const entrySize = statSync(join(gatesDir(), readdirSync(gatesDir())[0]!)).size;
    // Room for three entries and a half.
    const cache = new ResultCache(root, Math.floor(entrySize * 3.5));
    await new Promise((r) => setTimeout(r, 20));
    await cache.set(keys[1]!, result('b', padding));
    await new Promise((r) => setTimeout(r, 20));
    await cache.set(keys[2]!, result('c', padding));
    await new Promise((r) => setTimeout(r, 20));
    // Reading "a" makes it recent; "b" is now the oldest.
    expect(await cache.get(keys[0]!)).toBeDefined();
    await new Promise((r) => setTimeout(r, 20));
    await cache.set(keys[3]!, result('d', padding));
    expect(readdirSync(gatesDir())).toHaveLength(3);
    expect(await cache.get(keys[1]!)).toBeUndefined();
    for (const k of [keys[0]!, keys[2]!, keys[3]!]) expect(await cache.get(k)).toBeDefined();
  });
});

describe('stableHash', () => {
  it('ignores key order and sees every value', () => {
    expect(stableHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(stableHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(stableHash({ a: 1 })).not.toBe(stableHash({ a: '1' }));
  });
});
