/**
 * The state comment of a spec pull request: the hidden, versioned state block (the
 * truth the app reads back) above a live checklist people read at a glance (phase;
 * iteration and what comes next; the budget as a bar; each gate with its check run; the
 * last failure in two lines; one box per requirement, ticked when a passing test cites
 * it), then the details: the budget ledger with its numbers, every attempt with its gate outcome, what failed and what
 * was tried when a human is needed, the traceability table when the run is ready, and
 * the commands. One comment, edited in place.
 */
import { encodeState, STATE_MARKER } from '../pipeline/workflow/state-document.js';
import { phaseLabel, totalTokens, type Attempt, type GatesOutcome, type Ledger, type Phase, type WorkflowState } from '../pipeline/workflow/state.js';
import { codeSpan, escapeInline, oneLine, plural, tableCell } from './markdown.js';
import { costText } from './run-report.js';
import { COMMENT_BODY_LIMIT, byteLength, formatCount, shrink, truncateMarkdown } from './truncate.js';

export { STATE_MARKER };

/** One requirement of the spec and the tests that cite it. */
export interface TraceabilityRow {
  id: string;
  text: string;
  tests: string[];
}

/** One gate of the last results the run read, with its check run. */
export interface GateRow {
  name: string;
  status: 'passed' | 'failed' | 'error' | 'skipped' | 'cancelled';
  /** The check run's page. */
  url?: string;
}

export interface StateCommentInput {
  state: WorkflowState;
  /**
   * Requirement → tests at the head commit: the checklist (any phase) and, when the run
   * is ready, the traceability table.
   */
  traceability?: readonly TraceabilityRow[];
  /** Test ids (`path::name`) that failed in the last gate results, when known. */
  failingTests?: readonly string[];
  /** The gates of the last results the run read, for the per-gate status line. */
  gates?: readonly GateRow[];
  /** `https://github.com/<owner>/<repo>`, for commit links. */
  repoUrl?: string;
}

const PHASE_TEXT: Record<Phase, { icon: string; text: string }> = {
  developing: { icon: '🛠️', text: 'the agent is implementing the spec' },
  qa: { icon: '🔎', text: 'waiting for the gates' },
  fixing: { icon: '🔧', text: 'the agent is fixing what the gates found' },
  ready: { icon: '✅', text: 'the gates pass; ready for review' },
  'needs-human': { icon: '🙋', text: 'a human is needed' },
  failed: { icon: '💥', text: 'the run failed' },
  cancelled: { icon: '⏹️', text: 'cancelled' },
};

/**
 * Prose from outside (agent summaries, tool messages, reasons quoting them) on one line:
 * no HTML, no @mentions, no links, no headings; backticks stay so `commands` still read
 * as code.
 */
export function safeProse(text: string, max = 500): string {
  const flat = oneLine(text);
  const clipped = flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
  // Code spans render their text as it is (no HTML, links or mentions there): keep them.
  return clipped
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/[[\]]/g, '\\$&').replace(/@(?=[A-Za-z0-9])/g, '@\u200b')))
    .join('');
}

function shortSha(sha: string | undefined): string {
  return sha ? sha.slice(0, 7) : '';
}

function commitRef(sha: string | undefined, repoUrl: string | undefined): string {
  if (!sha) return '—';
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return codeSpan(shortSha(sha));
  return repoUrl ? `[\`${shortSha(sha)}\`](${repoUrl}/commit/${sha})` : codeSpan(shortSha(sha));
}

