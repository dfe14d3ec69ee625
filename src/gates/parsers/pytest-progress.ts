/**
 * Which test was running when pytest was killed, from pytest's own progress on stdout.
 * In verbose mode pytest prints (and flushes) `path::test ` before a test runs and its
 * outcome after, so a last progress line without an outcome is the hung test. In the
 * default mode it prints the file and one character per finished test, which still
 * names the file and the test's position in it.
 */
const OUTCOME = /\s(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\b/;

export function runningTest(stdout: string): string | undefined {
  const lines = stdout.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trimEnd();
    if (line === '') continue;
    const verbose = /^(\S+::\S+)(.*)$/.exec(line);
    if (verbose) return OUTCOME.test(verbose[2]!) ? undefined : verbose[1];
    // `tests/test_window.py ..F.` (and a `[ 40%]` progress column).
    const quiet = /^(\S+\.py) ([.FEsxX]*)\s*(\[\s*\d+%\])?$/.exec(line);
    if (quiet) return `test ${quiet[2]!.length + 1} of ${quiet[1]}`;
    // Anything else (a warning, a banner) before any progress: keep looking up.
    if (/^=+ /.test(line)) return undefined;
  }
  return undefined;
}
