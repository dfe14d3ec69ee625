/**
 * Hostile and broken input: every case gets a located diagnostic, parsing goes on with
 * whatever can be read, and nothing throws or stalls (a stall would hit the test
 * timeout). Speed itself is measured in bench/spec.bench.js, not here.
 */
import { describe, expect, it } from 'vitest';
import { parseSpec, validateRepository, type ParsedSpec } from '../../../src/pipeline/spec/index.js';
import { bytes, memorySource, specsConfig } from './helpers.js';

const config = specsConfig();
const parse = (text: string | Uint8Array, path = 'docs/prd.md', cfg = config): ParsedSpec => parseSpec(path, typeof text === 'string' ? bytes(text) : text, cfg);
const rules = (spec: ParsedSpec) => spec.diagnostics.map((d) => d.rule);
const find = (spec: ParsedSpec, rule: string) => spec.diagnostics.find((d) => d.rule === rule);

describe('front matter', () => {
  it('invalid YAML is located at its line and column (the value that needs quoting)', () => {
    const spec = parse('---\ntype: prd\nid: PRD-1\ntitle: Foo: bar\n---\n# Foo\n\n## Requirements\n\n- FR-1: x\n');
    expect(find(spec, 'fm.yaml')).toMatchObject({ severity: 'error', range: { start: { line: 4, column: 8 } } });
    // The body is still read.
    expect(spec.requirements.map((r) => [r.id, r.line])).toEqual([['FR-1', 10]]);
  });

  it('a non-mapping block is ignored and the whole file read as Markdown', () => {
    const spec = parse('---\nText\n---\n# Real title\n\n## Requirements\n\n- FR-1: x\n');
    expect(find(spec, 'fm.not-mapping')).toMatchObject({ range: { start: { line: 1 } } });
    expect(spec.title).toBe('Real title');
    expect(spec.requirements[0]?.line).toBe(8);
  });

  it('JavaScript front matter is never evaluated', () => {
    const marker = '__specAutomationEvaluated';
    const spec = parse(`---js\n{ type: 'prd', x: (globalThis.${marker} = true) }\n---\n# T\n`);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(find(spec, 'fm.language')?.severity).toBe('error');
  });

  it('front matter on line 2 is read, with a warning, instead of becoming a setext heading', () => {
    const spec = parse('\n---\ntype: prd\nid: PRD-9\n---\n# T\n');
    expect(spec.meta.id).toBe('PRD-9');
    expect(spec.sections.map((s) => s.text)).toEqual(['T']);
    expect(find(spec, 'fm.not-first-line')?.range.start.line).toBe(2);
  });

  it('plain values that YAML 1.1 readers take differently are pointed out where they stand', () => {
    const spec = parse('---\ntype: prd\nid: PRD-1\nreviewed: yes\nrevision: 2.10\nversion: "1.10"\nowner: Ann\n---\n# T\n');
    const surprises = spec.diagnostics.filter((d) => d.rule === 'fm.yaml-surprise');
    expect(surprises.map((d) => [d.range.start.line, d.range.start.column, d.severity])).toEqual([
      [4, 11, 'info'],
      [5, 11, 'info'],
    ]);
    expect(surprises[0]!.message).toContain('YAML 1.1 tools read it as true');
    expect(surprises[1]!.message).toContain('the number 2.1');
    expect(spec.meta.extra.reviewed).toBe('yes');
  });

  it('YAML aliases that multiply are cut, not expanded', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const spec = parse(`---\ntype: prd\n${levels.join('\n')}\n---\n# T\n`);
    expect(rules(spec)).toContain('fm.too-complex');
    expect(JSON.stringify(spec.meta).length).toBeLessThan(200_000);
  });

  it('results do not leak between calls (no shared cache of parsed front matter)', () => {
    const text = '---\ntype: prd\nid: PRD-CACHE\n---\n# T\n';
    const first = parse(text);
    first.meta.extra.polluted = true;
    const second = parse(text);
    expect(second.meta.extra.polluted).toBeUndefined();
  });
});

describe('encodings and line endings', () => {
  it('a BOM and CRLF line endings give the same lines as plain LF', () => {
    const lf = '---\ntype: prd\nid: PRD-1\n---\n# T\n\n## Requirements\n\n- FR-1: one\n- FR-2: two\n';
    const crlfBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(lf.replace(/\n/g, '\r\n'))]);
    const a = parse(lf);
    const b = parse(crlfBom);
    expect(b.meta.id).toBe('PRD-1');
    expect(b.requirements.map((r) => [r.id, r.line, r.text])).toEqual(a.requirements.map((r) => [r.id, r.line, r.text]));
  });

  it('invalid UTF-8 is located at the first bad byte and the rest is parsed', () => {
    const latin1 = new Uint8Array([...bytes('# Menu\n\n## Requirements\n\n- FR-1: Caf'), 0xe9, ...bytes(' au lait\n')]);
    const spec = parse(latin1);
    expect(find(spec, 'file.encoding')).toMatchObject({ severity: 'error', range: { start: { line: 5, column: 12 } } });
    expect(spec.requirements[0]?.text).toBe('Caf\ufffd au lait');
  });

  it('UTF-16 (Notepad "Unicode") is decoded, with a warning', () => {
    const text = '---\ntype: prd\nid: PRD-16\n---\n# T\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
    const spec = parse(le);
    expect(spec.meta.id).toBe('PRD-16');
    expect(rules(spec)).toContain('file.utf16');
  });

  it('a binary file is not parsed', () => {
    const spec = parse(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(rules(spec)).toEqual(['file.binary']);
    expect(spec.sections).toEqual([]);
  });

  it('empty and whitespace-only files are reported', () => {
    expect(rules(parse(''))).toEqual(['file.empty']);
    expect(rules(parse(' \n\t\n'))).toEqual(['file.empty']);
  });
});

