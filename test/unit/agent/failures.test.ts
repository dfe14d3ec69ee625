import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignFingerprints, type DiagnosticInput, type Severity } from '../../../src/pipeline/diagnostic.js';
import { collectFailures, failureFingerprint, renderFailures } from '../../../src/pipeline/agent/failures.js';
import type { GateResult, TestCaseResult } from '../../../src/pipeline/gate-result.js';

function gate(name: string, status: GateResult['status'], diagnostics: DiagnosticInput[] = [], extra: Partial<GateResult> = {}): GateResult {
  return {
    gate: name,
    tool: name,
    status,
    exitCode: status === 'passed' ? 0 : 1,
    durationMs: 10,
    fromCache: false,
    command: [name, 'check', '.'],
    diagnostics: assignFingerprints(diagnostics),
    ...extra,
  };
}

function diag(source: string, path: string, line: number, rule: string, message: string, severity: Severity = 'error'): DiagnosticInput {
  return { source, path, range: { start: { line, column: 1 } }, severity, rule, message };
}

function failingCase(id: string, message: string): TestCaseResult {
  return { id, name: id.split('::').pop()!, file: id.split('::')[0]!, outcome: 'failed', durationMs: 3, message, details: `def test():\n>   assert f() == 3\nE   ${message}`, location: { path: id.split('::')[0]!, line: 12 } };
}

function pytest(cases: TestCaseResult[], diagnostics: DiagnosticInput[] = []): GateResult {
  return gate('pytest', 'failed', diagnostics, {
    tests: { total: cases.length + 5, passed: 5, failed: cases.length, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 100, cases: [...cases, { id: 'tests/test_ok.py::test_ok', name: 'test_ok', outcome: 'passed', durationMs: 1 }] },
  });
}

/** A mixed failure set: a tool error, failing tests, errors and warnings, a passed gate. */
function mixed(): GateResult[] {
  return [
    gate('ruff', 'failed', [diag('ruff', 'src/b.py', 3, 'W291', 'trailing whitespace', 'warning'), diag('ruff', 'src/a.py', 1, 'F401', '`os` imported but unused'), diag('ruff', 'src/a.py', 9, 'I001', 'note', 'info')]),
    gate('basedpyright', 'error', [], { error: { message: 'basedpyright was not found (tried .venv, PATH)', hint: 'npm install basedpyright' }, stderrTail: 'Traceback …\nFileNotFoundError' }),
    pytest([failingCase('tests/test_x.py::test_export', 'AssertionError: assert 2 == 3')], [diag('pytest', 'tests/test_x.py', 12, 'test.failed', 'tests/test_x.py::test_export failed')]),
    gate('mypy', 'passed', [diag('mypy', 'src/c.py', 1, 'misc', 'below the fail level', 'warning')]),
  ];
}

describe('collectFailures', () => {
  it('orders tool errors, failing tests, errors, warnings, and leaves out info and passed gates', () => {
    const items = collectFailures(mixed());
    expect(items.map((i) => `${i.rank} ${i.gate} ${i.text.split('\n')[0]}`)).toEqual([
      '0 basedpyright [basedpyright] TOOL ERROR: basedpyright was not found (tried .venv, PATH)',
      '1 pytest [pytest] FAILED tests/test_x.py::test_export (tests/test_x.py:12)',
      '2 ruff [ruff] error src/a.py:1:1 F401: `os` imported but unused',
      '3 ruff [ruff] warning src/b.py:3:1 W291: trailing whitespace',
    ]);
    expect(items[0]!.text).toContain('hint: npm install basedpyright');
    expect(items[1]!.text).toContain('E   AssertionError: assert 2 == 3');
  });

  it('takes failing tests from test.* diagnostics when a gate has no test summary', () => {
    const items = collectFailures([gate('pytest', 'failed', [diag('pytest', 'tests/t.py', 4, 'test.failed', 'tests/t.py::test_a failed: assert 1 == 2')])]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ rank: 1, group: 'pytest failing tests' });
  });

  it('deduplicates identical findings', () => {
    const d = diag('ruff', 'src/a.py', 1, 'F401', '`os` imported but unused');
    const same = gate('ruff', 'failed', []);
    same.diagnostics = [...assignFingerprints([d]), ...assignFingerprints([d])];
    expect(collectFailures([same, same])).toHaveLength(1);
  });

  it('reports a gate that failed without findings by its exit code', () => {
    const items = collectFailures([gate('custom', 'failed', [], { exitCode: 3, stderrTail: 'boom' })]);
    expect(items[0]!.text).toContain('[custom] FAILED with exit code 3 but reported no findings.');
    expect(items[0]!.text).toContain('boom');
  });
});

