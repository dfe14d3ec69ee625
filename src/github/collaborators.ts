/**
 * Who may steer the app: a user's permission on a repository, from the collaborator
 * permission API. Never `author_association`, which says how someone is related to a
 * repository (MEMBER, CONTRIBUTOR…), not what they may do in it.
 */
import { GitHubApiError, attempt } from './errors.js';
import type { GitHubClient, RepoRef } from './types.js';

/** GitHub's permission levels, lowest first. `none` also stands for "not a collaborator". */
export type RepoPermission = 'none' | 'read' | 'triage' | 'write' | 'maintain' | 'admin';

const LEVELS: readonly RepoPermission[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];

/** True when `permission` is at least `required`. */
export function permits(permission: RepoPermission, required: RepoPermission): boolean {
  return LEVELS.indexOf(permission) >= LEVELS.indexOf(required);
}

/**
 * The permission of `username` on the repository. The API's legacy `permission` field
 * folds maintain into write and triage into read, so `role_name` is preferred when
 * present. A user who is not a collaborator (404) has `none`.
 */
export async function getPermission(client: GitHubClient, repo: RepoRef, username: string): Promise<RepoPermission> {
  try {
    const r = await attempt({ operation: `read the permission of @${username}`, permission: 'metadata: read' }, () =>
      client.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...repo, username }),
    );
    const role = String(r.data.role_name ?? '').toLowerCase();
    const legacy = String(r.data.permission ?? '').toLowerCase();
    const known = (v: string): RepoPermission | undefined => LEVELS.find((l) => l === v);
    return known(role) ?? known(legacy) ?? 'none';
  } catch (error) {
    if (error instanceof GitHubApiError && error.kind === 'not-found') return 'none';
    throw error;
  }
}
