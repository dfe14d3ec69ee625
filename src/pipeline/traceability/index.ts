/**
 * Requirement → test traceability (pure): scan test and code files for the requirement
 * ids they cite, then match them with the specs' requirements. The convention shared
 * with the dev agent's prompt is the pytest marker `@pytest.mark.req("FR-12")`.
 */
export * from './model.js';
export { canonicalCitation, idsInMarkerArgument, idsInTestName, idsInText, type CitedId } from './citation-ids.js';
export { collectTraceFiles, selectTraceFiles, DEFAULT_COLLECT_LIMITS, type CollectLimits } from './collect.js';
export { compilePatterns, idsByPatterns, type CompiledPatterns } from './patterns.js';
export { scanPython, type PythonScan, type PythonScanOptions } from './scan-python.js';
export { scanTraceability, type ScanInput, type SourceFile } from './scan.js';
export { traceRequirements, traceKeyOf, groupByTraceKey, INACTIVE_STATUSES, type TraceOptions } from './coverage.js';
