import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as junit2json, type TestSuites } from 'junit2json';
import { parseV2 as testResultsParse } from 'test-results-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit, xmlEscape } from '../../../src/reporting/junit.js';
import { parseJunitText } from '../../../src/gates/parsers/junit.js';
import { strictJunitViolations } from '../../support/junit/strict-schema.js';
import { context } from './helpers.js';
import { sampleRun } from './report-fixtures.js';

type Doc = { testsuites: Record<string, unknown> & { testsuite: Array<Record<string, unknown>> } };
const read = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Doc;

describe('renderJunit', () => {
  const xml = renderJunit(sampleRun());

  it('is well-formed XML with one suite per gate; only failing severities are failures', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = read(xml);
    // basedpyright: its error is a failure; its warning (below the default fail level) is not.
    expect(doc.testsuites).toMatchObject({ name: 'spec-automation gates', tests: '7', failures: '2', errors: '2' });
    expect(doc.testsuites.testsuite.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped])).toEqual([
      ['ruff', '1', '0', '1', '0'],
      ['basedpyright', '1', '1', '0', '0'],
      ['pytest', '4', '1', '1', '1'],
      ['mypy', '1', '0', '0', '1'],
    ]);
    const bp = doc.testsuites.testsuite[1]!;
    expect(String(bp['system-out'])).toContain('tasklet/model.py:3: warning reportUnusedImport: Import "os" is not accessed <&>');
  });

  it('counts warnings as failures when the gate fails on warnings', () => {
    const doc = read(renderJunit(sampleRun(), { failOnOf: (gate) => (gate === 'basedpyright' ? 'warning' : 'error') }));
    expect(doc.testsuites.testsuite[1]).toMatchObject({ tests: '2', failures: '2' });
    expect(doc.testsuites.testsuite[1]!['system-out']).toBeUndefined();
  });

  it('labels a cached suite\'s time as the earlier run\'s', () => {
    const bp = read(xml).testsuites.testsuite[1] as { time: string; properties: { property: Array<{ name: string; value: string }> } };
    expect(bp.time).toBe('3.712');
    const props = Object.fromEntries(bp.properties.property.map((p) => [p.name, p.value]));
    expect(props).toMatchObject({ cached: 'true', 'time.source': 'cached result: the duration of the run it came from' });
  });

  it('satisfies the strict JUnit schema: no unknown attributes on the root or anywhere else', () => {
    expect(strictJunitViolations(xml)).toEqual([]);
    const root = read(xml).testsuites;
    expect(Object.keys(root).filter((k) => k !== 'testsuite').sort()).toEqual(['errors', 'failures', 'name', 'tests', 'time']);
  });

  it('the strict check catches what the schema rejects (so the test above can fail)', () => {
    const bad = xml.replace('<testsuites name=', '<testsuites skipped="2" timestamp="2026-03-02T09:15:27.000Z" name=').replace('<testcase name="test_ok"', '<testcase file="tests/test_model.py" name="test_ok"');
    expect(strictJunitViolations(bad)).toEqual([
      '/testsuites: attribute "skipped" not allowed',
      '/testsuites: attribute "timestamp" not allowed',
      '/testsuites/testsuite/testcase: attribute "file" not allowed',
    ]);
    expect(strictJunitViolations(xml.replace(/<properties>[\s\S]*?<\/properties>\n/, '').replace('</testsuite>', '<properties/></testsuite>'))).toContain(
      '/testsuites/testsuite: <properties> not allowed here (order: properties, testcase, system-out, system-err)',
    );
  });

  it('two common readers (junit2json, test-results-parser) read the same counts', async () => {
    const doc = (await junit2json(xml)) as TestSuites;
    expect(doc.testsuite?.map((s) => [s.name, s.tests, s.failures, s.errors])).toEqual([
      ['ruff', 1, 0, 1],
      ['basedpyright', 1, 1, 0],
      ['pytest', 4, 1, 1],
      ['mypy', 1, 0, 0],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'junit-readers-'));
    try {
      const file = join(dir, 'gates.xml');
      writeFileSync(file, xml);
      const { result, errors } = testResultsParse({ type: 'junit', files: [file] });
      expect(errors).toEqual([]);
      // Its `total` leaves out skipped cases.
      expect(result.suites.map((s) => [s.name, s.total + s.skipped, s.failed + s.errors, s.skipped])).toEqual([
        ['ruff', 1, 1, 0],
        ['basedpyright', 1, 1, 0],
        ['pytest', 4, 2, 1],
        ['mypy', 1, 0, 1],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips through our own JUnit parser', () => {
    const tests = parseJunitText(xml, context());
    expect(tests).toMatchObject({ total: 7, failed: 2, errored: 2, skipped: 2, xfailed: 0 });
    const names = tests.cases.map((c) => c.name);
    expect(names).toContain('tasklet/model.py:20:12 reportReturnType');
    expect(names).toContain('test_count');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const warningsFail = renderJunit(sampleRun(), { failOnOf: () => 'warning' });
    expect(warningsFail).toContain('message="Import &quot;os&quot; is not accessed &lt;&amp;&gt;"');
    expect(warningsFail).toContain('Import "os" is not accessed &lt;&amp;&gt;</failure>');
    expect(xmlEscape('a\u0000b\u001bc\nd\uD800')).toBe('abc&#10;d\uFFFD');
  });
});
