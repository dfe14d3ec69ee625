/**
 * The scheduled re-validation's report, as data: validation, traceability and drift of
 * every spec, combined into findings (normalized diagnostics) and a verdict per the
 * `revalidate.failOn` policy. The Spec health issue, the check run, the job summary,
 * `spec-automation status` (text and JSON) and the results JSON all render this.
 */
import type { Diagnostic, SeverityCounts } from '../diagnostic.js';
import type { DocStatus, DocType } from '../spec/model.js';
import type { LockProblem, OrphanedEntry, SpecDrift } from '../drift/index.js';
import type { SkippedFile, SpecTrace, StaleCitation, TraceabilityReport } from '../traceability/index.js';

export const REPORT_SCHEMA_VERSION = 1;

export type FailOn = 'error' | 'warning' | 'never';

/**
 * - `healthy`: no finding at warning or above: the Spec health issue is closed.
 * - `needs-attention`: warnings (drift, untested requirements, stale citations).
 * - `unhealthy`: errors (invalid specs, an unreadable lock file).
 */
export type Health = 'healthy' | 'needs-attention' | 'unhealthy';

export interface Verdict {
  health: Health;
  failOn: FailOn;
  /** True when a counted finding is at or above `failOn` (never with `never`). */
  fails: boolean;
  /** Counted findings by severity. */
  counts: SeverityCounts;
}

/** A stale citation, with the specs that dropped its id since they were implemented. */
export interface StaleFinding extends StaleCitation {
  /** Specs whose lock entry had this id and whose current text does not. */
  removedFrom: string[];
}

/** Everything about one spec. */
export interface SpecHealth {
  path: string;
  id?: string;
  type?: DocType;
  title: string;
  status?: DocStatus;
  executable: boolean;
  /**
   * Whether the spec's findings count towards the verdict: false for drafts, proposals
   * in review and inactive documents, whose validation warnings are expected.
   */
  counted: boolean;
  drift: SpecDrift;
  trace: SpecTrace;
  /** Citations of ids this spec dropped since it was implemented. */
  stale: StaleFinding[];
  /** Open (unchecked) tasks of any spec that cite an untested requirement, by canonical id: `TS-001 T010`. */
  plannedBy: Record<string, string[]>;
  validation: SeverityCounts;
  /** This spec's findings (validation, drift, traceability), most severe first. */
  findings: Diagnostic[];
  /** Worst counted severity, or `ok`. */
  worst: Diagnostic['severity'] | 'ok';
}

export interface LockSummary {
  /** Repo-relative path of the lock file. */
  path: string;
  present: boolean;
  entries: number;
  problems: LockProblem[];
}

/** An orphaned lock entry, with its line in the lock file. */
export interface OrphanFinding extends OrphanedEntry {
  line: number;
}

export interface SpecHealthReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** The commit re-validated, when known. */
  commit?: string;
  /** The branch or ref, when known. */
  ref?: string;
  verdict: Verdict;
  /** Most important first. */
  specs: SpecHealth[];
  /** Every stale citation (tests and code). */
  stale: StaleFinding[];
  orphaned: OrphanFinding[];
  lock: LockSummary;
  traceability: TraceabilityReport['totals'];
  /** Test and code files not read. */
  skipped: SkippedFile[];
  /** Markdown files the spec pipeline did not validate. */
  skippedSpecs: Array<{ path: string; reason: string }>;
  /**
   * The findings that count towards the verdict, most severe first: everything except
   * the validation findings of specs that do not count (see {@link SpecHealth.counted}).
   */
  findings: Diagnostic[];
}
