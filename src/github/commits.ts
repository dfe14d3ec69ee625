/**
 * Reading commits: what changed between two commits (the compare endpoint) and what one
 * commit changed. One result shape for every caller (a push's changed files, a fix
 * iteration's previous changes, rebuilding a lost state from the branch's commits).
 */
import { attempt } from './errors.js';
import type { GitHubClient, RepoRef } from './types.js';

/** Files a compare or a commit lists, at most (GitHub's own limit on one page). */
export const MAX_LISTED_FILES = 300;

export interface ChangedFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
}

export interface ComparedCommit {
  sha: string;
  message: string;
  /** The committer's date, when GitHub gave one. */
  date?: string;
}

export interface Comparison {
  /** Oldest first, as GitHub lists them (up to 250). */
  commits: ComparedCommit[];
  files: ChangedFile[];
}

/** `base...head`: the commits on head since the merge base, and the files they change. One request. */
export async function compareCommits(client: GitHubClient, repo: RepoRef, base: string, head: string): Promise<Comparison> {
  const short = (ref: string) => (/^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 7) : ref);
  const r = await attempt({ operation: `compare ${short(base)}...${short(head)}`, permission: 'contents: read' }, () =>
    client.request('GET /repos/{owner}/{repo}/compare/{basehead}', { ...repo, basehead: `${base}...${head}`, per_page: 100 }),
  );
  return {
    commits: r.data.commits.map((c) => ({ sha: c.sha, message: c.commit.message, ...(c.commit.committer?.date ? { date: c.commit.committer.date } : {}) })),
    files: (r.data.files ?? []).slice(0, MAX_LISTED_FILES).map((f) => ({ path: f.filename, status: f.status })),
  };
}

/** The files one commit changed against its first parent. One request. */
export async function filesOfCommit(client: GitHubClient, repo: RepoRef, sha: string): Promise<ChangedFile[]> {
  const r = await attempt({ operation: `read commit ${sha.slice(0, 7)}`, permission: 'contents: read' }, () => client.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...repo, ref: sha }));
  return (r.data.files ?? []).slice(0, MAX_LISTED_FILES).map((f) => ({ path: f.filename, status: f.status }));
}

/** The paths of `files` that still exist after the change. */
export function presentPaths(files: readonly ChangedFile[]): string[] {
  return files.filter((f) => f.status !== 'removed').map((f) => f.path);
}
