// run_gates in `spec-automation run`, end to end: the demo's hand-written session in
// which the agent, before it finishes, runs the new tests with run_gates on its change
// set in the working tree (real pytest, /usr/bin/python3 with PyQt6 offscreen), sees the
// two real failures the filter bug causes, fixes the loop, runs every gate and finishes.
// The gates round then passes, from the cache the last run_gates call filled: ready
// after one iteration, where the session without run_gates needs two.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, checkoutOfExample, git, HAS_SYSTEM_PYTHON, REPO, removeDir, toolEnv } from '../unit/cli-run/support.js';

const SESSION = join(REPO, 'examples', 'demo', 'tasklet-csv-export.run-gates.session.jsonl');
const SPEC = 'docs/sprint-change-proposal-csv-export.md';
const DOC_ID = 'scp-2026-10-20-01';
const BRANCH = `spec/${DOC_ID}`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

interface SavedRecord {
  state: { phase: string; attempts: { gates?: { conclusion: string } }[]; ledger: { turns: number } };
  selfChecks?: { iteration: number; what: string; conclusion: string; gates: { gate: string; status: string; detail: string }[] }[];
}

describe.skipIf(!HAS_SYSTEM_PYTHON)('run_gates in spec-automation run', () => {
  it('the agent sees a real failing pytest test through run_gates, fixes it, and the run is ready after one iteration', async () => {
    const dir = checkoutOfExample();
    dirs.push(dir);
    const io = captureIO(dir, toolEnv(), new AbortController().signal);
    const code = await main(['run', SPEC, '--replay', SESSION, '--only', 'basedpyright,pytest'], io);
    expect(code, io.err()).toBe(0);

    const err = io.err();
    // The first call: one test file, on the change set written into the working tree.
    expect(err).toContain('… run_gates: pytest tests/test_export.py on the change set (3 files)');
    expect(err).toMatch(/✗ run_gates: pytest failed \(\d+ passed, 2 failed|✗ run_gates: pytest failed \(2 failed/);
    expect(err).toContain('✓ run_gates tests/test_export.py');
    expect(err).toContain('… run_gates: basedpyright, pytest on the change set (3 files)');
    expect(err).toMatch(/✓ run_gates: basedpyright passed; pytest passed/);
    expect(err).toContain('all gates passed');
    // The gates round after the commit is answered by the last run_gates call's results:
    // the same files, committed (blob ids), and the same gates (the per-call time cap is
    // not part of a verdict).
    expect(err).toMatch(/gates: ✓ basedpyright passed no findings \(cached; /);
    expect(err).toMatch(/gates: ✓ pytest passed \d+ passed \(cached; /);

    // One agent commit, then ready: the fix happened inside the iteration.
    const subjects = git(dir, 'log', '--format=%s', `main..${BRANCH}`).trim().split('\n').reverse();
    expect(subjects).toEqual([`spec-automation: start ${DOC_ID}`, `spec-automation: implement ${DOC_ID}`]);
    expect(git(dir, 'show', `${BRANCH}:tasklet/export.py`)).toContain('for task in visible:');
    // The tree was put back after each call and holds only the commit: nothing left over.
    expect(git(dir, 'status', '--porcelain').trim()).toBe('');
    expect(existsSync(join(dir, '.spec-automation', 'state', `${DOC_ID}.scratch.json`))).toBe(false);

    const saved = JSON.parse(readFileSync(join(dir, '.spec-automation', 'state', `${DOC_ID}.json`), 'utf8')) as SavedRecord;
    expect(saved.state.phase).toBe('ready');
    expect(saved.state.attempts.map((a) => a.gates?.conclusion)).toEqual(['success']);
    // 7 model calls and 2 run_gates calls: each call counts against the turn budget.
    expect(saved.state.ledger.turns).toBe(9);
    expect(saved.selfChecks?.map((c) => [c.iteration, c.what, c.conclusion])).toEqual([
      [0, 'pytest tests/test_export.py', 'failure'],
      [0, 'basedpyright, pytest', 'success'],
    ]);
    expect(saved.selfChecks?.[0]?.gates[0]?.detail).toMatch(/2 failed/);

    const report = readFileSync(join(dir, '.spec-automation', 'reports', `${DOC_ID}.md`), 'utf8');
    expect(report).toContain('after 1 iteration.');
    expect(report).toMatch(/\| Self-checks \| 2 run_gates calls \(1 failed, 1 passed\) in [\d.]+ ?m?s, each a turn \|/);
    expect(report).toContain('## Self-checks (run_gates)');
    expect(report).toMatch(/\| 1 \| 1 \| pytest tests\/test_export\.py \| failed \| [^|]+ \| pytest failed: [^|]*2 failed[^|]* \|/);
    expect(report).toMatch(/\| 1 \| 2 \| basedpyright, pytest \| passed \|/);
    expect(io.out()).toMatch(/self-checks: 2 run_gates calls \(1 failed, 1 passed\)/);
  }, 240_000);

  it('with --no-run-gates the agent is not offered the tool: the recorded session, which calls it, no longer matches', async () => {
    const dir = checkoutOfExample();
    dirs.push(dir);
    const io = captureIO(dir, toolEnv(), new AbortController().signal);
    const code = await main(['run', SPEC, '--replay', SESSION, '--only', 'pytest', '--no-run-gates'], io);
    expect(code).not.toBe(0);
    expect(io.err()).toContain('tools: expected [read_file, list_files, search, write_file, edit_file, delete_file, run_gates, finish], got [read_file, list_files, search, write_file, edit_file, delete_file, finish]');
  }, 120_000);
});
