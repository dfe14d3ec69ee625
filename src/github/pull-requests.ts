/**
 * The spec pull request's life: find the open one of a branch, open it as a draft,
 * update its body, and mark it ready for review. The REST API cannot turn a draft into
 * a ready pull request, so that one step is the GraphQL mutation
 * `markPullRequestReadyForReview`.
 */
import { GitHubApiError, attempt, toGitHubError } from './errors.js';
import type { GitHubClient, RepoRef } from './types.js';

/** The fields of a pull request the app decides on. */
export interface PullRequestInfo {
  number: number;
  /** GraphQL id, for `markPullRequestReadyForReview`. */
  nodeId: string;
  state: string;
  draft: boolean;
  headRef: string;
  headSha: string;
  /** `owner/repo` of the head; differs from the base repository for forks. */
  headRepo: string | undefined;
  baseRef: string;
  labels: string[];
  body: string;
  url: string | undefined;
}

interface PullLike {
  number: number;
  node_id: string;
  state: string;
  draft?: boolean | null;
  head: { ref: string; sha: string; repo?: { full_name?: string } | null };
  base: { ref: string };
  labels?: ({ name?: string } | string)[] | null;
  body?: string | null;
  html_url?: string;
}

function toInfo(p: PullLike): PullRequestInfo {
  return {
    number: p.number,
    nodeId: p.node_id,
    state: p.state,
    draft: p.draft === true,
    headRef: p.head.ref,
    headSha: p.head.sha,
    headRepo: p.head.repo?.full_name ?? undefined,
    baseRef: p.base.ref,
    labels: (p.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== ''),
    body: p.body ?? '',
    url: p.html_url,
  };
}

export async function getPullRequest(client: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestInfo> {
  const r = await attempt({ operation: `read pull request #${number}`, permission: 'pull-requests: read' }, () =>
    client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number }),
  );
  return toInfo(r.data as PullLike);
}

/** The open pull request whose head is `branch` of this repository, if any. */
export async function findOpenPullRequest(client: GitHubClient, repo: RepoRef, branch: string): Promise<PullRequestInfo | undefined> {
  const r = await attempt({ operation: `look for the pull request of ${branch}`, permission: 'pull-requests: read' }, () =>
    client.request('GET /repos/{owner}/{repo}/pulls', { ...repo, head: `${repo.owner}:${branch}`, state: 'open', per_page: 10 }),
  );
  const pulls = (r.data as PullLike[]).map(toInfo).filter((p) => p.headRef === branch);
  pulls.sort((a, b) => b.number - a.number);
  return pulls[0];
}

export interface NewPullRequest {
  title: string;
  head: string;
  base: string;
  body: string;
  draft: boolean;
}

/**
 * Opens a pull request. Some plans do not offer draft pull requests (422 "Draft pull
 * requests are not supported in this repository"); then it is opened as a normal one,
 * which the `spec:<phase>` label still marks as work in progress.
 */
export async function createPullRequest(client: GitHubClient, repo: RepoRef, pr: NewPullRequest): Promise<PullRequestInfo> {
  const open = (draft: boolean) =>
    attempt({ operation: `open a pull request from ${pr.head} into ${pr.base}`, permission: 'pull-requests: write' }, () =>
      client.request('POST /repos/{owner}/{repo}/pulls', { ...repo, title: pr.title, head: pr.head, base: pr.base, body: pr.body, draft }),
    );
  try {
    return toInfo((await open(pr.draft)).data as PullLike);
  } catch (error) {
    const draftRefused = error instanceof GitHubApiError && error.kind === 'validation' && /draft/i.test(error.message);
    if (!pr.draft || !draftRefused) throw error;
    return toInfo((await open(false)).data as PullLike);
  }
}

export async function updatePullRequest(client: GitHubClient, repo: RepoRef, number: number, patch: { title?: string; body?: string }): Promise<void> {
  await attempt({ operation: `update pull request #${number}`, permission: 'pull-requests: write' }, () =>
    client.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number, ...patch }),
  );
}

/** Anything with Octokit's `graphql(query, variables)`. */
export interface GraphQLClient {
  graphql: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
}

export const MARK_READY_MUTATION = `mutation MarkReady($id: ID!) {
  markPullRequestReadyForReview(input: { pullRequestId: $id }) {
    pullRequest { number isDraft }
  }
}`;

/** Marks a draft pull request ready for review (GraphQL; REST has no such operation). */
export async function markReadyForReview(client: GraphQLClient, pr: { number: number; nodeId: string }): Promise<void> {
  const operation = `mark pull request #${pr.number} ready for review`;
  let data: { markPullRequestReadyForReview?: { pullRequest?: { isDraft?: boolean } } };
  try {
    data = await client.graphql(MARK_READY_MUTATION, { id: pr.nodeId });
  } catch (error) {
    // A GraphQL error comes back as HTTP 200 with `errors`: say what GitHub said.
    const errors = (error as { errors?: { message?: string }[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      const reason = errors.map((e) => e.message ?? 'unknown error').join('; ');
      throw new GitHubApiError({
        kind: /not accessible|permission/i.test(reason) ? 'permission' : 'validation',
        operation,
        reason: `GitHub refused the GraphQL mutation (${reason})`,
        fix: 'Grant the app `pull-requests: write`; a closed pull request cannot be marked ready.',
        permission: 'pull-requests: write',
        details: errors.map((e) => e.message ?? ''),
        cause: error,
      });
    }
    throw toGitHubError(error, { operation, permission: 'pull-requests: write' });
  }
  if (data.markPullRequestReadyForReview?.pullRequest?.isDraft === true) {
    throw new GitHubApiError({ kind: 'other', operation, reason: 'GitHub left the pull request a draft', fix: 'Mark it ready by hand; this is a GitHub-side problem.' });
  }
}
