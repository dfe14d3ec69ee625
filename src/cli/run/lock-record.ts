/**
 * The spec's entry in the lock file (`revalidate.lockFile`, default
 * `.spec-automation/lock.json`), written by the run itself (never by the agent, which may
 * not write there) into each agent commit: a branch that ends ready carries the record
 * of what it implemented, and `spec-automation status` on it reports the spec as
 * implemented. What goes into the entry, and why it names no commit, is
 * {@link lockEntryForRun}'s to say.
 *
 * A lock file that cannot be read safely (merge-conflict markers, invalid JSON, a newer
 * version) is never overwritten: the run says why and goes on without recording.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LocalGit } from '../../adapters/git/local-git.js';
import { LockFileError, lockEntryForRun, lockPathOf, recordImplementation } from '../../pipeline/drift/index.js';
import type { ParsedSpec } from '../../pipeline/spec/model.js';

/** The lock file's new text, to write and commit with an iteration. */
export interface LockWrite {
  /** Relative to the project directory, forward slashes. */
  path: string;
  content: string;
}

export type LockUpdate = { kind: 'write'; write: LockWrite } | { kind: 'skip'; reason: string };

export interface LockUpdateRequest {
  /** The project directory. */
  root: string;
  /** `revalidate.lockFile`. */
  lockFile: string;
  spec: ParsedSpec;
  at: Date;
  git: Pick<LocalGit, 'isIgnored'>;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The lock file with the spec's entry added or replaced, or why it is not recorded.
 * Never throws for a bad lock file or path; only an unexpected I/O error escapes.
 */
export async function lockUpdateFor(request: LockUpdateRequest): Promise<LockUpdate> {
  const { root, spec } = request;
  const path = lockPathOf(request.lockFile);
  if (!path) return { kind: 'skip', reason: `revalidate.lockFile (${request.lockFile}) lies outside the project directory, so the run does not record ${spec.path} in it.` };
  if (await request.git.isIgnored(path)) {
    return { kind: 'skip', reason: `${path} is ignored by git (.gitignore), so it could not be committed and the run does not record ${spec.path} in it. Take it out of .gitignore (the lock file belongs in the repository) to record implementations.` };
  }
  let current: string | undefined;
  try {
    current = await readIfExists(join(root, ...path.split('/')));
  } catch (error) {
    return { kind: 'skip', reason: `${path} could not be read (${(error as Error).message}), so the run does not record ${spec.path} in it and leaves it as it is.` };
  }
  const bytes = await readFile(join(root, ...spec.path.split('/'))).catch(() => undefined);
  try {
    return { kind: 'write', write: { path, content: recordImplementation(current, lockEntryForRun(spec, bytes, { implementedAt: request.at })) } };
  } catch (error) {
    if (!(error instanceof LockFileError)) throw error;
    return { kind: 'skip', reason: `${path}: ${error.message}. The run goes on without recording ${spec.path} and leaves the file as it is.` };
  }
}

/** Writes the lock file's new text (its directory created when missing). */
export async function writeLock(root: string, write: LockWrite): Promise<void> {
  const file = join(root, ...write.path.split('/'));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, write.content, 'utf8');
}
