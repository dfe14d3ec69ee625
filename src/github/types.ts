/**
 * The shapes every operation in src/github shares. Operations take the client as a
 * parameter instead of building one: the action passes the Octokit from
 * {@link createGitHubClient} (./octokit.ts), the Probot app passes `context.octokit`,
 * which already has retry and throttling.
 */
import type { Octokit } from '@octokit/rest';

/** Anything with Octokit's `request(route, params)`: @octokit/core, @octokit/rest or Probot's. */
export type GitHubClient = Pick<Octokit, 'request'>;

/** A repository, as the REST routes name it. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** The permissions an operation needs, named as a workflow's `permissions:` block names them. */
export type Permission =
  | 'checks: write'
  | 'checks: read'
  | 'pull-requests: write'
  | 'pull-requests: read'
  | 'issues: write'
  | 'issues: read'
  | 'contents: read'
  | 'contents: write'
  | 'actions: read'
  | 'actions: write'
  | 'metadata: read';

/** GitHub's int64 ids are typed `number | bigint`; they fit in a double for decades yet. */
export function idOf(value: number | bigint): number {
  return typeof value === 'bigint' ? Number(value) : value;
}
