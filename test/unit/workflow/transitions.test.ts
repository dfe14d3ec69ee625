import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../../src/pipeline/workflow/state-document.js';
import type { GatesOutcome, WorkflowState } from '../../../src/pipeline/workflow/state.js';
import { startRun, transition, type Transition, type WorkflowEvent } from '../../../src/pipeline/workflow/transitions.js';

const at = '2026-11-24T10:00:00Z';
const spec = { path: 'docs/prd.md', type: 'prd', id: 'PRD-001', title: 'Tasklet', contentHash: 'h1' };
const budget = { maxIterations: 2, turns: 100, tokens: 1_000_000, costUsd: 10 };

function applied(t: Transition): Extract<Transition, { kind: 'applied' }> {
  if (t.kind !== 'applied') throw new Error(`expected applied, got ${t.kind}: ${t.reason}`);
  return t;
}

function started(): WorkflowState {
  return applied(startRun({ type: 'run.started', at, spec, baseSha: 'base', branch: 'spec/PRD-001', pr: 7, budget, deliveryId: 'd0' })).state;
}

function finishAgent(state: WorkflowState, commitSha: string, cost = 1): WorkflowState {
  return applied(
    transition(state, { type: 'agent.finished', at, stopReason: 'finished', commitSha, changedFiles: 3, spent: { turns: 5, inputTokens: 1000, costUsd: cost } }),
  ).state;
}

const failed = (headSha: string, fp: string): GatesOutcome => ({
  headSha,
  conclusion: 'failure',
  failed: ['pytest'],
  errors: 0,
  warnings: 0,
  failedTests: 1,
  failureFingerprint: fp,
  toolErrors: [],
});

describe('the dev → QA loop', () => {
  it('implements, fails a gate, fixes, passes', () => {
    let s = started();
    expect(s.phase).toBe('developing');
    s = finishAgent(s, 'c1');
    expect(s).toMatchObject({ phase: 'qa', headSha: 'c1' });

    const afterFail = applied(transition(s, { type: 'gates.completed', at, outcome: failed('c1', 'fpA') }));
    expect(afterFail.state).toMatchObject({ phase: 'fixing', iteration: 1 });
    expect(afterFail.effects).toEqual([{ type: 'run-agent', mode: 'fix', iteration: 1 }]);

    s = finishAgent(afterFail.state, 'c2');
    const pass = applied(
      transition(s, { type: 'gates.completed', at, outcome: { ...failed('c2', ''), conclusion: 'success', failed: [], failedTests: 0, failureFingerprint: undefined } }),
    );
    expect(pass.state.phase).toBe('ready');
    expect(pass.effects).toEqual([{ type: 'mark-ready' }]);
    expect(pass.state.ledger).toMatchObject({ turns: 10, costUsd: 2 });
    expect(pass.state.attempts.map((a) => [a.mode, a.commitSha, a.gates?.conclusion])).toEqual([
      ['implement', 'c1', 'failure'],
      ['fix', 'c2', 'success'],
    ]);
  });

  it('stops with needs-human when the same failures come back', () => {
    let s = finishAgent(started(), 'c1');
    s = applied(transition(s, { type: 'gates.completed', at, outcome: failed('c1', 'same') })).state;
    s = finishAgent(s, 'c2');
    const t = applied(transition(s, { type: 'gates.completed', at, outcome: failed('c2', 'same') }));
    expect(t.state.phase).toBe('needs-human');
    expect(t.state.reason).toContain('no progress');
  });

  it('stops with needs-human when the fix iterations are spent', () => {
    let s = finishAgent(started(), 'c1');
    s = applied(transition(s, { type: 'gates.completed', at, outcome: failed('c1', 'a') })).state;
    s = finishAgent(s, 'c2');
    s = applied(transition(s, { type: 'gates.completed', at, outcome: failed('c2', 'b') })).state;
    s = finishAgent(s, 'c3');
    const t = applied(transition(s, { type: 'gates.completed', at, outcome: failed('c3', 'c') }));
    expect(t.state.phase).toBe('needs-human');
    expect(t.state.reason).toContain('fix iterations 2 of 2');
  });

  it('stops with needs-human when the cost budget is spent', () => {
    const s = finishAgent(started(), 'c1', 10);
    const t = applied(transition(s, { type: 'gates.completed', at, outcome: failed('c1', 'a') }));
    expect(t.state.phase).toBe('needs-human');
    expect(t.state.reason).toContain('cost $10.00 of $10.00');
  });

  it('does not ask the agent to fix a gate that could not run', () => {
    const s = finishAgent(started(), 'c1');
    const t = applied(
      transition(s, { type: 'gates.completed', at, outcome: { ...failed('c1', 'x'), conclusion: 'error', toolErrors: ['ruff was not found'] } }),
    );
    expect(t.state.phase).toBe('needs-human');
    expect(t.state.reason).toContain('ruff was not found');
  });

  it('parks the run when the agent stops early, keeping its partial commit', () => {
    const t = applied(transition(started(), { type: 'agent.finished', at, stopReason: 'budget:turns', commitSha: 'c1', changedFiles: 2, spent: {} }));
    expect(t.state.phase).toBe('needs-human');
    expect(t.state.reason).toContain('budget:turns');
    expect(t.state.reason).toContain('c1');
  });

  it("says why the agent stopped on an error (the model's answer and its fix), not only that it did", () => {
    const summary = 'The model call failed on turn 1: Anthropic API error 401 authentication_error: invalid x-api-key. The credentials were rejected; check ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN for a gateway).';
    const t = applied(transition(started(), { type: 'agent.finished', at, stopReason: 'error', summary, changedFiles: 0, spent: {} }));
    expect(t.state.phase).toBe('needs-human');
    expect(t.state.reason).toBe(`the agent stopped early (error): ${summary}`);
    expect(t.effects).toEqual([{ type: 'notify', phase: 'needs-human', reason: t.state.reason }]);
    // A budget stop needs no summary to be understood.
    expect(applied(transition(started(), { type: 'agent.finished', at, stopReason: 'budget:turns', summary: 'Turn budget spent.', changedFiles: 0, spent: {} })).state.reason).toBe('the agent stopped early (budget:turns).');
  });
});

