/**
 * The final report of a local run (`spec-automation run`), as Markdown (the file under
 * `.spec-automation/reports/`) and as terminal text: how it ended and why, every
 * iteration with its agent outcome, commit and gate outcome, tokens (cache reads and
 * writes included) and cost, and requirement → test coverage. Pure: data in, text out.
 */
import type { GatesRun, GateStatus } from '../pipeline/gate-result.js';
import type { Attempt, Ledger, WorkflowState } from '../pipeline/workflow/state.js';
import { formatDuration, formatFindings, formatTests } from './text/gates.js';
import { paint as paintText, type Colour } from './text/style.js';
import { formatCount } from '../pipeline/format-count.js';

/** One gate of one iteration, in a few words. */
export interface GateSummary {
  gate: string;
  status: GateStatus;
  /** `1 failed, 23 passed`, `3 errors`, or why the tool could not run. */
  detail: string;
  fromCache?: boolean;
}

/** The gates that judged one commit. */
export interface GateHistoryEntry {
  /** 0 is the implementation. */
  iteration: number;
  headSha: string;
  durationMs: number;
  gates: GateSummary[];
}

/** One run_gates call of the agent (the local loop's self-check). */
export interface SelfCheckEntry {
  /** 0 is the implementation. */
  iteration: number;
  /** `pytest tests/test_x.py::test_y`, or the gates by name. */
  what: string;
  conclusion: GatesRun['conclusion'];
  durationMs: number;
  gates: GateSummary[];
}

export interface CoverageRow {
  id: string;
  text?: string;
  tests: { path: string; line: number; test?: string; changed: boolean }[];
}

export interface RunCoverage {
  requirements: CoverageRow[];
  /** Requirement ids cited in files the run changed that this spec does not list. */
  otherCitations: string[];
  scannedFiles: number;
}

/** How this invocation ended: a workflow phase, or stopped from outside. */
export type RunEnding = WorkflowState['phase'] | 'interrupted';

export interface RunReportInput {
  state: WorkflowState;
  ending: RunEnding;
  gateHistory: readonly GateHistoryEntry[];
  /** The agent's run_gates calls (the local loop). */
  selfChecks?: readonly SelfCheckEntry[];
  coverage: RunCoverage;
  /** `live (claude-sonnet-4-6)`, `replay examples/demo/….jsonl`. */
  modelSource: string;
  /** Commits of the run, oldest first. */
  commits: readonly { sha: string; subject: string }[];
  /** The command that continues the run, when it can continue. */
  resumeCommand?: string;
  statePath?: string;
}

export interface TextStyle {
  color: boolean;
}

/** The gate summary of one commit's gate run. */
export function summarizeGates(iteration: number, headSha: string, run: Pick<GatesRun, 'durationMs' | 'gates'>): GateHistoryEntry {
  return {
    iteration,
    headSha,
    durationMs: run.durationMs,
    gates: run.gates.map((g) => {
      let detail: string;
      if (g.status === 'error') detail = g.error?.message.split('\n')[0] ?? 'tool error';
      else if (g.status === 'skipped' || g.status === 'cancelled') detail = g.status;
      else detail = [formatFindings(g), g.tests ? formatTests(g.tests) : ''].filter((p) => p !== '' && p !== '0').join('; ') || 'no findings';
      return { gate: g.gate, status: g.status, detail: detail.length > 160 ? `${detail.slice(0, 159)}…` : detail, ...(g.fromCache ? { fromCache: true } : {}) };
    }),
  };
}

const usd = (n: number) => `$${n.toFixed(n > 0 && n < 0.01 ? 4 : 2)}`;

/**
 * What a ledger cost: dollars, or "cost unknown" where a model without a price ran (its
 * calls are not in costUsd; the tokens are what is known). `dollars` formats the amount.
 */
export function costText(l: Pick<Ledger, 'costUsd' | 'unpricedTurns'>, dollars: (n: number) => string = usd): string {
  if (!l.unpricedTurns) return dollars(l.costUsd);
  return l.costUsd > 0 ? `${dollars(l.costUsd)} + cost unknown` : 'cost unknown';
}
const int = (n: number) => formatCount(Math.round(n));
const short = (sha: string | undefined) => (sha ? sha.slice(0, 7) : '—');

function tokensOf(l: Ledger): number {
  return l.inputTokens + l.outputTokens + l.cacheWriteTokens + l.cacheReadTokens;
}

/** Share of the prompt read from the cache. */
function cacheShare(l: Ledger): string {
  const prompt = l.inputTokens + l.cacheWriteTokens + l.cacheReadTokens;
  return prompt === 0 ? '—' : `${Math.round((100 * l.cacheReadTokens) / prompt)}%`;
}

