/**
 * Front matter of a spec: found by line (so its file lines are exact), parsed with the
 * same YAML 1.2 parser as the configuration (`yaml`'s parseDocument with a line counter,
 * so keys and errors have exact positions), and made safe: only YAML is read (no engine
 * that could run code), YAML errors are located, non-mappings are ignored, alias bombs
 * are cut, and plain values that YAML 1.1 readers take differently are pointed out.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Scalar } from 'yaml';
import { appendAll } from '../arrays.js';

/** A problem found in the front matter, located in the file. */
export interface FrontMatterProblem {
  rule: 'fm.yaml' | 'fm.not-mapping' | 'fm.not-first-line' | 'fm.unclosed' | 'fm.language' | 'fm.too-complex' | 'fm.yaml-surprise';
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

/** What may follow the opening `---`: nothing, or a name for YAML. */
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

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
 * Plain top-level values that YAML 1.1 readers (Jekyll, js-yaml 3, PyYAML, many
 * front-matter tools) take differently from the YAML 1.2 read here, or that do not stay
 * as written: `approved: yes` is text here and `true` there; `revision: 2.10` is the
 * number 2.1. `id` and `version` have rules of their own (fm.id.not-string, …).
 */
function yamlSurprises(doc: Document, content: string, lineCounter: LineCounter, openLine: number): FrontMatterProblem[] {
  const out: FrontMatterProblem[] = [];
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) continue;
    const key = String(pair.key.value);
    const value = pair.value as Scalar;
    if (value.type !== 'PLAIN' || !value.range || key === 'id' || key === 'version') continue;
    const source = content.slice(value.range[0], value.range[1]);
    const at = lineCounter.linePos(value.range[0]);
    const where = { line: openLine + at.line, column: at.col };
    if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(source)) {
      const meant = /^(y|yes|on)$/i.test(source);
      out.push({ rule: 'fm.yaml-surprise', ...where, message: `\`${key}: ${source}\` is read as the text "${source}"; YAML 1.1 tools read it as ${meant}. Write \`${key}: ${meant}\`, or quote the text.` });
    } else if (typeof value.value === 'number' && String(value.value) !== source.replace(/^\+/, '')) {
      out.push({ rule: 'fm.yaml-surprise', ...where, message: `\`${key}: ${source}\` is read as the number ${value.value}, not as written. Quote it to keep it as text: \`${key}: "${source}"\`.` });
    }
  }
  return out;
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
    // Closes at the first line that starts with the delimiter, as gray-matter, Jekyll and most readers do.
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

  if (!YAML_LANGUAGES.has(open[1]!.toLowerCase())) {
    problems.push({
      rule: 'fm.language',
      message: `Front matter in "${open[1]}" is not supported (only YAML is read, and code is never run); it was ignored.`,
      line: openLine,
    });
    return { data: undefined, keyLines: {}, body, bodyLineOffset, problems };
  }

  // The YAML between the delimiters: its line n is file line openLine + n.
  const content = lines.slice(first + 1, close).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    // Recover the simple `key: value` lines, so one bad line does not also lose the
    // document's type, id and status (and every reference to it).
    const recovered = recoverScalars(lines.slice(first + 1, close));
    const names = Object.keys(recovered);
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    problems.push({
      rule: 'fm.yaml',
      message: `Invalid YAML in front matter: ${reason}.${names.length > 0 ? ` Simple keys were read line by line (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}).` : ''}`,
      line: Math.min(openLine + at.line, close + 1),
      column: at.col,
    });
    return { data: names.length > 0 ? recovered : undefined, keyLines, body, bodyLineOffset, problems };
  }
  // Aliases resolve to shared objects (no copies), so an alias bomb costs nothing here;
  // sanitize() below bounds what is kept.
  const parsed: unknown = doc.toJS({ maxAliasCount: -1 });
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const start = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
      if (isScalar(pair.key) && start !== undefined) keyLines[String(pair.key.value)] = openLine + lineCounter.linePos(start).line;
    }
    appendAll(problems, yamlSurprises(doc, content, lineCounter, openLine));
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
