import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../src/pipeline/format-count.js';

describe('formatCount', () => {
  it('groups thousands with commas, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 10287, 999999, 1234567, 1e15, -4200]) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  });
  it('keeps a fraction as written and never groups it', () => {
    expect(formatCount(12345.6789)).toBe('12,345.6789');
  });
  it('writes non-finite numbers as JavaScript does', () => {
    expect(formatCount(Number.NaN)).toBe('NaN');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});
