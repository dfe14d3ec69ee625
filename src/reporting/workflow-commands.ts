/**
 * `Diagnostic[]` as GitHub Actions workflow commands
 * (`::error file=…,line=…,col=…,endLine=…,title=…::message`), escaped exactly as
 * actions/toolkit's `command.ts` does. Used by `validate --format github` and by the
 * action's fork fallback, where the token cannot create check runs.
 *
 * GitHub shows at most 10 errors, 10 warnings and 10 notices per step as annotations
 * (50 per job); the rest only appear in the log.
 */
import type { Diagnostic, Severity } from '../pipeline/diagnostic.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Message escaping of actions/toolkit (`escapeData`): `%`, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property escaping of actions/toolkit (`escapeProperty`): also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command for one diagnostic. Properties follow the toolkit's
 * `toCommandProperties` names: file, line, endLine, col, endColumn, title.
 */
export function workflowCommand(d: Diagnostic): string {
  const props: Array<[string, string]> = [];
  if (d.path) {
    props.push(['file', d.path]);
    props.push(['line', String(Math.max(1, d.range.start.line))]);
    if (d.range.start.column !== undefined) props.push(['col', String(d.range.start.column)]);
    if (d.range.end) {
      props.push(['endLine', String(d.range.end.line)]);
      if (d.range.end.column !== undefined && d.range.start.column !== undefined) props.push(['endColumn', String(d.range.end.column)]);
    }
  }
  props.push(['title', `${d.source}: ${d.rule}`]);
  const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
  const properties = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${COMMAND[d.severity]} ${properties}::${escapeData(message)}`;
}

/** All diagnostics as workflow commands, one per line, most severe first. */
export function renderWorkflowCommands(diagnostics: readonly Diagnostic[]): string {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sorted = [...diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity] || a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line);
  return sorted.map((d) => `${workflowCommand(d)}\n`).join('');
}

/**
 * Whether the runner could read `text` as a workflow command: a line that starts with
 * `::` (after leading whitespace, as the runner trims it) or holds the old `##[` form.
 */
export function couldBeCommand(text: string): boolean {
  return text.split(/\r?\n|\r/).some((line) => line.trimStart().startsWith('::') || line.includes('##['));
}

/**
 * Untrusted text for the runner log: as it is when no line could be a command, else
 * between `::stop-commands::<token>` and `::<token>::`, which the runner prints without
 * processing anything in between. The token must be unguessable (random per block), or
 * the text could end the block itself; a text that contains it is refused.
 */
export function inertLogText(text: string, token: string): string {
  if (!couldBeCommand(text)) return text;
  if (token.length < 16 || text.includes(token)) throw new Error('inertLogText: the stop-commands token must be random and absent from the text');
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}
