/**
 * Waits out GitHub's secondary rate limits and asks again, for the app's Probot Octokit
 * (the action's own Octokit handles them in ./octokit.ts). Probot 14 does not: its
 * Octokit's `onSecondaryRateLimit` only logs "Secondary quota detected" and gives up
 * (probot/lib/octokit/get-octokit-throttle-options.js), and an app creating commits and
 * comments is exactly what trips those limits. A request refused by a rate limit was not
 * carried out, so sending it again is safe. Primary limits (Probot retries them twice,
 * after the reset) and server errors (plugin-retry) are left to Probot's Octokit.
 */
import type { GraphQLClient } from './pull-requests.js';
import type { GitHubClient } from './types.js';

/** The REST and GraphQL halves of an Octokit. */
export type RetryingClient = GitHubClient & GraphQLClient;

/** Where a wait is said (the app's log). */
export interface WaitLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface RateLimitOptions {
  /** Waits `ms` milliseconds (tests pass one that records instead of waiting). */
  sleep: (ms: number) => Promise<void>;
  log: WaitLog;
  /** Retries of one request. Default 3. */
  maxRetries?: number;
  /** Longest wait GitHub may ask for before giving up, in seconds. Default 300. */
  maxWaitSeconds?: number;
}

/** GitHub's advice when a secondary limit comes without retry-after: wait at least a minute. */
const FALLBACK_WAIT_SECONDS = 60;

interface ErrorShape {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: { message?: string } };
}

/** The seconds to wait when `error` is a secondary rate limit, else undefined. */
export function secondaryLimitWait(error: unknown): number | undefined {
  const e = error as ErrorShape;
  if (e?.status !== 403 && e?.status !== 429) return undefined;
  const message = `${e.message ?? ''} ${e.response?.data?.message ?? ''}`;
  const headers = e.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  const secondary = /secondary rate limit|abuse detection/i.test(message) || (headers['retry-after'] !== undefined && headers['x-ratelimit-remaining'] !== '0');
  if (!secondary) return undefined;
  return Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : FALLBACK_WAIT_SECONDS;
}

/** `client` with secondary rate limits waited out (REST and GraphQL). */
export function withSecondaryLimitRetries(client: RetryingClient, options: RateLimitOptions): RetryingClient {
  const maxRetries = options.maxRetries ?? 3;
  const maxWait = options.maxWaitSeconds ?? 300;
  const retrying = async <T>(what: string, send: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        const wait = secondaryLimitWait(error);
        if (wait === undefined || attempt >= maxRetries || wait > maxWait) throw error;
        options.log.warn('GitHub secondary rate limit: waiting before asking again', { request: what, waitSeconds: wait, retry: attempt + 1 });
        await options.sleep(wait * 1000);
      }
    }
  };
  const request = ((route: string, params?: Record<string, unknown>) => retrying(route, () => client.request(route as never, params as never))) as unknown as RetryingClient['request'];
  const graphql = ((query: string, variables?: Record<string, unknown>) => retrying('POST /graphql', () => client.graphql(query, variables))) as RetryingClient['graphql'];
  return { request, graphql };
}
