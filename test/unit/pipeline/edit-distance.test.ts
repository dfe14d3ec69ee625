import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/pipeline/edit-distance.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['timeout', 'timeout', 0],
    ['timout', 'timeout', 1],
    ['kitten', 'sitting', 3],
    ['prd.missing-goals', 'prd.missing-goal', 1],
    ['ab', 'ba', 2],
  ])('%j → %j is %i, either way round', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
