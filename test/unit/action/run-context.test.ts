import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isLoopbackApi, readRunContext, type ActionsContextLike } from '../../../src/action/run-context.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];
const example = (name: string, action?: string) => structuredClone(examples.find((e) => e.name === name)!.examples.find((e) => action === undefined || e.action === action)!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ENV = { GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_WORKSPACE: '/work/ws', RUNNER_TEMP: '/runner/tmp' };
const MERGE_SHA = 'a'.repeat(40);

function ctx(eventName: string, payload: unknown, overrides: Partial<ActionsContextLike> = {}): ActionsContextLike {
  return { eventName, payload, sha: MERGE_SHA, runId: 99, runAttempt: 1, serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', ...overrides };
}

describe('readRunContext', () => {
  it('reports a pull request on its head commit, not the merge commit', () => {
    const event = example('pull_request', 'opened');
    const run = readRunContext(ctx('pull_request', event), ENV, 'token');
    expect(run).toEqual({
      eventName: 'pull_request',
      repo: { owner: 'Codertocat', repo: 'Hello-World' },
      sha: event.pull_request.head.sha,
      pullNumber: event.number,
      readOnly: undefined,
      detailsUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/99',
      apiUrl: 'https://api.github.com',
      workspace: '/work/ws',
      runnerTemp: '/runner/tmp',
    });
  });

  it('uses GITHUB_SHA and no pull request on push', () => {
    const event = example('push');
    const run = readRunContext(ctx('push', event, { sha: event.after }), ENV, 'token');
    expect(run).toMatchObject({ sha: event.after, pullNumber: undefined, readOnly: undefined });
  });

  it('knows a fork pull request gets a read-only token', () => {
    const event = example('pull_request', 'synchronize');
    event.pull_request.head.repo = { ...event.pull_request.head.repo, id: 1, full_name: 'someone/Hello-World' };
    expect(readRunContext(ctx('pull_request', event), ENV, 'token').readOnly).toBe('This pull request comes from a fork (someone/Hello-World), so GitHub gives this workflow a read-only token');
  });

  it('is read-only without a token, a repository or a commit', () => {
    const push = example('push');
    expect(readRunContext(ctx('push', push), ENV, '').readOnly).toBe('No github-token was given');
    expect(readRunContext(ctx('push', push), { ...ENV, GITHUB_REPOSITORY: 'not a repo' }, 't').readOnly).toMatch(/^GITHUB_REPOSITORY is not set/);
    expect(readRunContext(ctx('push', push, { sha: 'HEAD' }), ENV, 't').readOnly).toMatch(/^The commit \(GITHUB_SHA\) is unknown/);
  });

  it('ignores a malformed payload instead of trusting it', () => {
    const payload = { pull_request: { number: '2; rm -rf /', head: { sha: 'not-a-sha' } } };
    const run = readRunContext(ctx('pull_request', payload), ENV, 'token');
    expect(run).toMatchObject({ pullNumber: undefined, sha: MERGE_SHA });
    expect(readRunContext(ctx('pull_request', 'garbage'), ENV, 'token')).toMatchObject({ pullNumber: undefined, readOnly: undefined });
    expect(readRunContext(ctx('pull_request', { pull_request: { number: 7, head: { sha: 'b'.repeat(40) } } }), ENV, 'token')).toMatchObject({ pullNumber: 7, sha: 'b'.repeat(40) });
  });

  it('links the run attempt and leaves the link out without a run id', () => {
    expect(readRunContext(ctx('push', {}, { runAttempt: 3 }), ENV, 't').detailsUrl).toBe('https://github.com/Codertocat/Hello-World/actions/runs/99/attempts/3');
    expect(readRunContext(ctx('push', {}, { runId: Number.NaN }), ENV, 't').detailsUrl).toBeUndefined();
  });

  it('falls back to the current directory and the OS temp directory outside a runner', () => {
    const run = readRunContext(ctx('push', {}), { GITHUB_REPOSITORY: 'o/r' }, 't');
    expect(run.workspace).toBe(process.cwd());
    expect(run.runnerTemp).not.toBe('');
  });
});

describe('isLoopbackApi', () => {
  it('is true only for this machine', () => {
    expect(isLoopbackApi('http://127.0.0.1:4000')).toBe(true);
    expect(isLoopbackApi('http://localhost:4000/api/v3')).toBe(true);
    expect(isLoopbackApi('http://[::1]:4000')).toBe(true);
    expect(isLoopbackApi('https://api.github.com')).toBe(false);
    expect(isLoopbackApi('https://ghe.example.com/api/v3')).toBe(false);
    expect(isLoopbackApi('not a url')).toBe(false);
  });
});