const HEADLINE: Record<RunEnding, { md: string; text: string }> = {
  ready: { md: '✅ ready', text: 'READY' },
  'needs-human': { md: '⚠️ needs a human', text: 'NEEDS HUMAN' },
  failed: { md: '❌ failed', text: 'FAILED' },
  cancelled: { md: '⏹️ cancelled', text: 'CANCELLED' },
  interrupted: { md: '⏸️ interrupted', text: 'INTERRUPTED' },
  developing: { md: '… developing', text: 'DEVELOPING' },
  qa: { md: '… waiting for the gates', text: 'QA' },
  fixing: { md: '… fixing', text: 'FIXING' },
};

/** One sentence on how the run ended. */
export function endingSentence(input: Pick<RunReportInput, 'state' | 'ending'>): string {
  const { state, ending } = input;
  const iterations = state.attempts.length;
  const its = `${iterations} iteration${iterations === 1 ? '' : 's'}`;
  switch (ending) {
    case 'ready':
      return `All gates pass on ${short(state.headSha)} after ${its}.`;
    case 'interrupted':
      return `Stopped on request in phase ${state.phase} after ${its}; nothing is lost.`;
    case 'needs-human':
    case 'failed':
    case 'cancelled':
      return `Stopped after ${its}: ${state.reason ?? 'no reason recorded'}.`;
    default:
      return `In phase ${state.phase} after ${its}.`;
  }
}

function gatesCell(entry: GateHistoryEntry | undefined, attempt: Attempt): string {
  if (!entry) {
    if (attempt.gates) return attempt.gates.conclusion === 'success' ? 'passed' : `${attempt.gates.conclusion}: ${attempt.gates.failed.join(', ')}`;
    return attempt.commitSha ? 'not run' : '—';
  }
  const failing = entry.gates.filter((g) => g.status === 'failed' || g.status === 'error');
  if (failing.length === 0) return `all passed (${entry.gates.filter((g) => g.status === 'passed').map((g) => g.gate).join(', ') || 'none ran'})`;
  return failing.map((g) => `${g.gate} ${g.status}: ${g.detail}`).join('; ');
}

function historyFor(history: readonly GateHistoryEntry[], attempt: Attempt): GateHistoryEntry | undefined {
  if (!attempt.commitSha) return undefined;
  // The last gate run on the attempt's commit (a resumed run may have run them twice).
  return [...history].reverse().find((h) => h.headSha === attempt.commitSha);
}

const CONCLUSION_WORD: Record<GatesRun['conclusion'], string> = { success: 'passed', failure: 'failed', error: 'could not run' };

/** `2 run_gates calls (1 failed, 1 passed) in 4.1s`, for the calls of one iteration or of the run. */
export function selfCheckSummary(entries: readonly SelfCheckEntry[]): string {
  if (entries.length === 0) return 'no run_gates calls';
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(CONCLUSION_WORD[e.conclusion], (counts.get(CONCLUSION_WORD[e.conclusion]) ?? 0) + 1);
  const ms = entries.reduce((n, e) => n + e.durationMs, 0);
  return `${entries.length} run_gates call${entries.length === 1 ? '' : 's'} (${[...counts].map(([w, n]) => `${n} ${w}`).join(', ')}) in ${formatDuration(ms)}`;
}

function selfCheckVerdicts(entry: SelfCheckEntry): string {
  return entry.gates.map((g) => `${g.gate} ${g.status}${g.status === 'passed' || g.status === 'skipped' ? '' : `: ${g.detail}`}${g.fromCache ? ' (cached)' : ''}`).join('; ');
}

