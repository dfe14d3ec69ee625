/**
 * JUnit XML, as pytest writes it (`--junitxml`, xunit1 family) and as most other test
 * runners do. Tolerant of the variants: a `<testsuites>` or bare `<testsuite>` root,
 * nested suites, pytest 7 and 9 attributes, CDATA, `&#10;` in messages. Every failed or
 * errored test also becomes a diagnostic at its failure location, so every reporter
 * shows it.
 */
import { XMLParser } from 'fast-xml-parser';
import type { DiagnosticInput } from '../../pipeline/diagnostic.js';
import type { TestCaseResult, TestOutcome, TestSummary } from '../../pipeline/gate-result.js';
import { ToolOutputError, type ParseContext, type Parser, type ToolOutput } from '../types.js';
import { isRecord, str } from './json-output.js';
import { repoPathOf } from './tool-path.js';
import { failureLocation } from './traceback.js';

const REPEATED = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped']);
const MAX_DETAILS = 8_000;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  isArray: (name, _jpath, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

type XmlElement = Record<string, unknown>;

/** `<skipped/>` parses as `""`, `<skipped>text</skipped>` as a string: make both elements. */
function elements(value: unknown): XmlElement[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => (isRecord(v) ? v : { '#text': typeof v === 'string' ? v : '' }));
}

function collectCases(suite: XmlElement, into: XmlElement[]): void {
  into.push(...elements(suite.testcase));
  for (const nested of elements(suite.testsuite)) collectCases(nested, into);
}

function seconds(value: unknown): number {
  const n = Number(str(value) ?? 'NaN');
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : 0;
}

/** `tests.test_window.TestWindow` + `tests/test_window.py` → `TestWindow`. */
function classPart(classname: string, file: string | undefined): string {
  if (!file) return '';
  const module = file.replace(/\.py$/, '').replace(/[\\/]/g, '.');
  if (classname === module) return '';
  return classname.startsWith(`${module}.`) ? classname.slice(module.length + 1) : '';
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
}

/** The first `E   ` line of a pytest traceback: the exception as Python printed it. */
function exceptionLine(details: string): string | undefined {
  const line = details.split(/\r?\n/).find((l) => /^E\s{2,}\S/.test(l));
  return line?.replace(/^E\s+/, '').trim();
}

/** One line that says what went wrong, for the diagnostic and the summary. */
function failureMessage(element: XmlElement, details: string): string {
  const message = str(element.message) ?? '';
  const phase = /^failed on (setup|teardown) with "([\s\S]*)"$/.exec(message.trim());
  if (phase) return `${firstLine(phase[2]!)} (in ${phase[1]})`;
  if (message === '' || message === 'collection failure') {
    const fromTraceback = exceptionLine(details);
    if (fromTraceback) return message === 'collection failure' ? `collection failed: ${fromTraceback}` : fromTraceback;
  }
  return firstLine(message) || firstLine(details) || str(element.type) || 'failed';
}

function trimDetails(text: string): string {
  const trimmed = text.replace(/\r\n/g, '\n').trim();
  return trimmed.length <= MAX_DETAILS ? trimmed : `…${trimmed.slice(-MAX_DETAILS)}`;
}

function outcomeOf(testcase: XmlElement): { outcome: TestOutcome; element?: XmlElement } {
  const failure = elements(testcase.failure)[0];
  if (failure) return { outcome: 'failed', element: failure };
  const error = elements(testcase.error)[0];
  if (error) return { outcome: 'error', element: error };
  const skipped = elements(testcase.skipped)[0];
  if (skipped) return { outcome: str(skipped.type) === 'pytest.xfail' ? 'xfailed' : 'skipped', element: skipped };
  return { outcome: 'passed' };
}

