import { describe, expect, it } from 'vitest';
import { parseRuffJson } from '../../../src/gates/parsers/ruff-json.js';
import { ToolOutputError } from '../../../src/gates/types.js';
import { context, fixture } from './helpers.js';

const out = (stdout: string) => ({ stdout, stderr: '', exitCode: 1 });

describe('ruff JSON parser', () => {
  it('reads the documented shape: rule, path, 1-based range with inclusive end, url, fix', () => {
    const { diagnostics } = parseRuffJson(out(fixture('ruff/broken.json')), context({}, { source: 'ruff' }));
    expect(diagnostics).toEqual([
      {
        source: 'ruff',
        path: 'tasklet/model.py',
        range: { start: { line: 26, column: 5 }, end: { line: 26, column: 10 } },
        severity: 'error',
        rule: 'E722',
        message: 'Do not use bare `except`',
        url: 'https://docs.astral.sh/ruff/rules/bare-except',
      },
      {
        source: 'ruff',
        path: 'tasklet/model.py',
        range: { start: { line: 5, column: 8 }, end: { line: 5, column: 9 } },
        severity: 'error',
        rule: 'F401',
        message: '`os` imported but unused',
        url: 'https://docs.astral.sh/ruff/rules/unused-import',
        fix: {
          description: 'Remove unused import: `os`',
          edits: [{ range: { start: { line: 5, column: 1 }, end: { line: 6, column: 1 } }, newText: '' }],
        },
      },
    ]);
  });

  it('maps Windows paths, keeps syntax errors, drops display-only fixes, marks unsafe ones', () => {
    const ctx = context({}, { root: 'C:\\work\\repo', cwd: 'C:\\work\\repo' });
    const { diagnostics } = parseRuffJson(out(fixture('ruff/windows-and-edge-cases.json')), ctx);
    const byRule = Object.fromEntries(diagnostics.map((d) => [d.rule, d]));
    expect(byRule.F841).toMatchObject({ path: 'pkg/mod.py', fix: { description: 'Remove assignment to unused variable `x` (unsafe: review before applying)' } });
    // Lower-case drive letter and forward slashes are the same file.
    expect(byRule.E501).toMatchObject({ path: 'pkg/mod.py', range: { start: { line: 999, column: 101 } } });
    expect(byRule['syntax-error']).toMatchObject({ path: 'pkg/broken.py', message: "SyntaxError: Expected ')', found newline" });
    expect(byRule['syntax-error']).not.toHaveProperty('url');
    expect(byRule.UP035).not.toHaveProperty('fix');
    // A notebook position is within a cell: keep it in the message, point at line 1.
    expect(byRule.F821).toMatchObject({ path: 'notebooks/explore.ipynb', range: { start: { line: 1 } }, message: 'cell 2, line 1: Undefined name `foo`' });
    // Outside the repository (another drive): not annotatable, but not lost either.
    expect(byRule.F401).toMatchObject({ path: '', message: 'D:\\elsewhere\\vendored.py:1: `sys` imported but unused' });
  });

  it('accepts an empty array and CRLF output', () => {
    expect(parseRuffJson(out('[]\r\n'), context()).diagnostics).toEqual([]);
  });

  it.each([
    ['empty output', ''],
    ['a crash message', 'error: Failed to parse pyproject.toml'],
    ['truncated JSON', fixture('ruff/broken.json').slice(0, 200)],
    ['an object instead of an array', '{"code": "F401"}'],
    ['an item without location', '[{"code": "F401", "message": "x"}]'],
  ])('rejects %s as a tool error', (_name, stdout) => {
    expect(() => parseRuffJson(out(stdout), context())).toThrow(ToolOutputError);
  });
});
