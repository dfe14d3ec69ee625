/**
 * Octokit's RequestError mapped to errors that say what failed, why, and how to fix
 * it, at the adapter boundary (release-please's `wrapAsync` habit). Detection is by
 * shape (`status`, `response.headers`), so errors from any Octokit build qualify.
 */
import { SpecAutomationError } from '../pipeline/errors.js';
import type { Permission } from './types.js';

export type GitHubErrorKind = 'permission' | 'auth' | 'not-found' | 'validation' | 'rate-limit' | 'server' | 'network' | 'other';

/** A failed GitHub request, with its cause kept. */
export class GitHubApiError extends SpecAutomationError {
  readonly kind: GitHubErrorKind;
  readonly status: number | undefined;
  /** What we were doing, e.g. "create the check run spec-automation / ruff". */
  readonly operation: string;
  /** The permission the operation needs, when the failure is about permissions. */
  readonly permission: Permission | undefined;
  /** How to fix it, in a sentence. */
  declare readonly fix: string;
  /** For rate limits: when the limit resets, if GitHub said. */
  readonly resetAt: Date | undefined;
  /** For 422: GitHub's validation messages. */
  readonly details: string[];

  constructor(init: {
    kind: GitHubErrorKind;
    status?: number;
    operation: string;
    reason: string;
    fix: string;
    permission?: Permission;
    resetAt?: Date;
    details?: string[];
    cause?: unknown;
  }) {
    super(`Could not ${init.operation}: ${init.reason}. ${init.fix}`, { cause: init.cause, fix: init.fix });
    this.name = 'GitHubApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.operation = init.operation;
    this.permission = init.permission;
    this.resetAt = init.resetAt;
    this.details = init.details ?? [];
  }
}

interface RequestErrorShape {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function isRequestError(error: unknown): error is RequestErrorShape {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

function responseMessage(error: RequestErrorShape): string {
  const data = error.response?.data;
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  return error.message;
}

function validationDetails(error: RequestErrorShape): string[] {
  const data = error.response?.data as { errors?: unknown } | undefined;
  const errors = Array.isArray(data?.errors) ? data.errors : [];
  return errors
    .map((e: unknown) => {
      if (typeof e === 'string') return e;
      if (e && typeof e === 'object') {
        const o = e as Record<string, unknown>;
        if (typeof o.message === 'string') return o.message;
        return [o.resource, o.field, o.code].filter((x) => typeof x === 'string').join(' ');
      }
      return '';
    })
    .filter((s: string) => s !== '')
    .slice(0, 10);
}

function header(error: RequestErrorShape, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** True for GitHub's rate-limit answers (primary or secondary), whatever the status. */
export function isRateLimit(error: RequestErrorShape): boolean {
  if (error.status !== 403 && error.status !== 429) return false;
  return error.status === 429 || header(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(responseMessage(error));
}

/** The innermost message of an error chain: `getaddrinfo ENOTFOUND api.github.com`, not `fetch failed`. */
function rootMessage(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = current instanceof Error ? current.cause : undefined;
    if (!(cause instanceof Error)) break;
    current = cause;
  }
  return current instanceof Error ? current.message : String(current);
}

function networkError(error: unknown, operation: string): GitHubApiError {
  return new GitHubApiError({
    kind: 'network',
    operation,
    reason: `could not reach GitHub (DNS/connection: ${rootMessage(error)})`,
    fix: 'Check the network, DNS and any proxy between this host and GitHub (GHE_HOST or GITHUB_API_URL for GitHub Enterprise Server); the request was retried before giving up.',
    cause: error,
  });
}

/**
 * Maps any error thrown by an Octokit request to a {@link GitHubApiError}.
 *
 * @param error what Octokit threw
 * @param context what we were doing, and the permission it needs (for 403s)
 */
export function toGitHubError(error: unknown, context: { operation: string; permission?: Permission }): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  const { operation, permission } = context;
  if (!isRequestError(error)) return networkError(error, operation);
  const status = error.status;
  const message = responseMessage(error);
  // @octokit/request reports a request that never got an answer (DNS, refused or reset
  // connection, TLS) as status 500 without a response: that is not GitHub answering 500.
  if (status === 500 && !error.response) return networkError(error, operation);
  if (isRateLimit(error)) {
    const reset = Number(header(error, 'x-ratelimit-reset'));
    const resetAt = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : undefined;
    const retryAfter = header(error, 'retry-after');
    const when = resetAt ? ` (resets at ${resetAt.toISOString()})` : retryAfter ? ` (retry after ${retryAfter} s)` : '';
    return new GitHubApiError({
      kind: 'rate-limit',
      status,
      operation,
      reason: `GitHub's rate limit was hit: ${message}${when}`,
      fix: 'Lower max-review-comments or the annotation cap, avoid running many workflows at once, or use a GitHub App token (higher limits).',
      ...(resetAt ? { resetAt } : {}),
      cause: error,
    });
  }
  if (status === 401) {
    return new GitHubApiError({
      kind: 'auth',
      status,
      operation,
      reason: `GitHub refused the token (${message})`,
      fix: 'Pass a valid token (github-token input, GITHUB_TOKEN); app installation tokens expire after an hour.',
      cause: error,
    });
  }
  if (status === 403) {
    const integration = /not accessible by (integration|personal access token)/i.test(message);
    return new GitHubApiError({
      kind: 'permission',
      status,
      operation,
      reason: integration ? `the token may not do this (${message})` : `forbidden (${message})`,
      fix: permission
        ? `Grant \`${permission}\` in the workflow's \`permissions:\` block (or the app's permissions). On pull requests from forks GitHub makes the token read-only whatever the workflow asks for.`
        : 'Check the token\'s permissions; on pull requests from forks GitHub makes the token read-only.',
      ...(permission ? { permission } : {}),
      cause: error,
    });
  }
  if (status === 404) {
    return new GitHubApiError({
      kind: 'not-found',
      status,
      operation,
      reason: `not found (${message})`,
      fix: 'Check the repository, pull request or run exists; GitHub also answers 404 when the token cannot see a private repository.',
      cause: error,
    });
  }
  if (status === 422) {
    const details = validationDetails(error);
    return new GitHubApiError({
      kind: 'validation',
      status,
      operation,
      reason: `GitHub rejected the request (422 ${message}${details.length > 0 ? `: ${details.join('; ')}` : ''})`,
      fix: 'This is a bug in spec-automation if it persists; please report it with this message.',
      details,
      cause: error,
    });
  }
  if (status >= 500) {
    return new GitHubApiError({
      kind: 'server',
      status,
      operation,
      reason: `GitHub answered ${status} (${message})`,
      fix: 'GitHub had a problem; the request was retried. Re-run the job later (https://www.githubstatus.com).',
      cause: error,
    });
  }
  return new GitHubApiError({
    kind: 'other',
    status,
    operation,
    reason: `GitHub answered ${status} (${message})`,
    fix: 'See the message above.',
    cause: error,
  });
}

/**
 * Runs one request and maps its failure. Every operation in src/github goes through
 * here so no raw RequestError leaves the adapter.
 */
export async function attempt<T>(context: { operation: string; permission?: Permission }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toGitHubError(error, context);
  }
}
