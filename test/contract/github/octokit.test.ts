// The action's Octokit: rate limits honoured as GitHub asks, without real waiting in tests.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubApiError, toGitHubError } from '../../../src/github/errors.js';
import { createGitHubClient, type RateLimitEvent } from '../../../src/github/octokit.js';
import { mockGitHub } from '../../support/github/nock.js';

afterEach(() => {
  nock.cleanAll();
});

const createBody = { name: 'spec-automation / ruff', head_sha: 'a'.repeat(40), status: 'in_progress' as const };

function clientWithEvents() {
  const events: RateLimitEvent[] = [];
  const client = createGitHubClient({ auth: 'test-token', waits: 'none', onRateLimit: (e) => events.push(e) });
  return { client, events };
}

describe('createGitHubClient', () => {
  it('retries a 403 secondary rate limit after the retry-after GitHub sent', async () => {
    const github = mockGitHub();
    github.scope
      .post('/repos/o/r/check-runs')
      .reply(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '7' })
      .post('/repos/o/r/check-runs')
      .reply(201, { id: 1 });
    const { client, events } = clientWithEvents();
    const r = await client.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'o', repo: 'r', ...createBody });
    expect(r.data.id).toBe(1);
    expect(events).toEqual([
      { kind: 'secondary', method: 'POST', url: '/repos/{owner}/{repo}/check-runs', retryAfterSeconds: 7, retryCount: 0, willRetry: true },
    ]);
    expect(github.requests).toHaveLength(2);
  });

  it('retries a 429 secondary rate limit, and falls back to 60 s without retry-after', async () => {
    const github = mockGitHub();
    github.scope
      .post('/repos/o/r/pulls/1/reviews')
      .reply(429, { message: 'You have exceeded a secondary rate limit.' })
      .post('/repos/o/r/pulls/1/reviews')
      .reply(200, { id: 5 });
    const { client, events } = clientWithEvents();
    const r = await client.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: 'o', repo: 'r', pull_number: 1, event: 'COMMENT', body: 'x' });
    expect(r.data.id).toBe(5);
    expect(events.map((e) => [e.kind, e.retryAfterSeconds])).toEqual([['secondary', 60]]);
  });

  it('waits for x-ratelimit-reset on a primary rate limit, then gives up with a clear error', async () => {
    const reset = Math.floor(Date.now() / 1000) + 30;
    const headers = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) };
    const github = mockGitHub();
    github.scope
      .get('/repos/o/r/pulls/1/files')
      .query(true)
      .times(2)
      .reply(403, { message: 'API rate limit exceeded for installation ID 1.' }, headers);
    const { client, events } = clientWithEvents();
    const error = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner: 'o', repo: 'r', pull_number: 1 }).catch((e: unknown) => e);
    expect(events.map((e) => [e.kind, e.willRetry])).toEqual([
      ['primary', true],
      ['primary', false],
    ]);
    expect(events[0]!.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(events[0]!.retryAfterSeconds).toBeLessThanOrEqual(32);
    const mapped = toGitHubError(error, { operation: 'list the files of pull request #1', permission: 'pull-requests: read' });
    expect(mapped.kind).toBe('rate-limit');
    expect(mapped.resetAt?.getTime()).toBe(reset * 1000);
    expect(mapped.message).toMatch(/^Could not list the files of pull request #1: GitHub's rate limit was hit: API rate limit exceeded/);
  });

  it('does not wait for a primary reset longer than allowed', async () => {
    const github = mockGitHub();
    github.scope
      .get('/repos/o/r/issues')
      .query(true)
      .reply(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) });
    const events: RateLimitEvent[] = [];
    const client = createGitHubClient({ auth: 't', waits: 'none', maxPrimaryWaitSeconds: 600, onRateLimit: (e) => events.push(e) });
    await expect(client.request('GET /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r' })).rejects.toMatchObject({ status: 403 });
    expect(events.map((e) => e.willRetry)).toEqual([false]);
  });

  it('retries a plain 429 (no secondary-limit message, quota left) after retry-after, else 60 s doubling, and gives up after the retries', async () => {
    const github = mockGitHub();
    github.scope
      .post('/repos/o/r/check-runs')
      .reply(429, { message: 'Too Many Requests' }, { 'retry-after': '3' })
      .post('/repos/o/r/check-runs')
      .reply(201, { id: 2 });
    const { client, events } = clientWithEvents();
    const r = await client.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'o', repo: 'r', ...createBody });
    expect(r.data.id).toBe(2);
    expect(events).toEqual([{ kind: 'secondary', method: 'POST', url: '/repos/{owner}/{repo}/check-runs', retryAfterSeconds: 3, retryCount: 0, willRetry: true }]);
    expect(github.requests).toHaveLength(2);

    github.scope.get('/repos/o/r/issues').query(true).times(3).reply(429, { message: 'Too Many Requests' });
    const limited = createGitHubClient({ auth: 't', waits: 'none', secondaryRetries: 2, onRateLimit: (e) => events.push(e) });
    events.length = 0;
    await expect(limited.request('GET /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r' })).rejects.toMatchObject({ status: 429 });
    expect(events.map((e) => [e.retryAfterSeconds, e.willRetry])).toEqual([
      [60, true],
      [120, true],
      [240, false],
    ]);
  });

  it('leaves other errors to the other handlers: a 403 without a rate limit is not retried', async () => {
    const github = mockGitHub();
    github.scope.post('/repos/o/r/check-runs').reply(403, { message: 'Resource not accessible by integration' });
    const { client, events } = clientWithEvents();
    await expect(client.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'o', repo: 'r', ...createBody })).rejects.toMatchObject({ status: 403 });
    expect(events).toEqual([]);
    expect(github.requests).toHaveLength(1);
  });

  it('retries a 502 and succeeds', async () => {
    const github = mockGitHub();
    github.scope.get('/repos/o/r/issues').query(true).reply(502, 'Bad Gateway').get('/repos/o/r/issues').query(true).reply(200, []);
    const { client } = clientWithEvents();
    const r = await client.request('GET /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r' });
    expect(r.status).toBe(200);
    expect(github.requests).toHaveLength(2);
  });
});

