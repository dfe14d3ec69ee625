/**
 * The local file system as a {@link SpecSource}: every file under a root (dependency,
 * VCS and cache folders skipped), read as bytes. Used by the CLI and the action.
 */
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import type { SpecSource } from '../pipeline/spec/source.js';

/** Folders never listed: they hold no specs and can be huge. */
export const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**', '**/.mypy_cache/**', '**/.pytest_cache/**', '**/.ruff_cache/**', '**/.spec-automation/**'];

/**
 * Creates a source over `root` (an absolute directory).
 * @param options.ignore extra globs to leave out of the listing
 */
export function createFsSpecSource(root: string, options: { ignore?: string[] } = {}): SpecSource {
  return {
    async list(): Promise<string[]> {
      const files = await glob('**/*', {
        cwd: root,
        dot: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        ignore: [...SKIPPED_FOLDERS, ...(options.ignore ?? [])],
        expandDirectories: false,
      });
      return files.map((f) => f.replace(/\\/g, '/')).sort();
    },
    read(path: string): Promise<Uint8Array> {
      if (path.split('/').includes('..')) return Promise.reject(new Error(`refusing to read outside the repository: ${path}`));
      // Synchronous: a spec is small, and validating one file reads a thousand candidates for
      // its index, where the promise API's three round trips per file cost several times more.
      try {
        const buffer = readFileSync(`${root}/${path}`);
        return Promise.resolve(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}
