import { describe, expect, it } from 'vitest';
import { jsonArrayItems, jsonObjectStreaming, parseJsonOutput } from '../../../src/gates/parsers/json-output.js';
import { ToolOutputError } from '../../../src/gates/types.js';

const items = (text: string) => {
  const out: unknown[] = [];
  jsonArrayItems(text, 'tool', (i) => out.push(i));
  return out;
};

describe('reading large JSON reports element by element', () => {
  it('yields every array element, strings with brackets, quotes and escapes intact', () => {
    const doc = [{ message: 'a ] } [ { "quoted" \\ back' }, 1, 'x', null, [2, [3]], { nested: { deep: [true] } }];
    expect(items(`banner line\n${JSON.stringify(doc, null, 2)}\n`)).toEqual(doc);
    expect(items('[]')).toEqual([]);
  });

  it('streams the named member of an object and parses the rest whole', () => {
    const seen: unknown[] = [];
    const doc = { version: '1.40.1', generalDiagnostics: [{ a: 1 }, { b: '}' }], summary: { errorCount: 2 } };
    const rest = jsonObjectStreaming(`\n${JSON.stringify(doc, null, 4)}`, 'basedpyright', 'generalDiagnostics', (i) => seen.push(i));
    expect(seen).toEqual(doc.generalDiagnostics);
    expect(rest).toEqual({ version: '1.40.1', generalDiagnostics: true, summary: { errorCount: 2 } });
    expect(jsonObjectStreaming('{"generalDiagnostics": 3}', 't', 'generalDiagnostics', () => undefined)).toEqual({ generalDiagnostics: 3 });
  });

  it('truncated or trailing output is a tool error, as JSON.parse of the whole would be', () => {
    const full = JSON.stringify({ generalDiagnostics: [{ message: 'm' }, { message: 'n' }] });
    for (const cut of [full.length - 1, full.length - 5, 25, 10]) {
      expect(() => jsonObjectStreaming(full.slice(0, cut), 'basedpyright', 'generalDiagnostics', () => undefined)).toThrow(ToolOutputError);
    }
    expect(() => jsonObjectStreaming(`${full}\ngarbage`, 'basedpyright', 'generalDiagnostics', () => undefined)).toThrow(/cannot be parsed .*unexpected text after/);
    expect(() => items('[1, 2')).toThrow(/may be truncated/);
    expect(() => items('no json here')).toThrow('tool did not print a JSON report (no line starts with "[").');
    expect(() => items('  \n')).toThrow('tool printed nothing on stdout');
    expect(() => parseJsonOutput('{"a": 1', 'sarif', '{')).toThrow(ToolOutputError);
  });
});
