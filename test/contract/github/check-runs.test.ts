// Check runs against nock, every request checked against GitHub's OpenAPI description.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { findLatestCheckRun, postCheckRun } from '../../../src/github/check-runs.js';
import { GitHubApiError } from '../../../src/github/errors.js';
import { createGitHubClient } from '../../../src/github/octokit.js';
import { renderCheckRun } from '../../../src/reporting/check-run.js';
import { mockGitHub } from '../../support/github/nock.js';
import { gate, manyDiagnostics } from '../../unit/reporting/make.js';
import { pullRequestOpened } from './events.js';

const event = pullRequestOpened();
const repo = { owner: event.repository.owner.login, repo: event.repository.name };
const sha = event.pull_request.head.sha;
const base = `/repos/${repo.owner}/${repo.repo}`;
const client = () => createGitHubClient({ auth: 'test-token', waits: 'none' });

function runJson(id: number, annotationsCount: number, name = 'spec-automation / ruff') {
  return {
    id,
    name,
    head_sha: sha,
    status: 'completed',
    conclusion: 'failure',
    html_url: `https://github.com/${repo.owner}/${repo.repo}/runs/${id}`,
    output: { title: 't', summary: 's', text: null, annotations_count: annotationsCount, annotations_url: '' },
    app: { id: 15368, slug: 'github-actions' },
  };
}

afterEach(() => {
  nock.cleanAll();
});

describe('postCheckRun', () => {
  it('posts 5,000 findings with 1 lookup, 1 create and 99 PATCHes (the minimum), each within the API limits', async () => {
    const github = mockGitHub();
    const bodies: { method: string; body: Record<string, unknown> }[] = [];
    github.scope
      .get(`${base}/commits/${sha}/check-runs`)
      .query({ check_name: 'spec-automation / ruff', filter: 'latest', per_page: '100' })
      .reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(`${base}/check-runs`).reply(201, async (req: Request) => {
      bodies.push({ method: 'POST', body: (await req.json()) as Record<string, unknown> });
      return runJson(42, 0);
    });
    github.scope
      .patch(`${base}/check-runs/42`)
      .times(99)
      .reply(200, async (req: Request) => {
        bodies.push({ method: 'PATCH', body: (await req.json()) as Record<string, unknown> });
        return runJson(42, 0);
      });

    const plan = renderCheckRun(gate({ diagnostics: manyDiagnostics(5000), status: 'failed' }), { sha });
    const result = await postCheckRun(client(), repo, plan, { headSha: sha });

    expect(result).toMatchObject({ id: 42, action: 'created', requests: 101, annotations: 5000 });
    expect(github.requests).toHaveLength(101);
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(Math.ceil(5000 / 50) - 1);
    const annotations = bodies.flatMap((b) => (b.body.output as { annotations?: unknown[] }).annotations ?? []);
    expect(annotations).toHaveLength(5000);
    expect(bodies.every((b) => (b.body.output as { summary: string }).summary === plan.output.summary)).toBe(true);
    expect(bodies.at(-1)!.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(bodies.slice(0, -1).every((b) => b.body.conclusion === undefined)).toBe(true);
    expect(github.scope.isDone()).toBe(true);
  });

  it('updates the run in place on a re-run of the same commit when it carries no annotations', async () => {
    const github = mockGitHub();
    github.scope.get(`${base}/commits/${sha}/check-runs`).query(true).reply(200, { total_count: 1, check_runs: [runJson(7, 0)] });
    github.scope.patch(`${base}/check-runs/7`).reply(200, runJson(7, 0));
    const plan = renderCheckRun(gate(), { sha });
    const result = await postCheckRun(client(), repo, plan, { headSha: sha });
    expect(result).toMatchObject({ id: 7, action: 'updated', requests: 2 });
    expect(github.requests.map((r) => r.route)).toEqual([
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    ]);
    expect(github.requests[1]!.body).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('creates a new run when the previous one has annotations (they cannot be removed, only appended)', async () => {
    const github = mockGitHub();
    github.scope.get(`${base}/commits/${sha}/check-runs`).query(true).reply(200, { total_count: 1, check_runs: [runJson(7, 12)] });
    github.scope.post(`${base}/check-runs`).reply(201, runJson(8, 0));
    const result = await postCheckRun(client(), repo, renderCheckRun(gate({ diagnostics: manyDiagnostics(3), status: 'failed' })), { headSha: sha });
    expect(result).toMatchObject({ id: 8, action: 'created' });
  });

  it('creates its own run when the one it found belongs to another app (403 on PATCH)', async () => {
    const github = mockGitHub();
    github.scope.get(`${base}/commits/${sha}/check-runs`).query(true).reply(200, { total_count: 1, check_runs: [runJson(7, 0)] });
    github.scope.patch(`${base}/check-runs/7`).reply(403, { message: 'Invalid app_id `15368` - check run can only be modified by the GitHub App that created it.' });
    github.scope.post(`${base}/check-runs`).reply(201, runJson(9, 0));
    const result = await postCheckRun(client(), repo, renderCheckRun(gate()), { headSha: sha });
    expect(result).toMatchObject({ id: 9, action: 'created', requests: 3 });
  });

  it('leaves the run completed, not spinning, when a later batch fails, and reports why', async () => {
    const github = mockGitHub();
    github.scope.get(`${base}/commits/${sha}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(`${base}/check-runs`).reply(201, runJson(11, 0));
    github.scope.patch(`${base}/check-runs/11`).reply(422, { message: 'Validation Failed', errors: ['No more than 50 items are allowed; 51 were supplied'] });
    github.scope.patch(`${base}/check-runs/11`).reply(200, runJson(11, 50));
    const plan = renderCheckRun(gate({ diagnostics: manyDiagnostics(120), status: 'failed' }));
    const error = await postCheckRun(client(), repo, plan, { headSha: sha }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).kind).toBe('validation');
    expect((error as Error).message).toContain('No more than 50 items are allowed');
    const last = github.requests.at(-1)!;
    expect(last.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect((last.body as { output: { summary: string } }).output.summary).toContain('Some annotations could not be posted');
  });

  it('says which permission is missing when the token may not write checks', async () => {
    const github = mockGitHub();
    github.scope.get(`${base}/commits/${sha}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(`${base}/check-runs`).reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run' });
    const error = (await postCheckRun(client(), repo, renderCheckRun(gate()), { headSha: sha }).catch((e: unknown) => e)) as GitHubApiError;
    expect(error.kind).toBe('permission');
    expect(error.permission).toBe('checks: write');
    expect(error.message).toMatch(/Could not create the check run spec-automation \/ ruff: the token may not do this \(Resource not accessible by integration\)\. Grant `checks: write`/);
    expect(error.cause).toBeDefined();
  });
});

describe('findLatestCheckRun', () => {
  it('returns the newest run of that exact name, with its summary for the results block', async () => {
    const github = mockGitHub();
    github.scope
      .get(`${base}/commits/${sha}/check-runs`)
      .query({ check_name: 'spec-automation / ruff', filter: 'latest', per_page: '100', app_id: '99' })
      .reply(200, { total_count: 3, check_runs: [runJson(3, 1), runJson(5, 2), runJson(6, 0, 'spec-automation / ruff-2')] });
    const run = await findLatestCheckRun(client(), repo, sha, 'spec-automation / ruff', 99);
    expect(run).toMatchObject({ id: 5, annotationsCount: 2, summary: 's', appSlug: 'github-actions' });
  });
});
