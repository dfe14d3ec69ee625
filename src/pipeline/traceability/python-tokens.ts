/**
 * A small Python tokenizer: enough of the language to tell code from strings and
 * comments, and to group tokens into logical lines with their indentation. The
 * traceability scanner needs exactly that (a `#` inside a string is not a comment, a
 * decorator spanning three lines is one statement, a method is inside its class), and
 * nothing more: no keywords, no number grammar, no f-string internals.
 *
 * Linear in the input and total: any text, valid Python or not, gives some tokens and
 * never an exception or a hang (an unterminated string ends at the end of the file).
 */

export type PyTokenKind = 'name' | 'string' | 'op' | 'other';

export interface PyToken {
  kind: PyTokenKind;
  /** Names and operators as written; strings without prefix and quotes (escapes kept). */
  value: string;
  /** 1-based line where the token starts. */
  line: number;
}

/** One statement: tokens from the start of a line to the newline outside brackets. */
export interface LogicalLine {
  /** Columns of leading whitespace of its first physical line (a tab advances to the next multiple of 8). */
  indent: number;
  startLine: number;
  /** Last physical line the statement touches (multi-line strings and brackets included). */
  endLine: number;
  tokens: PyToken[];
}

export interface PyComment {
  /** Text after `#`. */
  text: string;
  line: number;
  /** True when nothing but whitespace precedes the `#` on its line. */
  ownLine: boolean;
}

export interface PyTokens {
  lines: LogicalLine[];
  comments: PyComment[];
}

const STRING_PREFIX = /^(?:[rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])$/;

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

/**
 * Tokenizes Python source.
 * @param text the file's text (any line endings)
 */
export function tokenizePython(text: string): PyTokens {
  const lines: LogicalLine[] = [];
  const comments: PyComment[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let depth = 0;
  let current: LogicalLine | undefined;
  let atLineStart = true;
  let lineHasCode = false;
  let indent = 0;

  const endLogical = () => {
    if (current && current.tokens.length > 0) lines.push(current);
    current = undefined;
    depth = 0;
  };
  const push = (token: PyToken, endLine: number) => {
    if (!current) current = { indent, startLine: token.line, endLine, tokens: [] };
    current.tokens.push(token);
    current.endLine = Math.max(current.endLine, endLine);
    lineHasCode = true;
  };

  while (i < n) {
    if (atLineStart) {
      atLineStart = false;
      lineHasCode = false;
      if (!current) {
        // Indentation of a new statement; continuation lines keep the statement's.
        let col = 0;
        while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f')) {
          col = text[i] === '\t' ? (Math.floor(col / 8) + 1) * 8 : col + 1;
          i++;
        }
        indent = col;
        continue;
      }
    }
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (depth === 0) endLogical();
      line++;
      atLineStart = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\f') {
      i++;
      continue;
    }
    if (ch === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      // Explicit line joining: the statement goes on.
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      line++;
      atLineStart = true;
      continue;
    }
    if (ch === '#') {
      let end = i + 1;
      while (end < n && text[end] !== '\n' && text[end] !== '\r') end++;
      comments.push({ text: text.slice(i + 1, end), line, ownLine: !lineHasCode });
      i = end;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const s = readString(text, i, line);
      push({ kind: 'string', value: s.value, line }, s.endLine);
      line = s.endLine;
      i = s.end;
      continue;
    }
    if (isNameStart(code)) {
      let end = i + 1;
      while (end < n && isNameChar(text.charCodeAt(end))) end++;
      const name = text.slice(i, end);
      if ((text[end] === '"' || text[end] === "'") && STRING_PREFIX.test(name)) {
        const s = readString(text, end, line);
        push({ kind: 'string', value: s.value, line }, s.endLine);
        line = s.endLine;
        i = s.end;
        continue;
      }
      push({ kind: 'name', value: name, line }, line);
      i = end;
      continue;
    }
    if (code >= 48 && code <= 57) {
      let end = i + 1;
      while (end < n && (isNameChar(text.charCodeAt(end)) || text[end] === '.')) end++;
      push({ kind: 'other', value: text.slice(i, end), line }, line);
      i = end;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    push({ kind: 'op', value: ch, line }, line);
    i++;
  }
  endLogical();
  return { lines, comments };
}

/**
 * Reads a string literal starting at the quote `start`. Backslashes escape the next
 * character (raw strings too, which is how Python ends them). A one-line string ends
 * at the end of its line when unterminated; a triple-quoted one at the end of the file.
 */
function readString(text: string, start: number, line: number): { value: string; end: number; endLine: number } {
  const quote = text[start]!;
  const triple = text[start + 1] === quote && text[start + 2] === quote;
  const n = text.length;
  let i = start + (triple ? 3 : 1);
  const bodyStart = i;
  let endLine = line;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '\\') {
      if (text[i + 1] === '\n') endLine++;
      else if (text[i + 1] === '\r') endLine += 1;
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      if (!triple) return { value: text.slice(bodyStart, i), end: i, endLine };
      endLine++;
      i++;
      continue;
    }
    if (ch === '\r') {
      if (!triple) return { value: text.slice(bodyStart, i), end: i, endLine };
      i++;
      continue;
    }
    if (ch === quote && (!triple || (text[i + 1] === quote && text[i + 2] === quote))) {
      return { value: text.slice(bodyStart, i), end: i + (triple ? 3 : 1), endLine };
    }
    i++;
  }
  return { value: text.slice(bodyStart), end: n, endLine };
}
