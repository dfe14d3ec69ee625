/**
 * Sharded pytest without a second collection, and fail fast, with the real pytest on
 * projects generated in a temp directory: a run that remembers its collection lets the
 * next split the remembered files without `--collect-only`; a parametrization that changed
 * behind the key's back (in the package, not the tests) is caught after the run and the
 * gate runs as one process; a new test file is a new collection. Fail fast: once the
 * failures-first shard still fails, the other shards and gates are cancelled (process
 * trees killed, temp directories gone), reported as cancelled, and nothing is cached.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGates, type RunGatesOptions } from '../../../src/gates/index.js';
import type { GateResult, GatesRun } from '../../../src/pipeline/gate-result.js';
import { config, HAS_PROC, HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON, toolEnv, WINDOWS } from './support.js';

let dir: string;
let cacheDir: string;
let temp: string;
const savedTmp = process.env.TMPDIR;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gates-remembered-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'gates-remembered-cache-'));
  // The engine's own temp directories go here, to check that none is left behind.
  temp = mkdtempSync(join(tmpdir(), 'gates-remembered-tmp-'));
  process.env.TMPDIR = temp;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  removeDir(dir);
  removeDir(cacheDir);
  removeDir(temp);
});

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const LOG = () => join(dir, 'pytest-runs.log');
/** Logs each pytest process: a collection, or a run of the files it was given. */
const CONFTEST = () =>
  `import os\n\ndef pytest_configure(config):\n    with open(${JSON.stringify(LOG())}, "a") as f:\n        f.write(("collect" if config.option.collectonly else "run") + " " + os.environ.get("SPEC_AUTOMATION_SHARD", "-") + "\\n")\n`;

async function run(yaml: string, options: Partial<RunGatesOptions> = {}, concurrency = 2): Promise<GatesRun> {
  return runGates({ root: dir, config: config(`python: ${JSON.stringify(SYSTEM_PYTHON)}\nconcurrency: ${concurrency}\ncache:\n  enabled: true\ngates:\n${yaml}`), env: toolEnv(), cacheDir, ...options });
}
const PYTEST = '  pytest:\n    shards: 2\n';

function comparable(result: GateResult) {
  const { cases, durationMs: _suite, ...counts } = result.tests ?? { cases: [], durationMs: 0 };
  return { status: result.status, exitCode: result.exitCode, counts, cases: cases.map((c) => ({ id: c.id, outcome: c.outcome, message: c.message })).sort((a, b) => a.id.localeCompare(b.id)) };
}

