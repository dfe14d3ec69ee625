/**
 * Steering a run: `/spec` commands, the budget ledger across retries (refused with the
 * numbers, raised by an admin only), the run check run's buttons and "Re-run", and a
 * state comment rebuilt from the branch's commits when it is lost.
 */
import { describe, expect, it } from 'vitest';
import { RUN_CHECK_NAME } from '../../../src/app/run-check.js';
import {
  checkRunActionPayload,
  commentPayload,
  gate,
  greetingRepo,
  pushPayload,
  pushSpec,
  replay,
  runGatesWorkflow,
  SPEC_BRANCH,
  SPEC_PATH,
  trackAppHarnesses,
  stateOf,
  type AppHarness,
  type HarnessOptions,
} from './harness.js';

const startHarness = trackAppHarnesses();

async function harness(options: HarnessOptions = {}): Promise<AppHarness> {
  const h = await startHarness(options);
  h.fake.state.permissions.set('ada', 'admin');
  h.fake.state.permissions.set('carol', 'write');
  h.fake.state.permissions.set('bob', 'read');
  return h;
}

async function runInQa(session = 'greeting-loop.jsonl', files?: Record<string, string>): Promise<AppHarness> {
  const repo = greetingRepo();
  const h = await harness({ repo: { files: files ?? repo.files }, model: await replay(session) });
  await pushSpec(h, repo.spec);
  return h;
}

function lastReply(h: AppHarness): string {
  return h.fake.github.state.issueComments.filter((c) => c.user.login === 'spec-automation[bot]' && !c.body.includes('<!-- spec-automation:state')).at(-1)?.body ?? '';
}

function reactions(h: AppHarness): string[] {
  return h.fake.state.reactions.map((r) => r.content);
}

describe('/spec commands', () => {
  it('status replies with phase, iteration and budget numbers', async () => {
    const h = await runInQa();
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec status', { login: 'carol' }));
    expect(lastReply(h)).toContain('**spec:qa**, implementation.');
    expect(lastReply(h)).toMatch(/Spent: 3 of 80 turns, 11,662 of 4,000,000 tokens, \$0\.03 of \$5\.00\./);
    expect(reactions(h)).toEqual(['eyes']);
  });

  it('cancel stops the run: label, state, the run check run with a Retry button', async () => {
    const h = await runInQa();
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec cancel', { login: 'carol' }));
    expect(stateOf(h.fake, 1)).toMatchObject({ phase: 'cancelled', reason: 'cancelled by @carol' });
    expect(h.fake.labelsOf(1)).toEqual(['spec:cancelled']);
    expect(reactions(h)).toEqual(['+1']);
    const check = h.fake.github.state.checkRuns.find((r) => r.name === RUN_CHECK_NAME && r.head_sha === h.fake.head(SPEC_BRANCH));
    expect(check).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    // Gate results arriving after the cancellation change nothing.
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), gate('pytest', 'passed')]));
    expect(stateOf(h.fake, 1).phase).toBe('cancelled');
  });

  it('help and unknown commands get the list of commands', async () => {
    const h = await runInQa();
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec help', { login: 'carol' }));
    expect(lastReply(h)).toContain('`/spec retry qa`');
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec deploy now', { login: 'carol' }));
    expect(lastReply(h)).toContain('That is not a spec-automation command.');
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry --budget lots', { login: 'ada' }));
    expect(lastReply(h)).toContain('--budget needs a number');
    expect(reactions(h)).toEqual(['eyes', 'confused', 'confused']);
    expect(stateOf(h.fake, 1).phase).toBe('qa');
  });

  it('retry qa re-runs the gates workflow of the head commit', async () => {
    const h = await runInQa();
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed')], { conclusion: 'failure' }));
    expect(stateOf(h.fake, 1).phase).toBe('needs-human');
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry qa', { login: 'carol' }));
    const rerun = h.double.log.filter((e) => e.route === 'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun');
    expect(rerun.map((e) => e.path)).toEqual([`/repos/octo-org/tasklet/actions/runs/${h.fake.state.workflowRuns[0]!.id}/rerun`]);
    expect(stateOf(h.fake, 1).phase).toBe('qa');
    expect(h.fake.labelsOf(1)).toEqual(['spec:qa']);
  });

  it('retry validate with a spec that no longer validates leaves the run as it was', async () => {
    const h = await runInQa();
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec cancel', { login: 'carol' }));
    const { spec } = greetingRepo();
    h.fake.commit('main', { [SPEC_PATH]: spec.replace('status: approved', 'status: draft') }, 'Back to draft');
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry validate', { login: 'carol' }));
    expect(lastReply(h)).toContain('The spec did not pass validation on `main`');
    expect(stateOf(h.fake, 1).phase).toBe('cancelled');
    const validate = h.fake.github.state.checkRuns.filter((r) => r.name === 'spec-automation / validate');
    expect(validate.at(-1)).toMatchObject({ head_sha: h.fake.head('main') });
  });
});

