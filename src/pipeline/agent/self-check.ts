/**
 * Self-checks: the `run_gates` tool of the local loop. The agent runs the configured
 * gates (all, a subset by name, or one pytest node id) on its change set as it stands,
 * before it calls finish, so a failing test costs a tool call instead of a whole
 * iteration. The gates run where the entry has a working tree (the CLI's checkout,
 * through the same gate runner `spec-automation gates` uses); the app, which works on
 * the Git trees API with no checkout, has no such port and offers no such tool.
 *
 * Everything here is pure: the tool's input is checked (untrusted: gate names against
 * the configured ones, a node id confined to the workspace and never read as an option)
 * and a run is rendered as the fix prompt renders failures (failures.ts), bounded.
 */
import type { GateStatus, GatesRun } from '../gate-result.js';
import type { FileChange } from './change-set.js';
import { renderFailures } from './failures.js';
import { normalizeAgentPath, WorkspaceError } from './guards.js';

/** What one run_gates call asks for, after validation. */
export type GateCheckRequest = { kind: 'gates'; gates: readonly string[] } | { kind: 'test'; gate: string; nodeId: string; path: string };

/** The entry's side of run_gates: runs the gates on the working tree with `changes` applied, and leaves the tree as it was. */
export interface GateCheckPort {
  /** The gates a call may name (the run's gate selection), in configuration order. */
  readonly gateNames: readonly string[];
  /** The pytest gate a node id runs under, when the run has one. */
  readonly testGate?: string;
  /**
   * Runs the request. `timeLimitMs` bounds each gate (it is killed and reported as a
   * timeout past it). Throws {@link RunStopRequested} when the run was interrupted
   * meanwhile; any other error becomes a tool error the model sees.
   */
  run(changes: readonly FileChange[], request: GateCheckRequest, options: { timeLimitMs: number; iteration: number }): Promise<GatesRun>;
}

/**
 * The run was stopped on request (Ctrl-C) while the gates ran: the one exception the
 * agent loop lets through, so the entry can save and stop instead of the model being
 * told about tools it killed.
 */
export class RunStopRequested extends Error {
  override readonly name: string = 'RunStopRequested';
}

/** Longest a gate may run within one run_gates call (the wall-time budget left may cut it shorter). */
export const RUN_GATES_TIME_LIMIT_MS = 10 * 60_000;

/** Characters of one run_gates result at most (less when agent.failureBudgetChars is smaller). */
export const RUN_GATES_OUTPUT_CHARS = 12_000;

/** One run_gates call, for the outcome and the run report. */
export interface GateCheckRecord {
  turn: number;
  /** The gates that ran (the test gate for a node id). */
  gates: string[];
  /** The node id, for a single-test call. */
  test?: string;
  /** Absent when the call failed before any gate gave a result. */
  conclusion?: GatesRun['conclusion'];
  verdicts: { gate: string; status: GateStatus; fromCache?: boolean }[];
  durationMs: number;
  /** Why the call gave no verdict (refused input is not recorded: it ran nothing). */
  error?: string;
}

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A refusal the model can act on; the message says what to send instead. */
export class GateCheckInputError extends Error {
  override readonly name = 'GateCheckInputError';
}

/**
 * Checks a pytest node id from the model: `path[::name[::name…]][[params]]`, the path
 * relative to the repository root, inside it (no absolute path, no `..`), naming a file
 * or directory the agent can see (`visible`, the change set's listing), never starting
 * with `-` or `@` (pytest would read an option or an argument file). Returns the
 * normalized id and its path.
 */
export function checkNodeId(raw: string, visible: readonly string[]): { nodeId: string; path: string } {
  const id = raw.trim();
  if (id === '') throw new GateCheckInputError('The test node id is empty; give one such as "tests/test_export.py::test_export_csv".');
  if (id.length > 1000) throw new GateCheckInputError('The test node id is longer than 1000 characters.');
  if (CONTROL.test(id)) throw new GateCheckInputError('The test node id contains control characters.');
  if (/^[-@]/.test(id)) throw new GateCheckInputError(`The test node id ${JSON.stringify(id.slice(0, 80))} starts with "${id[0]}"; give a path such as "tests/test_export.py::test_export_csv", not a pytest option.`);
  const sep = id.indexOf('::');
  const rawPath = sep < 0 ? id : id.slice(0, sep);
  const rest = sep < 0 ? '' : id.slice(sep);
  if (rawPath.includes('[') && sep < 0) throw new GateCheckInputError('A parametrized test needs its file and name: "tests/test_x.py::test_name[param]".');
  let path: string;
  try {
    path = normalizeAgentPath(rawPath);
  } catch (error) {
    throw new GateCheckInputError(`The test node id's path is refused: ${error instanceof WorkspaceError ? error.message : String(error)}`);
  }
  if (/^[-@]/.test(path)) throw new GateCheckInputError(`The test path ${JSON.stringify(path)} starts with "${path[0]}"; pytest would read it as an option.`);
  const exists = visible.includes(path) || visible.some((f) => f.startsWith(`${path}/`));
  if (!exists) throw new GateCheckInputError(`There is no file or directory "${path}" in the repository (as changed so far); give a test file's path from the repository root.`);
  if (rest !== '' && !/^(::[^:\s][^:]*)+$/.test(rest.replace(/\[[^\]]*\]$/, ''))) {
    throw new GateCheckInputError(`The test node id ${JSON.stringify(id.slice(0, 120))} is not of the form "path::test_name" (or "path::Class::test_name[param]").`);
  }
  return { nodeId: `${path}${rest}`, path };
}

