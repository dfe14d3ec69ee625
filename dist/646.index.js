export const id = 646;
export const ids = [646];
export const modules = {

/***/ 2646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseConfigText: () => (/* binding */ parseConfigText)
});

// UNUSED EXPORTS: defaultConfig, validateConfig

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/pipeline/diagnostic.js
var diagnostic = __webpack_require__(9343);
;// CONCATENATED MODULE: ./lib/pipeline/edit-distance.js
/**
 * Levenshtein distance, for "did you mean" hints (an unknown config key, an unknown rule
 * code). Inputs are short identifiers, so the one-row O(a·b) version is plenty.
 */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cur = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = cur;
        }
    }
    return row[b.length];
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
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



const globList = schemas/* array */.YOg(schemas/* string */.YjP().min(1));
const severityThreshold = schemas/* enum */.k5n(['error', 'warning']);
const docType = schemas/* enum */.k5n(model/* DOC_TYPES */.D);
const docStatus = schemas/* enum */.k5n(['draft', 'proposed', 'in-review', 'approved', 'implementing', 'done', 'superseded', 'rejected', 'deprecated']);
/** Where spec documents are and which of them the automation may execute. */
const specsSchema = schemas/* strictObject */.rej({
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
    types: schemas/* record */.g1P(schemas/* string */.YjP().min(1), docType).default({}),
    /** Strict mode: `type`, `id`, `title` and `status` are required in front matter. */
    strict: schemas/* boolean */.zMY().default(false),
    /** Statuses whose documents the automation executes; others get an info diagnostic. */
    executableStatuses: schemas/* array */.YOg(docStatus).min(1).default(['approved', 'implementing']),
    /** BMAD v6 keeps epics in epics.md; when set, PRDs are not asked for an epic list. */
    epicsFile: schemas/* string */.YjP().optional(),
    /** Files above this size get `spec.too-large` instead of being parsed. */
    maxBytes: schemas/* number */.aig().int().positive().default(2 * 1024 * 1024),
});
const PARSERS = ['ruff', 'basedpyright', 'pytest', 'sarif', 'junit', 'regex', 'exit-code'];
/** One quality gate: a built-in (ruff, basedpyright, pytest) or any command with a parser. */
const gateSchema = schemas/* strictObject */.rej({
    enabled: schemas/* boolean */.zMY().default(true),
    /**
     * The program to run. For a built-in gate it replaces only the program (`uv run pytest`); the output
     * flags its parser needs are still added. A string is split on whitespace; use a list for arguments with spaces.
     */
    command: schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* array */.YOg(schemas/* string */.YjP()).min(1)]).optional(),
    /** Appended to the command line. */
    args: schemas/* array */.YOg(schemas/* string */.YjP()).default([]),
    /** How to read the output; built-in gates default to their own parser, custom gates need one. */
    parser: schemas/* enum */.k5n(PARSERS).optional(),
    /** `regex` parser: a pattern with named groups `file`, `line`, `column`, `severity`, `code`, `message`. */
    pattern: schemas/* string */.YjP().optional(),
    /** `junit`/`sarif` parsers: the report file the command writes (default: stdout). `{report}` in the command is replaced by a temp path. */
    report: schemas/* string */.YjP().optional(),
    /** Working directory, relative to the repository root. */
    cwd: schemas/* string */.YjP().optional(),
    env: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).default({}),
    /** Seconds before the whole process tree is killed. */
    timeout: schemas/* number */.aig().positive().default(900),
    /** Lowest severity that fails the gate; defaults to the top-level `failOn`. */
    failOn: severityThreshold.optional(),
    /** pytest exit code 5 (no tests collected): fail the gate or pass it. */
    noTests: schemas/* enum */.k5n(['pass', 'fail']).default('fail'),
    /** Globs of files this gate reads, for the result cache; default: all tracked files. */
    inputs: globList.optional(),
    /** Run at lower CPU priority, so the test run keeps the cores (default: true for linters and type checkers). */
    lowPriority: schemas/* boolean */.zMY().optional(),
});
const priceSchema = schemas/* strictObject */.rej({
    /** USD per million tokens. */
    input: schemas/* number */.aig().nonnegative(),
    output: schemas/* number */.aig().nonnegative(),
    cacheWrite: schemas/* number */.aig().nonnegative(),
    cacheRead: schemas/* number */.aig().nonnegative(),
});
/** The dev agent: model, budgets and what it may not touch. */
const agentSchema = schemas/* strictObject */.rej({
    model: schemas/* string */.YjP().min(1).default('claude-sonnet-4-6'),
    maxTokens: schemas/* number */.aig().int().positive().default(16_000),
    requestTimeoutSeconds: schemas/* number */.aig().positive().default(600),
    maxRetries: schemas/* number */.aig().int().nonnegative().default(4),
    /** Fix iterations after the first implementation pass. */
    maxIterations: schemas/* number */.aig().int().nonnegative().default(3),
    budgets: schemas/* strictObject */.rej({
        turns: schemas/* number */.aig().int().positive().default(80),
        tokens: schemas/* number */.aig().int().positive().default(4_000_000),
        costUsd: schemas/* number */.aig().positive().default(20),
        wallMinutes: schemas/* number */.aig().positive().default(60),
    })
        .prefault({}),
    limits: schemas/* strictObject */.rej({
        maxFilesChanged: schemas/* number */.aig().int().positive().default(60),
        maxFileBytes: schemas/* number */.aig().int().positive().default(256 * 1024),
        maxTotalBytes: schemas/* number */.aig().int().positive().default(2 * 1024 * 1024),
    })
        .prefault({}),
    /** Globs the agent may never write; `.git/**` and `.github/workflows/**` are always denied. */
    denyPaths: globList.default([]),
    /** Characters of gate failures given to the agent per fix iteration. */
    failureBudgetChars: schemas/* number */.aig().int().positive().default(24_000),
    /** USD per million tokens, by model id. */
    prices: schemas/* record */.g1P(schemas/* string */.YjP(), priceSchema).default({
        'claude-sonnet-4-6': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
        'claude-opus-4-6': { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
        'claude-haiku-4-5': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
    }),
});
/** The GitHub App. */
const appSchema = schemas/* strictObject */.rej({
    enabled: schemas/* boolean */.zMY().default(true),
    /** Branches whose pushes start runs; empty means the default branch. */
    branches: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).default([]),
    /** Name of the workflow that runs the gates action on spec branches. */
    gatesWorkflow: schemas/* string */.YjP().min(1).default('spec-automation'),
    branchPrefix: schemas/* string */.YjP().min(1).default('spec/'),
});
/** Requirement → test traceability. */
const traceabilitySchema = schemas/* strictObject */.rej({
    tests: globList.default(['tests/**/*.py', 'test/**/*.py', '**/test_*.py', '**/*_test.py']),
    code: globList.default(['**/*.py']),
    /** Extra regexes whose first capture group is a requirement id. */
    patterns: schemas/* array */.YOg(schemas/* string */.YjP()).default([]),
    /** pytest marker name: `@pytest.mark.req("FR-12")`. */
    marker: schemas/* string */.YjP().min(1).default('req'),
    /** Requirement kinds (id prefixes) that need no test of their own: user journeys, success metrics and criteria. */
    ignoreKinds: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).default(['UJ', 'SM', 'SM-C', 'SC']),
});
/** Scheduled re-validation. */
const revalidateSchema = schemas/* strictObject */.rej({
    failOn: schemas/* enum */.k5n(['error', 'warning', 'never']).default('error'),
    issue: schemas/* boolean */.zMY().default(true),
    issueTitle: schemas/* string */.YjP().min(1).default('Spec health'),
    issueLabel: schemas/* string */.YjP().min(1).default('spec-health'),
    lockFile: schemas/* string */.YjP().min(1).default('.spec-automation/lock.json'),
});
const DEFAULT_GATES = ['ruff', 'basedpyright', 'pytest'];
const configSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1).default(1),
    /** Python interpreter for basedpyright and pytest; default: the project's virtualenv, then PATH. */
    python: schemas/* string */.YjP().optional(),
    /** Lowest severity that fails a gate (per-gate `failOn` overrides). */
    failOn: severityThreshold.default('error'),
    /** Gates run at once; 0 means the number of CPUs. */
    concurrency: schemas/* number */.aig().int().nonnegative().default(0),
    cache: schemas/* strictObject */.rej({
        enabled: schemas/* boolean */.zMY().default(true),
        maxMegabytes: schemas/* number */.aig().positive().default(200),
    })
        .prefault({}),
    specs: specsSchema.prefault({}),
    /** Gates by name; `false` disables one. Absent: ruff, basedpyright and pytest. */
    gates: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'gate names use letters, digits, ".", "_" and "-"'), schemas/* union */.KCZ([schemas/* literal */.euz(false), gateSchema]))
        .default(() => Object.fromEntries(DEFAULT_GATES.map((g) => [g, gateSchema.parse({})]))),
    agent: agentSchema.prefault({}),
    app: appSchema.prefault({}),
    traceability: traceabilitySchema.prefault({}),
    revalidate: revalidateSchema.prefault({}),
});
/** The configuration a repository without a config file gets. */
function defaultConfig() {
    return configSchema.parse({});
}

