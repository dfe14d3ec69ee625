/**
 * Citations in one Python file. A test cites the requirements it covers with the
 * project-wide marker, `@pytest.mark.req("FR-12")` (several ids: `req("FR-1", "NFR-2")`;
 * the marker name is `traceability.marker`), and, as alternatives, in its name
 * (`test_fr_12_…`), its docstring or a comment in or just above it. Strings and
 * comments are told apart by a tokenizer, so `"# FR-1"` in a string is no comment and
 * an id in test data is no citation.
 */
import { idsInMarkerArgument, idsInTestName, idsInText, type CitedId } from './citation-ids.js';
import type { Citation, CitationVia } from './model.js';
import { idsByPatterns } from './patterns.js';
import { tokenizePython, type LogicalLine, type PyToken } from './python-tokens.js';

/** What a Python file holds for traceability. */
export interface PythonScan {
  citations: Citation[];
  /** `def test…` functions and methods (pytest's default collection rule). */
  testFunctions: number;
}

export interface PythonScanOptions {
  /** Marker name parts: `req` → `["req"]`. */
  marker: readonly string[];
  /** Test files: names, markers, docstrings and comments count. Code files: docstrings and comments only. */
  kind: 'test' | 'code';
  /** `traceability.patterns` that compiled (see patterns.ts); matched against every line. */
  patterns: readonly string[];
}

interface Scope {
  kind: 'def' | 'class';
  name: string;
  indent: number;
  /** First line of the decorators and the comment block above them. */
  start: number;
  end: number;
  /** A test function/method or a test class. */
  test: boolean;
  qualified: string;
}

/** `a.b.c(` in tokens at `at`: the index after the `(`, or -1. */
function markerCallAt(tokens: readonly PyToken[], at: number, marker: readonly string[]): number {
  // `pytest.mark.<marker>(` or `mark.<marker>(`: the `mark` name must not be an attribute of something else than pytest.
  const t = tokens[at]!;
  if (t.kind !== 'name' || t.value !== 'mark') return -1;
  const before = tokens[at - 1];
  if (before?.kind === 'op' && before.value === '.') {
    const owner = tokens[at - 2];
    if (owner?.kind !== 'name' || owner.value !== 'pytest') return -1;
    const dotBefore = tokens[at - 3];
    if (dotBefore?.kind === 'op' && dotBefore.value === '.') return -1;
  }
  let i = at + 1;
  for (const part of marker) {
    if (tokens[i]?.kind !== 'op' || tokens[i]!.value !== '.') return -1;
    if (tokens[i + 1]?.kind !== 'name' || tokens[i + 1]!.value !== part) return -1;
    i += 2;
  }
  return tokens[i]?.kind === 'op' && tokens[i]!.value === '(' ? i + 1 : -1;
}

/** String arguments of the call whose arguments start at `from`, up to its closing parenthesis. */
function callStrings(tokens: readonly PyToken[], from: number): PyToken[] {
  const out: PyToken[] = [];
  let depth = 1;
  for (let i = from; i < tokens.length && depth > 0; i++) {
    const t = tokens[i]!;
    if (t.kind === 'op' && (t.value === '(' || t.value === '[' || t.value === '{')) depth++;
    else if (t.kind === 'op' && (t.value === ')' || t.value === ']' || t.value === '}')) depth--;
    else if (t.kind === 'string' && depth === 1) out.push(t);
  }
  return out;
}

/** `def name(` / `async def name(` / `class Name` at the start of a logical line. */
function definitionOf(line: LogicalLine): { kind: 'def' | 'class'; name: string } | undefined {
  const [a, b, c] = line.tokens;
  if (a?.kind !== 'name') return undefined;
  if (a.value === 'def' && b?.kind === 'name') return { kind: 'def', name: b.value };
  if (a.value === 'async' && b?.kind === 'name' && b.value === 'def' && c?.kind === 'name') return { kind: 'def', name: c.value };
  if (a.value === 'class' && b?.kind === 'name') return { kind: 'class', name: b.value };
  return undefined;
}

