/**
 * GitHub failing in the middle of a run: a 502 and a secondary rate limit (403 with
 * retry-after). With Probot's retry and throttling on, the run finishes; with them off
 * (or exhausted), the run parks in `spec:failed` with its state intact, the money the
 * agent spent on the ledger, and `/spec retry` resumes it.
 */
import { describe, expect, it } from 'vitest';
import { commentPayload, failNext, greetingRepo, pushSpec, replay, SPEC_BRANCH, trackAppHarnesses, stateOf, type AppHarness, type HarnessOptions } from './harness.js';

const startHarness = trackAppHarnesses();

async function harness(options: HarnessOptions): Promise<{ h: AppHarness; spec: string }> {
  const repo = greetingRepo();
  const h = await startHarness({ repo: { files: repo.files }, ...options });
  h.fake.state.permissions.set('ada', 'admin');
  return { h, spec: repo.spec };
}

const BAD_GATEWAY = { status: 502, body: { message: 'Server Error' } };
const SECONDARY = {
  status: 403,
  body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
  headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
};

describe('a GitHub 502 in the middle of a run', () => {
  it('is retried by Probot\'s Octokit and the run goes on', async () => {
    const { h, spec } = await harness({ model: await replay('greeting-loop.jsonl'), octokit: 'retrying' });
    const failing = failNext(h, 'POST /repos/{owner}/{repo}/git/trees', BAD_GATEWAY);
    await pushSpec(h, spec);
    expect(failing.count()).toBe(1);
    expect(h.double.log.filter((e) => e.route === 'POST /repos/{owner}/{repo}/git/trees').map((e) => e.status)).toEqual([502, 201]);
    expect(stateOf(h.fake, 1)).toMatchObject({ phase: 'qa', headSha: h.fake.head(SPEC_BRANCH) });
  });

  it('parks the run in spec:failed with its state and spending intact when the commit cannot be written', async () => {
    const { h: h2, spec: spec2 } = await harness({ model: await replay('greeting-loop.jsonl'), octokit: 'fast' });
    failNext(h2, 'POST /repos/{owner}/{repo}/git/trees', BAD_GATEWAY);
    await pushSpec(h2, spec2);
    const state = stateOf(h2.fake, 1);
    expect(state.phase).toBe('failed');
    // Two files of the agent's and the spec's lock entry, in one tree.
    expect(state.reason).toMatch(/the agent's 2 changed file\(s\) could not be committed \(Could not create a tree of 3 change\(s\): GitHub answered 502/);
    expect(state.reason).toContain('`/spec retry`');
    // The three turns the agent took are on the ledger although nothing was committed.
    expect(state.ledger.turns).toBe(3);
    expect(state.attempts[0]!.spent.turns).toBe(3);
    expect(h2.fake.labelsOf(1)).toEqual(['spec:failed']);
    expect(h2.fake.filesAt(SPEC_BRANCH).has('greeting/greet.py')).toBe(false);
    expect(h2.fake.filesAt(SPEC_BRANCH).has('.spec-automation/lock.json')).toBe(false);
    expect(h2.fake.github.state.issueComments.some((c) => c.body.startsWith('💥 **The spec-automation run failed.**'))).toBe(true);
  });
});

describe('a secondary rate limit (403 with retry-after) in the middle of a run', () => {
  it.each(['fast', 'retrying'] as const)('is waited out and asked again, and the run goes on (Probot Octokit %s)', async (octokit) => {
    const { h, spec } = await harness({ model: await replay('greeting-loop.jsonl'), octokit });
    const limited = failNext(h, 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', SECONDARY);
    await pushSpec(h, spec);
    expect(limited.count()).toBe(1);
    // Probot itself only logs secondary limits; the app waits retry-after (1 s) and asks again.
    expect(h.sleeps).toEqual([1000]);
    expect(h.logs.some((l) => l.includes('GitHub secondary rate limit: waiting before asking again'))).toBe(true);
    expect(h.double.log.filter((e) => e.route === 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}').map((e) => e.status).slice(0, 2)).toEqual([403, 200]);
    expect(stateOf(h.fake, 1)).toMatchObject({ phase: 'qa' });
    expect(h.fake.labelsOf(1)).toEqual(['spec:qa']);
  });

  it('parks the run with the agent\'s commit on record when the limit does not lift, and /spec retry qa resumes', async () => {
    const { h, spec } = await harness({ model: await replay('greeting-loop.jsonl'), octokit: 'fast' });
    // The state write after the agent's commit is refused four times: more than the app waits out.
    let patches = 0;
    const original = h.fake.handlers['PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}']!;
    h.double.on('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', (req) => (++patches <= 4 ? SECONDARY : original(req)));
    await pushSpec(h, spec);
    expect(h.sleeps).toEqual([1000, 1000, 1000]);
    const state = stateOf(h.fake, 1);
    expect(state.phase).toBe('failed');
    expect(state.reason).toContain('rate limit');
    // Nothing the run did is lost: the commit, the spending, the commit it waits for.
    expect(state.headSha).toBe(h.fake.head(SPEC_BRANCH));
    expect(state.attempts[0]).toMatchObject({ stopReason: 'finished', commitSha: h.fake.head(SPEC_BRANCH) });
    expect(state.ledger.turns).toBe(3);
    h.fake.state.workflowRuns.push({ id: 77, name: 'spec-automation', head_sha: h.fake.head(SPEC_BRANCH)!, head_branch: SPEC_BRANCH, event: 'push', status: 'completed', conclusion: 'success', reruns: 0 });
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec retry qa', { login: 'ada' }));
    expect(stateOf(h.fake, 1).phase).toBe('qa');
    expect(h.fake.state.workflowRuns[0]!.reruns).toBe(1);
  });
});
