/**
 * Schema of `.github/spec-automation.yml`, the one configuration file the app, the
 * action and the CLI share. Strict objects everywhere: a typo in a key is an error
 * with its line, never a silently ignored setting.
 */
import { z } from 'zod';
import { DEFAULT_MODEL, DEFAULT_PRICES } from '../agent/models.js';
import { priceFor, type Price } from '../agent/usage.js';
import { DOC_TYPES } from '../spec/model.js';

export { CONFIG_PATH } from './path.js';

/** The highest `specs.maxBytes` accepted. */
export const MAX_SPEC_BYTES = 8 * 1024 * 1024;

const globList = z.array(z.string().min(1));
const severityThreshold = z.enum(['error', 'warning']);
const docType = z.enum(DOC_TYPES as [string, ...string[]]);
const docStatus = z.enum(['draft', 'proposed', 'in-review', 'approved', 'implementing', 'done', 'superseded', 'rejected', 'deprecated']);

/** Where spec documents are and which of them the automation may execute. */
export const specsSchema = z.strictObject({
  include: globList.default([
    'docs/**/*.md',
    'specs/**/*.md',
    '.kiro/specs/**/*.md',
    '_bmad-output/**/*.md',
    '*.md',
  ]).describe('Globs of candidate spec documents, relative to the repository root.'),
  exclude: globList.default([]).describe('Globs never treated as specs, added to the built-in exclusions (templates, README, …).'),
  types: z.record(z.string().min(1), docType).default({}).describe('Type overrides: `{ "docs/design/*.md": technical-spec }`.'),
  strict: z.boolean().default(false).describe('Strict mode: `type`, `id`, `title` and `status` are required in front matter.'),
  executableStatuses: z.array(docStatus).min(1).default(['approved', 'implementing']).describe('Statuses whose documents the automation executes; others get an info diagnostic.'),
  epicsFile: z.string().optional().describe('BMAD v6 keeps epics in epics.md; when set, PRDs are not asked for an epic list.'),
  coverage: z.enum(['error', 'warning', 'info', 'off']).default('warning').describe('Severity of a requirement (or spec-kit user story) that no task covers (`ts.coverage.req-untasked`, `ts.coverage.story-untasked`); `off` skips the check.'),
  maxBytes: z
    .number()
    .int()
    .positive()
    .max(MAX_SPEC_BYTES, `specs.maxBytes is at most ${MAX_SPEC_BYTES} (8 MiB): parsing a larger document takes minutes and gigabytes; split it into shards (an index.md plus parts) instead`)
    .default(2 * 1024 * 1024)
    .describe('Files above this size get `spec.too-large` instead of being parsed; at most 8 MiB, since parsing costs seconds and hundreds of MB per MB.'),
});

export const PARSERS = ['ruff', 'basedpyright', 'pytest', 'sarif', 'junit', 'regex', 'exit-code'] as const;

/** One quality gate: a built-in (ruff, basedpyright, pytest) or any command with a parser. */
export const gateSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Run this gate; `false` keeps its settings but skips it.'),
  command: z.union([z.string().min(1), z.array(z.string()).min(1)]).optional().describe('The program to run. For a built-in gate it replaces only the program (`uv run pytest`); the output flags its parser needs are still added. A string is split on whitespace; use a list for arguments with spaces.'),
  args: z.array(z.string()).default([]).describe('Appended to the command line.'),
  parser: z.enum(PARSERS).optional().describe('How to read the output; built-in gates default to their own parser, custom gates need one.'),
  pattern: z.string().optional().describe('`regex` parser: a pattern with named groups `file`, `line`, `column`, `severity`, `code`, `message`.'),
  report: z.string().optional().describe('`junit`/`sarif` parsers: the report file the command writes (default: stdout). `{report}` in the command is replaced by a temp path.'),
  cwd: z.string().optional().describe('Working directory, relative to the repository root.'),
  env: z.record(z.string(), z.string()).default({}).describe('Set in the gate\'s environment, as written.'),
  passEnv: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*\*?$/, 'an environment variable name, or a prefix ending in *')).default([]).describe('Variables passed from the caller\'s environment beyond the built-in allow-list (PATH, HOME, locale, Python, display …): exact names or `PREFIX_*`. The action\'s inputs, `ACTIONS_*`, `ANTHROPIC_*`, cloud credentials and the app\'s secrets never pass.'),
  timeout: z.number().positive().optional().describe('Seconds before the whole process tree is killed. Default 900; for pytest, 3x its last duration (at least 300) once one is known.'),
  failOn: severityThreshold.optional().describe('Lowest severity that fails the gate; defaults to the top-level `failOn`.'),
  noTests: z.enum(['pass', 'fail']).default('fail').describe('pytest exit code 5 (no tests collected): fail the gate or pass it.'),
  inputs: globList.optional().describe('Globs of files this gate reads, for the result cache; default: all tracked files.'),
  lowPriority: z.boolean().optional().describe('Run at lower CPU priority, so the test run keeps the cores (default: true for linters and type checkers).'),
  shards: z.union([z.literal('auto'), z.number().int().positive().max(64)]).default('auto').describe('pytest only: test processes the suite is split into. `auto` (the default) uses the cores the concurrency limit leaves after the other gates; `1` runs it as one process (a suite whose tests must share one process, e.g. a module-level fixture that must not run twice).'),
});