;// CONCATENATED MODULE: ./lib/pipeline/config/load.js
/**
 * Reads `.github/spec-automation.yml` text into a validated {@link Config}, with every
 * problem as a located diagnostic: YAML syntax errors and schema errors both point at
 * the line and column of the offending key or value.
 */




/** Finds the node at a schema path, preferring the key node for unknown keys. */
function locate(root, path, lc, preferKey) {
    let node = root;
    let best = { line: 1, column: 1 };
    const at = (n) => {
        const range = n?.range;
        return range ? { line: lc.linePos(range[0]).line, column: lc.linePos(range[0]).col } : undefined;
    };
    best = at(node) ?? best;
    const steps = preferKey === undefined ? path : [...path, preferKey];
    for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        const isLastKey = preferKey !== undefined && i === steps.length - 1;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(step));
            if (!pair)
                break;
            if (isLastKey)
                return at(pair.key) ?? best;
            best = at(pair.value) ?? at(pair.key) ?? best;
            node = pair.value;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof step === 'number') {
            const item = node.items[step];
            if (item === undefined)
                break;
            best = at(item) ?? best;
            node = item;
        }
        else
            break;
    }
    return best;
}
/** Keys the schema accepts at a path, for "did you mean" hints. */
function knownKeys(path) {
    let schema = configSchema;
    for (const step of path) {
        schema = unwrap(schema);
        const shape = schema.shape;
        if (shape && typeof step === 'string' && step in shape)
            schema = shape[step];
        else {
            const def = schema.def;
            if (def?.valueType)
                schema = def.valueType;
            else
                return [];
        }
    }
    schema = unwrap(schema);
    const shape = schema.shape;
    return shape ? Object.keys(shape) : [];
}
function unwrap(schema) {
    let s = schema;
    for (let i = 0; i < 10 && s?.def; i++) {
        if (s.def.innerType)
            s = s.def.innerType;
        else if (s.def.type === 'union' && s.def.options) {
            const obj = s.def.options.find((o) => o.shape);
            if (!obj)
                break;
            s = obj;
        }
        else
            break;
    }
    return s;
}
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance)
            [best, bestDistance] = [c, d];
    }
    return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
