/**
 * The job summary of a gates run (GITHUB_STEP_SUMMARY): needs no permission, so it
 * is also where findings go when the token is read-only (fork pull requests). At most
 * 1 MiB per step; findings are listed most important first with "showing N of M".
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { GateResult, GatesRun } from '../pipeline/gate-result.js';
import { findingListItem } from './finding.js';
import { GATE_STATUS_ICON, severityPhrase } from './gate-facts.js';
import { shardsNote } from './shards.js';
import { orderRun, topRank, type OrderedRun } from './importance.js';
import { escapeInline, formatDuration, oneLine, tableCell } from './markdown.js';
import { JOB_SUMMARY_LIMIT, composeWithinLimit, formatCount, type TextLimit } from './truncate.js';

export interface JobSummaryOptions {
  /** Shown above everything in a warning box, e.g. why check runs could not be posted. */
  notices?: readonly string[];
  /** Link per gate (its check run), by gate name. */
  links?: Readonly<Record<string, string>>;
  /** Override the 1 MiB limit (tests, or when other steps share the summary). */
  limit?: TextLimit;
  /** The heading's words before the conclusion; default `spec-automation gates` (the action's validate mode says `spec-automation validate`). */
  title?: string;
}

const CONCLUSION_ICON: Record<GatesRun['conclusion'], string> = { success: '✅', failure: '❌', error: '💥' };

function findingsCell(g: GateResult): string {
  return severityPhrase(g.diagnostics) || '—';
}

function testsCell(g: GateResult): string {
  const t = g.tests;
  if (!t) return '';
  const parts = [`${formatCount(t.passed)} passed`];
  if (t.failed) parts.unshift(`${formatCount(t.failed)} failed`);
  if (t.errored) parts.push(`${formatCount(t.errored)} errored`);
  if (t.skipped) parts.push(`${formatCount(t.skipped)} skipped`);
  return parts.join(', ');
}

function gateLink(gate: string, links: JobSummaryOptions['links']): string {
  const url = links?.[gate];
  const name = tableCell(gate);
  return url && /^https?:\/\/[^\s<>()]+$/.test(url) ? `[${name}](${url})` : name;
}

function headOf(run: GatesRun, options: JobSummaryOptions): string {
  const lines = [`## ${CONCLUSION_ICON[run.conclusion]} ${escapeInline(options.title ?? 'spec-automation gates')}: ${run.conclusion}`, ''];
  const notices = (options.notices ?? []).filter((n) => n.trim() !== '');
  if (notices.length > 0) {
    lines.push('> [!WARNING]');
    for (const n of notices) lines.push(`> ${escapeInline(oneLine(n))}`);
    lines.push('');
  }
  if (run.gates.length === 0) {
    lines.push('No gates ran.');
    return lines.join('\n');
  }
  lines.push('| Gate | Result | Findings | Tests | Time |', '|---|---|---|---|---|');
  for (const g of run.gates) {
    const shards = shardsNote(g.shards);
    const time = `${formatDuration(g.durationMs)}${g.fromCache ? ' (cached)' : ''}${shards ? ` · ${tableCell(shards)}` : ''}`;
    lines.push(`| ${gateLink(g.gate, options.links)} | ${GATE_STATUS_ICON[g.status]} ${g.status} | ${findingsCell(g)} | ${testsCell(g)} | ${time} |`);
  }
  return lines.join('\n');
}

interface Item {
  text: string;
  isFinding: boolean;
}

function itemsOf(run: OrderedRun): Item[] {
  const items: Item[] = [];
  // The same importance as within a gate: a gate that could not run, then the gate with
  // failing tests, then those with errors, warnings, notes (stable: configuration order).
  const rank = (g: GateResult, findings: readonly Diagnostic[]) => (g.status === 'error' ? -1 : topRank(findings));
  const ordered = run.gates.map(({ gate, findings }, i) => ({ g: gate, findings, i, r: rank(gate, findings) })).sort((a, b) => a.r - b.r || a.i - b.i);
  for (const { g, findings } of ordered) {
    const heading = `\n### ${GATE_STATUS_ICON[g.status]} ${escapeInline(g.gate)}\n\n`;
    let first = true;
    if (g.error) {
      const hint = g.error.hint ? ` **Fix:** ${escapeInline(oneLine(g.error.hint))}` : '';
      items.push({ text: `${heading}**Could not run:** ${escapeInline(oneLine(g.error.message))}${hint}`, isFinding: false });
      first = false;
    }
    for (const d of findings) {
      items.push({ text: (first ? heading : '') + findingListItem(d), isFinding: true });
      first = false;
    }
  }
  return items;
}

/** Renders the job summary Markdown of a gates run, within 1 MiB (bytes and characters). */
export function renderJobSummary(run: GatesRun, options: JobSummaryOptions = {}): string {
  return renderOrderedJobSummary(orderRun(run), options);
}

/** {@link renderJobSummary} of a run whose findings are already in importance order. */
export function renderOrderedJobSummary(ordered: OrderedRun, options: JobSummaryOptions = {}): string {
  const run = ordered.run;
  const items = itemsOf(ordered);
  // findingsBefore[i]: findings among the first i items, so "showing N of M" counts findings only.
  const findingsBefore = [0];
  for (const item of items) findingsBefore.push(findingsBefore[findingsBefore.length - 1]! + (item.isFinding ? 1 : 0));
  const findings = findingsBefore[items.length]!;
  return composeWithinLimit({
    head: headOf(run, options),
    items: items.map((i) => i.text),
    tail: (shown, total) => {
      if (shown === total) return '\n';
      return `\n\n_Showing ${formatCount(findingsBefore[shown]!)} of ${formatCount(findings)} findings (the summary is limited in size); the check runs' annotations have all of them._\n`;
    },
    limit: options.limit ?? JOB_SUMMARY_LIMIT,
  }).text;
}