const priceSchema = z.strictObject({
  input: z.number().nonnegative().describe('USD per million tokens.'),
  output: z.number().nonnegative().describe('USD per million output tokens.'),
  cacheWrite: z.number().nonnegative().describe('A 5-minute cache write.'),
  cacheWrite1h: z.number().nonnegative().optional().describe('A 1-hour cache write; default 1.6 × cacheWrite.'),
  cacheRead: z.number().nonnegative().describe('USD per million tokens read from the prompt cache.'),
});

/** Where the model is served: the Anthropic API (or a gateway at ANTHROPIC_BASE_URL), Amazon Bedrock, Google Vertex AI, Microsoft Foundry; `auto` picks from the environment. */
export const MODEL_PROVIDERS = ['auto', 'anthropic', 'bedrock', 'vertex', 'foundry'] as const;

const agentObject = z.strictObject({
  provider: z.enum(MODEL_PROVIDERS).default('auto').describe('Where the model is served: `anthropic` (ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN, ANTHROPIC_BASE_URL for a gateway), `bedrock`, `vertex`, `foundry`; `auto` picks from the environment.'),
  model: z.string().min(1).default(DEFAULT_MODEL).describe('Model id, in the form the route expects (Bedrock and Vertex ids are derived from the Anthropic id).'),
  maxTokens: z.number().int().positive().default(16_000).describe('Most output tokens per model response.'),
  requestTimeoutSeconds: z.number().positive().default(600).describe('Seconds one model request may take before it is retried.'),
  maxRetries: z.number().int().nonnegative().default(4).describe('Retries of an overloaded, rate-limited or failed model request, with backoff.'),
  maxIterations: z.number().int().nonnegative().default(3).describe('Fix iterations after the first implementation pass.'),
  failFast: z
    .boolean()
    .default(false)
    .describe(
      'Local loop (`spec-automation run`): in a fix iteration, when the tests that failed last time (run first, in a shard of their own) still fail, cancel the rest of the gates and start the next agent iteration at once with those failures, instead of waiting for the whole suite. The cancelled gates are reported as cancelled; a run is ready only after a full gates run passes.',
    ),
  budgets: z
    .strictObject({
      turns: z.number().int().positive().default(80).describe('Model responses per run.'),
      tokens: z.number().int().positive().default(4_000_000).describe('Input, output and cache tokens per run.'),
      costUsd: z.number().positive().default(20).describe('USD per run (needs a price for the model).'),
      wallMinutes: z.number().positive().default(60).describe('Minutes of wall time per run.'),
    })
    .prefault({}).describe('What one run may spend before it stops with needs-human.'),
  limits: z
    .strictObject({
      maxFilesChanged: z.number().int().positive().default(60).describe('Files written, edited or deleted per change set.'),
      maxFileBytes: z.number().int().positive().default(256 * 1024).describe('Bytes of one written file.'),
      maxTotalBytes: z.number().int().positive().default(2 * 1024 * 1024).describe('Bytes of all written files together.'),
    })
    .prefault({}).describe('How much one agent change set may hold.'),
  denyPaths: globList.default([]).describe('Globs the agent may never write (matched case-insensitively, Unicode-normalized); the always-protected paths (guards.ts) apply on top.'),
  failureBudgetChars: z.number().int().positive().default(24_000).describe('Characters of gate failures given to the agent per fix iteration.'),
  prices: z.record(z.string(), priceSchema).default({}).describe('USD per million tokens, by model id, merged over the built-in list (src/pipeline/agent/models.ts).'),
  cacheLifetime: z.enum(['auto', '5m', '1h']).default('auto').describe('Prompt-cache lifetime of the stable prefix: `auto` is 1 hour in the app (its next iteration waits for CI) and 5 minutes in the local loop.'),
});

/**
 * A cost budget needs a price: an explicitly configured `budgets.costUsd` on a model
 * that has none is an error here, where it can point at the key. (Without one, the
 * default cost budget is simply not measured, and the token budget holds.) Checked on
 * the raw input, because after parsing the default and a configured value look alike.
 */
function checkCostBudgetPriced(raw: unknown, ctx: z.RefinementCtx): void {
  if (typeof raw !== 'object' || raw === null) return;
  const r = raw as { model?: unknown; prices?: unknown; budgets?: { costUsd?: unknown } };
  if (typeof r.budgets !== 'object' || r.budgets === null || r.budgets.costUsd === undefined) return;
  const model = typeof r.model === 'string' && r.model.trim() !== '' ? r.model : DEFAULT_MODEL;
  const configured = typeof r.prices === 'object' && r.prices !== null ? (r.prices as Record<string, Price>) : {};
  if (priceFor(model, { ...DEFAULT_PRICES, ...configured })) return;
  ctx.addIssue({
    code: 'custom',
    path: ['budgets', 'costUsd'],
    message: `agent.budgets.costUsd is set, but model "${model}" has no price, so the cost budget cannot be measured. Add agent.prices."${model}": { input, output, cacheWrite, cacheRead } (USD per million tokens), or remove agent.budgets.costUsd and rely on agent.budgets.tokens.`,
  });
}

