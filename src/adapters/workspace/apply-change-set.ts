/**
 * Writes an agent change set to a local checkout. Plan, then apply: every change is
 * checked against the same guards the change set used (a change set may come from a
 * state file on disk, so it is not trusted either) before the first byte is written;
 * each file is written to a temporary file in its directory and renamed over the
 * target, so a crash leaves either the old or the new content, never half a file.
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, realpath, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileChange } from '../../pipeline/agent/change-set.js';
import { checkContent, checkWritablePath, normalizeAgentPath, WorkspaceError, type WritePolicy } from '../../pipeline/agent/guards.js';
import { absoluteOf, relativeOf, resolveInsideRoot } from './inside-root.js';

export interface AppliedChanges {
  written: string[];
  deleted: string[];
}

interface PlannedChange {
  change: FileChange;
  abs: string;
  /** Mode bits of the file being replaced, kept on the new content (executable scripts stay executable). */
  mode?: number;
}

/** Checks every change; throws the first refusal as a {@link WorkspaceError}. */
async function plan(rootReal: string, changes: readonly FileChange[], policy: WritePolicy): Promise<PlannedChange[]> {
  if (changes.length > policy.maxFilesChanged) {
    throw new WorkspaceError('too-many-files', `The change set changes ${changes.length} files, over the limit of ${policy.maxFilesChanged} (agent.limits.maxFilesChanged).`);
  }
  const seen = new Set<string>();
  let total = 0;
  const planned: PlannedChange[] = [];
  for (const change of changes) {
    const path = normalizeAgentPath(change.path);
    if (path !== change.path) throw new WorkspaceError('invalid-path', `The change set path ${JSON.stringify(change.path)} is not normalized (expected "${path}").`, change.path);
    if (seen.has(path)) throw new WorkspaceError('invalid-path', `The change set changes "${path}" twice.`, path);
    seen.add(path);
    checkWritablePath(path, policy);
    if (change.action !== 'delete') {
      total += checkContent(path, change.content, policy);
      if (total > policy.maxTotalBytes) {
        throw new WorkspaceError('total-too-large', `The change set holds more than ${policy.maxTotalBytes} bytes (agent.limits.maxTotalBytes).`, path);
      }
    }
    const { real, exists } = await resolveInsideRoot(rootReal, path);
    // The rules hold for where the path leads too: `gitlink -> .git` makes `gitlink/config` `.git/config`.
    const relReal = relativeOf(rootReal, real);
    if (relReal !== path) checkWritablePath(relReal, policy);
    const abs = absoluteOf(rootReal, path);
    let mode: number | undefined;
    if (exists) {
      const st = await lstat(abs);
      if (st.isDirectory()) throw new WorkspaceError('is-directory', `"${path}" is a directory; the change set can only replace files.`, path);
      if (st.isSymbolicLink() && change.action !== 'delete') {
        throw new WorkspaceError('outside-root', `"${path}" is a symbolic link; writing would change its target, so it is refused.`, path);
      }
      mode = st.mode & 0o777;
    } else if (change.action !== 'delete') {
      await checkParentIsDirectory(rootReal, abs, path);
    }
    planned.push({ change, abs, ...(mode !== undefined ? { mode } : {}) });
  }
  return planned;
}

/** A new file needs directories above it; a file standing where a directory must be is refused now, not halfway through. */
async function checkParentIsDirectory(rootReal: string, abs: string, path: string): Promise<void> {
  for (let dir = dirname(abs); dir.length >= rootReal.length; dir = dirname(dir)) {
    const st = await lstat(dir).catch(() => undefined);
    if (!st) continue;
    if (!st.isDirectory() && !st.isSymbolicLink()) {
      throw new WorkspaceError('invalid-path', `Cannot create "${path}": "${dir.slice(rootReal.length + 1).split(/[\\/]/).join('/')}" is a file, not a directory.`, path);
    }
    return;
  }
}

async function writeAtomically(abs: string, content: string, mode: number | undefined): Promise<void> {
  await mkdir(dirname(abs), { recursive: true });
  const temp = join(dirname(abs), `.${basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, abs);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Applies `changes` under `root`. Nothing is written when any change is refused. A
 * failure while writing (disk full, permissions) stops at that file; files written
 * before it stay written, each of them whole.
 */
export async function applyChangeSet(root: string, changes: readonly FileChange[], policy: WritePolicy): Promise<AppliedChanges> {
  const rootReal = await realpath(root);
  const planned = await plan(rootReal, changes, policy);
  const applied: AppliedChanges = { written: [], deleted: [] };
  for (const { change, abs, mode } of planned) {
    if (change.action === 'delete') {
      await unlink(abs).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      applied.deleted.push(change.path);
    } else {
      await writeAtomically(abs, change.content, mode);
      applied.written.push(change.path);
    }
  }
  return applied;
}