function flood(count: number): GateResult[] {
  const rules = ['E501', 'F401', 'W291', 'reportUnknownMemberType'];
  const diagnostics = Array.from({ length: count }, (_, i) =>
    diag('ruff', `src/module_${i % 97}.py`, (i % 500) + 1, rules[i % 4]!, `problem number ${i} with a message long enough to matter in the prompt`, i % 3 === 0 ? 'warning' : 'error'),
  );
  return [gate('ruff', 'failed', diagnostics), pytest([failingCase('tests/test_export.py::test_csv', 'AssertionError: columns differ')])];
}

describe('renderFailures', () => {
  it('keeps 5,000 diagnostics within the budget and says how many were left out', () => {
    const results = flood(5000);
    const untrimmed = collectFailures(results).reduce((n, i) => n + i.text.length, 0);
    const out = renderFailures(results, 24_000);
    expect(untrimmed).toBeGreaterThan(500_000);
    expect(out.text.length).toBeLessThanOrEqual(24_000);
    expect(out.total).toBe(5001);
    expect(out.shown + out.omitted).toBe(5001);
    expect(out.shown).toBeGreaterThan(50);
    expect(out.text).toMatch(new RegExp(`… ${out.omitted} more not shown \\(ruff \\w+: \\d+; ruff \\w+: \\d+; `));
    // The failing test comes first, before any lint error.
    expect(out.text.indexOf('FAILED tests/test_export.py::test_csv')).toBeLessThan(out.text.indexOf('[ruff]'));
    expect(out.text.startsWith('5001 distinct problems from the gates (ruff: failed, pytest: failed):')).toBe(true);
  });

  it('never exceeds any budget', () => {
    const results = flood(300);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60_000 }), (budget) => renderFailures(results, budget).text.length <= budget),
    );
  });

  it('shows the beginning of the first item when not even one fits', () => {
    const out = renderFailures(mixed(), 600);
    expect(out.shown).toBe(1);
    expect(out.text).toContain('TOOL ERROR');
    expect(out.text).toContain('3 more not shown');
  });

  it('shows everything when it fits', () => {
    const out = renderFailures(mixed(), 24_000);
    expect(out).toMatchObject({ total: 4, shown: 4, omitted: 0 });
    expect(out.text).not.toContain('more not shown');
  });
});

describe('failureFingerprint', () => {
  it('is the same for the same failures, whatever their order or line numbers', () => {
    const a = [gate('ruff', 'failed', [diag('ruff', 'src/a.py', 1, 'F401', 'unused'), diag('ruff', 'src/b.py', 2, 'E501', 'long')])];
    const moved = [gate('ruff', 'failed', [diag('ruff', 'src/b.py', 40, 'E501', 'long'), diag('ruff', 'src/a.py', 7, 'F401', 'unused')])];
    expect(failureFingerprint(moved)).toBe(failureFingerprint(a));
  });

  it('changes when a failure is fixed or a new one appears', () => {
    const before = mixed();
    const fixed = mixed().map((g) => (g.gate === 'pytest' ? { ...g, status: 'passed' as const, tests: undefined, diagnostics: [] } : g));
    expect(failureFingerprint(fixed)).not.toBe(failureFingerprint(before));
    const worse = [...mixed(), gate('custom', 'failed', [diag('custom', 'x.py', 1, 'X1', 'new')])];
    expect(failureFingerprint(worse)).not.toBe(failureFingerprint(before));
  });

  it('keys failing tests by node id, so a changed assertion message is the same failure', () => {
    const one = [pytest([failingCase('tests/t.py::test_a', 'assert 1 == 2')])];
    const other = [pytest([failingCase('tests/t.py::test_a', 'assert 1 == 3')])];
    expect(failureFingerprint(other)).toBe(failureFingerprint(one));
  });

  it('gives a passing run the fingerprint of the empty set, and a silent failure its own', () => {
    const empty = failureFingerprint([]);
    expect(failureFingerprint([gate('ruff', 'passed')])).toBe(empty);
    expect(failureFingerprint([gate('ruff', 'failed')])).not.toBe(empty);
  });
});
