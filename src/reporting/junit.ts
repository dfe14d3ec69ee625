/**
 * A gates run as JUnit XML, for CI systems that show test reports: one `<testsuite>` per
 * gate; test gates keep their test cases, other gates get one failing case per finding
 * that fails the gate (or one passing case), and a gate that could not run is an
 * `<error>`. Findings below the gate's fail level (warnings, by default) fail nothing, so
 * they are no `<failure>`: they are listed in the suite's `<system-out>` and counted in
 * its properties.
 *
 * Only the elements and attributes of the strict JUnit schema (Jenkins' junit-10.xsd, the
 * one xunit2 follows) are written, so strict readers accept the report: no `file`/`line`
 * on a test case (the location is the first line of the failure text) and only `name`,
 * `tests`, `failures`, `errors` and `time` on the root (the timestamp is on each suite).
 */
import { isAtLeast, type Diagnostic, type Severity } from '../pipeline/diagnostic.js';
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
  const open = `    <testcase${attrs({ name: c.name, classname: c.classname ?? gate, time: seconds(c.durationMs) })}`;
  const location = c.location ? `${c.location.path}:${c.location.line}\n` : c.file ? `${c.file}\n` : '';
  switch (c.outcome) {
    case 'failed':
      return `${open}>\n      <failure${attrs({ message: c.message ?? 'failed', type: 'failed' })}>${textEscape(location + (c.details ?? ''))}</failure>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error${attrs({ message: c.message ?? 'error', type: 'error' })}>${textEscape(location + (c.details ?? ''))}</error>\n    </testcase>`;
    case 'skipped':
    case 'xfailed':
      // An expected failure is a skip with its reason; the strict schema has no `type` on <skipped>.
      return `${open}>\n      <skipped${attrs({ message: c.outcome === 'xfailed' ? `xfail${c.message ? `: ${c.message}` : ''}` : c.message })}/>\n    </testcase>`;
    default:
      return `${open}/>`;
  }
}

function whereOf(gate: string, d: Diagnostic): string {
  return d.path ? `${d.path}:${d.range.start.line}${d.range.start.column ? `:${d.range.start.column}` : ''}` : gate;
}

function findingCase(gate: string, d: Diagnostic): string {
  const where = whereOf(gate, d);
  const body = [where, d.message, d.hint, d.url].filter(Boolean).join('\n');
  return `    <testcase${attrs({ name: `${where} ${d.rule}`, classname: gate, time: seconds(0) })}>\n      <failure${attrs({ message: d.message.split('\n')[0], type: d.severity })}>${textEscape(body)}</failure>\n    </testcase>`;
}

/** One line per finding that does not fail the gate, for `<system-out>`. */
function findingLine(gate: string, d: Diagnostic): string {
  return `${whereOf(gate, d)}: ${d.severity} ${d.rule}: ${d.message.replace(/\r?\n/g, ' ')}`;
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function property(name: string, value: string): string {
  return `      <property${attrs({ name, value })}/>`;
}

function suite(g: GateResult, failOn: Severity, timestamp: string): Suite {
  let cases: string[];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  const isTestCase = (d: Diagnostic) => d.rule === 'test.failed' || d.rule === 'test.error';
  const findings = g.tests && g.tests.cases.length > 0 ? g.diagnostics.filter((d) => !isTestCase(d)) : g.diagnostics;
  const failing = findings.filter((d) => isAtLeast(d.severity, failOn));
  const passing = findings.filter((d) => !isAtLeast(d.severity, failOn));
  if (g.status === 'error') {
    const details = [g.error?.hint, g.command.length ? `command: ${g.command.join(' ')}` : undefined, g.stderrTail].filter(Boolean).join('\n');
    cases = [`    <testcase${attrs({ name: g.gate, classname: g.gate, time: seconds(g.durationMs) })}>\n      <error${attrs({ message: g.error?.message ?? 'tool error', type: 'tool-error' })}>${textEscape(details)}</error>\n    </testcase>`];
    errors = 1;
  } else if (g.status === 'skipped' || g.status === 'cancelled') {
    cases = [`    <testcase${attrs({ name: g.gate, classname: g.gate, time: seconds(0) })}>\n      <skipped message="${g.status === 'skipped' ? 'disabled' : 'cancelled'}"/>\n    </testcase>`];
    skipped = 1;
  } else {
    cases = [...(g.tests?.cases ?? []).map((c) => testCase(g.gate, c)), ...failing.map((d) => findingCase(g.gate, d))];
    failures = (g.tests?.failed ?? 0) + failing.length;
    errors = g.tests?.errored ?? 0;
    skipped = (g.tests?.skipped ?? 0) + (g.tests?.xfailed ?? 0);
    // A gate with nothing failing is one passing case, so the suite is never empty.
    if (cases.length === 0) cases.push(`    <testcase${attrs({ name: g.gate, classname: g.gate, time: seconds(g.durationMs) })}/>`);
  }
  const tests = cases.length;
  const open = `  <testsuite${attrs({ name: g.gate, tests, failures, errors, skipped, time: seconds(g.durationMs), timestamp })}>`;
  const props = [property('tool', g.tool)];
  if (g.toolVersion) props.push(property('tool.version', g.toolVersion));
  props.push(property('status', g.status), property('cached', String(g.fromCache)));
  // A cached result ran earlier: its time is that run's, said so here.
  if (g.fromCache) props.push(property('time.source', 'cached result: the duration of the run it came from'));
  props.push(property('fail-on', failOn));
  if (passing.length > 0) props.push(property('findings.not-failing', String(passing.length)));
  const out = passing.length > 0 ? `\n    <system-out>${textEscape(`Findings below the fail level (${failOn}); they do not fail the gate:\n${passing.map((d) => findingLine(g.gate, d)).join('\n')}\n`)}</system-out>` : '';
  return { xml: `${open}\n    <properties>\n${props.join('\n')}\n    </properties>\n${cases.join('\n')}${out}\n  </testsuite>`, tests, failures, errors, skipped };
}

export interface JunitOptions {
  /** The fail level of a gate (its `failOn`, else the configuration's); default `error`. */
  failOnOf?: (gate: string) => Severity;
}

/** Renders the run as one JUnit XML document. */
export function renderJunit(run: GatesRun, options: JunitOptions = {}): string {
  // The strict schema's timestamp has no zone and no fraction: `2026-01-02T03:04:05`.
  const timestamp = run.startedAt.replace(/\.\d+/, '').replace(/(Z|[+-]\d\d:\d\d)$/, '');
  const suites = run.gates.map((g) => suite(g, options.failOnOf?.(g.gate) ?? 'error', timestamp));
  const total = (k: 'tests' | 'failures' | 'errors') => suites.reduce((sum, s) => sum + s[k], 0);
  const open = `<testsuites${attrs({ name: 'spec-automation gates', tests: total('tests'), failures: total('failures'), errors: total('errors'), time: seconds(run.durationMs) })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`;
}
