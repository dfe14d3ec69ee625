/**
 * The Spec health report on GitHub: the body of the one "Spec health" issue (edited in
 * place every run), the job summary, and the check run "spec-automation / revalidate".
 * Written for a lead deciding what to do next: per spec its status, its drift, the
 * requirements without tests (ids and lines), the stale test citations (file:line) and
 * its validation errors, the most important spec first. Everything taken from specs,
 * tests and the lock file is untrusted text: escaped, clipped, and cut to GitHub's byte
 * limits with "showing N of M".
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { SpecDrift } from '../pipeline/drift/index.js';
import type { SpecHealth, SpecHealthReport, StaleFinding } from '../pipeline/revalidate/index.js';
import { implementedBy } from '../pipeline/revalidate/index.js';
import type { RequirementTrace } from '../pipeline/traceability/index.js';
import { checkRunName, planAnnotations, type CheckConclusion, type CheckRunPlan } from './check-run.js';
import { findingListItem, safeUrl } from './finding.js';
import { orderByImportance } from './importance.js';
import { codeSpan, escapeInline, oneLine, plural, tableCell } from './markdown.js';
import { CHECK_RUN_TEXT_LIMIT, COMMENT_BODY_LIMIT, JOB_SUMMARY_LIMIT, composeWithinLimit, formatCount, truncatePlain, type TextLimit } from './truncate.js';

/** The check run's gate name: `spec-automation / revalidate`. */
export const REVALIDATE_GATE = 'revalidate';
/** Hidden first line of the issue body: says what wrote it, for people and tools. */
export const SPEC_HEALTH_MARKER = '<!-- spec-automation:spec-health v1 -->';
/** Annotations per check run by default: each 50 cost one request. */
export const DEFAULT_MAX_ANNOTATIONS = 500;

export interface SpecHealthRenderOptions {
  /** `https://github.com/owner/repo`: spec and test paths become links to the re-validated commit. */
  repoUrl?: string;
  /** The workflow run, linked at the bottom. */
  runUrl?: string;
  /** The check run and the issue, linked from the job summary. */
  checkRunUrl?: string;
  issueUrl?: string;
  /** Shown in a warning box at the top (e.g. the issue could not be updated). */
  notices?: readonly string[];
  /** Override the size limit (tests). */
  limit?: TextLimit;
}

const HEALTH_ICON: Record<SpecHealthReport['verdict']['health'], string> = { healthy: '✅', 'needs-attention': '⚠️', unhealthy: '❌' };
const WORST_ICON: Record<SpecHealth['worst'], string> = { error: '❌', warning: '⚠️', info: 'ℹ️', ok: '✅' };
/** Characters of a requirement's text shown next to its id. */
const REQUIREMENT_TEXT_CHARS = 120;
/** Per spec, validation findings listed before "and N more". */
const VALIDATION_ITEMS = 10;

/** Short words for a drift state, for the table. */
export function driftLabel(d: SpecDrift): string {
  const by = d.entry ? ` (${implementedBy(d.entry)})` : '';
  switch (d.state) {
    case 'implemented':
      return `implemented${by}`;
    case 'changed': {
      const n = d.added.length + d.removed.length + d.changed.length;
      return `changed since implemented: ${plural(n, 'requirement')}${d.explained ? ' (by an implemented change proposal)' : ''}`;
    }
    case 'edited':
      return 'edited since implemented (requirements unchanged)';
    case 'superseded':
      return 'implemented from a superseded version';
    case 'retired':
      return 'superseded; replacement implemented';
    case 'never-implemented':
      return 'never implemented';
    case 'change-pending':
      return 'change proposal not applied';
    case 'untracked':
      return 'done, not in the lock file';
    case 'not-ready':
      return 'not ready (not approved yet)';
    case 'inactive':
      return 'inactive';
  }
}

function needsSection(s: SpecHealth): boolean {
  return s.worst === 'error' || s.worst === 'warning' || s.stale.length > 0;
}

