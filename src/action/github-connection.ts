/**
 * The GitHub side of a run, loaded on demand: @actions/github's context (the event) and
 * the Octokit with retry and throttling. They are the heaviest part of the bundle and
 * only reporting needs them, so the gates mode loads them while the tools run, keeping
 * them out of the time between the job step starting and the first tool starting.
 */
import * as core from '@actions/core';
import { logText } from './log.js';
import type { GitHubClient } from '../github/types.js';
import type { Redactor } from '../pipeline/redact.js';
import { isLoopbackApi, readRunContext, type ActionsContextLike, type RunContext } from './run-context.js';

export interface GitHubConnection {
  run: RunContext;
  /** Never called when `run.readOnly` is set. */
  client: GitHubClient;
}

/**
 * Reads the event and builds the client.
 *
 * @param token the github-token input (empty: read-only)
 * @param env the process environment
 * @param given a context to use instead of @actions/github's (tests)
 * @param redactor applied to every request's parameters and body
 */
export async function connectToGitHub(token: string, env: Record<string, string | undefined>, given?: ActionsContextLike, redactor?: Redactor): Promise<GitHubConnection> {
  const [actionsContext, { createGitHubClient }] = await Promise.all([given ?? import('@actions/github').then((m) => m.context), import('../github/octokit.js')]);
  const run = readRunContext(actionsContext, env, token);
  const client = createGitHubClient({
    auth: token,
    baseUrl: run.apiUrl,
    userAgent: 'spec-automation-action',
    waits: isLoopbackApi(run.apiUrl) ? 'none' : 'real',
    onRateLimit: (e) =>
      core.warning(`GitHub ${e.kind} rate limit on ${e.method} ${e.url}: ${e.willRetry ? `waiting ${e.retryAfterSeconds} s and retrying` : 'giving up on this request'}.`),
    warn: (message) => core.debug(message),
    ...(redactor ? { redact: <T>(value: T): T => redactor.redactDeep(value) } : {}),
  });
  if (run.untrusted) core.warning(`${run.untrusted}.`);
  else if (run.readOnly) logText(`Reporting locally only: ${run.readOnly}.`);
  return { run, client };
}
