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
  /** Globs of candidate spec documents, relative to the repository root. */
  include: globList.default([
    'docs/**/*.md',
    'specs/**/*.md',
    '.kiro/specs/**/*.md',
    '_bmad-output/**/*.md',
    '*.md',
  ]),
  /** Globs never treated as specs, added to the built-in exclusions (templates, README, …). */
  exclude: globList.default([]),
  /** Type overrides: `{ "docs/design/*.md": technical-spec }`. */
  types: z.record(z.string().min(1), docType).default({}),
  /** Strict mode: `type`, `id`, `title` and `status` are required in front matter. */
  strict: z.boolean().default(false),
  /** Statuses whose documents the automation executes; others get an info diagnostic. */
  executableStatuses: z.array(docStatus).min(1).default(['approved', 'implementing']),
  /** BMAD v6 keeps epics in epics.md; when set, PRDs are not asked for an epic list. */
  epicsFile: z.string().optional(),
  /**
   * Severity of a requirement (or spec-kit user story) that no task covers
   * (`ts.coverage.req-untasked`, `ts.coverage.story-untasked`); `off` skips the check.
   */
  coverage: z.enum(['error', 'warning', 'info', 'off']).default('warning'),
  /** Files above this size get `spec.too-large` instead of being parsed. */
  /** Larger spec files are refused before parsing; capped, since parsing costs seconds and hundreds of MB per MB. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .max(MAX_SPEC_BYTES, `specs.maxBytes is at most ${MAX_SPEC_BYTES} (8 MiB): parsing a larger document takes minutes and gigabytes; split it into shards (an index.md plus parts) instead`)
    .default(2 * 1024 * 1024),
});

export const PARSERS = ['ruff', 'basedpyright', 'pytest', 'sarif', 'junit', 'regex', 'exit-code'] as const;

/** One quality gate: a built-in (ruff, basedpyright, pytest) or any command with a parser. */
export const gateSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /**
   * The program to run. For a built-in gate it replaces only the program (`uv run pytest`); the output
   * flags its parser needs are still added. A string is split on whitespace; use a list for arguments with spaces.
   */
  command: z.union([z.string().min(1), z.array(z.string()).min(1)]).optional(),
  /** Appended to the command line. */
  args: z.array(z.string()).default([]),
  /** How to read the output; built-in gates default to their own parser, custom gates need one. */
  parser: z.enum(PARSERS).optional(),
  /** `regex` parser: a pattern with named groups `file`, `line`, `column`, `severity`, `code`, `message`. */
  pattern: z.string().optional(),
  /** `junit`/`sarif` parsers: the report file the command writes (default: stdout). `{report}` in the command is replaced by a temp path. */
  report: z.string().optional(),
  /** Working directory, relative to the repository root. */
  cwd: z.string().optional(),
  /** Set in the gate's environment, as written. */
  env: z.record(z.string(), z.string()).default({}),
  /**
   * Variables passed from the caller's environment beyond the built-in allow-list (PATH, HOME, locale, Python, display …):
   * exact names or `PREFIX_*`. The action's inputs, `ACTIONS_*`, `ANTHROPIC_*`, cloud credentials and the app's secrets never pass.
   */
  passEnv: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*\*?$/, 'an environment variable name, or a prefix ending in *')).default([]),
  /**
   * Seconds before the whole process tree is killed. Default 900; for pytest, 3x its last
   * duration (at least 300) once one is known.
   */
  timeout: z.number().positive().optional(),
  /** Lowest severity that fails the gate; defaults to the top-level `failOn`. */
  failOn: severityThreshold.optional(),
  /** pytest exit code 5 (no tests collected): fail the gate or pass it. */
  noTests: z.enum(['pass', 'fail']).default('fail'),
  /** Globs of files this gate reads, for the result cache; default: all tracked files. */
  inputs: globList.optional(),
  /** Run at lower CPU priority, so the test run keeps the cores (default: true for linters and type checkers). */
  lowPriority: z.boolean().optional(),
  /**
   * pytest only: test processes the suite is split into. `auto` (the default) uses the cores the
   * concurrency limit leaves after the other gates; `1` runs it as one process (a suite whose
   * tests must share one process, e.g. a module-level fixture that must not run twice).
   */
  shards: z.union([z.literal('auto'), z.number().int().positive().max(64)]).default('auto'),
});

const priceSchema = z.strictObject({
  /** USD per million tokens. */
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  /** A 5-minute cache write. */
  cacheWrite: z.number().nonnegative(),
  /** A 1-hour cache write; default 1.6 × cacheWrite. */
  cacheWrite1h: z.number().nonnegative().optional(),
  cacheRead: z.number().nonnegative(),
});

