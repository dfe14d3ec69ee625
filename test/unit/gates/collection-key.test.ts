/**
 * The key a remembered pytest collection is reused under (pytest-shards/collection-key.ts),
 * the inverse of the JUnit id for node ids, whole-file splits, and what a cancelled gate
 * does to a run's conclusion.
 */
import { describe, expect, it } from 'vitest';
import { historyOf, collectionOf } from '../../../src/gates/history.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { collectionDigest, testLikeOnDisk, widensCollection } from '../../../src/gates/pytest-shards/collection-key.js';
import { nodeIdOf } from '../../../src/gates/pytest-shards/run.js';
import { junitId, splitShards } from '../../../src/gates/pytest-shards/split.js';
import { conclusionOf, type GateResult } from '../../../src/pipeline/gate-result.js';
import { shardsNote } from '../../../src/reporting/shards.js';

const base = new Map([
  ['pyproject.toml', 'p1'],
  ['app/model.py', 'm1'],
  ['app/tests/conftest.py', 'c1'],
  ['app/tests/test_a.py', 'a1'],
  ['app/tests/helpers.py', 'h1'],
  ['app/pytest.ini', 'i1'],
  ['other/test_x.py', 'x1'],
  ['other/pytest.ini', 'o1'],
]);
const digest = (changes: Record<string, string | undefined> = {}, widened = false, testFiles = ['tests/test_a.py']) => {
  const hashes = new Map(base);
  for (const [path, hash] of Object.entries(changes)) {
    if (hash === undefined) hashes.delete(path);
    else hashes.set(path, hash);
  }
  return collectionDigest({ hashes, cwd: 'app', testFiles, widened });
};

describe('collectionDigest', () => {
  const same = digest();
  it('changes with what decides the collection: a test file, a conftest, the config here or above, a new test-like file, a collected file gone', () => {
    expect(digest({ 'app/tests/test_a.py': 'a2' })).not.toBe(same);
    expect(digest({ 'app/tests/conftest.py': 'c2' })).not.toBe(same);
    expect(digest({ 'app/pytest.ini': 'i2' })).not.toBe(same);
    expect(digest({ 'pyproject.toml': 'p2' })).not.toBe(same);
    expect(digest({ 'app/tests/test_new.py': 'n1' })).not.toBe(same);
    expect(digest({ 'app/tests/unit/thing_test.py': 'n1' })).not.toBe(same);
    expect(digest({ 'app/tests/test_a.py': undefined })).not.toBe(same);
  });

  it('does not change with the code under test, a helper module, or another directory\'s tests and config', () => {
    expect(digest({ 'app/model.py': 'm2' })).toBe(same);
    expect(digest({ 'app/tests/helpers.py': 'h2' })).toBe(same);
    expect(digest({ 'other/test_x.py': 'x2', 'other/pytest.ini': 'o2', 'other/test_y.py': 'y1' })).toBe(same);
  });

  it('widened (python_files, doctests): any new file under the gate counts, by path', () => {
    const wide = digest({}, true);
    expect(wide).not.toBe(same);
    expect(digest({ 'app/checks.py': 'k1' }, true)).not.toBe(wide);
    expect(digest({ 'app/model.py': 'm2' }, true)).toBe(wide);
    // A collected file of any name is hashed by content.
    expect(digest({ 'app/model.py': 'm2' }, true, ['tests/test_a.py', 'model.py'])).not.toBe(digest({}, true, ['tests/test_a.py', 'model.py']));
  });

  it('counts the test-like files on disk, which git may ignore and pytest does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collection-key-'));
    try {
      for (const f of ['tests/test_a.py', 'tests/helper.py', 'tests/unit/thing_test.py', '.venv/lib/test_x.py', 'node_modules/p/test_y.py', 'tests/__pycache__/test_a.cpython-313.pyc']) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        writeFileSync(join(dir, f), '');
      }
      expect(await testLikeOnDisk(dir, false)).toEqual(['tests/test_a.py', 'tests/unit/thing_test.py']);
      expect(await testLikeOnDisk(dir, true)).toEqual(['tests/helper.py', 'tests/test_a.py', 'tests/unit/thing_test.py']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const hashes = new Map(base);
    expect(collectionDigest({ hashes, cwd: 'app', testFiles: [], widened: false, onDisk: ['tests/test_a.py'] })).not.toBe(
      collectionDigest({ hashes, cwd: 'app', testFiles: [], widened: false, onDisk: ['tests/test_a.py', 'tests/test_ignored.py'] }),
    );
  });

  it('widensCollection reads python_files and doctests in the configuration or the arguments', () => {
    expect(widensCollection(['[pytest]\npython_files = check_*.py\n'], [])).toBe(true);
    expect(widensCollection(['[tool.pytest.ini_options]\naddopts = "--doctest-modules"\n'], [])).toBe(true);
    expect(widensCollection([], ['python', '-m', 'pytest', '--doctest-modules'])).toBe(true);
    expect(widensCollection(['[pytest]\ntestpaths = tests\n'], ['python', '-m', 'pytest', '-v'])).toBe(false);
  });
});

