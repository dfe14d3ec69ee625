/**
 * Issue 11: a `pull_request_target` run on a fork's pull request was treated as trusted,
 * without a warning: it has the base repository's token and secrets, and the fork's code
 * runs in its gates. It is now untrusted: read-only reporting (nothing sent with the
 * token), a warning that says why, and the gates' environment is the allow-listed one as
 * for every run (see the Security section).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readRunContext, type ActionsContextLike } from '../../src/action/run-context.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];
const opened = () => structuredClone(examples.find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ENV = { GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_WORKSPACE: '/work/ws', RUNNER_TEMP: '/runner/tmp' };

function ctx(eventName: string, payload: unknown): ActionsContextLike {
  return { eventName, payload, sha: 'a'.repeat(40), runId: 99, runAttempt: 1, serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' };
}

describe('pull_request_target', () => {
  it('with a fork head is untrusted: read-only, with the reason', () => {
    const event = opened();
    event.pull_request.head.repo = { ...event.pull_request.head.repo, id: 424242, full_name: 'mallory/Hello-World' };
    const run = readRunContext(ctx('pull_request_target', event), ENV, 'ghs_token');
    expect(run.untrusted).toMatch(/^This pull_request_target run is for a pull request from a fork \(mallory\/Hello-World\)/);
    expect(run.readOnly).toBe(run.untrusted);
  });

  it('from a deleted fork is untrusted too', () => {
    const event = opened();
    event.pull_request.head.repo = null;
    expect(readRunContext(ctx('pull_request_target', event), ENV, 'ghs_token').untrusted).toContain('a deleted fork');
  });

  it('from a branch of the same repository is trusted, as before', () => {
    const run = readRunContext(ctx('pull_request_target', opened()), ENV, 'ghs_token');
    expect(run.untrusted).toBeUndefined();
    expect(run.readOnly).toBeUndefined();
  });
});
