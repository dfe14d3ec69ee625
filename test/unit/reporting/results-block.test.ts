import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RESULTS_BLOCK_MAX_BYTES,
  decodeResultsBlock,
  encodeResultsBlock,
  resultsOf,
  type ResultsBlock,
} from '../../../src/reporting/results-block.js';
import { diag, gate, manyDiagnostics } from './make.js';

const SHA = 'a'.repeat(40);

function blockWith(json: unknown, version = 1): string {
  const payload = gzipSync(Buffer.from(typeof json === 'string' ? json : JSON.stringify(json))).toString('base64');
  return `<!-- spec-automation:results v${version} ${payload} -->`;
}

describe('results block', () => {
  it('round-trips a gate result through the check run summary', () => {
    const tests = { total: 12, passed: 9, failed: 2, errored: 1, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 800, cases: [] };
    const failing = diag({ source: 'pytest', rule: 'test.failed', message: 'AssertionError: assert 2 == 3', path: 'tests/test_app.py', range: { start: { line: 14 } } });
    const g = gate({ gate: 'pytest', tool: 'pytest', status: 'failed', tests, diagnostics: [failing, diag({ severity: 'warning' })] });
    const block = resultsOf(g, SHA);
    const text = `# Summary\n\n${encodeResultsBlock(block)}\n\nmore text`;
    const decoded = decodeResultsBlock(text);
    expect(decoded).toEqual({ ok: true, block });
    expect(block).toMatchObject({
      v: 1,
      gate: 'pytest',
      status: 'failed',
      sha: SHA,
      counts: { error: 1, warning: 1, info: 0 },
      tests: { total: 12, failed: 2, errored: 1 },
      totalFindings: 2,
    });
    // Failing tests come before warnings in "top".
    expect(block.top.map((f) => f.rule)).toEqual(['test.failed', 'F401']);
  });

  it('stays within its size bound with 5,000 long findings, keeping counts exact', () => {
    const diagnostics = manyDiagnostics(5000, { message: (i) => `${i} ${'詳細な説明 🚨 '.repeat(60)}` });
    const block = resultsOf(gate({ diagnostics, status: 'failed' }), SHA);
    const encoded = encodeResultsBlock(block);
    expect(encoded.length).toBeLessThanOrEqual(RESULTS_BLOCK_MAX_BYTES);
    const decoded = decodeResultsBlock(encoded);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.block.totalFindings).toBe(5000);
    expect(decoded.block.counts).toEqual({ error: 1667, warning: 1667, info: 1666 });
    expect(decoded.block.top.length).toBeGreaterThan(0);
    expect(decoded.block.top.length).toBeLessThanOrEqual(50);
    expect(decoded.block.top.every((f) => f.severity === 'error')).toBe(true);
  });

  it('drops the least important findings when incompressible messages would not fit', () => {
    // Random hex does not compress: the block must shed findings to fit.
    let seed = 1;
    const noise = () => Array.from({ length: 300 }, () => ((seed = (seed * 16807) % 2147483647) % 16).toString(16)).join('');
    const diagnostics = manyDiagnostics(50, { message: () => noise() });
    const block = resultsOf(gate({ diagnostics, status: 'failed' }));
    const encoded = encodeResultsBlock(block);
    expect(encoded.length).toBeLessThanOrEqual(RESULTS_BLOCK_MAX_BYTES);
    const decoded = decodeResultsBlock(encoded);
    expect(decoded.ok && decoded.block.top.length).toBeLessThan(50);
    expect(decoded.ok && decoded.block.totalFindings).toBe(50);
  });

  it('reports a missing block, and a non-string summary, as "missing"', () => {
    expect(decodeResultsBlock('just a summary')).toMatchObject({ ok: false, error: { code: 'missing' } });
    expect(decodeResultsBlock(null)).toMatchObject({ ok: false, error: { code: 'missing' } });
    expect(decodeResultsBlock({ summary: 1 })).toMatchObject({ ok: false, error: { code: 'missing' } });
  });

  it('refuses a newer schema version with a message that says what to do', () => {
    const decoded = decodeResultsBlock(blockWith({ v: 2 }, 2));
    expect(decoded).toMatchObject({ ok: false, error: { code: 'unsupported-version' } });
    expect(!decoded.ok && decoded.error.message).toMatch(/v2.*understands v1.*Update/);
  });

  it('reports corrupt base64, gzip, JSON and an unclosed block as "corrupt"', () => {
    expect(decodeResultsBlock('<!-- spec-automation:results v1 !!!! -->')).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(decodeResultsBlock('<!-- spec-automation:results v1 bm90IGd6aXA= -->')).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(decodeResultsBlock(blockWith('{"v":1,'))).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(decodeResultsBlock('<!-- spec-automation:results v1 H4sIAAAA')).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  it('reports a block that does not match the schema as "invalid", naming the field', () => {
    const good = resultsOf(gate({ diagnostics: [diag()], status: 'failed' }));
    const bad = { ...good, counts: { ...good.counts, error: -1 } } satisfies Omit<ResultsBlock, 'counts'> & { counts: unknown };
    const decoded = decodeResultsBlock(blockWith(bad));
    expect(decoded).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!decoded.ok && decoded.error.message).toContain('counts.error');
    expect(decodeResultsBlock(blockWith({ ...good, status: 'green' }))).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(decodeResultsBlock(blockWith([1, 2]))).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses oversized blocks and gzip bombs before they cost memory', () => {
    const huge = `<!-- spec-automation:results v1 ${'A'.repeat(200_000)} -->`;
    expect(decodeResultsBlock(huge)).toMatchObject({ ok: false, error: { code: 'oversized' } });
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20), { level: 9 }).toString('base64');
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(decodeResultsBlock(`<!-- spec-automation:results v1 ${bomb} -->`)).toMatchObject({ ok: false, error: { code: 'oversized' } });
  });

  it('never throws, whatever the summary contains', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (before, inside) => {
        const result = decodeResultsBlock(`${before}<!-- spec-automation:results v1 ${inside} -->`);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = decodeResultsBlock(blockWith(Buffer.from(bytes).toString('latin1')));
        expect(result.ok).toBe(false);
      }),
    );
  });
});
