/**
 * Finds the JSON document in a tool's stdout. Tools print banners or blank lines around
 * it (basedpyright starts with a blank line), so parse from the first line that opens a
 * value of the expected kind.
 */
import { ToolOutputError } from '../types.js';

/** The JSON value a tool printed; throws {@link ToolOutputError} when there is none. */
export function parseJsonOutput(text: string, tool: string, opener: '[' | '{'): unknown {
  if (text.trim() === '') {
    throw new ToolOutputError(`${tool} printed nothing on stdout, where its JSON report was expected.`, 'Run the command by hand to see what went wrong.');
  }
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trimStart().startsWith(opener));
  if (first === -1) {
    throw new ToolOutputError(`${tool} did not print a JSON report (no line starts with "${opener}").`, 'Check that the command line still has the JSON output flag.');
  }
  const json = lines.slice(first).join('\n');
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ToolOutputError(`${tool} printed JSON that cannot be parsed (${reason}); the output may be truncated.`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number, or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
