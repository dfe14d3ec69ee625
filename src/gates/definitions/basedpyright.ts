/**
 * basedpyright: `--outputjson`, with `--pythonpath` set to the project's interpreter so
 * imports resolve against the packages the code runs with. Exit 0 clean, 1 findings
 * (warnings alone too, in its default mode), 2-4 tool error; an unparseable config
 * file still exits 0, so stderr is checked for it.
 */
import type { GateDefinition, ToolOutput } from '../types.js';

const NOT_PARSED = /could not be parsed/i;

/** The line of `text` that says so, found without splitting the text (stdout is the whole JSON report). */
function notParsedLine(text: string): string | undefined {
  const match = NOT_PARSED.exec(text);
  if (!match) return undefined;
  const start = text.lastIndexOf('\n', match.index) + 1;
  const newline = text.indexOf('\n', match.index);
  return text.slice(start, newline === -1 ? text.length : newline);
}

function configNotParsed(output: ToolOutput): string | undefined {
  const line = notParsedLine(output.stderr) ?? notParsedLine(output.stdout);
  return line ? `basedpyright could not read its configuration: ${line.trim()}` : undefined;
}

export const basedpyright: GateDefinition = {
  tool: 'basedpyright',
  parser: 'basedpyright',
  informationUri: 'https://docs.basedpyright.com/',
  // The npm package also installs a `pyright` bin; run basedpyright by name.
  launcher: { kind: 'tool', name: 'basedpyright' },
  args: ({ python }) => ['--outputjson', ...(python ? ['--pythonpath', python] : [])],
  usesPython: true,
  installHint: 'Install it in the project: `pip install basedpyright` (inside .venv) or `npm install --save-dev basedpyright`, or set gates.basedpyright.command.',
  lowPriority: true,
  classifyExit: (code) => (code === 0 ? 'ok' : code === 1 ? 'findings' : 'error'),
  detectToolError: configNotParsed,
};
