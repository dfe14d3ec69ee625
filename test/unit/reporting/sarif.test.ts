/** SARIF 2.1.0 output: the shape GitHub code scanning and the SARIF spec require. */
import { describe, expect, it } from 'vitest';
import { assignFingerprints, type Diagnostic, type DiagnosticInput } from '../../../src/pipeline/diagnostic.js';
import { FINGERPRINT_KEY, gateInvocation, gatesSarifRuns, pathToUri, renderSarif } from '../../../src/reporting/sarif.js';
import { diag, gate, gatesRun } from './make.js';

function diagnostic(input: Partial<DiagnosticInput>): Diagnostic {
  return assignFingerprints([{ source: 'ruff', path: 'src/app.py', range: { start: { line: 3, column: 5 } }, severity: 'error', rule: 'F401', message: '`os` imported but unused', ...input }])[0]!;
}

describe('renderSarif', () => {
  const unused = diagnostic({
    fix: { description: 'Remove the import', edits: [{ range: { start: { line: 3, column: 1 }, end: { line: 4, column: 1 } }, newText: '' }] },
    range: { start: { line: 3, column: 8 }, end: { line: 3, column: 9 } },
    hint: 'Delete the line.',
  });
  const warning = diagnostic({ severity: 'warning', rule: 'E501', message: 'Line too long', path: 'docs/my spec#1.md', range: { start: { line: 10 } } });
  const info = diagnostic({ severity: 'info', rule: 'I001', message: 'Import order', path: '' });
  const log = renderSarif([
    { tool: 'ruff', version: '0.6.9', informationUri: 'https://docs.astral.sh/ruff/', rules: [{ id: 'F401', description: 'unused-import', helpUri: 'https://docs.astral.sh/ruff/rules/unused-import/' }], diagnostics: [unused, warning, info] },
    { tool: 'pytest', diagnostics: [] },
  ]);

  it('is a 2.1.0 log with one run per tool', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs.map((r) => r.tool.driver.name)).toEqual(['ruff', 'pytest']);
    expect(log.runs[0]!.tool.driver).toMatchObject({ version: '0.6.9', informationUri: 'https://docs.astral.sh/ruff/' });
    expect(log.runs[1]!.results).toEqual([]);
  });

  it('lists every rule once, given ones first, and points each result at its rule', () => {
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['F401', 'E501', 'I001']);
    expect(run.tool.driver.rules[0]).toEqual({ id: 'F401', shortDescription: { text: 'unused-import' }, helpUri: 'https://docs.astral.sh/ruff/rules/unused-import/' });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('maps severities to error, warning and note', () => {
    expect(log.runs[0]!.results.map((r) => r.level)).toEqual(['error', 'warning', 'note']);
  });

  it('locates results with %SRCROOT%-relative, percent-encoded URIs and exclusive end columns', () => {
    const [first, second, third] = log.runs[0]!.results;
    expect(first!.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'src/app.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 8, endLine: 3, endColumn: 10 } });
    expect(second!.locations![0]!.physicalLocation.artifactLocation.uri).toBe('docs/my%20spec%231.md');
    expect(second!.locations![0]!.physicalLocation.region).toEqual({ startLine: 10 });
    expect(third!.locations).toBeUndefined();
    expect(pathToUri('a\\b c/d.md')).toBe('a/b%20c/d.md');
  });

  it('carries the fingerprint, the hint and the fix', () => {
    const first = log.runs[0]!.results[0]!;
    expect(first.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: unused.fingerprint });
    expect(first.message.text).toBe('`os` imported but unused\n\nHow to fix: Delete the line.');
    expect(first.fixes).toEqual([
      {
        description: { text: 'Remove the import' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'src/app.py', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 1, endLine: 4, endColumn: 1 }, insertedContent: { text: '' } }],
          },
        ],
      },
    ]);
  });

  it('serializes to JSON without undefined holes', () => {
    const json = JSON.parse(JSON.stringify(log)) as unknown;
    expect(json).toEqual(log);
  });
});

describe('gatesSarifRuns (the one gates → SARIF mapping of the action and the CLI)', () => {
  it('makes one run per gate that ran, named after its tool, with its version and documentation link', () => {
    const ruff = gate({ diagnostics: [diag()] });
    const pytest = gate({ gate: 'tests', tool: 'pytest', toolVersion: undefined, status: 'failed', diagnostics: [diag({ source: 'pytest', rule: 'test.failed', message: 'boom' })] });
    const skipped = gate({ gate: 'mypy', tool: 'mypy', status: 'skipped' });
    const uris: Record<string, string> = { ruff: 'https://docs.astral.sh/ruff/' };
    const runs = gatesSarifRuns(gatesRun([ruff, skipped, pytest]), (g) => uris[g]);
    expect(runs).toEqual([
      { tool: 'ruff', version: '0.6.9', informationUri: 'https://docs.astral.sh/ruff/', diagnostics: ruff.diagnostics, invocation: gateInvocation(ruff) },
      { tool: 'pytest', diagnostics: pytest.diagnostics, invocation: gateInvocation(pytest) },
    ]);
    expect(renderSarif(runs).runs.map((r) => r.tool.driver.name)).toEqual(['ruff', 'pytest']);
    expect(gatesSarifRuns(gatesRun([ruff]))[0]).not.toHaveProperty('informationUri');
  });
});