describe('toGitHubError', () => {
  it('maps 404, 422, 401 and a network failure to errors with a cause and a fix', async () => {
    const github = mockGitHub();
    github.scope
      .get('/repos/o/r/pulls/9/files')
      .query(true)
      .reply(404, { message: 'Not Found' })
      .post('/repos/o/r/pulls/9/reviews')
      .reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved', { resource: 'PullRequestReviewComment', field: 'line', code: 'invalid' }] })
      .get('/repos/o/r/issues')
      .query(true)
      .reply(401, { message: 'Bad credentials' });
    const client = createGitHubClient({ auth: 't', waits: 'none' });
    const notFound = toGitHubError(
      await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner: 'o', repo: 'r', pull_number: 9 }).catch((e: unknown) => e),
      { operation: 'list the files of pull request #9' },
    );
    expect(notFound).toMatchObject({ kind: 'not-found', status: 404 });
    const invalid = toGitHubError(
      await client.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: 'o', repo: 'r', pull_number: 9, event: 'COMMENT', body: 'b' }).catch((e: unknown) => e),
      { operation: 'create a review' },
    );
    expect(invalid.kind).toBe('validation');
    expect(invalid.details).toEqual(['Line could not be resolved', 'PullRequestReviewComment line invalid']);
    expect(invalid.message).toContain('422 Unprocessable Entity: Line could not be resolved');
    const auth = toGitHubError(await client.request('GET /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r' }).catch((e: unknown) => e), { operation: 'list issues' });
    expect(auth.kind).toBe('auth');
    const network = toGitHubError(new TypeError('fetch failed'), { operation: 'list issues' });
    expect(network).toBeInstanceOf(GitHubApiError);
    expect(network.kind).toBe('network');
    expect(network.message).toContain('fetch failed');
  });

  it('says "could not reach GitHub (DNS/connection)" for a refused connection, not "GitHub answered 500"', async () => {
    // A port nothing listens on: Octokit reports the failed fetch as status 500 without a response.
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const port = (server.address() as AddressInfo).port;
        server.close(() => resolve(port));
      });
    });
    const octokit = new Octokit({ baseUrl: `http://127.0.0.1:${closed}` });
    const thrown = await octokit.request('GET /app').catch((e: unknown) => e);
    expect((thrown as { status?: number }).status).toBe(500);
    const mapped = toGitHubError(thrown, { operation: 'read the app' });
    expect(mapped.kind).toBe('network');
    expect(mapped.message).toMatch(/^Could not read the app: could not reach GitHub \(DNS\/connection: connect ECONNREFUSED 127\.0\.0\.1:\d+\)\. Check the network, DNS/);
    expect(mapped.message).not.toMatch(/answered 500|githubstatus/);
  });
});