describe('budgets across retries', () => {
  it('refuses a retry past the budget with the numbers; only an admin may raise it', async () => {
    const repo = greetingRepo();
    const files = { ...repo.files, '.github/spec-automation.yml': 'gates:\n  ruff: {}\n  pytest: {}\nagent:\n  model: claude-sonnet-4-6\n  budgets:\n    costUsd: 0.01\n' };
    const h = await harness({ repo: { files }, model: await replay('greeting-budget.jsonl') });
    await pushSpec(h, repo.spec);
    let state = stateOf(h.fake, 1);
    expect(state.phase).toBe('needs-human');
    expect(state.reason).toContain('the agent stopped early (budget:cost)');
    expect(state.ledger.costUsd).toBeCloseTo(0.013821, 6);

    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry', { login: 'carol' }));
    expect(lastReply(h)).toBe('Refused: the budget is spent (cost $0.01 of $0.01); an admin can raise it with `/spec retry dev --budget <usd>`.');
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry dev --budget 30', { login: 'carol' }));
    expect(lastReply(h)).toContain('Only repository admins can raise a run\'s budget');
    expect(stateOf(h.fake, 1).phase).toBe('needs-human');

    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry dev --budget 30', { login: 'ada' }));
    state = stateOf(h.fake, 1);
    expect(state).toMatchObject({ phase: 'qa', budget: { costUsd: 30 } });
    // The ledger carries the first, stopped attempt: budgets hold across retries.
    expect(state.attempts.map((a) => a.stopReason)).toEqual(['budget:cost', 'finished']);
    expect(state.ledger.turns).toBe(4);
    expect(reactions(h)).toEqual(['-1', '-1', '+1']);
    expect(h.fake.filesAt(SPEC_BRANCH).get('greeting/greet.py')).toContain('def greet');
  });
});

describe('check run buttons', () => {
  it('Cancel on the run check run cancels the run; a read-only user\'s click changes nothing', async () => {
    const h = await runInQa();
    const run = h.fake.github.state.checkRuns.find((r) => r.name === RUN_CHECK_NAME && r.head_sha === h.fake.head(SPEC_BRANCH))!;
    await h.deliver('check_run', checkRunActionPayload(h.fake, { id: run.id, name: run.name, head_sha: run.head_sha, external_id: SPEC_BRANCH }, 'requested_action', 'bob', 'cancel'));
    expect(stateOf(h.fake, 1).phase).toBe('qa');
    await h.deliver('check_run', checkRunActionPayload(h.fake, { id: run.id, name: run.name, head_sha: run.head_sha, external_id: SPEC_BRANCH }, 'requested_action', 'carol', 'cancel'));
    expect(stateOf(h.fake, 1)).toMatchObject({ phase: 'cancelled', reason: 'cancelled by @carol' });
  });

  it('"Re-run" of the validate check run validates the commit again and starts the run once the configuration is fixed', async () => {
    const repo = greetingRepo();
    const files = { ...repo.files, '.github/spec-automation.yml': 'agent:\n  maxIterationz: 3\n' };
    const h = await harness({ repo: { files }, model: await replay('greeting-loop.jsonl') });
    const before = h.fake.head('main')!;
    const pushed = h.fake.commit('main', { [SPEC_PATH]: repo.spec }, 'Add the spec');
    await h.deliver('push', pushPayload(h.fake, { before, after: pushed, added: [SPEC_PATH] }));
    const check = h.fake.github.state.checkRuns.find((r) => r.name === 'spec-automation / validate')!;
    expect(check.conclusion).toBe('failure');
    h.fake.commit('main', { '.github/spec-automation.yml': repo.files['.github/spec-automation.yml']! }, 'Fix the configuration');
    const payload = checkRunActionPayload(h.fake, { id: check.id, name: check.name, head_sha: pushed, external_id: 'main' }, 'rerequested', 'ada');
    await h.deliver('check_run', payload);
    expect(h.fake.pullFor(SPEC_BRANCH)).toBeDefined();
    expect(stateOf(h.fake, 1)).toMatchObject({ phase: 'qa', baseSha: pushed });
  });
});

