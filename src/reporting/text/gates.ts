/**
 * Terminal rendering of a gates run: the live per-gate status lines shown while tools
 * run, and the summary table with tool errors explained. Pure: data in, text out; the
 * CLI decides where it goes and when to redraw.
 */
import { countBySeverity, isAtLeast, type Diagnostic, type Severity } from '../../pipeline/diagnostic.js';
import type { GateResult, GatesRun, GateStatus, TestSummary } from '../../pipeline/gate-result.js';
import { compareByImportance, importanceHeading, type ImportanceHeading } from '../importance.js';
import { failedFirstNote, shardsNote } from '../shards.js';
import { findingLines, type ReadLines } from './diagnostics.js';
import { paint as paintText, type Colour } from './style.js';
import { displayWidth, padDisplayEnd, truncateDisplay } from './width.js';
import { formatCount } from '../../pipeline/format-count.js';

export interface TextStyle {
  /** ANSI colours (interactive terminals only). */
  color: boolean;
}

/** Where one gate is while the run goes on. */
export interface GateLiveState {
  gate: string;
  phase: 'queued' | 'running' | 'done';
  /** ms timestamp when it started running. */
  startedAt?: number;
  result?: GateResult;
  /** Failures first: the tests that failed last time, run again before the rest. */
  failedFirst?: TestSummary;
}

function paint(text: string, colour: Colour, style: TextStyle): string {
  return paintText(colour, text, style.color);
}

const STATUS_MARK: Record<GateStatus, string> = { passed: '✓', failed: '✗', error: '!', skipped: '-', cancelled: '-' };
const STATUS_COLOUR: Record<GateStatus, Colour> = { passed: 'green', failed: 'red', error: 'red', skipped: 'gray', cancelled: 'gray' };

/** `0.4s`, `12.3s`, `2m05s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 passed, 2 failed, 1 error, 1 skipped, 1 xfailed`. */
export function formatTests(tests: TestSummary): string {
  const parts: string[] = [`${tests.passed} passed`];
  if (tests.failed) parts.push(`${tests.failed} failed`);
  if (tests.errored) parts.push(plural(tests.errored, 'error'));
  if (tests.skipped) parts.push(`${tests.skipped} skipped`);
  if (tests.xfailed) parts.push(`${tests.xfailed} xfailed`);
  if (tests.xpassed) parts.push(`${tests.xpassed} xpassed`);
  return tests.total === 0 ? 'no tests' : parts.join(', ');
}

/** `3 errors, 1 warning`, counting only diagnostics that are not failing tests. */
export function formatFindings(result: GateResult): string {
  const findings = result.diagnostics.filter((d) => !d.rule.startsWith('test.'));
  if (findings.length === 0) return result.tests ? '' : '0';
  const counts = countBySeverity(findings);
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(`${counts.info} info`);
  return parts.join(', ');
}

/** Outcome text in a status line: long enough to be useful, short enough not to wrap (a wrapped line breaks the redraw). */
const OUTCOME_CHARS = 72;

function clip(text: string): string {
  return truncateDisplay(text, OUTCOME_CHARS);
}

/** What a finished gate found, in a few words. */
function outcome(result: GateResult): string {
  if (result.status === 'error') return result.error?.message.split('\n')[0] ?? 'tool error';
  if (result.status === 'skipped') return 'disabled';
  if (result.status === 'cancelled') return 'cancelled';
  const parts = [formatFindings(result), result.tests ? formatTests(result.tests) : ''].filter((p) => p !== '' && p !== '0');
  return parts.join('; ') || 'no findings';
}

/** One line per gate: `✓ ruff  passed  0.4s  no findings (cached)`. */
export function renderStatusLine(state: GateLiveState, now: number, width: number, style: TextStyle): string {
  const name = padDisplayEnd(state.gate, width);
  if (state.phase === 'queued') return `  ${paint('○', 'gray', style)} ${name}  ${paint('queued', 'gray', style)}`;
  if (state.phase === 'running' || !state.result) {
    const elapsed = state.startedAt === undefined ? '' : `  ${formatDuration(now - state.startedAt)}`;
    const early = state.failedFirst ? `  ${clip(failedFirstNote(state.failedFirst))}` : '';
    return `  ${paint('●', 'blue', style)} ${name}  ${paint('running', 'blue', style)}${elapsed}${early}`;
  }
  const r = state.result;
  const mark = paint(STATUS_MARK[r.status], STATUS_COLOUR[r.status], style);
  const status = paint(r.status.padEnd(7), STATUS_COLOUR[r.status], style);
  // A cached result took no time now; its duration is the original run's, labelled so.
  const time = r.status === 'skipped' || r.fromCache || (r.status === 'error' && r.exitCode === null && r.durationMs === 0) ? '' : `  ${formatDuration(r.durationMs)}`;
  const cached = r.fromCache ? paint(` (cached; ${formatDuration(r.durationMs)} when it ran)`, 'gray', style) : '';
  return `  ${mark} ${name}  ${status}${time}  ${clip(outcome(r))}${cached}`;
}

