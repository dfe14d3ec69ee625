/**
 * The sticky comment: one comment per issue or pull request, found by a hidden marker
 * AND its author, edited in place on every run (rule 15: never a new comment per
 * push). The author check matters: anyone can paste our marker into a comment.
 */
import { COMMENT_BODY_LIMIT, truncateMarkdown } from '../reporting/truncate.js';
import { attempt } from './errors.js';
import { paginate } from './paginate.js';
import { idOf, type GitHubClient, type RepoRef } from './types.js';

/** Comments read when looking for ours (30 pages of 100). */
const MAX_COMMENTS = 3000;

export interface StickyComment {
  /** A hidden HTML comment that identifies the comment, e.g. `<!-- spec-automation:state -->`. */
  marker: string;
  /** The Markdown to show; the marker is added when missing. */
  body: string;
  /** Our login: `github-actions[bot]` for GITHUB_TOKEN, `<app-slug>[bot]` for the app. */
  ourLogin: string;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string | undefined;
  requests: number;
}

/** An existing comment of ours, with its marker, or undefined. */
export async function findStickyComment(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
  ourLogin: string,
): Promise<{ comment: { id: number; body: string; url: string | undefined } | undefined; requests: number }> {
  const { items, requests } = await paginate(
    (page) =>
      attempt({ operation: `list the comments of #${issueNumber}`, permission: 'issues: read' }, () =>
        client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issueNumber, per_page: 100, page }),
      ),
    { perPage: 100, maxItems: MAX_COMMENTS },
  );
  const login = ourLogin.toLowerCase();
  const found = items.find((c) => (c.user?.login ?? '').toLowerCase() === login && (c.body ?? '').includes(marker));
  return { comment: found ? { id: idOf(found.id), body: found.body ?? '', url: found.html_url } : undefined, requests };
}

/**
 * Creates the sticky comment, or edits ours in place; makes no write when the body is
 * already what we would write.
 */
export async function upsertStickyComment(client: GitHubClient, repo: RepoRef, issueNumber: number, sticky: StickyComment): Promise<StickyResult> {
  if (!/^<!--[\s\S]*-->$/.test(sticky.marker)) throw new Error(`The sticky comment marker must be an HTML comment, got ${JSON.stringify(sticky.marker)}`);
  const withMarker = sticky.body.includes(sticky.marker) ? sticky.body : `${sticky.marker}\n${sticky.body}`;
  const body = truncateMarkdown(withMarker, COMMENT_BODY_LIMIT);
  const { comment, requests } = await findStickyComment(client, repo, issueNumber, sticky.marker, sticky.ourLogin);
  if (comment && comment.body === body) return { action: 'unchanged', id: comment.id, url: comment.url, requests };
  if (comment) {
    const r = await attempt({ operation: `update comment ${comment.id}`, permission: 'issues: write' }, () =>
      client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: comment.id, body }),
    );
    return { action: 'updated', id: idOf(r.data.id), url: r.data.html_url, requests: requests + 1 };
  }
  const r = await attempt({ operation: `comment on #${issueNumber}`, permission: 'issues: write' }, () =>
    client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issueNumber, body }),
  );
  return { action: 'created', id: idOf(r.data.id), url: r.data.html_url, requests: requests + 1 };
}

/** One comment's body, read fresh. One request; a deleted comment is a `not-found` GitHubApiError. */
export async function getComment(client: GitHubClient, repo: RepoRef, commentId: number): Promise<{ id: number; body: string }> {
  const r = await attempt({ operation: `read comment ${commentId}`, permission: 'issues: read' }, () => client.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: commentId }));
  return { id: idOf(r.data.id), body: r.data.body ?? '' };
}

/** Replaces one comment's body. One request; a deleted comment is a `not-found` GitHubApiError. */
export async function updateComment(client: GitHubClient, repo: RepoRef, commentId: number, body: string): Promise<void> {
  await attempt({ operation: `update comment ${commentId}`, permission: 'issues: write' }, () => client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: commentId, body }));
}
