/**
 * Fix mode's input: the normalized gate failures turned into a prompt section that fits
 * a budget, and a fingerprint of the failure set. A gate run can produce thousands of
 * findings; flooding the context with them costs money and buries the one failing test
 * that matters, so failures are deduplicated, ordered by importance (tool errors, failing
 * tests, errors, warnings) and cut at `agent.failureBudgetChars` with a count of the rest.
 */
import { createHash } from 'node:crypto';
import { sortDiagnostics, type Diagnostic } from '../diagnostic.js';
import type { GateResult, TestCaseResult } from '../gate-result.js';

/** 0 tool error, 1 failing test, 2 error, 3 warning: lower is shown first. */
export type FailureRank = 0 | 1 | 2 | 3;

export interface FailureItem {
  /** Identity in the failure set: stable across line shifts where the producer allows. */
  key: string;
  rank: FailureRank;
  gate: string;
  /** Groups the omitted ones in the "not shown" line: `ruff E501`, `pytest failing tests`. */
  group: string;
  text: string;
}

export interface RenderedFailures {
  text: string;
  total: number;
  shown: number;
  omitted: number;
}

const MAX_DETAILS = 1500;
const MAX_ITEM = 2500;
const FOOTER_RESERVE = 400;

function tail(text: string, max: number): string {
  const t = text.trimEnd();
  return t.length <= max ? t : `…${t.slice(t.length - max + 1)}`;
}

