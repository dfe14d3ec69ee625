// The harness every GitHub test relies on must itself catch what GitHub would refuse.
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { GitHubRequestError, checkRequest, matchRoute } from '../../support/github/openapi.js';
import { mockGitHub } from '../../support/github/nock.js';
import { startGitHubDouble } from '../../support/github/double.js';

const annotation = { path: 'src/app.py', start_line: 3, end_line: 3, annotation_level: 'failure', message: 'boom' };

afterEach(() => {
  nock.cleanAll();
});

describe('checkRequest', () => {
  it('accepts a valid check run and names the operation it matched', () => {
    const matched = checkRequest('POST', 'https://api.github.com/repos/o/r/check-runs', {
      name: 'spec-automation / ruff',
      head_sha: 'a'.repeat(40),
      status: 'completed',
      conclusion: 'failure',
      output: { title: 't', summary: 's', annotations: [annotation] },
    });
    expect(matched.route).toBe('POST /repos/{owner}/{repo}/check-runs');
    expect(matched.operationId).toBe('checks/create');
    expect(matched.params).toEqual({ owner: 'o', repo: 'r' });
  });

  it('refuses a bad annotation level with a message that says where and what', () => {
    const bad = { name: 'n', head_sha: 'abc', output: { title: 't', summary: 's', annotations: [{ ...annotation, annotation_level: 'error' }] } };
    expect(() => checkRequest('POST', 'https://api.github.com/repos/o/r/check-runs', bad)).toThrow(
      'POST /repos/o/r/check-runs: body/output/annotations/0/annotation_level must be one of notice, warning, failure',
    );
  });

  it('refuses 51 annotations in one request (GitHub allows 50)', () => {
    const body = { output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, () => annotation) } };
    expect(() => checkRequest('PATCH', '/repos/o/r/check-runs/5', body)).toThrow(/body\/output\/annotations must have at most 50 items/);
  });

  it('refuses a missing required property and a body sent as invalid JSON', () => {
    expect(() => checkRequest('POST', '/repos/o/r/check-runs', { head_sha: 'abc' })).toThrow(/must have required property 'name'/);
    expect(() => checkRequest('POST', '/repos/o/r/check-runs', '{not json')).toThrow(/body is not valid JSON/);
  });

  it('refuses an unknown route', () => {
    let error: unknown;
    try {
      checkRequest('POST', 'https://api.github.com/repos/o/r/check-run', {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GitHubRequestError);
    expect((error as GitHubRequestError).kind).toBe('unknown-route');
    expect((error as Error).message).toMatch(/^POST \/repos\/o\/r\/check-run: no operation/);
  });

  it('refuses a method the route does not have', () => {
    expect(() => checkRequest('PUT', '/repos/o/r/check-runs', {})).toThrow(/no operation/);
  });

  it('checks query parameters: unknown names, enums and integers', () => {
    expect(() => checkRequest('GET', '/repos/o/r/commits/abc/check-runs?check-name=x')).toThrow(/unknown query parameter "check-name"/);
    expect(() => checkRequest('GET', '/repos/o/r/commits/abc/check-runs?filter=newest')).toThrow(/filter must be one of latest, all/);
    expect(() => checkRequest('GET', '/repos/o/r/pulls/1/files?per_page=many')).toThrow(/per_page must be an integer/);
    expect(checkRequest('GET', '/repos/o/r/commits/abc/check-runs?check_name=x&filter=latest').route).toBe(
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    );
  });

  it('checks path parameters declared as integers', () => {
    expect(() => checkRequest('PATCH', '/repos/o/r/check-runs/abc', { output: { title: 't', summary: 's' } })).toThrow(
      /path parameter check_run_id must be an integer/,
    );
  });

  it('prefers the most specific template and understands GHES /api/v3', () => {
    expect(matchRoute('DELETE', '/repos/o/r/pulls/comments/7')?.route).toBe('DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}');
    expect(matchRoute('GET', 'https://ghe.example.com/api/v3/repos/o/r/pulls/7/files')?.params).toEqual({ owner: 'o', repo: 'r', pull_number: '7' });
    expect(matchRoute('PATCH', '/repos/o/r/git/refs/heads/spec/x')?.params.ref).toBe('heads/spec/x');
  });

  it('understands OpenAPI nullable (a review comment body may not be null, a milestone may)', () => {
    expect(() => checkRequest('PATCH', '/repos/o/r/issues/1', { milestone: null })).not.toThrow();
    expect(() => checkRequest('POST', '/repos/o/r/issues', { title: null })).toThrow(/body\/title/);
  });
});

