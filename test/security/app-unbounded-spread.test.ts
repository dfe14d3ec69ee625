/**
 * Issue 11: ~175k IDs overflowed the stack, because the pipeline spread unbounded arrays
 * into function arguments (`Math.max(...list)`, `push(...items)`). The helpers that
 * replace them take any number of items. (A 175k-ID spec parses, but takes two minutes of
 * CPU here, too long for the suite.)
 */
import { describe, expect, it } from 'vitest';
import { appendAll, maxOf, minOf } from '../../src/pipeline/arrays.js';

describe('no unbounded spread into arguments', () => {
  it('the helpers take a million items, where spreading them throws', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => Math.max(...many)).toThrow(RangeError);
    expect(maxOf(many)).toBe(999_999);
    expect(minOf(many)).toBe(0);
    expect(appendAll([-1], many)).toHaveLength(1_000_001);
    expect(maxOf([])).toBe(-Infinity);
  });
});
