import { describe, expect, it } from 'vitest';
import { createProgressLog } from '../../../src/action/progress.js';
import { diag, gate } from '../reporting/make.js';

describe('createProgressLog', () => {
  it('logs one line per change, with the command and the outcome', () => {
    const lines: string[] = [];
    let now = 1000;
    const log = createProgressLog((l) => lines.push(l), () => now);
    log({ kind: 'planned', gates: ['ruff', 'pytest'] });
    log({ kind: 'started', gate: 'ruff', command: ['ruff', 'check', '--output-format=json'] });
    now = 3500;
    log({ kind: 'finished', gate: 'ruff', result: gate({ diagnostics: [diag(), diag({ severity: 'warning', rule: 'E501' })], durationMs: 2500 }) });
    expect(lines).toEqual(['gates: ruff, pytest', 'gates: ruff started: ruff check --output-format=json', 'gates: ✗ ruff failed 2.5s 1 error, 1 warning']);
  });

  it('says when there is nothing to run', () => {
    const lines: string[] = [];
    createProgressLog((l) => lines.push(l))({ kind: 'planned', gates: [] });
    expect(lines).toEqual(['gates: none to run']);
  });
});
