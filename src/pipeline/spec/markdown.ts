/**
 * Markdown body → a flat list of blocks with *file* line numbers. Each chunk of
 * `chunks.ts` is parsed with mdast-util-from-markdown and GFM tables, task list items
 * and strikethrough (§9.1: without GFM no task item or table is seen), then flattened
 * into blocks right away, so only one chunk's tree is alive at a time.
 *
 * GFM autolink literals and footnotes are left out on purpose: spec parsing never
 * needs them, and the autolink scanner alone halves parsing throughput.
 */
import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { countDelimiters, DEFAULT_CHUNK_LIMITS, dedentLine, splitIntoChunks, type ChunkLimits } from './chunks.js';

/** A link in inline content. */
export interface InlineLink {
  url: string;
  line: number;
  column: number;
}

interface BlockBase {
  /** File line (1-based) where the block starts. */
  line: number;
  column: number;
  endLine: number;
  /** Index of the enclosing list item block, or -1. */
  item: number;
}

/** Plain text of inline content: markup removed, code spans kept, hard breaks as `\n`. */
interface Inline {
  text: string;
  /** Contents of inline code spans, in order. */
  codes: string[];
  links: InlineLink[];
}

export interface HeadingBlock extends BlockBase, Inline {
  kind: 'heading';
  depth: number;
}

export interface ParagraphBlock extends BlockBase, Inline {
  kind: 'paragraph';
  raw: string;
}

export interface ItemBlock extends BlockBase, Inline {
  kind: 'item';
  /** 1 for a top-level list item. */
  listDepth: number;
  ordered: boolean;
  /** The item's number in an ordered list. */
  ordinal?: number;
  /** GFM task state: true/false for `[x]`/`[ ]`, null for a plain item. */
  checked: boolean | null;
  /** Source of the item's first paragraph, marker included. */
  raw: string;
}

export interface RowBlock extends BlockBase {
  kind: 'row';
  cells: string[];
  header: boolean;
  codes: string[];
  links: InlineLink[];
  raw: string;
}

export interface CodeBlock extends BlockBase {
  kind: 'code';
  lang: string;
  value: string;
}

export interface BreakBlock extends BlockBase {
  kind: 'break';
}

export interface HtmlBlock extends BlockBase {
  kind: 'html';
  value: string;
}

export type Block = HeadingBlock | ParagraphBlock | ItemBlock | RowBlock | CodeBlock | BreakBlock | HtmlBlock;

export interface ParsedMarkdown {
  blocks: Block[];
  /** File lines (inclusive ranges) of code blocks and HTML blocks: markers there are "in code". */
  codeRanges: Array<[number, number]>;
  /** File line of the first line whose nesting was flattened, if any. */
  flattenedLine?: number;
  /** File line of the first line read as plain text because of its inline delimiters, if any. */
  defusedLine?: number;
  chunkCount: number;
}

/** The number an ordered list item is written with (mdast only keeps the list's start). */
const ORDINAL = /^(\d{1,9})[.)]/;

type FromMarkdownOptions = NonNullable<Parameters<typeof fromMarkdown>[1]>;

/**
 * Parser options per combination of the GFM constructs a chunk can contain: a table
 * needs `|`, a task item `[`, strikethrough `~`. Leaving out what cannot match saves
 * the table extension's per-line probing on most chunks.
 */
const OPTIONS_BY_MASK: FromMarkdownOptions[] = Array.from({ length: 8 }, (_, mask) => ({
  extensions: [...(mask & 1 ? [gfmTable()] : []), ...(mask & 2 ? [gfmTaskListItem()] : []), ...(mask & 4 ? [gfmStrikethrough()] : [])],
  mdastExtensions: [
    ...(mask & 1 ? [gfmTableFromMarkdown()] : []),
    ...(mask & 2 ? [gfmTaskListItemFromMarkdown()] : []),
    ...(mask & 4 ? [gfmStrikethroughFromMarkdown()] : []),
  ],
}));

function optionsFor(text: string): FromMarkdownOptions {
  const mask = (text.includes('|') ? 1 : 0) | (text.includes('[') ? 2 : 0) | (text.includes('~') ? 4 : 0);
  return OPTIONS_BY_MASK[mask]!;
}

/**
 * A line with more inline delimiters than this is read as plain text: its delimiters are
 * swapped for private-use characters of the same length (so columns stay exact) and
 * swapped back in the extracted text. micromark's emphasis and link resolution is
 * quadratic in the delimiters of a paragraph; no real spec line has this many.
 */
