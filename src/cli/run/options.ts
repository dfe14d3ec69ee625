/**
 * Command line of `spec-automation run`: parsed and checked before anything runs, so a
 * typo costs no tokens.
 */
import { parseCommandArgs, UsageError } from '../usage.js';
import { CONFIG_PATH } from '../../pipeline/config/path.js';

export const RUN_USAGE = `Usage: spec-automation run <spec> [options]

Runs the whole loop on a local git checkout: validates the spec, works on the branch
spec/<doc-id>, lets the dev agent implement it (one commit per iteration), runs the
quality gates, and has the agent fix what they find, until every gate passes, a budget
runs out, or an iteration makes no progress. The state is saved after every step:
after a crash or Ctrl-C, --resume continues where the run stopped.

<spec> is relative to the project directory (--cwd), or to the current directory.

Options:
  --cwd DIR            the project directory, inside a git checkout (default: .)
  --max-iterations N   fix iterations after the implementation (agent.maxIterations, default 3)
  --resume             continue the saved run of this spec (after a crash, Ctrl-C or a
                       budget stop: raise the budget and resume)
  --dry-run            validate and show the plan (branch, budgets, gates, model); change nothing
  --replay FILE        replay a recorded session instead of calling the model (offline, no key)
  --record FILE        record every model call to FILE, to replay it later
  --only a,b           run only these gates
  --no-cache           run every gate, even when its inputs did not change
  --no-run-gates       do not give the agent the run_gates tool (it then cannot check
                       its work before the gates round)
  --report FILE        Markdown report (default: .spec-automation/reports/<doc-id>.md)

The model needs the credentials of its route (agent.provider: ANTHROPIC_API_KEY for the
Anthropic API; see the README for Bedrock, Vertex AI and Foundry), unless --replay is given. Configuration:
${CONFIG_PATH} in the project directory (agent budgets, model, gates).

Exit codes: 0 every gate passes (ready), 1 the run needs a human (budget spent, no
progress, agent stopped) or the spec is invalid or not executable, 2 usage,
configuration, checkout or tool errors, 130 interrupted (resume with --resume).
`;

export interface RunOptions {
  spec: string;
  cwd?: string;
  maxIterations?: number;
  resume: boolean;
  dryRun: boolean;
  replay?: string;
  record?: string;
  only?: string[];
  noCache: boolean;
  report?: string;
  /** `--no-run-gates`: the agent works without the run_gates tool. */
  noRunGates?: true;
}

export { UsageError };

/** Parses the arguments after `run`. Throws {@link UsageError}. */
export function parseRunOptions(args: readonly string[]): RunOptions {
  const parsed = parseCommandArgs({
    args: [...args],
    options: {
      cwd: { type: 'string' },
      'max-iterations': { type: 'string' },
      resume: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      replay: { type: 'string' },
      record: { type: 'string' },
      only: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      'no-run-gates': { type: 'boolean', default: false },
      report: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('Name the spec to run, e.g. `spec-automation run docs/prd.md`.');
  if (positionals.length > 1) throw new UsageError(`One spec per run; got ${positionals.length}: ${positionals.join(', ')}.`);
  let maxIterations: number | undefined;
  if (values['max-iterations'] !== undefined) {
    const text = values['max-iterations'];
    if (!/^\d{1,4}$/.test(text)) throw new UsageError(`--max-iterations takes a whole number from 0 to 9999 (fix iterations after the implementation); got "${text}".`);
    maxIterations = Number(text);
  }
  if (values.replay !== undefined && values.record !== undefined) {
    throw new UsageError('--replay and --record exclude each other: a replayed run calls no model, so there is nothing to record.');
  }
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (values.only !== undefined && (!only || only.length === 0)) throw new UsageError('--only needs gate names, e.g. --only basedpyright,pytest.');
  for (const [flag, value] of [['--replay', values.replay], ['--record', values.record], ['--report', values.report], ['--cwd', values.cwd]] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a path.`);
  }
  return {
    spec: positionals[0]!,
    resume: values.resume ?? false,
    dryRun: values['dry-run'] ?? false,
    noCache: values['no-cache'] ?? false,
    ...(values.cwd !== undefined ? { cwd: values.cwd } : {}),
    ...(maxIterations !== undefined ? { maxIterations } : {}),
    ...(values.replay !== undefined ? { replay: values.replay } : {}),
    ...(values.record !== undefined ? { record: values.record } : {}),
    ...(only ? { only } : {}),
    ...(values.report !== undefined ? { report: values.report } : {}),
    ...(values['no-run-gates'] ? { noRunGates: true as const } : {}),
  };
}
