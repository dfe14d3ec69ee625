/**
 * A problem matcher for tools without a machine-readable format: a regular expression
 * applied to each line of output, with named groups `file`, `line`, `column`,
 * `endLine`, `endColumn`, `severity`, `code` and `message` (only `message` is required),
 * like a GitHub Actions problem matcher. The pattern comes from the configuration, the
 * text from the tool: it runs in linear time (RE2), so neither can stall the run.
 */
import type { DiagnosticInput, Severity } from '../../pipeline/diagnostic.js';
import { execLinear, linearRegex } from '../../pipeline/linear-regex.js';
import { ToolOutputError, type ParseContext, type Parser, type ToolOutput } from '../types.js';
import { locatePath } from './tool-path.js';

// eslint-disable-next-line no-control-regex -- colour codes are control characters by definition
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

function severityOf(text: string | undefined): Severity {
  if (!text) return 'error';
  if (/^(warn|warning)$/i.test(text)) return 'warning';
  if (/^(note|info|information|notice|hint)$/i.test(text)) return 'info';
  return 'error';
}

function positive(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Compiles the gate's pattern, with a located error when it is missing or invalid. */
export function compilePattern(pattern: string | undefined): ReturnType<typeof linearRegex> {
  if (!pattern) {
    throw new ToolOutputError('The regex parser needs a `pattern`.', 'Set gates.<name>.pattern, e.g. "^(?<file>[^:]+):(?<line>\\\\d+):(?<column>\\\\d+): (?<message>.+)$".');
  }
  let regex: ReturnType<typeof linearRegex>;
  try {
    regex = linearRegex(pattern);
  } catch (error) {
    throw new ToolOutputError(`The regex pattern is invalid: ${error instanceof Error ? error.message : String(error)}`, 'Fix gates.<name>.pattern (JavaScript regular expression syntax, without lookaround or backreferences).');
  }
  if (!/\(\?<message>/.test(pattern)) {
    throw new ToolOutputError('The regex pattern has no named group `message`.', 'Add (?<message>…) to gates.<name>.pattern; `file`, `line`, `column`, `severity` and `code` are optional.');
  }
  return regex;
}

/** The `regex` parser: `pattern` from the gate's configuration. */
export const parseRegex: Parser = (output: ToolOutput, context: ParseContext) => {
  const regex = compilePattern(context.gate.pattern);
  const text = output.report ?? `${output.stdout}\n${output.stderr}`;
  const diagnostics: DiagnosticInput[] = [];
  for (const rawLine of text.replace(ANSI, '').split(/\r?\n/)) {
    const groups = execLinear(regex, rawLine)?.groups;
    const message = groups?.message?.trim();
    if (!groups || !message) continue;
    const line = positive(groups.line) ?? 1;
    const where = locatePath(groups.file, context, positive(groups.line));
    const column = positive(groups.column);
    const endLine = positive(groups.endLine);
    const endColumn = positive(groups.endColumn);
    const start = column === undefined ? { line } : { line, column };
    const range: DiagnosticInput['range'] = endLine !== undefined && endLine >= line ? { start, end: endColumn === undefined ? { line: endLine } : { line: endLine, column: endColumn } } : { start };
    diagnostics.push({
      source: context.source,
      path: where.path,
      range: where.path ? range : { start: { line: 1 } },
      severity: severityOf(groups.severity),
      rule: groups.code?.trim() || context.source,
      message: `${where.outsidePrefix}${message}`,
    });
  }
  return { diagnostics };
};
