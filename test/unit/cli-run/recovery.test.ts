// Crash recovery between "change set applied" and "commit recorded in the state": the
// on-disk state such a crash leaves is built step by step with the real parts (the demo
// session's first iteration through the real agent loop, the real change-set writer, real
// git), then `run --resume` must finish that iteration without asking the model again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplayModel } from '../../../src/adapters/anthropic/replay-model.js';
import { parseSession } from '../../../src/adapters/anthropic/session-format.js';
import { LocalGit } from '../../../src/adapters/git/local-git.js';
import { applyChangeSet } from '../../../src/adapters/workspace/apply-change-set.js';
import { LocalTree } from '../../../src/adapters/workspace/local-tree.js';
import { main } from '../../../src/cli/main.js';
import { readLock, writeLock } from '../../../src/cli/run/lock-record.js';
import { pipelineSpecLoader } from '../../../src/cli/run/pipeline-spec-loader.js';
import { StateStore } from '../../../src/cli/run/state-store.js';
import { runAgent } from '../../../src/pipeline/agent/loop.js';
import { parseConfigText } from '../../../src/pipeline/config/load.js';
import { budgetFromConfig, spentOf } from '../../../src/pipeline/workflow/bridge.js';
import { startRun } from '../../../src/pipeline/workflow/transitions.js';
import { agentConfigForRun, commitWritePolicy, planIteration, planLockUpdate } from '../../../src/pipeline/workflow/iteration.js';
import { lockPathOf } from '../../../src/pipeline/drift/index.js';
import { captureIO, checkoutOfExample, DEMO_SESSION, git, HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON, toolEnv } from './support.js';

const SPEC = 'docs/sprint-change-proposal-csv-export.md';
const DOC_ID = 'scp-2026-10-20-01';
const BRANCH = `spec/${DOC_ID}`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** A checkout left as a crash after `applyChangeSet` leaves it; `committed` also makes the commit (crash before the state save). */
async function crashedCheckout(committed: boolean): Promise<{ dir: string; message: string }> {
  const dir = checkoutOfExample();
  dirs.push(dir);
  git(dir, 'switch', '-q', '--create', BRANCH);
  const parsed = parseConfigText(`python: ${SYSTEM_PYTHON}\n`);
  if (!parsed.ok) throw new Error('config');
  const config = parsed.config;
  const { spec, text, bytes } = await pipelineSpecLoader({ root: dir, path: SPEC, config });
  const budget = budgetFromConfig(config.agent);
  const session = parseSession(readFileSync(DEMO_SESSION, 'utf8'), DEMO_SESSION);
  const firstIteration = new ReplayModel({ ...session, exchanges: session.exchanges.slice(0, 4) });
  const repoFiles = await (await LocalTree.open(dir)).listFiles();
  const outcome = await runAgent({ spec, specText: text, agent: agentConfigForRun(config.agent, budget, config.revalidate.lockFile), mode: { kind: 'implement' }, iteration: 1, maxIterations: 4, repoFiles }, {
    model: firstIteration,
    workspace: await LocalTree.open(dir),
    // The local loop offers run_gates, as the session records; this iteration never calls it.
    gates: { gateNames: ['pytest'], testGate: 'pytest', run: () => Promise.reject(new Error('run_gates is not called in this session')) },
  });
  expect(outcome.stopReason).toBe('finished');

  const baseSha = git(dir, 'rev-parse', 'HEAD').trim();
  const t = startRun({ type: 'run.started', at: new Date().toISOString(), spec: { path: SPEC, type: spec.type!, id: DOC_ID, title: spec.title, contentHash: spec.contentHash }, baseSha, branch: BRANCH, budget });
  if (t.kind !== 'applied') throw new Error(t.reason);
  const store = new StateStore(dir, DOC_ID);
  await store.save({ format: 1, state: t.state, gateHistory: [], repoFiles });
  const read = await readLock(dir, lockPathOf(config.revalidate.lockFile)!, await LocalGit.open(dir));
  const plan = planIteration({ state: t.state, mode: 'implement', iteration: 0, outcome, failures: [], lock: planLockUpdate({ lockFile: config.revalidate.lockFile, spec, specBytes: bytes, read, at: new Date() }) });
  const { message, lock } = plan;
  if (lock.kind !== 'write') throw new Error(lock.reason);
  await store.savePending({
    format: 1,
    iteration: 0,
    mode: 'implement',
    parentSha: baseSha,
    step: { stopReason: outcome.stopReason, summary: outcome.summary!, changedFiles: outcome.changes.length, spent: spentOf(outcome) },
    message,
    changes: outcome.changes,
    lock: { path: lock.path, content: lock.content },
  });
  // The crash came after part of the set was written: one file is still missing.
  await applyChangeSet(dir, committed ? outcome.changes : outcome.changes.slice(0, -1), commitWritePolicy(config, budget));
  if (committed) {
    await writeLock(dir, lock);
    const file = join(dir, '.git', 'TEST_MSG');
    writeFileSync(file, message);
    git(dir, 'add', '-A', '--', ...outcome.changes.map((c) => c.path), lock.path);
    git(dir, 'commit', '-q', '--cleanup=verbatim', '--file', file);
  }
  return { dir, message };
}

