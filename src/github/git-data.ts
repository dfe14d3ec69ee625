/**
 * Git Data API operations: refs, commits, trees and blobs. The app never clones: it
 * reads the tree of a commit and the blobs it needs, and lands a change set as one
 * commit with a handful of requests whatever the number of files (a tree with inline
 * contents on top of the parent's tree, a commit, a ref update).
 */
import { createHash } from 'node:crypto';
import { GitHubApiError, attempt } from './errors.js';
import type { GitHubClient, RepoRef } from './types.js';

/** One entry of a recursive tree listing. */
export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  /** Bytes, for blobs. */
  size?: number;
}

export interface CommitInfo {
  sha: string;
  treeSha: string;
  parents: string[];
  message: string;
}

/** A file of a change set, as {@link commitFiles} writes it. */
export type TreeWrite = { path: string; content: string; mode?: '100644' | '100755' } | { path: string; delete: true };

/** `heads/spec/x` → the branch name without `refs/heads/`. */
function headsRef(branch: string): string {
  return `heads/${branch.replace(/^refs\/heads\//, '')}`;
}

/** The sha a branch points at, or undefined when there is no such branch. */
export async function getBranchSha(client: GitHubClient, repo: RepoRef, branch: string): Promise<string | undefined> {
  try {
    const r = await attempt({ operation: `read the branch ${branch}`, permission: 'contents: read' }, () =>
      client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repo, ref: headsRef(branch) }),
    );
    return r.data.object.sha;
  } catch (error) {
    if (error instanceof GitHubApiError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

export async function getCommit(client: GitHubClient, repo: RepoRef, sha: string): Promise<CommitInfo> {
  const r = await attempt({ operation: `read commit ${sha.slice(0, 7)}`, permission: 'contents: read' }, () =>
    client.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...repo, commit_sha: sha }),
  );
  return { sha: r.data.sha, treeSha: r.data.tree.sha, parents: r.data.parents.map((p) => p.sha), message: r.data.message };
}

/**
 * Every entry of a tree, recursively. GitHub cuts recursive listings at 100,000 entries
 * or 7 MB (`truncated: true`); the caller decides whether a partial listing will do.
 */
export async function getTreeRecursive(client: GitHubClient, repo: RepoRef, treeSha: string): Promise<{ entries: TreeEntry[]; truncated: boolean }> {
  const r = await attempt({ operation: `read tree ${treeSha.slice(0, 7)}`, permission: 'contents: read' }, () =>
    client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { ...repo, tree_sha: treeSha, recursive: '1' }),
  );
  const entries: TreeEntry[] = [];
  for (const e of r.data.tree) {
    if (typeof e.path !== 'string' || typeof e.sha !== 'string') continue;
    const type = e.type === 'tree' || e.type === 'commit' ? e.type : 'blob';
    entries.push({ path: e.path, mode: String(e.mode ?? '100644'), type, sha: e.sha, ...(typeof e.size === 'number' ? { size: e.size } : {}) });
  }
  return { entries, truncated: r.data.truncated === true };
}

/** The bytes of a blob (`GET …/git/blobs/{sha}`, base64 decoded). */
export async function getBlob(client: GitHubClient, repo: RepoRef, sha: string): Promise<Uint8Array> {
  const r = await attempt({ operation: `read blob ${sha.slice(0, 7)}`, permission: 'contents: read' }, () =>
    client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { ...repo, file_sha: sha }),
  );
  const { content, encoding } = r.data;
  return encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
}

/**
 * Creates a commit. With the parent's tree as `treeSha` it is an empty commit: the app
 * starts each run with one, so the draft pull request can be opened before the agent
 * has written anything.
 */
export async function createCommit(client: GitHubClient, repo: RepoRef, commit: { message: string; treeSha: string; parents: string[] }): Promise<string> {
  const r = await attempt({ operation: 'create a commit', permission: 'contents: write' }, () =>
    client.request('POST /repos/{owner}/{repo}/git/commits', { ...repo, message: commit.message, tree: commit.treeSha, parents: commit.parents }),
  );
  return r.data.sha;
}

/** Creates a tree on top of `baseTree` from inline contents and deletions; one request. */
export async function createTree(client: GitHubClient, repo: RepoRef, baseTree: string, writes: readonly TreeWrite[]): Promise<string> {
  const tree = writes.map((w) =>
    'delete' in w
      ? { path: w.path, mode: '100644' as const, type: 'blob' as const, sha: null }
      : { path: w.path, mode: w.mode ?? ('100644' as const), type: 'blob' as const, content: w.content },
  );
  const r = await attempt({ operation: `create a tree of ${writes.length} change(s)`, permission: 'contents: write' }, () =>
    client.request('POST /repos/{owner}/{repo}/git/trees', { ...repo, base_tree: baseTree, tree }),
  );
  return r.data.sha;
}

/** Points a new branch at `sha`. */
export async function createBranch(client: GitHubClient, repo: RepoRef, branch: string, sha: string): Promise<void> {
  await attempt({ operation: `create the branch ${branch}`, permission: 'contents: write' }, () =>
    client.request('POST /repos/{owner}/{repo}/git/refs', { ...repo, ref: `refs/${headsRef(branch)}`, sha }),
  );
}

/**
 * Moves a branch to `sha`. Without `force` GitHub refuses anything but a fast-forward
 * (422 "Update is not a fast forward"), so a commit someone pushed meanwhile is never lost.
 */
export async function updateBranch(client: GitHubClient, repo: RepoRef, branch: string, sha: string, force = false): Promise<void> {
  await attempt({ operation: `move the branch ${branch} to ${sha.slice(0, 7)}`, permission: 'contents: write' }, () =>
    client.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref: headsRef(branch), sha, force }),
  );
}

/** Creates the branch at `sha`, or moves an existing one there (`force` when asked). */
export async function setBranch(client: GitHubClient, repo: RepoRef, branch: string, sha: string, options: { exists: boolean; force: boolean }): Promise<void> {
  if (options.exists) await updateBranch(client, repo, branch, sha, options.force);
  else await createBranch(client, repo, branch, sha);
}

export interface CommitFilesInput {
  branch: string;
  /** The commit the branch points at now; the new commit's parent. */
  parent: { sha: string; treeSha: string };
  writes: readonly TreeWrite[];
  message: string;
}

/**
 * Lands a change set on a branch as one commit: a tree (inline contents, deletions),
 * a commit, a fast-forward ref update. Three requests for any number of files.
 */
export async function commitFiles(client: GitHubClient, repo: RepoRef, input: CommitFilesInput): Promise<{ sha: string; treeSha: string; requests: number }> {
  const tree = await createTree(client, repo, input.parent.treeSha, input.writes);
  const sha = await createCommit(client, repo, { message: input.message, treeSha: tree, parents: [input.parent.sha] });
  await updateBranch(client, repo, input.branch, sha, false);
  return { sha, treeSha: tree, requests: 3 };
}

/** The git object id of a blob with this content (`git hash-object`), as GitHub computes it. */
export function blobShaOf(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
