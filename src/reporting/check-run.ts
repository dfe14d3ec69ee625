/**
 * One check run per gate, `spec-automation / <gate>`: title, summary, text and
 * annotations as GitHub's Checks API accepts them (limits in
 * shared/reference/github-and-gates.md, rules 8–11), and the sequence of writes that
 * posts them with the fewest requests the API allows.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { GateResult, TestCaseResult } from '../pipeline/gate-result.js';
import { anchorPath, findingListItem } from './finding.js';
import { GATE_STATUS_ICON, severityPhrase } from './gate-facts.js';
import { importanceHeading, isTestFailure, orderByImportance, type OrderedGate } from './importance.js';
import { codeSpan, escapeHtml, escapeInline, fencedBlock, formatDuration, htmlCode, oneLine, plural } from './markdown.js';
import { encodeResultsBlock, resultsOf } from './results-block.js';
import { shardsNote } from './shards.js';
import {
  ANNOTATION_TEXT_LIMIT,
  CHECK_RUN_TEXT_LIMIT,
  composeWithinLimit,
  formatCount,
  truncatePlain,
} from './truncate.js';

export const CHECK_RUN_PREFIX = 'spec-automation';
/** The Checks API refuses more annotations than this in one request. */
export const ANNOTATIONS_PER_REQUEST = 50;
export const TITLE_MAX_CHARS = 255;

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';
export type AnnotationLevel = 'notice' | 'warning' | 'failure';

/** An annotation exactly as `output.annotations[]` takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

/** Everything to post for one gate; {@link planCheckRunWrites} turns it into requests. */
export interface CheckRunPlan {
  name: string;
  gate: string;
  conclusion: CheckConclusion;
  output: CheckRunOutput;
  /** Most important first, already capped by `maxAnnotations`. */
  annotations: CheckAnnotation[];
  /** Findings that could be annotated but were over `maxAnnotations`. */
  annotationsDropped: number;
  /** Findings with no file to anchor to (listed in the summary only). */
  unanchored: number;
}

export interface CheckRunRenderOptions {
  /** The commit the gates ran on, recorded in the results block. */
  sha?: string;
  /** Cap on annotations per run (each 50 costs one request). Default: no cap. */
  maxAnnotations?: number;
  /** Where the full log is (the workflow run), linked from the summary. */
  detailsUrl?: string;
}

/** `spec-automation / ruff`. */
export function checkRunName(gate: string): string {
  return `${CHECK_RUN_PREFIX} / ${gate}`;
}

/**
 * A tool error must never read as a pass: `error` maps to `failure` (GitHub has no
 * "error" conclusion; `action_required` would ask for a button we do not offer).
 */
export function conclusionForGate(status: GateResult['status']): CheckConclusion {
  switch (status) {
    case 'passed':
      return 'success';
    case 'failed':
    case 'error':
      return 'failure';
    case 'skipped':
      return 'skipped';
    case 'cancelled':
      return 'cancelled';
  }
}

export function annotationLevel(severity: Diagnostic['severity']): AnnotationLevel {
  return severity === 'error' ? 'failure' : severity === 'warning' ? 'warning' : 'notice';
}

function positiveLine(n: number | undefined): number | undefined {
  if (n === undefined || !Number.isFinite(n)) return undefined;
  return Math.max(1, Math.floor(n));
}

/** The annotation for a finding, or undefined when it has no file GitHub can show it on. */
export function annotationFor(d: Diagnostic): CheckAnnotation | undefined {
  const path = anchorPath(d.path);
  if (!path) return undefined;
  const start = positiveLine(d.range.start.line) ?? 1;
  const end = Math.max(start, positiveLine(d.range.end?.line) ?? start);
  const annotation: CheckAnnotation = {
    path,
    start_line: start,
    end_line: end,
    annotation_level: annotationLevel(d.severity),
    message: truncatePlain(d.message.trim() || d.rule, ANNOTATION_TEXT_LIMIT),
    title: truncatePlain(oneLine(`${d.source} ${d.rule}`), { maxBytes: 1024, maxChars: TITLE_MAX_CHARS }),
  };
  // GitHub accepts columns only on single-line annotations.
  const startColumn = positiveLine(d.range.start.column);
  if (start === end && startColumn !== undefined) {
    annotation.start_column = startColumn;
    annotation.end_column = Math.max(startColumn, positiveLine(d.range.end?.column) ?? startColumn);
  }
  const details = [d.hint, d.fix?.description ? `Fix: ${d.fix.description}` : undefined, d.url]
    .filter((s): s is string => !!s)
    .join('\n');
  if (details) annotation.raw_details = truncatePlain(details, ANNOTATION_TEXT_LIMIT);
  return annotation;
}