/** A process that is there and not a zombie (a container's init may leave the dead unreaped). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function log(): string[] {
  return existsSync(LOG()) ? readFileSync(LOG(), 'utf8').trim().split('\n') : [];
}

const SUITE = {
  'app/__init__.py': '',
  'app/cases.py': 'CASES = [1, 2]\n',
  'tests/test_p.py': 'import pytest\nfrom app.cases import CASES\n\n@pytest.mark.parametrize("n", CASES)\ndef test_param(n):\n    assert n > 0\n',
  'tests/test_q.py': 'class TestOuter:\n    class TestInner:\n        def test_nested(self):\n            assert True\n\ndef test_fails():\n    assert 1 == 2\n',
  'tests/test_r.py': 'def test_r():\n    assert True\n',
};

describe.skipIf(!HAS_SYSTEM_PYTHON)('sharded pytest from a remembered collection', () => {
  it('the second run splits the remembered files without collecting, with the verdict of a single run', async () => {
    write({ ...SUITE, 'tests/conftest.py': CONFTEST() });
    const first = (await run(PYTEST)).gates[0]!;
    expect(first.shards).toMatchObject({ count: 2 });
    expect(first.shards?.remembered).toBeUndefined();
    expect(log().filter((l) => l.startsWith('collect'))).toHaveLength(1);
    writeFileSync(LOG(), '');
    const second = (await run(PYTEST, { noCache: true })).gates[0]!;
    expect(second.shards).toMatchObject({ count: 2, remembered: true });
    expect(log().sort()).toEqual(['run 1', 'run 2']);
    const single = (await run('  pytest:\n    shards: 1\n', { noCache: true })).gates[0]!;
    expect(comparable(second)).toEqual(comparable(single));
    expect(second.tests).toMatchObject({ total: 5, failed: 1 });
  });

  it('a parametrization that changed in the package (not hashed) is caught after the run: the gate runs as one process, with its verdict', async () => {
    write({ ...SUITE, 'tests/conftest.py': CONFTEST() });
    await run(PYTEST);
    write({ 'app/cases.py': 'CASES = [1, 2, -3]\n' });
    writeFileSync(LOG(), '');
    const result = (await run(PYTEST, { noCache: true })).gates[0]!;
    expect(result.shards?.count).toBe(1);
    expect(result.shards?.reason).toMatch(/^ran as one process: shard \d ran \d+ tests where the remembered collection had \d+ \(tests\/test_p\.py::test_param\[-3\] was not among them\)/);
    expect(log().sort()).toEqual(['run -', 'run 1', 'run 2']);
    expect(result.tests).toMatchObject({ total: 6, failed: 2 });
    // That single run is remembered: the next one splits again without collecting.
    writeFileSync(LOG(), '');
    const next = (await run(PYTEST, { noCache: true })).gates[0]!;
    expect(next.shards).toMatchObject({ count: 2, remembered: true });
    expect(comparable(next)).toEqual(comparable(result));
  });

  it("a finished run leaves its directory (the shards' basetemps) renamed, and the next sharded run removes it while its shards run", async () => {
    write({ ...SUITE, 'tests/test_tmp.py': 'def test_tmp(tmp_path):\n    (tmp_path / "kept").write_text("x")\n' });
    const finished = () => readdirSync(temp).filter((n) => n.startsWith('spec-automation-shards-'));
    await run(PYTEST);
    const [first, ...others] = finished();
    expect(others).toEqual([]);
    expect(first).toMatch(/^spec-automation-shards-done-/);
    // The tests' files are still there: removing them one by one is what the rename keeps off the critical path.
    const kept = readdirSync(join(temp, first!), { recursive: true }).map(String);
    expect(kept.some((p) => p.endsWith('kept'))).toBe(true);
    const second = (await run(PYTEST, { noCache: true })).gates[0]!;
    expect(second.shards).toMatchObject({ count: 2, remembered: true });
    const after = finished();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(first);
    expect(after[0]).toMatch(/^spec-automation-shards-done-/);
  });

  it('a new test file is a new collection', async () => {
    write({ ...SUITE, 'tests/conftest.py': CONFTEST() });
    await run(PYTEST);
    write({ 'tests/test_s.py': 'def test_s():\n    assert False\n' });
    writeFileSync(LOG(), '');
    const result = (await run(PYTEST, { noCache: true })).gates[0]!;
    expect(result.shards?.remembered).toBeUndefined();
    expect(log().filter((l) => l.startsWith('collect'))).toHaveLength(1);
    expect(result.tests).toMatchObject({ total: 6, failed: 2 });
  });
});

describe.skipIf(!HAS_SYSTEM_PYTHON || WINDOWS || !HAS_PROC)('fail fast', () => {
  it('the failures-first shard still fails: the rest is cancelled (trees killed, temp gone), the gate fails with those tests, and nothing is cached', async () => {
    const pids = join(dir, 'pids');
    mkdirSync(pids);
    // Slow passing files; each test starts a grandchild that would outlive a plain kill.
    const slow = (n: number) =>
      `import os, subprocess, time\n\ndef test_slow_${n}():\n    child = subprocess.Popen(["sleep", "60"])\n    open(os.path.join(${JSON.stringify(pids)}, str(child.pid)), "w").close()\n    time.sleep(0.4 if os.environ.get("SLOW") is None else 30)\n    child.kill()\n`;
    write({
      // Slow enough for the other shards to be under way when it fails.
      'tests/test_a.py': 'import time\n\ndef test_ok():\n    assert True\n\ndef test_broken():\n    time.sleep(2)\n    assert 2 + 2 == 5\n',
      ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`tests/test_slow${i}.py`, slow(i)])),
    });
    const yaml = `${PYTEST}    env: { SLOW: "1" }\n  sleeper:\n    command: [node, -e, "setTimeout(() => {}, 60000)"]\n    parser: exit-code\n`;
    // The first run (fast) remembers what failed.
    const first = await run(PYTEST);
    expect(first.gates[0]!.tests).toMatchObject({ failed: 1 });
    for (const name of readdirSync(pids)) removeDir(join(pids, name));

    const cached = () => readdirSync(join(cacheDir, 'gates')).sort();
    const history = () => readdirSync(join(cacheDir, 'history')).map((n) => readFileSync(join(cacheDir, 'history', n), 'utf8'));
    const [cachedBefore, historyBefore] = [cached(), history()];
    const cutShort: string[] = [];
    const started = performance.now();
    // Three slots: the sleeper holds one, the failures-first shard and a slow shard the others.
    const cut = await run(yaml, { failedFirst: true, failFast: true, onCutShort: (reason) => cutShort.push(reason) }, 3);
    const elapsed = performance.now() - started;
    const [pytest, sleeper] = cut.gates;
    expect(cutShort).toEqual(['pytest: 1 test that failed last time still fails; the rest of the run was cancelled (fail fast)']);
    expect(cut.cutShort).toBe(cutShort[0]);
    expect(pytest).toMatchObject({ status: 'failed', tests: { total: 1, failed: 1 }, shards: { failedFirst: true, cancelled: 2 } });
    expect(pytest!.tests!.cases.map((c) => c.id)).toEqual(['tests/test_a.py::test_broken']);
    expect(sleeper).toMatchObject({ status: 'cancelled' });
    expect(cut.conclusion).toBe('failure');
    // Six 30 s tests did not run to the end.
    expect(elapsed).toBeLessThan(25_000);
    // Every grandchild the slow tests started is gone, and so is every temp directory.
    expect(readdirSync(pids).length).toBeGreaterThan(0);
    for (const pid of readdirSync(pids)) expect(alive(Number(pid))).toBe(false);
    expect(readdirSync(temp)).toEqual([]);

    // Nothing of the cut-short run was cached or remembered (durations, collection, failures).
    expect(cached()).toEqual(cachedBefore);
    expect(history()).toEqual(historyBefore);
  }, 60_000);
});
