/**
 * Sharded pytest with the real pytest on projects generated in a temp directory: a
 * sharded run gives the verdict, counts and failures of a single run; isolation (temp
 * paths shared by name); a suite that declares `shards: 1`; a crashing shard; failures
 * first; a collection that does not add up.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGates, type GateProgressEvent } from '../../../src/gates/index.js';
import type { GateResult } from '../../../src/pipeline/gate-result.js';
import { config, HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON, toolEnv } from './support.js';

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gates-shards-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'gates-shards-cache-'));
});
afterEach(() => {
  removeDir(dir);
  removeDir(cacheDir);
});

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function gateYaml(pytest: string, cache = false): string {
  return `python: ${JSON.stringify(SYSTEM_PYTHON)}\nconcurrency: 2\ncache:\n  enabled: ${cache}\ngates:\n  pytest:\n${pytest}`;
}

async function runPytest(pytest: string, options: { cache?: boolean; failedFirst?: boolean; onProgress?: (e: GateProgressEvent) => void } = {}): Promise<GateResult> {
  const run = await runGates({
    root: dir,
    config: config(gateYaml(pytest, options.cache)),
    env: toolEnv(),
    cacheDir,
    ...(options.failedFirst ? { failedFirst: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return run.gates[0]!;
}

/** What must not depend on sharding: the verdict, the counts, and each test's outcome and message. */
function comparable(result: GateResult) {
  const { cases, durationMs: _suite, ...counts } = result.tests ?? { cases: [], durationMs: 0 };
  return {
    status: result.status,
    exitCode: result.exitCode,
    counts,
    cases: cases.map((c) => ({ id: c.id, outcome: c.outcome, message: c.message, location: c.location })),
    diagnostics: result.diagnostics.map((d) => ({ path: d.path, line: d.range.start.line, rule: d.rule, message: d.message, fingerprint: d.fingerprint })),
  };
}

const MIXED = {
  'tests/test_a.py': 'import pytest\n\ndef test_pass():\n    assert True\n\ndef test_fail():\n    assert 1 == 2\n\n@pytest.fixture\ndef broken():\n    raise RuntimeError("setup broke")\n\ndef test_error(broken):\n    pass\n',
  'tests/test_b.py': 'import pytest\n\n@pytest.mark.skip(reason="not today")\ndef test_skipped():\n    pass\n\n@pytest.mark.xfail(reason="known")\ndef test_xfail():\n    assert False\n\nclass TestGroup:\n    @pytest.mark.parametrize("n", [1, 2, 3])\n    def test_param(self, n):\n        assert n > 0\n',
  'tests/test_c.py': 'def test_c1():\n    assert "x"\n\ndef test_c2():\n    assert [1] == [1]\n',
};