function mdEscape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function nextSteps(input: RunReportInput): string[] {
  const { state, ending } = input;
  const steps: string[] = [];
  if (ending === 'ready') {
    steps.push(`Review the branch \`${state.branch}\` (\`git log ${short(state.baseSha)}..${state.branch}\`), then push it and open a pull request.`);
  } else if (ending === 'interrupted' || ending === 'developing' || ending === 'qa' || ending === 'fixing') {
    if (input.resumeCommand) steps.push(`Continue where it stopped: \`${input.resumeCommand}\``);
  } else {
    steps.push(`Look at the last commit on \`${state.branch}\` and the failures above; fix by hand, or raise the budget (\`--max-iterations\`, \`agent.budgets\` in .github/spec-automation.yml) and continue with \`--resume\`${input.resumeCommand ? ` (\`${input.resumeCommand}\`)` : ''}.`);
  }
  const uncovered = input.coverage.requirements.filter((r) => r.tests.length === 0).map((r) => r.id);
  if (uncovered.length > 0) steps.push(`No test cites ${uncovered.join(', ')}: add tests marked with the requirement id.`);
  return steps;
}

/** The report as Markdown. */
export function renderRunReportMarkdown(input: RunReportInput): string {
  const { state } = input;
  const l = state.ledger;
  const lines: string[] = [];
  lines.push(`# spec-automation run: ${mdEscape(state.spec.id)}`, '');
  lines.push(`**Result: ${HEADLINE[input.ending].md}.** ${mdEscape(endingSentence(input))}`, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| Spec | \`${mdEscape(state.spec.path)}\` (${state.spec.type}): ${mdEscape(state.spec.title)} |`);
  lines.push(`| Branch | \`${mdEscape(state.branch)}\` from \`${short(state.baseSha)}\`, head \`${short(state.headSha)}\` |`);
  lines.push(`| Model | ${mdEscape(input.modelSource)} |`);
  lines.push(`| Iterations | ${state.attempts.length} of at most ${state.budget.maxIterations + 1} (1 implementation + ${state.budget.maxIterations} fixes) |`);
  lines.push(`| Turns | ${int(l.turns)} of ${int(state.budget.turns)} |`);
  lines.push(
    `| Tokens | ${int(tokensOf(l))} of ${int(state.budget.tokens)}: input ${int(l.inputTokens)}, output ${int(l.outputTokens)}, cache write ${int(l.cacheWriteTokens)}, cache read ${int(l.cacheReadTokens)} (${cacheShare(l)} of the prompt from the cache) |`,
  );
  lines.push(
    l.unpricedTurns
      ? `| Cost | ${costText(l)}: ${int(l.unpricedTurns)} model call${l.unpricedTurns === 1 ? '' : 's'} on a model without a price (agent.prices); the token budget holds: ${int(tokensOf(l))} of ${int(state.budget.tokens)} tokens |`
      : `| Cost | ${usd(l.costUsd)} of ${usd(state.budget.costUsd)} |`,
  );
  if (input.selfChecks && input.selfChecks.length > 0) lines.push(`| Self-checks | ${mdEscape(selfCheckSummary(input.selfChecks))}, each a turn |`);
  lines.push(`| Stop reason | ${mdEscape(input.ending === 'ready' ? 'all gates passed' : input.ending === 'interrupted' ? 'interrupted (Ctrl-C)' : (state.reason ?? state.phase))} |`);
  if (input.statePath) lines.push(`| State | \`${mdEscape(input.statePath)}\` |`);
  lines.push('');

  lines.push('## Iterations', '');
  lines.push('| # | Mode | Agent | Turns | Tokens (in / out / cache w / cache r) | Cost | Commit | Gates |', '|---|---|---|---|---|---|---|---|');
  for (const a of state.attempts) {
    const s = a.spent;
    lines.push(
      `| ${a.iteration + 1} | ${a.mode} | ${mdEscape(a.stopReason ?? 'running')} | ${int(s.turns)} | ${int(s.inputTokens)} / ${int(s.outputTokens)} / ${int(s.cacheWriteTokens)} / ${int(s.cacheReadTokens)} | ${costText(s)} | ${a.commitSha ? `\`${short(a.commitSha)}\`` : '—'} | ${mdEscape(gatesCell(historyFor(input.gateHistory, a), a))} |`,
    );
  }
  lines.push('');
  for (const a of state.attempts) {
    if (!a.summary) continue;
    lines.push(`**Iteration ${a.iteration + 1}** (${a.mode}): ${mdEscape(a.summary)}`, '');
  }

  if (input.gateHistory.length > 0) {
    lines.push('## Gates per commit', '');
    lines.push('| Iteration | Commit | Gate | Status | Outcome |', '|---|---|---|---|---|');
    for (const h of input.gateHistory) {
      for (const g of h.gates) {
        lines.push(`| ${h.iteration + 1} | \`${short(h.headSha)}\` | ${mdEscape(g.gate)} | ${g.status} | ${mdEscape(g.detail)}${g.fromCache ? ' (cached)' : ''} |`);
      }
    }
    lines.push('');
  }

  if (input.selfChecks && input.selfChecks.length > 0) {
    lines.push('## Self-checks (run_gates)', '');
    lines.push('| Iteration | Call | Ran | Result | Time | Gates |', '|---|---|---|---|---|---|');
    input.selfChecks.forEach((e, i) => {
      lines.push(`| ${e.iteration + 1} | ${i + 1} | ${mdEscape(e.what)} | ${CONCLUSION_WORD[e.conclusion]} | ${formatDuration(e.durationMs)} | ${mdEscape(selfCheckVerdicts(e))} |`);
    });
    lines.push('');
  }

  lines.push('## Requirement → test coverage', '');
  if (input.coverage.requirements.length === 0) {
    lines.push('The spec lists no requirement ids.', '');
  } else {
    lines.push('| Requirement | Tests citing it |', '|---|---|');
    for (const r of input.coverage.requirements) {
      const tests = r.tests.length === 0 ? '**none**' : r.tests.map((t) => `\`${mdEscape(t.path)}${t.test ? `::${mdEscape(t.test)}` : `:${t.line}`}\`${t.changed ? ' (this run)' : ''}`).join('<br>');
      lines.push(`| ${mdEscape(r.id)}${r.text ? `: ${mdEscape(r.text.length > 100 ? `${r.text.slice(0, 99)}…` : r.text)}` : ''} | ${tests} |`);
    }
    lines.push('');
    const covered = input.coverage.requirements.filter((r) => r.tests.length > 0).length;
    lines.push(`${covered} of ${input.coverage.requirements.length} requirements cited by a test (${input.coverage.scannedFiles} files scanned).`, '');
  }
  if (input.coverage.otherCitations.length > 0) lines.push(`Changed tests also cite ${input.coverage.otherCitations.join(', ')}, which this spec does not list.`, '');

  if (input.commits.length > 0) {
    lines.push('## Commits', '');
    for (const c of input.commits) lines.push(`- \`${short(c.sha)}\` ${mdEscape(c.subject)}`);
    lines.push('');
  }
  const steps = nextSteps(input);
  if (steps.length > 0) {
    lines.push('## Next steps', '');
    for (const s of steps) lines.push(`- ${s}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function paint(text: string, colour: Colour, style: TextStyle): string {
  return paintText(colour, text, style.color);
}

function endingColour(ending: RunEnding): Colour {
  if (ending === 'ready') return 'green';
  if (ending === 'interrupted' || ending === 'needs-human') return 'yellow';
  return 'red';
}

/** The report for the terminal. */
export function renderRunReportText(input: RunReportInput, style: TextStyle): string {
  const { state } = input;
  const l = state.ledger;
  const out: string[] = [];
  out.push(`${paint(`Run ${HEADLINE[input.ending].text}`, endingColour(input.ending), style)}  ${state.spec.id} on ${state.branch}`);
  out.push(`  ${endingSentence(input)}`);
  out.push('');
  for (const a of state.attempts) {
    const h = historyFor(input.gateHistory, a);
    const time = h ? ` in ${formatDuration(h.durationMs)}` : '';
    out.push(
      `  ${a.iteration + 1}. ${a.mode.padEnd(9)} agent ${(a.stopReason ?? 'running').padEnd(8)} ${String(a.spent.turns).padStart(3)} turns  ${costText(a.spent).padStart(7)}  commit ${short(a.commitSha)}`,
    );
    const checks = (input.selfChecks ?? []).filter((e) => e.iteration === a.iteration);
    if (checks.length > 0) out.push(`     self-checks: ${selfCheckSummary(checks)}, the last: ${selfCheckVerdicts(checks[checks.length - 1]!)}`);
    if (h || a.gates) out.push(`     gates${time}: ${gatesCell(h, a)}`);
  }
  out.push('');
  out.push(
    `  tokens ${int(tokensOf(l))} (input ${int(l.inputTokens)}, output ${int(l.outputTokens)}, cache write ${int(l.cacheWriteTokens)}, cache read ${int(l.cacheReadTokens)}; ${cacheShare(l)} of the prompt from the cache)`,
  );
  const cost = l.unpricedTurns ? `${costText(l)} (the model has no price; ${int(tokensOf(l))} of ${int(state.budget.tokens)} tokens)` : `cost ${usd(l.costUsd)} of ${usd(state.budget.costUsd)}`;
  out.push(`  ${cost}, ${l.turns} of ${state.budget.turns} turns, model ${input.modelSource}`);
  if (input.coverage.requirements.length > 0) {
    out.push('');
    out.push('  Requirement → tests');
    for (const r of input.coverage.requirements) {
      const tests = r.tests.length === 0 ? paint('no test cites it', 'red', style) : r.tests.map((t) => `${t.path}${t.test ? `::${t.test}` : `:${t.line}`}`).join(', ');
      out.push(`    ${r.id.padEnd(8)} ${tests}`);
    }
  }
  const steps = nextSteps(input);
  if (steps.length > 0) {
    out.push('');
    for (const s of steps) out.push(`  → ${s.replace(/`/g, '')}`);
  }
  return `${out.join('\n')}\n`;
}
