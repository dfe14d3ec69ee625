/**
 * Issue 15, item 5: paths become repository-relative once, where the parsers run. With
 * the project in a folder of the repository (the action's `working-directory: app`),
 * the parse context's prefix is put before every path a parser produces, file reads
 * still find the files under the project root, and fingerprints stay those of the
 * project-relative paths (so they match runs from before the prefix moved here).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finalizeDiagnostics, finalizeTests, rootsOf } from '../../../src/gates/finalize.js';
import { parseJunit } from '../../../src/gates/parsers/junit.js';
import { parsePyrightJson } from '../../../src/gates/parsers/pyright-json.js';
import { createSourceFiles } from '../../../src/gates/source-files.js';
import { context, fixture, lines } from './helpers.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'prefix-'));
  for (const file of ['tasklet/model.py', 'tasklet/window.py', 'tests/test_model.py', 'tests/test_window.py']) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), lines(60));
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** basedpyright's fixture as printed in `root`. */
function pyrightReport(): string {
  return fixture('basedpyright/broken.json').replaceAll('/work/repo', root);
}

function pyrightRun(prefix: string) {
  const files = createSourceFiles(root, prefix);
  const ctx = context({}, { root, cwd: root, prefix, files, source: 'basedpyright' });
  const parsed = parsePyrightJson({ stdout: pyrightReport(), stderr: '', exitCode: 1 }, ctx);
  return finalizeDiagnostics(parsed.diagnostics, files, rootsOf(root), prefix);
}

describe('the parse context prefix', () => {
  it('prefixes every finding path once and keeps the fingerprints of the project-relative paths', () => {
    const plain = pyrightRun('');
    const prefixed = pyrightRun('app');
    expect(plain.map((d) => d.path)).toEqual(['tasklet/model.py', 'tasklet/model.py', 'tasklet/window.py']);
    expect(prefixed.map((d) => d.path)).toEqual(['app/tasklet/model.py', 'app/tasklet/model.py', 'app/tasklet/window.py']);
    // Same lines read (the clamp and the snippet), so the same fingerprints and ranges.
    expect(prefixed.map((d) => d.fingerprint)).toEqual(plain.map((d) => d.fingerprint));
    expect(prefixed.map((d) => d.range)).toEqual(plain.map((d) => d.range));
    expect(new Set(plain.map((d) => d.fingerprint)).size).toBe(3);
  });

  it('prefixes test files and failure locations from JUnit and tracebacks', () => {
    const files = createSourceFiles(root, 'app');
    const ctx = context({}, { root: '/work/repo', cwd: '/work/repo', prefix: 'app', files, source: 'pytest' });
    // The fixture's paths are under /work/repo; the files are read from `root`.
    const { tests, diagnostics } = parseJunit({ stdout: '', stderr: '', exitCode: 1, report: fixture('junit/pytest7-broken.xml') }, ctx);
    const byName = Object.fromEntries(tests!.cases.map((c) => [c.name, c]));
    expect(byName.test_open_count_text).toMatchObject({ id: 'tests/test_model.py::test_open_count_text', file: 'app/tests/test_model.py', location: { path: 'app/tests/test_model.py', line: 13 } });
    expect(byName.test_status_label!.location).toEqual({ path: 'app/tasklet/window.py', line: 10 });
    expect(diagnostics.map((d) => d.path)).toEqual(['app/tests/test_model.py', 'app/tests/test_model.py', 'app/tasklet/window.py']);
    expect(finalizeTests(tests!, rootsOf('/work/repo')).cases.find((c) => c.name === 'test_status_label')!.location!.path).toBe('app/tasklet/window.py');
  });

  it('reads no file outside the prefix', () => {
    const files = createSourceFiles(root, 'app');
    expect(files.lineCount('app/tasklet/model.py')).toBe(60);
    expect(files.lineCount('tasklet/model.py')).toBeUndefined();
    expect(files.lineText('app/tasklet/model.py', 2)).toBe('line_2 = 2');
  });
});
