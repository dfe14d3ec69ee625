export const id = 288;
export const ids = [288];
export const modules = {

/***/ 2288:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tF: () => (/* reexport */ path/* CONFIG_PATH */.t),
  configSchema: () => (/* binding */ configSchema)
});

// UNUSED EXPORTS: DEFAULT_GATES, MAX_SPEC_BYTES, MODEL_PROVIDERS, PARSERS, agentSchema, appSchema, defaultConfig, gateSchema, revalidateSchema, specsSchema, traceabilitySchema

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./lib/pipeline/agent/models.js
/** The default model: the current Sonnet, the best balance of speed and capability for coding. */
const DEFAULT_MODEL = 'claude-sonnet-5-5';
function listPrice(input, output) {
    const round = (n) => Math.round(n * 1e6) / 1e6;
    return { input, output, cacheWrite: round(input * 1.25), cacheWrite1h: round(input * 2), cacheRead: round(input * 0.1) };
}
/** Claude API ids (the dateless form from the 4.6 generation on; aliases for the older ones). */
const models_DEFAULT_PRICES = Object.freeze({
    // Current
    'claude-fable-5-1': listPrice(10, 50),
    'claude-opus-5-5': listPrice(4, 20),
    'claude-sonnet-5-5': listPrice(2, 10),
    // Legacy, still served
    'claude-fable-5': listPrice(10, 50),
    'claude-opus-5': listPrice(5, 25),
    'claude-sonnet-5': listPrice(2, 10),
    'claude-opus-4-8': listPrice(5, 25),
    'claude-opus-4-7': listPrice(5, 25),
    'claude-opus-4-6': listPrice(5, 25),
    'claude-sonnet-4-6': listPrice(3, 15),
    'claude-opus-4-5': listPrice(5, 25),
    'claude-sonnet-4-5': listPrice(3, 15),
    'claude-haiku-4-5': listPrice(1, 5),
});
/**
 * The Claude API id behind a provider's form of it, for the price lookup:
 * `us.anthropic.claude-sonnet-4-5-20250929-v1:0` (a Bedrock inference profile),
 * `anthropic.claude-opus-4-6-v1`, a Bedrock ARN, or `claude-haiku-4-5@20251001` (Vertex)
 * all give the Claude API id. Ids in the API's own form come back unchanged.
 */
function canonicalModelId(model) {
    let id = model.trim();
    const arn = /^arn:aws[\w-]*:bedrock:[^:]*:[^:]*:(?:foundation-model|inference-profile|application-inference-profile)\/(.+)$/.exec(id);
    if (arn)
        id = arn[1];
    id = id.replace(/^(?:us|eu|apac|global|jp|au|ca|us-gov)\.(?=anthropic\.)/, '');
    id = id.replace(/^anthropic\./, '');
    id = id.replace(/-v\d+(?::\d+)?$/, '');
    id = id.replace(/@(\d{8})$/, '-$1');
    return id;
}

;// CONCATENATED MODULE: ./lib/pipeline/agent/usage.js

