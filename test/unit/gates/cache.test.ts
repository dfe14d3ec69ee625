import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const gatesDir = () => join(root, 'gates');

describe('ResultCache', () => {
  it('stores and returns a result by key, and misses on another key', async () => {
    const cache = new ResultCache(root, 1024 * 1024);
    const key = stableHash({ a: 1 });
    await cache.set(key, result('ruff'));
    expect(await cache.get(key)).toEqual(result('ruff'));
    expect(await cache.get(stableHash({ a: 2 }))).toBeUndefined();
  });

  it('misses on an entry that does not have a gate result\'s shape, without throwing', async () => {
    const cache = new ResultCache(root, 1024 * 1024);
    const key = stableHash('forged');
    await cache.set(key, result('pytest'));
    const [file] = readdirSync(gatesDir());
    const forged = (r: unknown) => writeFileSync(join(gatesDir(), file!), JSON.stringify({ format: 1, key, result: r }));
    for (const bad of [null, 'passed', { ...result('pytest'), status: 'error' }, { ...result('pytest'), diagnostics: 'none' }, { ...result('pytest'), diagnostics: [{ message: 1 }] }, { gate: 'pytest', status: 'passed' }]) {
      forged(bad);
      expect(await cache.get(key)).toBeUndefined();
    }
    forged(result('pytest'));
    expect(await cache.get(key)).toEqual(result('pytest'));
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('says a failed write once, keeps going, and leaves no temp file', async () => {
    mkdirSync(gatesDir());
    chmodSync(gatesDir(), 0o500);
    const errors: unknown[] = [];
    const cache = new ResultCache(root, 1024 * 1024, (e) => errors.push(e));
    await cache.set(stableHash(1), result('ruff'));
    await cache.set(stableHash(2), result('pytest'));
    expect(errors).toHaveLength(2);
    expect(readdirSync(gatesDir())).toEqual([]);
    chmodSync(gatesDir(), 0o700);
  });

  it('leaves no temp file when the rename fails (a directory where the entry goes)', async () => {
    const key = stableHash('blocked');
    mkdirSync(join(gatesDir(), `${key.slice(0, 40)}.json`), { recursive: true });
    const errors: unknown[] = [];
    await new ResultCache(root, 1024 * 1024, (e) => errors.push(e)).set(key, result('ruff'));
    expect(errors).toHaveLength(1);
    expect(readdirSync(gatesDir()).filter((n) => n.endsWith('.tmp'))).toEqual([]);
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
