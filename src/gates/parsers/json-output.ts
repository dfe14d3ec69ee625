/**
 * Finds the JSON document in a tool's stdout. Tools print banners or blank lines around
 * it (basedpyright starts with a blank line), so reading starts at the first line that
 * opens a value of the expected kind.
 *
 * Large reports (basedpyright's JSON for 10,000 findings is 5 MB) are read element by
 * element: {@link jsonArrayItems} walks the text once, finds where each array element
 * begins and ends, and parses one element at a time, so the whole document never exists
 * as one object tree beside the text (and the text is never split into lines).
 */
import { ToolOutputError } from '../types.js';

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;

function isSpace(c: number): boolean {
  return c === SPACE || c === NEWLINE || c === CR || c === TAB;
}

/** Index of the first line whose first non-blank character is `opener`, or -1. */
function documentStart(text: string, opener: '[' | '{'): number {
  const want = opener.charCodeAt(0);
  let lineStart = 0;
  while (lineStart <= text.length) {
    let i = lineStart;
    while (i < text.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    if (text.charCodeAt(i) === want) return i;
    const next = text.indexOf('\n', lineStart);
    if (next === -1) return -1;
    lineStart = next + 1;
  }
  return -1;
}

function truncated(tool: string, reason: string): ToolOutputError {
  return new ToolOutputError(`${tool} printed JSON that cannot be parsed (${reason}); the output may be truncated.`);
}

/** End (exclusive) of the JSON value that starts at `i`: strings, nesting and scalars, without building anything. */
function valueEnd(text: string, i: number, tool: string): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) {
    for (let j = i + 1; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === BACKSLASH) j++;
      else if (d === QUOTE) return j + 1;
    }
    throw truncated(tool, 'unterminated string');
  }
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === QUOTE) j = valueEnd(text, j, tool) - 1;
      else if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw truncated(tool, 'unexpected end of JSON input');
  }
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j)) && text[j] !== ',' && text[j] !== '}' && text[j] !== ']') j++;
  if (j === i) throw truncated(tool, `unexpected character at position ${i}`);
  return j;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function parseSlice(text: string, start: number, end: number, tool: string): unknown {
  try {
    return JSON.parse(text.slice(start, end)) as unknown;
  } catch (error) {
    throw truncated(tool, error instanceof Error ? error.message : String(error));
  }
}

function noJson(text: string, tool: string, opener: '[' | '{'): ToolOutputError {
  if (text.trim() === '') return new ToolOutputError(`${tool} printed nothing on stdout, where its JSON report was expected.`, 'Run the command by hand to see what went wrong.');
  return new ToolOutputError(`${tool} did not print a JSON report (no line starts with "${opener}").`, 'Check that the command line still has the JSON output flag.');
}

/** After the document: only blanks, as JSON.parse of the rest would require. */
function expectEnd(text: string, i: number, tool: string): void {
  if (skipSpace(text, i) < text.length) throw truncated(tool, `unexpected text after the JSON document at position ${i}`);
}

/**
 * Walks the array at `start` (the index of its `[`), parsing one element at a time.
 * Returns the index after the array.
 */
function eachElement(text: string, start: number, tool: string, visit: (item: unknown) => void): number {
  let i = skipSpace(text, start + 1);
  if (text[i] === ']') return i + 1;
  for (;;) {
    const end = valueEnd(text, i, tool);
    visit(parseSlice(text, i, end, tool));
    i = skipSpace(text, end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
    else if (text[i] === ']') return i + 1;
    else throw truncated(tool, `expected "," or "]" at position ${i}`);
  }
}

/** The items of the JSON array a tool printed, parsed one at a time; see the module comment. */
export function jsonArrayItems(text: string, tool: string, visit: (item: unknown) => void): void {
  const start = documentStart(text, '[');
  if (start === -1) throw noJson(text, tool, '[');
  expectEnd(text, eachElement(text, start, tool, visit), tool);
}

/**
 * The JSON object a tool printed, with the array under `key` delivered item by item to
 * `visit` instead of kept (the returned object has `key` set to `true` when it was an
 * array there). Every other member is parsed whole.
 */
export function jsonObjectStreaming(text: string, tool: string, key: string, visit: (item: unknown) => void): Record<string, unknown> {
  const start = documentStart(text, '{');
  if (start === -1) throw noJson(text, tool, '{');
  const out: Record<string, unknown> = {};
  let i = skipSpace(text, start + 1);
  if (text[i] === '}') {
    expectEnd(text, i + 1, tool);
    return out;
  }
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) throw truncated(tool, `expected a member name at position ${i}`);
    const nameEnd = valueEnd(text, i, tool);
    const name = parseSlice(text, i, nameEnd, tool) as string;
    i = skipSpace(text, nameEnd);
    if (text[i] !== ':') throw truncated(tool, `expected ":" at position ${i}`);
    i = skipSpace(text, i + 1);
    if (name === key && text[i] === '[') {
      i = eachElement(text, i, tool, visit);
      out[name] = true;
    } else {
      const end = valueEnd(text, i, tool);
      out[name] = parseSlice(text, i, end, tool);
      i = end;
    }
    i = skipSpace(text, i);
    if (text[i] === ',') i = skipSpace(text, i + 1);
    else if (text[i] === '}') {
      expectEnd(text, i + 1, tool);
      return out;
    } else throw truncated(tool, `expected "," or "}" at position ${i}`);
  }
}

/** The JSON value a tool printed; throws {@link ToolOutputError} when there is none. */
export function parseJsonOutput(text: string, tool: string, opener: '[' | '{'): unknown {
  const start = documentStart(text, opener);
  if (start === -1) throw noJson(text, tool, opener);
  return parseSlice(text, start, text.length, tool);
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