const ZERO_TOKENS = Object.freeze({ inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0, cacheReadTokens: 0 });
/** Only a count the API could send: a missing, null, negative or non-finite value counts as 0. */
function count(n) {
    return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
/** The API's usage object as totals. */
function tokensOf(usage) {
    const cacheWriteTokens = count(usage?.cache_creation_input_tokens);
    return {
        inputTokens: count(usage?.input_tokens),
        outputTokens: count(usage?.output_tokens),
        cacheWriteTokens,
        // The split by lifetime (`cache_creation`) never exceeds the total it splits.
        cacheWrite1hTokens: Math.min(cacheWriteTokens, count(usage?.cache_creation?.ephemeral_1h_input_tokens)),
        cacheReadTokens: count(usage?.cache_read_input_tokens),
    };
}
function addTokens(a, b) {
    return {
        inputTokens: a.inputTokens + b.inputTokens,
        outputTokens: a.outputTokens + b.outputTokens,
        cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
        cacheWrite1hTokens: (a.cacheWrite1hTokens ?? 0) + (b.cacheWrite1hTokens ?? 0),
        cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    };
}
/** Every token the model processed: uncached input, cache writes, cache reads and output. The token budget counts this. */
function totalTokens(t) {
    return t.inputTokens + t.outputTokens + t.cacheWriteTokens + t.cacheReadTokens;
}
/** Cost in USD. */
function costOf(t, price) {
    const write1h = price.cacheWrite1h ?? price.cacheWrite * 1.6;
    const written1h = Math.min(t.cacheWrite1hTokens ?? 0, t.cacheWriteTokens);
    const written5m = t.cacheWriteTokens - written1h;
    return ((t.inputTokens * price.input + t.outputTokens * price.output + written5m * price.cacheWrite + written1h * write1h + t.cacheReadTokens * price.cacheRead) /
        1_000_000);
}
/** The list prices with the configured ones merged over them (configuration wins per model id). */
function pricesOf(agent) {
    return { ...DEFAULT_PRICES, ...agent.prices };
}
function lookup(model, prices) {
    const exact = prices[model];
    if (exact)
        return exact;
    const prefix = Object.keys(prices)
        .filter((id) => model.startsWith(`${id}-`) || model.startsWith(`${id}@`))
        .sort((a, b) => b.length - a.length)[0];
    return prefix === undefined ? undefined : prices[prefix];
}
/**
 * The price of `model` in `prices` (pass {@link pricesOf}): the exact id, else the
 * longest id that the model id starts with (`claude-sonnet-4-5` prices
 * `claude-sonnet-4-5-20250929`), else the same for the Claude API id behind a Bedrock or
 * Vertex form of it. Undefined when none matches: the run's cost is then unknown.
 */
function priceFor(model, prices) {
    return lookup(model, prices) ?? lookup(canonicalModelId(model), prices);
}

// EXTERNAL MODULE: ./lib/pipeline/spec/model.js
var model = __webpack_require__(3569);
// EXTERNAL MODULE: ./lib/pipeline/config/path.js
var path = __webpack_require__(6178);
;// CONCATENATED MODULE: ./lib/pipeline/config/schema.js
/**
 * Schema of `.github/spec-automation.yml`, the one configuration file the app, the
 * action and the CLI share. Strict objects everywhere: a typo in a key is an error
 * with its line, never a silently ignored setting.
 */





/** The highest `specs.maxBytes` accepted. */
const MAX_SPEC_BYTES = 8 * 1024 * 1024;
const globList = schemas/* array */.YOg(schemas/* string */.YjP().min(1));
const severityThreshold = schemas/* enum */.k5n(['error', 'warning']);
const docType = schemas/* enum */.k5n(model/* DOC_TYPES */.D);
const docStatus = schemas/* enum */.k5n(['draft', 'proposed', 'in-review', 'approved', 'implementing', 'done', 'superseded', 'rejected', 'deprecated']);
/** Where spec documents are and which of them the automation may execute. */
const specsSchema = schemas/* strictObject */.rej({
    include: globList.default([
        'docs/**/*.md',
        'specs/**/*.md',
        '.kiro/specs/**/*.md',
        '_bmad-output/**/*.md',
        '*.md',
    ]).describe('Globs of candidate spec documents, relative to the repository root.'),
    exclude: globList.default([]).describe('Globs never treated as specs, added to the built-in exclusions (templates, README, …).'),
    types: schemas/* record */.g1P(schemas/* string */.YjP().min(1), docType).default({}).describe('Type overrides: `{ "docs/design/*.md": technical-spec }`.'),
    strict: schemas/* boolean */.zMY().default(false).describe('Strict mode: `type`, `id`, `title` and `status` are required in front matter.'),
    executableStatuses: schemas/* array */.YOg(docStatus).min(1).default(['approved', 'implementing']).describe('Statuses whose documents the automation executes; others get an info diagnostic.'),
    epicsFile: schemas/* string */.YjP().optional().describe('BMAD v6 keeps epics in epics.md; when set, PRDs are not asked for an epic list.'),
    coverage: schemas/* enum */.k5n(['error', 'warning', 'info', 'off']).default('warning').describe('Severity of a requirement (or spec-kit user story) that no task covers (`ts.coverage.req-untasked`, `ts.coverage.story-untasked`); `off` skips the check.'),
    maxBytes: schemas/* number */.aig()
        .int()
        .positive()
        .max(MAX_SPEC_BYTES, `specs.maxBytes is at most ${MAX_SPEC_BYTES} (8 MiB): parsing a larger document takes minutes and gigabytes; split it into shards (an index.md plus parts) instead`)
        .default(2 * 1024 * 1024)
        .describe('Files above this size get `spec.too-large` instead of being parsed; at most 8 MiB, since parsing costs seconds and hundreds of MB per MB.'),
});
const PARSERS = ['ruff', 'basedpyright', 'pytest', 'sarif', 'junit', 'regex', 'exit-code'];
/** One quality gate: a built-in (ruff, basedpyright, pytest) or any command with a parser. */
const gateSchema = schemas/* strictObject */.rej({
    enabled: schemas/* boolean */.zMY().default(true).describe('Run this gate; `false` keeps its settings but skips it.'),
    command: schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* array */.YOg(schemas/* string */.YjP()).min(1)]).optional().describe('The program to run. For a built-in gate it replaces only the program (`uv run pytest`); the output flags its parser needs are still added. A string is split on whitespace; use a list for arguments with spaces.'),
    args: schemas/* array */.YOg(schemas/* string */.YjP()).default([]).describe('Appended to the command line.'),
    parser: schemas/* enum */.k5n(PARSERS).optional().describe('How to read the output; built-in gates default to their own parser, custom gates need one.'),
    pattern: schemas/* string */.YjP().optional().describe('`regex` parser: a pattern with named groups `file`, `line`, `column`, `severity`, `code`, `message`.'),
    report: schemas/* string */.YjP().optional().describe('`junit`/`sarif` parsers: the report file the command writes (default: stdout). `{report}` in the command is replaced by a temp path.'),
    cwd: schemas/* string */.YjP().optional().describe('Working directory, relative to the repository root.'),
    env: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).default({}).describe('Set in the gate\'s environment, as written.'),
    passEnv: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[A-Za-z_][A-Za-z0-9_.-]*\*?$/, 'an environment variable name, or a prefix ending in *')).default([]).describe('Variables passed from the caller\'s environment beyond the built-in allow-list (PATH, HOME, locale, Python, display …): exact names or `PREFIX_*`. The action\'s inputs, `ACTIONS_*`, `ANTHROPIC_*`, cloud credentials and the app\'s secrets never pass.'),
    timeout: schemas/* number */.aig().positive().optional().describe('Seconds before the whole process tree is killed. Default 900; for pytest, 3x its last duration (at least 300) once one is known.'),
    failOn: severityThreshold.optional().describe('Lowest severity that fails the gate; defaults to the top-level `failOn`.'),
    noTests: schemas/* enum */.k5n(['pass', 'fail']).default('fail').describe('pytest exit code 5 (no tests collected): fail the gate or pass it.'),
    inputs: globList.optional().describe('Globs of files this gate reads, for the result cache; default: all tracked files.'),
    lowPriority: schemas/* boolean */.zMY().optional().describe('Run at lower CPU priority, so the test run keeps the cores (default: true for linters and type checkers).'),
    shards: schemas/* union */.KCZ([schemas/* literal */.euz('auto'), schemas/* number */.aig().int().positive().max(64)]).default('auto').describe('pytest only: test processes the suite is split into. `auto` (the default) uses the cores the concurrency limit leaves after the other gates; `1` runs it as one process (a suite whose tests must share one process, e.g. a module-level fixture that must not run twice).'),
});
const priceSchema = schemas/* strictObject */.rej({
    input: schemas/* number */.aig().nonnegative().describe('USD per million tokens.'),
    output: schemas/* number */.aig().nonnegative().describe('USD per million output tokens.'),
    cacheWrite: schemas/* number */.aig().nonnegative().describe('A 5-minute cache write.'),
    cacheWrite1h: schemas/* number */.aig().nonnegative().optional().describe('A 1-hour cache write; default 1.6 × cacheWrite.'),
    cacheRead: schemas/* number */.aig().nonnegative().describe('USD per million tokens read from the prompt cache.'),
});
/** Where the model is served: the Anthropic API (or a gateway at ANTHROPIC_BASE_URL), Amazon Bedrock, Google Vertex AI, Microsoft Foundry; `auto` picks from the environment. */
const MODEL_PROVIDERS = ['auto', 'anthropic', 'bedrock', 'vertex', 'foundry'];
const agentObject = schemas/* strictObject */.rej({
    provider: schemas/* enum */.k5n(MODEL_PROVIDERS).default('auto').describe('Where the model is served: `anthropic` (ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN, ANTHROPIC_BASE_URL for a gateway), `bedrock`, `vertex`, `foundry`; `auto` picks from the environment.'),
    model: schemas/* string */.YjP().min(1).default(DEFAULT_MODEL).describe('Model id, in the form the route expects (Bedrock and Vertex ids are derived from the Anthropic id).'),
    maxTokens: schemas/* number */.aig().int().positive().default(16_000).describe('Most output tokens per model response.'),
    requestTimeoutSeconds: schemas/* number */.aig().positive().default(600).describe('Seconds one model request may take before it is retried.'),
    maxRetries: schemas/* number */.aig().int().nonnegative().default(4).describe('Retries of an overloaded, rate-limited or failed model request, with backoff.'),
    maxIterations: schemas/* number */.aig().int().nonnegative().default(3).describe('Fix iterations after the first implementation pass.'),
    failFast: schemas/* boolean */.zMY()
        .default(false)
        .describe('Local loop (`spec-automation run`): in a fix iteration, when the tests that failed last time (run first, in a shard of their own) still fail, cancel the rest of the gates and start the next agent iteration at once with those failures, instead of waiting for the whole suite. The cancelled gates are reported as cancelled; a run is ready only after a full gates run passes.'),
    budgets: schemas/* strictObject */.rej({
        turns: schemas/* number */.aig().int().positive().default(80).describe('Model responses per run.'),
        tokens: schemas/* number */.aig().int().positive().default(4_000_000).describe('Input, output and cache tokens per run.'),
        costUsd: schemas/* number */.aig().positive().default(20).describe('USD per run (needs a price for the model).'),
        wallMinutes: schemas/* number */.aig().positive().default(60).describe('Minutes of wall time per run.'),
    })
        .prefault({}).describe('What one run may spend before it stops with needs-human.'),
    limits: schemas/* strictObject */.rej({
        maxFilesChanged: schemas/* number */.aig().int().positive().default(60).describe('Files written, edited or deleted per change set.'),
        maxFileBytes: schemas/* number */.aig().int().positive().default(256 * 1024).describe('Bytes of one written file.'),
        maxTotalBytes: schemas/* number */.aig().int().positive().default(2 * 1024 * 1024).describe('Bytes of all written files together.'),
    })
        .prefault({}).describe('How much one agent change set may hold.'),
    denyPaths: globList.default([]).describe('Globs the agent may never write (matched case-insensitively, Unicode-normalized); the always-protected paths (guards.ts) apply on top.'),
    failureBudgetChars: schemas/* number */.aig().int().positive().default(24_000).describe('Characters of gate failures given to the agent per fix iteration.'),
    prices: schemas/* record */.g1P(schemas/* string */.YjP(), priceSchema).default({}).describe('USD per million tokens, by model id, merged over the built-in list (src/pipeline/agent/models.ts).'),
    cacheLifetime: schemas/* enum */.k5n(['auto', '5m', '1h']).default('auto').describe('Prompt-cache lifetime of the stable prefix: `auto` is 1 hour in the app (its next iteration waits for CI) and 5 minutes in the local loop.'),
});
/**
 * A cost budget needs a price: an explicitly configured `budgets.costUsd` on a model
 * that has none is an error here, where it can point at the key. (Without one, the
 * default cost budget is simply not measured, and the token budget holds.) Checked on
 * the raw input, because after parsing the default and a configured value look alike.
 */
