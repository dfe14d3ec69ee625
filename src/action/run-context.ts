/**
 * Where the action runs: the repository, the commit to report on, the pull request (if
 * any), whether the token may write, and the runner's directories. Read once from the
 * Actions context (event payload from GITHUB_EVENT_PATH) and the runner's environment;
 * the payload is untrusted, so every field is checked before use.
 */
import { tmpdir } from 'node:os';
import { readOnlyReason, untrustedTargetReason } from '../github/forks.js';
import type { RepoRef } from '../github/types.js';

/** The parts of @actions/github's `context` this action reads. */
export interface ActionsContextLike {
  eventName: string | undefined;
  payload: unknown;
  sha: string | undefined;
  runId: number;
  runAttempt: number;
  serverUrl: string;
  apiUrl: string;
}

export interface RunContext {
  eventName: string;
  /** Undefined outside a repository (GITHUB_REPOSITORY unset or malformed). */
  repo: RepoRef | undefined;
  /** The commit to attach check runs and the review to: the pull request's head on PR events. */
  sha: string | undefined;
  pullNumber: number | undefined;
  /** Why the action must not write to GitHub, when it must not. */
  readOnly: string | undefined;
  /** Set when the run is untrusted (pull_request_target with a fork's head): why, for a warning. */
  untrusted?: string;
  /** The workflow run's page, linked from check runs. */
  detailsUrl: string | undefined;
  apiUrl: string;
  /** GITHUB_WORKSPACE (the checkout), or the current directory. */
  workspace: string;
  /** RUNNER_TEMP, or the OS temp directory. */
  runnerTemp: string;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const REPOSITORY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

interface PullRequestPayload {
  pull_request?: { number?: unknown; head?: { sha?: unknown } };
  number?: unknown;
}

function pullRequestOf(payload: unknown): { number: number; headSha: string | undefined } | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const pr = (payload as PullRequestPayload).pull_request;
  if (typeof pr !== 'object' || pr === null) return undefined;
  const number = pr.number ?? (payload as PullRequestPayload).number;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) return undefined;
  const headSha = typeof pr.head?.sha === 'string' && SHA.test(pr.head.sha) ? pr.head.sha : undefined;
  return { number, headSha };
}

/** The runner's directories: GITHUB_WORKSPACE (else the current directory) and RUNNER_TEMP (else the OS temp directory). */
export function runnerPaths(env: Record<string, string | undefined>): { workspace: string; runnerTemp: string } {
  return { workspace: env.GITHUB_WORKSPACE || process.cwd(), runnerTemp: env.RUNNER_TEMP || tmpdir() };
}

/**
 * Builds the run context.
 *
 * @param context @actions/github's context (or a stand-in)
 * @param env the process environment
 * @param token the github-token input; empty means "report locally only"
 */
export function readRunContext(context: ActionsContextLike, env: Record<string, string | undefined>, token: string): RunContext {
  const eventName = context.eventName ?? env.GITHUB_EVENT_NAME ?? '';
  const match = REPOSITORY.exec(env.GITHUB_REPOSITORY ?? '');
  const repo = match ? { owner: match[1]!, repo: match[2]! } : undefined;
  const pr = pullRequestOf(context.payload);
  // On pull_request events GITHUB_SHA is the merge commit, which the PR page does not show.
  const sha = pr?.headSha ?? (context.sha && SHA.test(context.sha) ? context.sha : undefined);

  let readOnly = token === '' ? 'No github-token was given' : undefined;
  readOnly ??= repo ? undefined : 'GITHUB_REPOSITORY is not set, so there is no repository to report to';
  readOnly ??= sha ? undefined : 'The commit (GITHUB_SHA) is unknown, so there is nothing to attach check runs to';
  readOnly ??= readOnlyReason(eventName, context.payload);
  const untrusted = untrustedTargetReason(eventName, context.payload);
  readOnly ??= untrusted;

  const runId = Number.isSafeInteger(context.runId) && context.runId > 0 ? context.runId : undefined;
  const detailsUrl =
    repo && runId !== undefined && /^https?:\/\/[^\s]+$/.test(context.serverUrl)
      ? `${context.serverUrl.replace(/\/+$/, '')}/${repo.owner}/${repo.repo}/actions/runs/${runId}${context.runAttempt > 1 ? `/attempts/${context.runAttempt}` : ''}`
      : undefined;

  return {
    eventName,
    repo,
    sha,
    pullNumber: pr?.number,
    readOnly,
    ...(untrusted !== undefined ? { untrusted } : {}),
    detailsUrl,
    apiUrl: context.apiUrl,
    ...runnerPaths(env),
  };
}

/**
 * A GitHub API on this machine (a test double) has no rate limits to respect, so
 * requests to it are not spaced; the real API always is.
 */
export function isLoopbackApi(apiUrl: string): boolean {
  try {
    const host = new URL(apiUrl).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}
