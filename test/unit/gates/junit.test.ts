import { describe, expect, it } from 'vitest';
import { parseJunit, parseJunitText } from '../../../src/gates/parsers/junit.js';
import { ToolOutputError } from '../../../src/gates/types.js';
import { context, fixture, lines } from './helpers.js';

const repoFiles = (...paths: string[]) => Object.fromEntries(paths.map((p) => [p, lines(60)]));

describe('JUnit parser', () => {
  it('reads pytest 7 output: outcomes, ids, durations, failure locations from the traceback', () => {
    const ctx = context(repoFiles('tests/test_model.py', 'tests/test_window.py', 'tasklet/window.py'), { source: 'pytest' });
    const { tests, diagnostics } = parseJunit({ stdout: '', stderr: '', exitCode: 1, report: fixture('junit/pytest7-broken.xml') }, ctx);
    expect(tests).toMatchObject({ total: 7, passed: 2, failed: 2, errored: 1, skipped: 1, xfailed: 1, xpassed: 0, durationMs: 60 });
    const byName = Object.fromEntries(tests!.cases.map((c) => [c.name, c]));
    expect(byName.test_open_count_text).toMatchObject({
      id: 'tests/test_model.py::test_open_count_text',
      file: 'tests/test_model.py',
      outcome: 'failed',
      message: "AssertionError: assert 1 == '1 open'",
      location: { path: 'tests/test_model.py', line: 13 },
    });
    // The last frame inside the repository is in the code under test, not in the test.
    expect(byName.test_status_label).toMatchObject({ outcome: 'failed', location: { path: 'tasklet/window.py', line: 10 } });
    expect(byName.test_status_label!.details).toContain('E       TypeError: setText');
    // A fixture that raises is an error in setup, located in the fixture.
    expect(byName.test_load_tasks).toMatchObject({
      outcome: 'error',
      message: 'OSError: tasks.json is locked by another process (in setup)',
      location: { path: 'tests/test_model.py', line: 24 },
    });
    expect(byName.test_title_is_trimmed).toMatchObject({ outcome: 'xfailed', message: 'titles are not trimmed yet' });
    expect(byName.test_export_csv).toMatchObject({ outcome: 'skipped', message: 'FR-7 export is not implemented yet' });
    expect(byName.test_parse_done!.durationMs).toBe(1);

    expect(diagnostics.map((d) => [d.rule, d.path, d.range.start.line, d.message])).toEqual([
      ['test.failed', 'tests/test_model.py', 13, "AssertionError: assert 1 == '1 open'"],
      ['test.error', 'tests/test_model.py', 24, 'OSError: tasks.json is locked by another process (in setup)'],
      ['test.failed', 'tasklet/window.py', 10, "TypeError: setText(self, a0: str): argument 1 has unexpected type 'int'"],
    ]);
    expect(diagnostics[0]).toMatchObject({ source: 'pytest', severity: 'error', hint: 'Failing test: tests/test_model.py::test_open_count_text' });
  });

  it('reads a collection error (classname="") from its traceback', () => {
    const tests = parseJunitText(fixture('junit/pytest7-collection-error.xml'), context(repoFiles('tests/test_collect.py')));
    expect(tests.cases).toEqual([
      expect.objectContaining({
        id: 'tests/test_collect.py',
        name: 'tests.test_collect',
        outcome: 'error',
        message: "collection failed: ModuleNotFoundError: No module named 'missing_module_xyz'",
        location: { path: 'tests/test_collect.py', line: 1 },
      }),
    ]);
    expect(tests.cases[0]).not.toHaveProperty('classname');
  });

  it('decodes &#10; in messages and keeps teardown errors and strict xpasses', () => {
    const tests = parseJunitText(fixture('junit/pytest7-mixed.xml'), context(repoFiles('tests/test_a.py')));
    const byName = Object.fromEntries(tests.cases.map((c) => [c.name, c]));
    expect(byName.test_unicode).toMatchObject({ message: "AssertionError: assert 'café ☕\\nline2' == 'cafe'", location: { path: 'tests/test_a.py', line: 15 } });
    expect(byName.test_unicode!.details).toContain('E         + café ☕');
    expect(byName.test_teardown).toMatchObject({ outcome: 'error', message: 'RuntimeError: teardown boom (in teardown)', location: { line: 20 } });
    // No traceback: fall back to the def line (xunit1 `line` is 0-based).
    expect(byName.test_xpass_strict).toMatchObject({ outcome: 'failed', message: '[XPASS(strict)] strict', location: { path: 'tests/test_a.py', line: 10 } });
  });

  it('reads an empty run', () => {
    expect(parseJunitText(fixture('junit/pytest7-no-tests.xml'), context())).toMatchObject({ total: 0, cases: [] });
  });

  it('reads real pytest 9 output (<testsuites name>, timezone) with class-based ids', () => {
    const tests = parseJunitText(fixture('junit/pytest9-real.xml'), context(repoFiles('tests/test_b.py')));
    expect(tests).toMatchObject({ total: 4, failed: 1, errored: 1, skipped: 1, xfailed: 1 });
    expect(tests.cases[0]).toMatchObject({ id: 'tests/test_b.py::TestGroup::test_in_class', classname: 'tests.test_b.TestGroup', message: 'assert (1 + 1) == 3', location: { line: 5 } });
    expect(tests.cases[1]).toMatchObject({ message: 'OSError: locked (in setup)', location: { line: 9 } });
  });

  it('reads pytest 9 style with a parametrized id and a fixture in conftest', () => {
    const tests = parseJunitText(fixture('junit/pytest9-testsuites.xml'), context(repoFiles('tests/test_model.py', 'tests/test_storage.py', 'tests/conftest.py')));
    expect(tests).toMatchObject({ total: 5, passed: 1, failed: 1, errored: 1, xfailed: 1, skipped: 1, durationMs: 412 });
    expect(tests.cases[1]).toMatchObject({ message: 'assert 2 == 1', location: { path: 'tests/test_model.py', line: 34 } });
    expect(tests.cases[2]).toMatchObject({ id: 'tests/test_storage.py::test_save[café]', location: { path: 'tests/conftest.py', line: 9 } });
  });

  it('reads a bare <testsuite> root without file attributes, CDATA included', () => {
    const tests = parseJunitText(fixture('junit/bare-testsuite.xml'), context(repoFiles('tests/test_window.py')));
    expect(tests).toMatchObject({ total: 3, passed: 1, failed: 1, skipped: 1, durationMs: 1500 });
    expect(tests.cases[1]).toMatchObject({ id: 'tests.test_window::test_filter', location: { path: 'tests/test_window.py', line: 88 } });
  });

  it('finds Windows traceback frames, skipping the standard library and <frozen> frames', () => {
    const ctx = context(repoFiles('tests/test_window.py', 'pkg/mod.py', 'tests/test_io.py'), { root: 'C:\\work\\repo', cwd: 'C:\\work\\repo' });
    const tests = parseJunitText(fixture('junit/windows-tracebacks.xml'), ctx);
    expect(tests.cases.map((c) => c.location)).toEqual([
      { path: 'pkg/mod.py', line: 10 },
      { path: 'tests/test_io.py', line: 5 },
    ]);
  });

  it('ignores frames in a virtualenv inside the repository', () => {
    const details = 'tests/test_x.py:3: in test_x\n    f()\n.venv/lib/python3.11/site-packages/lib.py:7: in f\n    raise\nE   ValueError';
    const xml = `<testsuites><testsuite><testcase classname="tests.test_x" name="test_x" file="tests/test_x.py" line="1"><failure message="ValueError">${details}</failure></testcase></testsuite></testsuites>`;
    const ctx = context({ 'tests/test_x.py': lines(5), '.venv/lib/python3.11/site-packages/lib.py': lines(10) });
    expect(parseJunitText(xml, ctx).cases[0]!.location).toEqual({ path: 'tests/test_x.py', line: 3 });
  });

  it('does not expand nested entities (billion laughs)', () => {
    const lol = (n: number) => `&lol${n};`.repeat(10);
    const entities = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 1} "${lol(i)}">`)].join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE x [${entities}]><testsuite><testcase name="a"><failure message="&lol8;">x</failure></testcase></testsuite>`;
    const tests = parseJunitText(xml, context());
    expect(tests.failed).toBe(1);
    expect((tests.cases[0]!.message ?? '').length).toBeLessThan(10_000);
  });

  it.each([
    ['an empty report', ''],
    ['truncated XML', fixture('junit/pytest7-broken.xml').slice(0, 400)],
    ['another document', '<html><body>500</body></html>'],
  ])('rejects %s as a tool error', (_name, text) => {
    expect(() => parseJunitText(text, context())).toThrow(ToolOutputError);
  });
});