function describePath(path) {
    return path.length === 0 ? 'the top level' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}
/**
 * A union (`false` or a gate object) fails as one vague "Invalid input"; descend into the
 * branch that got furthest, so the user hears about `noTests`, not about `false`.
 */
function expandUnions(issue) {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0)
        return [issue];
    const depth = (branch) => Math.max(...branch.map((i) => i.path.length));
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    if (depth(best) === 0)
        return [issue];
    return best.flatMap((i) => expandUnions({ ...i, path: [...issue.path, ...i.path] }));
}
function issueToDiagnostic(issue, root, lc, file) {
    const base = { source: 'config', path: file, severity: 'error' };
    if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
            const where = locate(root, issue.path, lc, key);
            const suggestion = closest(key, knownKeys(issue.path));
            return {
                ...base,
                rule: 'config.unknown-key',
                range: { start: where },
                message: `Unknown key "${key}" in ${describePath(issue.path)}.`,
                hint: suggestion
                    ? `Did you mean "${suggestion}"?`
                    : `Allowed keys: ${knownKeys(issue.path).join(', ') || '(none)'}. See the configuration reference in the README.`,
            };
        });
    }
    const where = locate(root, issue.path, lc, undefined);
    return [
        {
            ...base,
            rule: 'config.invalid',
            range: { start: where },
            message: `${describePath(issue.path)}: ${issue.message}`,
            hint: 'See the configuration reference in the README.',
        },
    ];
}
/**
 * Parses and validates configuration text.
 * @param text the YAML file's content; empty text means "all defaults"
 * @param file the repo-relative path, used in diagnostics
 */
function parseConfigText(text, file = path/* CONFIG_PATH */.t) {
    const lc = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const yamlErrors = doc.errors.map((e) => {
        const pos = lc.linePos(e.pos[0]);
        return {
            source: 'config',
            path: file,
            severity: 'error',
            rule: 'config.yaml',
            range: { start: { line: pos.line, column: pos.col } },
            message: `Invalid YAML: ${e.message.split('\n')[0]}`,
            hint: 'Check indentation and quoting; a value containing ": " must be quoted.',
        };
    });
    if (yamlErrors.length > 0)
        return { ok: false, diagnostics: (0,diagnostic/* assignFingerprints */.Dz)(yamlErrors) };
    const data = doc.toJS() ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) {
        return {
            ok: false,
            diagnostics: (0,diagnostic/* assignFingerprints */.Dz)([
                {
                    source: 'config',
                    path: file,
                    severity: 'error',
                    rule: 'config.not-mapping',
                    range: { start: { line: 1 } },
                    message: 'The configuration must be a mapping of keys to values.',
                    hint: 'Start from the example in the README: `gates:`, `specs:`, `agent:` …',
                },
            ]),
        };
    }
    return validateConfig(data, file, doc.contents, lc);
}
/**
 * Validates an already-parsed object (from Probot's `context.config`, say). Without the
 * YAML document, diagnostics point at line 1.
 */
function validateConfig(data, file = path/* CONFIG_PATH */.t, root = null, lc = new dist/* LineCounter */.HN()) {
    const parsed = configSchema.safeParse(data ?? {});
    if (parsed.success)
        return { ok: true, config: parsed.data, diagnostics: [] };
    const diagnostics = parsed.error.issues.flatMap(expandUnions).flatMap((i) => issueToDiagnostic(i, root, lc, file));
    return { ok: false, diagnostics: (0,diagnostic/* assignFingerprints */.Dz)(diagnostics) };
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
