/**
 * Front matter of a spec: found by line (so its file lines are exact), parsed with
 * gray-matter (always with an options object: without one gray-matter returns a shared
 * cached `data` object, §9.5), and made safe: JavaScript front matter is never
 * evaluated, YAML errors are located, non-mappings are ignored, alias bombs are cut.
 */
import matter from 'gray-matter';

/** A problem found in the front matter, located in the file. */
export interface FrontMatterProblem {
  rule: 'fm.yaml' | 'fm.not-mapping' | 'fm.not-first-line' | 'fm.unclosed' | 'fm.language' | 'fm.too-complex';
  message: string;
  line: number;
  column?: number;
}

export interface FrontMatter {
  /** The parsed mapping, or undefined when there is none (or it was unusable). */
  data: Record<string, unknown> | undefined;
  /** File line (1-based) of each top-level key. */
  keyLines: Record<string, number>;
  /** The Markdown after the front matter. */
  body: string;
  /** Number of file lines before `body` starts: body line n is file line n + offset. */
  bodyLineOffset: number;
  problems: FrontMatterProblem[];
}

/** Limits for the sanitized copy of front-matter data. */
const MAX_NODES = 5000;
const MAX_DEPTH = 12;

const OPEN = /^---([A-Za-z0-9_-]*)[ \t]*$/;
const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:/;

class RefusedLanguage extends Error {}

const refuse = (language: string) => () => {
  throw new RefusedLanguage(language);
};

/** gray-matter options: YAML only; the JavaScript and CoffeeScript engines would `eval`. */
const MATTER_OPTIONS = {
  engines: {
    javascript: refuse('JavaScript'),
    js: refuse('JavaScript'),
    coffee: refuse('CoffeeScript'),
    coffeescript: refuse('CoffeeScript'),
    cson: refuse('CoffeeScript'),
    json: refuse('JSON'),
  },
};

interface SanitizeState {
  nodes: number;
  truncated: boolean;
}

/**
 * A plain, bounded copy: Dates become `YYYY-MM-DD` (or ISO) strings, depth and node
 * count are capped so `a: &x [*x, *x]`-style alias trees cannot blow up later walks.
 */
function sanitize(value: unknown, depth: number, state: SanitizeState): unknown {
  state.nodes += 1;
  if (state.nodes > MAX_NODES || depth > MAX_DEPTH) {
    state.truncated = true;
    return undefined;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return String(value);
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (state.truncated) break;
      out.push(sanitize(item, depth + 1, state));
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (state.truncated) break;
      if (k === '__proto__') continue;
      out[k] = sanitize(v, depth + 1, state);
    }
    return out;
  }
  return value;
}

const SCALAR_LINE = /^(?<key>[A-Za-z_][\w.-]*)[ \t]*:[ \t]+(?<value>[^\s[{|>&*!#%@`][^\n]*?)[ \t]*$/;

/** Top-level `key: scalar` lines of a front matter that failed to parse, quotes removed. */
function recoverScalars(lines: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of lines) {
    const m = SCALAR_LINE.exec(line);
    if (!m?.groups || m.groups.key! in out || m.groups.key === '__proto__') continue;
    const value = m.groups.value!.replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2');
    if (value !== '') out[m.groups.key!] = value;
  }
  return out;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * Splits off and parses the front matter of normalized text (LF line endings, no BOM).
 * Never throws.
 */
export function readFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n');
  const none = (problems: FrontMatterProblem[] = []): FrontMatter => ({ data: undefined, keyLines: {}, body: text, bodyLineOffset: 0, problems });

  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first += 1;
  const open = first < lines.length ? OPEN.exec(lines[first]!) : null;
  if (!open) return none();

  let close = -1;
  for (let i = first + 1; i < lines.length; i++) {
    // gray-matter closes at the first line that starts with the delimiter.
    if (lines[i]!.startsWith('---')) {
      close = i;
      break;
    }
  }
  if (first > 0) {
    // Only a block of `key: value` lines is front matter out of place; otherwise it is a thematic break.
    const firstContent = lines.slice(first + 1, close === -1 ? undefined : close).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    if (close === -1 || !firstContent || !KEY_LINE.test(firstContent)) return none();
  }
  if (close === -1) {
    return none([
      {
        rule: 'fm.unclosed',
        message: 'The file starts with `---` but no closing `---` line follows; it was read as Markdown without front matter.',
        line: first + 1,
      },
    ]);
  }

  const problems: FrontMatterProblem[] = [];
  if (first > 0) {
    problems.push({
      rule: 'fm.not-first-line',
      message: `Front matter starts on line ${first + 1}, not line 1; GitHub and most tools will not read it. It was read anyway.`,
      line: first + 1,
    });
  }
  const openLine = first + 1;
  const keyLines: Record<string, number> = {};
  for (let i = first + 1; i < close; i++) {
    const m = KEY_LINE.exec(lines[i]!);
    if (m && !(m[1]! in keyLines)) keyLines[m[1]!] = i + 1;
  }
  const body = lines.slice(close + 1).join('\n');
  const bodyLineOffset = close + 1;
  const block = lines.slice(first, close + 1).join('\n') + '\n';

  let parsed: unknown;
  try {
    parsed = matter(block, MATTER_OPTIONS).data;
  } catch (error) {
    if (error instanceof RefusedLanguage || (error instanceof Error && /engine ".*" is not registered/.test(error.message))) {
      const language = open[1] || 'unknown';
      problems.push({
        rule: 'fm.language',
        message: `Front matter in "${language}" is not supported (only YAML is read, and code is never run); it was ignored.`,
        line: openLine,
      });
      return { data: undefined, keyLines: {}, body, bodyLineOffset, problems };
    }
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    const line = typeof mark?.line === 'number' ? Math.min(openLine + mark.line, close + 1) : openLine;
    // Recover the simple `key: value` lines, so one bad line does not also lose the
    // document's type, id and status (and every reference to it).
    const recovered = recoverScalars(lines.slice(first + 1, close));
    const names = Object.keys(recovered);
    problems.push({
      rule: 'fm.yaml',
      message: `Invalid YAML in front matter: ${reason}.${names.length > 0 ? ` Simple keys were read line by line (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}).` : ''}`,
      line,
      ...(typeof mark?.column === 'number' ? { column: mark.column + 1 } : {}),
    });
    return { data: names.length > 0 ? recovered : undefined, keyLines, body, bodyLineOffset, problems };
  }

  if (parsed === undefined || parsed === null || (isMapping(parsed) && Object.keys(parsed).length === 0 && Object.keys(keyLines).length === 0)) {
    return { data: {}, keyLines, body, bodyLineOffset, problems };
  }
  if (!isMapping(parsed)) {
    const kind = Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`;
    problems.push({
      rule: 'fm.not-mapping',
      message: `The block between the first two \`---\` lines is ${kind}, not \`key: value\` pairs; it was ignored and the whole file read as Markdown.`,
      line: openLine,
    });
    return { data: undefined, keyLines: {}, body: text, bodyLineOffset: 0, problems };
  }
  const state: SanitizeState = { nodes: 0, truncated: false };
  const data = sanitize(parsed, 0, state) as Record<string, unknown>;
  if (state.truncated) {
    problems.push({
      rule: 'fm.too-complex',
      message: `The front matter is nested deeper than ${MAX_DEPTH} levels or holds more than ${MAX_NODES} values (YAML aliases multiply); only part of it was kept.`,
      line: openLine,
    });
  }
  return { data, keyLines, body, bodyLineOffset, problems };
}