describe('a lost state comment', () => {
  it('is rebuilt from the commits\' trailers and the label', async () => {
    const h = await runInQa();
    const original = stateOf(h.fake, 1);
    // Someone deletes the state comment.
    h.fake.github.state.issueComments = h.fake.github.state.issueComments.filter((c) => !c.body.includes('<!-- spec-automation:state'));
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec status', { login: 'carol' }));
    const rebuilt = stateOf(h.fake, 1);
    expect(rebuilt).toMatchObject({ phase: 'qa', baseSha: original.baseSha, headSha: original.headSha, branch: SPEC_BRANCH, spec: { path: SPEC_PATH, type: 'functional-spec', contentHash: original.spec.contentHash } });
    expect(rebuilt.ledger).toEqual(original.ledger);
    expect(rebuilt.reason).toContain('rebuilt from the branch\'s commits and labels because there is no state comment');
    expect(lastReply(h)).toContain('**spec:qa**');
    // The run goes on from the rebuilt state.
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), gate('pytest', 'passed')]));
    expect(stateOf(h.fake, 1).phase).toBe('ready');
  });

  it('is rebuilt when the block was tampered with', async () => {
    const h = await runInQa();
    const comment = h.fake.github.state.issueComments.find((c) => c.body.includes('<!-- spec-automation:state'))!;
    comment.body = comment.body.replace('"phase":"qa"', '"phase":"shipped"');
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec status', { login: 'carol' }));
    const rebuilt = stateOf(h.fake, 1);
    expect(rebuilt.phase).toBe('qa');
    expect(rebuilt.reason).toContain('state block is invalid at phase');
    expect(h.fake.github.state.issueComments.filter((c) => c.body.includes('<!-- spec-automation:state'))).toHaveLength(1);
  });
});

describe('restarting a run', () => {
  it('a changed spec pushed again restarts the run on the same branch and pull request, the ledger kept', async () => {
    const repo = greetingRepo();
    const h = await harness({ repo: { files: repo.files }, model: await replay('greeting-restart.jsonl') });
    await pushSpec(h, repo.spec);
    const first = stateOf(h.fake, 1);
    const firstAgentCommit = first.headSha!;
    const changed = repo.spec.replace('## Out of Scope', '### FR-3: Greet politely\n\n**Acceptance criteria:**\n\n1. WHEN `greet` is called, THE library SHALL end the greeting with "!".\n\n## Out of Scope');
    const before = h.fake.head('main')!;
    const pushed = h.fake.commit('main', { [SPEC_PATH]: changed }, 'FR-3');
    await h.deliver('push', pushPayload(h.fake, { before, after: pushed, modified: [SPEC_PATH] }));
    const state = stateOf(h.fake, 1);
    expect(h.fake.state.pulls).toHaveLength(1);
    expect(h.fake.pullFor(SPEC_BRANCH)!.body).toContain('| FR-3 | Greet politely |');
    expect(state).toMatchObject({ phase: 'qa', baseSha: pushed, iteration: 0 });
    expect(state.spec.contentHash).not.toBe(first.spec.contentHash);
    expect(state.attempts.map((a) => a.mode)).toEqual(['implement', 'implement']);
    expect(state.ledger.turns).toBe(6);
    // The branch starts again from the new commit; the first attempt is no longer on it.
    const head = h.fake.state.commits.get(h.fake.head(SPEC_BRANCH)!)!;
    expect(h.fake.state.commits.get(head.parents[0]!)!.parents).toEqual([pushed]);
    expect(head.sha).not.toBe(firstAgentCommit);
  });

  it('/spec retry validate restarts a cancelled run from the spec on the base branch', async () => {
    const repo = greetingRepo();
    const h = await harness({ repo: { files: repo.files }, model: await replay('greeting-restart.jsonl') });
    await pushSpec(h, repo.spec);
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec cancel', { login: 'carol' }));
    const newer = h.fake.commit('main', { 'README.md': '# greeting\n' }, 'Docs');
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry validate', { login: 'carol' }));
    const state = stateOf(h.fake, 1);
    expect(state).toMatchObject({ phase: 'qa', baseSha: newer });
    expect(state.attempts.map((a) => a.mode)).toEqual(['implement', 'implement']);
    expect(h.fake.labelsOf(1)).toEqual(['spec:qa']);
  });
});