function checkCostBudgetPriced(raw, ctx) {
    if (typeof raw !== 'object' || raw === null)
        return;
    const r = raw;
    if (typeof r.budgets !== 'object' || r.budgets === null || r.budgets.costUsd === undefined)
        return;
    const model = typeof r.model === 'string' && r.model.trim() !== '' ? r.model : DEFAULT_MODEL;
    const configured = typeof r.prices === 'object' && r.prices !== null ? r.prices : {};
    if (priceFor(model, { ...models_DEFAULT_PRICES, ...configured }))
        return;
    ctx.addIssue({
        code: 'custom',
        path: ['budgets', 'costUsd'],
        message: `agent.budgets.costUsd is set, but model "${model}" has no price, so the cost budget cannot be measured. Add agent.prices."${model}": { input, output, cacheWrite, cacheRead } (USD per million tokens), or remove agent.budgets.costUsd and rely on agent.budgets.tokens.`,
    });
}
/** The dev agent: model route, model, budgets and what it may not touch. */
const agentSchema = schemas/* preprocess */.vkY((raw, ctx) => {
    checkCostBudgetPriced(raw, ctx);
    return raw;
}, agentObject);
/** The GitHub App. */
const appSchema = schemas/* strictObject */.rej({
    enabled: schemas/* boolean */.zMY().default(true).describe('Let pushes to this repository start runs.'),
    branches: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).default([]).describe('Branches whose pushes start runs; empty means the default branch.'),
    gatesWorkflow: schemas/* string */.YjP().min(1).default('spec-automation').describe('Name of the workflow that runs the gates action on spec branches.'),
    branchPrefix: schemas/* string */.YjP().min(1).default('spec/').describe('Prefix of the branches the app opens for spec runs: `spec/<doc-id>`.'),
});
/** Requirement → test traceability. */
const traceabilitySchema = schemas/* strictObject */.rej({
    tests: globList.default(['tests/**/*.py', 'test/**/*.py', '**/test_*.py', '**/*_test.py']).describe('Globs of test files that may cite requirement ids.'),
    code: globList.default(['**/*.py']).describe('Globs of code files scanned for requirement ids in comments.'),
    patterns: schemas/* array */.YOg(schemas/* string */.YjP()).default([]).describe('Extra regexes whose first capture group is a requirement id.'),
    marker: schemas/* string */.YjP().min(1).default('req').describe('pytest marker name: `@pytest.mark.req("FR-12")`.'),
    ignoreKinds: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).default(['UJ', 'SM', 'SM-C', 'SC']).describe('Requirement kinds (id prefixes) that need no test of their own: user journeys, success metrics and criteria.'),
});
/** Scheduled re-validation. */
const revalidateSchema = schemas/* strictObject */.rej({
    failOn: schemas/* enum */.k5n(['error', 'warning', 'never']).default('error').describe('Lowest severity that fails the scheduled re-validation: error, warning, or never.'),
    issue: schemas/* boolean */.zMY().default(true).describe('Keep one Spec health issue, edited in place and closed when healthy.'),
    issueTitle: schemas/* string */.YjP().min(1).default('Spec health').describe('Title of the Spec health issue.'),
    issueLabel: schemas/* string */.YjP().min(1).default('spec-health').describe('Label that finds the Spec health issue.'),
    lockFile: schemas/* string */.YjP().min(1).default('.spec-automation/lock.json').describe('The lock file: which spec version each implementation was made from.'),
});
const DEFAULT_GATES = ['ruff', 'basedpyright', 'pytest'];
const configSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1).default(1).describe('Version of this file\'s format; 1.'),
    python: schemas/* string */.YjP().optional().describe('Python interpreter for basedpyright and pytest; default: the project\'s virtualenv, then PATH.'),
    failOn: severityThreshold.default('error').describe('Lowest severity that fails a gate (per-gate `failOn` overrides).'),
    concurrency: schemas/* number */.aig().int().nonnegative().default(0).describe('Gates run at once; 0 means the number of CPUs.'),
    cache: schemas/* strictObject */.rej({
        enabled: schemas/* boolean */.zMY().default(true).describe('Reuse a gate\'s result when its inputs did not change.'),
        maxMegabytes: schemas/* number */.aig().positive().default(200).describe('Size of the cache before the oldest entries go.'),
    })
        .prefault({}).describe('The gate result cache (outside the checkout: RUNNER_TEMP in the action, the user cache directory in the CLI).'),
    specs: specsSchema.prefault({}).describe('Where spec documents are and which of them the automation executes.'),
    gates: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'gate names use letters, digits, ".", "_" and "-"'), schemas/* union */.KCZ([schemas/* literal */.euz(false), gateSchema]))
        .default(() => Object.fromEntries(DEFAULT_GATES.map((g) => [g, gateSchema.parse({})]))).describe('Gates by name; `false` disables one. Absent: ruff, basedpyright and pytest.'),
    agent: agentSchema.prefault({}).describe('The dev agent: model route, model, budgets and what it may not touch.'),
    app: appSchema.prefault({}).describe('The GitHub App: which pushes start runs, and how spec branches are named.'),
    traceability: traceabilitySchema.prefault({}).describe('Requirement → test traceability: where tests and code are, and how they cite ids.'),
    revalidate: revalidateSchema.prefault({}).describe('The scheduled re-validation of every spec.'),
});
let defaults;
/**
 * The configuration a repository without a config file gets: a fresh copy each call (the
 * caller may change it) of the schema's defaults, parsed once (a parse costs about half a
 * millisecond, paid by every push job of a repository without a config file).
 */
function defaultConfig() {
    defaults ??= configSchema.parse({});
    return structuredClone(defaults);
}


/***/ }),

/***/ 3569:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ DOC_TYPES)
/* harmony export */ });
const DOC_TYPES = ['prd', 'functional-spec', 'technical-spec', 'sprint-change-proposal'];


/***/ })

};
