/**
 * Reactions on issue and pull request comments: the app's quick acknowledgement of a
 * command (👀 taken, 👎 refused, 😕 not understood).
 */
import { attempt } from './errors.js';
import type { GitHubClient, RepoRef } from './types.js';

export type Reaction = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes';

export async function reactToComment(client: GitHubClient, repo: RepoRef, commentId: number, content: Reaction): Promise<void> {
  await attempt({ operation: `react to comment ${commentId}`, permission: 'issues: write' }, () =>
    client.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { ...repo, comment_id: commentId, content }),
  );
}

/** Posts a new comment (a reply to a command, a notification) and returns its id. */
export async function postComment(client: GitHubClient, repo: RepoRef, issueNumber: number, body: string): Promise<{ id: number; url: string | undefined }> {
  const r = await attempt({ operation: `comment on #${issueNumber}`, permission: 'issues: write' }, () =>
    client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issueNumber, body }),
  );
  return { id: Number(r.data.id), url: r.data.html_url };
}
