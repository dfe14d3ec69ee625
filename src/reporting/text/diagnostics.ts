/**
 * Terminal rendering of any `Diagnostic[]`: findings grouped by file, each with a code
 * frame (the source lines around it, a caret under the column), colour only when asked,
 * and a summary line. Generic: spec validation and gate results both use it. Pure: the
 * caller passes a `readLines(path)` callback instead of a file system.
 */
import { countBySeverity, type Diagnostic, type Severity } from '../../pipeline/diagnostic.js';
import { paint as paintText, type Colour } from './style.js';
import { displayWidth } from './width.js';

/** Source lines of a file (index 0 = line 1), or undefined when unavailable. */
export type ReadLines = (path: string) => readonly string[] | undefined;

export interface TextRenderOptions {
  /** ANSI colours (only for a terminal that wants them). Default false. */
  color?: boolean;
  /** Source lines shown above and below the finding. Default 1. */
  context?: number;
  /** Show each finding's hint. Default true. */
  hints?: boolean;
  /** Files that were checked, for the summary ("in 2 of 5 files"). */
  checkedFiles?: number;
  /** Terminal width for long source lines. Default 120. */
  width?: number;
  /** Findings shown per file; the rest are counted. Default unlimited. */
  maxPerFile?: number;
}

type Style = Colour;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Control characters from file content or messages could drive the terminal (escape
 * sequences); show them as U+FFFD. Tabs are expanded by the code frame.
 */
export function sanitizeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

/** Display width of one code point: East Asian wide and emoji take two terminal cells, combining marks none. */
function cellWidth(cp: number): number {
  return displayWidth(String.fromCodePoint(cp));
}

/** Tabs to spaces (stops of 4) and the display column of each UTF-16 index. */
function layout(line: string): { text: string; columnAt: (index: number) => number } {
  let text = '';
  const cols: number[] = [];
  let col = 0;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    for (let k = 0; k < len; k++) cols.push(col);
    if (cp === 9) {
      const w = 4 - (col % 4);
      text += ' '.repeat(w);
      col += w;
    } else {
      text += String.fromCodePoint(cp);
      col += cellWidth(cp);
    }
    i += len;
  }
  cols.push(col);
  return { text, columnAt: (index) => cols[Math.max(0, Math.min(index, cols.length - 1))]! };
}