async function resume(dir: string): Promise<{ code: number; err: string }> {
  const io = captureIO(dir, toolEnv(), new AbortController().signal);
  const code = await main(['run', SPEC, '--resume', '--replay', DEMO_SESSION, '--only', 'pytest'], io);
  return { code, err: io.err() };
}

function subjects(dir: string): string[] {
  return git(dir, 'log', '--format=%s', `main..${BRANCH}`).trim().split('\n').filter(Boolean).reverse();
}

describe.skipIf(!HAS_SYSTEM_PYTHON)('run --resume after a crash inside an agent step', () => {
  it('applied but not committed: applies the saved change set again, commits it, and goes on without asking the model for it', async () => {
    const { dir, message } = await crashedCheckout(false);
    const { code, err } = await resume(dir);
    expect(code, err).toBe(0);
    expect(err).toContain("recovered: committing iteration 1's change set saved before the last run stopped");
    expect(err).toContain('resumed at exchange 5');
    expect(err).not.toContain('turn  4');
    expect(git(dir, 'log', '--format=%B', '-1', `${BRANCH}~1`).trim()).toBe(message.trim());
    // The lock entry saved with the change set is written and committed with it.
    expect(git(dir, 'show', '--name-only', '--format=', `${BRANCH}~1`).split('\n')).toContain('.spec-automation/lock.json');
    expect(JSON.parse(git(dir, 'show', `${BRANCH}~1:.spec-automation/lock.json`)).specs[SPEC]).toMatchObject({ id: 'SCP-2026-10-20-01', requirements: { 'FR-7': expect.any(String) } });
    expect(subjects(dir)).toHaveLength(2);
    const saved = JSON.parse(readFileSync(join(dir, '.spec-automation', 'state', `${DOC_ID}.json`), 'utf8'));
    expect(saved.state.phase).toBe('ready');
    expect(saved.state.ledger.turns).toBe(7);
  }, 120_000);

  it('committed but not recorded: takes the existing commit instead of committing twice', async () => {
    const { dir } = await crashedCheckout(true);
    const commit = git(dir, 'rev-parse', 'HEAD').trim();
    const { code, err } = await resume(dir);
    expect(code, err).toBe(0);
    expect(err).toContain(`recovered: iteration 1's change set was already committed as ${commit.slice(0, 7)}`);
    expect(git(dir, 'rev-parse', `${BRANCH}~1`).trim()).toBe(commit);
    expect(subjects(dir)).toHaveLength(2);
  }, 120_000);

  it('refuses when the checkout also holds changes that are not the saved set, and keeps everything', async () => {
    const { dir } = await crashedCheckout(false);
    writeFileSync(join(dir, 'tasklet', 'storage.py'), '# edited by hand after the crash\n', { flag: 'a' });
    const { code, err } = await resume(dir);
    expect(code).toBe(2);
    expect(err).toContain('the checkout now also has other changes (tasklet/storage.py)');
    expect(err).toContain('.pending.json');
    expect(readFileSync(join(dir, 'tasklet', 'storage.py'), 'utf8')).toContain('# edited by hand after the crash');
    expect(subjects(dir)).toHaveLength(0);
  }, 120_000);
});