/** Line of the `index`-th character of a string token's value (multi-line docstrings). */
function lineWithin(token: PyToken, index: number): number {
  let line = token.line;
  for (let i = token.value.indexOf('\n'); i !== -1 && i < index; i = token.value.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Scans one Python file.
 * @param path repo-relative path, recorded in each citation
 * @param text the file's text
 */
export function scanPython(path: string, text: string, options: PythonScanOptions): PythonScan {
  const { lines, comments } = tokenizePython(text);
  const isTest = options.kind === 'test';
  const raw: Array<Omit<Citation, 'path' | 'test'> & { test?: string }> = [];
  const add = (ids: readonly CitedId[], line: number, via: CitationVia, test?: string) => {
    for (const id of ids) raw.push({ id: id.id, canonicalId: id.canonicalId, line, via, ...(test ? { test } : {}) });
  };

  // Comment-only lines, to stretch a test's range up over the comment block above it.
  const commentOnly = new Set(comments.filter((c) => c.ownLine).map((c) => c.line));
  const scopes: Scope[] = [];
  const stack: Scope[] = [];
  let testFunctions = 0;
  let decoratorStart: number | undefined;
  let previousEnd = 0;

  for (const logical of lines) {
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= logical.indent) stack.pop()!.end = previousEnd;
    const first = logical.tokens[0]!;
    if (first.kind === 'op' && first.value === '@') decoratorStart ??= logical.startLine;
    const def = definitionOf(logical);
    if (def) {
      let start = decoratorStart ?? logical.startLine;
      while (commentOnly.has(start - 1)) start--;
      const parent = stack[stack.length - 1];
      const inClass = parent?.kind === 'class';
      const test = def.kind === 'def' ? /^test/.test(def.name) && (!parent || (inClass && parent.test)) : /^Test/.test(def.name);
      if (def.kind === 'def' && test) testFunctions++;
      const qualified = inClass && parent.test ? `${parent.qualified}::${def.name}` : def.name;
      const scope: Scope = { kind: def.kind, name: def.name, indent: logical.indent, start, end: logical.endLine, test, qualified };
      stack.push(scope);
      scopes.push(scope);
      if (isTest && test) add(idsInTestName(def.name), logical.startLine, 'name', qualified);
      decoratorStart = undefined;
    } else if (!(first.kind === 'op' && first.value === '@')) {
      decoratorStart = undefined;
    }

    const tokens = logical.tokens;
    if (tokens.every((t) => t.kind === 'string')) {
      // A string statement: a docstring of the module, a class or a function.
      for (const t of tokens) for (const id of idsInText(t.value)) add([id], lineWithin(t, id.index), 'docstring');
    } else if (isTest) {
      for (let i = 0; i < tokens.length; i++) {
        const args = markerCallAt(tokens, i, options.marker);
        if (args < 0) continue;
        for (const s of callStrings(tokens, args)) add(idsInMarkerArgument(s.value), s.line, 'marker');
      }
    }
    previousEnd = logical.endLine;
  }
  while (stack.length > 0) stack.pop()!.end = previousEnd;

  for (const c of comments) add(idsInText(c.text), c.line, 'comment');
  if (options.patterns.length > 0) {
    const physical = text.split(/\r\n|\r|\n/);
    for (let i = 0; i < physical.length; i++) add(idsByPatterns(physical[i]!, options.patterns), i + 1, 'pattern');
  }

  // Each citation of a test file belongs to the innermost test whose lines hold it.
  const owner = new Map<number, string>();
  for (const s of isTest ? scopes : []) {
    if (!s.test) continue;
    for (let l = s.start; l <= s.end; l++) owner.set(l, s.qualified);
  }
  const citations = raw
    .map((c): Citation => {
      const test = c.test ?? (isTest ? owner.get(c.line) : undefined);
      return { id: c.id, canonicalId: c.canonicalId, path, line: c.line, via: c.via, ...(test ? { test } : {}) };
    })
    .sort((a, b) => a.line - b.line);
  return { citations, testFunctions };
}