/** The annotations of a check run and what did not become one. */
export interface PlannedAnnotations {
  /** In the findings' order, at most the cap. */
  annotations: CheckAnnotation[];
  /** Findings with a file that were over the cap. */
  dropped: number;
  /** Findings with no file to anchor to. */
  unanchored: number;
}

/**
 * The annotations for findings already in importance order (so the cap keeps the most
 * important), at most `cap` of them; each check run (a gate's, the re-validation's) plans
 * them this way.
 */
export function planAnnotations(ordered: readonly Diagnostic[], cap = Number.POSITIVE_INFINITY): PlannedAnnotations {
  const annotatable: CheckAnnotation[] = [];
  let unanchored = 0;
  for (const d of ordered) {
    const a = annotationFor(d);
    if (a) annotatable.push(a);
    else unanchored += 1;
  }
  const annotations = annotatable.slice(0, Math.max(0, cap));
  return { annotations, dropped: annotatable.length - annotations.length, unanchored };
}

/** Splits annotations into request-sized batches of at most 50. */
export function batchAnnotations<T>(annotations: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < annotations.length; i += size) batches.push(annotations.slice(i, i + size));
  return batches;
}

function countsPhrase(gate: GateResult): string {
  const parts: string[] = [];
  const t = gate.tests;
  if (t) {
    if (t.failed) parts.push(`${formatCount(t.failed)} failed`);
    if (t.errored) parts.push(`${formatCount(t.errored)} errored`);
    parts.push(`${formatCount(t.passed)} passed`);
    if (t.skipped) parts.push(`${formatCount(t.skipped)} skipped`);
    if (t.xfailed) parts.push(`${formatCount(t.xfailed)} xfailed`);
    if (t.xpassed) parts.push(`${formatCount(t.xpassed)} xpassed`);
    const others = gate.diagnostics.filter((d) => !isTestFailure(d));
    if (others.length > 0) parts.push(plural(others.length, 'other finding'));
    return parts.join(', ');
  }
  return severityPhrase(gate.diagnostics) || 'no findings';
}

/** The one-line title of the check run (≤ 255 characters). */
export function checkRunTitle(gate: GateResult): string {
  let title: string;
  if (gate.status === 'skipped') title = `${gate.gate}: skipped`;
  else if (gate.status === 'error') title = `${gate.gate} could not run: ${oneLine(gate.error?.message ?? 'tool error')}`;
  else if (gate.status === 'cancelled') title = `${gate.gate}: cancelled`;
  else title = `${gate.gate}: ${countsPhrase(gate)}`;
  return truncatePlain(title, { maxBytes: 1024, maxChars: TITLE_MAX_CHARS });
}

