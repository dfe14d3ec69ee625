import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitIntoChunks } from '../../../src/pipeline/spec/chunks.js';
import { parseMarkdown, type Block } from '../../../src/pipeline/spec/markdown.js';

const ONE_CHUNK = { targetChars: 1e9, targetNested: 1e9, hardChars: 1e9, hardNested: 1e9, hardDelimiters: 1e9 };
const TINY = { targetChars: 1, targetNested: 1, hardChars: 1, hardNested: 1, hardDelimiters: 1e9 };
const SMALL = { targetChars: 200, targetNested: 2, hardChars: 400, hardNested: 4, hardDelimiters: 1e9 };

/** What must not change when a document is parsed in chunks. */
function project(blocks: Block[]) {
  return blocks.map((b) => {
    const parent = b.item >= 0 ? blocks[b.item]!.line : 0;
    switch (b.kind) {
      case 'item':
        return { kind: b.kind, line: b.line, column: b.column, text: b.text, depth: b.listDepth, checked: b.checked, ordinal: b.ordinal, parent };
      case 'heading':
      case 'paragraph':
        return { kind: b.kind, line: b.line, column: b.column, endLine: b.endLine, text: b.text, parent };
      case 'row':
        return { kind: b.kind, line: b.line, cells: b.cells, parent };
      case 'code':
        return { kind: b.kind, line: b.line, endLine: b.endLine, value: b.value, parent };
      default:
        return { kind: b.kind, line: b.line, parent };
    }
  });
}

const DOCS: Record<string, string> = {
  prd: Array.from({ length: 40 }, (_, i) => `- FR-${i + 1}: The system shall do ${i + 1}.\n  - AC ${i + 1}.1: WHEN a THEN b\n  - AC ${i + 1}.2: Given x When y Then z\n`).join(''),
  headings: Array.from({ length: 30 }, (_, i) => `## Section ${i}\n\nParagraph ${i} line one\nline two\n\n- [ ] T0${10 + i} task [P] in \`src/a${i}.py\`\n- [x] done ${i}\n`).join('\n'),
  fences: '# T\n\n```md\n# not a heading\n- not an item\n\n- still code\n```\n\n- after\n\n~~~\n## nope\n~~~\n## Real\n',
  html: '# T\n\n<!--\n# hidden\n- hidden item\n\n-->\n\n- visible\n\n<div>\n- in div\n</div>\n\n## After\n',
  table: '# T\n\n| ID | Text |\n|---|---|\n| FR-1 | one |\n| FR-2 | two |\n\n- x\n',
  nested: '- Epic 1\n' + Array.from({ length: 30 }, (_, i) => `  - FR-${i + 1}: text ${i}\n    - AC one\n    - [ ] AC two\n`).join('') + '- Epic 2\n  - FR-99: last\n',
  ordered: '1. one\n2. two\n   1. sub a\n   2. sub b\n3. three\n\n5. five\n6. six\n',
  lazy: '- item one\ncontinued lazily\n- item two\n  - nested\nlazy nested\n- three\n',
  quote: Array.from({ length: 20 }, (_, i) => `> - q${i}\n>   - sub${i}\n`).join('') + '\nafter quote\n',
  deep: Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i}\n`).join('') + 'top\n',
  loose: Array.from({ length: 20 }, (_, i) => `- item ${i}\n\n  para ${i}\n\n  - sub ${i}\n\n`).join(''),
  mixedIndent: '- a\n   - b (3 spaces)\n      - c\n   - d\n- e\n\t- tabbed\n',
  codeInItem: '- task\n\n  ```py\n  x = 1\n  # comment\n  ```\n- next\n',
};

