import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LastDurations, timeoutSeconds } from '../../../src/gates/durations.js';
import { runningTest } from '../../../src/gates/parsers/pytest-progress.js';

describe('gate timeouts', () => {
  it('configured wins; a test gate follows 3x its last duration, at least 5 minutes; else 15 minutes', () => {
    expect(timeoutSeconds(60, 200_000, true)).toBe(60);
    expect(timeoutSeconds(undefined, 200_000, true)).toBe(600);
    expect(timeoutSeconds(undefined, 4_000, true)).toBe(300);
    expect(timeoutSeconds(undefined, undefined, true)).toBe(900);
    expect(timeoutSeconds(undefined, 200_000, false)).toBe(900);
    expect(timeoutSeconds(undefined, Number.NaN, true)).toBe(900);
  });

  it('remembers the last durations in the cache directory, ignoring junk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'durations-'));
    try {
      const first = LastDurations.in(dir);
      await first.load();
      expect(first.get('pytest')).toBeUndefined();
      first.record('pytest', 120_000);
      first.record('ruff', 0);
      await first.save();
      const second = LastDurations.in(dir);
      await second.load();
      expect([second.get('pytest'), second.get('ruff')]).toEqual([120_000, undefined]);
      writeFileSync(join(dir, 'durations.json'), '{"gates": {"pytest": "slow", "x": -1}}');
      const junk = LastDurations.in(dir);
      await junk.load();
      expect(junk.get('pytest')).toBeUndefined();
      expect(JSON.parse(readFileSync(join(dir, 'durations.json'), 'utf8'))).toBeTruthy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the running test, from pytest's progress", () => {
  it('verbose: the last test id without an outcome', () => {
    expect(runningTest('=== test session starts ===\ntests/a.py::test_1 PASSED [ 50%]\ntests/a.py::TestW::test_2[x-1] ')).toBe('tests/a.py::TestW::test_2[x-1]');
    expect(runningTest('tests/a.py::test_1 PASSED [ 50%]\ntests/a.py::test_2 FAILED [100%]\n')).toBeUndefined();
  });

  it('default mode: the file and the position of the test in it', () => {
    expect(runningTest('collected 9 items\n\ntests/test_window.py ..F.')).toBe('test 5 of tests/test_window.py');
  });

  it('nothing when pytest printed no progress', () => {
    expect(runningTest('')).toBeUndefined();
    expect(runningTest('==== test session starts ====\nplatform linux')).toBeUndefined();
  });
});