function summaryHead(gate: GateResult, plan: { annotations: number; dropped: number; unanchored: number }, options: CheckRunRenderOptions): string {
  const lines: string[] = [];
  lines.push(`### ${GATE_STATUS_ICON[gate.status]} ${escapeInline(gate.gate)} ${gate.status}: ${escapeInline(countsPhrase(gate))}`);
  lines.push('');
  const facts = [`${escapeInline(gate.tool)}${gate.toolVersion ? ` ${escapeInline(gate.toolVersion)}` : ''}`];
  // A cached result's duration is the run it came from; say so rather than pass it off as this run's.
  if (gate.fromCache) facts.push(gate.durationMs > 0 ? `cached result (${formatDuration(gate.durationMs)} when it ran)` : 'cached result');
  else if (gate.durationMs > 0) facts.push(formatDuration(gate.durationMs));
  if (gate.exitCode !== null) facts.push(`exit code ${gate.exitCode}`);
  const shards = shardsNote(gate.shards);
  if (shards) facts.push(escapeInline(shards));
  lines.push(facts.join(' · '));
  if (gate.error) {
    lines.push('');
    lines.push(`**The tool could not give a verdict:** ${escapeInline(oneLine(gate.error.message))}`);
    if (gate.error.hint) lines.push(`**Fix:** ${escapeInline(oneLine(gate.error.hint))}`);
  }
  if (plan.annotations > 0 || plan.dropped > 0) {
    lines.push('');
    const dropped = plan.dropped > 0 ? ` (${formatCount(plan.dropped)} more were not annotated: over the per-run cap)` : '';
    lines.push(`${formatCount(plan.annotations)} findings are annotated on the files (see "Files changed")${dropped}.`);
  }
  if (plan.unanchored > 0) {
    lines.push(`${plural(plan.unanchored, 'finding')} not tied to a file ${plan.unanchored === 1 ? 'appears' : 'appear'} only here.`);
  }
  if (options.detailsUrl && /^https?:\/\/\S+$/.test(options.detailsUrl)) lines.push(`[Full log](${options.detailsUrl})`);
  return lines.join('\n');
}

/** `ordered`: the gate's findings already in {@link orderByImportance} order. */
function findingItems(ordered: readonly Diagnostic[]): string[] {
  const items: string[] = [];
  let section = '';
  for (const d of ordered) {
    const heading = importanceHeading(d);
    // A heading is glued to its first item so it is never shown without one.
    const prefix = heading !== section ? `\n**${heading}**\n\n` : '';
    section = heading;
    items.push(prefix + findingListItem(d));
  }
  return items;
}

function showingNote(shown: number, total: number): string {
  if (total === 0) return '';
  if (shown === total) return '';
  return `\n\n_Showing ${formatCount(shown)} of ${formatCount(total)} findings, most important first; all of them are in the annotations and the job summary._`;
}

function failingCaseDetails(c: TestCaseResult): string {
  // The summary is inside an HTML block: Markdown escapes and code spans do not apply there.
  const where = c.location ? ` (${htmlCode(`${c.location.path}:${c.location.line}`)})` : '';
  const head = `<details><summary>${c.outcome === 'error' ? '💥' : '❌'} ${escapeHtml(oneLine(c.id))}${where}</summary>\n\n`;
  const body = [c.message ? escapeInline(oneLine(c.message)) : '', c.details ? fencedBlock(c.details, 'text') : '']
    .filter(Boolean)
    .join('\n\n');
  return `${head}${body}\n\n</details>`;
}

/** `output.text`: what the summary has no room for (tool output, tracebacks). */
function renderText(gate: GateResult): string | undefined {
  const head: string[] = [];
  if (gate.command.length > 0) head.push(`Command: ${codeSpan(gate.command.join(' '))}`);
  if (gate.stderrTail) head.push(`**stderr (last lines)**\n\n${fencedBlock(gate.stderrTail, 'text')}`);
  const failing = (gate.tests?.cases ?? []).filter((c) => c.outcome === 'failed' || c.outcome === 'error');
  if (failing.length === 0 && !gate.stderrTail) return head.length > 0 ? head.join('\n\n') : undefined;
  const composed = composeWithinLimit({
    head: head.join('\n\n') + (failing.length > 0 ? '\n\n### Failing tests\n' : ''),
    items: failing.map(failingCaseDetails),
    separator: '\n\n',
    tail: (shown, total) => (shown < total ? `\n\n_Showing ${formatCount(shown)} of ${formatCount(total)} failing tests._` : ''),
    limit: CHECK_RUN_TEXT_LIMIT,
  });
  return composed.text;
}

