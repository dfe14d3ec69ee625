/**
 * One file of a repository through the contents API: the app reads
 * `.github/spec-automation.yml` this way (as text, so configuration errors keep their
 * line numbers) without listing the whole tree.
 */
import { GitHubApiError, attempt } from './errors.js';
import type { GitHubClient, RepoRef } from './types.js';

/** Files above this are refused (the contents API serves up to 1 MB inline). */
const MAX_BYTES = 1024 * 1024;

/**
 * The text of `path` at `ref` (default: the default branch), or undefined when there is
 * no such file. A directory or a file too large for the API is an error.
 */
export async function readRepoFile(client: GitHubClient, repo: RepoRef, path: string, ref?: string): Promise<{ text: string; sha: string } | undefined> {
  let data: unknown;
  try {
    const r = await attempt({ operation: `read ${path}${ref ? ` at ${ref.slice(0, 12)}` : ''}`, permission: 'contents: read' }, () =>
      client.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path, ...(ref ? { ref } : {}) }),
    );
    data = r.data;
  } catch (error) {
    if (error instanceof GitHubApiError && error.kind === 'not-found') return undefined;
    throw error;
  }
  if (Array.isArray(data) || typeof data !== 'object' || data === null || (data as { type?: string }).type !== 'file') {
    throw new GitHubApiError({ kind: 'other', operation: `read ${path}`, reason: `${path} is not a file`, fix: `Make ${path} a regular file.` });
  }
  const file = data as { content?: string; encoding?: string; size?: number; sha: string };
  if ((file.size ?? 0) > MAX_BYTES || typeof file.content !== 'string' || file.encoding !== 'base64') {
    throw new GitHubApiError({ kind: 'other', operation: `read ${path}`, reason: `${path} is too large (${file.size ?? '?'} bytes)`, fix: `Keep ${path} under ${MAX_BYTES} bytes.` });
  }
  return { text: Buffer.from(file.content, 'base64').toString('utf8'), sha: file.sha };
}