/** Cuts a long line to `width` cells around `focus` (a display column), marking the cuts. */
function clip(text: string, focus: number, width: number): { text: string; shift: number } {
  if (text.length <= width) return { text, shift: 0 };
  const start = Math.max(0, Math.min(focus - Math.floor(width / 3), text.length - width));
  const head = start > 0 ? '…' : '';
  const body = text.slice(start, start + width);
  const tail = start + width < text.length ? '…' : '';
  return { text: head + body + tail, shift: start - head.length };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Renders diagnostics for a terminal.
 * @param diagnostics findings from any producer
 * @param readLines the source lines of a path, for code frames
 */
export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], readLines: ReadLines, options: TextRenderOptions = {}): string {
  const color = options.color ?? false;
  const context = Math.max(0, options.context ?? 1);
  const width = Math.max(40, options.width ?? 120);
  const paint = (style: Style, text: string) => paintText(style, text, color);

  const byPath = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byPath.get(d.path) ?? [];
    list.push(d);
    byPath.set(d.path, list);
  }
  const paths = [...byPath.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
  const out: string[] = [];
  for (const path of paths) {
    const list = byPath
      .get(path)!
      .slice()
      .sort((a, b) => a.range.start.line - b.range.start.line || (a.range.start.column ?? 0) - (b.range.start.column ?? 0) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    out.push(paint('bold', paint('underline', sanitizeForTerminal(path || '(no file)'))));
    const lines = path ? readLines(path) : undefined;
    const shown = options.maxPerFile !== undefined ? list.slice(0, options.maxPerFile) : list;
    for (const d of shown) out.push(...findingLines(d, lines, { color, context, width, hints: options.hints !== false }));
    if (shown.length < list.length) out.push(paint('dim', `  … and ${list.length - shown.length} more in this file`));
    out.push('');
  }
  out.push(summaryLine(diagnostics, options.checkedFiles, paint));
  return `${out.join('\n')}\n`;
}

/** How {@link findingLines} draws one finding. */
export interface FindingLineOptions {
  color: boolean;
  /** Source lines above and below. */
  context: number;
  width: number;
  hints: boolean;
}

/**
 * One finding: `  12:5  error   first line of the message  source/rule`, the rest of a
 * multi-line message indented under it (so the rule label sits on the finding's own
 * line, not after the last line of an explanation), the code frame, hint and docs link.
 * `lines`: the file's source lines, for the frame.
 */
export function findingLines(d: Diagnostic, lines: readonly string[] | undefined, options: FindingLineOptions): string[] {
  const paint = (style: Style, text: string) => paintText(style, text, options.color);
  const out: string[] = [];
  const { line, column } = d.range.start;
  const where = d.path ? `${line}${column !== undefined ? `:${column}` : ''}` : '';
  const label = paint(SEVERITY_STYLE[d.severity], d.severity.padEnd(7));
  const [first = '', ...rest] = sanitizeMessage(d.message).split('\n');
  out.push(`  ${where ? `${paint('dim', where)}  ` : ''}${label} ${first}  ${paint('dim', `${d.source}/${d.rule}`)}`);
  for (const more of rest) out.push(`      ${more}`.trimEnd());
  if (lines && line >= 1 && line <= lines.length) out.push(...frame(lines, d, options.context, options.width, paint));
  if (options.hints && d.hint) out.push(`    ${paint('green', 'hint:')} ${sanitizeForTerminal(d.hint)}`);
  if (d.url) out.push(`    ${paint('dim', `docs: ${sanitizeForTerminal(d.url)}`)}`);
  return out;
}

/** A message's lines (CRLF or LF) with control characters shown as U+FFFD, blank edges dropped. */
function sanitizeMessage(message: string): string {
  return message
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(sanitizeForTerminal)
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function frame(lines: readonly string[], d: Diagnostic, context: number, width: number, paint: (s: Style, t: string) => string): string[] {
  const { line } = d.range.start;
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const gutter = String(last).length;
  const rows: string[] = [];
  const target = layout(sanitizeForTerminal(lines[line - 1]!));
  const raw = lines[line - 1]!;
  const startIndex = d.range.start.column !== undefined ? d.range.start.column - 1 : raw.length - raw.trimStart().length;
  const endIndex =
    d.range.end && d.range.end.line === line && d.range.end.column !== undefined && d.range.start.column !== undefined
      ? d.range.end.column
      : d.range.start.column !== undefined
        ? startIndex + 1
        : raw.trimEnd().length;
  const focus = target.columnAt(startIndex);
  const { shift } = clip(target.text, focus, width);
  for (let n = first; n <= last; n++) {
    const shown = n === line ? target : layout(sanitizeForTerminal(lines[n - 1]!));
    const text = shift > 0 || shown.text.length > width ? clip(shown.text, focus, width).text : shown.text;
    const marker = n === line ? paint(SEVERITY_STYLE[d.severity], '>') : ' ';
    rows.push(`  ${marker} ${paint('dim', `${String(n).padStart(gutter)} │`)} ${text}`.trimEnd());
    if (n === line) {
      const from = Math.max(0, focus - shift);
      const to = Math.max(from + 1, target.columnAt(Math.max(endIndex, startIndex + 1)) - shift);
      const caretWidth = Math.min(to - from, width);
      rows.push(`    ${' '.repeat(gutter)} ${paint('dim', '│')} ${' '.repeat(from)}${paint(SEVERITY_STYLE[d.severity], '^'.repeat(Math.max(1, caretWidth)))}`);
    }
  }
  return rows;
}

/** `2 errors, 1 warning and 3 infos in 2 of 5 files`, or a clean bill. */
export function summaryLine(diagnostics: readonly Diagnostic[], checkedFiles?: number, paint: (s: Style, t: string) => string = (_s, t) => t): string {
  const counts = countBySeverity(diagnostics);
  const files = new Set(diagnostics.map((d) => d.path)).size;
  const ofFiles = checkedFiles !== undefined ? ` in ${files} of ${plural(checkedFiles, 'file')}` : files > 0 ? ` in ${plural(files, 'file')}` : '';
  if (diagnostics.length === 0) return paint('green', `✔ No problems${checkedFiles !== undefined ? ` in ${plural(checkedFiles, 'file')}` : ''}.`);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
  const style: Style = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'cyan';
  return paint(style, `${counts.error > 0 ? '✖' : counts.warning > 0 ? '⚠' : 'ℹ'} ${parts.join(', ')}${ofFiles}.`);
}

/** Options of {@link renderDiagnostics}: the text options plus where source lines come from. */
export interface RenderDiagnosticsOptions extends TextRenderOptions {
  /** Source lines by path (for code frames). */
  readLines?: ReadLines;
  /** Or the sources' text by path, when the caller already holds it. */
  sources?: Readonly<Record<string, string>>;
}

/**
 * Convenience form of {@link renderDiagnosticsText}: source lines from `readLines` or
 * `sources`; without either, findings are listed without code frames.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderDiagnosticsOptions = {}): string {
  const { readLines, sources, ...text } = options;
  const fromSources: ReadLines = (path) => {
    const source = sources?.[path];
    return source === undefined ? undefined : source.replace(/\r\n?/g, '\n').split('\n');
  };
  return renderDiagnosticsText(diagnostics, readLines ?? fromSources, text);
}
