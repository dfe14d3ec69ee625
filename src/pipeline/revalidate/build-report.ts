/**
 * Combines validation, traceability and drift into the Spec health report: one finding
 * (a normalized diagnostic) per thing a lead can act on, the specs ordered most
 * important first, and the verdict per `revalidate.failOn`. Pure.
 */
import { assignFingerprints, countBySeverity, isAtLeast, sortDiagnostics, type Diagnostic, type DiagnosticInput, type Severity } from '../diagnostic.js';
import type { DriftReport, LockEntry, LockProblem, RequirementChange, SpecDrift } from '../drift/index.js';
import { lineOfKey } from '../drift/index.js';
import { canonicalIdOf } from '../spec/ids.js';
import type { ParsedSpec, RepositoryValidation } from '../spec/index.js';
import type { Citation, RequirementTrace, SpecTrace, StaleCitation, TraceabilityProblem, TraceabilityReport, SkippedFile } from '../traceability/index.js';
import { inRepository, normalizePrefix } from '../repo-path.js';
import { REPORT_SCHEMA_VERSION, type FailOn, type Health, type OrphanFinding, type SpecHealth, type SpecHealthReport, type StaleFinding, type Verdict } from './model.js';
import { REVALIDATE_RULES, type RevalidateRuleCode } from './rules.js';
import { minOf } from '../arrays.js';

/** Everything the report is built from. */
export interface ReportInput {
  validation: RepositoryValidation;
  trace: TraceabilityReport;
  drift: DriftReport;
  lock: { path: string; present: boolean; text?: string; entries: number; problems: LockProblem[] };
  traceProblems: TraceabilityProblem[];
  skipped: SkippedFile[];
  failOn: FailOn;
  /** pytest marker name, for the messages (`@pytest.mark.req("FR-7")`). */
  marker: string;
  /** Repo-relative path of the configuration file, when there is one (problems point at it). */
  configFile?: string;
  commit?: string;
  ref?: string;
  /** Where the project lies in the repository: see `RevalidateOptions.pathPrefix`. */
  pathPrefix?: string;
}

/** Statuses whose documents are not expected to be clean yet, or any more. */
const UNCOUNTED_STATUSES = new Set(['draft', 'proposed', 'in-review', 'superseded', 'rejected', 'deprecated']);
/** States in which every requirement should have a test. */
const TESTED_STATES = new Set<SpecDrift['state']>(['implemented', 'changed', 'edited', 'untracked']);
/** Within a severity, the order in which a lead reads specs. */
const STATE_RANK: Record<SpecDrift['state'], number> = {
  changed: 0,
  superseded: 1,
  'change-pending': 2,
  'never-implemented': 3,
  edited: 4,
  untracked: 5,
  retired: 6,
  implemented: 7,
  'not-ready': 8,
  inactive: 9,
};
const SEVERITY_RANK: Record<SpecHealth['worst'], number> = { error: 0, warning: 1, info: 2, ok: 3 };

function finding(code: RevalidateRuleCode, path: string, line: number, message: string, severity?: Severity, source = 'revalidate'): DiagnosticInput {
  const rule = REVALIDATE_RULES[code];
  return { source, path, range: { start: { line: Math.max(1, line) } }, severity: severity ?? rule.severity, rule: code, message, hint: rule.fix };
}

/** `PR #12, 2026-10-15` / `commit 1a2b3c4, 2026-10-15` / `2026-10-15`. */
export function implementedBy(entry: LockEntry): string {
  const date = entry.implementedAt.slice(0, 10);
  if (entry.pr) return `PR #${entry.pr.number}, ${date}`;
  if (entry.commit) return `commit ${entry.commit.slice(0, 7)}, ${date}`;
  return date;
}

