import { describe, expect, it } from 'vitest';
import { parsePyrightJson } from '../../../src/gates/parsers/pyright-json.js';
import { ToolOutputError } from '../../../src/gates/types.js';
import { context, fixture } from './helpers.js';

const out = (stdout: string) => ({ stdout, stderr: '', exitCode: 1 });

describe('basedpyright JSON parser', () => {
  it('reads a real report: 0-based positions become 1-based, rule and docs url kept', () => {
    const result = parsePyrightJson(out(fixture('basedpyright/broken.json')), context({}, { source: 'basedpyright' }));
    expect(result.toolVersion).toBe('1.40.1');
    expect(result.diagnostics.map((d) => [d.path, d.range.start.line, d.range.start.column, d.rule, d.severity])).toEqual([
      ['tasklet/model.py', 20, 12, 'reportReturnType', 'error'],
      ['tasklet/model.py', 31, 21, 'reportAttributeAccessIssue', 'error'],
      ['tasklet/window.py', 10, 19, 'reportArgumentType', 'error'],
    ]);
    expect(result.diagnostics[0]!.range.end).toEqual({ line: 20, column: 16 });
    expect(result.diagnostics[0]!.url).toBe('https://docs.basedpyright.com/latest/configuration/config-files/#reportReturnType');
    expect(result.diagnostics[0]!.message).toMatch(/^Type "int" is not assignable to return type "str"\n/);
  });

  it('handles Windows paths, missing rule or range, severities, and files outside the repository', () => {
    const ctx = context({}, { root: 'C:\\work\\repo', cwd: 'C:\\work\\repo' });
    const { diagnostics } = parsePyrightJson(out(fixture('basedpyright/windows-and-edge-cases.json')), ctx);
    expect(diagnostics.map((d) => [d.path, d.range.start.line, d.severity, d.rule])).toEqual([
      ['pkg/mod.py', 1, 'error', 'reportMissingImports'],
      ['pkg/mod.py', 2, 'warning', 'reportUnusedImport'],
      ['pkg/mod.py', 998, 'info', 'basedpyright'],
      ['pkg/mod.py', 1, 'error', 'basedpyright'],
      ['', 1, 'error', 'reportGeneralTypeIssues'],
    ]);
    expect(diagnostics[3]).not.toHaveProperty('url');
    expect(diagnostics[4]!.message).toMatch(/typing\.pyi:11: Something inside/);
  });

  it('parses stdout that starts with a blank line', () => {
    expect(fixture('basedpyright/broken.json').startsWith('\n')).toBe(true);
  });

  it.each([
    ['empty output', ''],
    ['no generalDiagnostics', '{"version": "1.40.1"}'],
    ['truncated JSON', '{"version": "1.40.1", "generalDiagnostics": [{"file": '],
  ])('rejects %s as a tool error', (_name, stdout) => {
    expect(() => parsePyrightJson(out(stdout), context())).toThrow(ToolOutputError);
  });
});