/** A link to a file (and line) of the re-validated commit, or the path as code. */
function fileRef(path: string, line: number | undefined, report: SpecHealthReport, options: SpecHealthRenderOptions, label?: string): string {
  const shown = label ?? (line ? `${path}:${line}` : path);
  const base = safeUrl(options.repoUrl);
  if (!base || !report.commit || !/^[0-9a-f]{7,64}$/.test(report.commit) || path === '' || path.startsWith('/') || path.includes('..')) return codeSpan(shown);
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `[${codeSpan(shown)}](${base.replace(/\/+$/, '')}/blob/${report.commit}/${encoded}${line ? `#L${line}` : ''})`;
}

function clip(text: string, max: number): string {
  const flat = oneLine(text);
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

function specName(s: SpecHealth): string {
  return s.id ? `${s.id} · ${s.title}` : s.title;
}

function testsCell(s: SpecHealth): string {
  const need = s.trace.requirements.filter((r) => r.needsTest).length;
  if (need === 0) return '—';
  return `${formatCount(s.trace.tested)} of ${formatCount(need)} tested`;
}

function validationCell(s: SpecHealth): string {
  const v = s.validation;
  if (v.error === 0 && v.warning === 0) return '✅';
  const parts = [];
  if (v.error) parts.push(plural(v.error, 'error'));
  if (v.warning) parts.push(plural(v.warning, 'warning'));
  return `${parts.join(', ')}${s.counted ? '' : ' (not counted)'}`;
}

function tableRow(s: SpecHealth, report: SpecHealthReport, options: SpecHealthRenderOptions): string {
  const name = `${fileRef(s.path, undefined, report, options)}<br>${tableCell(clip(specName(s), 100))}`;
  return `| ${WORST_ICON[s.worst]} | ${name} | ${tableCell(s.status ?? '—')} | ${tableCell(driftLabel(s.drift))} | ${testsCell(s)} | ${validationCell(s)} |`;
}

function headOf(report: SpecHealthReport, options: SpecHealthRenderOptions, marker: boolean): string {
  const v = report.verdict;
  const attention = report.specs.filter(needsSection);
  const lines: string[] = [];
  if (marker) lines.push(SPEC_HEALTH_MARKER);
  const headline =
    v.health === 'healthy'
      ? `All ${plural(report.specs.length, 'spec')} healthy`
      : `${formatCount(attention.length)} of ${plural(report.specs.length, 'spec')} need${attention.length === 1 ? 's' : ''} attention`;
  lines.push(`## ${HEALTH_ICON[v.health]} Spec health: ${headline}`, '');
  const notices = (options.notices ?? []).filter((n) => n.trim() !== '');
  if (notices.length > 0) {
    lines.push('> [!WARNING]');
    for (const n of notices) lines.push(`> ${escapeInline(oneLine(n))}`);
    lines.push('');
  }
  const t = report.traceability;
  const facts: string[] = [];
  if (report.commit) facts.push(`Re-validated ${codeSpan(report.commit.slice(0, 7))}${report.ref ? ` on ${codeSpan(report.ref.replace(/^refs\/heads\//, ''))}` : ''}`);
  facts.push(`${formatCount(t.tested)} of ${plural(t.needingTests, 'requirement')} tested (${plural(t.testFunctions, 'test function')} in ${plural(t.testFiles, 'test file')})`);
  facts.push(report.lock.present ? `lock file ${codeSpan(report.lock.path)}: ${plural(report.lock.entries, 'entry', 'entries')}` : `no lock file (${codeSpan(report.lock.path)})`);
  const c = v.counts;
  facts.push(`${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'note')}: ${v.fails ? `**fails** (fail-on: ${v.failOn})` : `passes (fail-on: ${v.failOn})`}`);
  lines.push(facts.join(' · '), '');
  const links: string[] = [];
  const issue = safeUrl(options.issueUrl);
  const check = safeUrl(options.checkRunUrl);
  if (issue) links.push(`[Spec health issue](${issue})`);
  if (check) links.push(`[check run](${check})`);
  if (links.length > 0) lines.push(links.join(' · '), '');

  if (report.specs.length > 0) {
    lines.push('| | Spec | Status | Drift | Tests | Validation |', '|---|---|---|---|---|---|');
    const shown = attention.length > 0 ? attention : [];
    for (const s of shown) lines.push(tableRow(s, report, options));
    const rest = report.specs.length - shown.length;
    if (rest > 0) lines.push(`| ✅ | ${plural(rest, 'more spec')}: nothing to do | | | | |`);
  } else {
    lines.push('No spec documents were found (see `specs.include` in the configuration).');
  }
  return lines.join('\n').replace(/\n+$/, '');
}

function requirementItem(r: RequirementTrace, s: SpecHealth, report: SpecHealthReport, options: SpecHealthRenderOptions): string {
  const planned = s.plannedBy[r.canonicalId] ?? [];
  const plan = planned.length > 0 ? ` — planned: ${planned.slice(0, 5).map(escapeInline).join(', ')} (open)` : '';
  return `  - **${escapeInline(r.id)}** ${fileRef(r.file ?? s.path, r.line, report, options, `line ${r.line}`)}: ${escapeInline(clip(r.text, REQUIREMENT_TEXT_CHARS))}${plan}`;
}

function staleItem(s: StaleFinding, report: SpecHealthReport, options: SpecHealthRenderOptions): string {
  const c = s.citation;
  const why =
    s.removedFrom.length > 0
      ? `removed from ${s.removedFrom.map((p) => codeSpan(p)).join(', ')} since it was implemented`
      : s.reason === 'inactive'
        ? `defined only by inactive ${s.definedIn.map((p) => codeSpan(p)).join(', ')}`
        : /:/.test(c.canonicalId)
          ? 'defined by no spec'
          : 'not a requirement id';
  return `- ${fileRef(c.path, c.line, report, options)}${c.test ? ` ${codeSpan(c.test)}` : ''} cites **${escapeInline(clip(c.id, 60))}**: ${why}`;
}

function driftFinding(s: SpecHealth): Diagnostic | undefined {
  return s.findings.find((f) => f.source === 'revalidate' && f.rule.startsWith('drift.'));
}

/**
 * "What to do" under a finding, once per rule in a body: the fourth never-implemented
 * spec needs no fourth copy of the same advice. The advice is the rule registry's own
 * Markdown (src/pipeline/revalidate/rules.ts), not text from a spec.
 */
function whatToDo(finding: Diagnostic, shown: Set<string>): string[] {
  if (!finding.hint || shown.has(finding.rule)) return [];
  shown.add(finding.rule);
  return [`  - **What to do:** ${clip(finding.hint, 600).replace(/</g, '&lt;')}`];
}

function specSection(s: SpecHealth, report: SpecHealthReport, options: SpecHealthRenderOptions, shownHints: Set<string>): string {
  const lines: string[] = [];
  lines.push(`### ${WORST_ICON[s.worst]} ${escapeInline(clip(specName(s), 160))}`, '');
  const facts = [fileRef(s.path, undefined, report, options), s.type ? escapeInline(s.type) : 'type unknown', `status ${escapeInline(s.status ?? 'unknown')}`];
  lines.push(facts.join(' · '), '');
  const drift = driftFinding(s);
  lines.push(`- **Drift:** ${escapeInline(driftLabel(s.drift))}${drift ? `. ${escapeInline(clip(drift.message, 600))}` : ''}`);
  if (drift?.hint && drift.severity !== 'info') lines.push(...whatToDo(drift, shownHints));
  const d = s.drift;
  if (d.state === 'changed' || d.state === 'edited') {
    const changes = [...d.added.map((c) => ['added', c] as const), ...d.changed.map((c) => ['reworded', c] as const), ...d.removed.map((c) => ['removed', c] as const)];
    for (const [kind, c] of changes.slice(0, 30)) {
      const where = c.line ? ` ${fileRef(s.path, c.line, report, options, `line ${c.line}`)}` : '';
      lines.push(`  - ${escapeInline(c.id)} ${kind}${where}${c.proposedBy ? ` (from ${escapeInline(c.proposedBy.id ?? c.proposedBy.path)})` : ''}`);
    }
    if (changes.length > 30) lines.push(`  - …and ${formatCount(changes.length - 30)} more`);
  }
  if (s.trace.untested.length > 0) {
    const counted = ['implemented', 'changed', 'edited', 'untracked'].includes(d.state);
    lines.push(`- **Untested requirements${counted ? '' : ' (expected until it is implemented)'}:** ${s.trace.untested.map((r) => escapeInline(r.id)).join(', ')}`);
    for (const r of s.trace.untested.slice(0, 50)) lines.push(requirementItem(r, s, report, options));
    if (s.trace.untested.length > 50) lines.push(`  - …and ${formatCount(s.trace.untested.length - 50)} more`);
    const untested = s.findings.find((f) => f.rule === 'trace.untested');
    if (counted && untested?.hint) lines.push(...whatToDo(untested, shownHints));
  }
  if (s.stale.length > 0) {
    lines.push(`- **Tests citing requirements removed from this spec:**`);
    for (const st of s.stale.slice(0, 30)) lines.push(`  ${staleItem(st, report, options)}`);
    if (s.stale.length > 30) lines.push(`  - …and ${formatCount(s.stale.length - 30)} more`);
  }
  const validation = orderByImportance(s.findings.filter((f) => f.source !== 'revalidate' && f.severity !== 'info'));
  if (validation.length > 0) {
    lines.push(`- **Validation${s.counted ? '' : ' (not counted while the spec is not approved)'}:**`);
    for (const f of validation.slice(0, VALIDATION_ITEMS)) lines.push(`  ${findingListItem(f)}`);
    if (validation.length > VALIDATION_ITEMS) lines.push(`  - …and ${formatCount(validation.length - VALIDATION_ITEMS)} more (run \`spec-automation validate\`)`);
  }
  return lines.join('\n');
}

function repositorySections(report: SpecHealthReport, options: SpecHealthRenderOptions): string[] {
  const sections: string[] = [];
  const unattributed = report.stale.filter((s) => s.removedFrom.length === 0 && !s.inCode);
  if (unattributed.length > 0) {
    const lines = [`### ⚠️ Stale test citations (${formatCount(unattributed.length)})`, '', 'Tests that cite a requirement no active spec defines: point them at the requirement they check now, or delete them.', ''];
    for (const s of unattributed.slice(0, 200)) lines.push(staleItem(s, report, options));
    if (unattributed.length > 200) lines.push(`- …and ${formatCount(unattributed.length - 200)} more (run \`spec-automation status --format json\`)`);
    sections.push(lines.join('\n'));
  }
  if (report.orphaned.length > 0) {
    const lines = [`### ⚠️ Lock entries without a spec (${formatCount(report.orphaned.length)})`, ''];
    for (const o of report.orphaned) {
      const why = o.reason === 'moved' ? `moved to ${codeSpan(o.movedTo ?? '')}: record it there` : o.reason === 'not-a-spec' ? 'no longer validated as a spec' : 'deleted';
      lines.push(`- ${fileRef(report.lock.path, o.line, report, options, `${o.entry.path}`)}${o.entry.id ? ` (${escapeInline(o.entry.id)})` : ''}, implemented in ${escapeInline(implementedBy(o.entry))}: ${why}`);
    }
    lines.push('', 'Delete these entries from the lock file (or restore the specs).');
    sections.push(lines.join('\n'));
  }
  // What belongs to no spec and has no section of its own: the lock file, settings, unreadable files.
  const inSpecs = new Set(report.specs.flatMap((s) => s.findings.map((f) => f.fingerprint)));
  const repoFindings = report.findings.filter((f) => f.severity !== 'info' && !inSpecs.has(f.fingerprint) && !f.rule.startsWith('trace.stale') && f.rule !== 'drift.orphaned');
  if (repoFindings.length > 0) {
    const lines = [`### ❌ Repository`, ''];
    for (const f of orderByImportance(repoFindings).slice(0, 50)) lines.push(findingListItem(f));
    sections.push(lines.join('\n'));
  }
  return sections;
}

function footer(options: SpecHealthRenderOptions, issue: boolean): string {
  const run = safeUrl(options.runUrl);
  const what = issue ? 'This issue is updated in place by the scheduled re-validation (spec-automation revalidate) and closes itself when every spec is healthy; edits to it are overwritten.' : 'spec-automation revalidate.';
  return `\n\n---\n<sub>${escapeInline(what)}${run ? ` [Workflow run](${run}).` : ''}</sub>`;
}

function render(report: SpecHealthReport, options: SpecHealthRenderOptions, limit: TextLimit, issue: boolean): string {
  const shownHints = new Set<string>();
  const items = [...report.specs.filter(needsSection).map((s) => specSection(s, report, options, shownHints)), ...repositorySections(report, options)];
  const end = footer(options, issue);
  return composeWithinLimit({
    head: headOf(report, options, issue),
    items,
    separator: '\n\n',
    tail: (shown, total) => (shown < total ? `\n\n_Showing ${formatCount(shown)} of ${formatCount(total)} sections, most important first; run \`spec-automation status\` for all of them._${end}` : end),
    limit,
  }).text;
}

/** The body of the Spec health issue (≤ 65,535 characters and bytes). */
export function renderSpecHealthIssue(report: SpecHealthReport, options: SpecHealthRenderOptions = {}): string {
  return render(report, options, options.limit ?? COMMENT_BODY_LIMIT, true);
}

/** The job summary of a re-validation (≤ 1 MiB). */
export function renderSpecHealthSummary(report: SpecHealthReport, options: SpecHealthRenderOptions = {}): string {
  return render(report, options, options.limit ?? JOB_SUMMARY_LIMIT, false);
}

/** Drift states worth counting in the check run's title. */
const TITLE_WORDS: Partial<Record<SpecDrift['state'], string>> = {
  changed: 'changed since implemented',
  superseded: 'implemented from a superseded version',
  'change-pending': 'change proposal not applied',
  'never-implemented': 'never implemented',
};

/** One line: `Spec health: 2 of 4 specs need attention (1 change proposal not applied, 7 untested requirements)`. */
export function specHealthTitle(report: SpecHealthReport): string {
  const attention = report.specs.filter(needsSection).length;
  if (report.verdict.health === 'healthy') return `Spec health: all ${plural(report.specs.length, 'spec')} healthy`;
  const states = new Map<string, number>();
  for (const s of report.specs) {
    const word = TITLE_WORDS[s.drift.state];
    if (word && needsSection(s)) states.set(word, (states.get(word) ?? 0) + 1);
  }
  const parts = [...states].map(([word, n]) => `${formatCount(n)} ${word}`);
  const untested = report.specs.filter((s) => s.counted).reduce((n, s) => n + s.findings.filter((f) => f.rule === 'trace.untested').length, 0);
  if (untested > 0) parts.push(plural(untested, 'untested requirement'));
  const stale = report.stale.filter((s) => !s.inCode).length;
  if (stale > 0) parts.push(plural(stale, 'stale citation'));
  if (report.verdict.counts.error > 0) parts.push(plural(report.verdict.counts.error, 'error'));
  const title = `Spec health: ${formatCount(attention)} of ${plural(report.specs.length, 'spec')} need${attention === 1 ? 's' : ''} attention${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  return truncatePlain(title, { maxBytes: 1024, maxChars: 255 });
}

/** `success` when healthy, `failure` when the verdict fails, `neutral` for findings below the fail level. */
export function revalidateConclusion(report: SpecHealthReport): CheckConclusion {
  if (report.verdict.fails) return 'failure';
  return report.verdict.health === 'healthy' ? 'success' : 'neutral';
}

/**
 * The check run "spec-automation / revalidate" on the re-validated commit: the report as
 * its summary, every counted finding with a file as an annotation (most important
 * first, at most `maxAnnotations`).
 */
export function renderSpecHealthCheckRun(report: SpecHealthReport, options: SpecHealthRenderOptions & { maxAnnotations?: number } = {}): CheckRunPlan {
  const { annotations, dropped, unanchored } = planAnnotations(orderByImportance(report.findings), options.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS);
  return {
    name: checkRunName(REVALIDATE_GATE),
    gate: REVALIDATE_GATE,
    conclusion: revalidateConclusion(report),
    output: { title: specHealthTitle(report), summary: render(report, options, options.limit ?? CHECK_RUN_TEXT_LIMIT, false) },
    annotations,
    annotationsDropped: dropped,
    unanchored,
  };
}
