/**
 * The one commit-message format of a run, written and parsed here: the empty commit that
 * starts a run and the commit of each agent iteration, wherever the run happens (the app
 * through the Git Data API, the CLI with local git). The last paragraph is always git
 * trailers that say what the commit is (the spec, the iteration, what it spent), because
 * commits cannot be edited: when the app's state comment is lost, the run is rebuilt
 * from them, and a branch the CLI made reads the same as one the app made.
 */
import type { Ledger, WorkflowState } from './state.js';

export const TRAILER = {
  spec: 'Spec-Automation-Spec',
  type: 'Spec-Automation-Type',
  hash: 'Spec-Automation-Hash',
  base: 'Spec-Automation-Base',
  iteration: 'Spec-Automation-Iteration',
  mode: 'Spec-Automation-Mode',
  spent: 'Spec-Automation-Spent',
} as const;

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A trailer value on one line, without anything that could start another trailer. */
function value(text: string): string {
  return oneLine(text, 400);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The empty commit that starts a run on `spec/<doc-id>`. */
export function startCommitMessage(spec: WorkflowState['spec'], baseSha: string): string {
  return [
    `spec-automation: start ${oneLine(spec.id, 100)}`,
    '',
    `Implements ${oneLine(spec.title || spec.id, 200)} (${spec.path}). This commit changes nothing; the agent's work follows.`,
    '',
    `${TRAILER.spec}: ${value(spec.path)}`,
    `${TRAILER.type}: ${value(spec.type)}`,
    `${TRAILER.hash}: ${value(spec.contentHash)}`,
    `${TRAILER.base}: ${value(baseSha)}`,
  ].join('\n');
}

export interface AgentCommitInput {
  spec: WorkflowState['spec'];
  mode: 'implement' | 'fix';
  /** 0 is the implementation; 1… are fix iterations. */
  iteration: number;
  /** The agent's summary (untrusted), or why the loop stopped. */
  summary: string;
  /** How the agent loop ended: `finished`, `budget:turns`, … */
  stopReason: string;
  turns: number;
  files: number;
  spent: Ledger;
  /** Fix iterations: the gates that failed, and on which commit. */
  fixing?: { gates: readonly string[]; headSha?: string };
}

/** The commit of one agent iteration. */
export function agentCommitMessage(input: AgentCommitInput): string {
  const s = input.spent;
  const id = oneLine(input.spec.id, 100);
  const partial = input.stopReason === 'finished' ? '' : ` (partial: agent stopped, ${oneLine(input.stopReason, 40)})`;
  const subject = input.mode === 'implement' ? `spec-automation: implement ${id}${partial}` : `spec-automation: fix ${input.iteration} of ${id}${partial}`;
  // Only the last paragraph holds trailers, and it is always ours.
  const summary = input.summary.replace(/\r\n/g, '\n').slice(0, 4000).trim();
  const facts = [`Spec: ${input.spec.path} (${input.spec.type}, sha256 ${input.spec.contentHash.slice(0, 12)})`];
  if (input.mode === 'fix' && input.fixing) {
    facts.push(`Fixing: ${input.fixing.gates.map((g) => oneLine(g, 60)).join(', ') || 'gate failures'} on ${input.fixing.headSha?.slice(0, 7) ?? 'the previous commit'}`);
  }
  facts.push(`Agent: ${oneLine(input.stopReason, 40)} after ${plural(input.turns, 'turn')}, ${plural(input.files, 'file')} changed`);
  return [
    subject,
    '',
    summary || 'No summary.',
    '',
    ...facts,
    '',
    `${TRAILER.mode}: ${input.mode}`,
    `${TRAILER.iteration}: ${input.iteration}`,
    `${TRAILER.spent}: turns=${s.turns} input=${s.inputTokens} output=${s.outputTokens} cacheWrite=${s.cacheWriteTokens} cacheRead=${s.cacheReadTokens} cost=${s.costUsd.toFixed(6)}`,
  ].join('\n');
}

/** The trailers of a message (the last paragraph's `Key: value` lines). */
export function parseTrailers(message: string): Map<string, string> {
  const paragraphs = message.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const trailers = new Map<string, string>();
  for (const line of last.split('\n')) {
    const m = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line.trim());
    if (m) trailers.set(m[1]!, m[2]!.trim());
  }
  return trailers;
}

/** The ledger entries of a `Spec-Automation-Spent` trailer; zeros for anything unreadable. */
export function parseSpent(text: string | undefined): Ledger {
  const fields = new Map((text ?? '').split(/\s+/).map((kv) => kv.split('=', 2) as [string, string]));
  const num = (k: string) => {
    const n = Number(fields.get(k));
    return Number.isFinite(n) && n >= 0 ? n : 0;
  };
  return {
    turns: num('turns'),
    inputTokens: num('input'),
    outputTokens: num('output'),
    cacheWriteTokens: num('cacheWrite'),
    cacheReadTokens: num('cacheRead'),
    costUsd: num('cost'),
  };
}
