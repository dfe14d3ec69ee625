/**
 * Keeps file-system access inside the repository root after symlinks are resolved. The
 * path guards refuse `..` and absolute paths as text; this catches the escape the text
 * cannot show: `docs -> /etc`, then `docs/passwd`.
 */
import { lstat, realpath } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { WorkspaceError } from '../../pipeline/agent/guards.js';

/** True when the real path `p` is `root` or below it. Both must be real (symlink-free) paths. */
export function isInside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The absolute path of a normalized repo-relative path. */
export function absoluteOf(rootReal: string, relPath: string): string {
  return join(rootReal, ...relPath.split('/'));
}

/** The repo-relative path (forward slashes) of a real path inside `rootReal`; `''` for the root itself. */
export function relativeOf(rootReal: string, real: string): string {
  return real === rootReal ? '' : real.slice(rootReal.length + 1).split(sep).join('/');
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The real path `relPath` resolves to, checked to be inside `rootReal`: the file itself
 * when it exists, else its nearest existing ancestor (where a new file would be created).
 * Throws `outside-root` when a symlink leads out of the root.
 *
 * @returns `exists` false when the file itself does not exist
 */
export async function resolveInsideRoot(rootReal: string, relPath: string): Promise<{ real: string; exists: boolean }> {
  const abs = absoluteOf(rootReal, relPath);
  let probe = abs;
  for (;;) {
    try {
      const real = await realpath(probe);
      if (!isInside(rootReal, real)) {
        throw new WorkspaceError(
          'outside-root',
          `"${relPath}" leads outside the repository through a symbolic link${probe === abs ? '' : ` (at "${probe.slice(rootReal.length + 1).split(sep).join('/')}")`}; the agent may only use files inside it.`,
          relPath,
        );
      }
      return { real: probe === abs ? real : join(real, abs.slice(probe.length)), exists: probe === abs };
    } catch (error) {
      if (error instanceof WorkspaceError) throw error;
      if (!isMissing(error)) {
        throw new WorkspaceError('io', `Could not resolve "${relPath}": ${(error as Error).message}`, relPath, { cause: error });
      }
      // A dangling symlink: realpath fails although the link itself exists.
      if (probe === abs) {
        const link = await lstat(abs).catch(() => undefined);
        if (link?.isSymbolicLink()) {
          throw new WorkspaceError('outside-root', `"${relPath}" is a symbolic link whose target does not exist; the agent does not follow it.`, relPath);
        }
      }
      const parent = dirname(probe);
      if (parent === probe || !isInside(rootReal, parent)) {
        throw new WorkspaceError('outside-root', `"${relPath}" is not inside the repository.`, relPath);
      }
      probe = parent;
    }
  }
}
