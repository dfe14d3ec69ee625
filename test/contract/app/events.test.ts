/**
 * Who and what may not move a run: redelivered and out-of-order events, bots, forks,
 * pushes that are not for the app. Each asserts both what happened on GitHub and what
 * did not.
 */
import { describe, expect, it } from 'vitest';
import {
  commentPayload,
  failingPytest,
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
} from './harness.js';

const harness = trackAppHarnesses();

async function runInQa(): Promise<{ h: AppHarness; spec: string; pushed: string }> {
  const { files, spec } = greetingRepo();
  const h = await harness({ repo: { files }, model: await replay('greeting-loop.jsonl') });
  h.fake.state.permissions.set('ada', 'admin');
  h.fake.state.permissions.set('bob', 'read');
  h.fake.state.permissions.set('carol', 'write');
  const { pushed } = await pushSpec(h, spec);
  expect(stateOf(h.fake, 1).phase).toBe('qa');
  return { h, spec, pushed };
}

describe('redelivery', () => {
  it('does nothing the second time a push is delivered, in the same process', async () => {
    const { files, spec } = greetingRepo();
    const h = await harness({ repo: { files }, model: await replay('greeting-loop.jsonl') });
    const { payload, deliveryId } = await pushSpec(h, spec);
    const requests = h.double.log.length;
    await h.deliver('push', payload, deliveryId);
    expect(h.double.log.length).toBe(requests);
    expect(h.fake.state.pulls).toHaveLength(1);
  });

  it('does nothing when another replica gets a delivery this one handled (the state remembers it)', async () => {
    const { h } = await runInQa();
    // The gates left no pytest results: a human re-runs the gates workflow.
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed')], { conclusion: 'failure' }));
    expect(stateOf(h.fake, 1).phase).toBe('needs-human');
    const retry = commentPayload(h.fake, 1, '/spec retry qa', { login: 'ada' });
    await h.deliver('issue_comment', retry, 'delivery-retry-qa');
    const reruns = () => h.double.log.filter((e) => e.route === 'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun').length;
    expect(reruns()).toBe(1);
    const afterFirst = stateOf(h.fake, 1);
    expect(afterFirst).toMatchObject({ phase: 'qa' });
    expect(afterFirst.deliveries).toContain('delivery-retry-qa');
    // Mark the re-run finished so that, without deduplication, a second re-run would be possible.
    for (const run of h.fake.state.workflowRuns) Object.assign(run, { status: 'completed', conclusion: 'failure' });

    // A second process with its own (empty) memory of deliveries gets the same delivery.
    const replica = await harness({ reuse: { fake: h.fake, double: h.double } });
    await replica.deliver('issue_comment', retry, 'delivery-retry-qa');
    expect(reruns()).toBe(1);
    expect(stateOf(h.fake, 1)).toEqual(afterFirst);
    const reply = h.fake.github.state.issueComments.at(-1)!;
    expect(reply.body).toContain('Nothing to do: delivery delivery-retry-qa was already handled');
  });

  it('does not restart a finished run when a push is redelivered to another replica', async () => {
    const { h } = await runInQa();
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), failingPytest()]));
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), gate('pytest', 'passed')]));
    expect(stateOf(h.fake, 1).phase).toBe('ready');
    const push = h.double.log.find((e) => e.route === 'POST /repos/{owner}/{repo}/git/refs');
    expect(push).toBeDefined();
    const firstPush = h.logs.find((l) => l.includes('"name":"push"'));
    const deliveryId = /"id":"([^"]+)","name":"push"/.exec(firstPush ?? '')?.[1];
    expect(deliveryId).toBeDefined();
    expect(stateOf(h.fake, 1).deliveries).toContain(`${deliveryId}:${SPEC_PATH}`);
    const replica = await harness({ reuse: { fake: h.fake, double: h.double } });
    const main = h.fake.state.commits.get(stateOf(h.fake, 1).baseSha)!;
    const payload = pushPayload(h.fake, { before: main.parents[0]!, after: main.sha, added: [SPEC_PATH] });
    await replica.deliver('push', payload, deliveryId);
    expect(stateOf(h.fake, 1).phase).toBe('ready');
    expect(h.fake.labelsOf(1)).toEqual(['spec:ready']);
  });
});