function head(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function indent(text: string): string {
  return text.replace(/\r?\n/g, '\n    ');
}

function isFailing(result: GateResult): boolean {
  return result.status === 'failed' || result.status === 'error';
}

function failingCases(result: GateResult): TestCaseResult[] {
  return (result.tests?.cases ?? []).filter((c) => c.outcome === 'failed' || c.outcome === 'error');
}

function toolErrorItem(result: GateResult): FailureItem {
  const message = result.error?.message ?? `${result.gate} could not give a verdict (exit code ${result.exitCode ?? 'none'}).`;
  const lines = [`[${result.gate}] TOOL ERROR: ${message}`];
  if (result.error?.hint) lines.push(`  hint: ${result.error.hint}`);
  if (result.command.length > 0) lines.push(`  command: ${head(result.command.join(' '), 300)}`);
  if (result.stderrTail) lines.push(`  stderr (last lines):\n    ${indent(tail(result.stderrTail, 800))}`);
  return { key: `error\u0000${result.gate}\u0000${message}`, rank: 0, gate: result.gate, group: `${result.gate} tool error`, text: head(lines.join('\n'), MAX_ITEM) };
}

/** A gate that failed without a finding the parser understood: its exit code and stderr are all there is. */
function silentFailureItem(result: GateResult): FailureItem {
  const lines = [`[${result.gate}] FAILED with exit code ${result.exitCode ?? 'none'} but reported no findings.`];
  if (result.command.length > 0) lines.push(`  command: ${head(result.command.join(' '), 300)}`);
  if (result.stderrTail) lines.push(`  stderr (last lines):\n    ${indent(tail(result.stderrTail, 800))}`);
  return { key: `failed\u0000${result.gate}\u0000${result.exitCode ?? ''}`, rank: 0, gate: result.gate, group: `${result.gate} failure`, text: head(lines.join('\n'), MAX_ITEM) };
}

function testCaseItem(result: GateResult, c: TestCaseResult): FailureItem {
  const where = c.location ? ` (${c.location.path}:${c.location.line})` : c.file ? ` (${c.file})` : '';
  const lines = [`[${result.gate}] ${c.outcome === 'error' ? 'ERROR' : 'FAILED'} ${c.id}${where}`];
  if (c.message) lines.push(`  ${head(c.message, 500)}`);
  if (c.details) lines.push(`    ${indent(tail(c.details, MAX_DETAILS))}`);
  return { key: `test\u0000${result.gate}\u0000${c.id}`, rank: 1, gate: result.gate, group: `${result.gate} failing tests`, text: head(lines.join('\n'), MAX_ITEM) };
}

function diagnosticItem(result: GateResult, d: Diagnostic): FailureItem {
  const isTest = d.rule.startsWith('test.');
  const rank: FailureRank = isTest ? 1 : d.severity === 'error' ? 2 : 3;
  const at = d.path ? `${d.path}:${d.range.start.line}${d.range.start.column ? `:${d.range.start.column}` : ''} ` : '';
  const lines = [`[${result.gate}] ${isTest ? 'FAILED' : d.severity} ${at}${d.rule}: ${head(d.message, 1000)}`];
  if (d.hint) lines.push(`  hint: ${head(d.hint, 300)}`);
  return {
    key: `diag\u0000${d.fingerprint}`,
    rank,
    gate: result.gate,
    group: isTest ? `${result.gate} failing tests` : `${result.gate} ${d.rule}`,
    text: head(lines.join('\n'), MAX_ITEM),
  };
}

/**
 * The failures of the failing gates, deduplicated and in the order the agent should
 * read them. Passed and skipped gates contribute nothing, and info findings are left
 * out: they never fail a gate. A gate's failing tests come from its test summary when it
 * has one (richer: node id, traceback), else from its `test.*` diagnostics.
 */
export function collectFailures(results: readonly GateResult[]): FailureItem[] {
  const items: FailureItem[] = [];
  const seen = new Set<string>();
  const add = (item: FailureItem) => {
    if (seen.has(item.key)) return;
    seen.add(item.key);
    items.push(item);
  };
  for (const result of results) {
    if (!isFailing(result)) continue;
    if (result.status === 'error') add(toolErrorItem(result));
    const cases = failingCases(result);
    for (const c of cases) add(testCaseItem(result, c));
    const diagnostics = sortDiagnostics(result.diagnostics).filter(
      (d) => d.severity !== 'info' && !(cases.length > 0 && d.rule.startsWith('test.')),
    );
    for (const d of diagnostics) add(diagnosticItem(result, d));
    if (result.status === 'failed' && cases.length === 0 && diagnostics.length === 0) add(silentFailureItem(result));
  }
  // Stable: within a rank, gates keep their order and diagnostics their sorted order.
  return items.map((item, index) => ({ item, index })).sort((a, b) => a.item.rank - b.item.rank || a.index - b.index).map((x) => x.item);
}

function omittedLine(omitted: FailureItem[]): string {
  const groups = new Map<string, number>();
  for (const item of omitted) groups.set(item.group, (groups.get(item.group) ?? 0) + 1);
  const top = [...groups.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const listed = top.slice(0, 8).map(([g, n]) => `${g}: ${n}`);
  if (top.length > 8) listed.push(`${top.length - 8} more groups`);
  return head(`… ${omitted.length} more not shown (${listed.join('; ')}). Fix the ones above first; the rest may share their cause.`, FOOTER_RESERVE);
}

/**
 * The failures as prompt text of at most `budgetChars` characters: a header, as many
 * whole items as fit (most important first), and "N more not shown" with the omitted
 * ones counted by gate and rule.
 */
export function renderFailures(results: readonly GateResult[], budgetChars: number): RenderedFailures {
  const items = collectFailures(results);
  const failing = results.filter(isFailing);
  const gates = failing.map((r) => `${r.gate}: ${r.status}`);
  const header = head(
    items.length === 0
      ? `The gates did not pass (${gates.join(', ') || 'no failing gate reported'}), but reported no findings.`
      : `${items.length} distinct problem${items.length === 1 ? '' : 's'} from the gates (${gates.slice(0, 10).join(', ')}${gates.length > 10 ? ', …' : ''}):`,
    300,
  );
  const limit = Math.max(0, budgetChars - FOOTER_RESERVE);
  const parts = [header];
  let used = header.length;
  let shown = 0;
  for (const item of items) {
    const cost = item.text.length + 2;
    if (used + cost > limit) {
      if (shown === 0 && limit - used > 80) {
        // Even the first item does not fit: show its beginning rather than nothing.
        parts.push(head(item.text, limit - used - 2));
        shown = 1;
      }
      break;
    }
    parts.push(item.text);
    used += cost;
    shown += 1;
  }
  if (shown < items.length) parts.push(omittedLine(items.slice(shown)));
  const text = head(parts.join('\n\n'), budgetChars);
  return { text, total: items.length, shown, omitted: items.length - shown };
}

/**
 * Identity of a failure set: the same failures give the same fingerprint, whatever their
 * order or line numbers. Two fix iterations in a row with the same fingerprint made no
 * progress. A passing run (no failing gate) has the fingerprint of the empty set.
 */
export function failureFingerprint(results: readonly GateResult[]): string {
  const keys = [...new Set(collectFailures(results).map((i) => i.key))].sort();
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
}