function nameOf(spec: ParsedSpec): string {
  return spec.meta.id ? `${spec.meta.id} (${spec.path})` : spec.path;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function driftFindings(spec: ParsedSpec, d: SpecDrift, lockPath: string, lockPresent: boolean, byPath: Map<string, ParsedSpec>): DiagnosticInput[] {
  const statusLine = spec.meta.lines.status ?? 1;
  const entry = d.entry;
  switch (d.state) {
    case 'changed': {
      const parts = [
        ...d.added.map((c) => `${c.id} added${c.line ? ` (line ${c.line})` : ''}`),
        ...d.changed.map((c) => `${c.id} reworded${c.line ? ` (line ${c.line})` : ''}`),
        ...d.removed.map((c) => `${c.id} removed`),
      ];
      const byProposal = new Map<string, { by: NonNullable<RequirementChange['proposedBy']>; ids: string[] }>();
      for (const c of [...d.added, ...d.changed, ...d.removed]) {
        if (!c.proposedBy) continue;
        const group = byProposal.get(c.proposedBy.path) ?? { by: c.proposedBy, ids: [] };
        group.ids.push(c.id);
        byProposal.set(c.proposedBy.path, group);
      }
      const from = [...byProposal.values()]
        .map(({ by, ids }) => ` ${list(ids)} ${ids.length === 1 ? 'comes' : 'come'} from change proposal ${by.id ?? by.path}, which ${by.implemented ? 'is implemented' : 'is not implemented yet'}.`)
        .join('');
      const lines = [...d.added, ...d.changed].map((c) => c.line).filter((l): l is number => l !== undefined);
      const line = lines.length > 0 ? minOf(lines) : 1;
      const message = `${nameOf(spec)} changed since it was implemented (${implementedBy(entry!)}): ${list(parts)}.${from}`;
      return [finding(d.explained ? 'drift.changed.explained' : 'drift.changed', spec.path, line, message)];
    }
    case 'edited':
      return [finding('drift.edited', spec.path, 1, `${nameOf(spec)} was edited since it was implemented (${implementedBy(entry!)}); its requirements are unchanged.`)];
    case 'superseded': {
      if (d.implementedId) {
        return [finding('drift.superseded', spec.path, statusLine, `${spec.path} was implemented as ${d.implementedId} (${implementedBy(entry!)}); it is now ${spec.meta.id ?? 'another document'}, which supersedes ${d.implementedId} and is not implemented: the code follows the old version.`)];
      }
      const by = d.supersededBy.map((p) => byPath.get(p)).filter((s): s is ParsedSpec => !!s);
      const replacement = by.length > 0 ? `by ${list(by.map(nameOf))}, which ${by.length === 1 ? 'is' : 'are'} not implemented` : `(status ${spec.meta.status ?? 'unknown'}) and nothing that replaces it is implemented`;
      return [finding('drift.superseded', spec.path, statusLine, `${nameOf(spec)} was implemented (${implementedBy(entry!)}) but is superseded ${replacement}: the code follows a superseded version.`)];
    }
    case 'retired':
      return [finding('drift.retired', spec.path, statusLine, `${nameOf(spec)} is superseded by ${list(d.supersededBy)}, which ${d.supersededBy.length === 1 ? 'is' : 'are'} implemented; its lock entry (${implementedBy(entry!)}) is history.`)];
    case 'never-implemented': {
      const replaces = d.replaces.length > 0 ? ` It replaces ${list(d.replaces)}, whose implementation the code still follows.` : '';
      const where = lockPresent ? `no entry in ${lockPath}` : `there is no ${lockPath} yet`;
      return [finding('drift.never-implemented', spec.path, statusLine, `${nameOf(spec)} is ${spec.meta.status ?? 'executable'} but was never implemented: ${where}.${replaces}`)];
    }
    case 'change-pending': {
      const c = d.change!;
      const parts: string[] = [];
      if (c.added.length > 0) parts.push(`adds ${list(c.added)}`);
      if (c.modified.length > 0) parts.push(`modifies ${list(c.modified)}`);
      if (c.removed.length > 0) parts.push(`removes ${list(c.removed)}`);
      const what = parts.length > 0 ? `it ${list(parts)}` : 'its change set is empty';
      const targets = c.targets
        .map((t) => {
          const notes: string[] = [];
          if (t.missing.length > 0) notes.push(`${list(t.missing)} not yet in ${t.path ?? t.doc}`);
          if (t.stillDefined.length > 0) notes.push(`${list(t.stillDefined)} still in ${t.path ?? t.doc}`);
          return notes.join('; ');
        })
        .filter((s) => s !== '');
      const textNote = targets.length > 0 ? ` (${targets.join('; ')})` : '';
      return [finding('drift.change-pending', spec.path, statusLine, `Change proposal ${nameOf(spec)} is approved but not applied: ${what}${textNote}, and no implementation is recorded.`)];
    }
    case 'untracked':
      return [finding('drift.untracked', spec.path, statusLine, `${nameOf(spec)} has status done, but no implementation is recorded in ${lockPath}, so its drift cannot be checked.`)];
    default:
      return [];
  }
}

/** Open (unchecked) tasks of every spec, by the canonical ids they cite: `TS-001 T010`. */
function openTasksByRequirement(specs: readonly ParsedSpec[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of specs) {
    for (const t of s.tasks) {
      if (t.checked) continue;
      for (const ref of t.reqRefs) {
        const key = canonicalIdOf(ref);
        const label = `${s.meta.id ?? s.path} ${t.id}`;
        const list = out.get(key) ?? [];
        if (!list.includes(label)) list.push(label);
        out.set(key, list);
      }
    }
  }
  return out;
}

function untestedFindings(trace: SpecTrace, spec: ParsedSpec, marker: string, openTasks: Map<string, string[]>): DiagnosticInput[] {
  return trace.untested.map((r) => {
    const planned = openTasks.get(r.canonicalId) ?? [];
    const code = r.code.length > 0 ? ` Code mentions it in ${r.code[0]!.path}:${r.code[0]!.line}.` : '';
    const plan = planned.length > 0 ? ` Open task${planned.length === 1 ? '' : 's'}: ${list(planned.slice(0, 5))}.` : '';
    return finding('trace.untested', r.file ?? spec.path, r.line, `${r.id} has no test: no test cites it (mark one with @pytest.mark.${marker}(${JSON.stringify(r.id)})).${code}${plan}`);
  });
}

function staleMessage(s: StaleFinding): string {
  const c = s.citation;
  const who = c.test ? `${c.test} ` : '';
  const why =
    s.removedFrom.length > 0
      ? `which was removed from ${list(s.removedFrom)} since it was implemented`
      : s.reason === 'inactive'
        ? `which only ${list(s.definedIn)} define${s.definedIn.length === 1 ? 's' : ''}, and ${s.definedIn.length === 1 ? 'it is' : 'they are'} superseded, deprecated or rejected`
        : /:/.test(c.canonicalId)
          ? 'which no spec of the repository defines'
          : 'which is not a requirement id';
  return `${who}cites ${c.id}, ${why}.`;
}

function worstOf(findings: readonly Diagnostic[]): SpecHealth['worst'] {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  if (findings.some((f) => f.severity === 'info')) return 'info';
  return 'ok';
}

/** The verdict over the counted findings. */
export function verdictOf(findings: readonly Diagnostic[], failOn: FailOn): Verdict {
  const counts = countBySeverity(findings);
  const health: Health = counts.error > 0 ? 'unhealthy' : counts.warning > 0 ? 'needs-attention' : 'healthy';
  const fails = failOn !== 'never' && findings.some((f) => isAtLeast(f.severity, failOn));
  return { health, failOn, fails, counts };
}

/**
 * Builds the report.
 * @param input validation, traceability, drift and the lock file's state
 */
export function buildSpecHealthReport(input: ReportInput): SpecHealthReport {
  const specs = input.validation.specs;
  const byPath = new Map(specs.map((s) => [s.path, s]));
  const driftOf = new Map(input.drift.specs.map((d) => [d.path, d]));
  const traceOf = new Map(input.trace.specs.map((t) => [t.path, t]));
  const lockPath = input.lock.path;
  const openTasks = openTasksByRequirement(specs);

  // Stale citations, with the specs that dropped their id since implementation.
  const removedBy = new Map<string, string[]>();
  for (const d of input.drift.specs) for (const c of d.removed) removedBy.set(c.canonicalId, [...(removedBy.get(c.canonicalId) ?? []), d.path]);
  const stale: StaleFinding[] = input.trace.stale.map((s: StaleCitation) => ({ ...s, removedFrom: removedBy.get(s.citation.canonicalId) ?? [] }));

  const repoFindings: DiagnosticInput[] = [];
  for (const s of stale) {
    const c = s.citation;
    repoFindings.push(finding(s.inCode ? 'trace.stale-code-reference' : 'trace.stale-citation', c.path, c.line, staleMessage(s)));
  }
  for (const p of input.lock.problems) repoFindings.push(finding(p.fatal ? 'lock.invalid' : 'lock.entry.invalid', lockPath, p.line, p.message));
  const orphaned: OrphanFinding[] = input.drift.orphaned.map((o) => ({ ...o, line: input.lock.text ? lineOfKey(input.lock.text, o.entry.path) : 1 }));
  for (const o of orphaned) {
    const e = o.entry;
    const what = `${lockPath} records ${e.path}${e.id ? ` (${e.id})` : ''}, implemented in ${implementedBy(e)}`;
    const why = o.reason === 'moved' ? `, but the document now lives at ${o.movedTo}: record it under that path and delete this entry` : o.reason === 'not-a-spec' ? ', but the file is no longer validated as a spec (excluded, or its type is unknown)' : ', but the spec no longer exists';
    repoFindings.push(finding('drift.orphaned', lockPath, o.line, `${what}${why}.`));
  }
  if (!input.lock.present && input.drift.specs.some((d) => d.state === 'never-implemented')) {
    repoFindings.push(finding('lock.missing', '', 1, `There is no ${lockPath}: no implementation has been recorded yet, so every approved spec is reported as never implemented.`));
  }
  for (const p of input.traceProblems) repoFindings.push(finding('trace.config', input.configFile ?? '', 1, `${p.key}: ${p.message}`, undefined, 'config'));

  // Validation findings that belong to no spec document (unreadable files, checklists) count as the repository's.
  const ownedBySpec = new Set(specs.flatMap((s) => [s.path, ...s.companions]));
  const repoValidation = input.validation.diagnostics.filter((d) => !ownedBySpec.has(d.path));

  const healths: SpecHealth[] = specs.map((spec) => {
    const drift = driftOf.get(spec.path)!;
    const trace = traceOf.get(spec.path) ?? { path: spec.path, requirements: [], untested: [], tested: 0 };
    const counted = drift.entry !== undefined || !UNCOUNTED_STATUSES.has(spec.meta.status ?? '');
    const own = assignFingerprints([
      ...driftFindings(spec, drift, lockPath, input.lock.present, byPath),
      ...(TESTED_STATES.has(drift.state) ? untestedFindings(trace, spec, input.marker, openTasks) : []),
    ]);
    const findings = sortDiagnostics([...spec.diagnostics, ...own]);
    return {
      path: spec.path,
      ...(spec.meta.id ? { id: spec.meta.id } : {}),
      ...(spec.type ? { type: spec.type } : {}),
      title: spec.title,
      ...(spec.meta.status ? { status: spec.meta.status } : {}),
      executable: spec.executable,
      counted,
      drift,
      trace,
      stale: stale.filter((s) => s.removedFrom.includes(spec.path)),
      plannedBy: Object.fromEntries(trace.untested.filter((r) => openTasks.has(r.canonicalId)).map((r) => [r.canonicalId, openTasks.get(r.canonicalId)!])),
      validation: countBySeverity(spec.diagnostics),
      findings,
      worst: worstOf(counted ? findings : own),
    };
  });
  healths.sort(
    (a, b) =>
      SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst] ||
      STATE_RANK[a.drift.state] - STATE_RANK[b.drift.state] ||
      b.trace.untested.length - a.trace.untested.length ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );

  const counted = [...healths.flatMap((h) => (h.counted ? h.findings : h.findings.filter((f) => f.source === 'revalidate'))), ...repoValidation, ...assignFingerprints(repoFindings)];
  const findings = sortDiagnostics(counted);
  const report: SpecHealthReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...(input.commit ? { commit: input.commit } : {}),
    ...(input.ref ? { ref: input.ref } : {}),
    verdict: verdictOf(findings, input.failOn),
    specs: healths,
    stale,
    orphaned,
    lock: { path: lockPath, present: input.lock.present, entries: input.lock.entries, problems: input.lock.problems },
    traceability: input.trace.totals,
    skipped: input.skipped,
    skippedSpecs: input.validation.skipped,
    findings,
  };
  const prefix = normalizePrefix(input.pathPrefix);
  return prefix === '' ? report : inRepositoryPaths(report, (path) => inRepository(prefix, path));
}

