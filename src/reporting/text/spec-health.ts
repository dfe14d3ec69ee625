/**
 * `spec-automation status` in a terminal: the Spec health report as text, one block per
 * spec that needs attention (most important first), a line per healthy one, then stale
 * citations, orphaned lock entries and the verdict. Colour only when asked; text from
 * specs and tests is sanitized so it cannot drive the terminal.
 */
import type { SpecHealth, SpecHealthReport, StaleFinding } from '../../pipeline/revalidate/index.js';
import { implementedBy } from '../../pipeline/revalidate/index.js';
import { driftLabel } from '../spec-health.js';
import { sanitizeForTerminal } from './diagnostics.js';
import { paint as paintText, type Colour } from './style.js';

export interface SpecHealthTextOptions {
  color?: boolean;
  /** Requirement ids listed per spec before "and N more". Default 20. */
  maxIds?: number;
}

type Style = Colour;

const MARK: Record<SpecHealth['worst'], { text: string; style: Style }> = {
  error: { text: '✖', style: 'red' },
  warning: { text: '⚠', style: 'yellow' },
  info: { text: 'ℹ', style: 'cyan' },
  ok: { text: '✔', style: 'green' },
};

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

function idList(ids: readonly string[], max: number): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

/** Text from specs, tests and the lock file, made harmless for a terminal. */
const safe = (text: string) => sanitizeForTerminal(text);

function staleLine(s: StaleFinding): string {
  const c = s.citation;
  const why = s.removedFrom.length > 0 ? `removed from ${s.removedFrom.join(', ')} since implemented` : s.reason === 'inactive' ? `defined only by inactive ${s.definedIn.join(', ')}` : /:/.test(c.canonicalId) ? 'defined by no spec' : 'not a requirement id';
  return safe(`${c.path}:${c.line}${c.test ? ` ${c.test}` : ''} cites ${clip(c.id, 60)} (${why})`);
}

/**
 * Renders the report for a terminal.
 * @param report the Spec health report
 */
export function renderSpecHealthText(report: SpecHealthReport, options: SpecHealthTextOptions = {}): string {
  const paint = (style: Style, text: string) => paintText(style, text, options.color ?? false);
  const maxIds = options.maxIds ?? 20;
  const v = report.verdict;
  const out: string[] = [];
  const t = report.traceability;
  const health = v.health === 'healthy' ? paint('green', 'healthy') : v.health === 'unhealthy' ? paint('red', 'unhealthy') : paint('yellow', 'needs attention');
  out.push(`${paint('bold', 'Spec health:')} ${health} — ${report.specs.length} spec${report.specs.length === 1 ? '' : 's'}, ${t.tested} of ${t.needingTests} requirements tested (${t.testFunctions} test functions in ${t.testFiles} files)`);
  out.push(safe(report.lock.present ? `Lock file ${report.lock.path}: ${report.lock.entries} entr${report.lock.entries === 1 ? 'y' : 'ies'}` : `No lock file (${report.lock.path})`));
  out.push('');

  for (const s of report.specs) {
    const mark = MARK[s.worst];
    const head = `${paint(mark.style, mark.text)} ${paint('bold', safe(s.path))}  ${safe(s.id ?? '—')}  ${s.status ?? 'no status'}`;
    out.push(head);
    out.push(`    drift: ${driftLabel(s.drift)}`);
    const driftFinding = s.findings.find((f) => f.source === 'revalidate' && f.rule.startsWith('drift.'));
    if (driftFinding && s.drift.state !== 'implemented') out.push(`      ${paint('dim', safe(clip(driftFinding.message, 300)))}`);
    const d = s.drift;
    const changes = [...d.added.map((c) => `${c.id} added`), ...d.changed.map((c) => `${c.id} reworded`), ...d.removed.map((c) => `${c.id} removed`)];
    if (changes.length > 0) out.push(`    changes: ${safe(idList(changes, maxIds))}`);
    const need = s.trace.requirements.filter((r) => r.needsTest).length;
    if (need > 0) out.push(`    tests: ${s.trace.tested} of ${need} requirements cited by a test`);
    if (s.trace.untested.length > 0) {
      out.push(`    untested: ${safe(idList(s.trace.untested.map((r) => `${r.id} (line ${r.line})`), maxIds))}`);
      const planned = s.trace.untested.filter((r) => s.plannedBy[r.canonicalId]).map((r) => `${r.id} by ${s.plannedBy[r.canonicalId]!.join(', ')}`);
      if (planned.length > 0) out.push(`      ${paint('dim', safe(`planned in open tasks: ${planned.join('; ')}`))}`);
    }
    for (const st of s.stale.slice(0, maxIds)) out.push(`    stale: ${staleLine(st)}`);
    const v2 = s.validation;
    if (v2.error > 0 || v2.warning > 0) out.push(`    validation: ${v2.error} error${v2.error === 1 ? '' : 's'}, ${v2.warning} warning${v2.warning === 1 ? '' : 's'}${s.counted ? '' : ' (not counted: not approved)'} — run spec-automation validate`);
  }
  if (report.specs.length === 0) out.push('No spec documents found.');

  const unattributed = report.stale.filter((s) => s.removedFrom.length === 0);
  if (unattributed.length > 0) {
    out.push('', paint('bold', `Stale citations (${unattributed.length}):`));
    for (const s of unattributed.slice(0, 100)) out.push(`  ${s.inCode ? 'code' : 'test'} ${staleLine(s)}`);
    if (unattributed.length > 100) out.push(`  …and ${unattributed.length - 100} more (--format json lists all)`);
  }
  if (report.orphaned.length > 0) {
    out.push('', paint('bold', `Lock entries without a spec (${report.orphaned.length}):`));
    for (const o of report.orphaned) out.push(safe(`  ${report.lock.path}:${o.line} ${o.entry.path} (${implementedBy(o.entry)}): ${o.reason === 'moved' ? `moved to ${o.movedTo}` : o.reason === 'not-a-spec' ? 'no longer a spec' : 'deleted'}`));
  }
  const repo = report.findings.filter((f) => f.rule.startsWith('lock.') || f.rule === 'trace.config');
  if (repo.length > 0) {
    out.push('', paint('bold', 'Repository:'));
    for (const f of repo) out.push(safe(`  ${f.severity} ${f.path ? `${f.path}:${f.range.start.line} ` : ''}${f.rule}: ${clip(f.message, 300)}`));
  }
  if (report.skipped.length > 0) out.push('', `${report.skipped.length} test or code file(s) not read (too large, binary or unreadable).`);

  const c = v.counts;
  const verdict = v.fails ? paint('red', `fails (fail-on: ${v.failOn})`) : `passes (fail-on: ${v.failOn})`;
  out.push('', `${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} note${c.info === 1 ? '' : 's'}: ${verdict}`);
  return `${out.join('\n')}\n`;
}
