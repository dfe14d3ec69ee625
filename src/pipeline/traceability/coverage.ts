/**
 * Per spec: which requirements tests cite, which they do not, and which citations point
 * at ids that no active spec defines. Ids are matched on the spec pipeline's canonical
 * keys across the whole repository: a PRD and the functional spec that details it
 * usually share FR-1…FR-n, and a test marked FR-1 covers both.
 */
import type { ParsedSpec } from '../spec/model.js';
import type { Citation, RequirementTrace, SpecTrace, StaleCitation, TraceabilityReport, TraceIndex } from './model.js';

/** Statuses whose documents no longer define anything a test should cite. */
export const INACTIVE_STATUSES: ReadonlySet<string> = new Set(['superseded', 'deprecated', 'rejected']);

export interface TraceOptions {
  /** Requirement kinds that need no test of their own (`traceability.ignoreKinds`). */
  ignoreKinds: readonly string[];
}

/**
 * The key a citation matches requirements on (a requirement's `canonicalId`). Kiro
 * acceptance criteria are numbered `N.M` under `Requirement N`, so a test citing `2.3`
 * covers requirement `REQ:2`.
 */
export function traceKeyOf(canonicalId: string): string {
  const kiro = /^(\d{1,4})\.\d{1,4}$/.exec(canonicalId);
  return kiro ? `REQ:${Number(kiro[1])}` : canonicalId;
}

/** Citations by the requirement key they match ({@link traceKeyOf}), in their order. */
export function groupByTraceKey(citations: readonly Citation[]): Map<string, Citation[]> {
  const out = new Map<string, Citation[]>();
  for (const c of citations) {
    const key = traceKeyOf(c.canonicalId);
    const list = out.get(key);
    if (list) list.push(c);
    else out.set(key, [c]);
  }
  return out;
}

/**
 * Builds the traceability report.
 * @param specs the repository's parsed specs (after validation)
 * @param index the scan of its test and code files
 */
export function traceRequirements(specs: readonly ParsedSpec[], index: TraceIndex, options: TraceOptions): TraceabilityReport {
  const ignored = new Set(options.ignoreKinds.map((k) => k.toUpperCase()));
  const tests = groupByTraceKey(index.tests);
  const code = groupByTraceKey(index.code);
  const activeIds = new Set<string>();
  const inactiveIds = new Map<string, string[]>();
  for (const s of specs) {
    const inactive = INACTIVE_STATUSES.has(s.meta.status ?? '');
    for (const r of s.requirements) {
      if (!inactive) activeIds.add(r.canonicalId);
      else inactiveIds.set(r.canonicalId, [...new Set([...(inactiveIds.get(r.canonicalId) ?? []), s.path])]);
    }
  }

  const traces: SpecTrace[] = [];
  const totals = { requirements: 0, needingTests: 0, tested: 0, untested: 0, testFiles: index.testFiles, codeFiles: index.codeFiles, testFunctions: index.testFunctions, citations: index.tests.length };
  for (const s of specs) {
    const seen = new Set<string>();
    const requirements: RequirementTrace[] = [];
    for (const r of s.requirements) {
      // A duplicate definition is a validation error already; trace the first.
      if (seen.has(r.canonicalId)) continue;
      seen.add(r.canonicalId);
      requirements.push({
        id: r.id,
        canonicalId: r.canonicalId,
        kind: r.kind,
        line: r.line,
        ...(r.file ? { file: r.file } : {}),
        text: r.text,
        tests: tests.get(r.canonicalId) ?? [],
        code: code.get(r.canonicalId) ?? [],
        needsTest: !ignored.has(r.kind.toUpperCase()),
      });
    }
    const untested = requirements.filter((r) => r.needsTest && r.tests.length === 0);
    const tested = requirements.filter((r) => r.needsTest && r.tests.length > 0).length;
    traces.push({ path: s.path, requirements, untested, tested });
    // Superseded, deprecated and rejected documents ask for nothing any more.
    if (INACTIVE_STATUSES.has(s.meta.status ?? '')) continue;
    totals.requirements += requirements.length;
    totals.needingTests += requirements.filter((r) => r.needsTest).length;
    totals.tested += tested;
    totals.untested += untested.length;
  }

  const stale: StaleCitation[] = [];
  for (const [list, inCode] of [
    [index.tests, false],
    [index.code, true],
  ] as const) {
    for (const c of list) {
      const key = traceKeyOf(c.canonicalId);
      if (activeIds.has(key)) continue;
      const definedIn = inactiveIds.get(key) ?? [];
      stale.push({ citation: c, reason: definedIn.length > 0 ? 'inactive' : 'unknown', definedIn, inCode });
    }
  }
  return { specs: traces, stale, totals };
}