describe.skipIf(!HAS_SYSTEM_PYTHON)('sharded pytest', () => {
  it('a failing, an erroring, a skipped and an xfail test land in the same counts, outcomes and findings as a single run', async () => {
    write(MIXED);
    const single = await runPytest('    shards: 1\n');
    const sharded = await runPytest('    shards: 3\n');
    expect(single.shards).toMatchObject({ count: 1, reason: 'gates.pytest.shards is 1' });
    expect(sharded.shards?.count).toBe(3);
    expect(sharded.shards?.durationsMs).toHaveLength(3);
    expect(single.tests).toMatchObject({ total: 10, passed: 6, failed: 1, errored: 1, skipped: 1, xfailed: 1 });
    expect(comparable(sharded)).toEqual(comparable(single));
  });

  it('tests that share a temp path by name pass sharded, as they do alone: each shard has its own temp directory and basetemp', async () => {
    const seen = join(dir, 'seen');
    mkdirSync(seen);
    // Each test holds a lock file of a fixed name in the temp directory for a while: two
    // processes sharing one temp directory would collide on it.
    const body = (n: number) =>
      `import os, tempfile, time\n\ndef test_lock_${n}(tmp_path):\n    lock = os.path.join(tempfile.gettempdir(), "suite.lock")\n    fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)\n    try:\n        with open(os.path.join(${JSON.stringify(seen)}, "${n}"), "w") as out:\n            out.write(tempfile.gettempdir() + "\\n" + str(tmp_path))\n        time.sleep(0.3)\n    finally:\n        os.close(fd)\n        os.remove(lock)\n`;
    write({ 'tests/test_one.py': body(1), 'tests/test_two.py': body(2), 'tests/test_three.py': body(3), 'tests/test_four.py': body(4) });
    const result = await runPytest('    shards: 2\n');
    expect(result.status).toBe('passed');
    expect(result.tests).toMatchObject({ total: 4, passed: 4 });
    expect(result.shards?.count).toBe(2);
    const records = readdirSync(seen).map((n) => readFileSync(join(seen, n), 'utf8').split('\n'));
    const temps = new Set(records.map(([temp]) => temp));
    expect(temps.size).toBe(2);
    for (const [temp, tmpPath] of records) {
      expect(temp).not.toBe(tmpdir());
      // --basetemp inside the shard's own directory: tmp_path is under the shard, not the shared temp.
      expect(tmpPath!.startsWith(join(temp!, '..'))).toBe(true);
    }
  });

  it('a suite with a module-level fixture that must run once declares shards: 1 and runs as one process, saying why', async () => {
    const counter = join(dir, 'setups.txt');
    const fixture = `import pytest\n\n@pytest.fixture(scope="module")\ndef server():\n    with open(${JSON.stringify(counter)}, "a") as f:\n        f.write("x")\n    yield "up"\n\n`;
    write({ 'tests/test_server.py': `${fixture}${Array.from({ length: 6 }, (_, i) => `def test_${i}(server):\n    assert server == "up"\n`).join('\n')}` });
    const result = await runPytest('    shards: 1\n');
    expect(result.status).toBe('passed');
    expect(result.tests?.total).toBe(6);
    expect(result.shards).toMatchObject({ count: 1, reason: 'gates.pytest.shards is 1' });
    expect(readFileSync(counter, 'utf8')).toBe('x');
  });

  it('keeps one file in one shard when it can, so a module fixture runs once per file', async () => {
    const counter = join(dir, 'setups.txt');
    const module = (name: string) => `import pytest\n\n@pytest.fixture(scope="module")\ndef res():\n    with open(${JSON.stringify(counter)}, "a") as f:\n        f.write("${name}")\n    return 1\n\n${[0, 1, 2].map((i) => `def test_${i}(res):\n    assert res == 1\n`).join('\n')}`;
    write({ 'tests/test_m1.py': module('a'), 'tests/test_m2.py': module('b') });
    const result = await runPytest('    shards: 2\n');
    expect(result.shards?.count).toBe(2);
    expect(result.tests?.total).toBe(6);
    expect([...readFileSync(counter, 'utf8')].sort().join('')).toBe('ab');
  });

  it('a shard that crashes is the gate error, with that shard\'s output', async () => {
    write({
      'tests/test_ok.py': 'def test_ok():\n    assert True\n',
      'tests/test_crash.py': 'import os\n\ndef test_crash():\n    os._exit(3)\n',
    });
    const result = await runPytest('    shards: 2\n');
    expect(result.status).toBe('error');
    expect(result.error?.message).toMatch(/^Shard \d of 2: /);
    expect(result.error?.message).toContain('exited with code 3');
    // The shard's own output: the file it was running when it died, and not the other shard's.
    expect(result.stderrTail ?? '').toContain('tests/test_crash.py');
    expect(result.stderrTail ?? '').not.toContain('tests/test_ok.py');
  });

  it('falls back to one process when the collection has errors, and the single run reports them', async () => {
    write({ 'tests/test_ok.py': 'def test_ok():\n    assert True\n', 'tests/test_bad.py': 'import no_such_module\n\ndef test_x():\n    pass\n' });
    const result = await runPytest('    shards: 2\n');
    expect(result.shards).toMatchObject({ count: 1 });
    expect(result.shards?.reason).toMatch(/^ran as one process: collecting the tests exited with code 2/);
    expect(result.status).toBe('failed');
    expect(result.diagnostics.some((d) => d.rule === 'test.error' && d.message.includes('no_such_module'))).toBe(true);
  });

  it('falls back to one process when a shard runs other tests than it was given (a test path in addopts)', async () => {
    write({ ...MIXED, 'pytest.ini': '[pytest]\naddopts = tests/test_c.py\n' });
    const single = await runPytest('    shards: 1\n');
    const result = await runPytest('    shards: 2\n');
    expect(result.shards?.reason).toMatch(/^ran as one process: shard \d ran \d+ tests where the collection gave it \d+/);
    expect(comparable(result)).toEqual(comparable(single));
  });

  it('failures first: the tests that failed last time run first in their own shard, reported before the gate finishes', async () => {
    write(MIXED);
    await runPytest('    shards: 2\n', { cache: true });
    const events: GateProgressEvent[] = [];
    const result = await runPytest('    shards: 2\n', { cache: false, failedFirst: true, onProgress: (e) => events.push(e) });
    // cache: false reads no history, so nothing can run first.
    expect(events.some((e) => e.kind === 'failed-first')).toBe(false);
    expect(result.shards?.failedFirst).toBeUndefined();

    // The first run with the cache on stored the failures; a changed test file misses the result cache.
    write({ 'tests/test_c.py': `${MIXED['tests/test_c.py']}\ndef test_c3():\n    pass\n` });
    await runPytest('    shards: 2\n', { cache: true });
    events.length = 0;
    write({ 'tests/test_c.py': `${MIXED['tests/test_c.py']}\ndef test_c4():\n    pass\n` });
    const again = await runPytest('    shards: 2\n', { cache: true, failedFirst: true, onProgress: (e) => events.push(e) });
    const kinds = events.map((e) => e.kind);
    const early = events.find((e) => e.kind === 'failed-first');
    expect(early && early.kind === 'failed-first' ? early.tests.cases.map((c) => [c.id, c.outcome]) : []).toEqual([
      ['tests/test_a.py::test_fail', 'failed'],
      ['tests/test_a.py::test_error', 'error'],
    ]);
    expect(kinds.indexOf('failed-first')).toBeLessThan(kinds.indexOf('finished'));
    expect(again.shards).toMatchObject({ count: 3, failedFirst: true });
    expect(again.tests).toMatchObject({ total: 11, failed: 1, errored: 1, skipped: 1, xfailed: 1 });
  });

  it('auto: fewer than 20 tests and nothing known runs as one process', async () => {
    write(MIXED);
    const result = await runPytest('    shards: auto\n');
    expect(result.shards).toMatchObject({ count: 1, reason: 'auto: 10 tests and no past durations; sharding pays from 20' });
    expect(result.tests?.total).toBe(10);
  });

  it('auto: a suite that took under 3 s last time runs as one process; the run stores per-test durations for the next split', async () => {
    write({ ...MIXED, 'tests/test_many.py': Array.from({ length: 14 }, (_, i) => `def test_m${i}():\n    pass\n`).join('\n') });
    const first = await runPytest('    shards: auto\n', { cache: true });
    expect(first.shards?.count).toBe(2);
    const [history] = readdirSync(join(cacheDir, 'history'));
    const stored = JSON.parse(readFileSync(join(cacheDir, 'history', history!), 'utf8')) as { tests: Record<string, number>; failed: string[] };
    expect(Object.keys(stored.tests)).toHaveLength(24);
    expect(stored.failed).toEqual(['tests/test_a.py::test_fail', 'tests/test_a.py::test_error']);
    write({ 'tests/test_c.py': `${MIXED['tests/test_c.py']}\ndef test_c3():\n    pass\n` });
    const second = await runPytest('    shards: auto\n', { cache: true });
    expect(second.shards).toMatchObject({ count: 1 });
    expect(second.shards?.reason).toMatch(/^auto: the tests took \d+\.\d s last time/);
  });
});
