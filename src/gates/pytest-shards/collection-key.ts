/**
 * When may a sharded pytest run skip `--collect-only` and split the test files the last
 * run collected? When nothing that decides which tests exist has changed: the
 * gate's command, interpreter and environment (the caller hashes those with this), the
 * pytest configuration files and every `conftest.py` from the repository root down to
 * the gate's directory and below it, the set of files that look like tests, and the
 * content of each of them and of every file the last run collected from.
 *
 * The set of test-like files is also read from disk, since pytest does not read
 * `.gitignore`. Test modules import the package, and a parametrization may come from there; that is
 * not hashed here (an edit to the code would always cost a collection). Instead the run
 * checks afterwards that the shards ran exactly the remembered tests (run.ts), and runs
 * as one process when they did not.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathWithin } from '../../pipeline/repo-path.js';
import type { InputHashes } from '../inputs.js';

/** Files whose content changes what pytest collects or how it names tests. */
const CONFIG_NAMES = new Set(['pyproject.toml', 'pytest.ini', '.pytest.ini', 'tox.ini', 'setup.cfg', 'conftest.py']);

/** A name pytest may collect from by default (`test_*.py`, `*_test.py`), or a plugin's `test*` file of another kind. */
const TEST_LIKE = /^test[^/]*\.\w+$|_test\.py$/;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirName(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/**
 * Whether the configuration may widen what pytest collects beyond the default names:
 * `python_files`, doctests (`--doctest-modules`, `doctest_glob`), or a gate argument
 * that does. Then every file under the gate's directory counts (its path, not its content).
 */
export function widensCollection(configTexts: readonly string[], args: readonly string[]): boolean {
  return configTexts.some((t) => /python_files|doctest/i.test(t)) || args.some((a) => /doctest/i.test(a));
}

/** The gate's directory relative to the root, with `/` (`''` for the root itself). */
export function relativeDir(root: string, cwd: string): string {
  return pathWithin(root, cwd) ?? '';
}

/** The text of the pytest configuration files from the gate's directory up to the root (for {@link widensCollection}). */
export async function configTexts(root: string, cwd: string): Promise<string[]> {
  const dirs = [cwd];
  for (let d = cwd; relative(root, d) !== '' && !relative(root, d).startsWith('..') && dirname(d) !== d; ) dirs.push((d = dirname(d)));
  const names = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'];
  const texts = await Promise.all(dirs.flatMap((d) => names.map((n) => readFile(join(d, n), 'utf8').catch(() => ''))));
  return texts.filter((t) => t !== '');
}

/** Directories pytest does not recurse into by default (`norecursedirs`), and environments. */
const NOT_COLLECTED = ['**/.*/**', '**/node_modules/**', '**/venv/**', '**/__pycache__/**', '**/build/**', '**/dist/**', '**/*.egg/**', '**/_darcs/**', '**/CVS/**', '**/{arch}/**'];

/**
 * The test-like files under the gate's directory as they are on disk (relative, `/`,
 * sorted): git's listing leaves out the files it ignores, and pytest does not.
 */
export async function testLikeOnDisk(cwd: string, widened: boolean): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const patterns = widened ? ['**/*.py'] : ['**/test*.*', '**/*_test.py'];
  const found = await glob(patterns, { cwd, onlyFiles: true, dot: false, ignore: NOT_COLLECTED, followSymbolicLinks: false });
  return found.filter((p) => widened || TEST_LIKE.test(baseName(p))).sort();
}

export interface CollectionKeyInput {
  /** Repo-relative path → content identity (inputs.ts). */
  hashes: InputHashes;
  /** The gate's directory, repo-relative with `/` (`''` for the root). */
  cwd: string;
  /** The files the last run collected from, relative to the gate's directory. */
  testFiles: readonly string[];
  /** See {@link widensCollection}. */
  widened: boolean;
  /** {@link testLikeOnDisk}: files git ignores count too. */
  onDisk?: readonly string[];
}

/** A digest over what decides the collection; equal digests mean the remembered collection may be reused. */
export function collectionDigest(input: CollectionKeyInput): string {
  const { hashes, cwd, widened } = input;
  const prefix = cwd === '' ? '' : `${cwd}/`;
  const remembered = new Set(input.testFiles.map((f) => `${prefix}${f.replace(/\\/g, '/').replace(/^\.\//, '')}`));
  // The configuration is looked for upwards from the gate's directory (pytest's rootdir and inifile search).
  const ancestors = new Set<string>(['']);
  for (let d = cwd; d !== ''; d = dirName(d)) ancestors.add(d);
  const hash = createHash('sha256');
  hash.update(`widened:${widened}\n`);
  for (const path of [...hashes.keys()].sort()) {
    const name = baseName(path);
    const under = prefix === '' || path.startsWith(prefix);
    const config = CONFIG_NAMES.has(name) && (ancestors.has(dirName(path)) || (under && name === 'conftest.py'));
    if (config || remembered.has(path) || (under && TEST_LIKE.test(name))) hash.update(`${path}\0${hashes.get(path)}\n`);
    else if (under && widened) hash.update(`${path}\n`);
  }
  for (const path of input.onDisk ?? []) hash.update(`disk:${path}\n`);
  // A remembered file that is gone changes the collection too.
  for (const path of [...remembered].sort()) if (!hashes.has(path)) hash.update(`gone:${path}\n`);
  return hash.digest('hex');
}