/** The dev agent: model route, model, budgets and what it may not touch. */
export const agentSchema = z.preprocess((raw, ctx) => {
  checkCostBudgetPriced(raw, ctx);
  return raw;
}, agentObject);

/** The GitHub App. */
export const appSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Let pushes to this repository start runs.'),
  branches: z.array(z.string().min(1)).default([]).describe('Branches whose pushes start runs; empty means the default branch.'),
  gatesWorkflow: z.string().min(1).default('spec-automation').describe('Name of the workflow that runs the gates action on spec branches.'),
  branchPrefix: z.string().min(1).default('spec/').describe('Prefix of the branches the app opens for spec runs: `spec/<doc-id>`.'),
});

/** Requirement → test traceability. */
export const traceabilitySchema = z.strictObject({
  tests: globList.default(['tests/**/*.py', 'test/**/*.py', '**/test_*.py', '**/*_test.py']).describe('Globs of test files that may cite requirement ids.'),
  code: globList.default(['**/*.py']).describe('Globs of code files scanned for requirement ids in comments.'),
  patterns: z.array(z.string()).default([]).describe('Extra regexes whose first capture group is a requirement id.'),
  marker: z.string().min(1).default('req').describe('pytest marker name: `@pytest.mark.req("FR-12")`.'),
  ignoreKinds: z.array(z.string().min(1)).default(['UJ', 'SM', 'SM-C', 'SC']).describe('Requirement kinds (id prefixes) that need no test of their own: user journeys, success metrics and criteria.'),
});

/** Scheduled re-validation. */
export const revalidateSchema = z.strictObject({
  failOn: z.enum(['error', 'warning', 'never']).default('error').describe('Lowest severity that fails the scheduled re-validation: error, warning, or never.'),
  issue: z.boolean().default(true).describe('Keep one Spec health issue, edited in place and closed when healthy.'),
  issueTitle: z.string().min(1).default('Spec health').describe('Title of the Spec health issue.'),
  issueLabel: z.string().min(1).default('spec-health').describe('Label that finds the Spec health issue.'),
  lockFile: z.string().min(1).default('.spec-automation/lock.json').describe('The lock file: which spec version each implementation was made from.'),
});

export const DEFAULT_GATES = ['ruff', 'basedpyright', 'pytest'] as const;

export const configSchema = z.strictObject({
  version: z.literal(1).default(1).describe('Version of this file\'s format; 1.'),
  python: z.string().optional().describe('Python interpreter for basedpyright and pytest; default: the project\'s virtualenv, then PATH.'),
  failOn: severityThreshold.default('error').describe('Lowest severity that fails a gate (per-gate `failOn` overrides).'),
  concurrency: z.number().int().nonnegative().default(0).describe('Gates run at once; 0 means the number of CPUs.'),
  cache: z
    .strictObject({
      enabled: z.boolean().default(true).describe('Reuse a gate\'s result when its inputs did not change.'),
      maxMegabytes: z.number().positive().default(200).describe('Size of the cache before the oldest entries go.'),
    })
    .prefault({}).describe('The gate result cache (outside the checkout: RUNNER_TEMP in the action, the user cache directory in the CLI).'),
  specs: specsSchema.prefault({}).describe('Where spec documents are and which of them the automation executes.'),
  gates: z
    .record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'gate names use letters, digits, ".", "_" and "-"'), z.union([z.literal(false), gateSchema]))
    .default(() => Object.fromEntries(DEFAULT_GATES.map((g) => [g, gateSchema.parse({})]))).describe('Gates by name; `false` disables one. Absent: ruff, basedpyright and pytest.'),
  agent: agentSchema.prefault({}).describe('The dev agent: model route, model, budgets and what it may not touch.'),
  app: appSchema.prefault({}).describe('The GitHub App: which pushes start runs, and how spec branches are named.'),
  traceability: traceabilitySchema.prefault({}).describe('Requirement → test traceability: where tests and code are, and how they cite ids.'),
  revalidate: revalidateSchema.prefault({}).describe('The scheduled re-validation of every spec.'),
});

export type Config = z.infer<typeof configSchema>;
export type GateConfig = z.infer<typeof gateSchema>;
export type AgentConfig = z.infer<typeof agentObject>;
export type ModelProvider = AgentConfig['provider'];
export type SpecsConfig = z.infer<typeof specsSchema>;
export type AppConfig = z.infer<typeof appSchema>;
export type TraceabilityConfig = z.infer<typeof traceabilitySchema>;
export type RevalidateConfig = z.infer<typeof revalidateSchema>;
export type ParserName = (typeof PARSERS)[number];

let defaults: Config | undefined;

/**
 * The configuration a repository without a config file gets: a fresh copy each call (the
 * caller may change it) of the schema's defaults, parsed once (a parse costs about half a
 * millisecond, paid by every push job of a repository without a config file).
 */
export function defaultConfig(): Config {
  defaults ??= configSchema.parse({});
  return structuredClone(defaults);
}