describe('idempotency', () => {
  it('ignores a redelivered event', () => {
    const s = finishAgent(started(), 'c1');
    const event: WorkflowEvent = { type: 'gates.completed', at, outcome: failed('c1', 'a'), deliveryId: 'd1' };
    const first = applied(transition(s, event));
    expect(transition(first.state, event)).toMatchObject({ kind: 'ignored' });
  });

  it('ignores gate results for another commit and results outside qa', () => {
    const s = finishAgent(started(), 'c1');
    expect(transition(s, { type: 'gates.completed', at, outcome: failed('old', 'a') })).toMatchObject({ kind: 'ignored' });
    expect(transition(started(), { type: 'gates.completed', at, outcome: failed('c1', 'a') })).toMatchObject({ kind: 'ignored' });
  });

  it('ignores a second start for the same spec version while the run is active', () => {
    const s = started();
    expect(transition(s, { type: 'run.started', at, spec, baseSha: 'base', branch: 'spec/PRD-001', budget })).toMatchObject({ kind: 'ignored' });
  });

  it('keeps the ledger when a changed spec restarts the run', () => {
    const s = finishAgent(started(), 'c1', 3);
    const ready = { ...s, phase: 'ready' as const };
    const t = applied(transition(ready, { type: 'run.started', at, spec: { ...spec, contentHash: 'h2' }, baseSha: 'b2', branch: 'spec/PRD-001', budget }));
    expect(t.state).toMatchObject({ phase: 'developing', pr: 7, iteration: 0 });
    expect(t.state.ledger.costUsd).toBe(3);
  });
});