/**
 * The request for `{gates?, test?}` from the model: names checked against the port's
 * (an unknown one is refused with the list of valid ones), a node id with
 * {@link checkNodeId}. Neither: every gate of the run.
 */
export function gateCheckRequest(input: { gates?: readonly string[] | undefined; test?: string | undefined }, port: Pick<GateCheckPort, 'gateNames' | 'testGate'>, visible: readonly string[]): GateCheckRequest {
  const valid = `The gates of this run are: ${port.gateNames.join(', ') || '(none)'}.`;
  if (input.test !== undefined) {
    if (input.gates !== undefined && input.gates.length > 0) throw new GateCheckInputError('Give either gates or test, not both: test runs one pytest node id under the pytest gate.');
    if (!port.testGate) throw new GateCheckInputError(`test needs a pytest gate, and this run has none. ${valid} Call run_gates without test.`);
    const { nodeId, path } = checkNodeId(input.test, visible);
    return { kind: 'test', gate: port.testGate, nodeId, path };
  }
  const names = [...new Set(input.gates ?? [])];
  const unknown = names.filter((n) => !port.gateNames.includes(n));
  if (unknown.length > 0) throw new GateCheckInputError(`Unknown gate${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => JSON.stringify(n.slice(0, 60))).join(', ')}. ${valid}`);
  return { kind: 'gates', gates: names.length > 0 ? port.gateNames.filter((n) => names.includes(n)) : [...port.gateNames] };
}

/** What a request runs, in a few words: `pytest tests/test_x.py::test_y`, or the gates by name. */
export function describeGateCheck(request: GateCheckRequest, joiner = ' '): string {
  return request.kind === 'test' ? `${request.gate}${joiner}${request.nodeId}` : request.gates.join(', ');
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function verdictText(gate: GatesRun['gates'][number]): string {
  const parts: string[] = [];
  if (gate.tests) {
    const t = gate.tests;
    const counts = [t.failed > 0 ? `${t.failed} failed` : '', t.errored > 0 ? `${t.errored} errors` : '', `${t.passed} passed`].filter(Boolean);
    parts.push(counts.join(', '));
  } else if (gate.status === 'failed') {
    const errors = gate.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = gate.diagnostics.filter((d) => d.severity === 'warning').length;
    parts.push([errors > 0 ? `${errors} errors` : '', warnings > 0 ? `${warnings} warnings` : ''].filter(Boolean).join(', ') || 'failed');
  }
  parts.push(gate.fromCache ? 'cached' : seconds(gate.durationMs));
  return `${gate.gate} ${gate.status} (${parts.join(', ')})`;
}

/**
 * The tool result of a run: one line per gate, then the failures exactly as the fix
 * prompt would show them (deduplicated, most important first, cut to `budgetChars` with
 * "N more not shown").
 */
export function renderGateCheck(run: GatesRun, request: GateCheckRequest, budgetChars: number): string {
  const what = describeGateCheck(request, ' on ');
  const lines = [`Ran ${what} on your current changes (nothing is committed yet): ${run.gates.map(verdictText).join('; ') || 'no gate ran'}.`];
  const failing = run.gates.some((g) => g.status === 'failed' || g.status === 'error');
  if (!failing) {
    lines.push(request.kind === 'test' ? 'The test passes. Run all the gates before you finish.' : 'Every gate passes. Call finish when the work is complete.');
    return lines.join('\n');
  }
  const rendered = renderFailures(run.gates, Math.max(500, budgetChars - lines[0]!.length - 200));
  lines.push('', rendered.text, '', 'Fix the causes, then run the gates again (a single test with `test` is quicker) before you call finish.');
  return lines.join('\n');
}

/** The record of a run for the report. */
export function gateCheckRecord(turn: number, request: GateCheckRequest, run: GatesRun | undefined, durationMs: number, error?: string): GateCheckRecord {
  return {
    turn,
    gates: request.kind === 'test' ? [request.gate] : [...request.gates],
    ...(request.kind === 'test' ? { test: request.nodeId } : {}),
    ...(run ? { conclusion: run.conclusion } : {}),
    verdicts: (run?.gates ?? []).map((g) => ({ gate: g.gate, status: g.status, ...(g.fromCache ? { fromCache: true } : {}) })),
    durationMs,
    ...(error !== undefined ? { error } : {}),
  };
}