function money(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

/** Dollars to the cent, or "cost unknown" where a model without a price ran. */
const cost = (l: Pick<Ledger, 'costUsd' | 'unpricedTurns'>): string => costText(l, money);

/**
 * What a run spent against its budget, for one-line replies: `$1.20 of $20.00`, or, where a
 * model without a price ran, `cost unknown (12,345 of 2,000,000 tokens)`, never `$0.00`.
 */
export function spentOfBudget(ledger: Ledger, budget: WorkflowState['budget']): string {
  if (!ledger.unpricedTurns) return `${money(ledger.costUsd)} of ${money(budget.costUsd)}`;
  return `${cost(ledger)} (${formatCount(totalTokens(ledger))} of ${formatCount(budget.tokens)} tokens)`;
}

/** `❌ failure: pytest, ruff · 2 failing tests · 3 errors`. */
export function describeGates(outcome: GatesOutcome | undefined): string {
  if (!outcome) return '—';
  const icon = outcome.conclusion === 'success' ? '✅' : outcome.conclusion === 'error' ? '💥' : '❌';
  const parts = [`${icon} ${outcome.conclusion}${outcome.failed.length > 0 ? `: ${outcome.failed.map((g) => tableCell(g)).join(', ')}` : ''}`];
  if (outcome.failedTests) parts.push(plural(outcome.failedTests, 'failing test'));
  if (outcome.errors) parts.push(plural(outcome.errors, 'error'));
  if (outcome.warnings) parts.push(plural(outcome.warnings, 'warning'));
  return parts.join(' · ');
}

function ledgerTable(state: WorkflowState): string[] {
  const { ledger, budget } = state;
  return [
    '| Budget | Spent | Limit |',
    '|---|--:|--:|',
    `| Agent turns | ${formatCount(ledger.turns)} | ${formatCount(budget.turns)} |`,
    `| Tokens | ${formatCount(totalTokens(ledger))} | ${formatCount(budget.tokens)} |`,
    ledger.unpricedTurns ? `| Cost | ${cost(ledger)} | not measured: the model has no price |` : `| Cost | ${money(ledger.costUsd)} | ${money(budget.costUsd)} |`,
    `| Fix iterations | ${formatCount(state.iteration)} | ${formatCount(budget.maxIterations)} |`,
    '',
    `<sub>Tokens: ${formatCount(ledger.inputTokens)} input, ${formatCount(ledger.outputTokens)} output, ${formatCount(ledger.cacheWriteTokens)} cache writes, ${formatCount(ledger.cacheReadTokens)} cache reads.</sub>`,
  ];
}

function historyTable(attempts: readonly Attempt[], repoUrl: string | undefined): string[] {
  if (attempts.length === 0) return [];
  const rows = attempts.map((a) => {
    const agent = a.stopReason ? tableCell(a.stopReason) : a.finishedAt ? '—' : 'running';
    return `| ${a.iteration} | ${a.mode} | ${tableCell(a.startedAt.replace(/\.\d{3}Z$/, 'Z'))} | ${agent} | ${commitRef(a.commitSha, repoUrl)} | ${formatCount(a.changedFiles)} | ${cost(a.spent)} | ${describeGates(a.gates)} |`;
  });
  return ['#### History', '', '| # | Mode | Started | Agent | Commit | Files | Cost | Gates |', '|--:|---|---|---|---|--:|--:|---|', ...rows];
}

function failedSection(state: WorkflowState): string[] {
  const lines = ['#### What failed', '', safeProse(state.reason ?? 'No reason was recorded.', 2000)];
  const gates = lastGates(state);
  if (gates && gates.conclusion !== 'success') {
    lines.push('', `Last gate results on ${codeSpan(shortSha(gates.headSha))}: ${describeGates(gates)}`);
    for (const e of gates.toolErrors.slice(0, 10)) lines.push(`- ${safeProse(e, 300)}`);
  }
  const tried = state.attempts.filter((a) => a.summary || a.stopReason);
  if (tried.length > 0) {
    lines.push('', '#### What was tried', '');
    for (const a of tried) {
      const what = a.summary ? safeProse(a.summary, 600) : `stopped: ${safeProse(a.stopReason ?? '', 200)}`;
      lines.push(`- Iteration ${a.iteration} (${a.mode}): ${what}`);
    }
  }
  return lines;
}

function traceabilitySection(rows: readonly TraceabilityRow[]): string[] {
  if (rows.length === 0) return [];
  const covered = rows.filter((r) => r.tests.length > 0).length;
  const lines = ['#### Traceability', '', `${covered} of ${plural(rows.length, 'requirement')} cited by a test.`, '', '| Requirement | Tests |', '|---|---|'];
  for (const r of rows) {
    const tests = r.tests.length > 0 ? r.tests.slice(0, 5).map((t) => codeSpan(t)).join('<br>') + (r.tests.length > 5 ? ` (+${r.tests.length - 5})` : '') : '⚠️ no test cites it';
    const text = r.text ? ` ${tableCell(r.text.length > 120 ? `${r.text.slice(0, 119)}…` : r.text)}` : '';
    lines.push(`| **${tableCell(r.id)}**${text} | ${tests} |`);
  }
  return lines;
}

/** `▓▓▓░░`: `share` (0…1, more is shown full) in `cells` cells, rounded to the nearest cell. */
export function budgetBar(share: number, cells = 5): string {
  const filled = Math.min(cells, Math.max(0, Math.round((Number.isFinite(share) ? share : 0) * cells)));
  return '▓'.repeat(filled) + '░'.repeat(cells - filled);
}

/** `▓▓▓░░ 62% of $20`: the cost budget used (the limit people set in dollars). */
export function budgetLine(state: WorkflowState): string {
  if (state.ledger.unpricedTurns) {
    // No price, no dollars: the token budget is the one that holds.
    const share = state.budget.tokens > 0 ? totalTokens(state.ledger) / state.budget.tokens : 0;
    return `\`${budgetBar(share)}\` ${Math.floor(share * 100)}% of ${formatCount(state.budget.tokens)} tokens (${formatCount(totalTokens(state.ledger))} spent; cost unknown: the model has no price)`;
  }
  const share = state.budget.costUsd > 0 ? state.ledger.costUsd / state.budget.costUsd : 0;
  const limit = Number.isInteger(state.budget.costUsd) ? `$${state.budget.costUsd}` : money(state.budget.costUsd);
  return `\`${budgetBar(share)}\` ${Math.floor(share * 100)}% of ${limit} (${money(state.ledger.costUsd)} spent)`;
}

/** The latest gate results of the run, if any. */
function lastGates(state: WorkflowState): GatesOutcome | undefined {
  return [...state.attempts].reverse().find((a) => a.gates)?.gates;
}

/** What the run does next, and why, in a few words. */
export function nextStep(state: WorkflowState): string {
  const gates = lastGates(state);
  switch (state.phase) {
    case 'developing':
      return state.iteration === 0 ? 'the agent implements the spec, then the gates run' : 'the agent works on this iteration, then the gates run';
    case 'qa':
      return `the gates run on ${codeSpan(shortSha(state.headSha))}; their results decide: ready, a fix, or a human`;
    case 'fixing':
      return gates && gates.failed.length > 0 ? `the agent fixes what ${gates.failed.map((g) => tableCell(g)).join(', ')} found` : 'the agent fixes what the gates found';
    case 'ready':
      return 'nothing: the gates pass; a person reviews and merges';
    case 'needs-human':
    case 'failed':
    case 'cancelled':
      return `waiting for a person (${'`/spec retry`'} resumes)${state.reason ? `: ${safeProse(state.reason, 200)}` : ''}`;
  }
}

/** The last failure in two lines: which gates and how, then the first reason given. */
export function lastFailure(state: WorkflowState): [string, string] | undefined {
  const gates = lastGates(state);
  const failedGates = gates && gates.conclusion !== 'success' ? gates : undefined;
  const stopped = state.phase === 'needs-human' || state.phase === 'failed' ? state.reason : undefined;
  if (!failedGates && !stopped) return undefined;
  const first = failedGates ? `${describeGates(failedGates)} on ${codeSpan(shortSha(failedGates.headSha))}` : `💥 ${state.phase}`;
  const second = failedGates?.toolErrors[0] ?? stopped ?? (failedGates ? `${plural(failedGates.failedTests, 'failing test')}, ${plural(failedGates.errors, 'error')}: see the gates' check runs` : '');
  return [first, safeProse(second, 300)];
}

const GATE_ICON: Record<GateRow['status'], string> = { passed: '✅', failed: '❌', error: '💥', skipped: '⏭️', cancelled: '⏹️' };

function gatesLine(gates: readonly GateRow[]): string {
  return gates
    .map((g) => {
      const name = tableCell(g.name);
      const linked = g.url && /^https:\/\/[^\s)]+$/.test(g.url) ? `[${name}](${g.url})` : name;
      return `${GATE_ICON[g.status]} ${linked} ${g.status}`;
    })
    .join(' · ');
}

