/**
 * The start of a run on its branch: an empty commit (the base commit's tree, the base
 * commit as parent) that names the spec in its trailers, and the branch pointed at it.
 * Empty, so the draft pull request can be opened before the agent has written a line;
 * a branch that already exists for the same spec is moved (forced) rather than a new
 * one made, so a spec keeps one branch and one pull request.
 */
import { GitHubApiError } from '../github/errors.js';
import { createCommit, setBranch } from '../github/git-data.js';
import type { GitHubClient, RepoRef } from '../github/types.js';

export interface RunStart {
  branch: string;
  /** The start commit's message (src/pipeline/workflow/start.ts plans it). */
  message: string;
  baseSha: string;
  baseTreeSha: string;
  /**
   * Whether the branch exists already (it is then moved, forced). `unknown`: try to
   * create it, and move it when GitHub says it exists (one request in the common case).
   */
  exists: boolean | 'unknown';
}

/** Creates the start commit and points the branch at it. Returns the commit's sha. Two requests. */
export async function resetBranchForRun(client: GitHubClient, repo: RepoRef, start: RunStart): Promise<string> {
  const sha = await createCommit(client, repo, { message: start.message, treeSha: start.baseTreeSha, parents: [start.baseSha] });
  if (start.exists !== 'unknown') {
    await setBranch(client, repo, start.branch, sha, { exists: start.exists, force: true });
    return sha;
  }
  try {
    await setBranch(client, repo, start.branch, sha, { exists: false, force: true });
  } catch (error) {
    // 422 "Reference already exists": a branch left from an earlier run of the same spec.
    if (!(error instanceof GitHubApiError && error.kind === 'validation' && /already exists/i.test(error.message))) throw error;
    await setBranch(client, repo, start.branch, sha, { exists: true, force: true });
  }
  return sha;
}
