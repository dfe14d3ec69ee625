import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSpan, escapeInline, fencedBlock, formatDuration, plural } from '../../../src/reporting/markdown.js';
import { byteLength, composeWithinLimit, openFenceAfter, prefixWithin, truncateMarkdown, truncatePlain } from '../../../src/reporting/truncate.js';
import { fencesBalanced } from './make.js';

const limit = (n: number) => ({ maxBytes: n, maxChars: n });

describe('truncateMarkdown', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateMarkdown('short', limit(100))).toBe('short');
  });

  it('cuts on a line boundary and closes the code fence it cut into', () => {
    const md = ['# Title', '', '````python', ...Array.from({ length: 200 }, (_, i) => `print(${i})  # 日本語`), '````', 'after'].join('\n');
    const out = truncateMarkdown(md, limit(2000), '\n\n_cut_');
    expect(byteLength(out)).toBeLessThanOrEqual(2000);
    expect(fencesBalanced(out)).toBe(true);
    expect(out.endsWith('````\n\n_cut_')).toBe(true);
    expect(out.split('\n').slice(0, -3).every((l) => md.split('\n').includes(l))).toBe(true);
  });

  it('closes an open <details> too', () => {
    const md = `<details><summary>x</summary>\n\n${'line\n'.repeat(500)}</details>`;
    const out = truncateMarkdown(md, limit(600));
    expect((out.match(/<details>/g) ?? []).length).toBe((out.match(/<\/details>/g) ?? []).length);
  });

  it('cuts inside a single over-long line without splitting a code point', () => {
    const out = truncateMarkdown('😀'.repeat(10_000), limit(1000));
    expect(byteLength(out)).toBeLessThanOrEqual(1000);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('always fits and never leaves a fence open (property)', () => {
    const line = fc.oneof(fc.constantFrom('```', '~~~', '````js', '<details>', '</details>', ''), fc.string({ maxLength: 40 }), fc.constant('🚀漢字'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), fc.integer({ min: 120, max: 800 }), (lines, n) => {
        const input = lines.join('\n');
        const out = truncateMarkdown(input, limit(n));
        expect(byteLength(out)).toBeLessThanOrEqual(n);
        expect(out.length).toBeLessThanOrEqual(n);
        // Text that fits is returned as it is; a cut never leaves a fence open.
        if (out !== input) expect(openFenceAfter(out.split('\n'))).toBeUndefined();
      }),
    );
  });
});

describe('composeWithinLimit', () => {
  it('keeps items in order, stops at the first that does not fit, and reports exact counts', () => {
    const items = Array.from({ length: 100 }, (_, i) => `- item ${i} ${'ü'.repeat(i)}`);
    const r = composeWithinLimit({ head: '# Head', items, tail: (s, t) => (s < t ? `\nshowing ${s} of ${t}` : ''), limit: limit(2000) });
    expect(byteLength(r.text)).toBeLessThanOrEqual(2000);
    expect(r.text).toContain(`showing ${r.shown} of 100`);
    expect(r.text.split('\n').filter((l) => l.startsWith('- item'))).toHaveLength(r.shown);
    const all = composeWithinLimit({ head: 'h', items: ['a', 'b'], tail: () => '', limit: limit(100) });
    expect(all).toEqual({ text: 'h\na\nb', shown: 2, total: 2 });
  });
});

describe('plain truncation', () => {
  it('cuts on code points and marks the cut', () => {
    expect(truncatePlain('abcdef', limit(4))).toBe('a…');
    expect(prefixWithin('a😀b', limit(3))).toBe('a');
    expect(truncatePlain('fits', limit(4))).toBe('fits');
  });
});

describe('markdown helpers', () => {
  it('escapes inline Markdown, HTML and mentions', () => {
    expect(escapeInline('*bold* <!-- x --> @octocat [l](u) a|b')).toBe('\\*bold\\* &lt;\\!-- x --\\> @\u200boctocat \\[l\\]\\(u\\) a\\|b');
  });

  it('builds code spans and blocks that survive backticks', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(fencedBlock('has ``` inside', 'text')).toBe('````text\nhas ``` inside\n````');
  });

  it('formats counts and durations for people', () => {
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(5000, 'error')).toBe('5,000 errors');
    expect(formatDuration(340)).toBe('340 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
