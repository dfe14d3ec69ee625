import { describe, expect, it } from 'vitest';
import { finalizeDiagnostics } from '../../../src/gates/finalize.js';
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
