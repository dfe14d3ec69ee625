/**
 * Requirement → test coverage for the run report: the requirements the run is judged on
 * against the tests that cite them, found by the traceability module
 * (src/pipeline/traceability) exactly as `spec-automation status` and the scheduled
 * re-validation find them: the pytest marker (`@pytest.mark.req("FR-7")`, marker name
 * `traceability.marker`), test names, docstrings, comments and `traceability.patterns`,
 * in the files the `traceability.tests` globs select. Ids are matched on the spec
 * pipeline's canonical keys (FR-7 = FR7 = FR-007).
 */
import { createFsSpecSource } from '../../adapters/fs-spec-source.js';
import type { TraceabilityConfig } from '../../pipeline/config/schema.js';
import { canonicalIdOf } from '../../pipeline/spec/ids.js';
import type { ParsedSpec } from '../../pipeline/spec/model.js';
import { collectTraceFiles, groupByTraceKey, scanTraceability, traceKeyOf, type Citation } from '../../pipeline/traceability/index.js';
import type { RunCoverage } from '../../reporting/run-report.js';

/** Test files read at most, and bytes per file. */
const LIMITS = { maxFiles: 5000, maxFileBytes: 1024 * 1024 };

/** The requirement ids a run is judged on: a change proposal's added and modified ones, else every requirement. */
export function requirementsOf(spec: ParsedSpec): { id: string; text?: string }[] {
  const textOf = new Map(spec.requirements.map((r) => [r.canonicalId, r.text]));
  const ids = spec.changeSet ? [...spec.changeSet.added, ...spec.changeSet.modified] : spec.requirements.map((r) => r.id);
  const seen = new Set<string>();
  const out: { id: string; text?: string }[] = [];
  for (const id of ids) {
    const key = canonicalIdOf(id);
    if (seen.has(key)) continue;
    seen.add(key);
    const text = textOf.get(key);
    out.push({ id, ...(text !== undefined ? { text } : {}) });
  }
  return out;
}

/**
 * Pure: the coverage table from requirements and the test citations found. Citations
 * in files the run changed that match none of the requirements are listed apart.
 */
export function coverageOf(requirements: readonly { id: string; text?: string }[], citations: readonly Citation[], changed: ReadonlySet<string>, scannedFiles: number): RunCoverage {
  const byKey = groupByTraceKey(citations);
  const known = new Set(requirements.map((r) => canonicalIdOf(r.id)));
  const otherCitations = [...new Set(citations.filter((c) => changed.has(c.path) && !known.has(traceKeyOf(c.canonicalId))).map((c) => c.id))].sort();
  return {
    requirements: requirements.map((r) => ({
      id: r.id,
      ...(r.text !== undefined ? { text: r.text } : {}),
      tests: (byKey.get(canonicalIdOf(r.id)) ?? []).map((c) => ({ path: c.path, line: c.line, ...(c.test ? { test: c.test } : {}), changed: changed.has(c.path) })),
    })),
    otherCitations,
    scannedFiles,
  };
}

/**
 * Scans the checkout's test files (`traceability.tests`) with the traceability module.
 * @param changedFiles files the run changed (project-relative): their tests are marked "this run"
 */
export async function scanCoverage(root: string, spec: ParsedSpec, options: { traceability: TraceabilityConfig; changedFiles: readonly string[] }): Promise<RunCoverage> {
  const source = createFsSpecSource(root);
  const files = await source.list().catch(() => [] as string[]);
  const input = await collectTraceFiles(source, files, { tests: options.traceability.tests, code: [] }, LIMITS);
  const index = scanTraceability(input, options.traceability);
  return coverageOf(requirementsOf(spec), index.tests, new Set(options.changedFiles), index.testFiles);
}
