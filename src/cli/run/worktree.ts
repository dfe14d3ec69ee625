/**
 * "Is the checkout clean enough to run on?" Anything not committed that the agent could
 * read, overwrite or sweep into a commit blocks the run: tracked changes (staged or
 * not) and untracked files git does not ignore. Left out: the run's own files (state,
 * reports, the gates' cache under `.spec-automation/`; a committed
 * `.spec-automation/lock.json` still counts) and untracked files inside directories the
 * agent never sees (`__pycache__`, virtualenvs, tool caches), which running the gates
 * creates.
 */
import { realpath } from 'node:fs/promises';
import type { LocalGit, StatusEntry } from '../../adapters/git/local-git.js';
import { SKIPPED_DIRECTORIES } from '../../adapters/workspace/local-tree.js';
import { pathWithin } from '../../pipeline/repo-path.js';
import { REPORTS_DIR, RUN_DIR, STATE_DIR } from './state-store.js';

/** Directories the tool writes for itself while it runs. */
const OWN_DIRS = [STATE_DIR, REPORTS_DIR, `${RUN_DIR}/cache`];

export interface BlockingEntry extends StatusEntry {
  /** The path relative to the project directory, when it lies inside it. */
  cwdPath?: string;
}

/** The project directory relative to the repository root, `''` or `sub/dir/`. */
async function prefixOf(git: LocalGit, root: string): Promise<string> {
  const [repo, project] = await Promise.all([realpath(git.root), realpath(root)]);
  const rel = pathWithin(repo, project) ?? '';
  return rel === '' ? '' : `${rel}/`;
}

/** Pure: which status entries block a run, for a project at `prefix` in the repository. */
export function filterBlocking(entries: readonly StatusEntry[], prefix: string): BlockingEntry[] {
  const out: BlockingEntry[] = [];
  for (const entry of entries) {
    const cwdPath = entry.path.startsWith(prefix) ? entry.path.slice(prefix.length) : undefined;
    if (cwdPath !== undefined && OWN_DIRS.some((dir) => cwdPath.startsWith(`${dir}/`))) continue;
    if (entry.kind === 'untracked' && entry.path.split('/').some((segment) => SKIPPED_DIRECTORIES.has(segment))) continue;
    out.push({ ...entry, ...(cwdPath !== undefined ? { cwdPath } : {}) });
  }
  return out;
}

/** The uncommitted changes that block a run (see the module comment). */
export async function blockingChanges(git: LocalGit, root: string): Promise<BlockingEntry[]> {
  return filterBlocking(await git.status(), await prefixOf(git, root));
}

/** The refusal for a dirty checkout: what is in the way and how to clear it without losing it. */
export function dirtyTreeMessage(entries: readonly StatusEntry[]): string {
  const shown = entries.slice(0, 10).map((e) => `  ${e.kind.padEnd(9)} ${e.path}`);
  if (entries.length > 10) shown.push(`  … and ${entries.length - 10} more`);
  return [
    `The checkout has uncommitted changes, so the run did not start (the agent commits on a branch of its own, and your work must not end up in its commits or be overwritten):`,
    ...shown,
    '',
    'Commit them (`git add -A && git commit`), or put them aside with `git stash --include-untracked` (`git stash pop` brings them back), or add files that should never be committed to .gitignore. Then run again.',
  ].join('\n');
}
