/**
 * The spec's entry in the lock file (`revalidate.lockFile`, default
 * `.spec-automation/lock.json`), written by the app into the agent's own commit on the
 * spec branch, each iteration again, with the pull request's number and URL: the entry
 * merges with the pull request, and no commit of its own re-triggers the gates workflow.
 * What goes into the entry, and why it names no commit, is {@link lockEntryForRun}'s to
 * say. A lock file that cannot be read safely is never overwritten.
 */
import { LockFileError, lockEntryForRun, lockPathOf, recordImplementation } from '../pipeline/drift/index.js';
import type { ParsedSpec } from '../pipeline/spec/model.js';

export type LockUpdate = { kind: 'write'; path: string; content: string } | { kind: 'skip'; reason: string };

export interface LockUpdateRequest {
  /** Reads a file of the branch's tree; undefined when there is no such file. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** `revalidate.lockFile`. */
  lockFile: string;
  /** The spec as the agent implemented it, and the bytes it was parsed from. */
  spec: ParsedSpec;
  specBytes: Uint8Array;
  pr: { number: number; url: string | undefined };
  at: Date;
}

/** The lock file with the spec's entry added or replaced, or why it is not recorded. Never throws. */
export async function lockUpdateOnBranch(request: LockUpdateRequest): Promise<LockUpdate> {
  const { spec } = request;
  const path = lockPathOf(request.lockFile);
  if (!path) return { kind: 'skip', reason: `revalidate.lockFile (${request.lockFile}) lies outside the repository, so ${spec.path} is not recorded in it.` };
  let current: string | undefined;
  try {
    const bytes = await request.read(path);
    current = bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
  } catch (error) {
    return { kind: 'skip', reason: `${path} could not be read from the branch (${error instanceof Error ? error.message : String(error)}), so ${spec.path} is not recorded in it.` };
  }
  const pr = { number: request.pr.number, ...(request.pr.url ? { url: request.pr.url } : {}) };
  try {
    return { kind: 'write', path, content: recordImplementation(current, lockEntryForRun(spec, request.specBytes, { pr, implementedAt: request.at })) };
  } catch (error) {
    if (!(error instanceof LockFileError)) return { kind: 'skip', reason: `${path} could not be updated (${error instanceof Error ? error.message : String(error)}).` };
    return { kind: 'skip', reason: `${path}: ${error.message}. The run goes on without recording ${spec.path} and leaves the file as it is.` };
  }
}
