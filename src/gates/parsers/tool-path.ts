/**
 * Maps a path printed by a tool to a repo-relative path. A finding outside the
 * repository (another drive, the standard library) cannot be annotated on a file, so it
 * keeps its original path in the message instead of being dropped.
 */
import { toRepoPath } from '../../pipeline/repo-path.js';
import type { ParseContext } from '../types.js';

export interface LocatedPath {
  /** Repo-relative, or `''` when outside the repository. */
  path: string;
  /** Prefix for the message when the path is outside the repository. */
  outsidePrefix: string;
}

/**
 * @param line the line the tool named, kept in the message when the file is outside the
 *   repository (the diagnostic itself then has no file to point into)
 */
export function locatePath(toolPath: string | undefined, context: ParseContext, line?: number): LocatedPath {
  if (!toolPath) return { path: '', outsidePrefix: '' };
  const path = toRepoPath(toolPath, context.root, context.cwd);
  if (path !== undefined) return { path, outsidePrefix: '' };
  return { path: '', outsidePrefix: line === undefined ? `${toolPath}: ` : `${toolPath}:${line}: ` };
}
