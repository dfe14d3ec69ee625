// Sticky comment, issues and labels over the loopback double (checked against the OpenAPI description).
import { afterEach, describe, expect, it } from 'vitest';
import { upsertStickyComment } from '../../../src/github/issue-comments.js';
import { addLabels, removeLabel, upsertIssue } from '../../../src/github/issues.js';
import { createGitHubClient } from '../../../src/github/octokit.js';
import { startFakeGitHub, type FakeGitHub } from '../../support/github/fake-github.js';
import type { GitHubDouble } from '../../support/github/double.js';
import { pullRequestOpened } from './events.js';

const event = pullRequestOpened();
const repo = { owner: event.repository.owner.login, repo: event.repository.name };
const MARKER = '<!-- spec-automation:state -->';
const APP = 'spec-automation[bot]';

let double: GitHubDouble | undefined;
afterEach(async () => {
  if (double) expect(double.violations.map((v) => v.message)).toEqual([]);
  await double?.close();
  double = undefined;
});

async function setup(login = APP): Promise<{ fake: FakeGitHub; client: ReturnType<typeof createGitHubClient> }> {
  const started = await startFakeGitHub({ login });
  double = started.double;
  return { fake: started.fake, client: createGitHubClient({ auth: 't', baseUrl: started.double.url, waits: 'none' }) };
}

describe('upsertStickyComment', () => {
  it('creates one comment, leaves it alone when unchanged, edits it in place when changed', async () => {
    const { fake, client } = await setup();
    // Someone quoting our marker: same marker, wrong author, never edited.
    fake.state.issueComments.push({ id: 1, issue_number: event.number, body: `quoted ${MARKER}`, user: { login: 'octocat', type: 'User' } });

    const created = await upsertStickyComment(client, repo, event.number, { marker: MARKER, body: 'phase: qa', ourLogin: APP });
    expect(created.action).toBe('created');
    const same = await upsertStickyComment(client, repo, event.number, { marker: MARKER, body: 'phase: qa', ourLogin: APP });
    expect(same).toMatchObject({ action: 'unchanged', id: created.id, requests: 1 });
    const updated = await upsertStickyComment(client, repo, event.number, { marker: MARKER, body: 'phase: ready', ourLogin: APP });
    expect(updated).toMatchObject({ action: 'updated', id: created.id });

    const ours = fake.state.issueComments.filter((c) => c.user.login === APP);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toBe(`${MARKER}\nphase: ready`);
    expect(fake.state.issueComments.find((c) => c.id === 1)!.body).toBe(`quoted ${MARKER}`);
    expect(double!.log.filter((e) => e.method !== 'GET').map((e) => e.route)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    ]);
  });

  it('finds ours beyond the first page and refuses a marker that is not an HTML comment', async () => {
    const { fake, client } = await setup();
    for (let i = 0; i < 150; i++) fake.state.issueComments.push({ id: 10 + i, issue_number: 5, body: `chatter ${i}`, user: { login: 'octocat', type: 'User' } });
    fake.state.issueComments.push({ id: 500, issue_number: 5, body: `${MARKER}\nold`, user: { login: APP, type: 'Bot' } });
    const r = await upsertStickyComment(client, repo, 5, { marker: MARKER, body: 'new', ourLogin: APP });
    expect(r).toMatchObject({ action: 'updated', id: 500, requests: 3 });
    await expect(upsertStickyComment(client, repo, 5, { marker: 'spec-automation', body: 'x', ourLogin: APP })).rejects.toThrow(/must be an HTML comment/);
  });
});

describe('issues', () => {
  it('opens the health issue once, updates it, closes it when healthy and reopens it on relapse', async () => {
    const { fake, client } = await setup('github-actions[bot]');
    fake.state.issues.push({ number: 1, title: 'Spec health', body: 'a pull request with the same title', state: 'open', labels: ['spec-health'], pull_request: true });
    const desired = { title: 'Spec health', label: 'spec-health', body: '2 specs have errors', state: 'open' as const };
    expect((await upsertIssue(client, repo, desired)).action).toBe('created');
    expect((await upsertIssue(client, repo, desired)).action).toBe('unchanged');
    expect((await upsertIssue(client, repo, { ...desired, body: '1 spec has errors' })).action).toBe('updated');
    expect((await upsertIssue(client, repo, { ...desired, body: 'all good', state: 'closed' })).action).toBe('closed');
    expect((await upsertIssue(client, repo, { ...desired, body: 'all good', state: 'closed' })).action).toBe('unchanged');
    const reopened = await upsertIssue(client, repo, { ...desired, body: '3 specs have errors' });
    expect(reopened).toMatchObject({ action: 'reopened', number: 2 });
    expect(fake.state.issues.filter((i) => !i.pull_request)).toEqual([
      { number: 2, title: 'Spec health', body: '3 specs have errors', state: 'open', labels: ['spec-health'] },
    ]);
    expect((await upsertIssue(client, { ...repo }, { title: 'Nothing', label: 'spec-health', body: '', state: 'closed' })).action).toBe('absent');
  });

  it('adds and removes labels, treating a missing label as already removed', async () => {
    const { fake, client } = await setup();
    fake.state.issues.push({ number: 7, title: 'PR', body: '', state: 'open', labels: ['spec:qa'] });
    await addLabels(client, repo, 7, ['spec:ready']);
    expect(await removeLabel(client, repo, 7, 'spec:qa')).toBe('removed');
    expect(await removeLabel(client, repo, 7, 'spec:qa')).toBe('absent');
    expect(fake.state.issues[0]!.labels).toEqual(['spec:ready']);
  });
});
