/**
 * Start-up recovery: a second app process on the same GitHub finds the runs a crash
 * left in `spec:developing`, `spec:fixing` or `spec:qa` through their labels, and
 * resumes them or parks them for `/spec retry`; none is left silently stuck.
 */
import { describe, expect, it } from 'vitest';
import type { RecoveryPolicy } from '../../../src/app/context.js';
import { phaseLabel, type WorkflowState } from '../../../src/pipeline/workflow/state.js';
import { transition } from '../../../src/pipeline/workflow/transitions.js';
import { renderStateComment } from '../../../src/reporting/state-comment.js';
import { failingPytest, gate, greetingRepo, pushSpec, replay, runGatesWorkflow, SPEC_BRANCH, trackAppHarnesses, stateOf, type AppHarness } from './harness.js';
import { gatesOutcomeOf } from '../../../src/pipeline/workflow/bridge.js';

const startHarness = trackAppHarnesses();

async function runInQa(): Promise<AppHarness> {
  const repo = greetingRepo();
  const h = await startHarness({ repo: { files: repo.files }, model: await replay('greeting-loop.jsonl') });
  await pushSpec(h, repo.spec);
  expect(stateOf(h.fake, 1).phase).toBe('qa');
  return h;
}

/** What a crash leaves behind: the comment and label of `state`, nothing else. */
function crashedIn(h: AppHarness, state: WorkflowState): void {
  const comment = h.fake.github.state.issueComments.find((c) => c.body.includes('<!-- spec-automation:state'))!;
  comment.body = renderStateComment({ state });
  const issue = h.fake.github.state.issues.find((i) => i.number === 1)!;
  issue.labels = [phaseLabel(state.phase)];
}

async function restart(h: AppHarness, recovery: RecoveryPolicy, withModel = false): Promise<AppHarness> {
  const restarted = await startHarness({ reuse: { fake: h.fake, double: h.double }, deps: { recovery }, ...(withModel ? { model: await replay('greeting-loop.jsonl') } : {}) });
  await restarted.settle();
  return restarted;
}

describe('start-up recovery', () => {
  it('parks a run whose agent was cut short, with a reason and a notification (policy mark)', async () => {
    const h = await runInQa();
    const qa = stateOf(h.fake, 1);
    const fixing = transition(qa, { type: 'gates.completed', at: '2026-07-01T13:00:00Z', outcome: gatesOutcomeOf(qa.headSha!, [gate('ruff', 'passed'), failingPytest()]) });
    if (fixing.kind !== 'applied') throw new Error('expected a fix iteration');
    crashedIn(h, fixing.state);
    const before = h.double.log.length;
    await restart(h, 'mark');
    const state = stateOf(h.fake, 1);
    expect(state.phase).toBe('failed');
    expect(state.reason).toContain('the app restarted while the agent was working (fixing, iteration 1)');
    expect(h.fake.labelsOf(1)).toEqual(['spec:failed']);
    expect(h.fake.github.state.issueComments.at(-1)!.body).toContain('💥 **The spec-automation run failed.**');
    // Found through the labels, across installations.
    const routes = h.double.log.slice(before).map((e) => e.route);
    expect(routes.slice(0, 4)).toEqual(expect.arrayContaining(['GET /app/installations', 'GET /search/issues']));
    expect(h.double.log.find((e) => e.route === 'GET /search/issues')!.query.q).toBe('is:pr is:open org:octo-org label:"spec:developing","spec:qa","spec:fixing"');
  });

  it('finishes a run in qa whose gate results arrived while the app was down', async () => {
    const h = await runInQa();
    // The workflow completed, but its workflow_run event was never handled.
    runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), gate('pytest', 'passed')]);
    await restart(h, 'mark');
    expect(stateOf(h.fake, 1).phase).toBe('ready');
    expect(h.fake.labelsOf(1)).toEqual(['spec:ready']);
    expect(h.fake.pullFor(SPEC_BRANCH)!.draft).toBe(false);
  });

  it('leaves a run in qa waiting when its gates have not run yet', async () => {
    const h = await runInQa();
    const state = stateOf(h.fake, 1);
    await restart(h, 'mark');
    expect(stateOf(h.fake, 1)).toEqual(state);
  });

  it('runs the interrupted agent iteration again (policy resume)', async () => {
    const h = await runInQa();
    const qa = stateOf(h.fake, 1);
    // Crashed during the implementation: the branch is at its start commit, nothing committed.
    const start = h.fake.state.commits.get(qa.headSha!)!.parents[0]!;
    h.fake.state.refs.set(`heads/${SPEC_BRANCH}`, start);
    const developing: WorkflowState = {
      ...qa,
      phase: 'developing',
      ledger: { turns: 0, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0 },
      attempts: [{ iteration: 0, mode: 'implement', startedAt: qa.attempts[0]!.startedAt, changedFiles: 0, spent: { turns: 0, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0 } }],
    };
    delete developing.headSha;
    crashedIn(h, developing);
    await restart(h, 'resume', true);
    const state = stateOf(h.fake, 1);
    expect(state).toMatchObject({ phase: 'qa', headSha: h.fake.head(SPEC_BRANCH) });
    expect(h.fake.filesAt(SPEC_BRANCH).has('greeting/greet.py')).toBe(true);
  });

  it('puts a stale label right when the comment says the run is over', async () => {
    const h = await runInQa();
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), gate('pytest', 'passed')]));
    expect(stateOf(h.fake, 1).phase).toBe('ready');
    h.fake.github.state.issues.find((i) => i.number === 1)!.labels = ['spec:qa', 'bug'];
    await restart(h, 'mark');
    expect(h.fake.labelsOf(1)).toEqual(['bug', 'spec:ready']);
    expect(stateOf(h.fake, 1).phase).toBe('ready');
  });
});
