import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefixOf, rebaseDiagnostic, rebaseRun } from '../../../src/action/rebase.js';
import { diag, gate, gatesRun } from '../reporting/make.js';

describe('prefixOf', () => {
  it('is the repo-relative path of the project root', () => {
    const ws = join('/', 'ws');
    expect(prefixOf(ws, ws)).toBe('');
    expect(prefixOf(ws, join(ws, 'apps', 'desk'))).toBe('apps/desk');
    expect(prefixOf(ws, join('/', 'elsewhere'))).toBeUndefined();
  });
});

describe('rebaseRun', () => {
  it('prefixes findings and test locations and keeps fingerprints', () => {
    const d = diag({ path: 'tasklet/model.py' });
    const run = gatesRun([
      gate({ diagnostics: [d, diag({ path: '', message: 'not about a file' })] }),
      gate({
        gate: 'pytest',
        tool: 'pytest',
        tests: { total: 1, passed: 0, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 1, cases: [{ id: 'tests/test_a.py::test_x', name: 'test_x', file: 'tests/test_a.py', outcome: 'failed', durationMs: 1, location: { path: 'tasklet/model.py', line: 3 } }] },
      }),
    ]);
    const rebased = rebaseRun(run, 'app');
    expect(rebased.gates[0]!.diagnostics.map((x) => x.path)).toEqual(['app/tasklet/model.py', '']);
    expect(rebased.gates[0]!.diagnostics[0]!.fingerprint).toBe(d.fingerprint);
    expect(rebased.gates[1]!.tests!.cases[0]).toMatchObject({ file: 'app/tests/test_a.py', location: { path: 'app/tasklet/model.py', line: 3 } });
    // The input is not changed.
    expect(run.gates[0]!.diagnostics[0]!.path).toBe('tasklet/model.py');
  });

  it('leaves the run alone at the repository root and absolute paths alone anywhere', () => {
    const run = gatesRun([gate({ diagnostics: [diag()] })]);
    expect(rebaseRun(run, '')).toBe(run);
    expect(rebaseDiagnostic(diag({ path: '/etc/config.yml' }), 'app').path).toBe('/etc/config.yml');
    expect(rebaseDiagnostic(diag({ path: 'C:/cfg/a.yml' }), 'app').path).toBe('C:/cfg/a.yml');
  });
});