/** Where the model is served: the Anthropic API (or a gateway at ANTHROPIC_BASE_URL), Amazon Bedrock, Google Vertex AI, Microsoft Foundry; `auto` picks from the environment. */
export const MODEL_PROVIDERS = ['auto', 'anthropic', 'bedrock', 'vertex', 'foundry'] as const;

const agentObject = z.strictObject({
  provider: z.enum(MODEL_PROVIDERS).default('auto'),
  model: z.string().min(1).default(DEFAULT_MODEL),
  maxTokens: z.number().int().positive().default(16_000),
  requestTimeoutSeconds: z.number().positive().default(600),
  maxRetries: z.number().int().nonnegative().default(4),
  /** Fix iterations after the first implementation pass. */
  maxIterations: z.number().int().nonnegative().default(3),
  budgets: z
    .strictObject({
      turns: z.number().int().positive().default(80),
      tokens: z.number().int().positive().default(4_000_000),
      costUsd: z.number().positive().default(20),
      wallMinutes: z.number().positive().default(60),
    })
    .prefault({}),
  limits: z
    .strictObject({
      maxFilesChanged: z.number().int().positive().default(60),
      maxFileBytes: z.number().int().positive().default(256 * 1024),
      maxTotalBytes: z.number().int().positive().default(2 * 1024 * 1024),
    })
    .prefault({}),
  /** Globs the agent may never write (matched case-insensitively, Unicode-normalized); the always-protected paths (guards.ts) apply on top. */
  denyPaths: globList.default([]),
  /** Characters of gate failures given to the agent per fix iteration. */
  failureBudgetChars: z.number().int().positive().default(24_000),
  /** USD per million tokens, by model id, merged over the built-in list (src/pipeline/agent/models.ts). */
  prices: z.record(z.string(), priceSchema).default({}),
  /**
   * Prompt-cache lifetime of the stable prefix: `auto` is 1 hour in the app (its next
   * iteration waits for CI) and 5 minutes in the local loop.
   */
  cacheLifetime: z.enum(['auto', '5m', '1h']).default('auto'),
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
  enabled: z.boolean().default(true),
  /** Branches whose pushes start runs; empty means the default branch. */
  branches: z.array(z.string().min(1)).default([]),
  /** Name of the workflow that runs the gates action on spec branches. */
  gatesWorkflow: z.string().min(1).default('spec-automation'),
  branchPrefix: z.string().min(1).default('spec/'),
});

/** Requirement → test traceability. */
export const traceabilitySchema = z.strictObject({
  tests: globList.default(['tests/**/*.py', 'test/**/*.py', '**/test_*.py', '**/*_test.py']),
  code: globList.default(['**/*.py']),
  /** Extra regexes whose first capture group is a requirement id. */
  patterns: z.array(z.string()).default([]),
  /** pytest marker name: `@pytest.mark.req("FR-12")`. */
  marker: z.string().min(1).default('req'),
  /** Requirement kinds (id prefixes) that need no test of their own: user journeys, success metrics and criteria. */
  ignoreKinds: z.array(z.string().min(1)).default(['UJ', 'SM', 'SM-C', 'SC']),
});

/** Scheduled re-validation. */
export const revalidateSchema = z.strictObject({
  failOn: z.enum(['error', 'warning', 'never']).default('error'),
  issue: z.boolean().default(true),
  issueTitle: z.string().min(1).default('Spec health'),
  issueLabel: z.string().min(1).default('spec-health'),
  lockFile: z.string().min(1).default('.spec-automation/lock.json'),
});

export const DEFAULT_GATES = ['ruff', 'basedpyright', 'pytest'] as const;

export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  /** Python interpreter for basedpyright and pytest; default: the project's virtualenv, then PATH. */
  python: z.string().optional(),
  /** Lowest severity that fails a gate (per-gate `failOn` overrides). */
  failOn: severityThreshold.default('error'),
  /** Gates run at once; 0 means the number of CPUs. */
  concurrency: z.number().int().nonnegative().default(0),
  cache: z
    .strictObject({
      enabled: z.boolean().default(true),
      maxMegabytes: z.number().positive().default(200),
    })
    .prefault({}),
  specs: specsSchema.prefault({}),
  /** Gates by name; `false` disables one. Absent: ruff, basedpyright and pytest. */
  gates: z
    .record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'gate names use letters, digits, ".", "_" and "-"'), z.union([z.literal(false), gateSchema]))
    .default(() => Object.fromEntries(DEFAULT_GATES.map((g) => [g, gateSchema.parse({})]))),
  agent: agentSchema.prefault({}),
  app: appSchema.prefault({}),
  traceability: traceabilitySchema.prefault({}),
  revalidate: revalidateSchema.prefault({}),
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

/** The configuration a repository without a config file gets. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}
