/**
 * Terminal cell widths: a CJK character or an emoji takes two cells, a combining mark
 * none, a colour code none. Tables, code frames and the live status measure with these
 * so columns line up with Chinese and Japanese file names and lines never wrap.
 */
import stringWidth from 'string-width';

// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]/y;

/** Cells `text` takes on a terminal (colour codes take none). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** `text` padded with spaces to `width` cells. */
export function padDisplayEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `text` (no colour codes) cut to at most `max` cells, with `…` where it was cut. */
export function truncateDisplay(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    const w = displayWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/**
 * One line cut to `columns` cells, colour codes kept (and closed when the cut falls
 * inside a coloured run). A line wider than the terminal wraps, and a redraw that moves
 * the cursor up by lines would then leave stale copies on the screen.
 */
export function fitToColumns(line: string, columns: number): string {
  if (columns <= 0 || displayWidth(line) <= columns) return line;
  let out = '';
  let used = 0;
  let styled = false;
  for (let i = 0; i < line.length; ) {
    ANSI_SEQUENCE.lastIndex = i;
    const code = ANSI_SEQUENCE.exec(line);
    if (code) {
      out += code[0];
      styled = code[0] !== '\u001b[0m' && code[0] !== '\u001b[39m' && code[0] !== '\u001b[22m';
      i += code[0].length;
      continue;
    }
    const cp = line.codePointAt(i)!;
    const char = String.fromCodePoint(cp);
    const w = displayWidth(char);
    if (used + w > columns - 1) {
      out += '…';
      break;
    }
    out += char;
    used += w;
    i += char.length;
  }
  return styled ? `${out}\u001b[0m` : out;
}
