// keepYoungGenerationSmall relies on V8 reading --semi-space-growth-factor each time the
// young generation would grow, set after start-up. Node documents flags set that late as
// unsupported, so this checks it on the Node that runs the tests: a child process keeps
// about 40 MB of objects alive; without the call its young generation grows to tens of MB,
// with it it mostly stays at a few.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('../../../src/adapters/young-generation.ts', import.meta.url));

function youngGenerationMb(callIt: boolean): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { keepYoungGenerationSmall } from ${JSON.stringify(MODULE)};
    if (${callIt}) keepYoungGenerationSmall();
    const kept = [];
    let largest = 0;
    for (let i = 0; i < 400000; i++) {
      kept.push({ path: 'pkg/mod_' + i + '.py', range: { start: { line: i, column: 1 } } });
      if (i % 10000 === 0) largest = Math.max(largest, getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
    }
    console.log(String(largest / 1048576));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(out.trim());
}

describe('keepYoungGenerationSmall', () => {
  it('keeps the young generation from growing while much survives', () => {
    const grown = youngGenerationMb(false);
    // V8 still grows it now and then by other paths (2 to 27 MB seen in one series here,
    // against 128 MB uncapped), so the best of three runs is compared: if the flag stopped
    // taking effect, all three would grow as far as the uncapped run.
    const kept = Math.min(youngGenerationMb(true), youngGenerationMb(true), youngGenerationMb(true));
    expect(grown).toBeGreaterThan(16);
    expect(kept).toBeLessThan(grown / 3);
  });
});
