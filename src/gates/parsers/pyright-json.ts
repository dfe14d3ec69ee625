/**
 * `basedpyright --outputjson` (and pyright's): `generalDiagnostics` with 0-based UTF-16
 * line/character ranges. `rule` and `range` may be missing; lines can be past EOF (the
 * finalizer clamps them).
 */
import type { DiagnosticInput, Severity } from '../../pipeline/diagnostic.js';
import { ToolOutputError, type ParseContext, type Parser, type ToolOutput } from '../types.js';
import { isRecord, jsonObjectStreaming, num, str } from './json-output.js';
import { interner, locatePath } from './tool-path.js';

const RULE_DOCS = 'https://docs.basedpyright.com/latest/configuration/config-files/';

const ruleUrls = new Map<string, string>();

/** One string per rule, shared by its findings (10,000 findings name a few dozen rules). */
function ruleUrl(rule: string): string {
  let url = ruleUrls.get(rule);
  if (url === undefined) ruleUrls.set(rule, (url = `${RULE_DOCS}#${rule}`));
  return url;
}

function severityOf(value: string | undefined): Severity {
  if (value === 'error') return 'error';
  if (value === 'information' || value === 'info' || value === 'hint') return 'info';
  return 'warning';
}

/** 0-based line/character → 1-based line/column. */
function position(value: unknown): { line: number; column: number } | undefined {
  if (!isRecord(value)) return undefined;
  const line = num(value.line);
  const character = num(value.character);
  return line === undefined || character === undefined ? undefined : { line: line + 1, column: character + 1 };
}

function toDiagnostic(item: unknown, context: ParseContext, intern: (text: string) => string): DiagnosticInput {
  if (!isRecord(item)) throw new ToolOutputError('basedpyright printed a diagnostic that is not an object.');
  const message = str(item.message);
  if (message === undefined) throw new ToolOutputError('basedpyright printed a diagnostic without a message; the output format may have changed.');
  const range = isRecord(item.range) ? item.range : undefined;
  const located = position(range?.start);
  const where = locatePath(str(item.file), context, located?.line);
  const start = where.path ? located : undefined;
  const endExclusive = position(range?.end);
  const rule = str(item.rule);
  const diagnostic: DiagnosticInput = {
    source: context.source,
    path: where.path,
    range: start ? { start } : { start: { line: 1 } },
    severity: severityOf(str(item.severity)),
    rule: intern(rule ?? 'basedpyright'),
    // The first line is the finding; the rest explains it ("int" is not assignable to "str").
    message: intern(`${where.outsidePrefix}${message}`),
  };
  if (start && endExclusive && endExclusive.line >= start.line) {
    const column = endExclusive.line === start.line ? Math.max(start.column, endExclusive.column - 1) : Math.max(1, endExclusive.column - 1);
    diagnostic.range = { start, end: { line: endExclusive.line, column } };
  }
  if (rule) diagnostic.url = ruleUrl(rule);
  return diagnostic;
}

/** The `basedpyright` parser (pyright's JSON too). */
export const parsePyrightJson: Parser = (output: ToolOutput, context: ParseContext) => {
  const diagnostics: DiagnosticInput[] = [];
  // Item by item: 10,000 findings never exist as one parsed document beside the text.
  const intern = interner();
  const data = jsonObjectStreaming(output.stdout, 'basedpyright', 'generalDiagnostics', (item) => diagnostics.push(toDiagnostic(item, context, intern)));
  if (data.generalDiagnostics !== true) {
    throw new ToolOutputError('basedpyright printed JSON without `generalDiagnostics`; the output format may have changed.');
  }
  const version = str(data.version);
  return { diagnostics, ...(version ? { toolVersion: version } : {}) };
};
