/**
 * The last step for every parser's output: absolute paths under the repository root in
 * messages made repo-relative (so nothing depends on where the checkout is), lines
 * clamped to the file (tools report lines past EOF), columns dropped where a clamp made
 * them meaningless, fingerprints from the line's text, and the reading order.
 */
import { realpathSync } from 'node:fs';
import { assignFingerprints, clampLine, sortDiagnostics, type Diagnostic, type DiagnosticInput } from '../pipeline/diagnostic.js';
import type { TestSummary } from '../pipeline/gate-result.js';
import { relativizeText } from './parsers/tool-path.js';
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

function relativized(d: DiagnosticInput, roots: readonly string[]): DiagnosticInput {
  const message = relativizeText(d.message, roots);
  const hint = d.hint === undefined ? undefined : relativizeText(d.hint, roots);
  if (message === d.message && hint === d.hint) return d;
  return hint === undefined ? { ...d, message } : { ...d, message, hint };
}

/**
 * Clamped, sorted, fingerprinted diagnostics, ready for any reporter.
 * @param roots the project root (and its real path): absolute paths under it in messages become relative to it
 * @param prefix the parse context's prefix: the paths start with it, the fingerprints
 *   are of the path without it (as they were before the prefix moved into the parsers),
 *   so they match earlier runs of the same project
 */
export function finalizeDiagnostics(inputs: readonly DiagnosticInput[], files: SourceFiles, roots: readonly string[] = [], prefix = ''): Diagnostic[] {
  // Sorted before fingerprinting, so occurrence suffixes do not depend on the tool's output order.
  const clamped = sortDiagnostics(inputs.map((d) => clampRange(roots.length > 0 ? relativized(d, roots) : d, files)) as Diagnostic[]);
  const unprefixed = prefix ? (path: string) => (path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : path) : undefined;
  return assignFingerprints(clamped, (path, line) => files.lineText(path, line), unprefixed);
}

/** Test results with absolute paths under the root in their messages and tracebacks made repo-relative. */
export function finalizeTests(tests: TestSummary, roots: readonly string[]): TestSummary {
  if (roots.length === 0) return tests;
  const cases = tests.cases.map((c) => {
    if (c.message === undefined && c.details === undefined) return c;
    const next = { ...c };
    if (c.message !== undefined) next.message = relativizeText(c.message, roots);
    if (c.details !== undefined) next.details = relativizeText(c.details, roots);
    return next;
  });
  return { ...tests, cases };
}

const realRoots = new Map<string, string[]>();

/** The root as given and, when a symlink leads to it, its real path (tools print either). */
export function rootsOf(root: string): string[] {
  let roots = realRoots.get(root);
  if (!roots) {
    let real = root;
    try {
      real = realpathSync.native(root);
    } catch {
      // A root that cannot be resolved is matched as given.
    }
    roots = real === root ? [root] : [root, real];
    realRoots.set(root, roots);
  }
  return roots;
}
