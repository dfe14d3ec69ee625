/**
 * Replies to people who may not steer a run, rate-limited: 50 `/spec` comments from a
 * non-collaborator got 50 replies (and 150+ requests), an easy way to flood a pull
 * request and spend the installation's rate limit. One reply per user per pull request
 * per hour; after that a reaction says "refused" and nothing is posted. In memory, per
 * app process (a second replica may reply once more).
 */
import type { Runtime } from './context.js';

/** How long after a reply the same user on the same pull request gets only a reaction. */
export const REPLY_INTERVAL_MS = 60 * 60 * 1000;
/** Entries kept at most; the oldest go first. */
const MAX_ENTRIES = 10_000;

export class ReplyLimiter {
  readonly #last = new Map<string, number>();

  /** True when a reply to `user` on `pr` may be posted now; records it when so. */
  allow(repo: string, pr: number | string, user: string, now: number): boolean {
    const key = `${repo.toLowerCase()}#${pr}@${user.toLowerCase()}`;
    const last = this.#last.get(key);
    if (last !== undefined && now - last < REPLY_INTERVAL_MS) return false;
    this.#last.delete(key);
    this.#last.set(key, now);
    if (this.#last.size > MAX_ENTRIES) this.#last.delete(this.#last.keys().next().value!);
    return true;
  }
}

const limiters = new WeakMap<Runtime, ReplyLimiter>();

/** The limiter of one app (its runtime), so two apps in one process (tests, replicas) keep their own. */
export function replyLimiterOf(runtime: Runtime): ReplyLimiter {
  let limiter = limiters.get(runtime);
  if (!limiter) {
    limiter = new ReplyLimiter();
    limiters.set(runtime, limiter);
  }
  return limiter;
}