/** The live block: one status line per gate, redrawn by the caller. */
export function renderLiveStatus(states: readonly GateLiveState[], now: number, style: TextStyle): string {
  const width = states.reduce((w, s) => Math.max(w, displayWidth(s.gate)), 4);
  return states.map((s) => `${renderStatusLine(s, now, width, style)}\n`).join('');
}

/** A line for a log (non-interactive output): one per state change. */
export function renderStatusChange(state: GateLiveState, now: number): string {
  return `gates: ${renderStatusLine(state, now, 0, { color: false }).trim().replace(/\s{2,}/g, ' ')}\n`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? '')), 0));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : padDisplayEnd(cell, widths[i]!))).join('  ').trimEnd()).join('\n');
}

function indent(text: string, prefix: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => `${prefix}${l}`)
    .join('\n');
}

/**
 * The summary after a run: a table of gates, then what went wrong with each gate that
 * could not give a verdict (message, hint, command, the end of its output), then the
 * conclusion.
 */
export function renderGatesSummary(run: GatesRun, style: TextStyle): string {
  const rows = [['Gate', 'Status', 'Findings', 'Tests', 'Time', '']];
  for (const g of run.gates) {
    const tests = g.tests ? formatTests(g.tests) : '';
    const time = g.status === 'skipped' || ((g.status === 'error' || g.status === 'cancelled') && g.durationMs === 0) ? '' : g.fromCache ? 'cached' : formatDuration(g.durationMs);
    const findings = g.status === 'error' || g.status === 'skipped' || g.status === 'cancelled' ? '' : formatFindings(g);
    const notes = [g.fromCache ? `(${formatDuration(g.durationMs)} when it ran)` : '', shardsNote(g.shards) ?? ''].filter((n) => n !== '');
    rows.push([g.gate, g.status, findings, tests, time, notes.join(' ')]);
  }
  const lines = table(rows).split('\n');
  const header = paint(lines[0]!, 'bold', style);
  const body = lines.slice(1).map((line, i) => {
    const status = run.gates[i]!.status;
    return line.replace(new RegExp(`(?<=^\\S+\\s+)${status}`), paint(status, STATUS_COLOUR[status], style));
  });
  const out = [header, ...body, ''];
  for (const g of run.gates.filter((x) => x.status === 'error')) {
    out.push(`${paint('!', 'red', style)} ${paint(g.gate, 'bold', style)}: ${g.error?.message ?? 'tool error'}`);
    if (g.error?.hint) out.push(`  hint: ${g.error.hint}`);
    if (g.command.length > 0) out.push(`  command: ${g.command.join(' ')}`);
    if (g.stderrTail) out.push('  output (last lines):', indent(g.stderrTail, '    | '));
    out.push('');
  }
  out.push(conclusionLine(run, style), '');
  return out.join('\n');
}

function conclusionLine(run: GatesRun, style: TextStyle): string {
  const count = (s: GateStatus) => run.gates.filter((g) => g.status === s).length;
  const cached = run.gates.filter((g) => g.fromCache).length;
  const parts = [`${count('passed')} passed`];
  if (count('failed')) parts.push(`${count('failed')} failed`);
  if (count('error')) parts.push(plural(count('error'), 'tool error'));
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  if (count('cancelled')) parts.push(`${count('cancelled')} cancelled`);
  const tail = `${parts.join(', ')}${cached ? `; ${cached} from cache` : ''} in ${formatDuration(run.durationMs)}`;
  switch (run.conclusion) {
    case 'success':
      return `${paint('Gates passed', 'green', style)}: ${tail}.`;
    case 'failure':
      return `${paint('Gates failed', 'red', style)}: ${tail}.`;
    default:
      return `${paint('Gates could not all run', 'red', style)}: ${tail}. A tool error is not a pass; fix it and run again.`;
  }
}

