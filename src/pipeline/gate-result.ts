/**
 * Normalized results of the quality gates: what the gates engine produces and what
 * reporting, the agent's fix mode, the action and the app consume. Lives in the core
 * because the agent (pipeline) reads it and pipeline may not import src/gates.
 */
import type { Diagnostic } from './diagnostic.js';

/**
 * passed: the tool ran and found nothing at or above the fail level.
 * failed: the tool ran and found something (lint findings, type errors, failing tests).
 * error: the tool could not give a verdict (missing, timed out, crashed, unparseable output).
 * skipped: not run (disabled, or nothing to check).
 * cancelled: stopped before it gave a verdict (the run was cut short: fail fast, Ctrl-C).
 */
export type GateStatus = 'passed' | 'failed' | 'error' | 'skipped' | 'cancelled';

export type TestOutcome = 'passed' | 'failed' | 'error' | 'skipped' | 'xfailed' | 'xpassed';

export interface TestCaseResult {
  /** pytest-style node id: `tests/test_app.py::TestWindow::test_title`. */
  id: string;
  name: string;
  classname?: string;
  /** Repo-relative file of the test, when known. */
  file?: string;
  outcome: TestOutcome;
  durationMs: number;
  /** One-line failure message (`AssertionError: assert 2 == 3`). */
  message?: string;
  /** Trimmed traceback or details. */
  details?: string;
  /** Where it failed: the last frame in the repository, 1-based. */
  location?: { path: string; line: number };
}

export interface TestSummary {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  xfailed: number;
  xpassed: number;
  durationMs: number;
  cases: TestCaseResult[];
}

export interface GateError {
  /** What went wrong, e.g. "ruff was not found (tried .venv/bin/ruff, PATH)". */
  message: string;
  /** How to fix it, e.g. "pip install ruff, or set gates.ruff.command". */
  hint?: string;
}

export interface GateResult {
  /** Name in configuration (`ruff`, `basedpyright`, `pytest`, or a custom name). */
  gate: string;
  /** Tool that produced the result, for SARIF `tool.driver.name`. */
  tool: string;
  toolVersion?: string;
  status: GateStatus;
  exitCode: number | null;
  durationMs: number;
  fromCache: boolean;
  /** The command line that ran (or would have run), for error messages and logs. */
  command: string[];
  /** Findings, failing tests included (rule `test.failed` / `test.error`). */
  diagnostics: Diagnostic[];
  tests?: TestSummary;
  error?: GateError;
  /** Last lines of stderr, kept when the tool failed in a way the parser could not explain. */
  stderrTail?: string;
  /** How a test gate was split into processes (pytest `shards`); absent for other gates. */
  shards?: ShardsDetail;
}

/** A sharded test run: one gate, several processes. `count: 1` with a `reason` says why it ran as one. */
export interface ShardsDetail {
  count: number;
  /** Wall time of each shard process, in shard order (the failures-first shard first, when there is one). */
  durationsMs: number[];
  /** Wall time of the slowest shard. */
  slowestMs: number;
  /** Slowest over mean shard time: 1.00 is perfectly balanced. */
  balance: number;
  /** Why the gate ran unsharded (declared `shards: 1`, a collection that differs, …). */
  reason?: string;
  /** Tests that failed last time ran first in a shard of their own. */
  failedFirst?: boolean;
  /**
   * Shards stopped before they finished because the run was cut short (fail fast: the
   * failures-first shard still failed); the result then holds that shard's tests only.
   */
  cancelled?: number;
  /** The shards were split from the last run's collection, without collecting again. */
  remembered?: boolean;
}

export type GatesConclusion = 'success' | 'failure' | 'error';

export interface GatesRun {
  schemaVersion: 1;
  startedAt: string;
  durationMs: number;
  conclusion: GatesConclusion;
  gates: GateResult[];
  /** Why the run was cut short (fail fast), when it was: the gates it stopped are `cancelled`. */
  cutShort?: string;
}

/**
 * error beats failure beats success: a tool error must never read as a pass. A cancelled
 * gate gave no verdict: beside a failure the run failed, alone it is no pass either.
 */
export function conclusionOf(gates: readonly GateResult[]): GatesConclusion {
  if (gates.some((g) => g.status === 'error')) return 'error';
  if (gates.some((g) => g.status === 'failed')) return 'failure';
  if (gates.some((g) => g.status === 'cancelled')) return 'error';
  return 'success';
}
