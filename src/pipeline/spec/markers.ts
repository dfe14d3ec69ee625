/**
 * Markers (§2): `[NEEDS CLARIFICATION: …]`, `[ASSUMPTION: …]`, `[NOTE FOR PM]`, TODO/TBD
 * and template leftovers. Found on the file's lines, so columns are exact; markers in
 * code blocks, inline code and HTML comments are kept with `inCode: true` (they are
 * examples, not open questions).
 */
import type { Marker, MarkerKind } from './model.js';

interface Pattern {
  kind: MarkerKind;
  re: RegExp;
}

/** Every quantifier is bounded, so a hostile line cannot make a scan quadratic. */
const PATTERNS: readonly Pattern[] = [
  { kind: 'needs-clarification', re: /\[NEEDS CLARIFICATION(?:\s*[:：]\s*(?<q>[^\]\n]{1,500}))?\]|\bNEEDS CLARIFICATION\b/g },
  { kind: 'assumption', re: /\[ASSUMPTION\s*[:：][^\]\n]{0,500}\]/g },
  { kind: 'note-for-pm', re: /\[NOTE FOR PM\]/g },
  { kind: 'todo', re: /\bTODO\b|\bTBD\b|\bTKTK\b|\?\?\?/g },
  {
    kind: 'template-leftover',
    re: /\[(?:FEATURE NAME|DATE|###-feature-name|REMOVE IF UNUSED|Brief Title|PROJECT NAME|e\.g\.,[^\]\n]{0,200})\]|\{\{[a-z_]{1,60}\}\}|\$ARGUMENTS\b/g,
  },
];

/** Lines longer than this are only scanned up to here. */
const MAX_SCAN = 10_000;

/** Replaces inline code spans and HTML comments by spaces, keeping columns; returns the masked line and whether anything was masked. */
function maskInlineCode(line: string): string {
  if (!line.includes('`') && !line.includes('<!--')) return line;
  let out = line.replace(/<!--.*?-->/g, (m) => ' '.repeat(m.length));
  // A code span: a run of N backticks, then the shortest text up to the next run of exactly N.
  let i = 0;
  let result = '';
  while (i < out.length) {
    if (out[i] !== '`') {
      const next = out.indexOf('`', i);
      const end = next === -1 ? out.length : next;
      result += out.slice(i, end);
      i = end;
      continue;
    }
    let n = 0;
    while (out[i + n] === '`') n += 1;
    const fence = '`'.repeat(n);
    let search = i + n;
    let close = -1;
    while (search < out.length) {
      const at = out.indexOf(fence, search);
      if (at === -1) break;
      let m = 0;
      while (out[at + m] === '`') m += 1;
      if (m === n) {
        close = at;
        break;
      }
      search = at + m;
    }
    if (close === -1) {
      result += out.slice(i, i + n);
      i += n;
    } else {
      result += ' '.repeat(close + n - i);
      i = close + n;
    }
  }
  out = result;
  return out;
}

/**
 * Finds the markers of a document.
 * @param lines the file's lines (front matter included; it is skipped via `firstBodyLine`)
 * @param firstBodyLine 1-based file line where the Markdown body starts
 * @param codeRanges inclusive file-line ranges of code and HTML blocks
 */
export function findMarkers(lines: readonly string[], firstBodyLine: number, codeRanges: ReadonlyArray<[number, number]>): Marker[] {
  const markers: Marker[] = [];
  const inBlockCode = new Uint8Array(lines.length + 2);
  for (const [from, to] of codeRanges) for (let l = Math.max(1, from); l <= Math.min(lines.length, to); l++) inBlockCode[l] = 1;
  for (let l = firstBodyLine; l <= lines.length; l++) {
    const full = lines[l - 1]!;
    const line = full.length > MAX_SCAN ? full.slice(0, MAX_SCAN) : full;
    if (!/[A-Z[{?$]/.test(line)) continue;
    const blockCode = inBlockCode[l] === 1;
    const masked = blockCode ? line : maskInlineCode(line);
    for (const { kind, re } of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        const inCode = blockCode || masked.slice(m.index, m.index + m[0].length) !== m[0];
        const question = m.groups?.q?.trim();
        markers.push({ kind, text: m[0], inCode, line: l, column: m.index + 1, ...(question ? { question } : {}) });
      }
    }
  }
  return markers;
}
