/**
 * Exit code only: 0 passes; anything else fails with one diagnostic that quotes the end
 * of the output, so the reason reaches every reporter.
 */
import type { Parser, ToolOutput, ParseContext } from '../types.js';

const QUOTED_LINES = 20;

/** The last non-empty lines of a text. */
export function tail(text: string, lines = QUOTED_LINES): string {
  const all = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return all.slice(-lines).join('\n');
}

/** The `exit-code` parser. */
export const parseExitCode: Parser = (output: ToolOutput, context: ParseContext) => {
  if (output.exitCode === 0) return { diagnostics: [] };
  const quoted = tail(`${output.stdout}\n${output.stderr}`);
  return {
    diagnostics: [
      {
        source: context.source,
        path: '',
        range: { start: { line: 1 } },
        severity: 'error',
        rule: 'exit-code',
        message: `${context.source} exited with code ${output.exitCode ?? 'none'}${quoted ? `:\n${quoted}` : ' and printed nothing.'}`,
      },
    ],
  };
};
