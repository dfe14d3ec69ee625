import { describe, expect, it } from 'vitest';
import { parseSarif } from '../../../src/gates/parsers/sarif.js';
import { ToolOutputError } from '../../../src/gates/types.js';
import { context, fixture } from './helpers.js';

const windowsRoot = { root: 'C:\\work\\repo', cwd: 'C:\\work\\repo', source: 'semgrep' };

describe('SARIF 2.1.0 parser', () => {
  it('reads results: rule by id, index or reference, levels with rule defaults, URIs, regions, fixes', () => {
    const result = parseSarif({ stdout: fixture('sarif/semgrep-like.sarif'), stderr: '', exitCode: 1 }, context({}, windowsRoot));
    expect(result.toolVersion).toBe('1.90.0');
    expect(result.diagnostics).toEqual([
      {
        source: 'semgrep',
        path: 'tasklet/storage.py',
        // endColumn 15 is exclusive in SARIF; the normalized end is inclusive.
        range: { start: { line: 12, column: 5 }, end: { line: 12, column: 14 } },
        severity: 'error',
        rule: 'python.lang.security.audit.eval-detected',
        message: 'Detected the use of eval().',
        url: 'https://semgrep.dev/r/python.lang.security.audit.eval-detected',
        fix: {
          description: 'Use ast.literal_eval',
          edits: [{ range: { start: { line: 12, column: 5 }, end: { line: 12, column: 9 } }, newText: 'ast.literal_eval' }],
        },
      },
      {
        source: 'semgrep',
        path: 'tasklet/window.py',
        range: { start: { line: 40 } },
        severity: 'info',
        rule: 'python.lang.best-practice.open-never-closed',
        message: 'file object handle is never closed',
      },
      {
        source: 'semgrep',
        path: 'tasklet/config files/settings.py',
        range: { start: { line: 3, column: 1 }, end: { line: 4, column: 1 } },
        severity: 'warning',
        rule: 'generic.secrets.gitleaks',
        message: 'Possible secret',
      },
      {
        source: 'semgrep',
        path: '',
        range: { start: { line: 1 } },
        severity: 'warning',
        rule: 'project.no-license',
        message: 'The project has no LICENSE file.',
      },
    ]);
  });

  it('reads the report file when there is one', () => {
    const sarif = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'R1', level: 'error', message: { text: 'bad' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.py' }, region: { startLine: 2 } } }] }] }] });
    const { diagnostics } = parseSarif({ stdout: 'progress…', stderr: '', exitCode: 1, report: sarif }, context());
    expect(diagnostics).toMatchObject([{ path: 'src/a.py', rule: 'R1', severity: 'error', range: { start: { line: 2 } } }]);
  });

  it.each([
    ['empty output', ''],
    ['no runs', '{"version": "2.1.0"}'],
    ['SARIF 1.0', '{"version": "1.0.0", "runs": []}'],
  ])('rejects %s as a tool error', (_name, stdout) => {
    expect(() => parseSarif({ stdout, stderr: '', exitCode: 0 }, context())).toThrow(ToolOutputError);
  });
});
