import { describe, expect, it } from 'vitest';
import { collectQuietFlags, parseCollection, testPathArgument } from '../../../src/gates/pytest-shards/collect.js';
import { commandLineProblem, shardArguments, shardEnvironment, shardPaths } from '../../../src/gates/pytest-shards/isolation.js';
import { fileOf, junitId, splitShards } from '../../../src/gates/pytest-shards/split.js';
import { failedFirstNote, shardsNote } from '../../../src/reporting/shards.js';

const ids = (file: string, n: number) => Array.from({ length: n }, (_, i) => `${file}::test_${i}`);

describe('splitShards', () => {
  it('keeps files whole and balances them by test count when nothing is known', () => {
    const nodeIds = [...ids('a.py', 4), ...ids('b.py', 3), ...ids('c.py', 1)];
    const plan = splitShards(nodeIds, 2);
    expect(plan.args).toEqual([['a.py'], ['b.py', 'c.py']]);
    expect(plan.estimatesMs).toEqual([4, 4]);
    expect(plan.ids.flat().sort()).toEqual([...nodeIds].sort());
  });

  it('balances by past durations, and a test with none weighs the mean of the known ones', () => {
    const nodeIds = [...ids('slow.py', 1), ...ids('fast1.py', 2), ...ids('fast2.py', 2), 'new.py::test_new'];
    const durations = { 'slow.py::test_0': 900, 'fast1.py::test_0': 100, 'fast1.py::test_1': 100, 'fast2.py::test_0': 100, 'fast2.py::test_1': 100 };
    const plan = splitShards(nodeIds, 2, durations);
    // new.py weighs the mean, 1300/5 = 260.
    expect(plan.args).toEqual([['slow.py'], ['fast1.py', 'fast2.py', 'new.py']]);
    expect(plan.estimatesMs).toEqual([900, 660]);
  });

  it('splits a file heavier than a whole shard into node ids, in collection order within each shard', () => {
    const nodeIds = [...ids('big.py', 4), 'small.py::test_0'];
    const plan = splitShards(nodeIds, 2);
    expect(plan.ids).toEqual([['big.py::test_0', 'big.py::test_2', 'small.py::test_0'], ['big.py::test_1', 'big.py::test_3']]);
    expect(plan.args[1]).toEqual(['big.py::test_1', 'big.py::test_3']);
  });

  it('gives partial files (some tests run elsewhere) as node ids, never as the whole file', () => {
    const plan = splitShards(['a.py::test_1', 'b.py::test_0'], 2, {}, new Set(['a.py']));
    expect(plan.args).toEqual([['a.py::test_1'], ['b.py']]);
  });

  it('never makes more shards than units, nor empty ones', () => {
    expect(splitShards(ids('a.py', 1), 4).args).toEqual([['a.py']]);
    expect(splitShards([...ids('a.py', 1), ...ids('b.py', 1)], 8).args).toHaveLength(2);
  });

  it('reads files and JUnit ids from node ids (nested classes are dotted in xunit1)', () => {
    expect(fileOf('tests/t.py::A::test[1::2]')).toBe('tests/t.py');
    expect(junitId('tests/t.py::Outer::Inner::test_x')).toBe('tests/t.py::Outer.Inner::test_x');
    expect(junitId('tests/t.py::A::test_x')).toBe('tests/t.py::A::test_x');
  });
});

describe('parseCollection', () => {
  it('reads node ids and checks them against the closing count', () => {
    const out = 'tests/a.py::test_x\ntests/a.py::T::test_y[1-2]\n\n2 tests collected in 0.01s\n';
    expect(parseCollection(out, 0)).toEqual({ ok: true, ids: ['tests/a.py::test_x', 'tests/a.py::T::test_y[1-2]'] });
    expect(parseCollection('tests/a.py::test_x\n\n1/3 tests collected (2 deselected) in 0.01s\n', 0)).toEqual({ ok: true, ids: ['tests/a.py::test_x'] });
  });

  it('keeps parametrized ids with spaces, and ignores a warnings summary after the ids', () => {
    const out = 'tests/a.py::test_x[a b]\ntests/a.py::test_x[c d]\n\n=== warnings summary ===\ntests/a.py::test_x[a b]\n  DeprecationWarning: old\n\n2 tests collected in 0.01s\n';
    expect(parseCollection(out, 0)).toEqual({ ok: true, ids: ['tests/a.py::test_x[a b]', 'tests/a.py::test_x[c d]'] });
  });

  it('refuses anything that does not add up', () => {
    expect(parseCollection('a.py::t\n\n2 tests collected in 0.01s\n', 0)).toEqual({ ok: false, reason: 'the collection listed 1 node ids for 2 tests' });
    expect(parseCollection('<Module a.py>\n  <Function t>\n\n1 test collected in 0.01s\n', 0).ok).toBe(false);
    expect(parseCollection('a.py::t\n\n1 test collected, 1 error in 0.1s\n', 0)).toEqual({ ok: false, reason: 'the collection has errors' });
    expect(parseCollection('', 2)).toEqual({ ok: false, reason: 'collecting the tests exited with code 2' });
    expect(parseCollection('no tests collected in 0.01s', 5).ok).toBe(false);
    expect(parseCollection('a.py::t\n', 0)).toEqual({ ok: false, reason: 'the collection printed no "N tests collected" line' });
  });
});

