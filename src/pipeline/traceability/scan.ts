/**
 * The scan of a repository's test and code files (given as path and text) into a
 * {@link TraceIndex}. Python files are tokenized (scan-python.ts); files in other
 * languages count every id they mention, since their tests carry the id in the test's
 * name or description string.
 */
import type { TraceabilityConfig } from '../config/schema.js';
import { idsInText } from './citation-ids.js';
import type { Citation, SkippedFile, TraceabilityProblem, TraceIndex } from './model.js';
import { compilePatterns, idsByPatterns } from './patterns.js';
import { scanPython } from './scan-python.js';
import { appendAll } from '../arrays.js';

/** A file to scan. */
export interface SourceFile {
  /** Repo-relative, forward slashes. */
  path: string;
  text: string;
}

/** The files to scan, split by role. */
export interface ScanInput {
  tests: readonly SourceFile[];
  code: readonly SourceFile[];
  /** Files the reader left out (too large, binary…), carried into the index. */
  skipped?: readonly SkippedFile[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `req` → `["req"]`; `traceability.marker` may also name a dotted marker path. */
function markerParts(marker: string): { parts: string[] } | { problem: TraceabilityProblem } {
  const parts = marker.split('.');
  if (parts.every((p) => IDENTIFIER.test(p))) return { parts };
  return { problem: { key: 'traceability.marker', message: `${JSON.stringify(marker)} is not a pytest marker name (letters, digits and "_"); markers are not recognized until it is fixed.` } };
}

function isPython(path: string): boolean {
  return /\.pyi?$/i.test(path);
}

/** Citations in a file that is not Python: every id mentioned, plus the patterns. */
function scanText(file: SourceFile, patterns: readonly string[]): Citation[] {
  const out: Citation[] = [];
  const lines = file.text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (const id of idsInText(line)) out.push({ id: id.id, canonicalId: id.canonicalId, path: file.path, line: i + 1, via: 'text' });
    if (patterns.length > 0) for (const id of idsByPatterns(line, patterns)) out.push({ id: id.id, canonicalId: id.canonicalId, path: file.path, line: i + 1, via: 'pattern' });
  }
  return out;
}

/** The same id cited twice on one line (a marker and a pattern, say) is one citation. */
function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.path}\u0000${c.line}\u0000${c.canonicalId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Scans test and code files for requirement ids.
 * @param input the files, by role
 * @param config `traceability` of the configuration (marker name and patterns)
 */
export function scanTraceability(input: ScanInput, config: Pick<TraceabilityConfig, 'marker' | 'patterns'>): TraceIndex {
  const { patterns, problems } = compilePatterns(config.patterns);
  const marker = markerParts(config.marker);
  if ('problem' in marker) problems.push(marker.problem);
  const parts = 'parts' in marker ? marker.parts : [];
  const tests: Citation[] = [];
  const code: Citation[] = [];
  let testFunctions = 0;
  const byPath = (a: SourceFile, b: SourceFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  for (const file of [...input.tests].sort(byPath)) {
    if (isPython(file.path)) {
      // With no valid marker name, markers match nothing (an empty part list would match `mark(`).
      const scan = scanPython(file.path, file.text, { kind: 'test', marker: parts.length > 0 ? parts : ['\u0000'], patterns });
      appendAll(tests, dedupe(scan.citations));
      testFunctions += scan.testFunctions;
    } else appendAll(tests, dedupe(scanText(file, patterns)));
  }
  for (const file of [...input.code].sort(byPath)) {
    const found = isPython(file.path) ? scanPython(file.path, file.text, { kind: 'code', marker: [], patterns }).citations : scanText(file, patterns);
    appendAll(code, dedupe(found));
  }
  return {
    tests,
    code,
    testFiles: input.tests.length,
    codeFiles: input.code.length,
    testFunctions,
    skipped: [...(input.skipped ?? [])],
    problems,
  };
}
