/**
 * The repository's files as the parsers and the finalizer read them: line counts for
 * clamping, line text for fingerprints, existence for traceback frames. Read lazily,
 * once per file, never beyond a size cap.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFiles } from './types.js';

const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * {@link SourceFiles} over the files under `root`.
 * @param prefix where `root` lies in the repository (see `ParseContext.prefix`): the
 *   paths asked for are repository-relative and start with it
 */
export function createSourceFiles(root: string, prefix = ''): SourceFiles {
  const cache = new Map<string, string[] | null>();
  const lines = (repoPath: string): string[] | null => {
    if (prefix && !repoPath.startsWith(`${prefix}/`)) return null;
    const path = prefix ? repoPath.slice(prefix.length + 1) : repoPath;
    if (path === '' || path.startsWith('/') || path.split('/').includes('..')) return null;
    let cached = cache.get(path);
    if (cached === undefined) {
      cached = null;
      try {
        const full = join(root, path);
        const stat = statSync(full);
        if (stat.isFile()) {
          cached = stat.size > MAX_FILE_BYTES ? [] : readFileSync(full, 'utf8').split(/\r?\n/);
          // "a\nb\n" has two lines, not three.
          if (cached.length > 1 && cached.at(-1) === '') cached.pop();
        }
      } catch {
        cached = null;
      }
      cache.set(path, cached);
    }
    return cached;
  };
  return {
    lineCount: (path) => lines(path)?.length,
    lineText: (path, line) => lines(path)?.[line - 1],
  };
}

/** An in-memory {@link SourceFiles}, for tests and for callers that already hold the text. */
export function sourceFilesFromMap(files: Record<string, string>): SourceFiles {
  const split = (text: string) => {
    const l = text.split(/\r?\n/);
    if (l.length > 1 && l.at(-1) === '') l.pop();
    return l;
  };
  return {
    lineCount: (path) => (path in files ? split(files[path]!).length : undefined),
    lineText: (path, line) => (path in files ? split(files[path]!)[line - 1] : undefined),
  };
}
