/**
 * Bytes → text for spec files, which are untrusted: binary detection, UTF-8 validation
 * with the location of the first bad byte, UTF-16 (Notepad's "Unicode"), BOM removal
 * and line-ending normalization. After this step the text has `\n` line endings only,
 * so every line-anchored regex and every line number agrees with the file.
 */

/** What went wrong while decoding, located in the file. */
export interface DecodeProblem {
  rule: 'file.binary' | 'file.encoding' | 'file.utf16';
  message: string;
  line: number;
  column: number;
}

export interface DecodedText {
  /** The text with BOM removed and every CRLF/CR turned into LF. */
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  hadBom: boolean;
  /** The file used CRLF (or CR) line endings somewhere. */
  hadCarriageReturns: boolean;
  /** The file is binary: `text` is empty and must not be parsed. */
  binary: boolean;
  problems: DecodeProblem[];
}

/** Git's heuristic: a NUL byte in the first 8000 bytes means binary. */
const BINARY_SNIFF_BYTES = 8000;

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset of UTF-8-ish bytes. */
function locateByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).replace(/\r$/, '');
  return { line, column: [...prefix].length + 1 };
}

/** CRLF and lone CR become LF (CommonMark treats a lone CR as a line ending too). */
export function normalizeLineEndings(text: string): { text: string; changed: boolean } {
  if (!text.includes('\r')) return { text, changed: false };
  return { text: text.replace(/\r\n?/g, '\n'), changed: true };
}

/**
 * Decodes a spec file. Never throws: problems come back located, and the text is
 * always usable (invalid UTF-8 bytes become U+FFFD) unless the file is binary.
 */
export function decodeSpecBytes(bytes: Uint8Array): DecodedText {
  const problems: DecodeProblem[] = [];
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const raw = new TextDecoder(encoding).decode(bytes.subarray(2));
    const { text, changed } = normalizeLineEndings(raw);
    problems.push({ rule: 'file.utf16', message: `The file is ${encoding.toUpperCase()} encoded; it was decoded, but GitHub and most tools expect UTF-8.`, line: 1, column: 1 });
    return { text, encoding, hadBom: true, hadCarriageReturns: changed, binary: false, problems };
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  const nul = sniff.indexOf(0);
  if (nul !== -1) {
    const where = locateByte(bytes, nul);
    problems.push({ rule: 'file.binary', message: `The file contains a NUL byte (line ${where.line}), so it is binary, not Markdown; it was not parsed.`, ...where });
    return { text: '', encoding: 'utf-8', hadBom: false, hadCarriageReturns: false, binary: true, problems };
  }
  const hadBom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad !== -1) {
    const where = locateByte(body, bad);
    const hex = body[bad]!.toString(16).toUpperCase().padStart(2, '0');
    problems.push({
      rule: 'file.encoding',
      message: `Byte 0x${hex} at line ${where.line}, column ${where.column} is not valid UTF-8; invalid bytes were read as U+FFFD.`,
      ...where,
    });
  }
  const raw = new TextDecoder('utf-8').decode(body);
  const { text, changed } = normalizeLineEndings(raw);
  return { text, encoding: 'utf-8', hadBom, hadCarriageReturns: changed, binary: false, problems };
}

/** Splits normalized text into lines; a final newline does not add an empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [''];
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
