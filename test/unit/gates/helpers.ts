import { readFileSync } from 'node:fs';
import { gateSchema } from '../../../src/pipeline/config/schema.js';
import { sourceFilesFromMap } from '../../../src/gates/source-files.js';
import type { ParseContext } from '../../../src/gates/types.js';

export function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/gates/${path}`, import.meta.url), 'utf8');
}

/** `n` numbered lines of Python, enough for any line a fixture names. */
export function lines(n: number): string {
  return Array.from({ length: n }, (_, i) => `line_${i + 1} = ${i + 1}`).join('\n') + '\n';
}

export function context(files: Record<string, string> = {}, overrides: Partial<ParseContext> = {}): ParseContext {
  return {
    root: '/work/repo',
    cwd: '/work/repo',
    source: 'gate',
    files: sourceFilesFromMap(files),
    gate: gateSchema.parse({}),
    ...overrides,
  };
}