/**
 * The report with every path in it repository-relative, once it is built: drift, stale
 * citations and the status of each spec are worked out between the project's own paths
 * (those of the lock file, the configuration and the citations). Messages and
 * fingerprints stay those of the project.
 */
function inRepositoryPaths(report: SpecHealthReport, p: (path: string) => string): SpecHealthReport {
  const diag = (d: Diagnostic): Diagnostic => ({ ...d, path: p(d.path) });
  const cite = (c: Citation): Citation => ({ ...c, path: p(c.path) });
  const req = (r: RequirementTrace): RequirementTrace => ({ ...r, ...(r.file ? { file: p(r.file) } : {}), tests: r.tests.map(cite), code: r.code.map(cite) });
  const entry = (e: LockEntry): LockEntry => ({ ...e, path: p(e.path) });
  const stale = (s: StaleFinding): StaleFinding => ({ ...s, citation: cite(s.citation), definedIn: s.definedIn.map(p), removedFrom: s.removedFrom.map(p) });
  const change = (c: RequirementChange): RequirementChange => (c.proposedBy ? { ...c, proposedBy: { ...c.proposedBy, path: p(c.proposedBy.path) } } : c);
  const drift = (d: SpecDrift): SpecDrift => ({
    ...d,
    path: p(d.path),
    ...(d.entry ? { entry: entry(d.entry) } : {}),
    added: d.added.map(change),
    changed: d.changed.map(change),
    removed: d.removed.map(change),
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
