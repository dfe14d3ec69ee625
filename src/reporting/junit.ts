/**
 * A gates run as JUnit XML, for CI systems that show test reports: one `<testsuite>` per
 * gate; test gates keep their test cases, other gates get one failing case per finding
 * (or one passing case), and a gate that could not run is an `<error>`.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { GateResult, GatesRun, TestCaseResult } from '../pipeline/gate-result.js';

/** Element text: markup escaped, characters XML 1.0 cannot carry dropped (lone surrogates replaced). */
function textEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

/** Attribute values: like text, plus quotes, and newlines kept as `&#10;`. */
export function xmlEscape(text: string): string {
  return textEscape(text).replace(/"/g, '&quot;').replace(/\r?\n/g, '&#10;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

function testCase(gate: string, c: TestCaseResult): string {
  const open = `    <testcase${attrs({ classname: c.classname ?? gate, name: c.name, file: c.file, time: seconds(c.durationMs) })}`;
  const location = c.location ? `${c.location.path}:${c.location.line}\n` : '';
  switch (c.outcome) {
    case 'failed':
      return `${open}>\n      <failure${attrs({ message: c.message ?? 'failed' })}>${textEscape(location + (c.details ?? ''))}</failure>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error${attrs({ message: c.message ?? 'error' })}>${textEscape(location + (c.details ?? ''))}</error>\n    </testcase>`;
    case 'skipped':
    case 'xfailed':
      return `${open}>\n      <skipped${attrs({ type: c.outcome === 'xfailed' ? 'xfail' : undefined, message: c.message })}/>\n    </testcase>`;
    default:
      return `${open}/>`;
  }
}

function findingCase(gate: string, d: Diagnostic): string {
  const where = d.path ? `${d.path}:${d.range.start.line}${d.range.start.column ? `:${d.range.start.column}` : ''}` : gate;
  const body = [d.message, d.hint, d.url].filter(Boolean).join('\n');
  return `    <testcase${attrs({ classname: gate, name: `${where} ${d.rule}`, file: d.path || undefined, line: d.path ? d.range.start.line : undefined, time: seconds(0) })}>\n      <failure${attrs({ message: d.message.split('\n')[0], type: d.severity })}>${textEscape(body)}</failure>\n    </testcase>`;
}

function suite(g: GateResult): { xml: string; tests: number; failures: number; errors: number; skipped: number } {
  let cases: string[];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  if (g.status === 'error') {
    const details = [g.error?.hint, g.command.length ? `command: ${g.command.join(' ')}` : undefined, g.stderrTail].filter(Boolean).join('\n');
    cases = [`    <testcase${attrs({ classname: g.gate, name: g.gate, time: seconds(g.durationMs) })}>\n      <error${attrs({ message: g.error?.message ?? 'tool error' })}>${textEscape(details)}</error>\n    </testcase>`];
    errors = 1;
  } else if (g.status === 'skipped') {
    cases = [`    <testcase${attrs({ classname: g.gate, name: g.gate, time: seconds(0) })}>\n      <skipped message="disabled"/>\n    </testcase>`];
    skipped = 1;
  } else if (g.tests) {
    const other = g.diagnostics.filter((d) => !d.rule.startsWith('test.'));
    cases = [...g.tests.cases.map((c) => testCase(g.gate, c)), ...other.map((d) => findingCase(g.gate, d))];
    failures = g.tests.failed + other.length;
    errors = g.tests.errored;
    skipped = g.tests.skipped + g.tests.xfailed;
    if (g.tests.cases.length === 0 && g.status === 'failed' && other.length === 0) {
      cases.push(...g.diagnostics.map((d) => findingCase(g.gate, d)));
      failures += g.diagnostics.length;
    }
  } else if (g.diagnostics.length > 0) {
    cases = g.diagnostics.map((d) => findingCase(g.gate, d));
    failures = g.diagnostics.length;
  } else {
    cases = [`    <testcase${attrs({ classname: g.gate, name: g.gate, time: seconds(g.durationMs) })}/>`];
  }
  const tests = cases.length;
  const open = `  <testsuite${attrs({ name: g.gate, tests, failures, errors, skipped, time: seconds(g.durationMs) })}>`;
  const properties = `    <properties>\n      <property${attrs({ name: 'tool', value: g.tool })}/>\n${g.toolVersion ? `      <property${attrs({ name: 'tool.version', value: g.toolVersion })}/>\n` : ''}      <property${attrs({ name: 'status', value: g.status })}/>\n      <property${attrs({ name: 'cached', value: String(g.fromCache) })}/>\n    </properties>`;
  return { xml: `${open}\n${properties}\n${cases.join('\n')}\n  </testsuite>`, tests, failures, errors, skipped };
}

/** Renders the run as one JUnit XML document. */
export function renderJunit(run: GatesRun): string {
  const suites = run.gates.map(suite);
  const total = (k: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((sum, s) => sum + s[k], 0);
  const open = `<testsuites${attrs({ name: 'spec-automation gates', tests: total('tests'), failures: total('failures'), errors: total('errors'), skipped: total('skipped'), time: seconds(run.durationMs), timestamp: run.startedAt })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`;
}
