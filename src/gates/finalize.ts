/**
 * The last step for every parser's output: lines clamped to the file (tools report
 * lines past EOF), columns dropped where a clamp made them meaningless, fingerprints
 * from the line's text, and the reading order.
 */
import { assignFingerprints, clampLine, sortDiagnostics, type Diagnostic, type DiagnosticInput } from '../pipeline/diagnostic.js';
import type { SourceFiles } from './types.js';

function clampRange(d: DiagnosticInput, files: SourceFiles): DiagnosticInput {
  const safeStart = Number.isFinite(d.range.start.line) && d.range.start.line >= 1 ? Math.floor(d.range.start.line) : 1;
  const count = d.path ? files.lineCount(d.path) : undefined;
  if (count === undefined) {
    return safeStart === d.range.start.line ? d : { ...d, range: { start: { line: safeStart } } };
  }
  const lineCount = Math.max(1, count);
  const start = clampLine(safeStart, lineCount);
  if (start !== d.range.start.line) return { ...d, range: { start: { line: start } } };
  if (!d.range.end) return d;
  const end = clampLine(d.range.end.line, lineCount);
  if (end < start) return { ...d, range: { start: d.range.start } };
  if (end !== d.range.end.line) return { ...d, range: { start: d.range.start, end: { line: end } } };
  return d;
}

/** Clamped, sorted, fingerprinted diagnostics, ready for any reporter. */
export function finalizeDiagnostics(inputs: readonly DiagnosticInput[], files: SourceFiles): Diagnostic[] {
  // Sorted before fingerprinting, so occurrence suffixes do not depend on the tool's output order.
  const clamped = sortDiagnostics(inputs.map((d) => clampRange(d, files)) as Diagnostic[]);
  return assignFingerprints(clamped, (path, line) => files.lineText(path, line));
}
