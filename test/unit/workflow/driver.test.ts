import { describe, expect, it } from 'vitest';
import { drive, resumeEffects, type AgentStep, type RunPorts } from '../../../src/pipeline/workflow/driver.js';
import type { GatesOutcome, WorkflowState } from '../../../src/pipeline/workflow/state.js';
import { startRun } from '../../../src/pipeline/workflow/transitions.js';

const at = '2026-11-24T10:00:00Z';
const spec = { path: 'docs/fs.md', type: 'functional-spec', id: 'FS-1', title: 'T', contentHash: 'h' };
const budget = { maxIterations: 3, turns: 100, tokens: 1e6, costUsd: 10 };

function begin() {
  const t = startRun({ type: 'run.started', at, spec, baseSha: 'b', branch: 'spec/FS-1', budget });
  if (t.kind !== 'applied') throw new Error(t.reason);
  return t;
}

const outcome = (headSha: string, pass: boolean, fp = 'f'): GatesOutcome => ({
  headSha,
  conclusion: pass ? 'success' : 'failure',
  failed: pass ? [] : ['pytest'],
  errors: 0,
  warnings: 0,
  failedTests: pass ? 0 : 1,
  failureFingerprint: pass ? undefined : fp,
  toolErrors: [],
});

/** Ports whose agent commits c1, c2, … and whose gates pass from the `passFrom`th commit on. */
function fakePorts(passFrom: number, opts: { pendingGates?: boolean } = {}) {
  const log: string[] = [];
  const saved: WorkflowState[] = [];
  let commits = 0;
  const ports: RunPorts = {
    async runAgent(_s, mode, iteration): Promise<AgentStep> {
      commits += 1;
      log.push(`agent ${mode} ${iteration}`);
      return { stopReason: 'finished', commitSha: `c${commits}`, changedFiles: 1, spent: { turns: 2, costUsd: 0.5 } };
    },
    async runGates(_s, headSha, rerun) {
      log.push(`gates ${headSha}${rerun ? ' rerun' : ''}`);
      if (opts.pendingGates) return 'pending';
      return outcome(headSha, Number(headSha.slice(1)) >= passFrom, `fp${headSha}`);
    },
    async markReady() {
      log.push('ready');
    },
    async notify(_s, phase, reason) {
      log.push(`notify ${phase}: ${reason}`);
    },
    async revalidate() {
      return undefined;
    },
    async save(state) {
      saved.push(state);
    },
    now: () => at,
  };
  return { ports, log, saved };
}

describe('drive', () => {
  it('runs implement → gates → fix → gates → ready, saving after every transition', async () => {
    const start = begin();
    const { ports, log, saved } = fakePorts(2);
    const result = await drive(start.state, start.effects, ports);
    expect(result.kind).toBe('done');
    expect(result.state.phase).toBe('ready');
    expect(log).toEqual(['agent implement 0', 'gates c1', 'agent fix 1', 'gates c2', 'ready']);
    expect(saved.map((s) => s.phase)).toEqual(['qa', 'fixing', 'qa', 'ready']);
    expect(result.state.ledger).toMatchObject({ turns: 4, costUsd: 1 });
  });

  it('stops at pending when the gates run elsewhere, and resumes from the saved state', async () => {
    const start = begin();
    const first = await drive(start.state, start.effects, fakePorts(1, { pendingGates: true }).ports);
    expect(first).toMatchObject({ kind: 'pending', state: { phase: 'qa', headSha: 'c1' } });
    expect(resumeEffects(first.state)).toEqual([{ type: 'run-gates', headSha: 'c1' }]);
    const { ports, log } = fakePorts(1);
    const second = await drive(first.state, resumeEffects(first.state), ports);
    expect(second.state.phase).toBe('ready');
    expect(log).toEqual(['gates c1', 'ready']);
  });

  it('ends with needs-human and a notification when the fixes run out', async () => {
    const start = begin();
    const { ports, log } = fakePorts(99);
    const result = await drive({ ...start.state, budget: { ...budget, maxIterations: 1 } }, start.effects, ports);
    expect(result.state.phase).toBe('needs-human');
    expect(log.at(-1)).toContain('notify needs-human');
    expect(log.filter((l) => l.startsWith('agent'))).toHaveLength(2);
  });

  it('stops before the next effect when aborted, with the state saved', async () => {
    const start = begin();
    const controller = new AbortController();
    const { ports, saved } = fakePorts(99);
    const runAgent = ports.runAgent.bind(ports);
    ports.runAgent = async (...args) => {
      const step = await runAgent(...args);
      controller.abort();
      return step;
    };
    const result = await drive(start.state, start.effects, ports, controller.signal);
    expect(result).toMatchObject({ kind: 'aborted', state: { phase: 'qa', headSha: 'c1' } });
    expect(saved.at(-1)?.phase).toBe('qa');
  });

  it('owes nothing for finished phases', () => {
    const s = begin().state;
    for (const phase of ['ready', 'needs-human', 'failed', 'cancelled'] as const) expect(resumeEffects({ ...s, phase })).toEqual([]);
    expect(resumeEffects({ ...s, phase: 'fixing', iteration: 2 })).toEqual([{ type: 'run-agent', mode: 'fix', iteration: 2 }]);
  });
});
