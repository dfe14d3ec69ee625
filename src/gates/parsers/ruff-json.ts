/**
 * `ruff check --output-format=json`: an array of findings with 1-based, character-based
 * `location`/`end_location` (end exclusive) and an optional fix.
 */
import type { DiagnosticInput, Fix } from '../../pipeline/diagnostic.js';
import { ToolOutputError, type ParseContext, type Parser, type ToolOutput } from '../types.js';
import { isRecord, jsonArrayItems, num, str } from './json-output.js';
import { locatePath } from './tool-path.js';

interface RuffPoint {
  line: number;
  column: number;
}

function point(value: unknown): RuffPoint | undefined {
  if (!isRecord(value)) return undefined;
  const line = num(value.row);
  const column = num(value.column);
  return line === undefined || column === undefined ? undefined : { line, column };
}

/** ruff's end is exclusive; the normalized range's end is inclusive. */
function rangeOf(start: RuffPoint, end: RuffPoint | undefined): DiagnosticInput['range'] {
  if (!end || end.line < start.line) return { start };
  const column = end.line === start.line ? Math.max(start.column, end.column - 1) : Math.max(1, end.column - 1);
  return { start, end: { line: end.line, column } };
}

function fixOf(value: unknown): Fix | undefined {
  if (!isRecord(value) || !Array.isArray(value.edits)) return undefined;
  const applicability = str(value.applicability);
  // display-only fixes are explanations, not edits anyone should apply.
  if (applicability === 'display-only') return undefined;
  const edits = [];
  for (const edit of value.edits) {
    if (!isRecord(edit)) return undefined;
    const start = point(edit.location);
    const end = point(edit.end_location);
    if (!start || !end) return undefined;
    edits.push({ range: { start, end }, newText: str(edit.content) ?? '' });
  }
  if (edits.length === 0) return undefined;
  const message = str(value.message);
  const description = applicability === 'unsafe' ? `${message ?? 'Fix'} (unsafe: review before applying)` : message;
  return description === undefined ? { edits } : { description, edits };
}

function toDiagnostic(item: unknown, context: ParseContext): DiagnosticInput {
  if (!isRecord(item)) throw new ToolOutputError('ruff printed a JSON array whose items are not findings.');
  const message = str(item.message);
  const start = point(item.location);
  if (message === undefined || start === undefined) {
    throw new ToolOutputError('ruff printed a finding without `message` or `location`; the output format may have changed.');
  }
  const end = point(item.end_location);
  const where = locatePath(str(item.filename), context, start.line);
  const cell = num(item.cell);
  const code = str(item.code);
  const diagnostic: DiagnosticInput = {
    source: context.source,
    path: where.path,
    // A notebook's row/column count within a cell; without the cell the line would point at the wrong place.
    range: cell === undefined && where.path ? rangeOf(start, end) : { start: { line: 1 } },
    severity: 'error',
    rule: code ?? 'syntax-error',
    message: `${where.outsidePrefix}${cell === undefined ? '' : `cell ${cell}, line ${start.line}: `}${message}`,
  };
  const url = str(item.url);
  if (url) diagnostic.url = url;
  const fix = cell === undefined ? fixOf(item.fix) : undefined;
  if (fix) diagnostic.fix = fix;
  return diagnostic;
}

/** The `ruff` parser. */
export const parseRuffJson: Parser = (output: ToolOutput, context: ParseContext) => {
  const diagnostics: DiagnosticInput[] = [];
  jsonArrayItems(output.stdout, 'ruff', (item) => diagnostics.push(toDiagnostic(item, context)));
  return { diagnostics };
};
