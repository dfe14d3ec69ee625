/**
 * `traceability.patterns`: extra regexes whose first capture group is a requirement id,
 * for conventions the built-in scan does not know (`# Covers: FR-12`, `@Requirement("FR-12")`
 * in Java, `it("[FR-12] …")`). They come from the repository's configuration, so they
 * are untrusted: a pattern that does not compile, has no capture group or could
 * backtrack exponentially is refused with a problem that names it, never run.
 */
import { hasNestedQuantifier } from '../agent/change-set.js';
import { idsInMarkerArgument, type CitedId } from './citation-ids.js';
import type { TraceabilityProblem } from './model.js';

/** Longest pattern accepted. */
export const MAX_PATTERN_CHARS = 500;
/** Characters of a line patterns look at: a minified 1 MB line cannot stall the scan. */
export const PATTERN_LINE_CHARS = 2000;

/** The compiled patterns and the problems of the refused ones. */
export interface CompiledPatterns {
  patterns: RegExp[];
  problems: TraceabilityProblem[];
}

/**
 * Compiles the configured patterns.
 * @param sources `traceability.patterns`
 */
export function compilePatterns(sources: readonly string[]): CompiledPatterns {
  const patterns: RegExp[] = [];
  const problems: TraceabilityProblem[] = [];
  sources.forEach((source, i) => {
    const key = `traceability.patterns[${i}]`;
    if (source.length > MAX_PATTERN_CHARS) {
      problems.push({ key, message: `The pattern is longer than ${MAX_PATTERN_CHARS} characters; shorten it.` });
      return;
    }
    if (hasNestedQuantifier(source)) {
      problems.push({ key, message: `The pattern ${JSON.stringify(source)} repeats a group that itself repeats (like (a+)+), which can take exponential time; rewrite it without the nested repetition.` });
      return;
    }
    let re: RegExp;
    try {
      re = new RegExp(source, 'g');
    } catch (error) {
      problems.push({ key, message: `The pattern ${JSON.stringify(source)} is not a valid regular expression (${error instanceof Error ? error.message : String(error)}).` });
      return;
    }
    const groups = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
    if (groups < 1) {
      problems.push({ key, message: `The pattern ${JSON.stringify(source)} has no capture group; put the requirement id in the first one, e.g. "Covers: ((?:FR|NFR)-\\\\d+)".` });
      return;
    }
    patterns.push(re);
  });
  return { patterns, problems };
}

/** The ids the patterns capture in one line. */
export function idsByPatterns(line: string, patterns: readonly RegExp[]): CitedId[] {
  const text = line.length > PATTERN_LINE_CHARS ? line.slice(0, PATTERN_LINE_CHARS) : line;
  const out: CitedId[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) if (m[1]) out.push(...idsInMarkerArgument(m[1]));
  }
  return out;
}
