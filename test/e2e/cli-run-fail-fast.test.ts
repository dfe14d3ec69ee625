// `spec-automation run` with `agent.failFast` on a temp git copy of the example PyQt app,
// with the real spec pipeline, git and pytest (sharded, Debian's pytest with PyQt6
// offscreen) and a hand-written replayed session (test/fixtures/sessions/tasklet-fail-fast.jsonl):
// the implementation has the demo's bug (two tests fail); fix 1 repairs the export but
// rewords the window's status message, so one of the two still fails. Its gates run
// those two tests first; as soon as that shard fails, the rest of the gates is cancelled
// (a sleeper gate that would take a minute among them) and fix 2 starts at once; it
// restores the message, a full gates run passes, and the run is ready.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, checkoutOfExample, git, HAS_SYSTEM_PYTHON, REPO, removeDir, SYSTEM_PYTHON, toolEnv } from '../unit/cli-run/support.js';

const SPEC = 'docs/sprint-change-proposal-csv-export.md';
const DOC_ID = 'scp-2026-10-20-01';
const SESSION = join(REPO, 'test', 'fixtures', 'sessions', 'tasklet-fail-fast.jsonl');

// Sleeps a minute while the window holds fix 1's wording, else exits at once: only a
// run that does not wait for it can finish in time.
const SLEEPER = `const s = require('fs').readFileSync('tasklet/window.py', 'utf8'); setTimeout(() => {}, s.includes('Wrote {count}') ? 60000 : 0);`;
const CONFIG = `python: ${SYSTEM_PYTHON}
concurrency: 3
agent:
  failFast: true
gates:
  pytest: { shards: 2, env: { QT_QPA_PLATFORM: offscreen } }
  sleeper:
    command: [node, -e, ${JSON.stringify(SLEEPER)}]
    parser: exit-code
`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

interface Saved {
  state: { phase: string; attempts: { mode: string; gates?: { conclusion: string; failedTests: number; failed: string[] } }[] };
  gateHistory: { iteration: number; durationMs: number; gates: { gate: string; status: string; detail: string }[] }[];
  lastGates?: { run: { cutShort?: string } };
}

describe.skipIf(!HAS_SYSTEM_PYTHON || process.platform === 'win32')('spec-automation run with agent.failFast', () => {
  it('a fix iteration whose failures-first shard still fails cancels the rest of the gates and starts the next iteration at once', async () => {
    const dir = checkoutOfExample({ config: CONFIG });
    const cache = mkdtempSync(join(tmpdir(), 'cli-run-fail-fast-cache-'));
    dirs.push(dir, cache);
    const io = captureIO(dir, toolEnv({ XDG_CACHE_HOME: cache }), new AbortController().signal);
    const code = await main(['run', SPEC, '--replay', SESSION], io);
    expect(code, io.err()).toBe(0);

    const saved = JSON.parse(readFileSync(join(dir, '.spec-automation', 'state', `${DOC_ID}.json`), 'utf8')) as Saved;
    expect(saved.state.phase).toBe('ready');
    expect(saved.state.attempts.map((a) => [a.mode, a.gates?.conclusion, a.gates?.failedTests])).toEqual([
      ['implement', 'failure', 2],
      ['fix', 'failure', 1],
      ['fix', 'success', 0],
    ]);
    // Fix 1's gates: the failures-first shard's two tests (one fixed, one not), the sleeper cancelled, not failed.
    const fix1 = saved.gateHistory.find((h) => h.iteration === 1)!;
    expect(fix1.gates).toEqual([
      { gate: 'pytest', status: 'failed', detail: '1 passed, 1 failed' },
      { gate: 'sleeper', status: 'cancelled', detail: 'cancelled' },
    ]);
    expect(fix1.durationMs).toBeLessThan(45_000);
    // The last run is the full one that passed.
    expect(saved.gateHistory.at(-1)!.gates.map((g) => g.status)).toEqual(['passed', 'passed']);
    expect(saved.lastGates?.run.cutShort).toBeUndefined();

    const progress = io.err();
    expect(progress).toContain('pytest: 1 test that failed last time still fails; the rest of the run was cancelled (fail fast); the next iteration starts now (agent.failFast)');
    expect(git(dir, 'show', `spec/${DOC_ID}:tasklet/window.py`)).toContain('Exported {count} {noun}');
  }, 240_000);
});
