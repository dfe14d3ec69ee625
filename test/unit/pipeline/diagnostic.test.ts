import { describe, expect, it } from 'vitest';
import {
  assignFingerprints,
  clampLine,
  countBySeverity,
  fingerprintOf,
  isAtLeast,
  sortDiagnostics,
  type DiagnosticInput,
} from '../../../src/pipeline/diagnostic.js';

const d = (over: Partial<DiagnosticInput> = {}): DiagnosticInput => ({
  source: 'ruff',
  path: 'pkg/mod.py',
  range: { start: { line: 3, column: 1 } },
  severity: 'error',
  rule: 'F401',
  message: '`os` imported but unused',
  ...over,
});

describe('fingerprints', () => {
  it('survive a line shift but change with the rule, path or message', () => {
    const a = fingerprintOf(d(), 'import os');
    expect(fingerprintOf(d({ range: { start: { line: 40 } } }), 'import os')).toBe(a);
    expect(fingerprintOf(d({ rule: 'F811' }), 'import os')).not.toBe(a);
    expect(fingerprintOf(d({ path: 'pkg/other.py' }), 'import os')).not.toBe(a);
    expect(fingerprintOf(d({ message: 'x' }), 'import os')).not.toBe(a);
    expect(fingerprintOf(d(), '  import   os ')).toBe(a);
  });

  it('keep identical findings on identical lines distinct', () => {
    const lines: Record<number, string> = { 3: 'import os', 9: 'import os' };
    const out = assignFingerprints([d(), d({ range: { start: { line: 9 } } })], (_p, line) => lines[line]);
    expect(out[0]!.fingerprint).not.toBe(out[1]!.fingerprint);
    expect(out[1]!.fingerprint).toBe(`${out[0]!.fingerprint}-1`);
  });

  it('keep a fingerprint that is already set', () => {
    expect(assignFingerprints([d({ fingerprint: 'given' })])[0]!.fingerprint).toBe('given');
  });
});

describe('severity helpers', () => {
  it('order, count and compare severities', () => {
    const sorted = sortDiagnostics(
      assignFingerprints([d({ severity: 'info' }), d({ severity: 'warning', path: 'a.py' }), d({ path: 'b.py' }), d({ path: 'a.py' })]),
    );
    expect(sorted.map((x) => `${x.severity}:${x.path}`)).toEqual(['error:a.py', 'error:b.py', 'warning:a.py', 'info:pkg/mod.py']);
    expect(countBySeverity(sorted)).toEqual({ error: 2, warning: 1, info: 1 });
    expect(isAtLeast('error', 'warning')).toBe(true);
    expect(isAtLeast('info', 'warning')).toBe(false);
  });

  it('clamp lines into the file', () => {
    expect(clampLine(0, 10)).toBe(1);
    expect(clampLine(99, 10)).toBe(10);
    expect(clampLine(Number.NaN, 10)).toBe(1);
    expect(clampLine(5, 0)).toBe(5);
  });
});