const MAX_LINE_DELIMITERS = 256;
const DEFUSE_BASE = 0xe000;
const DEFUSABLE = /[*_[\]()~`<>!&]/g;
const DEFUSED = /[\ue000-\ue07f]/g; // includes `|` (0xe07c) for over-wide table rows

function defuse(line: string): string {
  return line.replace(DEFUSABLE, (c) => String.fromCharCode(DEFUSE_BASE + c.charCodeAt(0)));
}

/** GFM tables get slower per cell as rows widen; a row this wide is read as text. */
const MAX_LINE_PIPES = 256;

function countPipes(line: string): number {
  let n = 0;
  for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) n += 1;
  return n;
}

function restoreDefused(text: string): string {
  return text.replace(DEFUSED, (c) => String.fromCharCode(c.charCodeAt(0) - DEFUSE_BASE));
}

/** Container markers (`>`, `- `, `1. `) followed by each other on one line, beyond which nesting is flattened. */
const MAX_LINE_NESTING = 32;
const LINE_CONTAINERS = /^(?:[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/;

function flattenLine(line: string): string | undefined {
  const m = LINE_CONTAINERS.exec(line);
  if (!m) return undefined;
  const prefix = m[0];
  const markers = prefix.match(/>|[-*+](?=[ \t])|\d{1,9}[.)]/g) ?? [];
  if (markers.length <= MAX_LINE_NESTING) return undefined;
  let kept = 0;
  let cut = 0;
  const re = /[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y;
  while (kept < MAX_LINE_NESTING) {
    re.lastIndex = cut;
    const mm = re.exec(prefix);
    if (!mm) break;
    cut = re.lastIndex;
    kept += 1;
  }
  return prefix.slice(0, cut) + line.slice(prefix.length);
}

/** Plain text of phrasing content, iteratively (emphasis can nest thousands deep in hostile input). */
function inlineOf(children: readonly Nodes[], at: ChunkMap): Inline {
  const inline = collectInline(children, at);
  if (!at.defused) return inline;
  return { text: restoreDefused(inline.text), codes: inline.codes.map(restoreDefused), links: inline.links };
}

function collectInline(children: readonly Nodes[], at: ChunkMap): Inline {
  let text = '';
  const codes: string[] = [];
  const links: InlineLink[] = [];
  const stack: Nodes[] = [...children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'text':
        text += node.value;
        break;
      case 'inlineCode':
        text += node.value;
        codes.push(node.value);
        break;
      case 'break':
        text += '\n';
        break;
      case 'image':
        text += node.alt ?? '';
        break;
      case 'html':
        break;
      case 'link':
        if (node.position) links.push({ url: node.url, line: at.line(node.position.start.line), column: at.column(node.position.start.line, node.position.start.column) });
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
        break;
      default:
        if ('children' in node) {
          const kids = (node as Parent).children;
          for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]! as Nodes);
        }
    }
  }
  return { text, codes, links };
}

/** Maps chunk positions back to the file. */
interface ChunkMap {
  line(chunkLine: number): number;
  column(chunkLine: number, chunkColumn: number): number;
  /** Some line of the chunk was defused: restore its characters in extracted text. */
  defused: boolean;
}

interface Frame {
  node: RootContent;
  item: number;
  listDepth: number;
  /** Set for the first paragraph of a list item: already folded into the item block. */
  skip: boolean;
  /** For list items: the number in an ordered list. */
  ordinal?: number;
}

/**
 * Parses a Markdown body (text after the front matter) into blocks.
 * @param body normalized text (LF line endings)
 * @param lineOffset file lines before the body (front matter), added to every line
 */
export function parseMarkdown(body: string, lineOffset: number, limits: ChunkLimits = DEFAULT_CHUNK_LIMITS): ParsedMarkdown {
  const lines = body.split('\n');
  const chunks = splitIntoChunks(lines, limits);
  const blocks: Block[] = [];
  const codeRanges: Array<[number, number]> = [];
  const itemByLine = new Map<number, number>();
  let flattenedLine: number | undefined;
  let defusedLine: number | undefined;

  for (const chunk of chunks) {
    const parts: string[] = [];
    // Characters removed from the start of each chunk line (dedent, flattening), to restore columns.
    const removed: number[] = [];
    let defused = false;
    for (let i = chunk.start; i < chunk.end; i++) {
      const original = lines[i]!;
      let line = chunk.dedent > 0 ? dedentLine(original, chunk.dedent) : original;
      if (line.length > MAX_LINE_NESTING) {
        const flat = flattenLine(line);
        if (flat !== undefined) {
          line = flat;
          flattenedLine ??= i + 1 + lineOffset;
        }
      }
      if (line.length > MAX_LINE_DELIMITERS && countDelimiters(line) > MAX_LINE_DELIMITERS) {
        line = defuse(line);
        defusedLine ??= i + 1 + lineOffset;
        defused = true;
      }
      if (line.length > MAX_LINE_PIPES && countPipes(line) > MAX_LINE_PIPES) {
        line = line.replaceAll('|', String.fromCharCode(DEFUSE_BASE + 124));
        defusedLine ??= i + 1 + lineOffset;
        defused = true;
      }
      parts.push(line);
      removed.push(original.length - line.length);
    }
    const text = parts.join('\n');
    // Chunk line 1 is body line chunk.start + 1, i.e. file line chunk.start + 1 + lineOffset.
    const shift = chunk.start + lineOffset;
    const at: ChunkMap = {
      line: (l) => l + shift,
      column: (l, c) => Math.max(1, c + (removed[l - 1] ?? 0)),
      defused,
    };
    const parentItem = chunk.parentLine >= 0 ? (itemByLine.get(chunk.parentLine) ?? -1) : -1;
    const tree = fromMarkdown(text, optionsFor(text));
    const stack: Frame[] = [];
    for (let i = tree.children.length - 1; i >= 0; i--) stack.push({ node: tree.children[i]!, item: parentItem, listDepth: chunk.depthOffset, skip: false });
    while (stack.length > 0) {
      const { node, item, listDepth, skip, ordinal } = stack.pop()!;
      const pos = node.position;
      if (!pos) continue;
      const base: BlockBase = { line: at.line(pos.start.line), column: at.column(pos.start.line, pos.start.column), endLine: at.line(pos.end.line), item };
      const source = (from: number, to?: number) => (defused ? restoreDefused(text.slice(from, to)) : text.slice(from, to));
      const slice = () => source(pos.start.offset ?? 0, pos.end.offset ?? 0);
      switch (node.type) {
        case 'heading':
          blocks.push({ kind: 'heading', depth: node.depth, ...base, ...inlineOf(node.children, at) });
          break;
        case 'paragraph':
          if (!skip) blocks.push({ kind: 'paragraph', ...base, raw: slice(), ...inlineOf(node.children, at) });
          break;
        case 'list':
          for (let i = node.children.length - 1; i >= 0; i--) {
            const child = node.children[i]!;
            const written = node.ordered && child.position ? ORDINAL.exec(text.slice(child.position.start.offset ?? 0, (child.position.start.offset ?? 0) + 12)) : null;
            const ordinal = node.ordered ? (written ? Number(written[1]) : (node.start ?? 1) + i) : undefined;
            stack.push({ node: child, item, listDepth: listDepth + 1, skip: false, ...(ordinal !== undefined ? { ordinal } : {}) });
          }
          break;
        case 'listItem': {
          const first = node.children[0];
          const firstIsParagraph = first?.type === 'paragraph';
          const inline = firstIsParagraph ? inlineOf(first.children as PhrasingContent[], at) : { text: '', codes: [], links: [] };
          const rawEnd = firstIsParagraph && first.position ? first.position.end.offset : undefined;
          const raw = rawEnd !== undefined ? source(pos.start.offset ?? 0, rawEnd) : (source(pos.start.offset ?? 0).split('\n', 1)[0] ?? '');
          const index = blocks.length;
          blocks.push({
            kind: 'item',
            ...base,
            listDepth,
            ordered: ordinal !== undefined,
            ...(ordinal !== undefined ? { ordinal } : {}),
            checked: node.checked ?? null,
            raw,
            ...inline,
          });
          itemByLine.set(pos.start.line - 1 + chunk.start, index);
          for (let i = node.children.length - 1; i >= 0; i--) {
            stack.push({ node: node.children[i]!, item: index, listDepth, skip: i === 0 && firstIsParagraph });
          }
          break;
        }
        case 'table':
          node.children.forEach((row, r) => {
            if (!row.position) return;
            const cells = row.children.map((cell) => inlineOf(cell.children, at));
            blocks.push({
              kind: 'row',
              line: at.line(row.position.start.line),
              column: at.column(row.position.start.line, row.position.start.column),
              endLine: at.line(row.position.end.line),
              item,
              cells: cells.map((c) => c.text),
              header: r === 0,
              codes: cells.flatMap((c) => c.codes),
              links: cells.flatMap((c) => c.links),
              raw: source(row.position.start.offset ?? 0, row.position.end.offset ?? 0),
            });
          });
          break;
        case 'code':
          blocks.push({ kind: 'code', ...base, lang: (node.lang ?? '').toLowerCase(), value: defused ? restoreDefused(node.value) : node.value });
          codeRanges.push([base.line, base.endLine]);
          break;
        case 'html':
          blocks.push({ kind: 'html', ...base, value: node.value });
          codeRanges.push([base.line, base.endLine]);
          break;
        case 'thematicBreak':
          blocks.push({ kind: 'break', ...base });
          break;
        case 'blockquote':
          for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, item, listDepth, skip: false });
          break;
        default:
          // definitions, footnotes: nothing a spec check needs.
          break;
      }
    }
  }
  return {
    blocks,
    codeRanges,
    ...(flattenedLine !== undefined ? { flattenedLine } : {}),
    ...(defusedLine !== undefined ? { defusedLine } : {}),
    chunkCount: chunks.length,
  };
}
