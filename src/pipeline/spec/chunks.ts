/**
 * Splits a Markdown body into chunks that can be parsed one by one, so parsing stays
 * linear. `fromMarkdown` (micromark) is super-linear on long lists whose items open
 * nested lists (closing each nested list rescans the events so far): 5,000
 * requirements with nested acceptance criteria took ~50 s in one call.
 *
 * A chunk starts only where a new top-level block must start (outside code fences and
 * HTML blocks): an ATX heading, a list item at the chunk's left margin, a line after a
 * blank line, a new block quote. Inside one huge list, when no such boundary comes,
 * the chunk is cut at a nested list item and the following lines are *dedented* to that
 * item's container, so they parse as the same list items; the blocks of such a chunk are
 * re-attached to the enclosing item (`parentLine`, `depthOffset`) and their columns
 * shifted back (`dedent`). Every chunk records where its lines are in the body.
 */

/** One parse unit: body lines `[start, end)`, dedented by `dedent` columns. */
export interface Chunk {
  start: number;
  end: number;
  /** Columns removed from the left of each line (nested cut); 0 for top-level chunks. */
  dedent: number;
  /** Body line (0-based) of the list item that encloses the chunk, or -1. */
  parentLine: number;
  /** List nesting depth of that enclosing item (0 when none). */
  depthOffset: number;
}

/** Tunables; the defaults keep micromark's quadratic term negligible. */
export interface ChunkLimits {
  /** Start a new chunk at the next safe boundary after this many characters. */
  targetChars: number;
  /** … or after this many nested lists opened in the chunk. */
  targetNested: number;
  /** Past this, cut at a nested list item or a block-quote line even without a safe boundary. */
  hardChars: number;
  hardNested: number;
  /**
   * Past this many inline delimiters (`*`, `_`, `[`, `(`…) in one run of non-blank lines,
   * cut between two lines of the paragraph: micromark resolves emphasis and links per
   * paragraph in quadratic time.
   */
  hardDelimiters: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { targetChars: 8 * 1024, targetNested: 12, hardChars: 32 * 1024, hardNested: 24, hardDelimiters: 128 };

/** Characters that open or close inline constructs (emphasis, links, code, HTML, entities). */
const DELIMITER = new Uint8Array(128);
for (const c of '*_[]()~`<>!&') DELIMITER[c.charCodeAt(0)] = 1;

/** How many inline delimiter characters a line holds. */
export function countDelimiters(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 128 && DELIMITER[c] === 1) n += 1;
  }
  return n;
}

interface OpenItem {
  markerIndent: number;
  contentIndent: number;
  line: number;
}

interface LineShape {
  blank: boolean;
  indent: number;
  /** Text after the leading whitespace. */
  content: string;
}

const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const BULLET = /^([-*+])([ \t]+|$)/;
const ORDERED = /^(\d{1,9})([.)])([ \t]+|$)/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const HTML_RAW = /^<(?:script|pre|style|textarea)(?:\s|>|$)/i;
const HTML_COMMENT = /^<!--/;
const HTML_OTHER = /^<[A-Za-z/?!]/;

/** Leading whitespace in columns (tab stops of 4) and the rest of the line. */
export function shapeOf(line: string): LineShape {
  let col = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col += 1;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  const content = line.slice(i);
  return { blank: content === '' || content.trim() === '', indent: col, content };
}

/** Width of a list marker plus its following spaces (1–4), or 0 when `content` is not a list item. */
function listMarkerWidth(content: string): number {
  if (THEMATIC.test(content)) return 0;
  const m = BULLET.exec(content) ?? ORDERED.exec(content);
  if (!m) return 0;
  const marker = m[0].trimEnd().length;
  const spaces = m[0].length - marker;
  // 5+ spaces after the marker means indented code inside the item: content starts after 1 space.
  return marker + (spaces === 0 ? 1 : spaces > 4 ? 1 : spaces);
}

