/**
 * The lock file (`revalidate.lockFile`, default `.spec-automation/lock.json`) in the
 * local checkout: read for the iteration plan, which adds the spec's entry
 * (src/pipeline/workflow/iteration.ts, `planLockUpdate`), and written by the run itself
 * (never by the agent, which may not write there) before the iteration's commit.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LocalGit } from '../../adapters/git/local-git.js';
import type { LockRead } from '../../pipeline/workflow/iteration.js';

/** The lock file's new text, to write and commit with an iteration. */
export interface LockWrite {
  /** Relative to the project directory, forward slashes. */
  path: string;
  content: string;
}

/** The lock file at `path` (relative to `root`): its text (undefined when missing), or why it cannot be used. */
export async function readLock(root: string, path: string, git: Pick<LocalGit, 'isIgnored'>): Promise<LockRead> {
  if (await git.isIgnored(path)) return { kind: 'ignored' };
  try {
    return { kind: 'text', text: await readFile(join(root, ...path.split('/')), 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'text', text: undefined };
    return { kind: 'unreadable', reason: (error as Error).message };
  }
}

/** Writes the lock file's new text (its directory created when missing). */
export async function writeLock(root: string, write: LockWrite): Promise<void> {
  const file = join(root, ...write.path.split('/'));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, write.content, 'utf8');
}
