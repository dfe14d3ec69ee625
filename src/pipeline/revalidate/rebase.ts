/**
 * The report's paths are relative to the project root the re-validation ran in. When
 * that is a folder of the repository (the action's `working-directory`), GitHub needs
 * them relative to the repository: this prefixes every path of the report.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { LockEntry, SpecDrift } from '../drift/index.js';
import type { Citation, RequirementTrace } from '../traceability/index.js';
import type { SpecHealthReport, StaleFinding } from './model.js';

/**
 * Prefixes every path of a report.
 * @param prefix repo-relative folder (`examples/tasklet`), `''` for the root
 */
export function withPathPrefix(report: SpecHealthReport, prefix: string): SpecHealthReport {
  const base = prefix.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
  if (base === '' || base === '.') return report;
  // Absolute paths (a configuration file outside the project) have no repository-relative form.
  const p = (path: string) => (path === '' || path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? path : `${base}/${path}`);
  const diag = (d: Diagnostic): Diagnostic => ({ ...d, path: p(d.path) });
  const cite = (c: Citation): Citation => ({ ...c, path: p(c.path) });
  const req = (r: RequirementTrace): RequirementTrace => ({ ...r, ...(r.file ? { file: p(r.file) } : {}), tests: r.tests.map(cite), code: r.code.map(cite) });
  const entry = (e: LockEntry): LockEntry => ({ ...e, path: p(e.path) });
  const stale = (s: StaleFinding): StaleFinding => ({ ...s, citation: cite(s.citation), definedIn: s.definedIn.map(p), removedFrom: s.removedFrom.map(p) });
  const drift = (d: SpecDrift): SpecDrift => ({
    ...d,
    path: p(d.path),
    ...(d.entry ? { entry: entry(d.entry) } : {}),
    added: d.added.map((c) => (c.proposedBy ? { ...c, proposedBy: { ...c.proposedBy, path: p(c.proposedBy.path) } } : c)),
    changed: d.changed.map((c) => (c.proposedBy ? { ...c, proposedBy: { ...c.proposedBy, path: p(c.proposedBy.path) } } : c)),
    removed: d.removed.map((c) => (c.proposedBy ? { ...c, proposedBy: { ...c.proposedBy, path: p(c.proposedBy.path) } } : c)),
    supersededBy: d.supersededBy.map(p),
    replaces: d.replaces.map(p),
    ...(d.change ? { change: { ...d.change, targets: d.change.targets.map((t) => ({ ...t, ...(t.path ? { path: p(t.path) } : {}) })) } } : {}),
  });
  return {
    ...report,
    specs: report.specs.map((s) => ({
      ...s,
      path: p(s.path),
      drift: drift(s.drift),
      trace: { ...s.trace, path: p(s.trace.path), requirements: s.trace.requirements.map(req), untested: s.trace.untested.map(req) },
      stale: s.stale.map(stale),
      findings: s.findings.map(diag),
    })),
    stale: report.stale.map(stale),
    orphaned: report.orphaned.map((o) => ({ ...o, entry: entry(o.entry), ...(o.movedTo ? { movedTo: p(o.movedTo) } : {}) })),
    lock: { ...report.lock, path: p(report.lock.path) },
    skipped: report.skipped.map((s) => ({ ...s, path: p(s.path) })),
    skippedSpecs: report.skippedSpecs.map((s) => ({ ...s, path: p(s.path) })),
    findings: report.findings.map(diag),
  };
}