describe('chunked Markdown parsing', () => {
  for (const [name, doc] of Object.entries(DOCS)) {
    it(`gives the same blocks in one chunk and in many: ${name}`, () => {
      const whole = parseMarkdown(doc, 3, ONE_CHUNK);
      expect(whole.chunkCount).toBe(1);
      for (const limits of [SMALL, TINY]) {
        const split = parseMarkdown(doc, 3, limits);
        expect(project(split.blocks)).toEqual(project(whole.blocks));
      }
    });
  }

  it('really splits documents into several chunks', () => {
    expect(parseMarkdown(DOCS.prd!, 0, SMALL).chunkCount).toBeGreaterThan(5);
    expect(parseMarkdown(DOCS.nested!, 0, TINY).chunkCount).toBeGreaterThan(10);
    expect(parseMarkdown(DOCS.deep!, 0, TINY).chunkCount).toBeGreaterThan(10);
  });

  it('never cuts inside a fence or an HTML comment', () => {
    const lines = DOCS.fences!.split('\n');
    const starts = splitIntoChunks(lines, TINY).map((c) => c.start);
    // lines 2..7 are the backtick fence, 11..13 the tilde fence
    for (const s of starts) expect([3, 4, 5, 6, 7, 12, 13]).not.toContain(s);
  });

  it('cuts a paragraph with hundreds of delimiters between lines, keeping every line where it was', () => {
    const body = Array.from({ length: 400 }, (_, i) => `*a ${i}`).join('\n');
    const parsed = parseMarkdown(`# T\n\n${body}\n`, 2);
    expect(parsed.chunkCount).toBeGreaterThan(2);
    const lines = parsed.blocks.filter((b) => b.kind === 'paragraph').flatMap((b) => (b.kind === 'paragraph' ? b.text.split('\n').map((t, i) => [t, b.line + i]) : []));
    expect(lines).toHaveLength(400);
    expect(lines[399]).toEqual(['*a 399', 404]);
  });

  it('reports file lines after the front-matter offset', () => {
    const parsed = parseMarkdown('# Title\n\n- FR-1: x\n', 5);
    expect(parsed.blocks.map((b) => [b.kind, b.line])).toEqual([
      ['heading', 6],
      ['item', 8],
    ]);
  });
});

/** Cuts only where a block must start (the soft limits), as in everyday documents. */
const SAFE_ONLY = { targetChars: 1, targetNested: 1, hardChars: 1e9, hardNested: 1e9, hardDelimiters: 1e9 };
/** Also the forced cuts inside lists (with dedent), as in huge nested lists. */
const FORCED = { targetChars: 1, targetNested: 1, hardChars: 1, hardNested: 1, hardDelimiters: 1e9 };

/** Line-level view: a forced cut may split a paragraph in two, but never moves a line. */
function lineView(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    const parent = b.item >= 0 ? blocks[b.item]!.line : 0;
    if (b.kind === 'paragraph') b.text.split('\n').forEach((t, i) => out.push(`p ${b.line + i} in ${parent} ${JSON.stringify(t)}`));
    else if (b.kind === 'item') {
      out.push(`item ${b.line}:${b.column} d${b.listDepth} in ${parent} ${String(b.checked)}`);
      b.text.split('\n').forEach((t, i) => out.push(`p ${b.line + i} in ${b.line} ${JSON.stringify(t)}`));
    } else if (b.kind === 'heading') out.push(`h ${b.line} in ${parent} ${JSON.stringify(b.text)}`);
    else if (b.kind === 'row') out.push(`row ${b.line} ${JSON.stringify(b.cells)}`);
  }
  return out.sort();
}

describe('chunked parsing, property-based', () => {
  // Hostile line starts: indentation (tabs too), every container and block marker, empty items.
  const anyLine = fc
    .tuple(
      fc.constantFrom('', ' ', '  ', '   ', '    ', '      ', '\t'),
      fc.constantFrom('- ', '* ', '1. ', '2. ', '- [ ] ', '> ', '# ', '```', '~~~', '<!--', '-->', '<div>', '| a |', '|---|', '---', '', 'text', 'FR-1: x', '***'),
      fc.constantFrom('', 'a', 'b c', '**x**', '`y`'),
    )
    .map(([indent, marker, text]) => indent + marker + text);
  // Spec-like lines: non-empty items, 2-space nesting, no indented code.
  const specLine = fc
    .tuple(fc.constantFrom('', '  ', '    ', '      '), fc.constantFrom('- ', '1. ', '- [ ] ', '- [x] ', '# ', '## ', '', '> '), fc.constantFrom('a', 'FR-1: x', '**Given** y', 'WHEN z THEN w', 'text `code`'))
    .map(([indent, marker, text]) => indent + marker + text);

  it('cutting where a block must start changes no block (any Markdown)', () => {
    const view = (blocks: Block[]) => project(blocks).map((b) => ('value' in b ? { ...b, endLine: 0, value: String(b.value).replace(/\n+$/, '') } : b));
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 40 }), (lines) => {
        const doc = lines.join('\n');
        expect(view(parseMarkdown(doc, 0, SAFE_ONLY).blocks)).toEqual(view(parseMarkdown(doc, 0, ONE_CHUNK).blocks));
      }),
      { numRuns: 500 },
    );
  });

  it('forced cuts inside lists keep every line at its place, depth and parent (spec-like Markdown)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(specLine, fc.constant('')), { maxLength: 50 }), (lines) => {
        const doc = lines.join('\n');
        expect(lineView(parseMarkdown(doc, 0, FORCED).blocks)).toEqual(lineView(parseMarkdown(doc, 0, ONE_CHUNK).blocks));
      }),
      { numRuns: 500 },
    );
  });
});
