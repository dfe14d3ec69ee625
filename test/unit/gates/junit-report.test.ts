import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit, xmlEscape } from '../../../src/reporting/junit.js';
import { parseJunitText } from '../../../src/gates/parsers/junit.js';
import { context } from './helpers.js';
import { sampleRun } from './report-fixtures.js';

describe('renderJunit', () => {
  const xml = renderJunit(sampleRun());

  it('is well-formed XML with one suite per gate and totals', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { testsuites: Record<string, unknown> & { testsuite: Array<Record<string, string>> } };
    expect(doc.testsuites).toMatchObject({ name: 'spec-automation gates', tests: '8', failures: '3', errors: '2', skipped: '2' });
    expect(doc.testsuites.testsuite.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped])).toEqual([
      ['ruff', '1', '0', '1', '0'],
      ['basedpyright', '2', '2', '0', '0'],
      ['pytest', '4', '1', '1', '1'],
      ['mypy', '1', '0', '0', '1'],
    ]);
  });

  it('round-trips through our own JUnit parser', () => {
    const tests = parseJunitText(xml, context());
    expect(tests).toMatchObject({ total: 8, failed: 3, errored: 2, skipped: 2, xfailed: 0 });
    const names = tests.cases.map((c) => c.name);
    expect(names).toContain('tasklet/model.py:20:12 reportReturnType');
    expect(names).toContain('test_count');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xml).toContain('message="Import &quot;os&quot; is not accessed &lt;&amp;&gt;"');
    expect(xml).toContain('>Import "os" is not accessed &lt;&amp;&gt;</failure>');
    expect(xmlEscape('a\u0000b\u001bc\nd\uD800')).toBe('abc&#10;d\uFFFD');
  });
});