describe('collectQuietFlags', () => {
  it('brings any verbosity of the gate command to -1 (one node id a line)', () => {
    expect(collectQuietFlags(['python', '-m', 'pytest'])).toEqual(['-q']);
    expect(collectQuietFlags(['python', '-m', 'pytest', '-v'])).toEqual(['-q', '-q']);
    expect(collectQuietFlags(['pytest', '-vv', '--verbose', '-q'])).toEqual(['-q', '-q', '-q']);
    expect(collectQuietFlags(['pytest', '-qq'])).toEqual(['-v']);
    expect(collectQuietFlags(['pytest', '-q'])).toEqual([]);
  });
});

describe('testPathArgument', () => {
  it('finds a test path among the options, skipping option values', () => {
    expect(testPathArgument(['-k', 'slow and not db', '-m', 'unit', '-x', '--tb=short'])).toBeUndefined();
    expect(testPathArgument(['-p', 'no:randomly', 'tests/unit'])).toBe('tests/unit');
    expect(testPathArgument(['--', '-odd-name.py'])).toBe('-odd-name.py');
  });
});

describe('shard isolation', () => {
  it('POSIX: its own directories, temp variables and cache', () => {
    const paths = shardPaths('/tmp/run', 1, 'linux');
    expect(paths).toEqual({ dir: '/tmp/run/shard-2', basetemp: '/tmp/run/shard-2/basetemp', temp: '/tmp/run/shard-2/tmp', cache: '/tmp/run/shard-2/cache', report: '/tmp/run/shard-2/report.xml' });
    expect(shardArguments(paths)).toEqual(['--basetemp=/tmp/run/shard-2/basetemp', '-o', 'cache_dir=/tmp/run/shard-2/cache']);
    const env = shardEnvironment({ PATH: '/usr/bin', TMPDIR: '/tmp', Temp: 'kept: POSIX names are case-sensitive' }, paths, 1, 3, 'linux');
    expect(env).toEqual({ PATH: '/usr/bin', Temp: 'kept: POSIX names are case-sensitive', TMPDIR: paths.temp, TEMP: paths.temp, TMP: paths.temp, SPEC_AUTOMATION_SHARD: '2', SPEC_AUTOMATION_SHARDS: '3' });
  });

  it('Windows: backslash paths, and every spelling of TEMP/TMP replaced, not added beside', () => {
    const paths = shardPaths('C:\\Users\\me\\AppData\\Local\\Temp\\run', 0, 'win32');
    expect(paths.basetemp).toBe('C:\\Users\\me\\AppData\\Local\\Temp\\run\\shard-1\\basetemp');
    expect(paths.report).toBe('C:\\Users\\me\\AppData\\Local\\Temp\\run\\shard-1\\report.xml');
    const env = shardEnvironment({ Path: 'C:\\Windows', Temp: 'C:\\old', tmp: 'C:\\old', SystemRoot: 'C:\\Windows' }, paths, 0, 2, 'win32');
    expect(Object.keys(env).filter((k) => ['TEMP', 'TMP', 'TMPDIR'].includes(k.toUpperCase())).sort()).toEqual(['TEMP', 'TMP', 'TMPDIR']);
    expect(env.TEMP).toBe('C:\\Users\\me\\AppData\\Local\\Temp\\run\\shard-1\\tmp');
    expect(env.Path).toBe('C:\\Windows');
  });

  it('Windows: a command line past CreateProcess\' limit is refused before it is started', () => {
    const many = Array.from({ length: 700 }, (_, i) => `tests/test_module_${i}.py::TestSomething::test_case_${i}`);
    expect(commandLineProblem(['python', '-m', 'pytest', ...many], 'win32')).toMatch(/past Windows' limit of 32,767/);
    expect(commandLineProblem(['python', '-m', 'pytest', ...many], 'linux')).toBeUndefined();
    expect(commandLineProblem(['python', '-m', 'pytest', 'tests/a.py'], 'win32')).toBeUndefined();
  });
});

describe('shard notes', () => {
  it('shows shards as one detail of the gate, and why a gate ran as one process unless auto chose it', () => {
    expect(shardsNote({ count: 2, durationsMs: [6100, 5900], slowestMs: 6100, balance: 1.02 })).toBe('2 shards, slowest 6.1s, balance 1.02');
    expect(shardsNote({ count: 3, durationsMs: [1, 2, 3], slowestMs: 3000, balance: 1.5, failedFirst: true })).toBe('3 shards (last failures first), slowest 3.0s, balance 1.50');
    expect(shardsNote({ count: 1, durationsMs: [5], slowestMs: 5, balance: 1, reason: 'gates.pytest.shards is 1' })).toBe('1 process: gates.pytest.shards is 1');
    expect(shardsNote({ count: 1, durationsMs: [5], slowestMs: 5, balance: 1, reason: 'auto: the tests took 0.4 s last time' })).toBeUndefined();
    expect(shardsNote(undefined)).toBeUndefined();
  });

  it('says what the failures-first shard found', () => {
    const tests = (failed: number, total: number) => ({ total, passed: total - failed, failed, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 0, cases: [] });
    expect(failedFirstNote(tests(2, 3))).toBe('2 of 3 tests that failed last time still fail');
    expect(failedFirstNote(tests(0, 1))).toBe('the 1 test that failed last time passes now');
  });
});
