/**
 * The local git checkout the CLI's `run` works on, over the real `git` program (execa).
 * Only what the loop needs, and nothing that can lose a user's work: status, branch
 * create/switch (never forced), add + commit of named paths, and read-only queries.
 * No reset, no force, no stash, no checkout of files. Every command runs with the
 * settings that would execute a program neutralized (./safe-config.ts).
 */
import { execa } from 'execa';
import { SpecAutomationError } from '../../pipeline/errors.js';
import { LOCAL_FILTER_QUERY, safeGitArgs } from './safe-config.js';

/** Used when neither the repository, the user's git configuration nor the environment names an author. */
export const FALLBACK_IDENTITY = { name: 'spec-automation', email: 'spec-automation@users.noreply.invalid' } as const;

/** A git command failed; the message says which one and what git said. */
export class GitError extends SpecAutomationError {
  override readonly name = 'GitError';
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** `cwd` is not inside a git work tree (or git is not installed). */
export class NotAGitCheckoutError extends SpecAutomationError {
  override readonly name = 'NotAGitCheckoutError';
}

/** One path `git status` reports as not committed. */
export interface StatusEntry {
  /** Relative to the repository root, forward slashes. */
  path: string;
  kind: 'modified' | 'added' | 'deleted' | 'renamed' | 'conflict' | 'untracked';
  /** True when the change is in the index (staged). */
  staged: boolean;
}

export interface CommitSummary {
  sha: string;
  subject: string;
}

const TIMEOUT_MS = 120_000;
const MAX_BUFFER = 64 * 1024 * 1024;

function describeKind(x: string, y: string): StatusEntry['kind'] {
  if (x === 'U' || y === 'U' || (x === 'A' && y === 'A') || (x === 'D' && y === 'D')) return 'conflict';
  if (x === 'R' || x === 'C') return 'renamed';
  if (x === 'A') return 'added';
  if (x === 'D' || y === 'D') return 'deleted';
  return 'modified';
}

/**
 * Parses `git status --porcelain=v1 -z`. Renames carry their source path as an extra
 * NUL-separated field, which is skipped.
 */
export function parsePorcelainStatus(output: string): StatusEntry[] {
  const fields = output.split('\0');
  const entries: StatusEntry[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 4) continue;
    const x = field[0]!;
    const y = field[1]!;
    const path = field.slice(3);
    if (x === '?' && y === '?') {
      entries.push({ path, kind: 'untracked', staged: false });
      continue;
    }
    if (x === '!' && y === '!') continue;
    entries.push({ path, kind: describeKind(x, y), staged: x !== ' ' && x !== '?' });
    if (x === 'R' || x === 'C') i += 1;
  }
  return entries;
}

/** A local checkout. Every method runs git in the directory the run was started for. */
export class LocalGit {
  /** The directory the run works in (may be below the repository root). */
  readonly cwd: string;
  /** The repository's top-level directory. */
  readonly root: string;
  readonly #env: Record<string, string | undefined>;

  private constructor(cwd: string, root: string, env: Record<string, string | undefined>) {
    this.cwd = cwd;
    this.root = root;
    this.#env = env;
  }

  /** Opens the checkout containing `cwd`. Throws {@link NotAGitCheckoutError}. */
  static async open(cwd: string, env: Record<string, string | undefined> = process.env): Promise<LocalGit> {
    let root: string;
    try {
      const result = await execa('git', [...safeGitArgs(), 'rev-parse', '--show-toplevel'], { cwd, env, extendEnv: false, timeout: TIMEOUT_MS, stdin: 'ignore' });
      root = result.stdout.trim();
    } catch (error) {
      const stderr = (error as { stderr?: unknown }).stderr;
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT') throw new NotAGitCheckoutError('git is not installed or not on PATH; install git (https://git-scm.com/downloads) and try again.');
      throw new NotAGitCheckoutError(
        `${cwd} is not inside a git checkout${typeof stderr === 'string' && stderr.trim() ? ` (${stderr.trim().split('\n')[0]})` : ''}. \`spec-automation run\` commits each iteration on a branch: run \`git init\` and commit your files first, or pass --cwd with the checkout's directory.`,
      );
    }
    return new LocalGit(cwd, root, env);
  }

  #safeArgs: Promise<string[]> | undefined;

  /** {@link safeGitArgs} with the filter drivers of this repository's own configuration, asked once. */
  #safety(): Promise<string[]> {
    this.#safeArgs ??= this.#run([...safeGitArgs(), ...LOCAL_FILTER_QUERY], { allowFailure: true }).then((r) => safeGitArgs(r.exitCode === 0 ? r.stdout.split('\n') : []));
    return this.#safeArgs;
  }

