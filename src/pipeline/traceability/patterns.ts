/**
 * `traceability.patterns`: extra regexes whose first capture group is a requirement id,
 * for conventions the built-in scan does not know (`# Covers: FR-12`, `@Requirement("FR-12")`
 * in Java, `it("[FR-12] …")`). They come from the repository's configuration, so they
 * are untrusted: they run in linear time (RE2, src/pipeline/linear-regex.ts), and a
 * pattern that does not compile or has no capture group is refused with a problem that
 * names it, never run.
 */
import { execAll, groupCount, linearRegex } from '../linear-regex.js';
import { idsInMarkerArgument, type CitedId } from './citation-ids.js';
import type { TraceabilityProblem } from './model.js';
import { appendAll } from '../arrays.js';

/** Longest pattern accepted. */
export const MAX_PATTERN_CHARS = 500;
/** Characters of a line patterns look at: a minified 1 MB line cannot stall the scan. */
export const PATTERN_LINE_CHARS = 2000;

/** The compiled patterns and the problems of the refused ones. */
export interface CompiledPatterns {
  /** The pattern sources that compiled, each with a capture group. */
  patterns: string[];
  problems: TraceabilityProblem[];
}

/**
 * Compiles the configured patterns.
 * @param sources `traceability.patterns`
 */
export function compilePatterns(sources: readonly string[]): CompiledPatterns {
  const patterns: string[] = [];
  const problems: TraceabilityProblem[] = [];
  sources.forEach((source, i) => {
    const key = `traceability.patterns[${i}]`;
    if (source.length > MAX_PATTERN_CHARS) {
      problems.push({ key, message: `The pattern is longer than ${MAX_PATTERN_CHARS} characters; shorten it.` });
      return;
    }
    try {
      linearRegex(source, 'g');
    } catch (error) {
      problems.push({ key, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (groupCount(source) < 1) {
      problems.push({ key, message: `The pattern ${JSON.stringify(source)} has no capture group; put the requirement id in the first one, e.g. "Covers: ((?:FR|NFR)-\\\\d+)".` });
      return;
    }
    patterns.push(source);
  });
  return { patterns, problems };
}

/** The ids the patterns capture in one line. */
export function idsByPatterns(line: string, patterns: readonly string[]): CitedId[] {
  const text = line.length > PATTERN_LINE_CHARS ? line.slice(0, PATTERN_LINE_CHARS) : line;
  const out: CitedId[] = [];
  for (const source of patterns) {
    for (const m of execAll(linearRegex(source, 'g'), text)) if (m[1]) appendAll(out, idsInMarkerArgument(m[1]));
  }
  return out;
}
