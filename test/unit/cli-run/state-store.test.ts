import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSafeId, StateFileError, StateStore, type PendingCommit, type RunRecord } from '../../../src/cli/run/state-store.js';
import { startRun } from '../../../src/pipeline/workflow/transitions.js';
import { removeDir } from './support.js';

function record(): RunRecord {
  const t = startRun({
    type: 'run.started',
    at: '2026-11-24T10:00:00.000Z',
    spec: { path: 'docs/scp.md', type: 'sprint-change-proposal', id: 'SCP 3/x', title: 'Export', contentHash: 'h' },
    baseSha: 'b'.repeat(40),
    branch: 'spec/SCP-3-x',
    budget: { maxIterations: 3, turns: 80, tokens: 4e6, costUsd: 20 },
  });
  if (t.kind !== 'applied') throw new Error(t.reason);
  return { format: 1, state: t.state, gateHistory: [], repoFiles: ['a.py'] };
}

const gatesRun = {
  schemaVersion: 1 as const,
  startedAt: '2026-11-24T10:01:00.000Z',
  durationMs: 1200,
  conclusion: 'failure' as const,
  gates: [
    {
      gate: 'pytest',
      tool: 'pytest',
      status: 'failed' as const,
      exitCode: 1,
      durationMs: 1200,
      fromCache: false,
      command: ['python', '-m', 'pytest'],
      diagnostics: [{ source: 'pytest', path: 'tests/t.py', range: { start: { line: 3 } }, severity: 'error' as const, rule: 'test.failed', message: 'boom', fingerprint: 'f'.repeat(16) }],
    },
  ],
};

describe('StateStore', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'state-store-'));
  });
  afterEach(() => removeDir(root));

  it('names files after a file-safe doc id', () => {
    expect(fileSafeId('SCP 3/x')).toBe('SCP-3-x');
    expect(fileSafeId('../..')).toBe('spec');
    const store = new StateStore(root, 'SCP 3/x');
    expect(store.statePath).toBe(join(root, '.spec-automation', 'state', 'SCP-3-x.json'));
  });

  it('round-trips a record with gate results, and keeps the state directory out of git', async () => {
    const store = new StateStore(root, 'SCP 3/x');
    expect(await store.load()).toBeUndefined();
    const saved = { ...record(), lastGates: { headSha: 'c'.repeat(40), run: gatesRun } };
    await store.save(saved);
    expect(await store.load()).toEqual(saved);
    expect(readFileSync(join(root, '.spec-automation', 'state', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });

  it('refuses a file that is not JSON or not a state, saying how to start over', async () => {
    const store = new StateStore(root, 'x');
    await store.save(record());
    writeFileSync(store.statePath, '{"format":1,');
    await expect(store.load()).rejects.toThrow(StateFileError);
    await expect(store.load()).rejects.toThrow(/not valid JSON.*Delete it to start the run over/);
    writeFileSync(store.statePath, JSON.stringify({ ...record(), state: { ...record().state, phase: 'dancing' } }));
    await expect(store.load()).rejects.toThrow(/state\.phase/);
  });

  it('drops malformed gate results instead of feeding them to the agent', async () => {
    const store = new StateStore(root, 'x');
    await store.save(record());
    writeFileSync(store.statePath, JSON.stringify({ ...record(), lastGates: { headSha: 'c', run: { gates: [{ gate: 1 }] } } }));
    const loaded = await store.load();
    expect(loaded?.lastGates).toBeUndefined();
    expect(loaded?.state.phase).toBe('developing');
  });

  it('saves, loads and clears a pending change set', async () => {
    const store = new StateStore(root, 'x');
    const pending: PendingCommit = {
      format: 1,
      iteration: 0,
      mode: 'implement',
      parentSha: 'p'.repeat(40),
      step: { stopReason: 'finished', summary: 's', changedFiles: 2, spent: { turns: 3, costUsd: 0.1 } },
      message: 'm',
      changes: [
        { path: 'a.py', action: 'create', content: 'x = 1\n', bytes: 6 },
        { path: 'b.py', action: 'delete' },
      ],
    };
    await store.savePending(pending);
    expect(await store.loadPending()).toEqual(pending);
    writeFileSync(store.pendingPath, '{"changes": "nope"}');
    await expect(store.loadPending()).rejects.toThrow(/not a pending change set/);
    await store.clearPending();
    expect(await store.loadPending()).toBeUndefined();
  });

  it('locks a spec for one process, and takes over the lock of a process that is gone', async () => {
    const store = new StateStore(root, 'x');
    writeFileSync(join(root, 'placeholder'), '');
    const release = await store.acquireLock();
    expect(existsSync(store.lockPath)).toBe(true);
    // Our own lock (same pid) does not block; another live process does.
    writeFileSync(store.lockPath, JSON.stringify({ pid: 1 }));
    await expect(store.acquireLock()).rejects.toThrow(/Another run of this spec is working in this checkout \(process 1\)/);
    writeFileSync(store.lockPath, JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const again = await store.acquireLock();
    expect(JSON.parse(readFileSync(store.lockPath, 'utf8')).pid).toBe(process.pid);
    await again();
    await release();
    expect(existsSync(store.lockPath)).toBe(false);
  });
});
