/**
 * The result cache end to end, in a temp git repository with real gates: an unchanged
 * second run comes from the cache without starting a tool; a change to a file the gate
 * reads (committed or not, tracked or new) runs it again; `inputs` narrows what counts;
 * `noCache` bypasses reading.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGates } from '../../../src/gates/index.js';
import { inputsDigest, listInputs } from '../../../src/gates/inputs.js';
import { config, gitInit, removeDir, toolEnv } from './support.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gates-cache-'));
});
afterEach(() => removeDir(dir));

/** A gate that counts its runs in a file outside the repository and lists findings from a.txt. */
function countingGate(counter: string, inputs?: string[]): string {
  const script = `require('fs').appendFileSync(${JSON.stringify(counter)}, 'x'); const t = require('fs').readFileSync('a.txt', 'utf8'); if (t.includes('bad')) { console.log('a.txt:1: error: bad content'); process.exit(1); }`;
  return [
    'gates:',
    '  count:',
    `    command: [node, -e, ${JSON.stringify(script)}]`,
    '    parser: regex',
    `    pattern: '^(?<file>[^:]+):(?<line>\\d+): (?<severity>\\w+): (?<message>.+)$'`,
    ...(inputs ? [`    inputs: [${inputs.map((i) => JSON.stringify(i)).join(', ')}]`] : []),
    '',
  ].join('\n');
}

describe('gate result cache', () => {
  it('answers an unchanged run from the cache, reruns on any change to what the gate reads', async () => {
    const counter = join(mkdtempSync(join(tmpdir(), 'counter-')), 'runs');
    writeFileSync(join(dir, 'a.txt'), 'good\n');
    writeFileSync(join(dir, 'b.txt'), 'other\n');
    gitInit(dir);
    const cfg = config(countingGate(counter));
    const run = () => runGates({ root: dir, config: cfg, env: toolEnv() });
    const runs = () => readFileSync(counter, 'utf8').length;

    const first = await run();
    expect(first.gates[0]).toMatchObject({ status: 'passed', fromCache: false });
    const second = await run();
    expect(second.gates[0]).toMatchObject({ status: 'passed', fromCache: true });
    expect(runs()).toBe(1);
    // Nothing of the cache is in the checkout.
    expect(existsSync(join(dir, '.spec-automation'))).toBe(false);

    // An uncommitted edit of a tracked file.
    writeFileSync(join(dir, 'a.txt'), 'bad\n');
    const third = await run();
    expect(third.gates[0]).toMatchObject({ status: 'failed', fromCache: false, diagnostics: [{ path: 'a.txt', message: 'bad content' }] });
    // Failures are verdicts too: cached.
    expect((await run()).gates[0]).toMatchObject({ status: 'failed', fromCache: true });
    expect(runs()).toBe(2);

    // A new, untracked file counts (when no inputs globs narrow it).
    writeFileSync(join(dir, 'new.txt'), 'hello\n');
    expect((await run()).gates[0]!.fromCache).toBe(false);
    expect(runs()).toBe(3);

    // noCache: runs again even though nothing changed, and refreshes the entry.
    expect((await runGates({ root: dir, config: cfg, env: toolEnv(), noCache: true })).gates[0]!.fromCache).toBe(false);
    expect(runs()).toBe(4);
    expect((await run()).gates[0]!.fromCache).toBe(true);
    expect(runs()).toBe(4);

    // The same tree committed as it is (the local loop commits what its run_gates checked):
    // answered from the cache, no tool run.
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
    git('add', '-A');
    git('commit', '-q', '-m', 'the change');
    expect((await run()).gates[0]).toMatchObject({ status: 'failed', fromCache: true });
    expect(runs()).toBe(4);
  });

  it('with inputs globs, only matching files invalidate the entry; gate config changes always do, its time limit alone does not', async () => {
    const counter = join(mkdtempSync(join(tmpdir(), 'counter-')), 'runs');
    writeFileSync(join(dir, 'a.txt'), 'good\n');
    writeFileSync(join(dir, 'notes.md'), 'v1\n');
    gitInit(dir);
    const runs = () => readFileSync(counter, 'utf8').length;
    const cfg = config(countingGate(counter, ['*.txt']));
    await runGates({ root: dir, config: cfg, env: toolEnv() });
    appendFileSync(join(dir, 'notes.md'), 'v2\n');
    expect((await runGates({ root: dir, config: cfg, env: toolEnv() })).gates[0]!.fromCache).toBe(true);
    appendFileSync(join(dir, 'a.txt'), 'still good\n');
    expect((await runGates({ root: dir, config: cfg, env: toolEnv() })).gates[0]!.fromCache).toBe(false);
    expect(runs()).toBe(2);
    // Another time limit alone is the same verdict (a run past its limit is an error, never
    // cached): run_gates caps the limit per call, and the gates after the commit reuse it.
    const limited = config(countingGate(counter, ['*.txt']).replace('    parser: regex', '    parser: regex\n    timeout: 60'));
    expect((await runGates({ root: dir, config: limited, env: toolEnv() })).gates[0]!.fromCache).toBe(true);
    const changed = config(countingGate(counter, ['*.txt']).replace('    parser: regex', '    parser: regex\n    args: [extra]'));
    expect((await runGates({ root: dir, config: changed, env: toolEnv() })).gates[0]!.fromCache).toBe(false);
    expect(runs()).toBe(3);
  });

  it('never caches a tool error', async () => {
    gitInit(dir);
    const cfg = config('gates:\n  broken:\n    command: [node, -e, "process.exit(3)"]\n    parser: sarif\n');
    expect((await runGates({ root: dir, config: cfg, env: toolEnv() })).gates[0]!.status).toBe('error');
    expect((await runGates({ root: dir, config: cfg, env: toolEnv() })).gates[0]!.fromCache).toBe(false);
  });
});

