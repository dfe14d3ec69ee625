/**
 * git settings that run a program, neutralized on every git command spec-automation
 * starts. A repository's own `.git/config` is not the user's: a checkout may come with
 * one planted (a symlink the agent wrote through, a cloned fixture, a pull request's
 * workspace), and `core.fsmonitor` in it runs its command on the next `git status`,
 * `git add` or `git ls-files`, hooks run on `commit` and `switch`. Command-line `-c`
 * settings override every configuration file, so these hold whatever the files say.
 */
import { execFile } from 'node:child_process';

/** `-c` pairs that switch off what a configuration file could make git execute. */
export const SAFE_GIT_CONFIG: readonly string[] = [
  // An empty value is "off" for both the boolean (git ≥ 2.36) and the hook-path form.
  'core.fsmonitor=',
  // No hooks at all (`--no-verify` skips only pre-commit and commit-msg; post-commit and post-checkout still ran).
  'core.hooksPath=/dev/null',
  'core.sshCommand=',
  'core.askPass=',
  'core.pager=cat',
  'core.editor=true',
  'diff.external=',
  'credential.helper=',
  'protocol.ext.allow=never',
];

/** The filter-driver keys git runs a command for (`filter.<driver>.clean` on add, `smudge` on switch). */
const FILTER_KEY = /^filter\.(.+)\.(clean|smudge|process)$/i;

/**
 * The `-c` arguments to put before a git subcommand: {@link SAFE_GIT_CONFIG}, plus the
 * filter drivers a repository's own configuration defines (`git config --local
 * --name-only --get-regexp ^filter\.`, which runs nothing), each switched off.
 */
export function safeGitArgs(localFilterKeys: readonly string[] = []): string[] {
  const drivers = new Set<string>();
  for (const key of localFilterKeys) {
    const m = FILTER_KEY.exec(key.trim());
    if (m) drivers.add(m[1]!);
  }
  const filters = [...drivers].flatMap((d) => [`filter.${d}.clean=`, `filter.${d}.smudge=`, `filter.${d}.process=`, `filter.${d}.required=false`]);
  return [...SAFE_GIT_CONFIG, ...filters].flatMap((setting) => ['-c', setting]);
}

/** The arguments that list the filter keys of a repository's own configuration, for {@link safeGitArgs}. */
export const LOCAL_FILTER_QUERY: readonly string[] = ['config', '--local', '--name-only', '--get-regexp', '^filter\\.'];

/** {@link safeGitArgs} for the repository at `cwd`, its own filter drivers found first. */
export function safeGitArgsIn(cwd: string): Promise<string[]> {
  return new Promise((resolve) => {
    execFile('git', [...safeGitArgs(), ...LOCAL_FILTER_QUERY], { cwd, encoding: 'utf8', windowsHide: true, timeout: 30_000 }, (error, stdout) => {
      // Exit 1: no filter configured. Any failure leaves the fixed settings, which still hold.
      resolve(safeGitArgs(error ? [] : stdout.split('\n')));
    });
  });
}