describe('mockGitHub (nock)', () => {
  it('passes valid requests to the reply and answers an invalid one with 422, recording it', async () => {
    const github = mockGitHub();
    github.scope.post('/repos/o/r/check-runs').reply(201, { id: 1 }).post('/repos/o/r/check-runs').reply(201, { id: 2 });
    const ok = await fetch('https://api.github.com/repos/o/r/check-runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'n', head_sha: 'abc' }),
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ id: 1 });
    const bad = await fetch('https://api.github.com/repos/o/r/check-runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'n', head_sha: 'abc', status: 'done' }),
    });
    expect(bad.status).toBe(422);
    expect(github.violations.map((v) => v.message)).toEqual(['POST /repos/o/r/check-runs: body/status must be one of queued, in_progress, completed']);
    expect(github.requests.map((r) => r.route)).toEqual(['POST /repos/{owner}/{repo}/check-runs', undefined]);
    expect(() => github.assertValid()).toThrow(/body\/status/);
    github.violations.length = 0; // expected here; the module's afterEach would fail the test otherwise
  });

  it('answers 404 for a route GitHub does not have, even when an interceptor matches it', async () => {
    const github = mockGitHub();
    github.scope.get('/repos/o/r/checks').reply(200, []);
    const res = await fetch('https://api.github.com/repos/o/r/checks');
    expect(res.status).toBe(404);
    expect(github.violations[0]?.kind).toBe('unknown-route');
    github.violations.length = 0;
  });

  it('keeps nock chaining working: query(), times() and function replies', async () => {
    const github = mockGitHub();
    github.scope
      .get('/repos/o/r/pulls/1/files')
      .query(true)
      .times(2)
      .reply(200, (req: Request) => [{ filename: new URL(req.url).searchParams.get('page') }]);
    const a = await (await fetch('https://api.github.com/repos/o/r/pulls/1/files?page=1')).json();
    const b = await (await fetch('https://api.github.com/repos/o/r/pulls/1/files?page=2')).json();
    expect([a, b]).toEqual([[{ filename: '1' }], [{ filename: '2' }]]);
    expect(github.scope.isDone()).toBe(true);
  });
});

describe('startGitHubDouble (loopback)', () => {
  it('routes by operation, checks every request and keeps a log', async () => {
    const double = await startGitHubDouble({
      handlers: {
        'POST /repos/{owner}/{repo}/check-runs': (req) => ({ status: 201, body: { id: 7, name: (req.body as { name: string }).name, owner: req.params.owner } }),
      },
    });
    try {
      const post = (body: unknown) =>
        fetch(`${double.url}/repos/o/r/check-runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const ok = await post({ name: 'n', head_sha: 'abc' });
      expect(ok.status).toBe(201);
      expect(await ok.json()).toEqual({ id: 7, name: 'n', owner: 'o' });
      const bad = await post({ name: 'n', head_sha: 'abc', output: { title: 't' } });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { message: string }).message).toMatch(/body\/output must have required property 'summary'/);
      const unknown = await fetch(`${double.url}/repos/o/r/nope`);
      expect(unknown.status).toBe(404);
      const unhandled = await fetch(`${double.url}/repos/o/r/issues`);
      expect(unhandled.status).toBe(404);
      expect(double.transcript()).toEqual([
        'POST /repos/o/r/check-runs → 201',
        'POST /repos/o/r/check-runs → 422',
        'GET /repos/o/r/nope → 404',
        'GET /repos/o/r/issues → 404',
      ]);
      expect(double.violations).toHaveLength(2);
      expect(double.log[3]?.route).toBe('GET /repos/{owner}/{repo}/issues');
    } finally {
      await double.close();
    }
  });
});
