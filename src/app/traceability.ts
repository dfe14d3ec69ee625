/**
 * Requirement → test traceability of a branch, for the state comment of a ready run:
 * which tests cite each requirement of the spec, read from the test files themselves,
 * not from what the agent said it did. The traceability module (src/pipeline/
 * traceability) does the work, as for `spec-automation status` and the scheduled
 * re-validation: the configured marker (`@pytest.mark.req("FR-1")`), test names,
 * docstrings, comments and patterns, on the spec pipeline's canonical ids.
 */
import type { TraceabilityConfig } from '../pipeline/config/schema.js';
import type { ParsedSpec } from '../pipeline/spec/model.js';
import type { SpecSource } from '../pipeline/spec/source.js';
import { collectTraceFiles, scanTraceability, traceRequirements, type Citation } from '../pipeline/traceability/index.js';
import type { TraceabilityRow } from '../reporting/state-comment.js';

/** Test files read at most (each one a blob request), and bytes per file. */
export const MAX_TEST_FILES = 300;
export const MAX_TEST_FILE_BYTES = 256 * 1024;

/** `tests/test_x.py::TestExport::test_csv` for a citation inside a test, the file otherwise (a module docstring, a test in another language). */
function testOf(c: Citation): string {
  return c.test ? `${c.path}::${c.test}` : c.path;
}

/**
 * The traceability rows of a spec's requirements over the test files of a tree.
 * @param spec the spec as parsed from the branch
 * @param source the branch's files
 */
export async function traceabilityOf(spec: ParsedSpec, source: SpecSource, config: TraceabilityConfig): Promise<TraceabilityRow[]> {
  // Only test files: code mentions are not part of the table, and each read is a request.
  const input = await collectTraceFiles(source, await source.list(), { tests: config.tests, code: [] }, { maxFiles: MAX_TEST_FILES, maxFileBytes: MAX_TEST_FILE_BYTES });
  const trace = traceRequirements([spec], scanTraceability(input, config), { ignoreKinds: [] });
  return (trace.specs[0]?.requirements ?? []).map((r) => ({ id: r.id, text: r.text, tests: [...new Set(r.tests.map(testOf))] }));
}