describe('out-of-order events', () => {
  it('ignores gate results for a commit the run no longer waits for', async () => {
    const { h } = await runInQa();
    const oldHead = h.fake.head(SPEC_BRANCH)!;
    const stale = runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), failingPytest()]);
    await h.deliver('workflow_run', stale);
    const fixed = stateOf(h.fake, 1);
    expect(fixed.headSha).not.toBe(oldHead);
    // The same failing results for the old commit arrive again (a re-run of the old workflow).
    const before = h.double.log.length;
    await h.deliver('workflow_run', stale);
    expect(stateOf(h.fake, 1)).toEqual(fixed);
    expect(h.double.log.slice(before).filter((e) => e.method !== 'GET')).toEqual([]);
  });

  it('ignores a completed workflow of another name, a cancelled one, and one on a non-spec branch', async () => {
    const { h } = await runInQa();
    const state = stateOf(h.fake, 1);
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), gate('pytest', 'passed')], { name: 'docs' }));
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [], { conclusion: 'cancelled' }));
    h.fake.commit('feature', { 'x.txt': 'x' }, 'feature');
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, 'feature', [gate('ruff', 'passed')]));
    expect(stateOf(h.fake, 1)).toEqual(state);
  });

  it('treats a gates workflow that left no results as a gate that could not run, never as a pass', async () => {
    const { h } = await runInQa();
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed')], { conclusion: 'failure' }));
    const state = stateOf(h.fake, 1);
    expect(state.phase).toBe('needs-human');
    expect(state.reason).toContain('no results for the gate pytest');
    expect(h.fake.labelsOf(1)).toEqual(['spec:needs-human']);
    expect(h.fake.pullFor(SPEC_BRANCH)!.draft).toBe(true);
    const notice = h.fake.github.state.issueComments.filter((c) => c.body.startsWith('🙋'));
    expect(notice).toHaveLength(1);
  });
});

describe('people and bots who may not steer', () => {
  it('answers an unauthorized command with a reply and a reaction, and does nothing else', async () => {
    const { h } = await runInQa();
    const state = stateOf(h.fake, 1);
    for (const user of ['bob', 'mallory']) {
      const before = h.double.log.length;
      await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec cancel', { login: user }));
      const writes = h.double.log.slice(before).filter((e) => e.method !== 'GET');
      expect(writes.map((e) => e.route)).toEqual(['POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments']);
      expect(writes[0]!.body).toEqual({ content: '-1' });
      expect(String((writes[1]!.body as { body: string }).body)).toContain('Only people with write, maintain or admin permission');
    }
    expect(stateOf(h.fake, 1)).toEqual(state);
  });

  it('checks permission through the collaborator API, not author_association', async () => {
    const { h } = await runInQa();
    const payload = commentPayload(h.fake, 1, '/spec cancel', { login: 'bob' });
    expect((payload.comment as { author_association: string }).author_association).toBe('OWNER');
    await h.deliver('issue_comment', payload);
    expect(h.double.log.some((e) => e.path.endsWith('/collaborators/bob/permission'))).toBe(true);
    expect(stateOf(h.fake, 1).phase).toBe('qa');
  });

  it('ignores comments from bots, including its own, without a single request', async () => {
    const { h } = await runInQa();
    const before = h.double.log.length;
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec cancel', { login: 'dependabot[bot]', type: 'Bot' }));
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry', { login: 'spec-automation[bot]', type: 'Bot' }));
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry', { login: 'renovate[bot]', type: 'User' }));
    expect(h.double.log.length).toBe(before);
  });

  it('ignores comments that are not commands, and commands not at the start', async () => {
    const { h } = await runInQa();
    const before = h.double.log.length;
    await h.deliver('issue_comment', commentPayload(h.fake, 1, 'Looks good! Maybe later: /spec cancel', { login: 'ada' }));
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '> /spec cancel\nquoting the docs', { login: 'ada' }));
    expect(h.double.log.length).toBe(before);
  });
});

