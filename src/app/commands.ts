/**
 * `/spec …` commands in pull request comments. Only the first line of a comment is
 * read, and only when it starts with `/spec`: a command quoted or mentioned further down
 * is prose, not an order. Comments are untrusted input: anything that is not exactly a
 * command comes back as `unknown` or `invalid` with a message, never as an action.
 */
import type { Budget } from '../pipeline/workflow/state.js';
import type { RetryTarget } from '../pipeline/workflow/transitions.js';
import { formatCount } from '../pipeline/format-count.js';

export type Command =
  | { kind: 'retry'; target: RetryTarget; raise?: Partial<Budget> }
  | { kind: 'status' }
  | { kind: 'cancel' }
  | { kind: 'help' }
  /** `/spec <something else>`: answered with the help. */
  | { kind: 'unknown'; text: string }
  /** A known command with bad arguments. */
  | { kind: 'invalid'; message: string };

/** The longest first line read; longer ones are not commands. */
const MAX_LINE = 200;

const FLAGS: Record<string, { key: keyof Budget; integer: boolean; max: number; what: string }> = {
  '--budget': { key: 'costUsd', integer: false, max: 10_000, what: 'the cost budget in USD' },
  '--turns': { key: 'turns', integer: true, max: 100_000, what: 'the agent turn budget' },
  '--tokens': { key: 'tokens', integer: true, max: 1_000_000_000, what: 'the token budget' },
  '--iterations': { key: 'maxIterations', integer: true, max: 100, what: 'the number of fix iterations' },
};

/**
 * The command a comment gives, or undefined when the comment is not a command (its
 * first line does not start with `/spec`).
 */
export function parseCommand(body: unknown): Command | undefined {
  if (typeof body !== 'string') return undefined;
  const firstLine = (body.replace(/^\uFEFF/, '').trimStart().split(/\r?\n/, 1)[0] ?? '').trim();
  if (!/^\/spec(\s|$)/i.test(firstLine)) return undefined;
  if (firstLine.length > MAX_LINE) return { kind: 'invalid', message: `the command line is longer than ${MAX_LINE} characters` };
  const words = firstLine.split(/\s+/).slice(1);
  const verb = (words[0] ?? 'help').toLowerCase();
  const args = words.slice(1);
  switch (verb) {
    case 'help':
    case 'status':
    case 'cancel':
      if (args.length > 0) return { kind: 'invalid', message: `\`/spec ${verb}\` takes no arguments` };
      return { kind: verb };
    case 'retry':
      return parseRetry(args);
    default:
      return { kind: 'unknown', text: firstLine };
  }
}

function parseRetry(args: readonly string[]): Command {
  let target: RetryTarget = 'dev';
  let targetSeen = false;
  const raise: Partial<Budget> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const lower = arg.toLowerCase();
    if (lower === 'validate' || lower === 'dev' || lower === 'qa') {
      if (targetSeen) return { kind: 'invalid', message: 'give one target: `validate`, `dev` or `qa`' };
      target = lower;
      targetSeen = true;
      continue;
    }
    const [name, inline] = lower.split('=', 2) as [string, string | undefined];
    const flag = FLAGS[name];
    if (!flag) return { kind: 'invalid', message: `unknown argument ${JSON.stringify(arg.slice(0, 40))}; use \`validate\`, \`dev\`, \`qa\` or ${Object.keys(FLAGS).join(', ')}` };
    const raw = inline ?? args[++i];
    if (raw === undefined) return { kind: 'invalid', message: `${name} needs a number (${flag.what})` };
    const value = Number(raw.replace(/^\$/, ''));
    if (!Number.isFinite(value) || value <= 0 || (flag.integer && !Number.isInteger(value)) || value > flag.max) {
      return { kind: 'invalid', message: `${name} needs a ${flag.integer ? 'whole ' : ''}number above 0 and at most ${formatCount(flag.max)} (${flag.what}), got ${JSON.stringify(raw.slice(0, 20))}` };
    }
    raise[flag.key] = value;
  }
  return Object.keys(raise).length > 0 ? { kind: 'retry', target, raise } : { kind: 'retry', target };
}