describe('commands', () => {
  function needsHuman(cost: number): WorkflowState {
    const s = finishAgent(started(), 'c1', cost);
    return applied(transition(s, { type: 'gates.completed', at, outcome: failed('c1', 'a') })).state;
  }

  it('refuses a retry past the budget, with the numbers, and accepts it when an admin raises it', () => {
    const s = needsHuman(10);
    const refusedRetry = transition(s, { type: 'retry', at, target: 'dev', by: 'dev1' });
    expect(refusedRetry).toMatchObject({ kind: 'refused' });
    expect(refusedRetry.kind === 'refused' && refusedRetry.reason).toContain('$10.00 of $10.00');
    const raised = applied(transition(s, { type: 'retry', at, target: 'dev', by: 'admin', raiseBudget: { costUsd: 20 } }));
    expect(raised.state).toMatchObject({ phase: 'fixing', iteration: 1, budget: { costUsd: 20 } });
    expect(raised.effects).toEqual([{ type: 'run-agent', mode: 'fix', iteration: 1 }]);
  });

  it('re-runs the gates on /spec retry qa and refuses it while the agent works', () => {
    const s = needsHuman(10);
    expect(applied(transition(s, { type: 'retry', at, target: 'qa', by: 'dev1' })).effects).toEqual([{ type: 'rerun-gates', headSha: 'c1' }]);
    expect(transition(started(), { type: 'retry', at, target: 'qa', by: 'dev1' })).toMatchObject({ kind: 'refused' });
  });

  it('records a failure once', () => {
    const t = applied(transition(started(), { type: 'failed', at, message: 'GitHub answered 502' }));
    expect(t.state).toMatchObject({ phase: 'failed', reason: expect.stringContaining('GitHub answered 502') });
    expect(transition(t.state, { type: 'failed', at, message: 'GitHub answered 502' })).toMatchObject({ kind: 'ignored' });
  });

  it('cancels an active run once', () => {
    const t = applied(transition(started(), { type: 'cancel', at, by: 'lead' }));
    expect(t.state).toMatchObject({ phase: 'cancelled', reason: 'cancelled by @lead' });
    expect(transition(t.state, { type: 'cancel', at, by: 'lead' })).toMatchObject({ kind: 'ignored' });
  });
});

describe('the state block', () => {
  it('round-trips and cannot be closed early by state content', () => {
    const s = { ...started(), reason: 'evil --> <!-- x' };
    const body = `${encodeState(s)}\n\n## Spec run\nhuman text`;
    expect(body.indexOf('-->')).toBe(body.lastIndexOf('-->'));
    const decoded = decodeState(body);
    expect(decoded).toEqual({ ok: true, state: s });
  });

  it('reports corrupted, foreign and missing blocks instead of throwing', () => {
    expect(decodeState('hello')).toMatchObject({ ok: false, error: 'no state block in the comment' });
    expect(decodeState('<!-- spec-automation:state v1\n{nope\n-->')).toMatchObject({ ok: false });
    expect(decodeState('<!-- spec-automation:state v9\n{}\n-->')).toMatchObject({ ok: false, error: expect.stringContaining('version 9') });
    const wrong = decodeState('<!-- spec-automation:state v1\n{"version":1}\n-->');
    expect(wrong.ok).toBe(false);
  });
});

describe('bridge from gate results', async () => {
  const { gatesOutcomeOf } = await import('../../../src/pipeline/workflow/bridge.js');
  const base = { tool: 'x', exitCode: 1, durationMs: 1, fromCache: false, command: [] };
  it('summarizes failing gates, tests and tool errors, and fingerprints the failures', () => {
    const outcome = gatesOutcomeOf('c1', [
      { ...base, gate: 'ruff', status: 'passed', diagnostics: [] },
      {
        ...base,
        gate: 'pytest',
        status: 'failed',
        diagnostics: [
          { source: 'pytest', path: 't.py', range: { start: { line: 3 } }, severity: 'error', rule: 'test.failed', message: 'assert 1 == 2', fingerprint: 'f1' },
        ],
        tests: { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 5, cases: [] },
      },
      { ...base, gate: 'basedpyright', status: 'error', diagnostics: [], error: { message: 'basedpyright was not found' } },
    ]);
    expect(outcome).toMatchObject({ headSha: 'c1', conclusion: 'error', failed: ['pytest', 'basedpyright'], errors: 1, failedTests: 1 });
    expect(outcome.toolErrors).toEqual(['basedpyright: basedpyright was not found']);
    expect(outcome.failureFingerprint).toMatch(/\w+/);
  });
});