describe('listInputs', () => {
  it('uses blob ids for clean tracked files and for changes on disk (as git would hash them); deleted files drop out', async () => {
    writeFileSync(join(dir, 'a.txt'), 'one\n');
    writeFileSync(join(dir, 'b.txt'), 'two\n');
    // spec-automation's own state never counts, even when committed.
    mkdirSync(join(dir, '.spec-automation'));
    writeFileSync(join(dir, '.spec-automation', 'lock.json'), '{}');
    gitInit(dir);
    const clean = await listInputs(dir);
    expect([...clean.keys()].sort()).toEqual(['a.txt', 'b.txt']);
    expect(clean.get('a.txt')).toMatch(/^[0-9a-f]{40}$/);
    writeFileSync(join(dir, 'a.txt'), 'changed\n');
    removeDir(join(dir, 'b.txt'));
    writeFileSync(join(dir, 'c.txt'), 'new\n');
    const dirty = await listInputs(dir);
    expect([...dirty.keys()].sort()).toEqual(['a.txt', 'c.txt']);
    // The id git gives the file once committed: the same content keys the same.
    expect(dirty.get('a.txt')).toBe(execFileSync('git', ['hash-object', 'a.txt'], { cwd: dir, encoding: 'utf8' }).trim());
    expect(dirty.get('c.txt')).toBe(execFileSync('git', ['hash-object', 'c.txt'], { cwd: dir, encoding: 'utf8' }).trim());
    expect(await inputsDigest(dirty, undefined)).not.toBe(await inputsDigest(clean, undefined));
    expect(await inputsDigest(dirty, ['c.*'])).toBe(await inputsDigest(new Map([['c.txt', dirty.get('c.txt')!]]), undefined));
  });

  it('outside a git repository, lists every file except caches and environments', async () => {
    writeFileSync(join(dir, 'a.py'), 'x = 1\n');
    mkdirSync(join(dir, '__pycache__'));
    writeFileSync(join(dir, '__pycache__', 'a.cpython-311.pyc'), 'bytes');
    mkdirSync(join(dir, '.venv', 'lib'), { recursive: true });
    writeFileSync(join(dir, '.venv', 'lib', 'x.py'), '');
    expect([...(await listInputs(dir)).keys()]).toEqual(['a.py']);
  });
});
