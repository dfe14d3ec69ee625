import { describe, expect, it } from 'vitest';
import { gateSchema } from '../../../src/pipeline/config/schema.js';
import { parseExitCode } from '../../../src/gates/parsers/exit-code.js';
import { parseRegex } from '../../../src/gates/parsers/regex.js';
import { ToolOutputError } from '../../../src/gates/types.js';
import { context } from './helpers.js';

const mypyPattern = '^(?<file>(?:[A-Za-z]:)?[^:]+):(?<line>\\d+):(?:(?<column>\\d+):)? (?<severity>error|warning|note): (?<message>.+?)(?:  \\[(?<code>[\\w-]+)\\])?$';

describe('regex problem matcher', () => {
  it('reads named groups from each line of stdout and stderr, ignoring colour codes and CRLF', () => {
    const stdout = 'tasklet/model.py:20:12: error: Incompatible return value type  [return-value]\r\n\u001b[1mtasklet/window.py:3: note: See docs\u001b[0m\r\nSuccess: no issues found in 0 source files\r\n';
    const ctx = context({}, { source: 'mypy', gate: gateSchema.parse({ pattern: mypyPattern }) });
    const { diagnostics } = parseRegex({ stdout, stderr: 'C:\\elsewhere\\x.py:1: warning: outside', exitCode: 1 }, ctx);
    expect(diagnostics).toEqual([
      { source: 'mypy', path: 'tasklet/model.py', range: { start: { line: 20, column: 12 } }, severity: 'error', rule: 'return-value', message: 'Incompatible return value type' },
      { source: 'mypy', path: 'tasklet/window.py', range: { start: { line: 3 } }, severity: 'info', rule: 'mypy', message: 'See docs' },
      { source: 'mypy', path: '', range: { start: { line: 1 } }, severity: 'warning', rule: 'mypy', message: 'C:\\elsewhere\\x.py:1: outside' },
    ]);
  });

  it.each([
    ['no pattern', undefined, /needs a `pattern`/],
    ['an invalid pattern', '(?<message>', /pattern is invalid/],
    ['a pattern without a message group', '^(?<file>.+):(?<line>\\d+)', /no named group `message`/],
  ])('is a tool error with %s', (_name, pattern, expected) => {
    const ctx = context({}, { gate: gateSchema.parse(pattern === undefined ? {} : { pattern }) });
    expect(() => parseRegex({ stdout: 'x', stderr: '', exitCode: 1 }, ctx)).toThrow(ToolOutputError);
    expect(() => parseRegex({ stdout: 'x', stderr: '', exitCode: 1 }, ctx)).toThrow(expected);
  });
});

describe('exit-code parser', () => {
  it('passes on 0 and quotes the end of the output otherwise', () => {
    expect(parseExitCode({ stdout: 'ok', stderr: '', exitCode: 0 }, context()).diagnostics).toEqual([]);
    const { diagnostics } = parseExitCode({ stdout: 'checking…\n', stderr: 'line 1\nFAILED: 3 problems\n', exitCode: 3 }, context({}, { source: 'lint' }));
    expect(diagnostics).toEqual([{ source: 'lint', path: '', range: { start: { line: 1 } }, severity: 'error', rule: 'exit-code', message: 'lint exited with code 3:\nchecking…\nline 1\nFAILED: 3 problems' }]);
  });
});
