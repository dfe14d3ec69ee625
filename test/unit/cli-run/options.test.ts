import { describe, expect, it } from 'vitest';
import { parseRunOptions, UsageError } from '../../../src/cli/run/options.js';

describe('parseRunOptions', () => {
  it('reads every option', () => {
    expect(
      parseRunOptions(['docs/prd.md', '--cwd', 'app', '--max-iterations', '5', '--resume', '--replay', 's.jsonl', '--only', 'basedpyright, pytest', '--no-cache', '--report', 'r.md']),
    ).toEqual({ spec: 'docs/prd.md', cwd: 'app', maxIterations: 5, resume: true, dryRun: false, replay: 's.jsonl', only: ['basedpyright', 'pytest'], noCache: true, report: 'r.md' });
  });

  it('defaults the flags to off', () => {
    expect(parseRunOptions(['x.md'])).toEqual({ spec: 'x.md', resume: false, dryRun: false, noCache: false });
    expect(parseRunOptions(['x.md', '--dry-run']).dryRun).toBe(true);
    expect(parseRunOptions(['x.md', '--max-iterations', '0']).maxIterations).toBe(0);
  });

  it.each([
    [[], /Name the spec/],
    [['a.md', 'b.md'], /One spec per run; got 2/],
    [['a.md', '--max-iterations', 'two'], /whole number/],
    [['a.md', '--max-iterations', '-1'], /whole number|argument/],
    [['a.md', '--replay', 'r', '--record', 'w'], /exclude each other/],
    [['a.md', '--only', ' , '], /--only needs gate names/],
    [['a.md', '--bogus'], /Unknown option '--bogus'/],
    [['a.md', '--report', ' '], /--report needs a path/],
  ])('refuses %j', (args, message) => {
    expect(() => parseRunOptions(args)).toThrow(UsageError);
    expect(() => parseRunOptions(args)).toThrow(message);
  });
});
