import { describe, expect, it } from 'vitest';
import { finalizeDiagnostics, finalizeTests } from '../../../src/gates/finalize.js';
import { relativizeText } from '../../../src/gates/parsers/tool-path.js';
import { sourceFilesFromMap } from '../../../src/gates/source-files.js';
import type { DiagnosticInput } from '../../../src/pipeline/diagnostic.js';

const d = (path: string, line: number, extra: Partial<DiagnosticInput> = {}): DiagnosticInput => ({
  source: 'basedpyright',
  path,
  range: { start: { line, column: 5 }, end: { line: line + 1, column: 2 } },
  severity: 'error',
  rule: 'reportX',
  message: 'm',
  ...extra,
});

describe('finalizeDiagnostics', () => {
  const files = sourceFilesFromMap({ 'a.py': 'one\ntwo\nthree\n', 'crlf.py': 'x = 1\r\ny = 2\r\n', 'empty.py': '' });

  it('clamps lines past the end of the file and drops the columns that no longer mean anything', () => {
    const [past] = finalizeDiagnostics([d('a.py', 998)], files);
    expect(past!.range).toEqual({ start: { line: 3 } });
    const [endPast] = finalizeDiagnostics([d('a.py', 3)], files);
    expect(endPast!.range).toEqual({ start: { line: 3, column: 5 }, end: { line: 3 } });
    const [crlf] = finalizeDiagnostics([d('crlf.py', 7)], files);
    expect(crlf!.range.start.line).toBe(2);
    const [empty] = finalizeDiagnostics([d('empty.py', 4)], files);
    expect(empty!.range.start.line).toBe(1);
  });

  it('keeps lines of unknown files, but never below 1', () => {
    expect(finalizeDiagnostics([d('gone.py', 40)], files)[0]!.range.start).toEqual({ line: 40, column: 5 });
    expect(finalizeDiagnostics([d('gone.py', 0)], files)[0]!.range).toEqual({ start: { line: 1 } });
  });

  it('gives fingerprints that survive a line shift, and distinct ones to identical findings', () => {
    const original = sourceFilesFromMap({ 'a.py': 'one\ntwo\nthree\n' });
    const shifted = sourceFilesFromMap({ 'a.py': '# new\n# lines\none\ntwo\nthree\n' });
    const before = finalizeDiagnostics([d('a.py', 2)], original)[0]!.fingerprint;
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    // Same finding on the same text two lines further down: same identity.
    expect(finalizeDiagnostics([d('a.py', 4)], shifted)[0]!.fingerprint).toBe(before);
    // Same line number, different text: a different finding.
    expect(finalizeDiagnostics([d('a.py', 2)], shifted)[0]!.fingerprint).not.toBe(before);
    const twins = finalizeDiagnostics([d('a.py', 1), d('a.py', 1)], files).map((x) => x.fingerprint);
    expect(new Set(twins).size).toBe(2);
  });

  it('sorts most severe first, then by path and line', () => {
    const out = finalizeDiagnostics([d('b.py', 2, { severity: 'warning' }), d('b.py', 9), d('a.py', 3)], files);
    expect(out.map((x) => [x.severity, x.path, x.range.start.line])).toEqual([
      ['error', 'a.py', 3],
      ['error', 'b.py', 9],
      ['warning', 'b.py', 2],
    ]);
  });
});

describe('paths in messages', () => {
  const files = sourceFilesFromMap({ 'pkg/a.py': 'import pkg.b\n' });

  it('rewrites absolute paths under the root as repo-relative, in messages, hints and the fingerprint', () => {
    const cycle = (root: string, sep = '/') =>
      d('pkg/a.py', 1, { rule: 'reportImportCycles', message: `Cycle detected in import chain\n  ${root}${sep}pkg${sep}a.py\n  ${root}${sep}pkg${sep}b.py`, hint: `see ${root}` });
    const [here] = finalizeDiagnostics([cycle('/tmp/one/checkout')], files, ['/tmp/one/checkout']);
    const [there] = finalizeDiagnostics([cycle('/var/elsewhere/co')], files, ['/var/elsewhere/co']);
    expect(here!.message).toBe('Cycle detected in import chain\n  pkg/a.py\n  pkg/b.py');
    expect(here!.hint).toBe('see .');
    expect(there!.message).toBe(here!.message);
    expect(there!.fingerprint).toBe(here!.fingerprint);
  });

  it('matches a Windows root case-insensitively, with either separator', () => {
    expect(relativizeText('C:\\Work\\Repo\\pkg\\a.py:3 and c:/work/repo/pkg/b.py', ['C:\\Work\\Repo'])).toBe('pkg/a.py:3 and pkg/b.py');
  });

  it('leaves alone paths outside the root and directories that only start with its name', () => {
    const text = '/usr/lib/python3/x.py, /tmp/checkout2/a.py and "/tmp/checkout/a b.py"';
    expect(relativizeText(text, ['/tmp/checkout'])).toBe('/usr/lib/python3/x.py, /tmp/checkout2/a.py and "a b.py"'.replace('"a b.py"', '"a b.py"'.replace('a b.py', 'a b.py')));
  });

  it('rewrites failing tests\' messages and tracebacks too', () => {
    const tests = finalizeTests(
      { total: 1, passed: 0, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 1, cases: [{ id: 't', name: 't', outcome: 'failed', durationMs: 1, message: 'E /r/x/a.py', details: '/r/x/tests/test_a.py:3: AssertionError' }] },
      ['/r/x'],
    );
    expect(tests.cases[0]).toMatchObject({ message: 'E a.py', details: 'tests/test_a.py:3: AssertionError' });
  });
});