/** Strips block-quote markers; returns the quote depth and the content inside. */
function stripQuotes(content: string): { depth: number; inner: string } {
  let depth = 0;
  let s = content;
  for (;;) {
    const m = /^>[ ]?/.exec(s);
    if (!m) break;
    depth += 1;
    s = s.slice(m[0].length).replace(/^ {0,3}(?=>)/, '');
  }
  return { depth, inner: s };
}

/** Splits body lines into chunks (see the module comment). Linear in the number of lines. */
export function splitIntoChunks(lines: readonly string[], limits: ChunkLimits = DEFAULT_CHUNK_LIMITS): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { start: 0, end: lines.length, dedent: 0, parentLine: -1, depthOffset: 0 };
  let chars = 0;
  let nested = 0;
  let runDelimiters = 0;

  const items: OpenItem[] = [];
  const quoteItems: OpenItem[] = [];
  let fence: { close: RegExp; containerIndent: number } | null = null;
  let html: { end: RegExp | 'blank'; containerIndent: number } | null = null;
  let prevBlank = true;
  let prevParagraph = false;
  let prevQuote = false;
  let lastTopWasList = false;
  let prevItemDepth = 0;
  let prevQuoteItemDepth = 0;

  const startChunk = (at: number) => {
    if (at <= current.start) return;
    current.end = at;
    chunks.push(current);
    const enclosing = items[items.length - 1];
    current = {
      start: at,
      end: lines.length,
      dedent: enclosing ? enclosing.contentIndent : 0,
      parentLine: enclosing ? enclosing.line : -1,
      depthOffset: items.length,
    };
    chars = 0;
    nested = 0;
    runDelimiters = 0;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const shape = shapeOf(raw);
    if (shape.blank) {
      if (html?.end === 'blank') html = null;
      runDelimiters = 0;
      prevBlank = true;
      prevParagraph = false;
      chars += raw.length + 1;
      continue;
    }
    const { indent, content } = shape;

    if (fence) {
      if (indent < fence.containerIndent) fence = null;
      else {
        if (indent - fence.containerIndent <= 3 && fence.close.test(content)) fence = null;
        chars += raw.length + 1;
        prevBlank = false;
        prevParagraph = false;
        continue;
      }
    }
    if (html) {
      if (indent < html.containerIndent) html = null;
      else {
        if (html.end !== 'blank' && html.end.test(content)) html = null;
        chars += raw.length + 1;
        prevBlank = false;
        prevParagraph = false;
        continue;
      }
    }

    const quote = content.startsWith('>') && indent <= 3 + (items[items.length - 1]?.contentIndent ?? 0);
    const markerWidth = quote ? 0 : listMarkerWidth(content);
    const isItem = markerWidth > 0;
    const ordered = isItem && ORDERED.exec(content);
    const isHeading = ATX.test(content);
    const fenceOpen = FENCE.exec(content);
    const isFence = fenceOpen !== null && !(fenceOpen[1]!.startsWith('`') && fenceOpen[2]!.includes('`'));
    const isHtml = HTML_OTHER.test(content);
    const isThematic = THEMATIC.test(content);
    // An ordered item interrupts a paragraph only when it starts at 1.
    const orderedInterrupts = ordered ? ordered[1] === '1' || prevBlank || lastTopWasList : true;
    const blockStart = isHeading || (isItem && orderedInterrupts) || isFence || quote || isThematic || isHtml;
    const lazy = prevParagraph && !prevBlank && !blockStart;

    if (!lazy) {
      while (items.length > 0 && items[items.length - 1]!.contentIndent > indent) items.pop();
    }

    // Decide whether line i starts a new chunk.
    const eff = indent - current.dedent;
    if (!lazy && eff < 0) {
      startChunk(i);
    } else if (!lazy && eff === 0) {
      const safe =
        isHeading ||
        (isItem && !ordered) ||
        (isItem && ordered && orderedInterrupts) ||
        (prevBlank && !quote) ||
        (quote && !prevQuote);
      const quoteItemCut = quote && prevQuote && nested >= limits.targetNested && listMarkerWidth(stripQuotes(content).inner) > 0;
      if ((safe && (chars >= limits.targetChars || nested >= limits.targetNested)) || quoteItemCut) startChunk(i);
      else if ((chars >= limits.hardChars || nested >= limits.hardNested) && quote && current.dedent === 0 && shapeOf(stripQuotes(content).inner).indent === 0) startChunk(i);
    } else if (!lazy && isItem && (chars >= limits.hardChars || nested >= limits.hardNested)) {
      startChunk(i);
    } else if (isHeading && eff <= 3 && !lazy && chars >= limits.targetChars) {
      startChunk(i);
    } else if (
      runDelimiters >= limits.hardDelimiters &&
      !blockStart &&
      eff <= 3 &&
      !SETEXT_UNDERLINE.test(content) &&
      !content.includes('|')
    ) {
      // Inside a long paragraph: cutting here makes two paragraphs, which spec extraction
      // reads line by line anyway.
      startChunk(i);
    }
    runDelimiters += countDelimiters(content);

    // Update the line state.
    chars += raw.length + 1;
    if (isItem && !lazy) {
      const depth = items.length + 1;
      if (depth > 1 && depth > prevItemDepth) nested += 1;
      prevItemDepth = depth;
      items.push({ markerIndent: indent, contentIndent: indent + markerWidth, line: i });
    } else if (!lazy && indent === 0 && !quote) {
      prevItemDepth = 0;
    }
    if (quote) {
      const { inner } = stripQuotes(content);
      const innerShape = shapeOf(inner);
      const w = listMarkerWidth(innerShape.content);
      while (quoteItems.length > 0 && quoteItems[quoteItems.length - 1]!.contentIndent > innerShape.indent) quoteItems.pop();
      if (w > 0) {
        const depth = quoteItems.length + 1;
        if (depth > 1 && depth > prevQuoteItemDepth) nested += 1;
        prevQuoteItemDepth = depth;
        quoteItems.push({ markerIndent: innerShape.indent, contentIndent: innerShape.indent + w, line: i });
      }
    } else {
      quoteItems.length = 0;
      prevQuoteItemDepth = 0;
    }
    if (!lazy && indent - (items[items.length - 1]?.contentIndent ?? 0) <= 3) {
      if (isFence && !quote) {
        const containerIndent = items[items.length - 1]?.contentIndent ?? 0;
        const char = fenceOpen![1]![0]!;
        fence = { close: new RegExp(`^\\${char}{${fenceOpen![1]!.length},}[ \\t]*$`), containerIndent };
      } else if (isHtml && !quote) {
        const containerIndent = items[items.length - 1]?.contentIndent ?? 0;
        if (HTML_COMMENT.test(content)) html = content.includes('-->', 4) ? null : { end: /-->/, containerIndent };
        else if (HTML_RAW.test(content)) {
          const tag = /^<([a-z]+)/i.exec(content)![1]!.toLowerCase();
          const end = new RegExp(`</${tag}>`, 'i');
          html = end.test(content) ? null : { end, containerIndent };
        } else html = { end: 'blank', containerIndent };
      }
    }
    if (indent === 0 && !quote) lastTopWasList = isItem;
    else if (isItem) lastTopWasList = true;
    prevParagraph = !isHeading && !isFence && !isThematic && !isHtml && !(isItem && content.length <= markerWidth);
    prevBlank = false;
    prevQuote = quote;
  }
  current.end = lines.length;
  chunks.push(current);
  return chunks;
}

/** Removes `columns` of leading whitespace (tabs expanded), or all of it when there is less. */
export function dedentLine(line: string, columns: number): string {
  if (columns <= 0) return line;
  let col = 0;
  let i = 0;
  for (; i < line.length && col < columns; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col += 1;
    else if (c === 9) {
      const width = 4 - (col % 4);
      if (col + width > columns) return ' '.repeat(col + width - columns) + line.slice(i + 1);
      col += width;
    } else break;
  }
  return line.slice(i);
}