function toCase(testcase: XmlElement, context: ParseContext): TestCaseResult {
  const name = str(testcase.name) ?? '(unnamed)';
  const classname = str(testcase.classname) ?? '';
  const rawFile = str(testcase.file);
  const file = rawFile === undefined ? undefined : repoPathOf(rawFile, context);
  // Collection errors have `classname=""` and the module's dotted path as `name`.
  const cls = classPart(classname, rawFile);
  const id = rawFile ? [rawFile.replace(/\\/g, '/'), cls, classname === '' ? '' : name].filter((p) => p !== '').join('::') : classname ? `${classname}::${name}` : name;
  const { outcome, element } = outcomeOf(testcase);
  const result: TestCaseResult = { id, name, outcome, durationMs: seconds(testcase.time) };
  if (classname) result.classname = classname;
  if (file) result.file = file;
  if (element && (outcome === 'failed' || outcome === 'error')) {
    const details = str(element['#text']) ?? '';
    result.message = failureMessage(element, details);
    if (details.trim()) result.details = trimDetails(details);
    const frame = failureLocation(details, context);
    if (frame) result.location = frame;
    else if (file) {
      // xunit1 `line` is the 0-based line of the test function.
      const defLine = Number(str(testcase.line));
      result.location = { path: file, line: Number.isInteger(defLine) && defLine >= 0 ? defLine + 1 : 1 };
    }
  } else if (element && (outcome === 'skipped' || outcome === 'xfailed')) {
    const reason = str(element.message);
    if (reason) result.message = firstLine(reason);
  }
  return result;
}

/** Summary counts of a list of cases. */
export function summarize(cases: TestCaseResult[], durationMs?: number): TestSummary {
  const count = (o: TestOutcome) => cases.filter((c) => c.outcome === o).length;
  return {
    total: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    errored: count('error'),
    skipped: count('skipped'),
    xfailed: count('xfailed'),
    xpassed: count('xpassed'),
    durationMs: durationMs ?? cases.reduce((sum, c) => sum + c.durationMs, 0),
    cases,
  };
}

/** Failing tests as diagnostics: `test.failed` / `test.error` at the failure location. */
export function testDiagnostics(cases: TestCaseResult[], source: string): DiagnosticInput[] {
  return cases
    .filter((c) => c.outcome === 'failed' || c.outcome === 'error')
    .map((c) => ({
      source,
      path: c.location?.path ?? c.file ?? '',
      range: { start: { line: c.location?.line ?? 1 } },
      severity: 'error' as const,
      rule: c.outcome === 'failed' ? 'test.failed' : 'test.error',
      message: c.message ?? (c.outcome === 'failed' ? 'test failed' : 'test errored'),
      hint: `${c.outcome === 'failed' ? 'Failing test' : 'Test with an error'}: ${c.id}`,
    }));
}

/** Parses JUnit XML text into test results. Throws {@link ToolOutputError} on anything else. */
export function parseJunitText(text: string, context: ParseContext): TestSummary {
  if (text.trim() === '') throw new ToolOutputError('The JUnit report is empty.', 'The test run probably crashed before writing it; see the output below.');
  let document: unknown;
  try {
    document = xml.parse(text, true);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ToolOutputError(`The JUnit report is not valid XML (${reason}); it may be truncated.`);
  }
  if (!isRecord(document)) throw new ToolOutputError('The JUnit report is not an XML document.');
  const roots = isRecord(document.testsuites) ? [document.testsuites] : elements(document.testsuite);
  if (roots.length === 0 && !('testsuites' in document)) {
    throw new ToolOutputError('The JUnit report has no <testsuites> or <testsuite> root element.');
  }
  const cases: XmlElement[] = [];
  for (const root of roots) collectCases(root, cases);
  const suites = isRecord(document.testsuites) ? elements(document.testsuites.testsuite) : roots;
  const suiteTime = suites.reduce((sum, s) => sum + seconds(s.time), 0);
  return summarize(
    cases.map((c) => toCase(c, context)),
    suiteTime > 0 ? suiteTime : undefined,
  );
}

/** The `junit` parser: the report file when there is one, else stdout. */
export const parseJunit: Parser = (output: ToolOutput, context: ParseContext) => {
  const tests = parseJunitText(output.report ?? output.stdout, context);
  return { diagnostics: testDiagnostics(tests.cases, context.source), tests };
};
