import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureMessage, outputsOf, runnerFile, severityCounts, writeJsonFile } from '../../../src/action/outcome.js';
import { diag } from '../reporting/make.js';

describe('failureMessage', () => {
  const failed = [
    { name: 'ruff', status: 'failed' as const },
    { name: 'pytest', status: 'error' as const },
  ];
  it('names the gates that failed and those that could not run', () => {
    expect(failureMessage('error', undefined, failed)).toBe(
      'spec-automation failed: ruff; could not run (a tool error is not a pass): pytest. See the check runs and the job summary for the findings; set fail-on: never to report without failing the step.',
    );
    expect(failureMessage('failure', 'warning', [failed[0]!])).toMatch(/^spec-automation failed: ruff\. /);
  });
  it('lets the step pass on success or with fail-on never', () => {
    expect(failureMessage('success', 'error', [])).toBeUndefined();
    expect(failureMessage('error', 'never', failed)).toBeUndefined();
  });
});

describe('outputs', () => {
  it('are strings named as in action.yml', () => {
    expect(outputsOf({ conclusion: 'failure', errors: 2, warnings: 0, failedGates: ['ruff', 'pytest'], resultsFile: '/t/r.json', sarifFile: undefined, failure: 'x' })).toEqual({
      conclusion: 'failure',
      errors: '2',
      warnings: '0',
      'failed-gates': 'ruff,pytest',
      results: '/t/r.json',
      sarif: '',
    });
  });
  it('count errors and warnings, not notes', () => {
    expect(severityCounts([diag(), diag({ severity: 'warning' }), diag({ severity: 'info' }), diag()])).toEqual({ errors: 2, warnings: 1 });
  });
});

describe('runnerFile', () => {
  it('is one file per mode and step, with a safe name', () => {
    expect(runnerFile('/tmp/r', 'gates', 'gates', 'json')).toBe(join('/tmp/r', 'spec-automation-gates-gates.json'));
    expect(runnerFile('/tmp/r', 'validate', '__owner_repo/../x', 'sarif')).toBe(join('/tmp/r', 'spec-automation-validate-owner_repo_.._x.sarif'));
    expect(runnerFile('/tmp/r', 'gates', undefined, 'json')).toBe(join('/tmp/r', 'spec-automation-gates-step.json'));
  });
  it('writes JSON with its directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outcome-'));
    try {
      const file = join(dir, 'a', 'b.json');
      await writeJsonFile(file, { x: [1] });
      expect(readFileSync(file, 'utf8')).toBe('{\n  "x": [\n    1\n  ]\n}\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