describe('forks and pushes that are not for the app', () => {
  it('never starts a run for a spec pushed on a fork', async () => {
    const { files, spec } = greetingRepo();
    const h = await harness({ repo: { files } });
    const before = h.fake.head('main')!;
    const pushed = h.fake.commit('main', { [SPEC_PATH]: spec }, 'Add the spec');
    await h.deliver('push', pushPayload(h.fake, { before, after: pushed, added: [SPEC_PATH], fork: true }));
    expect(h.double.log).toEqual([]);
    expect(h.fake.state.pulls).toEqual([]);
  });

  it('starts nothing for pushes to other branches, to spec branches, of deleted branches, or without spec files', async () => {
    const { files, spec } = greetingRepo();
    const h = await harness({ repo: { files } });
    const main = h.fake.head('main')!;
    const feature = h.fake.commit('feature', { [SPEC_PATH]: spec }, 'spec on a feature branch');
    await h.deliver('push', pushPayload(h.fake, { branch: 'feature', before: main, after: feature, added: [SPEC_PATH] }));
    const onSpecBranch = h.fake.commit('spec/other', { [SPEC_PATH]: spec }, 'agent-like push');
    await h.deliver('push', pushPayload(h.fake, { branch: 'spec/other', before: main, after: onSpecBranch, added: [SPEC_PATH] }));
    const code = h.fake.commit('main', { 'greeting/x.py': 'x = 1\n' }, 'code only');
    await h.deliver('push', pushPayload(h.fake, { before: main, after: code, modified: ['greeting/x.py'] }));
    const deleted = pushPayload(h.fake, { before: main, after: code });
    deleted.after = '0'.repeat(40);
    deleted.deleted = true;
    await h.deliver('push', deleted);
    expect(h.fake.state.pulls).toEqual([]);
    expect(h.fake.github.state.checkRuns).toEqual([]);
    // Only the configuration was read (once per push that passed the payload checks).
    expect(h.double.log.filter((e) => e.method !== 'GET' && !e.path.includes('access_tokens'))).toEqual([]);
  });

  it('reports an invalid configuration on the push instead of starting anything', async () => {
    const { files, spec } = greetingRepo();
    files['.github/spec-automation.yml'] = 'agent:\n  maxIterationz: 3\n';
    const h = await harness({ repo: { files } });
    const before = h.fake.head('main')!;
    const pushed = h.fake.commit('main', { [SPEC_PATH]: spec }, 'Add the spec');
    await h.deliver('push', pushPayload(h.fake, { before, after: pushed, added: [SPEC_PATH] }));
    const check = h.fake.github.state.checkRuns.find((r) => r.name === 'spec-automation / validate')!;
    expect(check).toMatchObject({ head_sha: pushed, conclusion: 'failure' });
    expect(check.annotations[0]).toMatchObject({ path: '.github/spec-automation.yml', start_line: 2 });
    expect(h.fake.state.pulls).toEqual([]);
  });

  it('validates a spec that is not executable and starts no run for it', async () => {
    const { files, spec } = greetingRepo();
    const h = await harness({ repo: { files } });
    const before = h.fake.head('main')!;
    const draft = spec.replace('status: approved', 'status: draft');
    const pushed = h.fake.commit('main', { [SPEC_PATH]: draft }, 'Add a draft spec');
    await h.deliver('push', pushPayload(h.fake, { before, after: pushed, added: [SPEC_PATH] }));
    const check = h.fake.github.state.checkRuns.find((r) => r.name === 'spec-automation / validate')!;
    expect(check.output.text).toContain('its status is draft');
    expect(h.fake.state.pulls).toEqual([]);
  });
});

describe('the spec branch', () => {
  it('moves a branch left from an earlier run of the same spec instead of making another', async () => {
    const { files, spec } = greetingRepo();
    const h = await harness({ repo: { files }, model: await replay('greeting-loop.jsonl') });
    const stale = h.fake.commit(SPEC_BRANCH, { 'old.txt': 'left over\n' }, 'an old attempt');
    const { pushed } = await pushSpec(h, spec);
    const head = h.fake.state.commits.get(h.fake.head(SPEC_BRANCH)!)!;
    const start = h.fake.state.commits.get(head.parents[0]!)!;
    expect(start.message.split('\n')[0]).toBe('spec-automation: start fs-greet');
    expect(start.parents).toEqual([pushed]);
    expect(h.fake.filesAt(SPEC_BRANCH).has('old.txt')).toBe(false);
    expect(head.sha).not.toBe(stale);
    const refWrites = h.double.log.filter((e) => e.route?.includes('/git/refs')).map((e) => `${e.method} ${e.status}`);
    expect(refWrites).toEqual(['POST 422', 'PATCH 200', 'PATCH 200']);
    expect((h.double.log.find((e) => e.method === 'PATCH' && e.route === 'PATCH /repos/{owner}/{repo}/git/refs/{ref}')!.body as { force: boolean }).force).toBe(true);
    expect(h.fake.state.pulls).toHaveLength(1);
  });
});

