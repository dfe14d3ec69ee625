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
  ordered: boolean;
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
  let prevEmptyItem = false;
  let prevCode = false;
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

    // Indentation relative to the innermost list item that can hold this line: 4 or more
    // columns past it is indented code (or paragraph continuation), never a block start.
    let k = items.length;
    while (k > 0 && items[k - 1]!.contentIndent > indent) k -= 1;
    const codeLike = indent - (k > 0 ? items[k - 1]!.contentIndent : 0) >= 4;
    const quote = !codeLike && content.startsWith('>');
    const orderedMarker = ORDERED.exec(content);
    // micromark reads an ordered item that does not start at 1, and an empty item, right
    // under indented code as text; so do we, unless it continues an open list.
    const bareMarker = /^(?:[-*+]|\d{1,9}[.)])[ \t]*$/.test(content);
    const textAfterCode: boolean =
      prevCode && (bareMarker || (orderedMarker !== null && orderedMarker[1] !== '1')) && !items.some((it) => it.markerIndent === indent && it.ordered === (orderedMarker !== null));
    const markerWidth: number = quote || codeLike || textAfterCode ? 0 : listMarkerWidth(content);
    const isItem: boolean = markerWidth > 0;
    const ordered = isItem ? orderedMarker : null;
    const isHeading = !codeLike && ATX.test(content);
    const fenceOpen = codeLike ? null : FENCE.exec(content);
    const isFence = fenceOpen !== null && !(fenceOpen[1]!.startsWith('`') && fenceOpen[2]!.includes('`'));
    const isHtml = !codeLike && HTML_OTHER.test(content);
    const isThematic = !codeLike && THEMATIC.test(content);
    // An ordered item interrupts a paragraph only when it starts at 1, and an empty item
    // never does; `-` or `=` alone under a paragraph line is a setext underline.
    // Paragraph text right above, in the same container, restricts what may start here:
    // an ordered item must start at 1, an item must not be empty, `---` is an underline.
    // The next item of an open list (same indent, same kind) is not restricted.
    const sibling: boolean = isItem && items.some((it) => it.markerIndent === indent && it.ordered === Boolean(ordered));
    const sameContainer: boolean = indent >= (items[items.length - 1]?.contentIndent ?? 0);
    const restricted: boolean = prevParagraph && !prevBlank && sameContainer && !sibling;
    const orderedInterrupts: boolean = !ordered || ordered[1] === '1' || !restricted;
    const emptyItem: boolean = isItem && content.trim().length <= markerWidth;
    const underline: boolean = restricted && SETEXT_UNDERLINE.test(content);
    const interrupts: boolean = !(restricted && (emptyItem || underline));
    const blockStart: boolean = interrupts && (isHeading || (isItem && orderedInterrupts) || isFence || quote || isThematic || isHtml);
    const lazy: boolean = prevParagraph && !prevBlank && !blockStart;

    if (!lazy) {
      while (items.length > 0 && items[items.length - 1]!.contentIndent > indent) items.pop();
    }

    // Decide whether line i starts a new chunk. Not right after an empty item: what that
    // item holds depends on this line.
    const eff = indent - current.dedent;
    if (!lazy && eff < 0) {
      startChunk(i);
    } else if (prevEmptyItem) {
      // keep together
    } else if (!lazy && eff === 0) {
      // Never cut before an empty item or an ordered item that does not continue a list:
      // what they are depends on the lines above (micromark reads them as text after code).
      const risky = emptyItem || textAfterCode || (ordered !== null && ordered[1] !== '1' && !sibling);
      // A `>` line after paragraph text may continue that paragraph (lazy lines): not a new quote.
      const newQuote = quote && !prevQuote && !(prevParagraph && !prevBlank);
      const safe = !risky && ((interrupts && (isHeading || isItem || newQuote)) || (prevBlank && !quote));
      const quoteItemCut = quote && prevQuote && nested >= limits.targetNested && listMarkerWidth(stripQuotes(content).inner) > 0;
      if ((safe && (chars >= limits.targetChars || nested >= limits.targetNested)) || quoteItemCut) startChunk(i);
      else if ((chars >= limits.hardChars || nested >= limits.hardNested) && quote && current.dedent === 0 && shapeOf(stripQuotes(content).inner).indent === 0) startChunk(i);
    } else if (!lazy && isItem && interrupts && !emptyItem && (!ordered || ordered[1] === '1' || sibling) && (chars >= limits.hardChars || nested >= limits.hardNested)) {
      startChunk(i);
    } else if (isHeading && k === 0 && current.dedent === 0 && eff <= 3 && !lazy && chars >= limits.targetChars) {
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
      items.push({ markerIndent: indent, contentIndent: indent + markerWidth, line: i, ordered: Boolean(ordered) });
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
        quoteItems.push({ markerIndent: innerShape.indent, contentIndent: innerShape.indent + w, line: i, ordered: ORDERED.test(innerShape.content) });
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
    prevParagraph = lazy || (!codeLike && !isHeading && !isFence && !isThematic && !isHtml && !(isItem && content.length <= markerWidth) && !underline);
    prevBlank = false;
    prevQuote = quote;
    prevEmptyItem = emptyItem;
    prevCode = codeLike && !lazy;
  }
  current.end = lines.length;
  chunks.push(current);
  return chunks;
}

/**
 * Removes `columns` of leading whitespace (tabs expanded). A line with less indentation
 * than that can only be a lazy continuation line of the chunk (the chunker ends a chunk
 * at any other such line): it loses its indentation and, when it would now read as the
 * start of a block (`- a`, `2. b`, `# c`), the marker is escaped with a backslash, which
 * keeps it paragraph text whose extracted text is unchanged.
 */
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
  const rest = line.slice(i);
  return col < columns ? escapeBlockStart(rest) : rest;
}

const BLOCK_START = /^(?:[-*+](?=[ \t]|$)|#{1,6}(?=[ \t]|$)|>|`{3,}|~{3,}|<|=+[ \t]*$)/;
const ORDERED_START = /^(\d{1,9})(?=[.)](?:[ \t]|$))/;

function escapeBlockStart(content: string): string {
  if (BLOCK_START.test(content)) return `\\${content}`;
  const ordered = ORDERED_START.exec(content);
  return ordered ? `${ordered[1]}\\${content.slice(ordered[1]!.length)}` : content;
}
