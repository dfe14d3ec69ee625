/**
 * The app's commit messages, with git trailers that make each commit say what it is
 * (the start of a run, an agent iteration and what it spent). Commits cannot be edited,
 * so when a state comment is lost or corrupted the run is rebuilt from them.
 */
import type { Ledger, WorkflowState } from '../pipeline/workflow/state.js';

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

/** The commit of one agent iteration. `summary` is the agent's (untrusted) summary. */
export function agentCommitMessage(args: { specId: string; mode: 'implement' | 'fix'; iteration: number; summary: string; spent: Ledger }): string {
  const s = args.spent;
  const subject = args.mode === 'implement' ? `spec-automation: implement ${oneLine(args.specId, 100)}` : `spec-automation: fix ${args.iteration} of ${oneLine(args.specId, 100)}`;
  // Only the last paragraph holds trailers, and it is always ours.
  const body = args.summary.replace(/\r\n/g, '\n').slice(0, 4000).trim();
  return [
    subject,
    '',
    body || 'No summary.',
    '',
    `${TRAILER.mode}: ${args.mode}`,
    `${TRAILER.iteration}: ${args.iteration}`,
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