/** Limits of the findings list in the text report. */
export interface FindingsTextOptions extends TextStyle {
  /** Source lines of a repo-relative path, for code frames. */
  readLines?: ReadLines;
  /** Findings shown in all; the rest are counted ("and N more"). Default {@link DEFAULT_MAX_FINDINGS}. */
  maxFindings?: number;
  /** Findings shown per file within a section. Default {@link DEFAULT_MAX_PER_FILE}. */
  maxPerFile?: number;
  /** Findings below this severity are left out (and counted). Failing tests are errors. Default `info`: all. */
  minSeverity?: Severity;
}

export const DEFAULT_MAX_FINDINGS = 200;
export const DEFAULT_MAX_PER_FILE = 20;


/**
 * The findings of a run, most important first: failing tests, then errors, then
 * warnings, then notes, each section grouped by file (files and lines in order), with a
 * per-file and a total cap ("… and N more"). A run of 10,000 findings reads as the few
 * that matter, followed by counts of the rest. Empty when there is nothing to list.
 */
export function renderGateFindings(run: GatesRun, options: FindingsTextOptions): string {
  const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const perFile = options.maxPerFile ?? DEFAULT_MAX_PER_FILE;
  const minSeverity = options.minSeverity ?? 'info';
  const all: Diagnostic[] = [];
  for (const g of run.gates) for (const d of g.diagnostics) all.push(d);
  const kept = minSeverity === 'info' ? all : all.filter((d) => isAtLeast(d.severity, minSeverity));
  const belowThreshold = all.length - kept.length;
  if (kept.length === 0) return belowThreshold > 0 ? `${paint(`${formatCount(belowThreshold)} findings below --min-severity ${minSeverity} are not shown.`, 'gray', options)}\n` : '';
  kept.sort(compareByImportance);

  const fileLines = new Map<string, readonly string[] | undefined>();
  const linesOf = (path: string) => {
    if (!path || !options.readLines) return undefined;
    if (!fileLines.has(path)) fileLines.set(path, options.readLines(path));
    return fileLines.get(path);
  };
  const draw = { color: options.color, context: 1, width: 120, hints: true };
  const out: string[] = [];
  let shown = 0;
  let i = 0;
  while (i < kept.length) {
    // One section: every finding under the same heading (they are contiguous once sorted).
    const heading: ImportanceHeading = importanceHeading(kept[i]!);
    let end = i;
    while (end < kept.length && importanceHeading(kept[end]!) === heading) end++;
    out.push(paint(`${heading} (${formatCount(end - i)})`, 'bold', options), '');
    let j = i;
    while (j < end) {
      const path = kept[j]!.path;
      let fileEnd = j;
      while (fileEnd < end && kept[fileEnd]!.path === path) fileEnd++;
      const inFile = fileEnd - j;
      const room = Math.max(0, Math.min(perFile, max - shown));
      if (room > 0) {
        out.push(paint(path || '(no file)', 'bold', options));
        for (let k = j; k < j + Math.min(room, inFile); k++) out.push(...findingLines(kept[k]!, linesOf(path), draw));
        shown += Math.min(room, inFile);
        if (inFile > room) out.push(paint(`  … and ${formatCount(inFile - room)} more in this file`, 'gray', options));
        out.push('');
      }
      j = fileEnd;
    }
    i = end;
  }
  const hidden = kept.length - shown;
  const notes: string[] = [];
  if (hidden > 0) notes.push(`… and ${formatCount(hidden)} more ${hidden === 1 ? 'finding' : 'findings'} not shown (showing ${formatCount(shown)} of ${formatCount(kept.length)}; --max-findings ${max === Number.POSITIVE_INFINITY ? 'all' : max}).`);
  if (belowThreshold > 0) notes.push(`${formatCount(belowThreshold)} ${belowThreshold === 1 ? 'finding' : 'findings'} below --min-severity ${minSeverity} ${belowThreshold === 1 ? 'is' : 'are'} not shown.`);
  for (const note of notes) out.push(paint(note, 'gray', options));
  if (notes.length > 0) out.push('');
  return `${out.join('\n')}\n`;
}
