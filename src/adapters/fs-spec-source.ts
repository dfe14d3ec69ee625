/**
 * The local file system as a {@link SpecSource}: every file under a root (dependency,
 * VCS and cache folders skipped), read as bytes. Used by the CLI and the action.
 */
import { readFile } from 'node:fs/promises';
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
    async read(path: string): Promise<Uint8Array> {
      if (path.split('/').includes('..')) throw new Error(`refusing to read outside the repository: ${path}`);
      const buffer = await readFile(`${root}/${path}`);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  };
}