/**
 * A requirement is ticked when a test that cites it passed in the last gate results:
 * results exist for a commit, none of its citing tests is among the failing ones, and
 * (when the failing ones are not known one by one) no test failed at all.
 */
export function requirementDone(row: TraceabilityRow, gates: GatesOutcome | undefined, failingTests: readonly string[] | undefined): boolean {
  if (row.tests.length === 0 || !gates || gates.conclusion === 'error') return false;
  if (failingTests) {
    const failing = new Set(failingTests);
    return row.tests.some((t) => !failing.has(t));
  }
  return gates.failedTests === 0;
}

function checklistSection(rows: readonly TraceabilityRow[], state: WorkflowState, failingTests: readonly string[] | undefined): string[] {
  if (rows.length === 0) return [];
  const gates = lastGates(state);
  const done = rows.filter((r) => requirementDone(r, gates, failingTests)).length;
  const lines = ['#### Requirements', '', `${done} of ${plural(rows.length, 'requirement')} done (a passing test cites it).`, ''];
  for (const r of rows.slice(0, 200)) {
    const text = r.text ? ` ${escapeInline(oneLine(r.text.length > 120 ? `${r.text.slice(0, 119)}…` : r.text))}` : '';
    const why = r.tests.length === 0 ? 'no test cites it' : !gates ? `${plural(r.tests.length, 'test')}, not run yet` : requirementDone(r, gates, failingTests) ? codeSpan(r.tests[0]!) : 'its tests fail';
    lines.push(`- [${requirementDone(r, gates, failingTests) ? 'x' : ' '}] **${escapeInline(r.id)}**${text} · ${why}`);
  }
  if (rows.length > 200) lines.push(`- … and ${rows.length - 200} more`);
  return lines;
}

