/** Terminal rendering: grouped by file, code frames with carets in the right cell, safe output. */
import { describe, expect, it } from 'vitest';
import { assignFingerprints, type Diagnostic, type DiagnosticInput } from '../../../src/pipeline/diagnostic.js';
import { renderDiagnostics, renderDiagnosticsText, sanitizeForTerminal, summaryLine } from '../../../src/reporting/text/diagnostics.js';

function diagnostic(input: Partial<DiagnosticInput>): Diagnostic {
  return assignFingerprints([{ source: 'spec', path: 'docs/prd.md', range: { start: { line: 2 } }, severity: 'warning', rule: 'x.y', message: 'Message.', ...input }])[0]!;
}

const FILES: Record<string, string[]> = {
  'docs/prd.md': ['# PRD', '- FR-1: do it TODO later', '- FR-2: more'],
  'docs/zh.md': ['# 需求', '- FR-1：用户可以录入 TODO 支出'],
  'docs/tabs.md': ['\tindented TODO'],
  'docs/evil.md': ['\u001b[2J\u001b[31mcleared? TODO'],
};
const readLines = (path: string) => FILES[path];

/** The caret row under the marked line, without the gutter. */
function caretOf(text: string): string {
  const lines = text.split('\n');
  const marked = lines.findIndex((l) => l.trimStart().startsWith('>'));
  const frameLine = lines[marked]!.replace(/^\s*>\s*\d+\s│ /, '');
  const caret = lines[marked + 1]!.replace(/^\s*│ /, '');
  return `${frameLine}\n${caret}`;
}

describe('renderDiagnosticsText', () => {
  it('groups by file, sorts by line, and ends with a summary', () => {
    const text = renderDiagnosticsText(
      [diagnostic({ path: 'docs/z.md', line: 1 } as never), diagnostic({ range: { start: { line: 3 } }, severity: 'error', message: 'Second.' }), diagnostic({ range: { start: { line: 1 } }, severity: 'info', message: 'First.' })],
      readLines,
    );
    expect(text.indexOf('docs/prd.md')).toBeLessThan(text.indexOf('docs/z.md'));
    expect(text.indexOf('First.')).toBeLessThan(text.indexOf('Second.'));
    expect(text.trimEnd().split('\n').pop()).toBe('✖ 1 error, 1 warning, 1 info in 2 files.');
  });

  it('puts the caret under the column, across the span', () => {
    const d = diagnostic({ range: { start: { line: 2, column: 15 }, end: { line: 2, column: 18 } } });
    expect(caretOf(renderDiagnosticsText([d], readLines))).toBe('- FR-1: do it TODO later\n              ^^^^');
  });

  it('aligns carets after wide CJK characters and tabs', () => {
    const zh = diagnostic({ path: 'docs/zh.md', range: { start: { line: 2, column: 15 }, end: { line: 2, column: 18 } } });
    // Before TODO: 6 ASCII characters, 7 wide ones (2 cells each) and a space = 21 cells.
    expect(caretOf(renderDiagnosticsText([zh], readLines)).split('\n')[1]).toBe(`${' '.repeat(21)}^^^^`);
    const tab = diagnostic({ path: 'docs/tabs.md', range: { start: { line: 1, column: 11 } } });
    expect(caretOf(renderDiagnosticsText([tab], readLines))).toBe('    indented TODO\n             ^');
  });

  it('shows context lines and the hint', () => {
    const text = renderDiagnosticsText([diagnostic({ hint: 'Fix it.' })], readLines, { context: 1 });
    expect(text).toContain('1 │ # PRD');
    expect(text).toContain('3 │ - FR-2: more');
    expect(text).toContain('hint: Fix it.');
    expect(renderDiagnosticsText([diagnostic({ hint: 'Fix it.' })], readLines, { hints: false })).not.toContain('hint:');
  });

  it('never passes control characters from files or messages to the terminal', () => {
    const text = renderDiagnosticsText([diagnostic({ path: 'docs/evil.md', range: { start: { line: 1 } }, message: 'bad \u001b]0;title\u0007' })], readLines);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(sanitizeForTerminal('a\u202eb')).toBe('a\ufffdb');
  });

  it('colours only when asked', () => {
    const plain = renderDiagnosticsText([diagnostic({ severity: 'error' })], readLines);
    const coloured = renderDiagnosticsText([diagnostic({ severity: 'error' })], readLines, { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31m');
  });

  it('lists findings without a file first and without a frame; caps findings per file', () => {
    const text = renderDiagnosticsText([diagnostic({ path: '' }), diagnostic({}), diagnostic({ range: { start: { line: 3 } } })], readLines, { maxPerFile: 1 });
    expect(text.startsWith('(no file)')).toBe(true);
    expect(text).toContain('… and 1 more in this file');
  });

  it('reports a clean run', () => {
    expect(renderDiagnosticsText([], readLines, { checkedFiles: 4 }).trim()).toBe('✔ No problems in 4 files.');
    expect(summaryLine([diagnostic({ severity: 'info' })], 3)).toBe('ℹ 0 errors, 0 warnings, 1 info in 1 of 3 files.');
  });

  it('renderDiagnostics takes sources as text', () => {
    const text = renderDiagnostics([diagnostic({ path: 'cfg.yml', range: { start: { line: 2, column: 3 } } })], { sources: { 'cfg.yml': 'a: 1\r\nbb: 2\r\n' } });
    expect(text).toContain('2 │ bb: 2');
  });
});