describe('the lock file on the spec branch', () => {
  it('keeps the entries of other specs and adds this one with the pull request', async () => {
    const { files, spec } = greetingRepo();
    const other = '{\n  "version": 1,\n  "specs": {\n    "docs/older.md": {\n      "contentHash": "' + 'c'.repeat(64) + '",\n      "implementedAt": "2026-06-01T00:00:00Z",\n      "pr": { "number": 7 },\n      "requirements": {}\n    }\n  }\n}\n';
    const h = await harness({ repo: { files: { ...files, '.spec-automation/lock.json': other } }, model: await replay('greeting-loop.jsonl') });
    await pushSpec(h, spec);
    const lock = JSON.parse(h.fake.filesAt(SPEC_BRANCH).get('.spec-automation/lock.json')!) as { specs: Record<string, { pr?: { number: number } }> };
    expect(Object.keys(lock.specs)).toEqual([SPEC_PATH, 'docs/older.md']);
    expect(lock.specs['docs/older.md']!.pr).toEqual({ number: 7 });
    expect(lock.specs[SPEC_PATH]!.pr).toMatchObject({ number: 1 });
  });

  it('leaves a lock file it cannot read as it is, says so on the pull request once, and the run goes on', async () => {
    const { files, spec } = greetingRepo();
    const conflicted = '{\n  "version": 1,\n<<<<<<< HEAD\n  "specs": {}\n=======\n  "specs": {}\n>>>>>>> other\n}\n';
    const h = await harness({ repo: { files: { ...files, '.spec-automation/lock.json': conflicted } }, model: await replay('greeting-loop.jsonl') });
    await pushSpec(h, spec);
    expect(stateOf(h.fake, 1)).toMatchObject({ phase: 'qa', headSha: h.fake.head(SPEC_BRANCH) });
    const branch = h.fake.filesAt(SPEC_BRANCH);
    expect(branch.get('greeting/greet.py')).toContain('def greet');
    expect(branch.get('.spec-automation/lock.json')).toBe(conflicted);
    const warnings = h.fake.github.state.issueComments.filter((c) => c.issue_number === 1 && c.body.includes('merge-conflict markers'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.body).toContain('The run goes on without recording docs/greeting.md and leaves the file as it is.');
    // A fix iteration does not say it again.
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'passed'), failingPytest()]));
    expect(stateOf(h.fake, 1).iteration).toBe(1);
    expect(h.fake.github.state.issueComments.filter((c) => c.body.includes('merge-conflict markers'))).toHaveLength(1);
    expect(h.double.violations).toEqual([]);
  });
});

describe('two replicas on one run', () => {
  it('lets a cancel from another replica stand while this replica\'s agent was working', async () => {
    const { files, spec } = greetingRepo();
    const inner = await replay('greeting-loop.jsonl');
    const other: { replica?: AppHarness } = {};
    let calls = 0;
    const h = await harness({
      repo: { files },
      model: {
        async create(request) {
          calls += 1;
          // While the agent works here, someone cancels; the delivery lands on the other replica.
          if (calls === 1) await other.replica!.deliver('issue_comment', commentPayload(h.fake, 1, '/spec cancel', { login: 'ada' }));
          return inner.create(request);
        },
      },
    });
    h.fake.state.permissions.set('ada', 'admin');
    other.replica = await harness({ reuse: { fake: h.fake, double: h.double } });
    await pushSpec(h, spec);
    const state = stateOf(h.fake, 1);
    expect(state).toMatchObject({ phase: 'cancelled', reason: 'cancelled by @ada' });
    expect(h.fake.labelsOf(1)).toEqual(['spec:cancelled']);
    // The agent's work was not committed over the cancellation.
    expect(h.fake.state.commits.get(h.fake.head(SPEC_BRANCH)!)!.message.split('\n')[0]).toBe('spec-automation: start fs-greet');
    expect(h.logs.some((l) => l.includes('The run changed elsewhere'))).toBe(true);
  });
});

describe('a host without model credentials', () => {
  it('validates the spec, starts no run, and the validate check run says the agent cannot run', async () => {
    const { files, spec } = greetingRepo();
    const problem = 'ANTHROPIC_API_KEY is not set: set ANTHROPIC_API_KEY in the app environment';
    const h = await harness({ repo: { files }, deps: { modelProblem: problem } });
    await pushSpec(h, spec);
    const validate = h.fake.github.state.checkRuns.find((r) => r.name === 'spec-automation / validate');
    expect(validate?.conclusion).toBe('success');
    // Markdown-escaped in the table cell.
    expect(validate?.output.text?.replace(/\\_/g, '_')).toContain(`| the agent cannot run: ${problem}; then re-run this check |`);
    expect(h.fake.state.pulls).toHaveLength(0);
  });
});