  async #git(args: readonly string[], options: { allowFailure?: boolean; input?: string } = {}): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    return this.#run([...(await this.#safety()), ...args], options);
  }

  async #run(args: readonly string[], options: { allowFailure?: boolean; input?: string }): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    const result = await execa('git', args, {
      cwd: this.cwd,
      env: { ...this.#env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      extendEnv: false,
      reject: false,
      ...(options.input !== undefined ? { input: options.input } : { stdin: 'ignore' as const }),
      timeout: TIMEOUT_MS,
      maxBuffer: MAX_BUFFER,
      stripFinalNewline: false,
    });
    const stdout = String(result.stdout ?? '');
    const stderr = String(result.stderr ?? '');
    const exitCode = typeof result.exitCode === 'number' ? result.exitCode : -1;
    if (exitCode !== 0 && !options.allowFailure) {
      const why = result.timedOut ? `timed out after ${TIMEOUT_MS / 1000} s` : stderr.trim().split('\n').slice(0, 3).join(' ') || `exit code ${exitCode}`;
      const shown = args.filter((a, i) => a !== '-c' && args[i - 1] !== '-c');
      throw new GitError(`git ${shown.slice(0, 3).join(' ')} failed: ${why}`, shown, stderr);
    }
    return { stdout, stderr, exitCode };
  }

  /** The commit HEAD points at, or undefined in a repository without commits. */
  async headSha(): Promise<string | undefined> {
    const { stdout, exitCode } = await this.#git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { allowFailure: true });
    return exitCode === 0 ? stdout.trim() : undefined;
  }

  /** The checked-out branch, or undefined on a detached HEAD. */
  async currentBranch(): Promise<string | undefined> {
    const { stdout, exitCode } = await this.#git(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
    return exitCode === 0 ? stdout.trim() : undefined;
  }

  /** Whether `name` is a valid branch name (`git check-ref-format --branch`). */
  async isValidBranchName(name: string): Promise<boolean> {
    if (name.startsWith('-')) return false;
    const { exitCode } = await this.#git(['check-ref-format', '--branch', name], { allowFailure: true });
    return exitCode === 0;
  }

  async branchExists(name: string): Promise<boolean> {
    const { exitCode } = await this.#git(['rev-parse', '--verify', '--quiet', `refs/heads/${name}^{commit}`], { allowFailure: true });
    return exitCode === 0;
  }

  /** Creates `name` at HEAD and switches to it. Fails (never forces) when it exists. */
  async createBranch(name: string): Promise<void> {
    await this.#git(['switch', '--create', name]);
  }

  /** Switches to an existing branch. git refuses when uncommitted changes would be overwritten; so does this. */
  async switchBranch(name: string): Promise<void> {
    await this.#git(['switch', name]);
  }

  /** Everything not committed, tracked and untracked (ignored files left out), paths relative to the repository root. */
  async status(): Promise<StatusEntry[]> {
    const { stdout } = await this.#git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=none']);
    return parsePorcelainStatus(stdout);
  }

  /** Paths (relative to cwd) that differ between `base` and HEAD. */
  async changedSince(base: string): Promise<string[]> {
    const { stdout } = await this.#git(['diff', '--name-only', '-z', '--relative', '--no-renames', base, 'HEAD', '--']);
    return stdout.split('\0').filter((p) => p !== '');
  }

  /** Commits after `base` up to HEAD, oldest first. */
  async commitsSince(base: string): Promise<CommitSummary[]> {
    const { stdout } = await this.#git(['log', '--reverse', '--format=%H%x00%s%x00', `${base}..HEAD`]);
    const parts = stdout.split('\0');
    const commits: CommitSummary[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const sha = parts[i]!.trim();
      if (sha) commits.push({ sha, subject: parts[i + 1]! });
    }
    return commits;
  }

  /** The full message of a commit. */
  async commitMessage(sha: string): Promise<string> {
    const { stdout } = await this.#git(['log', '-1', '--format=%B', sha, '--']);
    return stdout;
  }

  /**
   * Whether git ignores `path` (relative to cwd) by `.gitignore` or `info/exclude`, so
   * `add` would refuse it. A tracked file is never ignored.
   */
  async isIgnored(path: string): Promise<boolean> {
    const { exitCode } = await this.#git(['check-ignore', '--quiet', '--', path], { allowFailure: true });
    return exitCode === 0;
  }

  /** Whether `ancestor` is `descendant` or one of its ancestors. */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const { exitCode } = await this.#git(['merge-base', '--is-ancestor', ancestor, descendant], { allowFailure: true });
    return exitCode === 0;
  }

  #identity: Promise<string[]> | undefined;

  /** The identity `-c` options to add when git has no author configured anywhere (asked once per checkout). */
  #identityArgs(): Promise<string[]> {
    this.#identity ??= this.#findIdentityArgs();
    return this.#identity;
  }

  async #findIdentityArgs(): Promise<string[]> {
    const env = this.#env;
    const fromEnv = (kind: 'AUTHOR' | 'COMMITTER') => Boolean(env[`GIT_${kind}_NAME`]?.trim() && env[`GIT_${kind}_EMAIL`]?.trim());
    if (fromEnv('AUTHOR') && fromEnv('COMMITTER')) return [];
    const get = async (key: string) => (await this.#git(['config', '--get', key], { allowFailure: true })).stdout.trim();
    const [name, email] = await Promise.all([get('user.name'), get('user.email')]);
    if (name && email) return [];
    return ['-c', `user.name=${name || FALLBACK_IDENTITY.name}`, '-c', `user.email=${email || FALLBACK_IDENTITY.email}`];
  }

  /**
   * Stages exactly `paths` (relative to cwd; written, created or deleted) and commits them
   * with `message`, nothing else: other staged or modified files are left as they are.
   * Hooks are skipped (`--no-verify`): the gates judge the commit right after.
   * @returns the new commit's sha
   */
  async commit(paths: readonly string[], message: string): Promise<string> {
    if (paths.length === 0) throw new GitError('Nothing to commit: the change set is empty.', [], '');
    const identity = await this.#identityArgs();
    // `add -A` on a pathspec stages deletions too; `--` keeps a path like "-x" a path.
    await this.#git(['add', '-A', '--', ...paths]);
    // verbatim: the message is kept byte for byte (a summary line starting with # stays), so it can be recognised later.
    await this.#git([...identity, 'commit', '--quiet', '--no-verify', '--cleanup=verbatim', '--file=-', '--', ...paths], { input: message });
    const sha = await this.headSha();
    if (!sha) throw new GitError('git commit reported success, but HEAD has no commit.', ['commit'], '');
    return sha;
  }

  /**
   * An empty commit on HEAD whatever the index holds (`--only` with no paths): the commit
   * that starts a run, which names the spec in its trailers. Returns its sha.
   */
  async commitEmpty(message: string): Promise<string> {
    const identity = await this.#identityArgs();
    await this.#git([...identity, 'commit', '--quiet', '--no-verify', '--allow-empty', '--only', '--cleanup=verbatim', '--file=-'], { input: message });
    const sha = await this.headSha();
    if (!sha) throw new GitError('git commit reported success, but HEAD has no commit.', ['commit'], '');
    return sha;
  }
}
