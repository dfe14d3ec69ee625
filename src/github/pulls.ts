/**
 * Pull request reads and writes the review needs: changed files (for the
 * commentable lines), review comments (for dedupe), reviews, comment deletion.
 */
import type { PullRequestFile } from '../reporting/diff.js';
import type { ExistingReviewComment, ReviewRequest } from '../reporting/review.js';
import { GitHubApiError, attempt } from './errors.js';
import { paginate } from './paginate.js';
import { idOf, type GitHubClient, type RepoRef } from './types.js';

/** GitHub lists at most 3000 files of a pull request. */
export const MAX_PULL_FILES = 3000;
/** Our cap on review comments read for dedupe (100 pages). */
export const MAX_REVIEW_COMMENTS = 10_000;

/**
 * The files of a pull request with their patches, 100 per page, at most 3000
 * (GitHub's own limit; `truncated` says when the PR has more).
 */
export async function listPullRequestFiles(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<{ files: PullRequestFile[]; truncated: boolean; requests: number }> {
  const result = await paginate(
    (page) =>
      attempt({ operation: `list the files of pull request #${pullNumber}`, permission: 'pull-requests: read' }, () =>
        client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { ...repo, pull_number: pullNumber, per_page: 100, page }),
      ),
    { perPage: 100, maxItems: MAX_PULL_FILES },
  );
  const files = result.items.map((f) => ({
    filename: f.filename,
    status: f.status,
    ...(typeof f.patch === 'string' ? { patch: f.patch } : {}),
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
  }));
  return { files, truncated: result.truncated, requests: result.requests };
}

/** Every review comment on a pull request, 100 per page. */
export async function listReviewComments(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<{ comments: ExistingReviewComment[]; truncated: boolean; requests: number }> {
  const result = await paginate(
    (page) =>
      attempt({ operation: `list the review comments of pull request #${pullNumber}`, permission: 'pull-requests: read' }, () =>
        client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', { ...repo, pull_number: pullNumber, per_page: 100, page }),
      ),
    { perPage: 100, maxItems: MAX_REVIEW_COMMENTS },
  );
  const comments = result.items.map(
    (c): ExistingReviewComment => ({
      id: idOf(c.id),
      body: c.body,
      user: c.user ? { login: c.user.login } : null,
      ...(typeof c.in_reply_to_id === 'number' ? { in_reply_to_id: c.in_reply_to_id } : {}),
      path: c.path,
      // GitHub sends line: null for an outdated comment; keep the null.
      ...(c.line !== undefined ? { line: c.line } : {}),
    }),
  );
  return { comments, truncated: result.truncated, requests: result.requests };
}

/** Creates one review (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`). */
export async function createReview(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
  review: ReviewRequest,
): Promise<{ id: number; url: string | undefined }> {
  const response = await attempt({ operation: `create a review on pull request #${pullNumber}`, permission: 'pull-requests: write' }, () =>
    client.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
      ...repo,
      pull_number: pullNumber,
      ...(review.commit_id ? { commit_id: review.commit_id } : {}),
      event: review.event,
      body: review.body,
      ...(review.comments.length > 0 ? { comments: review.comments } : {}),
    }),
  );
  return { id: idOf(response.data.id), url: response.data.html_url ?? undefined };
}

/** Deletes a review comment; one already gone (404) counts as deleted. */
export async function deleteReviewComment(client: GitHubClient, repo: RepoRef, commentId: number): Promise<'deleted' | 'gone'> {
  try {
    await attempt({ operation: `delete review comment ${commentId}`, permission: 'pull-requests: write' }, () =>
      client.request('DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}', { ...repo, comment_id: commentId }),
    );
    return 'deleted';
  } catch (error) {
    if (error instanceof GitHubApiError && error.kind === 'not-found') return 'gone';
    throw error;
  }
}
