/**
 * What a gate reads, as content hashes: the cache key's largest part. Tracked files come
 * from git's index (blob ids, no reading), working-tree changes and untracked files are
 * hashed from disk, so an uncommitted edit invalidates the cache as it should. A file on
 * disk is hashed as git hashes a blob, so the same content has the same key whether it is
 * committed or not: the gates run by the agent's `run_gates` on its working tree answer
 * the run's gates after the commit from the cache. Outside a git repository every file
 * is listed and keyed by size and mtime.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputSelection } from './default-inputs.js';
import { safeGitArgsIn } from '../adapters/git/safe-config.js';

/** Untracked files that never count as inputs: caches, build output, environments. */
const IGNORED_UNTRACKED = ['.spec-automation', '.venv', 'venv', 'node_modules', '__pycache__', '*.pyc', '.pytest_cache', '.ruff_cache', '.mypy_cache', '.tox', '.nox', '.git'];

/** spec-automation's own directory, at any depth. */
const OWN_STATE = /(^|\/)\.spec-automation\//;

/** Repo-relative path → content identity. */
export type InputHashes = Map<string, string>;

async function git(args: string[], cwd: string): Promise<string> {
  // A checkout's own .git/config must not run a program (core.fsmonitor, a clean filter on ls-files).
  const safe = await safeGitArgsIn(cwd);
  return new Promise((resolve, reject) => {
    execFile('git', [...safe, ...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', windowsHide: true }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

function nulSplit(text: string): string[] {
  return text.split('\0').filter((s) => s !== '');
}

/** Git's blob id of a file on disk (`git hash-object`, without filters), or 'missing'. */
async function blobId(full: string): Promise<string> {
  let content: Buffer;
  try {
    content = await readFile(full);
  } catch {
    return 'missing';
  }
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

async function fromGit(root: string): Promise<InputHashes> {
  const excludes = IGNORED_UNTRACKED.flatMap((p) => ['--exclude', p]);
  const [staged, changed] = await Promise.all([
    git(['ls-files', '-z', '--stage'], root),
    git(['ls-files', '-z', '--modified', '--others', '--deleted', '--exclude-standard', ...excludes], root),
  ]);
  const hashes: InputHashes = new Map();
  for (const entry of nulSplit(staged)) {
    // "<mode> <sha> <stage>\t<path>"
    const tab = entry.indexOf('\t');
    const sha = entry.split(' ')[1];
    const path = entry.slice(tab + 1);
    // spec-automation's own state (a committed revalidation lock, say) is not something a gate checks.
    if (tab > 0 && sha && !OWN_STATE.test(path)) hashes.set(path, sha);
  }
  const dirty = [...new Set(nulSplit(changed))];
  await Promise.all(
    dirty.map(async (path) => {
      const hash = await blobId(join(root, path));
      if (hash === 'missing') hashes.delete(path);
      else hashes.set(path, hash);
    }),
  );
  return hashes;
}

async function fromWalk(root: string): Promise<InputHashes> {
  const { glob } = await import('tinyglobby');
  const files = await glob(['**/*'], { cwd: root, dot: true, onlyFiles: true, ignore: IGNORED_UNTRACKED.map((p) => `**/${p}/**`).concat(['**/*.pyc']) });
  const hashes: InputHashes = new Map();
  await Promise.all(
    files.map(async (path) => {
      try {
        const s = await stat(join(root, path));
        hashes.set(path, `stat:${s.size}:${s.mtimeMs}`);
      } catch {
        // Vanished while listing.
      }
    }),
  );
  return hashes;
}

/** Every input file of the repository at `root` with its content identity. */
export async function listInputs(root: string): Promise<InputHashes> {
  try {
    return await fromGit(root);
  } catch {
    return fromWalk(root);
  }
}

/**
 * One hash over the files a gate reads: all of them, those its `inputs` globs match, or
 * a default selection (include minus exclude, see default-inputs.ts).
 */
export async function inputsDigest(hashes: InputHashes, selection: readonly string[] | InputSelection | undefined): Promise<string> {
  const { include, exclude } = Array.isArray(selection) ? { include: selection as readonly string[], exclude: [] as string[] } : ((selection as InputSelection | undefined) ?? { include: [], exclude: [] });
  const picomatch = include.length > 0 ? (await import('picomatch')).default : undefined;
  const included = picomatch ? picomatch([...include], { dot: true }) : undefined;
  const excluded = picomatch && exclude.length > 0 ? picomatch([...exclude], { dot: true }) : undefined;
  const hash = createHash('sha256');
  for (const path of [...hashes.keys()].sort()) {
    if (included && !included(path)) continue;
    if (excluded?.(path)) continue;
    hash.update(`${path}\0${hashes.get(path)}\n`);
  }
  return hash.digest('hex');
}
