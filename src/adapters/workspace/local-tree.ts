/**
 * The local file system as the agent's base tree (the CLI's workspace port). Lists what
 * git would track (`git ls-files`: tracked plus untracked-but-not-ignored), so virtualenvs,
 * caches and build output stay out of the agent's view; falls back to walking the
 * directory with a built-in skip list when the root is not a git checkout.
 */
import { lstat, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { checkReadablePath, normalizeAgentPath, WorkspaceError } from '../../pipeline/agent/guards.js';
import { classifyBytes, type BaseFile, type WorkspacePort } from '../../pipeline/agent/workspace-port.js';
import { safeGitArgsIn } from '../git/safe-config.js';
import { absoluteOf, relativeOf, resolveInsideRoot } from './inside-root.js';

export interface LocalTreeOptions {
  /** Files above this size are reported as too large instead of read. Default 1 MiB. */
  maxReadBytes?: number;
  /** Use `git ls-files` for the listing when the root is a git checkout. Default true. */
  useGit?: boolean;
}

/** Directories never listed by the fallback walk. */
export const SKIPPED_DIRECTORIES = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.tox',
  '.nox',
  '.spec-automation',
  '.idea',
  '.vscode',
]);

export class LocalTree implements WorkspacePort {
  readonly root: string;
  readonly #maxReadBytes: number;
  readonly #useGit: boolean;

  private constructor(rootReal: string, options: LocalTreeOptions) {
    this.root = rootReal;
    this.#maxReadBytes = options.maxReadBytes ?? 1024 * 1024;
    this.#useGit = options.useGit ?? true;
  }

  /** Opens the tree at `root`, which must be an existing directory. */
  static async open(root: string, options: LocalTreeOptions = {}): Promise<LocalTree> {
    let rootReal: string;
    try {
      rootReal = await realpath(root);
    } catch (error) {
      throw new Error(`The workspace root ${root} does not exist or cannot be read: ${(error as Error).message}`, { cause: error });
    }
    if (!(await stat(rootReal)).isDirectory()) throw new Error(`The workspace root ${root} is not a directory.`);
    return new LocalTree(rootReal, options);
  }

  #symlinks = new Map<string, string>();

  async listFiles(): Promise<string[]> {
    const links = new Map<string, string>();
    const fromGit = this.#useGit ? await this.#gitFiles() : undefined;
    const candidates = fromGit ?? (await this.#walk(''));
    const files = new Set<string>();
    for (const candidate of candidates) {
      let rel: string;
      try {
        rel = normalizeAgentPath(candidate);
      } catch {
        // A name the agent could never address (a `:` in it, say) is left out of its view.
        continue;
      }
      // ls-files lists deleted-but-tracked files and submodules (directories); keep files and symlinks only.
      const st = await lstat(absoluteOf(this.root, rel)).catch(() => undefined);
      if (st && (st.isFile() || st.isSymbolicLink())) files.add(rel);
      if (st?.isSymbolicLink()) links.set(rel, await readlink(absoluteOf(this.root, rel)).catch(() => '?'));
    }
    this.#symlinks = links;
    return [...files].sort();
  }

  /** The symbolic links of the last {@link listFiles}, path → target as written in the link. */
  async symlinks(): Promise<ReadonlyMap<string, string>> {
    return this.#symlinks;
  }

  async realPath(path: string): Promise<string | undefined> {
    const rel = normalizeAgentPath(path);
    const { real } = await resolveInsideRoot(this.root, rel);
    const relReal = relativeOf(this.root, real);
    return relReal === rel ? undefined : relReal;
  }

  async readFile(path: string): Promise<BaseFile | undefined> {
    const rel = normalizeAgentPath(path);
    checkReadablePath(rel);
    const { real, exists } = await resolveInsideRoot(this.root, rel);
    // The rules hold for where the path leads, not only for its text: `gitlink -> .git`.
    checkReadablePath(relativeOf(this.root, real));
    if (!exists) return undefined;
    const st = await stat(real);
    if (st.isDirectory()) throw new WorkspaceError('is-directory', `"${rel}" is a directory, not a file; use list_files to see inside it.`, rel);
    if (!st.isFile()) throw new WorkspaceError('io', `"${rel}" is not a regular file.`, rel);
    if (st.size > this.#maxReadBytes) return { kind: 'too-large', bytes: st.size };
    return classifyBytes(await readFile(real));
  }

  /**
   * Tracked files, plus untracked files git does not ignore. Untracked files inside a
   * skipped directory are left out too: a virtualenv a repository forgot to ignore would
   * otherwise flood the listing.
   */
  async #gitFiles(): Promise<string[] | undefined> {
    const safe = await safeGitArgsIn(this.root);
    const run = async (args: string[]) => {
      const result = await execa('git', [...safe, 'ls-files', '-z', ...args], { cwd: this.root, stripFinalNewline: false, timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
      return result.stdout.split('\0').filter((entry) => entry !== '');
    };
    try {
      const tracked = await run(['--cached']);
      const untracked = (await run(['--others', '--exclude-standard'])).filter((f) => !f.split('/').some((seg) => SKIPPED_DIRECTORIES.has(seg)));
      return [...new Set([...tracked, ...untracked])];
    } catch {
      return undefined;
    }
  }

  async #walk(dir: string): Promise<string[]> {
    const out: string[] = [];
    const entries = await readdir(dir === '' ? this.root : join(this.root, ...dir.split('/')), { withFileTypes: true });
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) out.push(...(await this.#walk(rel)));
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        out.push(rel);
      }
    }
    return out;
  }
}