/** The commands, as the state comment and `/spec help` list them. */
export function commandsHelp(): string[] {
  return [
    '| Command | What it does |',
    '|---|---|',
    '| `/spec status` | Replies with the phase, iteration and budget. |',
    '| `/spec retry` or `/spec retry dev` | Runs the agent again (a fix iteration when gate failures are on record, else the implementation). |',
    '| `/spec retry qa` | Re-runs the gates workflow on the head commit. |',
    '| `/spec retry validate` | Re-reads the spec from the base branch, validates it and restarts the run. |',
    '| `/spec cancel` | Stops the run (the agent stops after its current iteration). |',
    '| `/spec help` | Lists these commands. |',
    '',
    'Commands are read at the start of a comment, from people with write, maintain or admin permission. Admins may raise the budget: `/spec retry dev --budget 30` (USD), `--turns 120`, `--tokens 6000000`, `--iterations 5`.',
  ];
}

/**
 * The whole comment body: state block first (never cut), then the summary cut to fit
 * GitHub's 65,536-character limit.
 */
export function renderStateComment(input: StateCommentInput): string {
  const { state } = input;
  const block = encodeState(state);
  const phase = PHASE_TEXT[state.phase];
  const title = state.spec.title || state.spec.id;
  const lines: string[] = [
    `### ${phase.icon} spec-automation: ${escapeInline(oneLine(title))}`,
    '',
    `**Phase:** ${codeSpan(phaseLabel(state.phase))}: ${phase.text}${state.phase === 'qa' && state.headSha ? ` on ${commitRef(state.headSha, input.repoUrl)}` : ''}`,
    `**Spec:** ${codeSpan(state.spec.path)} (${state.spec.type}, id ${codeSpan(state.spec.id)}) at ${commitRef(state.baseSha, input.repoUrl)} · **Branch:** ${codeSpan(state.branch)}`,
    `**Iteration:** ${state.iteration === 0 ? `implementation (then up to ${state.budget.maxIterations} fixes)` : `fix ${state.iteration} of ${state.budget.maxIterations}`} · **Next:** ${nextStep(state)}`,
    `**Budget:** ${budgetLine(state)}`,
  ];
  if (input.gates && input.gates.length > 0) lines.push(`**Gates:** ${gatesLine(input.gates)}`);
  const failure = lastFailure(state);
  if (failure) lines.push(`**Last failure:** ${failure[0]}<br>${failure[1]}`);
  if (state.reason && state.phase !== 'needs-human' && state.phase !== 'failed') lines.push(`**Note:** ${safeProse(state.reason, 1000)}`);
  if (input.traceability) lines.push('', ...checklistSection(input.traceability, state, input.failingTests));
  lines.push('', ...ledgerTable(state), '');
  if (state.phase === 'needs-human' || state.phase === 'failed') lines.push(...failedSection(state), '');
  if (state.phase === 'ready' && input.traceability) lines.push(...traceabilitySection(input.traceability), '');
  lines.push(...historyTable(state.attempts, input.repoUrl), '');
  lines.push('<details><summary>Commands</summary>', '', ...commandsHelp(), '', '</details>', '');
  lines.push(`<sub>Updated ${escapeInline(state.updatedAt)}. The block above this summary is the run's state: the app reads it back, so please do not edit this comment.</sub>`);
  const summary = lines.join('\n');
  const room = shrink(COMMENT_BODY_LIMIT, byteLength(block) + 2);
  return `${block}\n\n${truncateMarkdown(summary, room)}`;
}