describe('size and depth', () => {
  it('a 50 MB file is refused at line 1 without being parsed, and the other files are validated', async () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const result = await validateRepository(memorySource({ 'docs/huge.md': huge, 'docs/ok-prd.md': '---\ntype: prd\nid: PRD-OK\n---\n# OK\n' }), config);
    expect(result.diagnostics.find((d) => d.path === 'docs/huge.md')).toMatchObject({ rule: 'spec.too-large', severity: 'error', range: { start: { line: 1 } } });
    expect(result.specs.find((s) => s.path === 'docs/ok-prd.md')?.meta.id).toBe('PRD-OK');
  });

  it('thousands of nested list items parse, with every item at its line', () => {
    const depth = 1500;
    const text = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- FR-${i + 1}: level ${i}`).join('\n');
    const spec = parse(`# Deep\n\n## Requirements\n\n${text}\n`, 'docs/prd.md', specsConfig({ maxBytes: 8 * 1024 * 1024 }));
    expect(spec.requirements).toHaveLength(depth);
    expect(spec.requirements[depth - 1]).toMatchObject({ id: `FR-${depth}`, line: depth + 4 });
  });

  it('thousands of sibling items each opening a nested list parse (the super-linear micromark case)', () => {
    const n = 5000;
    const text = Array.from({ length: n }, (_, i) => `- FR-${i + 1}: requirement ${i + 1}\n  - AC ${i + 1}.1: WHEN x, THE app SHALL y\n  - AC ${i + 1}.2: Given a, When b, Then c`).join('\n');
    const spec = parse(`# Big\n\n## Requirements\n\n${text}\n`);
    expect(spec.requirements).toHaveLength(n);
    expect(spec.acceptanceCriteria).toHaveLength(2 * n);
    expect(spec.acceptanceCriteria[2 * n - 1]).toMatchObject({ parentRef: `FR-${n}`, line: 4 + 3 * n, format: 'gwt' });
  });

  it('block quotes and list markers nested hundreds deep on one line are flattened with a warning', () => {
    const spec = parse(`# T\n\n${'>'.repeat(5000)} deep\n\n${'- '.repeat(5000)}x\n`);
    expect(find(spec, 'md.nesting-too-deep')?.range.start.line).toBe(3);
  });

  it('delimiter bombs (emphasis, links, tables) are read as text, not resolved', () => {
    const lines = ['*'.repeat(20000) + 'a' + '*'.repeat(20000), '[a'.repeat(20000), '*a_ '.repeat(20000), `|${' x |'.repeat(5000)}`, `|${'---|'.repeat(5000)}`];
    const spec = parse(`# T\n\n${lines.join('\n\n')}\n`);
    expect(rules(spec)).toContain('md.nesting-too-deep');
  });
});

describe('bundles with broken parts', () => {
  it('a sharded PRD with an empty index keeps every finding inside its own file (found by fast-check)', async () => {
    const files = { 'docs/prd/index.md': '', 'docs/prd/requirements.md': '\n| FR-3 | table |' };
    const result = await validateRepository(memorySource(files), config);
    for (const d of result.diagnostics) {
      const lines = files[d.path as keyof typeof files].split('\n').length;
      expect(d.range.start.line, `${d.rule} in ${d.path}`).toBeLessThanOrEqual(lines);
    }
    // One table-looking line without a delimiter row is a paragraph: FR-3 is a reference there.
    expect(result.diagnostics.find((d) => d.rule === 'ref.dangling')).toMatchObject({ path: 'docs/prd/requirements.md', range: { start: { line: 2 } } });
  });
});

describe('one bad file never stops the run', () => {
  it('validates the good files next to broken ones', async () => {
    const result = await validateRepository(
      memorySource({
        'docs/a-prd.md': '---\ntype: prd\ntitle: A: b\n---\n',
        'docs/b-prd.md': new Uint8Array([0, 1, 2]),
        'docs/c-prd.md': '',
        'docs/good-prd.md': '---\ntype: prd\nid: PRD-GOOD\nstatus: approved\n---\n# Good\n\n## Goals\n\nx\n\n## Requirements\n\n- FR-1: One.\n\n## Non-Functional Requirements\n\n- NFR-1: Within 1 s.\n',
      }),
      config,
    );
    const good = result.specs.find((s) => s.path === 'docs/good-prd.md')!;
    expect(good.diagnostics).toEqual([]);
    expect(good.executable).toBe(true);
    expect(new Set(result.diagnostics.map((d) => d.path))).toEqual(new Set(['docs/a-prd.md', 'docs/b-prd.md', 'docs/c-prd.md']));
  });
});