describe('remembered ids', () => {
  it('nodeIdOf undoes junitId for nested classes and leaves the rest', () => {
    for (const id of ['t.py::test_a', 't.py::A::test_b[1]', 't.py::Outer::Inner::test_c', 't.py::test_d[a.b]']) expect(nodeIdOf(junitId(id))).toBe(id);
  });

  it('splits remembered ids by whole files, however heavy one file is', () => {
    const ids = ['big.py::test_0', 'big.py::test_1', 'big.py::test_2', 'small.py::test_0'];
    expect(splitShards(ids, 2).args.flat()).toContain('big.py::test_1');
    expect(splitShards(ids, 2, {}, new Set(), { wholeFiles: true }).args).toEqual([['big.py'], ['small.py']]);
  });

  const result = (over: Partial<GateResult>): GateResult => ({
    gate: 'pytest',
    tool: 'pytest',
    status: 'failed',
    exitCode: 1,
    durationMs: 10,
    fromCache: false,
    command: [],
    diagnostics: [],
    tests: { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 5, cases: [{ id: 't.py::a', name: 'a', outcome: 'passed', durationMs: 2 }, { id: 't.py::b', name: 'b', outcome: 'failed', durationMs: 3 }] },
    ...over,
  });

  it('a finished run is remembered; one cut short by fail fast is not, nor a report with an id twice', () => {
    expect(collectionOf(result({}))).toEqual(['t.py::a', 't.py::b']);
    expect(historyOf(result({}))?.failed).toEqual(['t.py::b']);
    const cut = result({ shards: { count: 2, durationsMs: [1, 1], slowestMs: 1, balance: 1, cancelled: 1 } });
    expect(collectionOf(cut)).toBeUndefined();
    expect(historyOf(cut)).toBeUndefined();
    const twice = result({});
    twice.tests!.cases.push({ ...twice.tests!.cases[0]! });
    expect(collectionOf(twice)).toBeUndefined();
  });
});

describe('conclusionOf with cancelled gates', () => {
  const gate = (status: GateResult['status']): GateResult => ({ gate: status, tool: 't', status, exitCode: null, durationMs: 0, fromCache: false, command: [], diagnostics: [] });
  it('a cancelled gate is no pass: beside a failure the run failed, alone it is an error', () => {
    expect(conclusionOf([gate('passed'), gate('cancelled')])).toBe('error');
    expect(conclusionOf([gate('failed'), gate('cancelled')])).toBe('failure');
    expect(conclusionOf([gate('error'), gate('cancelled')])).toBe('error');
  });
});

describe('shards note', () => {
  it('says when the shards came from the last collection, and how many fail fast cancelled', () => {
    expect(shardsNote({ count: 2, durationsMs: [6100, 5900], slowestMs: 6100, balance: 1.02, remembered: true })).toBe('2 shards, slowest 6.1s, balance 1.02, from the last collection');
    expect(shardsNote({ count: 3, durationsMs: [900, 0, 0], slowestMs: 900, balance: 3, failedFirst: true, cancelled: 2 })).toBe('3 shards (last failures first), slowest 0.9s, balance 3.00; 2 cancelled (fail fast)');
  });
});
