/**
 * Applies a review plan (src/reporting/review.ts): one review call when GitHub
 * accepts it, and never a lost review when it does not. One bad anchor makes the
 * whole review 422 without saying which (rule 14), so on a 422 the inline comments
 * are bisected: halves that GitHub accepts are posted, the refused ones end up listed
 * in a body-only review. A bounded number of extra requests keeps a review whose every
 * anchor is refused (a stale head commit, say) from costing 2N requests.
 * Then our outdated comments are deleted, after the new ones are up.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { PlannedInline, ReviewPlan } from '../reporting/review.js';
import { renderReviewBody } from '../reporting/review.js';
import { GitHubApiError } from './errors.js';
import { createReview, deleteReviewComment } from './pulls.js';
import type { GitHubClient, RepoRef } from './types.js';

/** Extra review attempts after a 422, before the rest goes into the body. */
export const DEFAULT_MAX_REVIEW_RETRIES = 6;

export interface ApplyReviewOptions {
  maxRetries?: number;
}

/** What applying a review plan did. */
export interface ReviewOutcome {
  /** Reviews created (normally one). */
  reviews: { id: number; url: string | undefined }[];
  inlinePosted: number;
  /** Findings whose inline comment GitHub refused; they are in a review body instead. */
  refused: Diagnostic[];
  deleted: number;
  /** Deletions that failed (the comment stays; a later run tries again). */
  deleteFailures: string[];
  keptForReplies: number;
  requests: number;
}

/** Applies the plan to pull request `pullNumber`. Throws only when no review could be posted at all. */
export async function applyReviewPlan(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
  plan: ReviewPlan,
  options: ApplyReviewOptions = {},
): Promise<ReviewOutcome> {
  const outcome: ReviewOutcome = {
    reviews: [],
    inlinePosted: 0,
    refused: [],
    deleted: 0,
    deleteFailures: [],
    keptForReplies: plan.keptForReplies.length,
    requests: 0,
  };
  const review = plan.review;
  if (review) {
    let retriesLeft = options.maxRetries ?? DEFAULT_MAX_REVIEW_RETRIES;
    let part = 0;
    const post = async (chunk: readonly PlannedInline[], body: string) => {
      outcome.requests += 1;
      const created = await createReview(client, repo, pullNumber, { ...review, body, comments: chunk.map((c) => c.comment) });
      outcome.reviews.push(created);
      outcome.inlinePosted += chunk.length;
    };
    // After a 422: a single comment is refused; more are halved and each half tried again.
    const split = async (chunk: readonly PlannedInline[]): Promise<void> => {
      if (chunk.length === 1) {
        outcome.refused.push(chunk[0]!.diagnostic);
        return;
      }
      const half = Math.ceil(chunk.length / 2);
      await place(chunk.slice(0, half));
      await place(chunk.slice(half));
    };
    const place = async (chunk: readonly PlannedInline[]): Promise<void> => {
      if (chunk.length === 0) return;
      if (retriesLeft <= 0) {
        outcome.refused.push(...chunk.map((c) => c.diagnostic));
        return;
      }
      retriesLeft -= 1;
      part += 1;
      const body = renderReviewBody({ inline: chunk, overflow: [], outsideDiff: 0, maxInline: plan.maxInline, part });
      try {
        await post(chunk, body);
      } catch (error) {
        if (!(error instanceof GitHubApiError) || error.kind !== 'validation') throw error;
        await split(chunk);
      }
    };

    try {
      await post(plan.inline, review.body);
    } catch (error) {
      if (!(error instanceof GitHubApiError) || error.kind !== 'validation' || plan.inline.length === 0) throw error;
      const reason = `422: ${error.details.join('; ') || 'Unprocessable Entity'}`.slice(0, 300);
      await split(plan.inline);
      // The summary of the whole review (overflow, what was refused) goes last, without anchors.
      const refused = outcome.refused.length > 0 ? { findings: outcome.refused, reason } : undefined;
      const body = renderReviewBody({ inline: [], overflow: plan.overflow, outsideDiff: plan.stats.outsideDiff, maxInline: plan.maxInline, ...(refused ? { refused } : {}) });
      if (refused || plan.overflow.length > 0) await post([], body);
    }
  }

  for (const id of plan.deletions) {
    try {
      outcome.requests += 1;
      await deleteReviewComment(client, repo, id);
      outcome.deleted += 1;
    } catch (error) {
      outcome.deleteFailures.push(error instanceof Error ? error.message : String(error));
      // Without permission to delete one, the others fail the same way.
      if (error instanceof GitHubApiError && error.kind === 'permission') break;
    }
  }
  return outcome;
}