/**
 * Renders the check run of one gate. The summary starts with the hidden results
 * block (for the app), then counts and the most important findings that fit within
 * 65,535 characters and bytes, with "showing N of M" when some do not.
 */
export function renderCheckRun(gate: GateResult, options: CheckRunRenderOptions = {}): CheckRunPlan {
  return renderOrderedCheckRun({ gate, findings: orderByImportance(gate.diagnostics) }, options);
}

/** {@link renderCheckRun} of a gate whose findings are already in importance order (see `orderRun`). */
export function renderOrderedCheckRun({ gate, findings: ordered }: OrderedGate, options: CheckRunRenderOptions = {}): CheckRunPlan {
  const { annotations, dropped, unanchored } = planAnnotations(ordered, options.maxAnnotations);
  const counts = { annotations: annotations.length, dropped, unanchored };

  const block = encodeResultsBlock(resultsOf(gate, options.sha));
  const composed = composeWithinLimit({
    head: `${block}\n${summaryHead(gate, counts, options)}\n`,
    items: findingItems(ordered),
    tail: showingNote,
    limit: CHECK_RUN_TEXT_LIMIT,
  });
  const text = renderText(gate);
  return {
    name: checkRunName(gate.gate),
    gate: gate.gate,
    conclusion: conclusionForGate(gate.status),
    output: { title: checkRunTitle(gate), summary: composed.text, ...(text ? { text } : {}) },
    annotations,
    annotationsDropped: counts.dropped,
    unanchored,
  };
}

/** A request body for `POST /repos/{owner}/{repo}/check-runs`. */
export interface CheckRunCreateBody {
  name: string;
  head_sha: string;
  status: 'in_progress' | 'completed';
  conclusion?: CheckConclusion;
  started_at?: string;
  completed_at?: string;
  details_url?: string;
  external_id?: string;
  output: CheckRunOutput & { annotations?: CheckAnnotation[] };
}

/** A request body for `PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}`. */
export interface CheckRunUpdateBody {
  status?: 'in_progress' | 'completed';
  conclusion?: CheckConclusion;
  completed_at?: string;
  details_url?: string;
  output: CheckRunOutput & { annotations?: CheckAnnotation[] };
}

export type CheckRunWrite = { kind: 'create'; body: CheckRunCreateBody } | { kind: 'update'; body: CheckRunUpdateBody };

/**
 * The writes that post a plan, fewest first: the first request carries the first 50
 * annotations, each further PATCH 50 more and resends title, summary and text (a
 * PATCH replaces the whole output), and the last one completes the run. N findings
 * cost max(1, ceil(N / 50)) writes. With `existing`, every write is a PATCH of that run.
 */
export function planCheckRunWrites(
  plan: CheckRunPlan,
  options: { headSha: string; existing?: boolean; now?: () => Date; startedAt?: string; detailsUrl?: string; externalId?: string },
): CheckRunWrite[] {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const batches = batchAnnotations(plan.annotations);
  if (batches.length === 0) batches.push([]);
  const output = (batch: CheckAnnotation[]) => ({ ...plan.output, ...(batch.length > 0 ? { annotations: batch } : {}) });
  const detailsUrl = options.detailsUrl && /^https?:\/\/\S+$/.test(options.detailsUrl) ? options.detailsUrl : undefined;
  return batches.map((batch, i): CheckRunWrite => {
    const last = i === batches.length - 1;
    const completion = last ? { status: 'completed' as const, conclusion: plan.conclusion, completed_at: now } : {};
    if (i === 0 && !options.existing) {
      return {
        kind: 'create',
        body: {
          name: plan.name,
          head_sha: options.headSha,
          status: 'in_progress',
          started_at: options.startedAt ?? now,
          ...(detailsUrl ? { details_url: detailsUrl } : {}),
          ...(options.externalId ? { external_id: options.externalId } : {}),
          ...completion,
          output: output(batch),
        },
      };
    }
    return {
      kind: 'update',
      body: { ...(i === 0 && detailsUrl ? { details_url: detailsUrl } : {}), ...completion, output: output(batch) },
    };
  });
}
