/**
 * Reading `pytest --collect-only -q` (pure): the node ids, one a line, then a closing line
 * `N tests collected in 0.01s` (`1 test collected`, `…, 2 errors`). Anything that does
 * not add up (a count that differs from the ids, errors, another verbosity) is no
 * collection: the gate then runs unsharded, which reports whatever went wrong.
 */

export type Collection = { ok: true; ids: string[] } | { ok: false; reason: string };

const CLOSING = /^(?:(\d+)(?:\/\d+)? tests? collected|no tests collected)(.*)$/;

/** The node ids of a `--collect-only -q` run, or why they cannot be trusted. */
export function parseCollection(stdout: string, exitCode: number | null): Collection {
  if (exitCode === 5) return { ok: false, reason: 'pytest collected no tests' };
  if (exitCode !== 0) return { ok: false, reason: `collecting the tests exited with code ${exitCode ?? 'none (killed)'}` };
  const lines = stdout.split(/\r?\n/).map((l) => l.trimEnd());
  const closing = lines.map((l) => CLOSING.exec(l.replace(/^=+\s*|\s*=+$/g, ''))).findLast((m) => m !== null);
  if (!closing) return { ok: false, reason: 'the collection printed no "N tests collected" line' };
  if (/\berrors?\b/.test(closing[2] ?? '')) return { ok: false, reason: 'the collection has errors' };
  // The ids come first, up to the first blank line or section rule (a warnings summary
  // after them names node ids again). A parametrized id may hold spaces (`test_x[a b]`).
  const end = lines.findIndex((l) => l === '' || l.startsWith('='));
  const ids = lines.slice(0, end < 0 ? lines.length : end).filter((l) => !/^\s/.test(l) && l.includes('::'));
  const expected = closing[1] === undefined ? 0 : Number(closing[1]);
  // `N/M tests collected (K deselected)`: N are selected, and those are the ids listed.
  if (ids.length !== expected) return { ok: false, reason: `the collection listed ${ids.length} node ids for ${expected} tests` };
  if (new Set(ids).size !== ids.length) return { ok: false, reason: 'the collection lists a node id twice' };
  return { ok: true, ids };
}

/** pytest options that take the next argument as their value (so it is not a test path). */
const VALUE_OPTIONS = new Set([
  '-k', '-m', '-o', '-p', '-c', '-r', '-W', '--override-ini', '--rootdir', '--basetemp', '--confcutdir', '--deselect', '--ignore', '--ignore-glob',
  '--tb', '--maxfail', '--durations', '--durations-min', '--import-mode', '--log-level', '--log-format', '--log-file', '--log-cli-level', '--junit-prefix',
  '--junitxml', '--junit-xml', '--cov', '--cov-report', '--timeout', '--capture', '--pythonwarnings', '--inifile', '--config-file', '--log-file-level',
  '--log-date-format', '--log-cli-format', '--log-cli-date-format', '--log-file-format', '--log-file-date-format', '--show-capture', '--color', '--code-highlight',
  '--assert', '--doctest-glob', '--lfnf', '--last-failed-no-failures',
]);

/**
 * The first argument that names tests (a path or a node id) rather than an option: the
 * shards pass their own test files, and a path in the gate's arguments would make every
 * shard run it again.
 */
export function testPathArgument(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') return args[i + 1];
    if (arg.startsWith('-')) {
      if (!arg.includes('=') && VALUE_OPTIONS.has(arg)) i += 1;
      continue;
    }
    return arg;
  }
  return undefined;
}

/**
 * The `-q` flags that bring the collection to verbosity -1, where it lists one node id a
 * line: the gate's own command may already be verbose (`-v`, `-vv`, `--verbose`), and
 * pytest's verbosity is the count of `-v` less the count of `-q`.
 */
export function collectQuietFlags(argv: readonly string[]): string[] {
  let verbosity = 0;
  for (const arg of argv) {
    if (arg === '--verbose') verbosity += 1;
    else if (arg === '--quiet') verbosity -= 1;
    else if (/^-v+$/.test(arg)) verbosity += arg.length - 1;
    else if (/^-q+$/.test(arg)) verbosity -= arg.length - 1;
  }
  const delta = verbosity + 1;
  return Array.from({ length: Math.abs(delta) }, () => (delta > 0 ? '-q' : '-v'));
}
