export const id = 819;
export const ids = [819];
export const modules = {

/***/ 849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ createLocalSink),
/* harmony export */   s: () => (/* binding */ trackingAnnotations)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _reporting_workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(752);
/**
 * The runner's own outputs, which need no token: the job summary (GITHUB_STEP_SUMMARY,
 * via @actions/core) and workflow-command annotations on stdout (`::error file=…`).
 * They carry the findings when the token may not write (fork pull requests) and on
 * request (`report: annotations`). GitHub shows at most 10 errors and 10 warnings per
 * step from these, so they never replace check runs when check runs are possible.
 */


/** The sink the action reports through; writes go to the real runner files and stdout. */
function createLocalSink(write = (text) => void process.stdout.write(text)) {
    const annotateNow = (diagnostics) => {
        if (diagnostics.length > 0)
            write((0,_reporting_workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .renderWorkflowCommands */ .e5)(diagnostics));
    };
    return {
        async writeSummary(markdown) {
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
        },
        annotate: annotateNow,
        annotateNow,
        warn(message) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message);
        },
    };
}
/**
 * Wraps a sink to remember which findings it annotated, so `report: annotations` adds
 * only those the read-only fallback did not already write.
 */
function trackingAnnotations(sink) {
    const annotated = new Set();
    return {
        annotated,
        sink: {
            writeSummary: (markdown) => sink.writeSummary(markdown),
            warn: (message) => sink.warn(message),
            async annotate(diagnostics) {
                await sink.annotate(diagnostics);
                for (const d of diagnostics)
                    annotated.add(d.fingerprint);
            },
        },
    };
}


/***/ }),

/***/ 1267:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ logFindings)
/* harmony export */ });
/* unused harmony export workspaceLines */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6421);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2988);
/* harmony import */ var _reporting_text_diagnostics_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1680);
/**
 * The findings in the job log, one collapsible group per gate, with code frames read
 * from the checkout: the log is where people look first when a step fails.
 */





/** Findings shown per file in the log; the rest are counted (the check runs have them all). */
const MAX_PER_FILE = 25;
/** Source lines of a repo-relative path under `workspace`; undefined when unreadable or outside. */
function workspaceLines(workspace) {
    const cache = new Map();
    return (path) => {
        if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split('/').includes('..'))
            return undefined;
        if (!cache.has(path)) {
            try {
                cache.set(path, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspace, path), 'utf8').replace(/\r\n?/g, '\n').split('\n'));
            }
            catch {
                cache.set(path, undefined);
            }
        }
        return cache.get(path);
    };
}
/**
 * Logs each group's findings in a collapsed group titled `<name>: <count> findings`.
 *
 * @param groups name → findings (groups without findings are skipped)
 * @param workspace the checkout, for code frames
 */
function logFindings(groups, workspace) {
    const readLines = workspaceLines(workspace);
    for (const { name, diagnostics } of groups) {
        if (diagnostics.length === 0)
            continue;
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .startGroup */ .Oh(`${name}: ${diagnostics.length} finding${diagnostics.length === 1 ? '' : 's'}`);
        try {
            (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .logText */ .k)((0,_reporting_text_diagnostics_js__WEBPACK_IMPORTED_MODULE_4__/* .renderDiagnostics */ .DO)(diagnostics, { readLines, maxPerFile: MAX_PER_FILE, color: false }).trimEnd());
        }
        finally {
            _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .endGroup */ .N4();
        }
    }
}


/***/ }),

/***/ 2988:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ logText)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6421);
/* harmony import */ var _reporting_workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(752);
/**
 * The action's log lines. `core.info` writes its text raw, and the runner reads any line
 * starting with `::` as a workflow command: a file name, a tool message or a spec field
 * with a newline could write `::error …`, `::add-mask::` or `::stop-commands::` into a
 * fork PR's log. Every line the action prints goes through {@link logText}, which puts
 * text that could be a command between stop-commands markers with a fresh random token.
 */



/** Prints `text` (untrusted) to the job log, never as a command. */
function logText(text, write = (line) => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(line)) {
    write((0,_reporting_workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .inertLogText */ .I1)(text, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex')));
}


/***/ }),

/***/ 7819:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./lib/action/log.js
var action_log = __webpack_require__(2988);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./lib/gates/cache.js
/**
 * The result cache: one JSON file per key under `<cache dir>/gates/` (see cache-dir.ts:
 * never inside the checkout), written atomically, evicted oldest-first beyond a size
 * bound. Only verdicts are cached (passed, failed); a tool error is always retried. An
 * entry read back is validated (result-schema.ts): anything else is a miss. A write that
 * fails (disk full, read-only) leaves no temp file behind and is one warning; the
 * verdict stands.
 */



const FORMAT = 1;
/**
 * One warning per run for cache writes, however many fail: a full disk fails them all,
 * and the reader needs the cause once, not once per gate. The run creates one and gives
 * it to every cache it writes (configuration, results, probes).
 *
 * @param warn where the warning is said (the CLI's stderr, the action's `core.warning`)
 */
function cacheWriteWarning(warn, dir) {
    let said = false;
    return (error) => {
        if (said)
            return;
        said = true;
        const reason = error instanceof Error ? error.message : String(error);
        warn(`Could not write the gates cache in ${dir} (${reason}). The results of this run stand; the next run will not be answered from the cache. Free space or fix the permissions, or set cache.enabled: false.`);
    };
}
/**
 * Writes `text` to `file` through a temp file and a rename, so a reader never sees half
 * an entry. On failure the temp file is removed and the error is thrown.
 */
async function writeAtomically(file, text) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    const temp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
    try {
        await (0,promises_.writeFile)(temp, text, { flag: 'wx' });
        await (0,promises_.rename)(temp, file);
    }
    catch (error) {
        await (0,promises_.unlink)(temp).catch(() => undefined);
        throw error;
    }
}
/** A stable hash of any JSON-able value (object keys sorted). */
function stableHash(value) {
    const canonical = (v) => {
        if (Array.isArray(v))
            return v.map(canonical);
        if (v && typeof v === 'object') {
            return Object.fromEntries(Object.keys(v)
                .sort()
                .map((k) => [k, canonical(v[k])]));
        }
        return v;
    };
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}
class ResultCache {
    maxBytes;
    writeFailed;
    dir;
    /**
     * @param cacheDir the repository's cache directory (see `repositoryCacheDir`)
     * @param maxBytes size bound of the stored results
     * @param writeFailed told when a write fails (default: nothing)
     */
    constructor(cacheDir, maxBytes, writeFailed = () => undefined) {
        this.maxBytes = maxBytes;
        this.writeFailed = writeFailed;
        this.dir = (0,external_node_path_.join)(cacheDir, 'gates');
    }
    file(key) {
        return (0,external_node_path_.join)(this.dir, `${key.slice(0, 40)}.json`);
    }
    /** A gate's run history (past durations, last failures), one small file per gate, kept beside the results and not evicted with them. */
    historyFile(name) {
        return (0,external_node_path_.join)((0,external_node_path_.dirname)(this.dir), 'history', `${stableHash(name).slice(0, 40)}.json`);
    }
    /** The history stored under `name`, as JSON (the caller validates it), or undefined. */
    async getHistory(name) {
        try {
            return JSON.parse(await (0,promises_.readFile)(this.historyFile(name), 'utf8'));
        }
        catch {
            return undefined;
        }
    }
    /** Stores a history record; never throws (a failure is the run's one cache warning). */
    async setHistory(name, value) {
        try {
            await writeAtomically(this.historyFile(name), JSON.stringify(value));
        }
        catch (error) {
            this.writeFailed(error);
        }
    }
    /** The cached result for a key, or undefined. An entry that is not a valid result is a miss. */
    async get(key) {
        const file = this.file(key);
        let entry;
        try {
            entry = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        }
        catch {
            return undefined;
        }
        if (!entry || typeof entry !== 'object' || entry.format !== FORMAT || entry.key !== key)
            return undefined;
        const { parseCachedResult } = await __webpack_require__.e(/* import() */ 559).then(__webpack_require__.bind(__webpack_require__, 9559));
        const result = parseCachedResult(entry.result);
        if (!result)
            return undefined;
        // Touch, so eviction removes the least recently used entries first.
        const now = new Date();
        await (0,promises_.utimes)(file, now, now).catch(() => undefined);
        return result;
    }
    /** Stores a result; never throws (a failure is one warning per run). */
    async set(key, result) {
        const entry = { format: FORMAT, key, result };
        try {
            await writeAtomically(this.file(key), JSON.stringify(entry));
        }
        catch (error) {
            this.writeFailed(error);
            return;
        }
        await this.evict();
    }
    /** Removes the oldest entries until the store fits its bound. */
    async evict() {
        const names = await (0,promises_.readdir)(this.dir).catch(() => []);
        const entries = (await Promise.all(names.map(async (name) => {
            try {
                const s = await (0,promises_.stat)((0,external_node_path_.join)(this.dir, name));
                return { name, size: s.size, mtime: s.mtimeMs };
            }
            catch {
                return undefined;
            }
        }))).filter((e) => e !== undefined);
        let total = entries.reduce((sum, e) => sum + e.size, 0);
        entries.sort((a, b) => a.mtime - b.mtime);
        for (const e of entries) {
            if (total <= this.maxBytes)
                break;
            await (0,promises_.unlink)((0,external_node_path_.join)(this.dir, e.name)).catch(() => undefined);
            total -= e.size;
        }
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./lib/gates/cache-dir.js
/**
 * Where the gates keep their caches: never inside the checkout, whose files a pull
 * request controls (a forged entry there once turned a failing test suite green).
 *
 * - In a GitHub Actions job: `$RUNNER_TEMP/spec-automation/cache`, emptied with the job;
 *   persist it with `actions/cache`, whose scoping keeps a pull request's entries from
 *   its base branch.
 * - Elsewhere: the user cache directory — `%LOCALAPPDATA%` on Windows,
 *   `~/Library/Caches` on macOS, `$XDG_CACHE_HOME` (default `~/.cache`) otherwise.
 *
 * Under that base, one directory per repository (the real path of its root), so two
 * checkouts never answer each other's gates.
 */




/** The base directory of every spec-automation cache on this machine (or job). */
function cacheBase(env, platform = process.platform) {
    if (env.GITHUB_ACTIONS === 'true' && env.RUNNER_TEMP && (0,external_node_path_.isAbsolute)(env.RUNNER_TEMP))
        return (0,external_node_path_.join)(env.RUNNER_TEMP, 'spec-automation', 'cache');
    const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) || (0,external_node_os_.homedir)();
    if (platform === 'win32')
        return (0,external_node_path_.join)(env.LOCALAPPDATA && (0,external_node_path_.isAbsolute)(env.LOCALAPPDATA) ? env.LOCALAPPDATA : (0,external_node_path_.join)(home, 'AppData', 'Local'), 'spec-automation', 'cache');
    if (platform === 'darwin')
        return (0,external_node_path_.join)(home, 'Library', 'Caches', 'spec-automation');
    // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
    return (0,external_node_path_.join)(env.XDG_CACHE_HOME && (0,external_node_path_.isAbsolute)(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : (0,external_node_path_.join)(home, '.cache'), 'spec-automation');
}
function realRoot(root) {
    try {
        return external_node_fs_.realpathSync.native(root);
    }
    catch {
        return (0,external_node_path_.resolve)(root);
    }
}
/**
 * The cache directory of one repository: `<base>/repos/<name>-<hash of its real path>`.
 * The name is only for people looking at the directory; the hash is the key.
 */
function repositoryCacheDir(root, env, platform = process.platform) {
    const real = realRoot(root);
    const key = (0,external_node_crypto_.createHash)('sha256').update(platform === 'win32' ? real.toLowerCase() : real).digest('hex').slice(0, 16);
    const name = (0,external_node_path_.basename)(real).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'root';
    return (0,external_node_path_.join)(cacheBase(env, platform), 'repos', `${name}-${key}`);
}

;// CONCATENATED MODULE: ./lib/pipeline/redact.js
/**
 * The one redactor: every text that leaves the app, the action or the CLI (log lines,
 * check runs, review and state comments, state files, caches, prompts, recorded
 * sessions) goes through {@link Redactor.redact} first. It removes the secret values in
 * play (the environment's tokens and keys, the action's `github-token`, the app's
 * private key and webhook secret) and anything shaped like a key (Anthropic keys,
 * GitHub tokens, PEM blocks, AWS access keys), in case one arrives from elsewhere (a
 * test printing its environment, an error message quoting a header).
 */
const SHAPES = [
    /sk-ant-[A-Za-z0-9_-]{8,}/g,
    /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
    /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
    /\bAKIA[0-9A-Z]{16}\b/g,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];
/** Text every match of a {@link SHAPES} entry contains: most text has none, and skips the five searches. */
const SHAPE_HINT = /sk-ant-|gh[pousr]_|github_pat_|AKIA|-----BEGIN /;
const REDACTED = '[redacted]';
/**
 * Names of environment variables whose values are secrets: the ones the app, the action
 * and the runner use, and any name that says it holds one (`…_TOKEN`, `…_SECRET`,
 * `…PASSWORD`, `…_API_KEY`, `…PRIVATE_KEY`, `…_ACCESS_KEY`, `…CREDENTIALS`).
 */
function isSecretName(name) {
    const upper = name.toUpperCase();
    if (['PRIVATE_KEY', 'WEBHOOK_SECRET', 'GITHUB_CLIENT_SECRET', 'DATABASE_URL'].includes(upper))
        return true;
    if (upper.startsWith('ANTHROPIC_') && !['ANTHROPIC_BASE_URL', 'ANTHROPIC_MODEL'].includes(upper))
        return true;
    return /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)(\b|_|$)/.test(upper);
}
class Redactor {
    #values;
    /** @param secrets secret values; blank and very short ones (under 8 characters) are ignored */
    constructor(secrets) {
        const values = new Set();
        for (const s of secrets) {
            if (!s || s.trim().length < 8)
                continue;
            values.add(s);
            if (s.trim() !== s)
                values.add(s.trim());
            // A PEM key also appears line by line, and as base64 in PRIVATE_KEY.
            for (const line of s.split(/\r?\n/))
                if (line.trim().length >= 16 && !line.startsWith('-----'))
                    values.add(line.trim());
            // A value printed by a workflow command or a URL arrives escaped.
            const escaped = encodeURIComponent(s);
            if (escaped !== s)
                values.add(escaped);
        }
        // Longest first, so a value containing another is removed whole.
        this.#values = [...values].sort((a, b) => b.length - a.length);
    }
    /** The secrets of an environment: every variable {@link isSecretName} calls secret. */
    static secretsOf(env) {
        return Object.entries(env).flatMap(([name, value]) => (value !== undefined && isSecretName(name) ? [value] : []));
    }
    /** Secrets from the environment this process runs with, plus any given ones (a token input). */
    static fromEnv(env = process.env, extra = []) {
        return new Redactor([...Redactor.secretsOf(env), ...extra]);
    }
    redact(text) {
        let out = text;
        for (const value of this.#values)
            if (out.includes(value))
                out = out.split(value).join(REDACTED);
        if (SHAPE_HINT.test(out))
            for (const shape of SHAPES)
                out = out.replace(shape, REDACTED);
        return out;
    }
    /**
     * Every string in a JSON-like value redacted (keys included). What changes is copied;
     * an array or object with nothing to redact is returned as it is, shared (10,000
     * findings without a secret are not copied once more), so the result is never to be
     * mutated in place.
     */
    redactDeep(value) {
        // Findings repeat their strings (paths, rules, messages): each is redacted once.
        const seen = new Map();
        const text = (v) => {
            let out = seen.get(v);
            if (out === undefined)
                seen.set(v, (out = this.redact(v)));
            return out;
        };
        const walk = (v) => {
            if (typeof v === 'string')
                return text(v);
            if (Array.isArray(v)) {
                let out;
                for (let i = 0; i < v.length; i++) {
                    const item = v[i];
                    const next = walk(item);
                    if (next !== item)
                        (out ??= v.slice())[i] = next;
                }
                return out ?? v;
            }
            if (v && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
                const record = v;
                const keys = Object.keys(record);
                let out;
                for (let i = 0; i < keys.length; i++) {
                    const k = keys[i];
                    const key = text(k);
                    const item = walk(record[k]);
                    if (!out && (key !== k || item !== record[k]))
                        out = keys.slice(0, i).map((p) => [p, record[p]]);
                    out?.push([key, item]);
                }
                return out ? Object.fromEntries(out) : v;
            }
            return v;
        };
        return walk(value);
    }
}

// EXTERNAL MODULE: ./lib/pipeline/repo-path.js
var repo_path = __webpack_require__(410);
;// CONCATENATED MODULE: ./lib/gates/config-cache.js
/**
 * The validated configuration, remembered by the exact text it came from. Parsing the
 * YAML with located errors costs more than the rest of a fully cached gates run; the
 * same text with the same schema always gives the same result, so a cached run reads the
 * stored result instead. The entry lives in the repository's cache directory (never in
 * the checkout) and is checked against the same schema when read back: an entry that
 * fails is a miss, and the file is parsed again.
 */




/**
 * Where the schema's code lives: its own file when running from lib/ (schema.js) or from
 * source in tests (schema.ts); in the ncc bundle it has no file of its own, so the file
 * this code runs from (the bundle, which holds the schema) stands in for it.
 */
function schemaSourceCandidates(moduleUrl) {
    return [new URL('../pipeline/config/schema.js', moduleUrl), new URL('../pipeline/config/schema.ts', moduleUrl), new URL(moduleUrl)];
}
/**
 * A hash of the schema's code: a new version of the schema must never meet an entry an
 * old one validated. Undefined when none can be read: then nothing is cached, rather than
 * keyed by a constant that every version would share.
 */
async function sourceIdentity(candidates) {
    for (const candidate of candidates) {
        try {
            return (0,external_node_crypto_.createHash)('sha256').update(await (0,promises_.readFile)(candidate)).digest('hex');
        }
        catch {
            // Not this layout; try the next one.
        }
    }
    return undefined;
}
let identity;
function schemaIdentity() {
    identity ??= sourceIdentity(schemaSourceCandidates(import.meta.url));
    return identity;
}
async function entryFile(cacheDir, text) {
    const schema = await schemaIdentity();
    if (schema === undefined)
        return undefined;
    const key = (0,external_node_crypto_.createHash)('sha256')
        .update(schema)
        .update('\0')
        .update(text ?? '\0no config file')
        .digest('hex');
    return (0,external_node_path_.join)(cacheDir, 'config', `${key.slice(0, 40)}.json`);
}
/**
 * The configuration validated earlier from this exact text (undefined: no config file),
 * or undefined when there is none or the entry does not pass the schema.
 *
 * @param cacheDir the repository's cache directory (see `repositoryCacheDir`)
 */
async function cachedConfig(cacheDir, text) {
    let stored;
    try {
        const file = await entryFile(cacheDir, text);
        if (file === undefined)
            return undefined;
        stored = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
    const { configSchema } = await __webpack_require__.e(/* import() */ 288).then(__webpack_require__.bind(__webpack_require__, 2288));
    const parsed = configSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
}
/**
 * Remembers a successfully validated configuration (only when it allows caching). A
 * failed write is said through `warn` and otherwise ignored: the cache is an optimisation.
 */
async function rememberConfig(cacheDir, text, config, writeFailed = () => undefined) {
    if (!config.cache.enabled)
        return;
    const file = await entryFile(cacheDir, text);
    if (file === undefined)
        return;
    try {
        await writeAtomically(file, JSON.stringify(config));
    }
    catch (error) {
        writeFailed(error);
    }
}

;// CONCATENATED MODULE: ./lib/adapters/config-file.js
/**
 * The configuration file of a checkout, read from the file system and validated: the
 * one prologue under the CLI's commands (src/cli/config-file.ts) and the action
 * (src/action/config.ts). Each entry decides which file it asks for and words a
 * missing one its own way (a usage error, an input error); the path diagnostics name
 * the file by and the validation, through the configuration cache when there is one,
 * are the same for all of them.
 *
 * Light to import: the YAML parser and the schema library load only when a text has to
 * be parsed (a fully cached `gates` run never validates anything).
 */



/** `file` relative to `root` with forward slashes, or as it is when it lies outside `root`. */
function shownConfigPath(root, file) {
    return (0,repo_path/* pathWithin */.RY)(root, file) || file;
}
/** Reads `file` (absolute) of the project at `root`; a missing file reads as no text. */
function readConfigSource(root, file) {
    let text;
    if ((0,external_node_fs_.existsSync)(file)) {
        if (!(0,external_node_fs_.statSync)(file).isFile())
            return { ok: false, problem: 'directory', file };
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    return { ok: true, source: { file, shown: shownConfigPath(root, file), text } };
}
/**
 * Validates a configuration text with located diagnostics. With a cache, a text
 * validated before is read back from it instead (checked against the schema again),
 * and a newly validated one is remembered.
 *
 * @param pathPrefix where the project lies in the repository (the action's
 *   `working-directory`): the diagnostics' paths start with it, so they are
 *   repository-relative; their fingerprints are of the project's path
 */
async function validateConfigSource(source, cache, pathPrefix) {
    if (cache) {
        const cached = await cachedConfig(cache.dir, source.text);
        if (cached)
            return { ok: true, config: cached };
    }
    const { parseConfigText } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(621)]).then(__webpack_require__.bind(__webpack_require__, 5621));
    const result = parseConfigText(source.text ?? '', source.shown);
    const prefix = (0,repo_path/* normalizePrefix */.iG)(pathPrefix);
    if (!result.ok)
        return { ok: false, diagnostics: prefix ? result.diagnostics.map((d) => ({ ...d, path: (0,repo_path/* inRepository */.yJ)(prefix, d.path) })) : result.diagnostics };
    if (cache)
        await rememberConfig(cache.dir, source.text, result.config, cache.writeFailed);
    return { ok: true, config: result.config };
}

// EXTERNAL MODULE: ./lib/pipeline/errors.js
var errors = __webpack_require__(6687);
// EXTERNAL MODULE: ./lib/pipeline/config/path.js
var path = __webpack_require__(6178);
;// CONCATENATED MODULE: ./lib/action/inputs.js
/**
 * The action's inputs (action.yml), read and validated before anything runs. Every
 * input arrives as a string from the workflow file, which is user input: a bad value
 * is an {@link InputError} that names the input, says what it got and what it accepts.
 */


const MODES = ['gates', 'validate', 'revalidate'];
const FAIL_ON = ['error', 'warning', 'never'];
const REPORT_TARGETS = ['check-runs', 'review', 'summary', 'sarif', 'annotations'];
/** What `report` means when it is empty. */
const DEFAULT_REPORT = ['check-runs', 'review', 'summary', 'sarif'];
const DEFAULT_MAX_REVIEW_COMMENTS = 30;
/** More inline comments than this in one run would mostly buy secondary rate limits. */
const MAX_REVIEW_COMMENTS_LIMIT = 1000;
/** A bad input value: the message names the input and the accepted values. */
class InputError extends errors/* SpecAutomationError */.lU {
    input;
    constructor(input, message) {
        super(`Input "${input}": ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
function quoted(value) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    return JSON.stringify(shown);
}
function oneOf(name, value, allowed, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (allowed.includes(v))
        return v;
    throw new InputError(name, `must be one of ${allowed.join(', ')}; got ${quoted(value)}.`);
}
/** `a, b` or one per line; empty items dropped. */
function splitList(value) {
    return value
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(name, value, fallback) {
    const v = value.trim();
    if (v === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    throw new InputError(name, `must be true or false; got ${quoted(value)}.`);
}
function parseCount(name, value, fallback, max) {
    const v = value.trim();
    if (v === '')
        return fallback;
    if (!/^\d+$/.test(v) || Number(v) > max)
        throw new InputError(name, `must be a whole number from 0 to ${max}; got ${quoted(value)}.`);
    return Number(v);
}
const GATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function parseGates(value) {
    const names = splitList(value);
    if (names.length === 0)
        return undefined;
    for (const n of names) {
        if (!GATE_NAME.test(n))
            throw new InputError('gates', `${quoted(n)} is not a gate name (letters, digits, ".", "_" and "-"). Use a comma-separated list such as "ruff, pytest".`);
    }
    return [...new Set(names)];
}
function parseReport(value) {
    const items = splitList(value.toLowerCase());
    if (items.length === 0)
        return new Set(DEFAULT_REPORT);
    const unknown = items.filter((i) => !REPORT_TARGETS.includes(i));
    if (unknown.length > 0) {
        throw new InputError('report', `unknown target${unknown.length > 1 ? 's' : ''} ${unknown.map(quoted).join(', ')}; use a comma-separated list of ${REPORT_TARGETS.join(', ')}.`);
    }
    return new Set(items);
}
function nonBlank(name, value) {
    if (value === '')
        return undefined;
    const v = value.trim();
    if (v === '')
        throw new InputError(name, 'is blank; leave it out for the default.');
    if (v.includes('\0'))
        throw new InputError(name, 'contains a NUL character.');
    return v;
}
/**
 * Reads and validates every input. Throws {@link InputError} on the first bad one.
 *
 * @param read returns an input's raw value (`core.getInput` without `required`)
 */
function parseInputs(read) {
    const mode = oneOf('mode', read('mode'), MODES, 'gates');
    const config = nonBlank('config', read('config')) ?? path/* CONFIG_PATH */.t;
    return {
        mode,
        gates: parseGates(read('gates')),
        workingDirectory: nonBlank('working-directory', read('working-directory')) ?? '.',
        config,
        configExplicit: config.replace(/\\/g, '/').replace(/^\.\//, '') !== path/* CONFIG_PATH */.t,
        python: nonBlank('python', read('python')),
        token: read('github-token').trim(),
        failOn: oneOf('fail-on', read('fail-on'), FAIL_ON, undefined),
        maxReviewComments: parseCount('max-review-comments', read('max-review-comments'), DEFAULT_MAX_REVIEW_COMMENTS, MAX_REVIEW_COMMENTS_LIMIT),
        report: parseReport(read('report')),
        sarifFile: nonBlank('sarif-file', read('sarif-file')),
        cache: parseBoolean('cache', read('cache'), true),
    };
}

;// CONCATENATED MODULE: ./lib/action/config.js
/**
 * The action's configuration: `.github/spec-automation.yml` (or the `config` input) from
 * the checkout, validated with located errors, then the inputs that override it
 * (`python`, `cache`, `fail-on`). A text validated before comes from the gates' config
 * cache, so a warm run loads neither the YAML parser nor the schema library.
 */




/** The configuration file has errors; each is a located diagnostic (at a repository-relative path). */
class ConfigError extends errors/* SpecAutomationError */.lU {
    file;
    diagnostics;
    constructor(file, diagnostics) {
        const first = diagnostics[0];
        // The file as the project names it; the diagnostics' paths are the repository's.
        const where = first ? `${file}:${first.range.start.line}: ${first.message}` : file;
        super(`The configuration ${file} has ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'} (first: ${where}). Fix it; no gate was run.`);
        this.file = file;
        this.diagnostics = diagnostics;
        this.name = 'ConfigError';
    }
}
/** Applies the inputs that override configuration keys, on a copy. */
function applyInputOverrides(config, inputs) {
    const next = { ...config, cache: { ...config.cache } };
    if (inputs.python)
        next.python = inputs.python;
    if (!inputs.cache)
        next.cache.enabled = false;
    // `never` keeps the gates' own verdicts (check runs still fail); it only spares the step.
    if (inputs.failOn === 'error' || inputs.failOn === 'warning')
        next.failOn = inputs.failOn;
    return next;
}
/**
 * Reads and validates the configuration.
 *
 * @param root the working directory (project root)
 * @param inputs the `config` input and the overriding inputs
 * @param cache the repository's cache directory (outside the checkout) and where a failed write is said
 * @param pathPrefix where `root` lies in the repository (`working-directory`): the paths of a ConfigError's diagnostics start with it
 * @throws InputError when an explicitly named config file does not exist
 * @throws ConfigError when the file has errors
 */
async function loadActionConfig(root, inputs, cache, pathPrefix = '') {
    const read = readConfigSource(root, (0,external_node_path_.resolve)(root, inputs.config));
    if (!read.ok)
        throw new InputError('config', `${inputs.config} is a directory, not a configuration file.`);
    const { source } = read;
    if (source.text === undefined && inputs.configExplicit) {
        throw new InputError('config', `the file ${inputs.config} does not exist (looked in ${root}). Fix the path, or leave the input out to use ${'.github/spec-automation.yml'} or the defaults.`);
    }
    const result = await validateConfigSource(source, cache, pathPrefix);
    if (!result.ok)
        throw new ConfigError(source.shown, result.diagnostics);
    return { config: applyInputOverrides(result.config, inputs), file: source.text === undefined ? undefined : source.shown };
}

;// CONCATENATED MODULE: ./lib/github/forks.js
/**
 * Whether the token a workflow gets for an event can write to the repository. On
 * `pull_request` events from forks, and for pull requests opened by Dependabot, GitHub
 * hands the workflow a read-only GITHUB_TOKEN whatever `permissions:` asks for (rule 19),
 * so check runs, reviews and comments would all answer 403. Knowing it from the event
 * saves those requests and lets the job summary say why.
 */
const READ_ONLY_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);
/**
 * The reason the token is read-only for this event, or undefined when it may write.
 *
 * @param eventName `GITHUB_EVENT_NAME`
 * @param payload the event payload (`GITHUB_EVENT_PATH`), untrusted: any shape is accepted
 */
function readOnlyReason(eventName, payload) {
    if (!READ_ONLY_EVENTS.has(eventName) || typeof payload !== 'object' || payload === null)
        return undefined;
    const pr = payload.pull_request;
    if (!pr)
        return undefined;
    const head = pr.head?.repo;
    const base = pr.base?.repo;
    if (head === null)
        return 'This pull request comes from a fork that was deleted, so GitHub gives this workflow a read-only token';
    if (head && base && ((head.id !== undefined && base.id !== undefined && head.id !== base.id) || (head.full_name && base.full_name && head.full_name !== base.full_name))) {
        return `This pull request comes from a fork (${head.full_name ?? 'another repository'}), so GitHub gives this workflow a read-only token`;
    }
    const actor = payload.sender?.login ?? pr.user?.login;
    if (actor === 'dependabot[bot]')
        return 'This pull request was opened by Dependabot, whose workflows get a read-only token';
    return undefined;
}
const TARGET_EVENTS = new Set(['pull_request_target', 'pull_request_review_target']);
/**
 * Why this run must be treated as untrusted, or undefined: a `pull_request_target` run
 * whose pull request comes from a fork. Such a workflow has the base repository's token
 * and secrets, and if it checked out the fork's head the gates run the fork's code on a
 * runner that holds them. The action then reports as on a fork's `pull_request` (job
 * summary and log only, nothing sent with the token) and says why.
 */
function untrustedTargetReason(eventName, payload) {
    if (!TARGET_EVENTS.has(eventName) || typeof payload !== 'object' || payload === null)
        return undefined;
    const pr = payload.pull_request;
    const head = pr?.head?.repo;
    const base = pr?.base?.repo;
    const fork = head === null || (head && base && ((head.id !== undefined && base.id !== undefined && head.id !== base.id) || (head.full_name && base.full_name && head.full_name !== base.full_name)));
    if (!fork)
        return undefined;
    return `This ${eventName} run is for a pull request from a fork (${head?.full_name ?? 'a deleted fork'}), whose code must not be trusted with the base repository's token, so spec-automation treats it as untrusted and reports read-only; run the gates on pull_request instead (README: Fork pull requests and pull_request_target)`;
}

;// CONCATENATED MODULE: ./lib/action/run-context.js
/**
 * Where the action runs: the repository, the commit to report on, the pull request (if
 * any), whether the token may write, and the runner's directories. Read once from the
 * Actions context (event payload from GITHUB_EVENT_PATH) and the runner's environment;
 * the payload is untrusted, so every field is checked before use.
 */


const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const REPOSITORY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
function pullRequestOf(payload) {
    if (typeof payload !== 'object' || payload === null)
        return undefined;
    const pr = payload.pull_request;
    if (typeof pr !== 'object' || pr === null)
        return undefined;
    const number = pr.number ?? payload.number;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0)
        return undefined;
    const headSha = typeof pr.head?.sha === 'string' && SHA.test(pr.head.sha) ? pr.head.sha : undefined;
    return { number, headSha };
}
/** The runner's directories: GITHUB_WORKSPACE (else the current directory) and RUNNER_TEMP (else the OS temp directory). */
function runnerPaths(env) {
    return { workspace: env.GITHUB_WORKSPACE || process.cwd(), runnerTemp: env.RUNNER_TEMP || (0,external_node_os_.tmpdir)() };
}
/**
 * Builds the run context.
 *
 * @param context @actions/github's context (or a stand-in)
 * @param env the process environment
 * @param token the github-token input; empty means "report locally only"
 */
function readRunContext(context, env, token) {
    const eventName = context.eventName ?? env.GITHUB_EVENT_NAME ?? '';
    const match = REPOSITORY.exec(env.GITHUB_REPOSITORY ?? '');
    const repo = match ? { owner: match[1], repo: match[2] } : undefined;
    const pr = pullRequestOf(context.payload);
    // On pull_request events GITHUB_SHA is the merge commit, which the PR page does not show.
    const sha = pr?.headSha ?? (context.sha && SHA.test(context.sha) ? context.sha : undefined);
    let readOnly = token === '' ? 'No github-token was given' : undefined;
    readOnly ??= repo ? undefined : 'GITHUB_REPOSITORY is not set, so there is no repository to report to';
    readOnly ??= sha ? undefined : 'The commit (GITHUB_SHA) is unknown, so there is nothing to attach check runs to';
    readOnly ??= readOnlyReason(eventName, context.payload);
    const untrusted = untrustedTargetReason(eventName, context.payload);
    readOnly ??= untrusted;
    const runId = Number.isSafeInteger(context.runId) && context.runId > 0 ? context.runId : undefined;
    const detailsUrl = repo && runId !== undefined && /^https?:\/\/[^\s]+$/.test(context.serverUrl)
        ? `${context.serverUrl.replace(/\/+$/, '')}/${repo.owner}/${repo.repo}/actions/runs/${runId}${context.runAttempt > 1 ? `/attempts/${context.runAttempt}` : ''}`
        : undefined;
    return {
        eventName,
        repo,
        sha,
        pullNumber: pr?.number,
        readOnly,
        ...(untrusted !== undefined ? { untrusted } : {}),
        detailsUrl,
        apiUrl: context.apiUrl,
        ...runnerPaths(env),
    };
}
/**
 * A GitHub API on this machine (a test double) has no rate limits to respect, so
 * requests to it are not spaced; the real API always is.
 */
function isLoopbackApi(apiUrl) {
    try {
        const host = new URL(apiUrl).hostname;
        return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./lib/action/github-connection.js
/**
 * The GitHub side of a run, loaded on demand: @actions/github's context (the event) and
 * the Octokit with retry and throttling. They are the heaviest part of the bundle and
 * only reporting needs them, so the gates mode loads them while the tools run, keeping
 * them out of the time between the job step starting and the first tool starting.
 */



/**
 * Reads the event and builds the client.
 *
 * @param token the github-token input (empty: read-only)
 * @param env the process environment
 * @param given a context to use instead of @actions/github's (tests)
 * @param redactor applied to every request's parameters and body
 */
async function connectToGitHub(token, env, given, redactor) {
    const [actionsContext, { createGitHubClient }] = await Promise.all([given ?? Promise.all(/* import() */[__webpack_require__.e(439), __webpack_require__.e(722)]).then(__webpack_require__.bind(__webpack_require__, 722)).then((m) => m.context), Promise.all(/* import() */[__webpack_require__.e(439), __webpack_require__.e(56), __webpack_require__.e(282)]).then(__webpack_require__.bind(__webpack_require__, 1282))]);
    const run = readRunContext(actionsContext, env, token);
    const client = createGitHubClient({
        auth: token,
        baseUrl: run.apiUrl,
        userAgent: 'spec-automation-action',
        waits: isLoopbackApi(run.apiUrl) ? 'none' : 'real',
        onRateLimit: (e) => core/* warning */.$e(`GitHub ${e.kind} rate limit on ${e.method} ${e.url}: ${e.willRetry ? `waiting ${e.retryAfterSeconds} s and retrying` : 'giving up on this request'}.`),
        warn: (message) => core/* debug */.Yz(message),
        ...(redactor ? { redact: (value) => redactor.redactDeep(value) } : {}),
    });
    if (run.untrusted)
        core/* warning */.$e(`${run.untrusted}.`);
    else if (run.readOnly)
        (0,action_log/* logText */.k)(`Reporting locally only: ${run.readOnly}.`);
    return { run, client };
}

// EXTERNAL MODULE: ./lib/action/local-sink.js
var local_sink = __webpack_require__(849);
;// CONCATENATED MODULE: ./lib/pipeline/gate-result.js
/**
 * error beats failure beats success: a tool error must never read as a pass. A cancelled
 * gate gave no verdict: beside a failure the run failed, alone it is no pass either.
 */
function conclusionOf(gates) {
    if (gates.some((g) => g.status === 'error'))
        return 'error';
    if (gates.some((g) => g.status === 'failed'))
        return 'failure';
    if (gates.some((g) => g.status === 'cancelled'))
        return 'error';
    return 'success';
}

;// CONCATENATED MODULE: ./lib/gates/concurrency.js
function createLimiter(limit) {
    const max = Math.max(1, Math.floor(limit));
    let active = 0;
    let holds = 0;
    let sequence = 0;
    const waiting = [];
    const dispatch = () => {
        while (holds === 0 && active < max && waiting.length > 0) {
            let best = 0;
            for (let i = 1; i < waiting.length; i += 1) {
                const w = waiting[i];
                const b = waiting[best];
                if (w.priority > b.priority || (w.priority === b.priority && w.order < b.order))
                    best = i;
            }
            const [next] = waiting.splice(best, 1);
            active += 1;
            next.start();
        }
    };
    const run = async (task, priority = 0) => {
        await new Promise((start) => {
            waiting.push({ priority, order: sequence++, start });
            dispatch();
        });
        try {
            return await task();
        }
        finally {
            active -= 1;
            dispatch();
        }
    };
    return Object.assign(run, {
        hold: () => {
            holds += 1;
            let released = false;
            return () => {
                if (released)
                    return;
                released = true;
                holds -= 1;
                dispatch();
            };
        },
    });
}

;// CONCATENATED MODULE: ./lib/gates/env.js
/**
 * The environment of a gate process: the user's, less everything that is not needed to
 * run a tool and could be a secret. Code under test is code a pull request (or the
 * agent) wrote; it must not see the action's token, the runner's runtime and OIDC
 * tokens, the model key or the app's key.
 *
 * What passes: an allow-list of variables tools and test suites need (PATH, HOME, the
 * temp directory, locale, the Windows system variables, Python and virtualenv variables,
 * the display for GUI tests, CI markers), what the gate's configuration names in
 * `passEnv`, and the gate's own `env` settings. Nothing is added: no NO_COLOR,
 * FORCE_COLOR, PY_COLORS, PYTHONUTF8 or PYTHONIOENCODING, which test suites read and
 * which change what they do (a test passing under plain pytest must pass under the
 * gate). Colour and output format go through the tools' own flags instead
 * (`pytest --color=no`, `ruff --output-format=json`, `basedpyright --outputjson`), and
 * the parsers read UTF-8 that the tools write themselves (ruff and basedpyright always,
 * pytest's JUnit file always), so no encoding variable is needed on Windows either.
 */

/** Exact names that pass (case-insensitively: Windows spells `Path`, `SystemRoot`). */
const ALLOWED = new Set([
    // Finding programs and a home.
    'PATH', 'PATHEXT', 'HOME', 'USER', 'USERNAME', 'LOGNAME', 'SHELL', 'TMPDIR', 'TEMP', 'TMP', 'TZ', 'TERM',
    // Locale.
    'LANG', 'LANGUAGE',
    // Windows: programs fail in odd ways without these.
    'SYSTEMROOT', 'SYSTEMDRIVE', 'WINDIR', 'COMSPEC', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA',
    'PROGRAMFILES', 'PROGRAMFILES(X86)', 'PROGRAMW6432', 'COMMONPROGRAMFILES', 'COMMONPROGRAMFILES(X86)', 'COMMONPROGRAMW6432',
    'PUBLIC', 'ALLUSERSPROFILE', 'NUMBER_OF_PROCESSORS', 'PROCESSOR_ARCHITECTURE', 'PROCESSOR_IDENTIFIER', 'OS', 'COMPUTERNAME',
    // Python environments.
    'VIRTUAL_ENV', 'VIRTUAL_ENV_PROMPT', 'CONDA_PREFIX', 'CONDA_DEFAULT_ENV', 'CONDA_EXE', 'CONDA_PYTHON_EXE', 'CONDA_SHLVL',
    'PYENV_ROOT', 'PYENV_VERSION', 'PIPENV_ACTIVE', 'POETRY_ACTIVE', 'UV_PYTHON', 'PIP_INDEX_URL',
    // GUI test suites (Qt, Tk) on a display or offscreen.
    'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR', 'XAUTHORITY', 'XDG_SESSION_TYPE', 'LD_LIBRARY_PATH', 'DYLD_LIBRARY_PATH', 'DYLD_FALLBACK_LIBRARY_PATH',
    // Test suites that behave differently on CI; none of these is a secret.
    'CI', 'GITHUB_ACTIONS', 'RUNNER_OS', 'RUNNER_ARCH',
].map((n) => n.toUpperCase()));
/** Prefixes that pass: locale categories, Python's own variables, pytest's, Qt's. */
const ALLOWED_PREFIXES = ['LC_', 'PYTHON', 'PYTEST_', 'QT_', 'XDG_CONFIG_', 'XDG_DATA_'];
/** The app's own credentials, by the names it reads them from. */
const APP_SECRETS = new Set(['PRIVATE_KEY', 'WEBHOOK_SECRET', 'GITHUB_CLIENT_SECRET', 'GITHUB_TOKEN', 'GH_TOKEN', 'DATABASE_URL', 'APP_ID', 'GITHUB_APP_ID']);
/**
 * Never passed, even when `passEnv` names them: the action's inputs (its `github-token`
 * among them), the runner's runtime, cache and OIDC tokens (`ACTIONS_*`), the model's
 * credentials (`ANTHROPIC_*`, `AWS_*`, `GOOGLE_*` for Bedrock and Vertex) and the app's.
 */
function isForbiddenName(name) {
    const upper = name.toUpperCase();
    return ['INPUT_', 'ACTIONS_', 'ANTHROPIC_', 'AWS_', 'GOOGLE_', 'CLOUDSDK_'].some((p) => upper.startsWith(p)) || APP_SECRETS.has(upper);
}
/** Allowed without being named, unless the name says it holds a secret (`PYTHON_KEYRING_PASSWORD`). */
function allowedByDefault(upper) {
    return (ALLOWED.has(upper) || ALLOWED_PREFIXES.some((p) => upper.startsWith(p))) && !isSecretName(upper);
}
/** A `passEnv` entry: an exact name, or a prefix ending in `*` (`MYAPP_*`). */
function matchesPassEnv(upper, patterns) {
    return patterns.some((p) => {
        const pattern = p.toUpperCase();
        return pattern.endsWith('*') ? upper.startsWith(pattern.slice(0, -1)) : upper === pattern;
    });
}
/**
 * The environment a gate's process gets; see the file comment. `passEnv` may name a
 * variable that looks secret (a test database's password: the user's choice, and its
 * value is still redacted from every report), never a forbidden one. The gate's own
 * `env` values come from the configuration, a file in the repository, not from this
 * process: they are set as written.
 */
function gateEnvironment(base, settings = {}) {
    const out = {};
    const unset = new Set((settings.unset ?? []).map((n) => n.toUpperCase()));
    for (const [name, value] of Object.entries(base)) {
        if (value === undefined)
            continue;
        const upper = name.toUpperCase();
        if (unset.has(upper) || isForbiddenName(upper))
            continue;
        if (allowedByDefault(upper) || matchesPassEnv(upper, settings.passEnv ?? []))
            out[name] = value;
    }
    return { ...out, ...settings.env };
}

;// CONCATENATED MODULE: ./lib/gates/default-inputs.js
/**
 * What each built-in gate reads, from the project's own configuration, so that an edit
 * outside it keeps the gate cached: a comment in a test file must not re-run a type
 * checker that only checks the package.
 *
 * - basedpyright: `include`/`exclude` of `pyrightconfig.json`, else `[tool.basedpyright]`
 *   or `[tool.pyright]` in `pyproject.toml` (its own order), plus its stub directory and
 *   the configuration files. `pythonVersion` and every other setting are in those files,
 *   which are inputs themselves.
 * - pytest: `testpaths` (pytest.ini, pyproject's `[tool.pytest.ini_options]`, tox.ini,
 *   setup.cfg) plus the importable package (top-level packages, a `src/` layout, top-level
 *   modules), every `conftest.py` and the configuration files.
 * - ruff: the files its `include`/`extend-include` select (default `*.py`, `*.pyi`,
 *   `*.ipynb` anywhere) plus its configuration files; `src` adds directories whose files
 *   decide first-party imports.
 *
 * Anything unknown (no such setting, a file that cannot be parsed, a custom gate) means
 * undefined: every file is an input, which is never wrong, only slower. A gate's
 * `inputs` setting overrides all of this.
 */



const CONFIG_FILES = ['pyproject.toml', 'setup.cfg', 'tox.ini', 'pytest.ini', '.pytest.ini', 'setup.py', 'pyrightconfig.json', 'ruff.toml', '.ruff.toml', 'conftest.py'];
function readText(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile() ? (0,external_node_fs_.readFileSync)(path, 'utf8') : undefined;
    }
    catch {
        return undefined;
    }
}
function isTable(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function strings(value) {
    if (typeof value === 'string')
        return [value];
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}
function at(table, ...keys) {
    let value = table;
    for (const key of keys)
        value = isTable(value) ? value[key] : undefined;
    return value;
}
/** `pyproject.toml` of the directory, parsed; undefined when missing or not valid TOML. */
async function pyproject(dir) {
    const text = readText((0,external_node_path_.join)(dir, 'pyproject.toml'));
    if (text === undefined)
        return undefined;
    try {
        const { parse } = await __webpack_require__.e(/* import() */ 292).then(__webpack_require__.bind(__webpack_require__, 3292));
        return parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * JSON with comments and trailing commas, as pyright reads its config: comments and
 * trailing commas are dropped outside strings, then it is plain JSON.
 */
function parseJsonc(text) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            const start = i;
            for (i++; i < text.length && text[i] !== '"'; i++)
                if (text[i] === '\\')
                    i++;
            out += text.slice(start, i + 1);
        }
        else if (c === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n')
                i++;
            out += '\n';
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end === -1 ? text.length : end + 1;
        }
        else
            out += c;
    }
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}
/** A path or glob from a tool's config, relative to `base` (the gate's directory, repo-relative), as globs for it and everything under it. */
function globsFor(base, pattern) {
    const clean = pattern.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const full = clean === '' || clean === '.' ? base : base ? `${base}/${clean}` : clean;
    if (full === '')
        return ['**'];
    return [full, `${full}/**`];
}
function prefixed(base, names) {
    return names.map((n) => (base ? `${base}/${n}` : n));
}
async function basedpyrightInputs(cwd, base) {
    let settings;
    const json = readText((0,external_node_path_.join)(cwd, 'pyrightconfig.json'));
    if (json !== undefined) {
        try {
            const parsed = parseJsonc(json);
            if (!isTable(parsed))
                return undefined;
            settings = parsed;
        }
        catch {
            return undefined;
        }
    }
    else {
        const toml = await pyproject(cwd);
        const table = at(toml, 'tool', 'basedpyright') ?? at(toml, 'tool', 'pyright');
        if (!isTable(table))
            return undefined;
        settings = table;
    }
    const include = strings(settings.include);
    if (!include || include.length === 0)
        return undefined;
    const exclude = strings(settings.exclude) ?? [];
    const stubPath = typeof settings.stubPath === 'string' ? settings.stubPath : 'typings';
    return {
        include: [...include.flatMap((p) => globsFor(base, p)), ...globsFor(base, stubPath), ...prefixed(base, CONFIG_FILES)],
        exclude: exclude.flatMap((p) => globsFor(base, p)),
    };
}
/** `testpaths` from the first pytest configuration file that has a pytest section, as pytest looks for them. */
async function testpaths(cwd) {
    const ini = (file, section) => {
        const text = readText((0,external_node_path_.join)(cwd, file));
        if (text === undefined)
            return null;
        const lines = text.split(/\r?\n/);
        const start = lines.findIndex((l) => l.trim() === `[${section}]`);
        if (start === -1)
            return null;
        const values = [];
        let collecting = false;
        for (const line of lines.slice(start + 1)) {
            if (/^\s*\[/.test(line))
                break;
            const key = /^testpaths\s*[=:]\s*(.*)$/.exec(line);
            if (key) {
                values.push(...key[1].split(/\s+/).filter(Boolean));
                collecting = true;
            }
            else if (collecting && /^\s+\S/.test(line))
                values.push(...line.trim().split(/\s+/));
            else
                collecting = false;
        }
        return values.length > 0 ? values : undefined;
    };
    for (const [file, section] of [
        ['pytest.ini', 'pytest'],
        ['.pytest.ini', 'pytest'],
    ]) {
        const found = ini(file, section);
        if (found !== null)
            return found;
    }
    const toml = await pyproject(cwd);
    const options = at(toml, 'tool', 'pytest', 'ini_options');
    if (isTable(options))
        return strings(options.testpaths);
    for (const [file, section] of [
        ['tox.ini', 'pytest'],
        ['setup.cfg', 'tool:pytest'],
    ]) {
        const found = ini(file, section);
        if (found !== null)
            return found;
    }
    return undefined;
}
/** Directories and modules `import` finds from the project root: packages at the top and in `src/`, top-level modules. */
function importable(cwd) {
    const found = [];
    const scan = (dir, prefix) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(cwd, dir), { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const e of entries) {
            if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === '__pycache__')
                continue;
            if (e.isDirectory() && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, dir, e.name, '__init__.py')))
                found.push(`${prefix}${e.name}`);
            else if (e.isFile() && /\.(py|pyi|pth)$/.test(e.name))
                found.push(`${prefix}${e.name}`);
        }
    };
    scan('.', '');
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, 'src')))
        scan('src', 'src/');
    return found;
}
async function pytestInputs(cwd, base) {
    const paths = await testpaths(cwd);
    if (!paths || paths.length === 0)
        return undefined;
    return {
        include: [...paths.flatMap((p) => globsFor(base, p)), ...importable(cwd).flatMap((p) => globsFor(base, p)), ...prefixed(base, CONFIG_FILES), base ? `${base}/**/conftest.py` : '**/conftest.py'],
        exclude: [],
    };
}
const RUFF_DEFAULT_INCLUDE = ['*.py', '*.pyi', '*.ipynb'];
async function ruffInputs(cwd, base) {
    let settings;
    for (const file of ['.ruff.toml', 'ruff.toml']) {
        const text = readText((0,external_node_path_.join)(cwd, file));
        if (text === undefined)
            continue;
        try {
            const { parse } = await __webpack_require__.e(/* import() */ 292).then(__webpack_require__.bind(__webpack_require__, 3292));
            settings = parse(text);
        }
        catch {
            return undefined;
        }
        break;
    }
    if (!settings) {
        const toml = await pyproject(cwd);
        if (readText((0,external_node_path_.join)(cwd, 'pyproject.toml')) !== undefined && !toml)
            return undefined;
        const table = at(toml, 'tool', 'ruff');
        settings = isTable(table) ? table : {};
    }
    const include = [...(strings(settings.include) ?? RUFF_DEFAULT_INCLUDE), ...(strings(settings['extend-include']) ?? [])];
    // ruff matches a pattern without a slash against the file name at any depth.
    const anywhere = (p) => (p.includes('/') ? globsFor(base, p) : [base ? `${base}/**/${p}` : `**/${p}`]);
    const src = (strings(settings.src) ?? []).flatMap((p) => globsFor(base, p));
    return { include: [...include.flatMap(anywhere), ...src, ...prefixed(base, CONFIG_FILES), base ? `${base}/**/pyproject.toml` : '**/pyproject.toml'], exclude: [] };
}
/**
 * The default inputs of a built-in gate (by its definition's parser) run in `cwd`, as
 * globs relative to `root`; undefined means every file.
 */
async function defaultInputs(parser, root, cwd) {
    const base = (0,repo_path/* pathWithin */.RY)(root, cwd);
    if (base === undefined)
        return undefined;
    switch (parser) {
        case 'basedpyright':
            return basedpyrightInputs(cwd, base);
        case 'pytest':
            return pytestInputs(cwd, base);
        case 'ruff':
            return ruffInputs(cwd, base);
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/gates/durations.js
/**
 * How long each gate took the last time it really ran, kept beside the result cache, so
 * a test gate's default timeout can follow the suite instead of a fixed 15 minutes: a
 * deadlocked GUI test in a 2-minute suite is killed after 6 minutes, not 15.
 */



/** Seconds before a gate's process tree is killed, when nothing better is known or configured. */
const DEFAULT_TIMEOUT_SECONDS = 900;
/** A timeout derived from the last duration is this many times it… */
const TIMEOUT_FACTOR = 3;
/** …and never less than this (seconds): a suite that took 2 s may take 20 on a busy runner. */
const MIN_DERIVED_TIMEOUT_SECONDS = 300;
/**
 * The timeout of a gate: the configured one; else, for a test gate whose last duration
 * is known, 3x that (at least 5 minutes); else 15 minutes.
 */
function timeoutSeconds(configured, lastDurationMs, derivable) {
    if (configured !== undefined)
        return configured;
    if (!derivable || lastDurationMs === undefined || !Number.isFinite(lastDurationMs) || lastDurationMs <= 0)
        return DEFAULT_TIMEOUT_SECONDS;
    return Math.max(MIN_DERIVED_TIMEOUT_SECONDS, Math.ceil((TIMEOUT_FACTOR * lastDurationMs) / 1000));
}
/** Last durations by gate name, in `durations.json` of the cache directory (none when caching is off). */
class LastDurations {
    file;
    writeFailed;
    durations = {};
    changed = false;
    constructor(file, writeFailed) {
        this.file = file;
        this.writeFailed = writeFailed;
    }
    static in(cacheDir, writeFailed) {
        return new LastDurations(cacheDir === undefined ? undefined : (0,external_node_path_.join)(cacheDir, 'durations.json'), writeFailed);
    }
    async load() {
        if (!this.file)
            return;
        try {
            const data = JSON.parse(await (0,promises_.readFile)(this.file, 'utf8'));
            const gates = typeof data === 'object' && data !== null ? data.gates : undefined;
            if (typeof gates !== 'object' || gates === null)
                return;
            for (const [name, ms] of Object.entries(gates))
                if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0)
                    this.durations[name] = ms;
        }
        catch {
            // Missing or unreadable: nothing is known yet.
        }
    }
    get(gate) {
        return this.durations[gate];
    }
    /** A gate that ran to a verdict (a cached answer or a timeout says nothing about how long it takes). */
    record(gate, durationMs) {
        if (!(durationMs > 0))
            return;
        this.durations[gate] = durationMs;
        this.changed = true;
    }
    async save() {
        if (!this.file || !this.changed)
            return;
        try {
            await writeAtomically(this.file, `${JSON.stringify({ version: 1, gates: this.durations })}\n`);
        }
        catch (error) {
            this.writeFailed?.(error);
        }
    }
}

;// CONCATENATED MODULE: ./lib/gates/definitions/basedpyright.js
const NOT_PARSED = /could not be parsed/i;
/** The line of `text` that says so, found without splitting the text (stdout is the whole JSON report). */
function notParsedLine(text) {
    const match = NOT_PARSED.exec(text);
    if (!match)
        return undefined;
    const start = text.lastIndexOf('\n', match.index) + 1;
    const newline = text.indexOf('\n', match.index);
    return text.slice(start, newline === -1 ? text.length : newline);
}
function configNotParsed(output) {
    const line = notParsedLine(output.stderr) ?? notParsedLine(output.stdout);
    return line ? `basedpyright could not read its configuration: ${line.trim()}` : undefined;
}
const basedpyright = {
    tool: 'basedpyright',
    parser: 'basedpyright',
    informationUri: 'https://docs.basedpyright.com/',
    // The npm package also installs a `pyright` bin; run basedpyright by name.
    launcher: { kind: 'tool', name: 'basedpyright' },
    args: ({ python }) => ['--outputjson', ...(python ? ['--pythonpath', python] : [])],
    usesPython: true,
    installHint: 'Install it in the project: `pip install basedpyright` (inside .venv) or `npm install --save-dev basedpyright`, or set gates.basedpyright.command.',
    lowPriority: true,
    classifyExit: (code) => (code === 0 ? 'ok' : code === 1 ? 'findings' : 'error'),
    detectToolError: configNotParsed,
};

;// CONCATENATED MODULE: ./lib/gates/parsers/pytest-progress.js
/**
 * Which test was running when pytest was killed, from pytest's own progress on stdout.
 * In verbose mode pytest prints (and flushes) `path::test ` before a test runs and its
 * outcome after, so a last progress line without an outcome is the hung test. In the
 * default mode it prints the file and one character per finished test, which still
 * names the file and the test's position in it.
 */
const OUTCOME = /\s(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\b/;
function runningTest(stdout) {
    const lines = stdout.split(/\r?\n/);
    for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i].trimEnd();
        if (line === '')
            continue;
        const verbose = /^(\S+::\S+)(.*)$/.exec(line);
        if (verbose)
            return OUTCOME.test(verbose[2]) ? undefined : verbose[1];
        // `tests/test_window.py ..F.` (and a `[ 40%]` progress column).
        const quiet = /^(\S+\.py) ([.FEsxX]*)\s*(\[\s*\d+%\])?$/.exec(line);
        if (quiet)
            return `test ${quiet[2].length + 1} of ${quiet[1]}`;
        // Anything else (a warning, a banner) before any progress: keep looking up.
        if (/^=+ /.test(line))
            return undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/gates/definitions/pytest.js
/**
 * pytest: JUnit XML (xunit1 family, which keeps `file` and `line`) written to a temp file.
 * Exit 0 passed, 1 tests failed, 2 interrupted (collection errors are in the report; an
 * interruption without any is a tool error), 3 internal error, 4 usage error, 5 no tests
 * collected (pass or fail by `noTests`), anything else an error.
 */

function classify(code) {
    switch (code) {
        case 0:
            return 'ok';
        case 1:
        case 2:
            return 'findings';
        case 5:
            return 'no-tests';
        default:
            return 'error';
    }
}
function pytestMissing(output) {
    return /No module named pytest\b/.test(output.stderr) ? 'pytest is not installed for this Python interpreter.' : undefined;
}
const pytest = {
    tool: 'pytest',
    parser: 'pytest',
    informationUri: 'https://docs.pytest.org/',
    launcher: { kind: 'python-module', module: 'pytest', script: 'pytest' },
    // -v: pytest then prints each test's id before it runs, which names a hung test when the gate times out.
    args: () => ['--junitxml={report}', '-o', 'junit_family=xunit1', '--color=no', '-v'],
    installHint: 'Install it in the project: `pip install pytest` (inside .venv), set `python:` to an interpreter that has it, or set gates.pytest.command.',
    lowPriority: false,
    classifyExit: classify,
    detectToolError: pytestMissing,
    versionArgs: ['--version'],
    deriveTimeout: true,
    runningWhenKilled: runningTest,
    shardable: true,
};

;// CONCATENATED MODULE: ./lib/gates/definitions/ruff.js
const ruff = {
    tool: 'ruff',
    parser: 'ruff',
    informationUri: 'https://docs.astral.sh/ruff/',
    launcher: { kind: 'tool', name: 'ruff' },
    // --no-fix: a `fix = true` in the project's config must not let a gate rewrite sources.
    args: () => ['check', '--output-format=json', '--no-fix'],
    installHint: 'Install it in the project: `pip install ruff` (inside .venv), or set gates.ruff.command (e.g. "uv run ruff").',
    lowPriority: true,
    classifyExit: (code) => (code === 0 ? 'ok' : code === 1 ? 'findings' : 'error'),
    versionArgs: ['--version'],
    // ruff-action exports RUFF_OUTPUT_FORMAT=github for later steps.
    unsetEnv: ['RUFF_OUTPUT_FORMAT'],
};

;// CONCATENATED MODULE: ./lib/gates/registry.js



const BUILTIN_GATES = { ruff: ruff, basedpyright: basedpyright, pytest: pytest };
const PARSER_LOADERS = {
    ruff: async () => (await __webpack_require__.e(/* import() */ 737).then(__webpack_require__.bind(__webpack_require__, 737))).parseRuffJson,
    basedpyright: async () => (await __webpack_require__.e(/* import() */ 999).then(__webpack_require__.bind(__webpack_require__, 3999))).parsePyrightJson,
    pytest: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7239))).parseJunit,
    sarif: async () => (await __webpack_require__.e(/* import() */ 234).then(__webpack_require__.bind(__webpack_require__, 4234))).parseSarif,
    junit: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7239))).parseJunit,
    regex: async () => (await Promise.all(/* import() */[__webpack_require__.e(771), __webpack_require__.e(468)]).then(__webpack_require__.bind(__webpack_require__, 6468))).parseRegex,
    'exit-code': async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4641))).parseExitCode,
};
/** The parser registered under a name. */
function loadParser(name) {
    return PARSER_LOADERS[name]();
}
/** Documentation link of a gate's tool, for SARIF `informationUri`. */
function informationUriOf(gate) {
    return BUILTIN_GATES[gate]?.informationUri;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./lib/gates/history.js
/**
 * A test gate's run history, kept in the gate cache (`ResultCache.getHistory`): how long
 * each test took (for balancing pytest shards) and which tests failed (for running them
 * first), and what it collected (for splitting without collecting again). The gate's own
 * last duration is durations.ts's. Read back
 * through a schema: anything else is no history, never a crash.
 */

const history_FORMAT = 1;
/** Beyond this many tests, the rest go unrecorded (and weigh the mean when splitting). */
const MAX_TESTS = 100_000;
const historySchema = schemas/* object */.Ikc({
    format: schemas/* literal */.euz(history_FORMAT),
    /** Sum of the test durations of the last run (pytest's own time), when it was a test gate. */
    suiteMs: schemas/* number */.aig().nonnegative().optional(),
    /** Duration of each test, by the JUnit id the parser gives it. */
    tests: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig().nonnegative()).default({}),
    /** Tests that failed or errored in the last run, in its order. */
    failed: schemas/* array */.YOg(schemas/* string */.YjP()).default([]),
    /**
     * What the last run collected, for a sharded run to split without collecting again
     * while `key` (pytest-shards/collection-key.ts) still matches: every test's JUnit id,
     * in collection order.
     */
    collection: schemas/* object */.Ikc({ key: schemas/* string */.YjP(), ids: schemas/* array */.YOg(schemas/* string */.YjP()) }).optional(),
});
/** The name a gate's history is stored under: one per gate and working directory. */
function historyName(gate) {
    return `${gate.name}\0${gate.cwd}`;
}
/** The stored history of a gate, or undefined. */
async function readHistory(cache, gate) {
    const parsed = historySchema.safeParse(await cache.getHistory(historyName(gate)));
    return parsed.success ? parsed.data : undefined;
}
/**
 * The history a finished test run leaves; undefined when it gave no verdict or no tests
 * (a crash is no measurement: the history before it stands).
 */
function historyOf(result) {
    const verdict = result.status === 'passed' || result.status === 'failed';
    // A run cut short (fail fast) measured only some of the tests.
    if (!verdict || !result.tests || result.shards?.cancelled)
        return undefined;
    const tests = {};
    for (const c of result.tests.cases.slice(0, MAX_TESTS))
        tests[c.id] = Math.max(tests[c.id] ?? 0, c.durationMs);
    const failed = [...new Set(result.tests.cases.filter((c) => c.outcome === 'failed' || c.outcome === 'error').map((c) => c.id))];
    return { format: history_FORMAT, suiteMs: result.tests.durationMs, tests, failed };
}
/**
 * The collection a finished run proves, to remember with the key of its inputs: the ids
 * of every test it ran, when they are all known and each is there once.
 */
function collectionOf(result) {
    const cases = result.tests?.cases;
    if (!cases || cases.length === 0 || cases.length > MAX_TESTS || result.shards?.cancelled)
        return undefined;
    const ids = cases.map((c) => c.id);
    // An id without a file (a report that names no file) cannot be given to a shard.
    if (new Set(ids).size !== ids.length || ids.some((id) => !id.includes('::')))
        return undefined;
    return ids;
}

;// CONCATENATED MODULE: ./lib/gates/pytest-shards/collection-key.js
/**
 * When may a sharded pytest run skip `--collect-only` and split the test files the last
 * run collected? When nothing that decides which tests exist has changed: the
 * gate's command, interpreter and environment (the caller hashes those with this), the
 * pytest configuration files and every `conftest.py` from the repository root down to
 * the gate's directory and below it, the set of files that look like tests, and the
 * content of each of them and of every file the last run collected from.
 *
 * The set of test-like files is also read from disk, since pytest does not read
 * `.gitignore`. Test modules import the package, and a parametrization may come from there; that is
 * not hashed here (an edit to the code would always cost a collection). Instead the run
 * checks afterwards that the shards ran exactly the remembered tests (run.ts), and runs
 * as one process when they did not.
 */




/** Files whose content changes what pytest collects or how it names tests. */
const CONFIG_NAMES = new Set(['pyproject.toml', 'pytest.ini', '.pytest.ini', 'tox.ini', 'setup.cfg', 'conftest.py']);
/** A name pytest may collect from by default (`test_*.py`, `*_test.py`), or a plugin's `test*` file of another kind. */
const TEST_LIKE = /^test[^/]*\.\w+$|_test\.py$/;
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
function dirName(path) {
    const at = path.lastIndexOf('/');
    return at < 0 ? '' : path.slice(0, at);
}
/**
 * Whether the configuration may widen what pytest collects beyond the default names:
 * `python_files`, doctests (`--doctest-modules`, `doctest_glob`), or a gate argument
 * that does. Then every file under the gate's directory counts (its path, not its content).
 */
function widensCollection(configTexts, args) {
    return configTexts.some((t) => /python_files|doctest/i.test(t)) || args.some((a) => /doctest/i.test(a));
}
/** The gate's directory relative to the root, with `/` (`''` for the root itself). */
function relativeDir(root, cwd) {
    return (0,repo_path/* pathWithin */.RY)(root, cwd) ?? '';
}
/** The text of the pytest configuration files from the gate's directory up to the root (for {@link widensCollection}). */
async function configTexts(root, cwd) {
    const dirs = [cwd];
    for (let d = cwd; (0,external_node_path_.relative)(root, d) !== '' && !(0,external_node_path_.relative)(root, d).startsWith('..') && (0,external_node_path_.dirname)(d) !== d;)
        dirs.push((d = (0,external_node_path_.dirname)(d)));
    const names = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'];
    const texts = await Promise.all(dirs.flatMap((d) => names.map((n) => (0,promises_.readFile)((0,external_node_path_.join)(d, n), 'utf8').catch(() => ''))));
    return texts.filter((t) => t !== '');
}
/** Directories pytest does not recurse into by default (`norecursedirs`), and environments. */
const NOT_COLLECTED = ['**/.*/**', '**/node_modules/**', '**/venv/**', '**/__pycache__/**', '**/build/**', '**/dist/**', '**/*.egg/**', '**/_darcs/**', '**/CVS/**', '**/{arch}/**'];
/**
 * The test-like files under the gate's directory as they are on disk (relative, `/`,
 * sorted): git's listing leaves out the files it ignores, and pytest does not.
 */
async function testLikeOnDisk(cwd, widened) {
    const { glob } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 3382));
    const patterns = widened ? ['**/*.py'] : ['**/test*.*', '**/*_test.py'];
    const found = await glob(patterns, { cwd, onlyFiles: true, dot: false, ignore: NOT_COLLECTED, followSymbolicLinks: false });
    return found.filter((p) => widened || TEST_LIKE.test(baseName(p))).sort();
}
/** A digest over what decides the collection; equal digests mean the remembered collection may be reused. */
function collectionDigest(input) {
    const { hashes, cwd, widened } = input;
    const prefix = cwd === '' ? '' : `${cwd}/`;
    const remembered = new Set(input.testFiles.map((f) => `${prefix}${f.replace(/\\/g, '/').replace(/^\.\//, '')}`));
    // The configuration is looked for upwards from the gate's directory (pytest's rootdir and inifile search).
    const ancestors = new Set(['']);
    for (let d = cwd; d !== ''; d = dirName(d))
        ancestors.add(d);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    hash.update(`widened:${widened}\n`);
    for (const path of [...hashes.keys()].sort()) {
        const name = baseName(path);
        const under = prefix === '' || path.startsWith(prefix);
        const config = CONFIG_NAMES.has(name) && (ancestors.has(dirName(path)) || (under && name === 'conftest.py'));
        if (config || remembered.has(path) || (under && TEST_LIKE.test(name)))
            hash.update(`${path}\0${hashes.get(path)}\n`);
        else if (under && widened)
            hash.update(`${path}\n`);
    }
    for (const path of input.onDisk ?? [])
        hash.update(`disk:${path}\n`);
    // A remembered file that is gone changes the collection too.
    for (const path of [...remembered].sort())
        if (!hashes.has(path))
            hash.update(`gone:${path}\n`);
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./lib/gates/pytest-shards/split.js
/**
 * Splitting a collected pytest suite into shards of about equal run time (pure).
 *
 * A test file is the unit by default: its tests stay in one process, so class- and
 * module-scoped fixtures run once, as they would in a single run. Each file weighs the
 * sum of its tests' durations from the last run; a test with no known duration weighs
 * the mean of the known ones (1 when nothing is known, which splits by test count). Only
 * a file heavier than a whole shard's share is split into its node ids. The units go
 * longest-first onto the least loaded shard (LPT), which is within 4/3 of the optimum.
 */
/** The file part of a node id: `tests/test_a.py::TestA::test_x[1]` → `tests/test_a.py`. */
function fileOf(nodeId) {
    const at = nodeId.indexOf('::');
    return at < 0 ? nodeId : nodeId.slice(0, at);
}
/**
 * The id the JUnit parser gives a node id's test case: xunit1 reports nested classes
 * joined by dots (`file::Outer.Inner::test`), pytest's node id by `::`.
 */
function junitId(nodeId) {
    const parts = nodeId.split('::');
    if (parts.length <= 3)
        return nodeId;
    return [parts[0], parts.slice(1, -1).join('.'), parts.at(-1)].join('::');
}
/**
 * Splits `nodeIds` (in collection order) into at most `count` non-empty shards.
 *
 * @param durations past durations in ms, by JUnit id (see {@link junitId})
 * @param partialFiles files some of whose tests run elsewhere (the failures-first shard):
 *   their tests stay together but are passed as node ids, never as the whole file
 * @param options.wholeFiles never split a file, however heavy (ids remembered from the
 *   last run, not collected now: a file path is always right, an id may not be)
 */
function splitShards(nodeIds, count, durations = {}, partialFiles = new Set(), options = {}) {
    const known = nodeIds.map((id) => durations[junitId(id)]).filter((d) => typeof d === 'number' && Number.isFinite(d) && d >= 0);
    const fallback = known.length > 0 ? Math.max(1, known.reduce((a, b) => a + b, 0) / known.length) : 1;
    // A test that took 0 ms still costs its setup: never weigh a test nothing.
    const weightOf = (id) => Math.max(1, durations[junitId(id)] ?? fallback);
    const byFile = new Map();
    nodeIds.forEach((id, index) => {
        const file = fileOf(id);
        const entry = byFile.get(file) ?? { ids: [], first: index };
        entry.ids.push(id);
        byFile.set(file, entry);
    });
    const total = nodeIds.reduce((sum, id) => sum + weightOf(id), 0);
    const shardCount = Math.max(1, Math.min(Math.floor(count), nodeIds.length));
    const share = total / shardCount;
    const units = [];
    for (const [file, { ids, first }] of byFile) {
        const weight = ids.reduce((sum, id) => sum + weightOf(id), 0);
        if (weight > share && ids.length > 1 && !options.wholeFiles) {
            ids.forEach((id) => units.push({ args: [id], ids: [id], weight: weightOf(id), first: nodeIds.indexOf(id) }));
        }
        else {
            units.push({ args: partialFiles.has(file) ? ids : [file], ids, weight, first });
        }
    }
    // Longest first; ties in collection order, so the same input always gives the same plan.
    units.sort((a, b) => b.weight - a.weight || a.first - b.first);
    const shards = Array.from({ length: Math.min(shardCount, units.length) }, () => ({ units: [], load: 0 }));
    for (const unit of units) {
        let target = shards[0];
        for (const shard of shards)
            if (shard.load < target.load)
                target = shard;
        target.units.push(unit);
        target.load += unit.weight;
    }
    const ordered = shards.map((s) => [...s.units].sort((a, b) => a.first - b.first));
    const position = new Map(nodeIds.map((id, i) => [id, i]));
    return {
        args: ordered.map((us) => us.flatMap((u) => u.args)),
        ids: ordered.map((us) => us.flatMap((u) => u.ids).sort((a, b) => position.get(a) - position.get(b))),
        estimatesMs: shards.map((s) => Math.round(s.load)),
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./lib/adapters/git/safe-config.js
/**
 * git settings that run a program, neutralized on every git command spec-automation
 * starts. A repository's own `.git/config` is not the user's: a checkout may come with
 * one planted (a symlink the agent wrote through, a cloned fixture, a pull request's
 * workspace), and `core.fsmonitor` in it runs its command on the next `git status`,
 * `git add` or `git ls-files`, hooks run on `commit` and `switch`. Command-line `-c`
 * settings override every configuration file, so these hold whatever the files say.
 */

/** `-c` pairs that switch off what a configuration file could make git execute. */
const SAFE_GIT_CONFIG = [
    // An empty value is "off" for both the boolean (git ≥ 2.36) and the hook-path form.
    'core.fsmonitor=',
    // No hooks at all (`--no-verify` skips only pre-commit and commit-msg; post-commit and post-checkout still ran).
    'core.hooksPath=/dev/null',
    'core.sshCommand=',
    'core.askPass=',
    'core.pager=cat',
    'core.editor=true',
    'diff.external=',
    'credential.helper=',
    'protocol.ext.allow=never',
];
/** The filter-driver keys git runs a command for (`filter.<driver>.clean` on add, `smudge` on switch). */
const FILTER_KEY = /^filter\.(.+)\.(clean|smudge|process)$/i;
/**
 * The `-c` arguments to put before a git subcommand: {@link SAFE_GIT_CONFIG}, plus the
 * filter drivers a repository's own configuration defines (`git config --local
 * --name-only --get-regexp ^filter\.`, which runs nothing), each switched off.
 */
function safeGitArgs(localFilterKeys = []) {
    const drivers = new Set();
    for (const key of localFilterKeys) {
        const m = FILTER_KEY.exec(key.trim());
        if (m)
            drivers.add(m[1]);
    }
    const filters = [...drivers].flatMap((d) => [`filter.${d}.clean=`, `filter.${d}.smudge=`, `filter.${d}.process=`, `filter.${d}.required=false`]);
    return [...SAFE_GIT_CONFIG, ...filters].flatMap((setting) => ['-c', setting]);
}
/** The arguments that list the filter keys of a repository's own configuration, for {@link safeGitArgs}. */
const LOCAL_FILTER_QUERY = ['config', '--local', '--name-only', '--get-regexp', '^filter\\.'];
/** {@link safeGitArgs} for the repository at `cwd`, its own filter drivers found first. */
function safeGitArgsIn(cwd) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('git', [...safeGitArgs(), ...LOCAL_FILTER_QUERY], { cwd, encoding: 'utf8', windowsHide: true, timeout: 30_000 }, (error, stdout) => {
            // Exit 1: no filter configured. Any failure leaves the fixed settings, which still hold.
            resolve(safeGitArgs(error ? [] : stdout.split('\n')));
        });
    });
}

;// CONCATENATED MODULE: ./lib/gates/inputs.js
/**
 * What a gate reads, as content hashes: the cache key's largest part. Tracked files come
 * from git's index (blob ids, no reading), working-tree changes and untracked files are
 * hashed from disk, so an uncommitted edit invalidates the cache as it should. A file on
 * disk is hashed as git hashes a blob, so the same content has the same key whether it is
 * committed or not: the gates run by the agent's `run_gates` on its working tree answer
 * the run's gates after the commit from the cache. Outside a git repository every file
 * is listed and keyed by size and mtime.
 */





/** Untracked files that never count as inputs: caches, build output, environments. */
const IGNORED_UNTRACKED = ['.spec-automation', '.venv', 'venv', 'node_modules', '__pycache__', '*.pyc', '.pytest_cache', '.ruff_cache', '.mypy_cache', '.tox', '.nox', '.git'];
/** spec-automation's own directory, at any depth. */
const OWN_STATE = /(^|\/)\.spec-automation\//;
async function git(args, cwd) {
    // A checkout's own .git/config must not run a program (core.fsmonitor, a clean filter on ls-files).
    const safe = await safeGitArgsIn(cwd);
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_.execFile)('git', [...safe, ...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', windowsHide: true }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
}
function nulSplit(text) {
    return text.split('\0').filter((s) => s !== '');
}
/** Git's blob id of a file on disk (`git hash-object`, without filters), or 'missing'. */
async function blobId(full) {
    let content;
    try {
        content = await (0,promises_.readFile)(full);
    }
    catch {
        return 'missing';
    }
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
async function fromGit(root) {
    const excludes = IGNORED_UNTRACKED.flatMap((p) => ['--exclude', p]);
    const [staged, changed] = await Promise.all([
        git(['ls-files', '-z', '--stage'], root),
        git(['ls-files', '-z', '--modified', '--others', '--deleted', '--exclude-standard', ...excludes], root),
    ]);
    const hashes = new Map();
    for (const entry of nulSplit(staged)) {
        // "<mode> <sha> <stage>\t<path>"
        const tab = entry.indexOf('\t');
        const sha = entry.split(' ')[1];
        const path = entry.slice(tab + 1);
        // spec-automation's own state (a committed revalidation lock, say) is not something a gate checks.
        if (tab > 0 && sha && !OWN_STATE.test(path))
            hashes.set(path, sha);
    }
    const dirty = [...new Set(nulSplit(changed))];
    await Promise.all(dirty.map(async (path) => {
        const hash = await blobId((0,external_node_path_.join)(root, path));
        if (hash === 'missing')
            hashes.delete(path);
        else
            hashes.set(path, hash);
    }));
    return hashes;
}
async function fromWalk(root) {
    const { glob } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 3382));
    const files = await glob(['**/*'], { cwd: root, dot: true, onlyFiles: true, ignore: IGNORED_UNTRACKED.map((p) => `**/${p}/**`).concat(['**/*.pyc']) });
    const hashes = new Map();
    await Promise.all(files.map(async (path) => {
        try {
            const s = await (0,promises_.stat)((0,external_node_path_.join)(root, path));
            hashes.set(path, `stat:${s.size}:${s.mtimeMs}`);
        }
        catch {
            // Vanished while listing.
        }
    }));
    return hashes;
}
/** Every input file of the repository at `root` with its content identity. */
async function listInputs(root) {
    try {
        return await fromGit(root);
    }
    catch {
        return fromWalk(root);
    }
}
/**
 * One hash over the files a gate reads: all of them, those its `inputs` globs match, or
 * a default selection (include minus exclude, see default-inputs.ts).
 */
async function inputsDigest(hashes, selection) {
    const { include, exclude } = Array.isArray(selection) ? { include: selection, exclude: [] } : (selection ?? { include: [], exclude: [] });
    const picomatch = include.length > 0 ? (await __webpack_require__.e(/* import() */ 6).then(__webpack_require__.t.bind(__webpack_require__, 4006, 19))).default : undefined;
    const included = picomatch ? picomatch([...include], { dot: true }) : undefined;
    const excluded = picomatch && exclude.length > 0 ? picomatch([...exclude], { dot: true }) : undefined;
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const path of [...hashes.keys()].sort()) {
        if (included && !included(path))
            continue;
        if (excluded?.(path))
            continue;
        hash.update(`${path}\0${hashes.get(path)}\n`);
    }
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./lib/pipeline/edit-distance.js
var edit_distance = __webpack_require__(1694);
;// CONCATENATED MODULE: ./lib/gates/definitions/command.js
/** Splits a command string on whitespace; a list is taken as is. */
function commandArgv(command) {
    if (command === undefined)
        return [];
    return typeof command === 'string' ? command.trim().split(/\s+/).filter(Boolean) : [...command];
}
/** The definition of a configured command gate. */
function commandDefinition(name, parser, argv) {
    const [program = name, ...rest] = argv;
    return {
        tool: program.replace(/^.*[\\/]/, '').replace(/\.(exe|cmd|bat)$/i, '') || name,
        parser,
        launcher: { kind: 'tool', name: program },
        args: () => rest,
        installHint: `Install ${program}, or fix gates.${name}.command.`,
        lowPriority: false,
        classifyExit: (code) => (code === 0 ? 'ok' : 'findings'),
    };
}

;// CONCATENATED MODULE: ./lib/gates/resolve-tool.js
/**
 * Finds the programs a gate runs: the project's virtualenv first (`.venv/Scripts/*.exe`
 * on Windows, `.venv/bin/*` elsewhere), then `node_modules/.bin` of the project, then
 * PATH; the Python interpreter likewise, after the configured one. Every lookup records
 * what it tried, so "not found" can say exactly where it looked.
 */


const VENV_DIRS = ['.venv', 'venv'];
/** Reads an environment variable the way the OS does (case-insensitive on Windows). */
function envValue(platform, name) {
    if (!platform.windows)
        return platform.env[name];
    const key = Object.keys(platform.env).find((k) => k.toUpperCase() === name.toUpperCase());
    return key === undefined ? undefined : platform.env[key];
}
function isRunnable(path, platform) {
    try {
        if (!(0,external_node_fs_.statSync)(path).isFile())
            return false;
        if (!platform.windows)
            (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Candidate file names for a program: `ruff` → `ruff.exe`, `ruff.cmd` … on Windows. */
function candidates(name, platform) {
    if (!platform.windows || /\.[A-Za-z0-9]+$/.test(name))
        return [name];
    const exts = (envValue(platform, 'PATHEXT') ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
    return exts.map((e) => `${name}${e.toLowerCase()}`);
}
function searchDirs(dirs, name, platform, tried) {
    for (const dir of dirs) {
        for (const file of candidates(name, platform)) {
            const full = (0,external_node_path_.join)(dir, file);
            tried.push(full);
            if (isRunnable(full, platform))
                return full;
        }
    }
    return undefined;
}
/** The project's virtualenv script directories that exist. */
function venvBinDirs(root, platform) {
    return VENV_DIRS.map((v) => (0,external_node_path_.join)(root, v, platform.windows ? 'Scripts' : 'bin'));
}
function pathDirs(platform) {
    const value = envValue(platform, 'PATH') ?? '';
    return value.split(platform.windows ? ';' : external_node_path_.delimiter).filter((d) => d.trim() !== '');
}
/** Looks a program up in the virtualenv, `node_modules/.bin`, then PATH. */
function findProgram(name, root, platform, base = root) {
    const tried = [];
    if (name.includes('/') || name.includes('\\')) {
        const full = (0,external_node_path_.isAbsolute)(name) || external_node_path_.win32.isAbsolute(name) ? name : (0,external_node_path_.resolve)(base, name);
        tried.push(full);
        return isRunnable(full, platform) ? { path: full, tried } : { tried };
    }
    const local = [...venvBinDirs(root, platform), (0,external_node_path_.join)(root, 'node_modules', '.bin')];
    const found = searchDirs(local, name, platform, tried) ?? searchDirs(pathDirs(platform), name, platform, tried);
    // PATH entries are summarized: listing every directory would bury the useful part.
    const summary = tried.filter((t) => local.some((d) => t.startsWith(d)));
    summary.push(`${name} on PATH`);
    return found ? { path: found, tried: summary } : { tried: summary };
}
/** The interpreter a `#!` line names (`#!/usr/bin/python3`, `#!/usr/bin/env python3`), when it is Python. */
function shebangPython(script, platform) {
    let head = '';
    try {
        const fd = (0,external_node_fs_.openSync)(script, 'r');
        try {
            const buffer = Buffer.alloc(256);
            head = buffer.subarray(0, (0,external_node_fs_.readSync)(fd, buffer, 0, 256, 0)).toString('utf8');
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    catch {
        return undefined;
    }
    const match = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(head);
    if (!match)
        return undefined;
    const [, program, argument] = match;
    if (program.endsWith('/env') && argument && /^python[\d.]*$/.test(argument)) {
        return searchDirs(pathDirs(platform), argument, platform, []);
    }
    return /(^|\/)python[\d.]*$/.test(program) && isRunnable(program, platform) ? program : undefined;
}
/**
 * The project's Python interpreter: the configured one, the virtualenv's, the one the
 * `pytest` on PATH runs with (so type checking sees the packages the tests see), then
 * `python3`/`python` on PATH.
 */
function findPython(configured, root, platform) {
    if (configured) {
        const lookup = findProgram(configured, root, platform);
        return lookup.path ? { ...lookup, origin: 'config' } : lookup;
    }
    const tried = [];
    const inVenv = searchDirs(venvBinDirs(root, platform), 'python', platform, tried);
    if (inVenv)
        return { path: inVenv, tried, origin: 'venv' };
    if (!platform.windows) {
        const pytestScript = searchDirs(pathDirs(platform), 'pytest', platform, []);
        const viaPytest = pytestScript ? shebangPython(pytestScript, platform) : undefined;
        if (viaPytest)
            return { path: viaPytest, tried, origin: 'pytest-script' };
    }
    const names = platform.windows ? ['python', 'python3'] : ['python3', 'python'];
    for (const name of names) {
        const found = searchDirs(pathDirs(platform), name, platform, []);
        tried.push(`${name} on PATH`);
        if (found)
            return { path: found, tried, origin: 'path' };
    }
    return { tried };
}

;// CONCATENATED MODULE: ./lib/gates/plan.js
/**
 * From configuration to a list of gates ready to run: which definition, which parser,
 * the resolved command line (with `{report}` left as a placeholder), working directory,
 * priority and fail level. Problems that make a gate impossible to run (a custom gate
 * without a command, a tool that is not installed) become a planned error, reported as
 * the gate's result, never a pass.
 */







const REPORT_PLACEHOLDER = '{report}';
/** `--only` named a gate the configuration does not have. */
class UnknownGateError extends Error {
    names;
    known;
    constructor(names, known) {
        const suggestions = names.map((n) => [n, (0,edit_distance/* closestMatch */.h)(n, known)]).filter((pair) => pair[1] !== undefined);
        const didYouMean = suggestions.length > 0 ? ` Did you mean ${suggestions.map(([n, s]) => (names.length > 1 ? `"${s}" for "${n}"` : `"${s}"`)).join(', ')}?` : '';
        super(`Unknown gate${names.length > 1 ? 's' : ''}: ${names.join(', ')}.${didYouMean} Configured gates: ${known.join(', ') || '(none)'}.`);
        this.names = names;
        this.known = known;
        this.name = 'UnknownGateError';
    }
}
function notFound(what, tried, hint) {
    return { message: `${what} was not found (tried ${tried.join(', ')}).`, hint };
}
function resolveLauncher(name, definition, config, root, cwd, platform, python, configuredPython) {
    const overridden = commandArgv(config.command);
    const isBuiltin = BUILTIN_GATES[name] !== undefined;
    const program = [];
    let gatePython = definition.usesPython ? python.path : undefined;
    if (isBuiltin && overridden.length > 0)
        program.push(...overridden);
    else if (definition.launcher.kind === 'python-module') {
        // An interpreter the project chose (config, virtualenv) runs the module; otherwise the
        // tool's own script on PATH knows its interpreter better than `python3` on PATH does.
        const { module, script } = definition.launcher;
        const chosen = python.path !== undefined && (python.origin === 'config' || python.origin === 'venv');
        const scriptLookup = chosen ? undefined : findProgram(script, root, platform);
        if (chosen)
            program.push(python.path, '-m', module);
        else if (scriptLookup?.path)
            program.push(scriptLookup.path);
        else if (python.path)
            program.push(python.path, '-m', module);
        else {
            return { argv: [script], problem: notFound(`${definition.tool} (or a Python interpreter to run it with)`, [...python.tried, ...(scriptLookup?.tried ?? [])], definition.installHint) };
        }
        gatePython = scriptLookup?.path ? (shebangPython(scriptLookup.path, platform) ?? python.path) : python.path;
    }
    else {
        program.push(definition.launcher.name);
    }
    if (configuredPython && !python.path && (definition.usesPython || definition.launcher.kind === 'python-module')) {
        return { argv: program, problem: notFound(`The configured Python interpreter "${configuredPython}"`, python.tried, 'Fix `python:` in the configuration: a path (relative to the repository root) or a name on PATH.') };
    }
    const [first, ...rest] = program;
    const lookup = findProgram(first, root, platform, cwd);
    const argv = [lookup.path ?? first, ...rest, ...definition.args(gatePython ? { python: gatePython } : {}), ...config.args];
    if (!lookup.path)
        return { argv, problem: notFound(first, lookup.tried, definition.installHint) };
    return gatePython ? { argv, python: gatePython } : { argv };
}
/** Plans every configured gate (or those `only` names), in configuration order. */
function planGates(root, config, platform, only) {
    const names = Object.keys(config.gates);
    if (only && only.length > 0) {
        const unknown = only.filter((n) => !names.includes(n));
        if (unknown.length > 0)
            throw new UnknownGateError(unknown, names);
    }
    const python = findPython(config.python, root, platform);
    const planned = [];
    for (const name of names) {
        if (only && only.length > 0 && !only.includes(name))
            continue;
        const value = config.gates[name];
        if (value === undefined)
            continue;
        const gateConfig = value === false ? { enabled: false } : value;
        const builtin = BUILTIN_GATES[name];
        const parser = gateConfig.parser ?? builtin?.parser;
        const argv = commandArgv(gateConfig.command);
        const base = {
            name,
            parser: parser ?? 'exit-code',
            config: gateConfig,
            failOn: gateConfig.failOn ?? config.failOn,
            cwd: (0,external_node_path_.resolve)(root, gateConfig.cwd ?? '.'),
            timeoutSeconds: gateConfig.timeout ?? DEFAULT_TIMEOUT_SECONDS,
        };
        if (value === false || gateConfig.enabled === false) {
            planned.push({ ...base, definition: builtin ?? commandDefinition(name, base.parser, argv), argv, lowPriority: false, skipped: true });
            continue;
        }
        if (!builtin && argv.length === 0) {
            planned.push({ ...base, definition: commandDefinition(name, base.parser, argv), argv: [], lowPriority: false, problem: { message: `Gate "${name}" has no command.`, hint: `Set gates.${name}.command, or use a built-in gate name (${Object.keys(BUILTIN_GATES).join(', ')}).` } });
            continue;
        }
        if (!parser) {
            planned.push({ ...base, definition: commandDefinition(name, base.parser, argv), argv, lowPriority: false, problem: { message: `Gate "${name}" has no parser.`, hint: `Set gates.${name}.parser to one of sarif, junit, regex, exit-code.` } });
            continue;
        }
        const definition = builtin ? { ...builtin, parser } : commandDefinition(name, parser, argv);
        const lowPriority = gateConfig.lowPriority ?? definition.lowPriority;
        if (!(0,external_node_fs_.existsSync)(base.cwd) || !(0,external_node_fs_.statSync)(base.cwd).isDirectory()) {
            planned.push({ ...base, definition, argv, lowPriority, problem: { message: `The working directory of gate "${name}" does not exist: ${base.cwd}.`, hint: `Fix gates.${name}.cwd (relative to the repository root).` } });
            continue;
        }
        const resolved = resolveLauncher(name, definition, gateConfig, root, base.cwd, platform, python, config.python);
        const gate = { ...base, definition, argv: resolved.argv, lowPriority };
        if (resolved.python)
            gate.python = resolved.python;
        if (resolved.problem)
            gate.problem = resolved.problem;
        if (gateConfig.report)
            gate.reportFile = (0,external_node_path_.resolve)(base.cwd, gateConfig.report);
        planned.push(gate);
    }
    return planned;
}

;// CONCATENATED MODULE: ./lib/gates/probes.js
/**
 * Facts about the installed tools that the cache key and the report need: a program's
 * identity (real path, size, mtime), its version, and a Python environment's identity
 * (its `sys.path` directories, whose mtimes change when a package is installed or
 * upgraded). Versions and `sys.path` cost a process each, so they are remembered on disk
 * by program identity: a fully cached run spawns nothing.
 */




const PROBE_TIMEOUT_MS = 30_000;
/** `<real path>|<size>|<mtime>` of a program, or `missing:<path>`. */
async function fileIdentity(path) {
    try {
        const real = await (0,promises_.realpath)(path);
        const s = await (0,promises_.stat)(real);
        return `${real}|${s.size}|${Math.round(s.mtimeMs)}`;
    }
    catch {
        return `missing:${path}`;
    }
}
function run(argv, env) {
    const [file, ...args] = argv;
    if (!file)
        return Promise.resolve(undefined);
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(file, args, { env, timeout: PROBE_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
            resolve(error && !stdout && !stderr ? undefined : { stdout, stderr });
        });
    });
}
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A probes file read back: versions are strings or null, sys.path lists are lists of strings. */
function isStored(value) {
    if (!isRecord(value) || value.format !== 1 || !isRecord(value.versions) || !isRecord(value.sysPaths))
        return false;
    return (Object.values(value.versions).every((v) => v === null || typeof v === 'string') &&
        Object.values(value.sysPaths).every((p) => Array.isArray(p) && p.every((e) => typeof e === 'string')));
}
const VERSION = /\b(\d+\.\d+(?:\.\d+)?(?:[-.+]?[0-9A-Za-z.]+)?)\b/;
class Probes {
    file;
    env;
    writeFailed;
    data = { format: 1, versions: {}, sysPaths: {} };
    dirty = false;
    /**
     * @param file where to remember probes (in the repository's cache directory); undefined keeps them in memory only
     * @param env environment of the probe processes (the gates' clean one)
     * @param writeFailed told when storing them fails
     */
    constructor(file, env, writeFailed = () => undefined) {
        this.file = file;
        this.env = env;
        this.writeFailed = writeFailed;
    }
    async load() {
        if (!this.file)
            return;
        try {
            const stored = JSON.parse(await (0,promises_.readFile)(this.file, 'utf8'));
            if (isStored(stored))
                this.data = stored;
        }
        catch {
            // First run, or a corrupt file: probe again.
        }
    }
    async save() {
        if (!this.file || !this.dirty)
            return;
        try {
            await writeAtomically(this.file, JSON.stringify(this.data));
            this.dirty = false;
        }
        catch (error) {
            // Probes are an optimisation; failing to store them only costs time next run.
            this.writeFailed(error);
        }
    }
    /** The version a program prints for `versionArgs`, remembered by the program's identity. */
    async version(launcher, versionArgs, identity) {
        const key = `${identity}|${launcher.slice(1).join(' ')}|${versionArgs.join(' ')}`;
        if (key in this.data.versions)
            return this.data.versions[key] ?? undefined;
        const output = await run([...launcher, ...versionArgs], this.env);
        const version = output ? (VERSION.exec(`${output.stdout}\n${output.stderr}`)?.[1] ?? null) : null;
        this.data.versions[key] = version;
        this.dirty = true;
        return version ?? undefined;
    }
    /**
     * Identity of a Python environment: the interpreter plus the mtime of every directory
     * on its `sys.path` (site-packages and friends, a virtualenv's included), except the
     * repository root itself, whose files the input hashes already cover.
     */
    async pythonEnvironment(python, root) {
        const identity = await fileIdentity(python);
        let paths = this.data.sysPaths[identity];
        if (!paths) {
            const output = await run([python, '-c', 'import json, sys; print(json.dumps(sys.path))'], this.env);
            try {
                const parsed = JSON.parse(output?.stdout.trim() ?? '');
                paths = Array.isArray(parsed) ? parsed.filter((p) => typeof p === 'string' && p !== '') : [];
            }
            catch {
                paths = [];
            }
            this.data.sysPaths[identity] = paths;
            this.dirty = true;
        }
        const outside = paths.filter((p) => (0,external_node_path_.relative)(root, p) !== '');
        const stamps = await Promise.all(outside.map(async (p) => {
            try {
                return `${p}@${Math.round((await (0,promises_.stat)(p)).mtimeMs)}`;
            }
            catch {
                return `${p}@-`;
            }
        }));
        return [identity, ...stamps].join('\n');
    }
}
/** The probes file in a repository's cache directory. */
function probesFile(cacheDir) {
    return (0,external_node_path_.join)(cacheDir, 'probes.json');
}

;// CONCATENATED MODULE: ./lib/gates/held-output.js
/**
 * Who still holds a tool's output after the tool ended. A descendant that called
 * `setsid()` (or otherwise left the process group) is out of reach of the group kill,
 * and if it inherited stdout it may run on, however long, writing into the gate's
 * output. The tool's stdout and stderr are files (see process.ts); on Linux, /proc
 * names every process that still has them open (`/proc/<pid>/fd/1 -> /tmp/…/stdout`),
 * so they can be killed, together with their process groups. Elsewhere nothing can be
 * found.
 */

/**
 * Process ids (other than this one) that have any of `targets` open: real paths of
 * files, or `pipe:[<inode>]` / `socket:[<inode>]` as /proc links name them; empty
 * without /proc.
 */
function outputHolders(targets) {
    if (targets.length === 0)
        return [];
    let pids;
    try {
        pids = (0,external_node_fs_.readdirSync)('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
    }
    catch {
        return [];
    }
    const wanted = new Set(targets);
    const holders = [];
    for (const pid of pids) {
        let fds;
        try {
            fds = (0,external_node_fs_.readdirSync)(`/proc/${pid}/fd`);
        }
        catch {
            continue; // Gone, or not ours to read.
        }
        for (const fd of fds) {
            try {
                if (wanted.has((0,external_node_fs_.readlinkSync)(`/proc/${pid}/fd/${fd}`))) {
                    holders.push(Number(pid));
                    break;
                }
            }
            catch {
                // The descriptor closed while we looked.
            }
        }
    }
    return holders;
}
/** The process group of a process (field 5 of /proc/<pid>/stat), or undefined. */
function processGroup(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The command name (field 2) is in parentheses and may contain spaces.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const pgrp = Number(fields[2]);
        return Number.isInteger(pgrp) && pgrp > 0 ? pgrp : undefined;
    }
    catch {
        return undefined;
    }
}
/** SIGKILLs each process and the process group it leads or belongs to (never our own group). */
function killHolders(pids) {
    const ownGroup = processGroup(process.pid);
    for (const pid of pids) {
        const group = processGroup(pid);
        if (group !== undefined && group !== ownGroup && group > 1) {
            try {
                process.kill(-group, 'SIGKILL');
            }
            catch {
                // Already gone.
            }
        }
        try {
            process.kill(pid, 'SIGKILL');
        }
        catch {
            // Already gone.
        }
    }
}

;// CONCATENATED MODULE: ./lib/gates/process.js
/**
 * Runs one tool process: never rejects, kills the whole process tree on timeout or
 * cancellation (process group on POSIX, `taskkill /T /F` on Windows, both through
 * execa's `killDescendants`), caps captured output, optionally lowers the CPU priority.
 *
 * The tool writes its stdout and stderr straight into two files (it is given their file
 * descriptors): no byte of its output passes through this process while it runs, and
 * the text is read back once at the end. (Piped output, even piped on into a file,
 * costs the orchestrator its chunks, execa's copy of the text and an error message
 * that quotes all of it: 60-90 MB for a 5 MB report.) So nothing waits for end-of-output
 * either: the result comes when the tool exits. A descendant that left the group
 * (`setsid`) and still has the files open is found through /proc (held-output.ts), given
 * a moment to finish, then killed; what is left of the group is killed too, so no process
 * of a gate outlives its result. execa is imported lazily so a fully cached run does
 * not pay for loading it.
 */





/** Grace between SIGTERM and SIGKILL for the whole tree. */
const FORCE_KILL_AFTER_MS = 3_000;
/** How long output may still arrive after the tool exited before whoever holds it open is killed. */
const OUTPUT_GRACE_MS = 1_000;
const HOLDER_POLL_MS = 50;
let execaModule;
/**
 * Starts loading execa now. A run that will certainly start tools calls this first, so
 * the load overlaps with planning and input hashing instead of delaying the first tool.
 */
function preloadProcessRunner() {
    execaModule ??= __webpack_require__.e(/* import() */ 494).then(__webpack_require__.bind(__webpack_require__, 8494));
}
/** An output file's text; undefined when it is larger than `max` bytes (not to be trusted, not read). */
async function readOutput(path, max) {
    try {
        if ((await (0,promises_.stat)(path)).size > max)
            return undefined;
        // Decoded in one piece: `readFile(path, 'utf8')` joins decoded chunks into a string
        // that the first search then copies flat (another 5 MB for basedpyright's report).
        return (await (0,promises_.readFile)(path)).toString('utf8');
    }
    catch {
        // Never created: the program did not start.
        return '';
    }
}
/**
 * Processes that still have the tool's output files open once it exited (Linux: /proc
 * names the files by path). Waits up to the grace for them to finish, then kills the
 * rest with their process groups; returns how many were killed.
 */
async function killLateHolders(files) {
    if (process.platform !== 'linux')
        return 0;
    let holders = outputHolders(files);
    const deadline = performance.now() + OUTPUT_GRACE_MS;
    while (holders.length > 0 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, HOLDER_POLL_MS));
        holders = outputHolders(files);
    }
    killHolders(holders);
    return holders.length;
}
/** Runs a command to completion; never rejects (a failure to start is `spawnError`). */
async function runProcess(request) {
    // Cancelled while it waited for a slot: nothing is started.
    if (request.signal?.aborted)
        return { stdout: '', stderr: '', exitCode: null, timedOut: false, cancelled: true, outputCapped: false, durationMs: 0 };
    preloadProcessRunner();
    const { execa } = await execaModule;
    const started = performance.now();
    const [file, ...args] = request.argv;
    if (file === undefined)
        throw new Error('runProcess: empty command line');
    const ownDir = request.outputDir === undefined ? await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'spec-automation-out-')) : undefined;
    try {
        // The real path: /proc shows the files that way (the temp directory may be behind a symlink).
        const dir = external_node_fs_.realpathSync.native(request.outputDir ?? ownDir);
        const files = { stdout: (0,external_node_path_.join)(dir, 'stdout'), stderr: (0,external_node_path_.join)(dir, 'stderr') };
        const fds = { stdout: (0,external_node_fs_.openSync)(files.stdout, 'w'), stderr: (0,external_node_fs_.openSync)(files.stderr, 'w') };
        const spawn = () => execa(file, args, {
            cwd: request.cwd,
            env: request.env,
            extendEnv: false,
            reject: false,
            stdin: 'ignore',
            // Descriptors, not `{ file }` (which execa pipes through this process).
            stdout: fds.stdout,
            stderr: fds.stderr,
            timeout: request.timeoutMs,
            killDescendants: true,
            forceKillAfterDelay: FORCE_KILL_AFTER_MS,
            windowsHide: true,
            ...(request.signal ? { cancelSignal: request.signal } : {}),
        });
        let subprocess;
        try {
            subprocess = spawn();
        }
        finally {
            // The child has its own copies once spawned (spawning is synchronous).
            (0,external_node_fs_.closeSync)(fds.stdout);
            (0,external_node_fs_.closeSync)(fds.stderr);
        }
        if (subprocess.pid !== undefined)
            request.onSpawned?.();
        if (request.lowPriority && subprocess.pid !== undefined) {
            try {
                (0,external_node_os_.setPriority)(subprocess.pid, external_node_os_.constants.priority.PRIORITY_BELOW_NORMAL);
            }
            catch {
                // The process may already have exited; priority is an optimisation, not a requirement.
            }
        }
        const result = await subprocess;
        const abnormal = result.timedOut || result.isCanceled || result.isTerminated;
        // Whoever still has the output open: a descendant that left the group (`setsid`), or
        // one in it that ignored the timeout's SIGTERM. It gets the grace to finish (a process
        // dying of that SIGTERM is gone within it), then it is killed and named.
        const held = await killLateHolders([files.stdout, files.stderr]);
        // The direct child is gone, but a descendant in its group may live on without holding
        // the output (a background server a test forgot): the group (POSIX) is still
        // addressable, so make sure nothing of the gate outlives its result.
        try {
            subprocess.kill('SIGKILL');
        }
        catch {
            // Already gone.
        }
        const spawnError = result.exitCode === undefined && !abnormal && result.failed ? (result.originalMessage ?? result.shortMessage ?? 'could not start') : undefined;
        const [stdout, stderr] = await Promise.all([readOutput(files.stdout, request.maxBufferBytes), readOutput(files.stderr, request.maxBufferBytes)]);
        return {
            stdout: stdout ?? '',
            stderr: stderr ?? '',
            exitCode: typeof result.exitCode === 'number' ? result.exitCode : null,
            ...(result.signal ? { signal: result.signal } : {}),
            timedOut: Boolean(result.timedOut),
            cancelled: Boolean(result.isCanceled),
            outputCapped: stdout === undefined || stderr === undefined,
            ...(spawnError ? { spawnError } : {}),
            ...(held > 0 ? { heldOutput: { processes: held } } : {}),
            durationMs: Math.round(performance.now() - started),
        };
    }
    finally {
        if (ownDir)
            await (0,promises_.rm)(ownDir, { recursive: true, force: true }).catch(() => undefined);
    }
}

// EXTERNAL MODULE: ./lib/pipeline/diagnostic.js
var diagnostic = __webpack_require__(9343);
// EXTERNAL MODULE: ./lib/gates/parsers/tool-path.js
var tool_path = __webpack_require__(1217);
;// CONCATENATED MODULE: ./lib/gates/finalize.js
/**
 * The last step for every parser's output: absolute paths under the repository root in
 * messages made repo-relative (so nothing depends on where the checkout is), lines
 * clamped to the file (tools report lines past EOF), columns dropped where a clamp made
 * them meaningless, fingerprints from the line's text, and the reading order.
 */



function clampRange(d, files) {
    const safeStart = Number.isFinite(d.range.start.line) && d.range.start.line >= 1 ? Math.floor(d.range.start.line) : 1;
    const count = d.path ? files.lineCount(d.path) : undefined;
    if (count === undefined) {
        return safeStart === d.range.start.line ? d : { ...d, range: { start: { line: safeStart } } };
    }
    const lineCount = Math.max(1, count);
    const start = (0,diagnostic/* clampLine */.Es)(safeStart, lineCount);
    if (start !== d.range.start.line)
        return { ...d, range: { start: { line: start } } };
    if (!d.range.end)
        return d;
    const end = (0,diagnostic/* clampLine */.Es)(d.range.end.line, lineCount);
    if (end < start)
        return { ...d, range: { start: d.range.start } };
    if (end !== d.range.end.line)
        return { ...d, range: { start: d.range.start, end: { line: end } } };
    return d;
}
function relativized(d, roots) {
    const message = (0,tool_path/* relativizeText */.dj)(d.message, roots);
    const hint = d.hint === undefined ? undefined : (0,tool_path/* relativizeText */.dj)(d.hint, roots);
    if (message === d.message && hint === d.hint)
        return d;
    return hint === undefined ? { ...d, message } : { ...d, message, hint };
}
/**
 * Clamped, sorted, fingerprinted diagnostics, ready for any reporter.
 * @param roots the project root (and its real path): absolute paths under it in messages become relative to it
 * @param prefix the parse context's prefix: the paths start with it, the fingerprints
 *   are of the path without it (as they were before the prefix moved into the parsers),
 *   so they match earlier runs of the same project
 */
function finalizeDiagnostics(inputs, files, roots = [], prefix = '') {
    // Sorted before fingerprinting, so occurrence suffixes do not depend on the tool's output order.
    const clamped = (0,diagnostic/* sortDiagnostics */.Ds)(inputs.map((d) => clampRange(roots.length > 0 ? relativized(d, roots) : d, files)));
    const unprefixed = prefix ? (path) => (path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : path) : undefined;
    return (0,diagnostic/* assignFingerprints */.Dz)(clamped, (path, line) => files.lineText(path, line), unprefixed);
}
/** Test results with absolute paths under the root in their messages and tracebacks made repo-relative. */
function finalizeTests(tests, roots) {
    if (roots.length === 0)
        return tests;
    const cases = tests.cases.map((c) => {
        if (c.message === undefined && c.details === undefined)
            return c;
        const next = { ...c };
        if (c.message !== undefined)
            next.message = (0,tool_path/* relativizeText */.dj)(c.message, roots);
        if (c.details !== undefined)
            next.details = (0,tool_path/* relativizeText */.dj)(c.details, roots);
        return next;
    });
    return { ...tests, cases };
}
const realRoots = new Map();
/** The root as given and, when a symlink leads to it, its real path (tools print either). */
function rootsOf(root) {
    let roots = realRoots.get(root);
    if (!roots) {
        let real = root;
        try {
            real = external_node_fs_.realpathSync.native(root);
        }
        catch {
            // A root that cannot be resolved is matched as given.
        }
        roots = real === root ? [root] : [root, real];
        realRoots.set(root, roots);
    }
    return roots;
}

// EXTERNAL MODULE: ./lib/gates/parsers/junit.js + 1 modules
var junit = __webpack_require__(7239);
;// CONCATENATED MODULE: ./lib/gates/report-file.js
/** Reading a report file a tool wrote (JUnit, SARIF), bounded in size. */

/** Per stream, and for report files. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
/** Marks a report past {@link MAX_OUTPUT_BYTES}: its content is not read, and not trusted. */
const REPORT_TOO_LARGE = '\0too-large';
/** The report's text; undefined when there is none or it is empty; {@link REPORT_TOO_LARGE} past the bound. */
async function readReport(path) {
    try {
        const s = await (0,promises_.stat)(path);
        if (!s.isFile() || s.size === 0)
            return undefined;
        if (s.size > MAX_OUTPUT_BYTES)
            return REPORT_TOO_LARGE;
        // Decoded in one piece: `readFile(path, 'utf8')` joins decoded chunks into a string
        // that the first search then copies flat (another 5 MB for basedpyright's report).
        return (await (0,promises_.readFile)(path)).toString('utf8');
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./lib/gates/parsers/exit-code.js
var exit_code = __webpack_require__(4641);
// EXTERNAL MODULE: ./lib/gates/types.js
var types = __webpack_require__(9393);
;// CONCATENATED MODULE: ./lib/gates/verdict.js
/**
 * From a finished process to a gate status. The rule everywhere: anything that keeps the
 * tool from giving a trustworthy verdict (not started, timed out, cancelled, output cut
 * or unparseable, an exit code that means "tool error") is status `error`, never `passed`;
 * a run stopped on request is `cancelled`, which is no pass either.
 */




function outputTail(p) {
    const t = (0,exit_code.tail)(p.stderr) || (0,exit_code.tail)(p.stdout);
    return t === '' ? undefined : t;
}
function toolError(input, error) {
    const stderrTail = outputTail(input.process);
    return { status: 'error', diagnostics: [], error, ...(stderrTail ? { stderrTail } : {}) };
}
const NO_TESTS = {
    source: '',
    path: '',
    range: { start: { line: 1 } },
    severity: 'error',
    rule: 'test.none-collected',
    message: 'No tests were collected.',
    hint: 'Add tests, check testpaths/python_files, or set gates.<name>.noTests: pass.',
};
/** The status of a gate from its process and its parsed output. */
function decideVerdict(input) {
    const { gate, process: p } = input;
    const name = gate.name;
    const command = gate.argv.join(' ');
    if (p.spawnError)
        return toolError(input, { message: `Could not start ${gate.argv[0]}: ${p.spawnError}`, hint: gate.definition.installHint });
    const held = p.heldOutput;
    const holders = held ? `${held.processes} process${held.processes === 1 ? '' : 'es'} kept the output open and ${held.processes === 1 ? 'was' : 'were'} killed` : '';
    if (p.timedOut && held) {
        return toolError(input, {
            message: `${name} timed out after ${gate.config.timeout} s; its process tree was killed, and ${holders}.`,
            hint: `Look for a test or check that hangs, or starts a detached process (setsid, a daemon), or raise gates.${name}.timeout.`,
        });
    }
    if (held && !p.cancelled) {
        return toolError(input, {
            message: `${name} exited, but ${holders}; the output may be incomplete and is not a verdict.`,
            hint: 'A test or the tool left a process running in the background (setsid, a daemon): stop it in the test teardown, or close its stdout and stderr.',
        });
    }
    if (p.timedOut) {
        const running = gate.definition.runningWhenKilled?.(p.stdout);
        const derived = gate.config.timeout === undefined && gate.definition.deriveTimeout && gate.timeoutSeconds !== DEFAULT_TIMEOUT_SECONDS ? ' (3x its last duration)' : '';
        return toolError(input, {
            message: `${name} did not finish within ${gate.timeoutSeconds} s${derived}; its whole process tree was killed.${running ? ` Running when it was killed: ${running}.` : ''}`,
            hint: running
                ? `Look at ${running}: it probably hangs (a dialog, a deadlock, input, a network call); or raise gates.${name}.timeout.`
                : `Look for a test or check that hangs (a dialog, input, a network call), or raise gates.${name}.timeout.`,
        });
    }
    if (p.cancelled)
        return { status: 'cancelled', diagnostics: [], error: { message: `${name} was cancelled before it finished; its process tree was killed.` } };
    if (p.outputCapped) {
        return toolError(input, {
            message: `${name} printed more than ${Math.round(input.maxBufferBytes / (1024 * 1024))} MB; the output was cut and cannot be trusted.`,
            hint: 'Reduce the output (fewer rules, a report file instead of stdout).',
        });
    }
    if (p.exitCode === null)
        return toolError(input, { message: `${name} was killed by ${p.signal ?? 'a signal'} before it finished.`, hint: 'Out of memory? Run the command by hand to see.' });
    const hidden = gate.definition.detectToolError?.({ stdout: p.stdout, stderr: p.stderr, exitCode: p.exitCode });
    if (hidden)
        return toolError(input, { message: hidden, hint: `Run the command by hand to see the whole message: ${command}` });
    const exitClass = gate.definition.classifyExit(p.exitCode);
    if (exitClass === 'error') {
        return toolError(input, { message: `${gate.definition.tool} exited with code ${p.exitCode}, which means it could not check anything.`, hint: `Run the command by hand: ${command}` });
    }
    if (exitClass === 'no-tests') {
        if (gate.config.noTests === 'pass')
            return { status: 'passed', diagnostics: [], tests: emptySummary() };
        return { status: 'failed', diagnostics: [{ ...NO_TESTS, source: name, hint: NO_TESTS.hint.replace('<name>', name) }], tests: emptySummary() };
    }
    if (input.missingReport) {
        return toolError(input, { message: `${name} exited with code ${p.exitCode} but wrote no report at ${input.missingReport}.`, hint: `Run the command by hand: ${command}` });
    }
    let parsed;
    try {
        parsed = input.parse();
    }
    catch (error) {
        if (error instanceof types/* ToolOutputError */._) {
            // Parsers name their tool ("basedpyright printed …"); a prefix would say it twice, and
            // every renderer puts the gate's name in front again.
            const named = error.message.startsWith(gate.definition.tool) || error.message.startsWith(name);
            return toolError(input, { message: named ? error.message : `${name}: ${error.message}`, ...(error.hint ? { hint: error.hint } : {}) });
        }
        throw error;
    }
    const failingTests = parsed.tests ? parsed.tests.failed + parsed.tests.errored : 0;
    const failing = parsed.diagnostics.filter((d) => (0,diagnostic/* isAtLeast */.du)(d.severity, gate.failOn)).length + failingTests;
    const base = { diagnostics: parsed.diagnostics, ...(parsed.tests ? { tests: parsed.tests } : {}), ...(parsed.toolVersion ? { toolVersion: parsed.toolVersion } : {}) };
    if (failing > 0)
        return { status: 'failed', ...base };
    if (exitClass === 'findings' && parsed.diagnostics.length === 0) {
        // A non-zero exit with nothing to show for it: the parser missed the reason.
        const stderrTail = outputTail(p);
        return {
            status: 'error',
            ...base,
            error: { message: `${gate.definition.tool} exited with code ${p.exitCode} but reported no finding.`, hint: `Check gates.${name}.parser and the command's output flags; run it by hand: ${command}` },
            ...(stderrTail ? { stderrTail } : {}),
        };
    }
    return { status: 'passed', ...base };
}
function emptySummary() {
    return { total: 0, passed: 0, failed: 0, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 0, cases: [] };
}

;// CONCATENATED MODULE: ./lib/gates/pytest-shards/collect.js
/**
 * Reading `pytest --collect-only -q` (pure): the node ids, one a line, then a closing line
 * `N tests collected in 0.01s` (`1 test collected`, `…, 2 errors`). Anything that does
 * not add up (a count that differs from the ids, errors, another verbosity) is no
 * collection: the gate then runs unsharded, which reports whatever went wrong.
 */
const CLOSING = /^(?:(\d+)(?:\/\d+)? tests? collected|no tests collected)(.*)$/;
/** The node ids of a `--collect-only -q` run, or why they cannot be trusted. */
function parseCollection(stdout, exitCode) {
    if (exitCode === 5)
        return { ok: false, reason: 'pytest collected no tests' };
    if (exitCode !== 0)
        return { ok: false, reason: `collecting the tests exited with code ${exitCode ?? 'none (killed)'}` };
    const lines = stdout.split(/\r?\n/).map((l) => l.trimEnd());
    const closing = lines.map((l) => CLOSING.exec(l.replace(/^=+\s*|\s*=+$/g, ''))).findLast((m) => m !== null);
    if (!closing)
        return { ok: false, reason: 'the collection printed no "N tests collected" line' };
    if (/\berrors?\b/.test(closing[2] ?? ''))
        return { ok: false, reason: 'the collection has errors' };
    // The ids come first, up to the first blank line or section rule (a warnings summary
    // after them names node ids again). A parametrized id may hold spaces (`test_x[a b]`).
    const end = lines.findIndex((l) => l === '' || l.startsWith('='));
    const ids = lines.slice(0, end < 0 ? lines.length : end).filter((l) => !/^\s/.test(l) && l.includes('::'));
    const expected = closing[1] === undefined ? 0 : Number(closing[1]);
    // `N/M tests collected (K deselected)`: N are selected, and those are the ids listed.
    if (ids.length !== expected)
        return { ok: false, reason: `the collection listed ${ids.length} node ids for ${expected} tests` };
    if (new Set(ids).size !== ids.length)
        return { ok: false, reason: 'the collection lists a node id twice' };
    return { ok: true, ids };
}
/** pytest options that take the next argument as their value (so it is not a test path). */
const VALUE_OPTIONS = new Set([
    '-k', '-m', '-o', '-p', '-c', '-r', '-W', '--override-ini', '--rootdir', '--basetemp', '--confcutdir', '--deselect', '--ignore', '--ignore-glob',
    '--tb', '--maxfail', '--durations', '--durations-min', '--import-mode', '--log-level', '--log-format', '--log-file', '--log-cli-level', '--junit-prefix',
    '--junitxml', '--junit-xml', '--cov', '--cov-report', '--timeout', '--capture', '--pythonwarnings', '--inifile', '--config-file', '--log-file-level',
    '--log-date-format', '--log-cli-format', '--log-cli-date-format', '--log-file-format', '--log-file-date-format', '--show-capture', '--color', '--code-highlight',
    '--assert', '--doctest-glob', '--lfnf', '--last-failed-no-failures',
]);
/**
 * The first argument that names tests (a path or a node id) rather than an option: the
 * shards pass their own test files, and a path in the gate's arguments would make every
 * shard run it again.
 */
function testPathArgument(args) {
    for (let i = 0; i < args.length; i += 1) {
        const arg = args[i];
        if (arg === '--')
            return args[i + 1];
        if (arg.startsWith('-')) {
            if (!arg.includes('=') && VALUE_OPTIONS.has(arg))
                i += 1;
            continue;
        }
        return arg;
    }
    return undefined;
}
/**
 * The `-q` flags that bring the collection to verbosity -1, where it lists one node id a
 * line: the gate's own command may already be verbose (`-v`, `-vv`, `--verbose`), and
 * pytest's verbosity is the count of `-v` less the count of `-q`.
 */
function collectQuietFlags(argv) {
    let verbosity = 0;
    for (const arg of argv) {
        if (arg === '--verbose')
            verbosity += 1;
        else if (arg === '--quiet')
            verbosity -= 1;
        else if (/^-v+$/.test(arg))
            verbosity += arg.length - 1;
        else if (/^-q+$/.test(arg))
            verbosity -= arg.length - 1;
    }
    const delta = verbosity + 1;
    return Array.from({ length: Math.abs(delta) }, () => (delta > 0 ? '-q' : '-v'));
}

;// CONCATENATED MODULE: ./lib/gates/pytest-shards/isolation.js
/**
 * What keeps two shards of one suite from seeing each other (pure): each shard gets its
 * own directory with pytest's `--basetemp`, its own temp directory (`TMPDIR`, and `TEMP`
 * and `TMP`, which Python's `tempfile` reads on Windows), its own pytest cache
 * (`-o cache_dir=`), and its own JUnit report. Tests that share a temp path by name then
 * behave as they do in a single run, where they never ran at the same time.
 */

/** The directories of shard `index` (0-based) under the run's own temp directory. */
function shardPaths(runDir, index, platform = process.platform) {
    const path = platform === 'win32' ? external_node_path_.win32 : external_node_path_.posix;
    const dir = path.join(runDir, `shard-${index + 1}`);
    return { dir, basetemp: path.join(dir, 'basetemp'), temp: path.join(dir, 'tmp'), cache: path.join(dir, 'cache'), report: path.join(dir, 'report.xml') };
}
const TEMP_NAMES = ['TMPDIR', 'TEMP', 'TMP'];
/**
 * The shard's environment: the gate's, with every temp variable pointing at the shard's
 * own directory. Windows names are case-insensitive (`Temp` and `TEMP` are one variable,
 * and a child given both gets either), so any spelling is replaced, not added beside.
 */
function shardEnvironment(env, paths, index, count, platform = process.platform) {
    const out = {};
    const windows = platform === 'win32';
    for (const [name, value] of Object.entries(env)) {
        const replaced = windows ? TEMP_NAMES.includes(name.toUpperCase()) : TEMP_NAMES.includes(name);
        if (!replaced)
            out[name] = value;
    }
    for (const name of TEMP_NAMES)
        out[name] = paths.temp;
    // For a suite that wants to know (a per-shard database name, a port offset).
    out.SPEC_AUTOMATION_SHARD = String(index + 1);
    out.SPEC_AUTOMATION_SHARDS = String(count);
    return out;
}
/** pytest arguments that give a shard its own base temp directory and cache. */
function shardArguments(paths) {
    return [`--basetemp=${paths.basetemp}`, '-o', `cache_dir=${paths.cache}`];
}
/**
 * CreateProcess takes at most 32,767 characters of command line; with quoting and the
 * program path, leave a margin. POSIX limits (ARG_MAX, 2 MB on Linux) are out of reach.
 */
const WINDOWS_COMMAND_LINE_BUDGET = 30_000;
/** Why a command line cannot be started on this platform, or undefined when it can. */
function commandLineProblem(argv, platform = process.platform) {
    if (platform !== 'win32')
        return undefined;
    // Each argument may be quoted (two quotes) and is separated by a space.
    const length = argv.reduce((sum, arg) => sum + arg.length + 3, 0);
    return length > WINDOWS_COMMAND_LINE_BUDGET ? `a shard's command line would be ${length} characters, past Windows' limit of 32,767` : undefined;
}

;// CONCATENATED MODULE: ./lib/gates/pytest-shards/run.js
/**
 * A pytest gate as several processes: collect once, split the node ids (split.ts), run
 * each shard isolated (isolation.ts) under the concurrency limit, and merge the shards'
 * JUnit results into the one result a single run would give: same verdict, same counts,
 * same failures, in collection order. Whatever makes that doubtful (no clean collection,
 * a shard that ran other tests than it was given) falls back to the single run, and the
 * result says why. A shard that crashes is the gate's error, with that shard's output.
 *
 * When the last run's collection is remembered and nothing that decides it changed
 * (collection-key.ts), the collection is skipped: the remembered test files are split
 * whole, and afterwards the shards together must have run exactly the remembered tests;
 * anything else (a crash, a test more or less) runs the gate again as one process.
 *
 * Fail fast: when the run is cancelled after the failures-first shard found failures,
 * the result is that shard's (status failed, `shards.cancelled` counting the others);
 * cancelled before that, the gate is `cancelled`.
 */













/** Prefix of a sharded run's own temp directory (shard temp dirs, reports, basetemps). */
const RUN_DIR_PREFIX = 'spec-automation-shards-';
/** Prefix of a finished run's directory, left for the next sharded run to remove. */
const FINISHED_RUN_DIR_PREFIX = 'spec-automation-shards-done-';
/**
 * Removes the directories finished sharded runs left in `temp` (see {@link retireRunDir});
 * never rejects. A directory of a run still going never has the finished prefix.
 */
async function sweepFinishedRuns(temp) {
    const names = await (0,promises_.readdir)(temp).catch(() => []);
    await Promise.all(names.filter((n) => n.startsWith(FINISHED_RUN_DIR_PREFIX)).map((n) => (0,promises_.rm)((0,external_node_path_.resolve)(temp, n), { recursive: true, force: true }).catch(() => undefined)));
}
/**
 * A finished run's directory is renamed, not removed: deleting the shards' basetemps is
 * the tests' files one by one (on a disk mounted with `discard`, ~1 ms each), and pytest
 * alone pays the same at exit for its oldest basetemp. Renamed, it is removed by the
 * next sharded run while its shards run ({@link sweepFinishedRuns}), off the critical
 * path, as pytest keeps its last basetemps. A cancelled run's directory goes at once.
 */
async function retireRunDir(runDir, cancelled) {
    if (!cancelled) {
        const finished = (0,external_node_path_.resolve)(runDir, '..', FINISHED_RUN_DIR_PREFIX + runDir.slice(runDir.lastIndexOf(RUN_DIR_PREFIX) + RUN_DIR_PREFIX.length));
        if (await (0,promises_.rename)(runDir, finished).then(() => true, () => false))
            return;
    }
    await (0,promises_.rm)(runDir, { recursive: true, force: true }).catch(() => undefined);
}
/** Below this much test time last run, `auto` does not shard: a second collection and process start cost more than they save. */
const MIN_SHARDED_SUITE_MS = 3_000;
/** With no history, `auto` shards a suite of at least this many tests. */
const MIN_AUTO_TESTS = 20;
/**
 * How many shards a gate gets before collection, or why it runs as one process.
 * `minTests`: a collection smaller than this runs as one process (auto, nothing known yet).
 */
function shardCount(gate, context) {
    const setting = gate.config.shards;
    if (setting === 1)
        return { count: 1, reason: `gates.${gate.name}.shards is 1` };
    const pathArg = testPathArgument(gate.config.args);
    if (pathArg !== undefined)
        return { count: 1, reason: `gates.${gate.name}.args names tests (${pathArg}); put test paths in testpaths so each shard can be given its own` };
    if (setting !== 'auto')
        return { count: setting };
    const free = context.limit - context.otherGates;
    if (free <= 1)
        return { count: 1, reason: `auto: the concurrency limit (${context.limit}) leaves no second core beside the other gates` };
    const suiteMs = context.history?.suiteMs;
    if (suiteMs !== undefined && suiteMs < MIN_SHARDED_SUITE_MS) {
        return { count: 1, reason: `auto: the tests took ${(suiteMs / 1000).toFixed(1)} s last time; sharding pays from ${MIN_SHARDED_SUITE_MS / 1000} s` };
    }
    return suiteMs === undefined ? { count: free, minTests: MIN_AUTO_TESTS } : { count: free };
}
/** The gate's command line without its report flag (each shard writes its own report). */
function baseArgv(gate) {
    return gate.argv.filter((a) => !a.includes(REPORT_PLACEHOLDER));
}
function timeLeft(deadline) {
    return Math.max(1_000, Math.round(deadline - performance.now()));
}
function detail(runs, failedFirst, remembered) {
    const durationsMs = runs.map((r) => r.process.durationMs);
    const slowestMs = Math.max(...durationsMs);
    const mean = durationsMs.reduce((a, b) => a + b, 0) / durationsMs.length;
    return {
        count: runs.length,
        durationsMs,
        slowestMs,
        balance: mean > 0 ? Math.round((slowestMs / mean) * 100) / 100 : 1,
        ...(failedFirst ? { failedFirst: true } : {}),
        ...(remembered ? { remembered: true } : {}),
    };
}
/**
 * The remembered collection's JUnit ids, when its key still matches the inputs and each
 * of its files is there under the gate's directory; else undefined (collect).
 */
async function rememberedIds(gate, context) {
    const remembered = context.history?.collection;
    if (!remembered || !context.collectionKey || remembered.ids.length === 0)
        return undefined;
    const files = [...new Set(remembered.ids.map(fileOf))];
    if (files.some((file) => !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(gate.cwd, file))))
        return undefined;
    return (await context.collectionKey(files)) === remembered.key ? remembered.ids : undefined;
}
/** The node id of a JUnit id (the inverse of {@link junitId}: xunit1 joins nested classes with dots, which no class name holds). */
function nodeIdOf(id) {
    const parts = id.split('::');
    if (parts.length !== 3 || !parts[1].includes('.'))
        return id;
    return [parts[0], ...parts[1].split('.'), parts[2]].join('::');
}
/** Runs a pytest gate sharded; see the file comment. Holds no limiter slot itself. */
async function runShardedPytest(gate, deps, count, minTests = 2) {
    const started = performance.now();
    const deadline = started + gate.timeoutSeconds * 1000;
    let runDir = '';
    // Earlier runs' directories go once every shard has started, while they run: IO beside
    // CPU-bound tests. Started sooner, its thousands of file operations would hold up the
    // shards' own (the libuv pool is shared); never started (a shard never got going),
    // they wait for the next run.
    let sweeping;
    let spawned = 0;
    try {
        const remembered = await rememberedIds(gate, deps.context);
        let ids;
        if (remembered) {
            runDir = await (0,promises_.mkdtemp)((0,external_node_path_.resolve)((0,external_node_os_.tmpdir)(), RUN_DIR_PREFIX));
            ids = remembered;
        }
        else {
            // Queued at once (the limiter may be holding the start until every gate is queued).
            const collected = await deps.limit(async () => {
                runDir = await (0,promises_.mkdtemp)((0,external_node_path_.resolve)((0,external_node_os_.tmpdir)(), RUN_DIR_PREFIX));
                const collectPaths = shardPaths(runDir, -1, deps.platform);
                await (0,promises_.mkdir)(collectPaths.temp, { recursive: true });
                return runProcess({
                    argv: [...baseArgv(gate), '--collect-only', ...collectQuietFlags(baseArgv(gate)), ...shardArguments(collectPaths)],
                    cwd: gate.cwd,
                    env: shardEnvironment(deps.env, collectPaths, -1, count, deps.platform),
                    timeoutMs: timeLeft(deadline),
                    lowPriority: gate.lowPriority,
                    maxBufferBytes: MAX_OUTPUT_BYTES,
                    ...(deps.signal ? { signal: deps.signal } : {}),
                });
            }, deps.priority);
            if (collected.cancelled)
                return { kind: 'result', result: await cancelledResult(gate, deps, started) };
            const collection = parseCollection(collected.stdout, collected.exitCode);
            if (!collection.ok)
                return { kind: 'unsharded', reason: collection.reason };
            if (collection.ids.length < minTests)
                return { kind: 'unsharded', reason: `auto: ${collection.ids.length} tests and no past durations; sharding pays from ${minTests}` };
            // pytest prints node ids relative to its rootdir; a shard is given them relative to its cwd.
            const missing = [...new Set(collection.ids.map(fileOf))].find((file) => !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(gate.cwd, file)));
            if (missing)
                return { kind: 'unsharded', reason: `the collected file ${missing} is not under the gate's working directory (pytest's rootdir is elsewhere)` };
            ids = collection.ids;
        }
        // From here on, `ids` are node ids when collected and JUnit ids when remembered.
        const idOf = remembered ? (id) => id : junitId;
        const argOf = remembered ? nodeIdOf : (id) => id;
        const shards = [];
        let rest = ids;
        if (deps.failedFirst && deps.context.history) {
            const failed = new Set(deps.context.history.failed);
            const first = ids.filter((id) => failed.has(idOf(id)));
            if (first.length > 0 && first.length < ids.length) {
                shards.push({ args: first.map(argOf), ids: first.map(idOf), first: true });
                rest = ids.filter((id) => !failed.has(idOf(id)));
            }
        }
        const partial = new Set(shards.flatMap((s) => s.ids.map(fileOf)));
        // Remembered ids are split by whole files: file paths keep the command line short and
        // never meet a parametrized id that does not read back as the node id.
        const plan = splitShards(rest, count, deps.context.history?.tests, partial, { wholeFiles: remembered !== undefined });
        plan.args.forEach((args, i) => shards.push({ args: args.map((a) => (a.includes('::') ? argOf(a) : a)), ids: plan.ids[i].map(idOf) }));
        if (shards.length < 2)
            return { kind: 'unsharded', reason: `the suite has ${ids.length} test${ids.length === 1 ? '' : 's'} in one file` };
        const runs = await Promise.all(shards.map((shard, index) => {
            const paths = shardPaths(runDir, index, deps.platform);
            const argv = [...baseArgv(gate), `--junitxml=${paths.report}`, ...shardArguments(paths), ...shard.args];
            return { shard, index, paths, argv };
        }).map(async ({ shard, index, paths, argv }) => {
            const problem = commandLineProblem(argv, deps.platform);
            if (problem)
                return { tooLong: problem };
            const process = await deps.limit(async () => {
                await (0,promises_.mkdir)(paths.temp, { recursive: true });
                return runProcess({
                    argv,
                    cwd: gate.cwd,
                    env: shardEnvironment(deps.env, paths, index, shards.length, deps.platform),
                    timeoutMs: timeLeft(deadline),
                    lowPriority: gate.lowPriority,
                    maxBufferBytes: MAX_OUTPUT_BYTES,
                    ...(deps.signal ? { signal: deps.signal } : {}),
                    onSpawned: () => {
                        if (++spawned === shards.length)
                            sweeping = sweepFinishedRuns((0,external_node_os_.tmpdir)());
                    },
                });
            }, 
            // The failures-first shard ahead of everything; the others by their share of the gate.
            shard.first ? Number.MAX_SAFE_INTEGER : deps.priority);
            const run = await verdictOf(gate, deps, shard, argv, process, paths.report);
            if (shard.first && run.verdict.tests && run.verdict.status !== 'error')
                deps.onFailedFirst?.(finalizeTests(run.verdict.tests, rootsOf(deps.root)));
            return run;
        }));
        const tooLong = runs.find((r) => 'tooLong' in r);
        if (tooLong)
            return { kind: 'unsharded', reason: tooLong.tooLong };
        return await merge(gate, deps, runs, ids.map(idOf), started, remembered !== undefined);
    }
    finally {
        const cancelled = deps.signal?.aborted === true;
        // A cancelled run has no time to save: it leaves no directory behind, its own or earlier ones.
        if (cancelled)
            sweeping ??= sweepFinishedRuns((0,external_node_os_.tmpdir)());
        await Promise.all([sweeping, runDir ? retireRunDir(runDir, cancelled) : undefined]);
    }
}
async function verdictOf(gate, deps, shard, argv, process, reportPath) {
    let report = await readReport(reportPath);
    let capped = false;
    if (report === REPORT_TOO_LARGE)
        [report, capped] = [undefined, true];
    const verdict = decideVerdict({
        gate: { ...gate, argv },
        process: capped ? { ...process, outputCapped: true } : process,
        ...(report === undefined ? { missingReport: 'the shard report file' } : {}),
        parse: () => {
            const tests = (0,junit.parseJunitText)(report ?? '', { root: deps.root, cwd: gate.cwd, ...(deps.prefix ? { prefix: deps.prefix } : {}), source: gate.name, files: deps.files, gate: gate.config });
            return { diagnostics: (0,junit.testDiagnostics)(tests.cases, gate.name), tests };
        },
        maxBufferBytes: MAX_OUTPUT_BYTES,
    });
    return { shard, argv, process, verdict };
}
function mergedExitCode(runs) {
    const codes = runs.map((r) => r.process.exitCode ?? 0);
    if (codes.includes(1))
        return 1;
    return codes.find((c) => c !== 0) ?? 0;
}
/** The gate's result when the run was cancelled before any shard had a verdict to report. */
async function cancelledResult(gate, deps, started, shards) {
    const version = await deps.version();
    return {
        gate: gate.name,
        tool: gate.definition.tool,
        fromCache: false,
        command: gate.argv,
        status: 'cancelled',
        exitCode: null,
        durationMs: Math.round(performance.now() - started),
        diagnostics: [],
        error: { message: `${gate.name} was cancelled before it finished; its process trees were killed.` },
        ...(shards ? { shards: { ...shards, cancelled: shards.count } } : {}),
        ...(version ? { toolVersion: version } : {}),
    };
}
/**
 * The run was cancelled: the failures-first shard's verdict when it finished with
 * failures (a fail-fast stop: the gate fails, whatever the rest would have found), else
 * the gate is cancelled.
 */
async function cutShort(gate, deps, runs, shardsDetail, started) {
    const first = runs.find((r) => r.shard.first && !r.process.cancelled);
    const tests = first?.verdict.tests;
    if (!first || first.verdict.status !== 'failed' || !tests)
        return cancelledResult(gate, deps, started, shardsDetail);
    const version = await deps.version();
    const result = {
        gate: gate.name,
        tool: gate.definition.tool,
        fromCache: false,
        command: first.argv,
        status: 'failed',
        exitCode: first.process.exitCode,
        durationMs: Math.round(performance.now() - started),
        diagnostics: finalizeDiagnostics(first.verdict.diagnostics, deps.files, rootsOf(deps.root), deps.prefix),
        tests: finalizeTests(tests, rootsOf(deps.root)),
        shards: { ...shardsDetail, cancelled: runs.filter((r) => r.process.cancelled).length },
        ...(version ? { toolVersion: version } : {}),
    };
    return result;
}
async function merge(gate, deps, runs, ids, started, remembered) {
    const shardsDetail = detail(runs, runs.some((r) => r.shard.first), remembered);
    const base = { gate: gate.name, tool: gate.definition.tool, fromCache: false, command: gate.argv, shards: shardsDetail };
    if (runs.some((r) => r.process.cancelled))
        return { kind: 'result', result: await cutShort(gate, deps, runs, shardsDetail, started) };
    const crashed = runs.findIndex((r) => r.verdict.status === 'error');
    // With a remembered collection, a crash may be the collection's fault (a file that no
    // longer imports): the single run says what a single run says.
    if (crashed >= 0 && remembered && !runs[crashed].process.timedOut) {
        return { kind: 'unsharded', reason: `shard ${crashed + 1} of ${runs.length}, split from the remembered collection, gave no verdict (${runs[crashed].verdict.error?.message ?? 'no verdict'})` };
    }
    if (crashed >= 0) {
        const { verdict, process, argv } = runs[crashed];
        const version = await deps.version();
        const result = {
            ...base,
            command: argv,
            status: 'error',
            exitCode: process.exitCode,
            durationMs: Math.round(performance.now() - started),
            diagnostics: [],
            error: { message: `Shard ${crashed + 1} of ${runs.length}: ${verdict.error?.message ?? 'no verdict'}`, ...(verdict.error?.hint ? { hint: verdict.error.hint } : {}) },
            ...(version ? { toolVersion: version } : {}),
            ...(verdict.stderrTail ? { stderrTail: verdict.stderrTail } : {}),
        };
        return { kind: 'result', result };
    }
    // Every shard must have run exactly the tests it was given: anything else (a path in
    // addopts, a plugin that reorders or adds tests) means the shards saw another suite.
    for (const [index, run] of runs.entries()) {
        const ran = new Set(run.verdict.tests?.cases.map((c) => c.id) ?? []);
        const given = new Set(run.shard.ids);
        const strangers = [...ran].filter((id) => !given.has(id));
        const missing = [...given].filter((id) => !ran.has(id));
        if (ran.size !== given.size || strangers.length > 0) {
            const which = strangers[0] ? ` (${strangers[0]} was not among them)` : missing[0] ? ` (${missing[0]} did not run)` : '';
            const what = remembered ? 'the remembered collection had' : 'the collection gave it';
            return { kind: 'unsharded', reason: `shard ${index + 1} ran ${ran.size} tests where ${what} ${given.size}${which}` };
        }
    }
    const order = new Map(ids.map((id, i) => [id, i]));
    const cases = runs.flatMap((r) => r.verdict.tests?.cases ?? []);
    cases.sort((a, b) => (order.get(a.id) ?? ids.length) - (order.get(b.id) ?? ids.length));
    const suiteMs = runs.reduce((sum, r) => sum + (r.verdict.tests?.durationMs ?? 0), 0);
    const tests = (0,junit.summarize)(cases, suiteMs);
    const exitCode = mergedExitCode(runs);
    const last = runs[0].process;
    const verdict = decideVerdict({
        gate,
        process: { ...last, exitCode, stdout: runs.map((r) => r.process.stdout).join('\n'), stderr: runs.map((r) => r.process.stderr).join('\n') },
        parse: () => ({ diagnostics: (0,junit.testDiagnostics)(tests.cases, gate.name), tests }),
        maxBufferBytes: MAX_OUTPUT_BYTES,
    });
    const version = await deps.version();
    const result = {
        ...base,
        status: verdict.status,
        exitCode,
        durationMs: Math.round(performance.now() - started),
        diagnostics: finalizeDiagnostics(verdict.diagnostics, deps.files, rootsOf(deps.root), deps.prefix),
        ...(version ? { toolVersion: version } : {}),
    };
    if (verdict.tests)
        result.tests = finalizeTests(verdict.tests, rootsOf(deps.root));
    if (verdict.error)
        result.error = verdict.error;
    if (verdict.stderrTail)
        result.stderrTail = verdict.stderrTail;
    return { kind: 'result', result };
}

;// CONCATENATED MODULE: ./lib/gates/run-gate.js
/**
 * One gate from plan to result: cache lookup, temp report file, the process, the parser,
 * the verdict, normalized diagnostics, cache store.
 */












/** Environment of a tool process: the caller's allow-listed variables, `passEnv`, the gate's own (see env.ts). */
function childEnv(base, gate) {
    return gateEnvironment(base, { passEnv: gate.config.passEnv, env: gate.config.env, unset: gate.definition.unsetEnv ?? [] });
}
function baseResult(gate) {
    return { gate: gate.name, tool: gate.definition.tool, exitCode: null, durationMs: 0, fromCache: false, command: gate.argv, diagnostics: [] };
}
function versionOf(gate, deps) {
    if (!gate.definition.versionArgs)
        return Promise.resolve(undefined);
    const launcher = gate.definition.launcher.kind === 'python-module' && gate.argv[1] === '-m' ? gate.argv.slice(0, 3) : gate.argv.slice(0, 1);
    return fileIdentity(gate.argv[0]).then((id) => deps.probes.version(launcher, gate.definition.versionArgs, id));
}
async function execute(gate, deps) {
    const needsTemp = gate.argv.some((a) => a.includes(REPORT_PLACEHOLDER));
    // Announced before the first await so gates that got their slots in order are reported
    // as started in that order (the temp-dir and stale-report steps take varying time).
    deps.onStart?.(gate.name, gate.argv);
    // Also where the tool's stdout and stderr go (see runProcess's outputDir).
    const tempDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'spec-automation-'));
    const reportPath = needsTemp ? (0,external_node_path_.join)(tempDir, 'report') : gate.reportFile;
    const argv = needsTemp ? gate.argv.map((a) => a.replaceAll(REPORT_PLACEHOLDER, reportPath)) : gate.argv;
    try {
        // A stale report from an earlier run must not pass for this run's.
        if (gate.reportFile)
            await (0,promises_.rm)(gate.reportFile, { force: true });
        const version = versionOf(gate, deps);
        const process = await runProcess({
            argv,
            cwd: gate.cwd,
            env: childEnv(deps.env, gate),
            timeoutMs: gate.timeoutSeconds * 1000,
            lowPriority: gate.lowPriority,
            maxBufferBytes: MAX_OUTPUT_BYTES,
            outputDir: tempDir,
            ...(deps.signal ? { signal: deps.signal } : {}),
        });
        let report = reportPath ? await readReport(reportPath) : undefined;
        let capped = false;
        if (report === REPORT_TOO_LARGE)
            [report, capped] = [undefined, true];
        const parser = await loadParser(gate.parser);
        const output = { stdout: process.stdout, stderr: process.stderr, exitCode: process.exitCode, ...(report !== undefined ? { report } : {}) };
        const verdict = decideVerdict({
            gate,
            process: capped ? { ...process, outputCapped: true } : process,
            ...(reportPath && report === undefined ? { missingReport: gate.reportFile ?? 'the temp report file' } : {}),
            parse: () => parser(output, { root: deps.root, cwd: gate.cwd, ...(deps.prefix ? { prefix: deps.prefix } : {}), source: gate.name, files: deps.files, gate: gate.config }),
            maxBufferBytes: MAX_OUTPUT_BYTES,
        });
        // The tool's text is read: let basedpyright's 5 MB report go before the findings are finalized.
        output.stdout = output.stderr = process.stdout = process.stderr = '';
        delete output.report;
        report = undefined;
        const toolVersion = verdict.toolVersion ?? (await version);
        const result = {
            ...baseResult(gate),
            command: argv,
            status: verdict.status,
            exitCode: process.exitCode,
            durationMs: process.durationMs,
            diagnostics: finalizeDiagnostics(verdict.diagnostics, deps.files, rootsOf(deps.root), deps.prefix),
        };
        if (toolVersion)
            result.toolVersion = toolVersion;
        if (verdict.tests)
            result.tests = finalizeTests(verdict.tests, rootsOf(deps.root));
        if (verdict.error)
            result.error = verdict.error;
        if (verdict.stderrTail)
            result.stderrTail = verdict.stderrTail;
        return result;
    }
    finally {
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
    }
}
function unshardedDetail(result, reason) {
    return { count: 1, durationsMs: [result.durationMs], slowestMs: result.durationMs, balance: 1, reason };
}
/**
 * A shardable gate: split into shards when its setting and the run allow (each shard
 * holds its own slot), else one process, with the reason in `shards`.
 */
async function executeSharded(gate, deps, sharding) {
    const decided = shardCount(gate, sharding.context);
    let reason = decided.reason ?? '';
    if (decided.count > 1) {
        deps.onStart?.(gate.name, gate.argv);
        const outcome = await runShardedPytest(gate, {
            root: deps.root,
            ...(deps.prefix ? { prefix: deps.prefix } : {}),
            files: deps.files,
            env: childEnv(deps.env, gate),
            limit: deps.limit,
            priority: deps.priority ?? 0,
            context: sharding.context,
            failedFirst: sharding.failedFirst,
            ...(sharding.onFailedFirst ? { onFailedFirst: (tests) => sharding.onFailedFirst(gate.name, tests) } : {}),
            version: () => versionOf(gate, deps),
            ...(deps.signal ? { signal: deps.signal } : {}),
            ...(sharding.platform ? { platform: sharding.platform } : {}),
        }, decided.count, decided.minTests);
        if (outcome.kind === 'result')
            return outcome.result;
        reason = outcome.reason.startsWith('auto:') ? outcome.reason : `ran as one process: ${outcome.reason}`;
    }
    return deps.limit(async () => {
        const result = await execute(gate, deps);
        return { ...result, shards: unshardedDetail(result, reason) };
    }, deps.priority);
}
/** Runs one planned gate (or answers from the cache) and returns its normalized result. */
async function runGate(gate, deps) {
    const redact = deps.redact ?? ((r) => r);
    const finish = (unredacted) => {
        const result = redact(unredacted);
        deps.onFinish?.(gate.name, result);
        return result;
    };
    const start = () => {
        const sharding = gate.definition.shardable ? deps.sharding : undefined;
        const running = sharding ? executeSharded(gate, deps, sharding).then(finish) : deps.limit(async () => finish(await execute(gate, deps)), deps.priority);
        deps.ready?.();
        return running;
    };
    const done = (result) => {
        deps.ready?.();
        return finish(result);
    };
    try {
        return await answer(gate, deps, start, done);
    }
    finally {
        // Also when the cache lookup threw: the limiter must never wait for this gate.
        deps.ready?.();
    }
}
async function answer(gate, deps, start, done) {
    if (gate.skipped)
        return done({ ...baseResult(gate), status: 'skipped' });
    if (gate.problem)
        return done({ ...baseResult(gate), status: 'error', error: gate.problem });
    if (!deps.cache || !deps.cacheKey)
        return start();
    // Reading the cache needs the key first; with reading off (--no-cache) the tool starts
    // at once and the key, needed only to store the result, is computed alongside.
    const keyPromise = deps.cacheKey(gate);
    if (deps.readCache) {
        const hit = await deps.cache.get(await keyPromise);
        if (hit)
            return done({ ...hit, fromCache: true });
    }
    const [result, key] = await Promise.all([start(), keyPromise]);
    // Only verdicts are worth keeping; a tool error is retried next time, and a run cut short proves nothing.
    if ((result.status === 'passed' || result.status === 'failed') && !result.shards?.cancelled && !deps.signal?.aborted)
        await deps.cache.set(key, result);
    return result;
}

;// CONCATENATED MODULE: ./lib/gates/source-files.js
/**
 * The repository's files as the parsers and the finalizer read them: line counts for
 * clamping, line text for fingerprints, existence for traceback frames. Read lazily,
 * once per file, never beyond a size cap.
 */


const MAX_FILE_BYTES = 4 * 1024 * 1024;
/**
 * {@link SourceFiles} over the files under `root`.
 * @param prefix where `root` lies in the repository (see `ParseContext.prefix`): the
 *   paths asked for are repository-relative and start with it
 */
function createSourceFiles(root, prefix = '') {
    const cache = new Map();
    const lines = (repoPath) => {
        if (prefix && !repoPath.startsWith(`${prefix}/`))
            return null;
        const path = prefix ? repoPath.slice(prefix.length + 1) : repoPath;
        if (path === '' || path.startsWith('/') || path.split('/').includes('..'))
            return null;
        let cached = cache.get(path);
        if (cached === undefined) {
            cached = null;
            try {
                const full = (0,external_node_path_.join)(root, path);
                const stat = (0,external_node_fs_.statSync)(full);
                if (stat.isFile()) {
                    cached = stat.size > MAX_FILE_BYTES ? [] : (0,external_node_fs_.readFileSync)(full, 'utf8').split(/\r?\n/);
                    // "a\nb\n" has two lines, not three.
                    if (cached.length > 1 && cached.at(-1) === '')
                        cached.pop();
                }
            }
            catch {
                cached = null;
            }
            cache.set(path, cached);
        }
        return cached;
    };
    return {
        lineCount: (path) => lines(path)?.length,
        lineText: (path, line) => lines(path)?.[line - 1],
    };
}
/** An in-memory {@link SourceFiles}, for tests and for callers that already hold the text. */
function sourceFilesFromMap(files) {
    const split = (text) => {
        const l = text.split(/\r?\n/);
        if (l.length > 1 && l.at(-1) === '')
            l.pop();
        return l;
    };
    return {
        lineCount: (path) => (path in files ? split(files[path]).length : undefined),
        lineText: (path, line) => (path in files ? split(files[path])[line - 1] : undefined),
    };
}

;// CONCATENATED MODULE: ./lib/gates/index.js
/**
 * The quality gates engine: `runGates` runs the configured gates (ruff, basedpyright,
 * pytest, any command) in parallel under a concurrency limit, answers unchanged gates
 * from the cache, and returns normalized results. It never reports and never talks to
 * GitHub; the CLI, the action and the app render what it returns.
 */

























/** Bumped when anything that shapes a result changes, so old cache entries stop matching. */
const CACHE_SCHEMA = 'gates-v2';
/** Environment variables that change what Python tools check or collect. */
const KEY_ENV = ['PYTHONPATH', 'PYTEST_ADDOPTS', 'PYTEST_PLUGINS', 'QT_QPA_PLATFORM'];
/** Runs the gates and returns their results; see {@link RunGatesOptions}. */
async function runGates(options) {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    const { root, config } = options;
    const prefix = (0,repo_path/* normalizePrefix */.iG)(options.pathPrefix);
    const env = options.env ?? process.env;
    const platform = { windows: (options.platform ?? process.platform) === 'win32', env };
    const plans = planGates(root, config, platform, options.only);
    options.onProgress?.({ kind: 'planned', gates: plans.map((p) => p.name) });
    const cacheOn = config.cache.enabled;
    // Tools will certainly start when nothing can come from the cache.
    if ((!cacheOn || options.noCache) && plans.some((p) => !p.skipped && !p.problem))
        preloadProcessRunner();
    const cacheDir = options.cacheDir ?? repositoryCacheDir(root, env, options.platform);
    const cache = cacheOn ? new ResultCache(cacheDir, config.cache.maxMegabytes * 1024 * 1024, options.cacheWriteFailed) : undefined;
    const probes = new Probes(cacheOn ? probesFile(cacheDir) : undefined, gateEnvironment(env), options.cacheWriteFailed);
    const redactor = options.redactor ?? Redactor.fromEnv(env);
    const durations = LastDurations.in(cacheOn ? cacheDir : undefined, options.cacheWriteFailed);
    await Promise.all([probes.load(), durations.load()]);
    for (const gate of plans)
        gate.timeoutSeconds = timeoutSeconds(gate.config.timeout, durations.get(gate.name), gate.definition.deriveTimeout === true);
    let inputs;
    /** What a gate's result depends on besides the files it reads. */
    const identity = async (gate) => {
        inputs ??= listInputs(root);
        const [hashes, program, python] = await Promise.all([
            inputs,
            fileIdentity(gate.argv[0]),
            gate.python ? probes.pythonEnvironment(gate.python, root) : Promise.resolve(''),
        ]);
        const key = {
            schema: CACHE_SCHEMA,
            gate: gate.name,
            parser: gate.parser,
            tool: gate.definition.tool,
            program,
            python,
            argv: gate.argv,
            cwd: (0,external_node_path_.join)(gate.cwd),
            ...(prefix ? { prefix } : {}),
            // The time limit is left out: a cached verdict (passed, failed) is one the tool reached
            // within its limit, and a run past it is a tool error, never cached. run_gates caps the
            // limit per call; its results then answer the same gates after the commit.
            config: { ...gate.config, timeout: undefined },
            failOn: gate.failOn,
            env: Object.fromEntries(KEY_ENV.map((k) => [k, env[k] ?? null])),
            platform: process.platform,
        };
        return { hashes, key };
    };
    const cacheKey = async (gate) => {
        const { hashes, key } = await identity(gate);
        // `inputs` overrides; a built-in gate otherwise reads what its tool's own configuration selects.
        return stableHash({ ...key, inputs: await inputsDigest(hashes, gate.config.inputs ?? (BUILTIN_GATES[gate.name] ? await defaultInputs(gate.parser, root, gate.cwd) : undefined)) });
    };
    /** The key under which a shardable gate's collection is remembered (pytest-shards/collection-key.ts). */
    const collectionKey = (gate) => async (testFiles) => {
        const [{ hashes, key }, texts] = await Promise.all([identity(gate), configTexts(root, gate.cwd)]);
        const widened = widensCollection(texts, gate.argv);
        const onDisk = await testLikeOnDisk(gate.cwd, widened);
        // Settings that do not change what pytest collects: a `shards: 1` run proves the collection of a sharded one.
        const { shards: _shards, timeout: _timeout, failOn: _failOn, noTests: _noTests, lowPriority: _low, ...config } = gate.config;
        return stableHash({ ...key, config, failOn: undefined, collection: collectionDigest({ hashes, cwd: relativeDir(root, gate.cwd), testFiles, widened, onDisk }) });
    };
    // Fail fast: the failures-first shard's verdict cancels the rest of the run.
    const cut = options.failFast ? new AbortController() : undefined;
    let cutShort;
    const signal = cut ? (options.signal ? AbortSignal.any([options.signal, cut.signal]) : cut.signal) : options.signal;
    // Two pools of the same size: the tests (and other normal gates) get the cores, and the
    // linters and type checkers run beside them at low CPU priority instead of taking a
    // slot a test shard would use. Each pool starts longest-first by past durations once
    // every gate is queued or answered.
    const slots = config.concurrency > 0 ? config.concurrency : (0,external_node_os_.availableParallelism)();
    const pools = { normal: createLimiter(slots), low: createLimiter(slots) };
    const releases = [pools.normal.hold(), pools.low.hold()];
    const pending = new Set(plans.map((p) => p.name));
    const readyOf = (name) => () => {
        pending.delete(name);
        if (pending.size === 0)
            for (const release of releases)
                release();
    };
    const histories = new Map();
    if (cache) {
        await Promise.all(plans.map(async (gate) => {
            const history = gate.definition.shardable && !gate.skipped && !gate.problem ? await readHistory(cache, gate) : undefined;
            if (history)
                histories.set(gate.name, history);
        }));
    }
    const runnable = plans.filter((p) => !p.skipped && !p.problem);
    const files = createSourceFiles(root, prefix);
    const results = await Promise.all(plans.map((gate) => runGate(gate, {
        limit: gate.lowPriority ? pools.low : pools.normal,
        priority: durations.get(gate.name) ?? 0,
        ready: readyOf(gate.name),
        sharding: {
            context: {
                limit: slots,
                otherGates: runnable.filter((p) => p !== gate && !p.lowPriority).length,
                ...(histories.has(gate.name) ? { history: histories.get(gate.name) } : {}),
                ...(cache ? { collectionKey: collectionKey(gate) } : {}),
            },
            failedFirst: options.failedFirst ?? false,
            onFailedFirst: (name, tests) => {
                options.onProgress?.({ kind: 'failed-first', gate: name, tests: redactor.redactDeep(tests) });
                const failing = tests.failed + tests.errored;
                if (cut && failing > 0 && !cut.signal.aborted && !options.signal?.aborted) {
                    cutShort = `${name}: ${failing} test${failing === 1 ? '' : 's'} that failed last time still fail${failing === 1 ? 's' : ''}; the rest of the run was cancelled (fail fast)`;
                    options.onCutShort?.(cutShort);
                    cut.abort();
                }
            },
            ...(options.platform ? { platform: options.platform } : {}),
        },
        root,
        ...(prefix ? { prefix } : {}),
        env,
        redact: (result) => redactor.redactDeep(result),
        files,
        probes,
        ...(cache ? { cache, cacheKey } : {}),
        readCache: !options.noCache,
        ...(signal ? { signal } : {}),
        onStart: (name, command) => options.onProgress?.({ kind: 'started', gate: name, command }),
        onFinish: (name, result) => options.onProgress?.({ kind: 'finished', gate: name, result }),
    })));
    // A verdict that really ran says how long the gate takes; a cached one or a timeout does not.
    for (const r of results)
        if (!r.fromCache && !r.shards?.cancelled && (r.status === 'passed' || r.status === 'failed'))
            durations.record(r.gate, r.durationMs);
    if (cache) {
        await Promise.all(plans.flatMap((gate, i) => {
            const result = results[i];
            const history = gate.definition.shardable && !result.fromCache ? historyOf(result) : undefined;
            if (!history)
                return [];
            // What this run collected, remembered under the key of the inputs it ran on.
            const ids = collectionOf(result);
            const remember = ids ? collectionKey(gate)([...new Set(ids.map(fileOf))]).then((key) => ({ ...history, collection: { key, ids } })) : Promise.resolve(history);
            return [remember.then((h) => cache.setHistory(historyName(gate), h))];
        }));
    }
    await Promise.all([probes.save(), durations.save()]);
    return {
        schemaVersion: 1,
        startedAt,
        durationMs: Math.round(performance.now() - started),
        conclusion: conclusionOf(results),
        gates: results,
        ...(cutShort ? { cutShort } : {}),
    };
}

// EXTERNAL MODULE: ./lib/reporting/sarif.js
var sarif = __webpack_require__(4535);
// EXTERNAL MODULE: ./lib/reporting/shards.js
var shards = __webpack_require__(565);
// EXTERNAL MODULE: ./lib/reporting/text/diagnostics.js
var diagnostics = __webpack_require__(1680);
// EXTERNAL MODULE: ./lib/reporting/text/style.js
var text_style = __webpack_require__(5421);
// EXTERNAL MODULE: ./lib/reporting/text/width.js
var text_width = __webpack_require__(24);
;// CONCATENATED MODULE: ./lib/reporting/text/gates.js
/**
 * Terminal rendering of a gates run: the live per-gate status lines shown while tools
 * run, and the summary table with tool errors explained. Pure: data in, text out; the
 * CLI decides where it goes and when to redraw.
 */







function paint(text, colour, style) {
    return (0,text_style/* paint */.n)(colour, text, style.color);
}
const STATUS_MARK = { passed: '✓', failed: '✗', error: '!', skipped: '-', cancelled: '-' };
const STATUS_COLOUR = { passed: 'green', failed: 'red', error: 'red', skipped: 'gray', cancelled: 'gray' };
/** `0.4s`, `12.3s`, `2m05s`. */
function formatDuration(ms) {
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** `2 passed, 2 failed, 1 error, 1 skipped, 1 xfailed`. */
function formatTests(tests) {
    const parts = [`${tests.passed} passed`];
    if (tests.failed)
        parts.push(`${tests.failed} failed`);
    if (tests.errored)
        parts.push(plural(tests.errored, 'error'));
    if (tests.skipped)
        parts.push(`${tests.skipped} skipped`);
    if (tests.xfailed)
        parts.push(`${tests.xfailed} xfailed`);
    if (tests.xpassed)
        parts.push(`${tests.xpassed} xpassed`);
    return tests.total === 0 ? 'no tests' : parts.join(', ');
}
/** `3 errors, 1 warning`, counting only diagnostics that are not failing tests. */
function formatFindings(result) {
    const findings = result.diagnostics.filter((d) => !d.rule.startsWith('test.'));
    if (findings.length === 0)
        return result.tests ? '' : '0';
    const counts = (0,diagnostic/* countBySeverity */.Ot)(findings);
    const parts = [];
    if (counts.error)
        parts.push(plural(counts.error, 'error'));
    if (counts.warning)
        parts.push(plural(counts.warning, 'warning'));
    if (counts.info)
        parts.push(`${counts.info} info`);
    return parts.join(', ');
}
/** Outcome text in a status line: long enough to be useful, short enough not to wrap (a wrapped line breaks the redraw). */
const OUTCOME_CHARS = 72;
function clip(text) {
    return (0,text_width/* truncateDisplay */.HA)(text, OUTCOME_CHARS);
}
/** What a finished gate found, in a few words. */
function outcome(result) {
    if (result.status === 'error')
        return result.error?.message.split('\n')[0] ?? 'tool error';
    if (result.status === 'skipped')
        return 'disabled';
    if (result.status === 'cancelled')
        return 'cancelled';
    const parts = [formatFindings(result), result.tests ? formatTests(result.tests) : ''].filter((p) => p !== '' && p !== '0');
    return parts.join('; ') || 'no findings';
}
/** One line per gate: `✓ ruff  passed  0.4s  no findings (cached)`. */
function renderStatusLine(state, now, width, style) {
    const name = (0,text_width/* padDisplayEnd */.Vi)(state.gate, width);
    if (state.phase === 'queued')
        return `  ${paint('○', 'gray', style)} ${name}  ${paint('queued', 'gray', style)}`;
    if (state.phase === 'running' || !state.result) {
        const elapsed = state.startedAt === undefined ? '' : `  ${formatDuration(now - state.startedAt)}`;
        const early = state.failedFirst ? `  ${clip((0,shards/* failedFirstNote */.w)(state.failedFirst))}` : '';
        return `  ${paint('●', 'blue', style)} ${name}  ${paint('running', 'blue', style)}${elapsed}${early}`;
    }
    const r = state.result;
    const mark = paint(STATUS_MARK[r.status], STATUS_COLOUR[r.status], style);
    const status = paint(r.status.padEnd(7), STATUS_COLOUR[r.status], style);
    // A cached result took no time now; its duration is the original run's, labelled so.
    const time = r.status === 'skipped' || r.fromCache || (r.status === 'error' && r.exitCode === null && r.durationMs === 0) ? '' : `  ${formatDuration(r.durationMs)}`;
    const cached = r.fromCache ? paint(` (cached; ${formatDuration(r.durationMs)} when it ran)`, 'gray', style) : '';
    return `  ${mark} ${name}  ${status}${time}  ${clip(outcome(r))}${cached}`;
}
/** The live block: one status line per gate, redrawn by the caller. */
function renderLiveStatus(states, now, style) {
    const width = states.reduce((w, s) => Math.max(w, displayWidth(s.gate)), 4);
    return states.map((s) => `${renderStatusLine(s, now, width, style)}\n`).join('');
}
/** A line for a log (non-interactive output): one per state change. */
function renderStatusChange(state, now) {
    return `gates: ${renderStatusLine(state, now, 0, { color: false }).trim().replace(/\s{2,}/g, ' ')}\n`;
}
function table(rows) {
    const widths = rows[0].map((_, i) => rows.reduce((w, r) => Math.max(w, (0,text_width/* displayWidth */.F1)(r[i] ?? '')), 0));
    return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : (0,text_width/* padDisplayEnd */.Vi)(cell, widths[i]))).join('  ').trimEnd()).join('\n');
}
function indent(text, prefix) {
    return text
        .split(/\r?\n/)
        .map((l) => `${prefix}${l}`)
        .join('\n');
}
/**
 * The summary after a run: a table of gates, then what went wrong with each gate that
 * could not give a verdict (message, hint, command, the end of its output), then the
 * conclusion.
 */
function renderGatesSummary(run, style) {
    const rows = [['Gate', 'Status', 'Findings', 'Tests', 'Time', '']];
    for (const g of run.gates) {
        const tests = g.tests ? formatTests(g.tests) : '';
        const time = g.status === 'skipped' || ((g.status === 'error' || g.status === 'cancelled') && g.durationMs === 0) ? '' : g.fromCache ? 'cached' : formatDuration(g.durationMs);
        const findings = g.status === 'error' || g.status === 'skipped' || g.status === 'cancelled' ? '' : formatFindings(g);
        const notes = [g.fromCache ? `(${formatDuration(g.durationMs)} when it ran)` : '', (0,shards/* shardsNote */.o)(g.shards) ?? ''].filter((n) => n !== '');
        rows.push([g.gate, g.status, findings, tests, time, notes.join(' ')]);
    }
    const lines = table(rows).split('\n');
    const header = paint(lines[0], 'bold', style);
    const body = lines.slice(1).map((line, i) => {
        const status = run.gates[i].status;
        return line.replace(new RegExp(`(?<=^\\S+\\s+)${status}`), paint(status, STATUS_COLOUR[status], style));
    });
    const out = [header, ...body, ''];
    for (const g of run.gates.filter((x) => x.status === 'error')) {
        out.push(`${paint('!', 'red', style)} ${paint(g.gate, 'bold', style)}: ${g.error?.message ?? 'tool error'}`);
        if (g.error?.hint)
            out.push(`  hint: ${g.error.hint}`);
        if (g.command.length > 0)
            out.push(`  command: ${g.command.join(' ')}`);
        if (g.stderrTail)
            out.push('  output (last lines):', indent(g.stderrTail, '    | '));
        out.push('');
    }
    out.push(conclusionLine(run, style), '');
    return out.join('\n');
}
function conclusionLine(run, style) {
    const count = (s) => run.gates.filter((g) => g.status === s).length;
    const cached = run.gates.filter((g) => g.fromCache).length;
    const parts = [`${count('passed')} passed`];
    if (count('failed'))
        parts.push(`${count('failed')} failed`);
    if (count('error'))
        parts.push(plural(count('error'), 'tool error'));
    if (count('skipped'))
        parts.push(`${count('skipped')} skipped`);
    if (count('cancelled'))
        parts.push(`${count('cancelled')} cancelled`);
    const tail = `${parts.join(', ')}${cached ? `; ${cached} from cache` : ''} in ${formatDuration(run.durationMs)}`;
    switch (run.conclusion) {
        case 'success':
            return `${paint('Gates passed', 'green', style)}: ${tail}.`;
        case 'failure':
            return `${paint('Gates failed', 'red', style)}: ${tail}.`;
        default:
            return `${paint('Gates could not all run', 'red', style)}: ${tail}. A tool error is not a pass; fix it and run again.`;
    }
}
const DEFAULT_MAX_FINDINGS = 200;
const DEFAULT_MAX_PER_FILE = 20;
/**
 * The findings of a run, most important first: failing tests, then errors, then
 * warnings, then notes, each section grouped by file (files and lines in order), with a
 * per-file and a total cap ("… and N more"). A run of 10,000 findings reads as the few
 * that matter, followed by counts of the rest. Empty when there is nothing to list.
 */
function renderGateFindings(run, options) {
    const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
    const perFile = options.maxPerFile ?? DEFAULT_MAX_PER_FILE;
    const minSeverity = options.minSeverity ?? 'info';
    const all = [];
    for (const g of run.gates)
        for (const d of g.diagnostics)
            all.push(d);
    const kept = minSeverity === 'info' ? all : all.filter((d) => isAtLeast(d.severity, minSeverity));
    const belowThreshold = all.length - kept.length;
    if (kept.length === 0)
        return belowThreshold > 0 ? `${paint(`${formatCount(belowThreshold)} findings below --min-severity ${minSeverity} are not shown.`, 'gray', options)}\n` : '';
    kept.sort(compareByImportance);
    const fileLines = new Map();
    const linesOf = (path) => {
        if (!path || !options.readLines)
            return undefined;
        if (!fileLines.has(path))
            fileLines.set(path, options.readLines(path));
        return fileLines.get(path);
    };
    const draw = { color: options.color, context: 1, width: 120, hints: true };
    const out = [];
    let shown = 0;
    let i = 0;
    while (i < kept.length) {
        // One section: every finding under the same heading (they are contiguous once sorted).
        const heading = importanceHeading(kept[i]);
        let end = i;
        while (end < kept.length && importanceHeading(kept[end]) === heading)
            end++;
        out.push(paint(`${heading} (${formatCount(end - i)})`, 'bold', options), '');
        let j = i;
        while (j < end) {
            const path = kept[j].path;
            let fileEnd = j;
            while (fileEnd < end && kept[fileEnd].path === path)
                fileEnd++;
            const inFile = fileEnd - j;
            const room = Math.max(0, Math.min(perFile, max - shown));
            if (room > 0) {
                out.push(paint(path || '(no file)', 'bold', options));
                for (let k = j; k < j + Math.min(room, inFile); k++)
                    out.push(...findingLines(kept[k], linesOf(path), draw));
                shown += Math.min(room, inFile);
                if (inFile > room)
                    out.push(paint(`  … and ${formatCount(inFile - room)} more in this file`, 'gray', options));
                out.push('');
            }
            j = fileEnd;
        }
        i = end;
    }
    const hidden = kept.length - shown;
    const notes = [];
    if (hidden > 0)
        notes.push(`… and ${formatCount(hidden)} more ${hidden === 1 ? 'finding' : 'findings'} not shown (showing ${formatCount(shown)} of ${formatCount(kept.length)}; --max-findings ${max === Number.POSITIVE_INFINITY ? 'all' : max}).`);
    if (belowThreshold > 0)
        notes.push(`${formatCount(belowThreshold)} ${belowThreshold === 1 ? 'finding' : 'findings'} below --min-severity ${minSeverity} ${belowThreshold === 1 ? 'is' : 'are'} not shown.`);
    for (const note of notes)
        out.push(paint(note, 'gray', options));
    if (notes.length > 0)
        out.push('');
    return `${out.join('\n')}\n`;
}

// EXTERNAL MODULE: ./lib/action/log-findings.js
var log_findings = __webpack_require__(1267);
// EXTERNAL MODULE: ./lib/action/outcome.js
var action_outcome = __webpack_require__(1006);
;// CONCATENATED MODULE: ./lib/action/progress.js


/**
 * A progress handler for `runGates` that writes each change through `log`.
 *
 * @param log where a line goes (`core.info`)
 * @param now the clock, for elapsed times
 */
function createProgressLog(log, now = Date.now) {
    const states = new Map();
    return (event) => {
        if (event.kind === 'planned') {
            for (const gate of event.gates)
                states.set(gate, { gate, phase: 'queued' });
            log(event.gates.length === 0 ? 'gates: none to run' : `gates: ${event.gates.join(', ')}`);
            return;
        }
        const state = states.get(event.gate) ?? { gate: event.gate, phase: 'queued' };
        states.set(event.gate, state);
        if (event.kind === 'failed-first') {
            state.failedFirst = event.tests;
            log(`gates: ${event.gate}: ${(0,shards/* failedFirstNote */.w)(event.tests)}`);
        }
        else if (event.kind === 'started') {
            Object.assign(state, { phase: 'running', startedAt: now() });
            log(`gates: ${event.gate} started: ${event.command.join(' ')}`);
        }
        else {
            Object.assign(state, { phase: 'done', result: event.result });
            log(renderStatusChange(state, now()).trimEnd());
        }
    };
}

// EXTERNAL MODULE: ./lib/action/report-run.js
var report_run = __webpack_require__(1578);
// EXTERNAL MODULE: ./lib/action/sarif-file.js
var sarif_file = __webpack_require__(5454);
;// CONCATENATED MODULE: ./lib/action/modes/gates.js
/**
 * Mode `gates`: run the quality gates in parallel, then report them: one check run per
 * gate, a review on the pull request, the job summary, a SARIF file and the results
 * JSON; the step fails per `fail-on`. A read-only token (fork pull requests) degrades to
 * the job summary and log annotations instead of failing.
 */










async function runTheGates(ctx, onFirstStart) {
    const log = createProgressLog((line) => (0,action_log/* logText */.k)(line));
    let started = false;
    try {
        return await runGates({
            root: ctx.root,
            // Repository-relative paths from the parsers, whatever the working directory.
            pathPrefix: ctx.prefix,
            config: ctx.config,
            onProgress: (event) => {
                log(event);
                if (event.kind === 'started' && !started) {
                    started = true;
                    onFirstStart();
                }
            },
            signal: ctx.signal,
            env: ctx.env,
            cacheDir: ctx.cacheDir,
            cacheWriteFailed: ctx.cacheWriteFailed,
            redactor: ctx.redactor,
            ...(ctx.inputs.gates ? { only: ctx.inputs.gates } : {}),
        });
    }
    catch (error) {
        if (error instanceof UnknownGateError)
            throw new InputError('gates', error.message);
        throw error;
    }
}
/** Runs mode `gates`; see the file comment. */
async function gatesMode(ctx) {
    const { inputs } = ctx;
    // Reporting code loads while the tools run, not before the first one starts.
    let reporting;
    const loadReporting = () => {
        reporting ??= Promise.all([Promise.all(/* import() */[__webpack_require__.e(874), __webpack_require__.e(216)]).then(__webpack_require__.bind(__webpack_require__, 8835)), ctx.connect()]);
        // Awaited below; until then a failure must not count as unhandled.
        reporting.catch(() => undefined);
    };
    const run = await runTheGates(ctx, loadReporting);
    loadReporting();
    const [{ reportGates }, github] = await reporting;
    (0,log_findings/* logFindings */.H)(run.gates.map((g) => ({ name: g.gate, diagnostics: g.diagnostics })), ctx.workspace);
    (0,action_log/* logText */.k)(renderGatesSummary(run, { color: false }).trimEnd());
    const report = inputs.report;
    await (0,report_run/* reportRun */.G)({ reportGates, ctx, github, run });
    const sarifFile = report.has('sarif') ? await (0,sarif_file/* writeSarifFile */.V)((0,sarif/* gatesSarifRuns */.qv)(run, informationUriOf), ctx, 'gates') : undefined;
    const resultsFile = (0,action_outcome/* runnerFile */.L3)(ctx.runnerTemp, 'gates', ctx.step, 'json');
    await (0,action_outcome/* writeJsonFile */.An)(resultsFile, run);
    // A cancelled gate (the job was cancelled mid-run) did not pass either.
    const failed = run.gates.flatMap((g) => (g.status === 'failed' || g.status === 'error' || g.status === 'cancelled' ? [{ name: g.gate, status: g.status }] : []));
    return {
        conclusion: run.conclusion,
        ...(0,action_outcome/* severityCounts */.ur)(run.gates.flatMap((g) => g.diagnostics)),
        failedGates: failed.map((f) => f.name),
        resultsFile,
        sarifFile,
        failure: (0,action_outcome/* failureMessage */.oh)(run.conclusion, inputs.failOn, failed),
    };
}

;// CONCATENATED MODULE: ./lib/action/main.js
/**
 * The action's `run()`: inputs → configuration → mode → outputs. Thin: the gates
 * engine runs the tools, src/reporting renders, src/github posts. Every failure ends
 * in one place, `core.setFailed`, with a message that says what to fix.
 */















async function modeRunner(mode) {
    switch (mode) {
        case 'gates':
            return gatesMode;
        case 'validate':
            return (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(815), __webpack_require__.e(382), __webpack_require__.e(252), __webpack_require__.e(874), __webpack_require__.e(686), __webpack_require__.e(83)]).then(__webpack_require__.bind(__webpack_require__, 5083))).validateMode;
        case 'revalidate':
            return (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(815), __webpack_require__.e(382), __webpack_require__.e(252), __webpack_require__.e(771), __webpack_require__.e(874), __webpack_require__.e(686), __webpack_require__.e(820)]).then(__webpack_require__.bind(__webpack_require__, 4439))).revalidateMode;
    }
}
function projectRoot(inputs, workspace) {
    const root = (0,external_node_path_.resolve)(workspace, inputs.workingDirectory);
    if (!(0,external_node_fs_.existsSync)(root) || !(0,external_node_fs_.statSync)(root).isDirectory()) {
        throw new InputError('working-directory', `${inputs.workingDirectory} is not a directory in the workspace (${workspace}). Check out the repository first (actions/checkout) and check the path.`);
    }
    return root;
}
function applyOutputs(outcome) {
    for (const [name, value] of Object.entries((0,action_outcome/* outputsOf */.Yz)(outcome)))
        core/* setOutput */.uH(name, value);
}
/**
 * Runs the action. Never throws: a failure sets the step failed with its reason.
 *
 * @param options for tests
 */
async function main_run(options = {}) {
    const env = options.env ?? process.env;
    const controller = new AbortController();
    // The runner cancels a job with SIGINT, then SIGTERM: stop the tools, still report.
    // `on`, not `once`: execa's signal-exit re-raises a signal that no other listener is
    // left to handle, which a `once` listener no longer is by the time it looks.
    const abort = () => controller.abort(new Error('The job was cancelled.'));
    process.on('SIGINT', abort);
    process.on('SIGTERM', abort);
    const sink = (0,local_sink/* createLocalSink */.F)();
    try {
        const inputs = parseInputs((name) => core/* getInput */.V4(name));
        if (inputs.token !== '')
            core/* setSecret */.Pq(inputs.token);
        const { workspace, runnerTemp } = runnerPaths(env);
        const root = projectRoot(inputs, workspace);
        // Where the project lies in the repository: every path reported starts with it.
        const knownPrefix = (0,repo_path/* pathWithin */.RY)(workspace, root);
        if (knownPrefix === undefined)
            core/* warning */.$e(`working-directory ${root} is outside the workspace ${workspace}: finding paths cannot be made repository-relative, so annotations may not show on files.`);
        const prefix = knownPrefix ?? '';
        const cacheDir = repositoryCacheDir(root, env);
        const cacheWriteFailed = cacheWriteWarning((message) => core/* warning */.$e(message), cacheDir);
        const redactor = Redactor.fromEnv(env, [inputs.token]);
        const { config, file } = await loadActionConfig(root, inputs, { dir: cacheDir, writeFailed: cacheWriteFailed }, prefix);
        (0,action_log/* logText */.k)(`spec-automation ${inputs.mode} in ${root}${file ? ` with ${file}` : ' with the default configuration'}`);
        let connection;
        const outcome = await (await modeRunner(inputs.mode))({
            inputs,
            workspace,
            runnerTemp,
            connect: () => (connection ??= connectToGitHub(inputs.token, env, options.context, redactor)),
            config,
            configFile: file,
            root,
            prefix,
            sink,
            step: env.GITHUB_ACTION,
            signal: controller.signal,
            env,
            cacheDir,
            cacheWriteFailed,
            redactor,
        });
        applyOutputs(outcome);
        if (outcome.failure)
            core/* setFailed */.C1(outcome.failure);
    }
    catch (error) {
        // The configuration's errors as annotations on its lines, then the step's failure.
        if (error instanceof ConfigError)
            sink.annotateNow(error.diagnostics);
        core/* setFailed */.C1(error instanceof Error ? error.message : String(error));
        if (error instanceof Error && !(error instanceof InputError) && !(error instanceof ConfigError) && error.stack)
            core/* debug */.Yz(error.stack);
    }
    finally {
        process.removeListener('SIGINT', abort);
        process.removeListener('SIGTERM', abort);
    }
}


/***/ }),

/***/ 1006:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   An: () => (/* binding */ writeJsonFile),
/* harmony export */   L3: () => (/* binding */ runnerFile),
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   oh: () => (/* binding */ failureMessage),
/* harmony export */   ur: () => (/* binding */ severityCounts)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _pipeline_diagnostic_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9343);
/**
 * What a mode hands back to `run()`: the step's outputs and whether the step fails.
 * Pure: the decision per `fail-on` and the counts are computed here, `run()` only
 * applies them with @actions/core.
 */



/** The step outputs, by their action.yml names. */
function outputsOf(outcome) {
    return {
        conclusion: outcome.conclusion,
        errors: String(outcome.errors),
        warnings: String(outcome.warnings),
        'failed-gates': outcome.failedGates.join(','),
        results: outcome.resultsFile,
        sarif: outcome.sarifFile ?? '',
    };
}
/** Error and warning counts over every diagnostic. */
function severityCounts(diagnostics) {
    const c = (0,_pipeline_diagnostic_js__WEBPACK_IMPORTED_MODULE_2__/* .countBySeverity */ .Ot)(diagnostics);
    return { errors: c.error, warnings: c.warning };
}
/**
 * Whether the step fails, and with what message. The verdicts (which gate failed) were
 * made with the configuration's `failOn`, which `fail-on: error|warning` overrides;
 * `never` keeps them but lets the step pass. A tool that could not run fails the step
 * unless `never`: it is not a pass.
 */
function failureMessage(conclusion, failOn, failed) {
    if (failOn === 'never' || conclusion === 'success')
        return undefined;
    const could = failed.filter((f) => f.status === 'error').map((f) => f.name);
    const didFail = failed.filter((f) => f.status === 'failed').map((f) => f.name);
    const cancelled = failed.filter((f) => f.status === 'cancelled').map((f) => f.name);
    const parts = [];
    if (didFail.length > 0)
        parts.push(`failed: ${didFail.join(', ')}`);
    if (could.length > 0)
        parts.push(`could not run (a tool error is not a pass): ${could.join(', ')}`);
    if (cancelled.length > 0)
        parts.push(`cancelled before it finished (not a pass): ${cancelled.join(', ')}`);
    if (parts.length === 0)
        parts.push(`concluded ${conclusion}`);
    return `spec-automation ${parts.join('; ')}. See the check runs and the job summary for the findings; set fail-on: never to report without failing the step.`;
}
/** A file name part from a step id (GITHUB_ACTION): letters, digits, `.`, `_`, `-`. */
function stepPart(step) {
    const clean = (step ?? '').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[._]+/, '').slice(0, 60);
    return clean === '' ? 'step' : clean;
}
/** `RUNNER_TEMP/spec-automation-<mode>-<step>.<ext>`: one file per step, so two steps do not overwrite each other. */
function runnerFile(runnerTemp, mode, step, ext) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTemp, `spec-automation-${mode}-${stepPart(step)}.${ext}`);
}
/** Writes JSON (pretty, newline-terminated), creating the directory. */
async function writeJsonFile(file, data) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
}


/***/ }),

/***/ 1578:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ reportRun)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2988);
/* harmony import */ var _local_sink_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(849);
/**
 * The one way modes `gates` and `validate` report a run to GitHub: check runs, the review
 * on a pull request, the job summary under the mode's heading, and, on
 * `report: annotations`, workflow-command annotations for every finding the read-only
 * fallback did not already annotate. The reporter is passed in so mode `gates` can load
 * it while the tools run.
 */


function logOutcome(outcome) {
    for (const c of outcome.checkRuns) {
        (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .k)(`check run ${c.name}: ${c.action}, ${c.annotations} annotation${c.annotations === 1 ? '' : 's'}${c.url ? ` (${c.url})` : ''}`);
    }
    const r = outcome.review;
    if (r) {
        const url = r.reviews[0]?.url;
        (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .k)(`review: ${r.inlinePosted} new inline comment${r.inlinePosted === 1 ? '' : 's'}, ${r.deleted} outdated deleted${url ? ` (${url})` : ''}`);
    }
    (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .k)(`GitHub requests: ${outcome.requests}`);
}
/** Reports `run`; see the file comment. */
async function reportRun({ reportGates, ctx, github, run, summaryTitle }) {
    const report = ctx.inputs.report;
    const { sink, annotated } = (0,_local_sink_js__WEBPACK_IMPORTED_MODULE_1__/* .trackingAnnotations */ .s)(ctx.sink);
    const outcome = await reportGates({
        client: github.client,
        // Without a repository or commit the run is read-only (run-context.ts): nothing is sent.
        repo: github.run.repo ?? { owner: '', repo: '' },
        sha: github.run.sha ?? '',
        run,
        ...(github.run.pullNumber !== undefined ? { pullNumber: github.run.pullNumber } : {}),
        targets: { checks: report.has('check-runs'), review: report.has('review'), summary: report.has('summary') },
        ...(summaryTitle !== undefined ? { summaryTitle } : {}),
        ...(github.run.readOnly !== undefined ? { readOnly: { reason: github.run.readOnly } } : {}),
        maxInlineComments: ctx.inputs.maxReviewComments,
        ...(github.run.detailsUrl ? { detailsUrl: github.run.detailsUrl } : {}),
        sink,
    });
    logOutcome(outcome);
    if (report.has('annotations')) {
        // Asked for explicitly: every finding the fallback did not already annotate.
        const rest = run.gates.flatMap((g) => g.diagnostics).filter((d) => !annotated.has(d.fingerprint));
        if (rest.length > 0)
            await sink.annotate(rest);
    }
    return outcome;
}


/***/ }),

/***/ 5454:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ writeSarifFile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _reporting_sarif_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4535);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1006);
/**
 * The SARIF 2.1.0 file (`report: sarif`), for github/codeql-action/upload-sarif: the
 * `sarif-file` input (relative to the workspace), else a file in RUNNER_TEMP. Paths in it
 * are repository-relative, as code scanning expects with the checkout at the workspace.
 */



/** Writes the SARIF log and returns its absolute path. */
async function writeSarifFile(runs, ctx, mode) {
    const file = ctx.inputs.sarifFile ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(ctx.workspace, ctx.inputs.sarifFile) : (0,_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .runnerFile */ .L3)(ctx.runnerTemp, mode, ctx.step, 'sarif');
    await (0,_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .writeJsonFile */ .An)(file, (0,_reporting_sarif_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSarif */ .WH)(runs));
    return file;
}


/***/ }),

/***/ 4641:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseExitCode: () => (/* binding */ parseExitCode),
/* harmony export */   tail: () => (/* binding */ tail)
/* harmony export */ });
const QUOTED_LINES = 20;
/** The last non-empty lines of a text. */
function tail(text, lines = QUOTED_LINES) {
    const all = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    return all.slice(-lines).join('\n');
}
/** The `exit-code` parser. */
const parseExitCode = (output, context) => {
    if (output.exitCode === 0)
        return { diagnostics: [] };
    const quoted = tail(`${output.stdout}\n${output.stderr}`);
    return {
        diagnostics: [
            {
                source: context.source,
                path: '',
                range: { start: { line: 1 } },
                severity: 'error',
                rule: 'exit-code',
                message: `${context.source} exited with code ${output.exitCode ?? 'none'}${quoted ? `:\n${quoted}` : ' and printed nothing.'}`,
            },
        ],
    };
};


/***/ }),

/***/ 9619:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UJ: () => (/* binding */ jsonObjectStreaming),
/* harmony export */   Ur: () => (/* binding */ jsonArrayItems),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   dl: () => (/* binding */ parseJsonOutput),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9393);
/**
 * Finds the JSON document in a tool's stdout. Tools print banners or blank lines around
 * it (basedpyright starts with a blank line), so reading starts at the first line that
 * opens a value of the expected kind.
 *
 * Large reports (basedpyright's JSON for 10,000 findings is 5 MB) are read element by
 * element: {@link jsonArrayItems} walks the text once, finds where each array element
 * begins and ends, and parses one element at a time, so the whole document never exists
 * as one object tree beside the text (and the text is never split into lines).
 */

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
function isSpace(c) {
    return c === SPACE || c === NEWLINE || c === CR || c === TAB;
}
/** Index of the first line whose first non-blank character is `opener`, or -1. */
function documentStart(text, opener) {
    const want = opener.charCodeAt(0);
    let lineStart = 0;
    while (lineStart <= text.length) {
        let i = lineStart;
        while (i < text.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB))
            i++;
        if (text.charCodeAt(i) === want)
            return i;
        const next = text.indexOf('\n', lineStart);
        if (next === -1)
            return -1;
        lineStart = next + 1;
    }
    return -1;
}
function truncated(tool, reason) {
    return new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._(`${tool} printed JSON that cannot be parsed (${reason}); the output may be truncated.`);
}
/** End (exclusive) of the JSON value that starts at `i`: strings, nesting and scalars, without building anything. */
function valueEnd(text, i, tool) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
        for (let j = i + 1; j < text.length; j++) {
            const d = text.charCodeAt(j);
            if (d === BACKSLASH)
                j++;
            else if (d === QUOTE)
                return j + 1;
        }
        throw truncated(tool, 'unterminated string');
    }
    if (c === 123 || c === 91) {
        let depth = 0;
        for (let j = i; j < text.length; j++) {
            const d = text.charCodeAt(j);
            if (d === QUOTE)
                j = valueEnd(text, j, tool) - 1;
            else if (d === 123 || d === 91)
                depth++;
            else if (d === 125 || d === 93) {
                depth--;
                if (depth === 0)
                    return j + 1;
            }
        }
        throw truncated(tool, 'unexpected end of JSON input');
    }
    let j = i;
    while (j < text.length && !isSpace(text.charCodeAt(j)) && text[j] !== ',' && text[j] !== '}' && text[j] !== ']')
        j++;
    if (j === i)
        throw truncated(tool, `unexpected character at position ${i}`);
    return j;
}
function skipSpace(text, i) {
    while (i < text.length && isSpace(text.charCodeAt(i)))
        i++;
    return i;
}
function parseSlice(text, start, end, tool) {
    try {
        return JSON.parse(text.slice(start, end));
    }
    catch (error) {
        throw truncated(tool, error instanceof Error ? error.message : String(error));
    }
}
function noJson(text, tool, opener) {
    if (text.trim() === '')
        return new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._(`${tool} printed nothing on stdout, where its JSON report was expected.`, 'Run the command by hand to see what went wrong.');
    return new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._(`${tool} did not print a JSON report (no line starts with "${opener}").`, 'Check that the command line still has the JSON output flag.');
}
/** After the document: only blanks, as JSON.parse of the rest would require. */
function expectEnd(text, i, tool) {
    if (skipSpace(text, i) < text.length)
        throw truncated(tool, `unexpected text after the JSON document at position ${i}`);
}
/**
 * Walks the array at `start` (the index of its `[`), parsing one element at a time.
 * Returns the index after the array.
 */
function eachElement(text, start, tool, visit) {
    let i = skipSpace(text, start + 1);
    if (text[i] === ']')
        return i + 1;
    for (;;) {
        const end = valueEnd(text, i, tool);
        visit(parseSlice(text, i, end, tool));
        i = skipSpace(text, end);
        if (text[i] === ',')
            i = skipSpace(text, i + 1);
        else if (text[i] === ']')
            return i + 1;
        else
            throw truncated(tool, `expected "," or "]" at position ${i}`);
    }
}
/** The items of the JSON array a tool printed, parsed one at a time; see the module comment. */
function jsonArrayItems(text, tool, visit) {
    const start = documentStart(text, '[');
    if (start === -1)
        throw noJson(text, tool, '[');
    expectEnd(text, eachElement(text, start, tool, visit), tool);
}
/**
 * The JSON object a tool printed, with the array under `key` delivered item by item to
 * `visit` instead of kept (the returned object has `key` set to `true` when it was an
 * array there). Every other member is parsed whole.
 */
function jsonObjectStreaming(text, tool, key, visit) {
    const start = documentStart(text, '{');
    if (start === -1)
        throw noJson(text, tool, '{');
    const out = {};
    let i = skipSpace(text, start + 1);
    if (text[i] === '}') {
        expectEnd(text, i + 1, tool);
        return out;
    }
    for (;;) {
        if (text.charCodeAt(i) !== QUOTE)
            throw truncated(tool, `expected a member name at position ${i}`);
        const nameEnd = valueEnd(text, i, tool);
        const name = parseSlice(text, i, nameEnd, tool);
        i = skipSpace(text, nameEnd);
        if (text[i] !== ':')
            throw truncated(tool, `expected ":" at position ${i}`);
        i = skipSpace(text, i + 1);
        if (name === key && text[i] === '[') {
            i = eachElement(text, i, tool, visit);
            out[name] = true;
        }
        else {
            const end = valueEnd(text, i, tool);
            out[name] = parseSlice(text, i, end, tool);
            i = end;
        }
        i = skipSpace(text, i);
        if (text[i] === ',')
            i = skipSpace(text, i + 1);
        else if (text[i] === '}') {
            expectEnd(text, i + 1, tool);
            return out;
        }
        else
            throw truncated(tool, `expected "," or "}" at position ${i}`);
    }
}
/** The JSON value a tool printed; throws {@link ToolOutputError} when there is none. */
function parseJsonOutput(text, tool, opener) {
    const start = documentStart(text, opener);
    if (start === -1)
        throw noJson(text, tool, opener);
    return parseSlice(text, start, text.length, tool);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A finite number, or undefined. */
function num(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function str(value) {
    return typeof value === 'string' ? value : undefined;
}


/***/ }),

/***/ 7239:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseJunit: () => (/* binding */ parseJunit),
  parseJunitText: () => (/* binding */ parseJunitText),
  summarize: () => (/* binding */ summarize),
  testDiagnostics: () => (/* binding */ testDiagnostics)
});

// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 28 modules
var XMLParser = __webpack_require__(8879);
// EXTERNAL MODULE: ./lib/gates/types.js
var types = __webpack_require__(9393);
// EXTERNAL MODULE: ./lib/gates/parsers/json-output.js
var json_output = __webpack_require__(9619);
// EXTERNAL MODULE: ./lib/gates/parsers/tool-path.js
var tool_path = __webpack_require__(1217);
;// CONCATENATED MODULE: ./lib/gates/parsers/traceback.js
/**
 * Where a test failed: the last frame of the traceback that points into the repository.
 * pytest's JUnit `line` is the 0-based line of the test function, which says where the
 * test is, not where it broke; the traceback's `path:LINE:` lines (1-based) do.
 */

/** `tests/test_x.py:13: AssertionError`, `C:\repo\pkg\mod.py:10: in f`, `tests\t.py:11: ` (long/short/line styles). */
const PYTEST_FRAME = /^((?:[A-Za-z]:[\\/])?[^\s:<>"|?*][^:<>"|?*\r\n]*?):(\d+):(?:\s|$)/;
/** `  File "C:\repo\pkg\mod.py", line 10, in f` (native style). */
const NATIVE_FRAME = /^\s*File "([^"]+)", line (\d+)/;
/** Installed packages live inside the repository when the virtualenv does. */
const NOT_PROJECT_CODE = /(^|\/)(site-packages|dist-packages|\.venv|venv|\.tox|\.nox|node_modules)\//;
/** All frames of a traceback that point at a readable file inside the repository, in order. */
function repoFrames(traceback, context) {
    const frames = [];
    for (const rawLine of traceback.split(/\r?\n/)) {
        const match = PYTEST_FRAME.exec(rawLine) ?? NATIVE_FRAME.exec(rawLine);
        if (!match)
            continue;
        const path = (0,tool_path/* repoPathOf */.xj)(match[1], context);
        const line = Number(match[2]);
        if (path === undefined || !Number.isInteger(line) || line < 1 || NOT_PROJECT_CODE.test(path))
            continue;
        if (context.files.lineCount(path) === undefined)
            continue;
        frames.push({ path, line });
    }
    return frames;
}
/** The last in-repository frame, or undefined when the traceback names none. */
function failureLocation(traceback, context) {
    return repoFrames(traceback, context).at(-1);
}

;// CONCATENATED MODULE: ./lib/gates/parsers/junit.js
/**
 * JUnit XML, as pytest writes it (`--junitxml`, xunit1 family) and as most other test
 * runners do. Tolerant of the variants: a `<testsuites>` or bare `<testsuite>` root,
 * nested suites, pytest 7 and 9 attributes, CDATA, `&#10;` in messages. Every failed or
 * errored test also becomes a diagnostic at its failure location, so every reporter
 * shows it.
 */





const REPEATED = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped']);
const MAX_DETAILS = 8_000;
const xml = new XMLParser/* default */.A({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    textNodeName: '#text',
    processEntities: true,
    htmlEntities: true,
    isArray: (name, _jpath, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});
/** `<skipped/>` parses as `""`, `<skipped>text</skipped>` as a string: make both elements. */
function junit_elements(value) {
    if (!Array.isArray(value))
        return [];
    return value.map((v) => ((0,json_output/* isRecord */.u4)(v) ? v : { '#text': typeof v === 'string' ? v : '' }));
}
function collectCases(suite, into) {
    into.push(...junit_elements(suite.testcase));
    for (const nested of junit_elements(suite.testsuite))
        collectCases(nested, into);
}
function seconds(value) {
    const n = Number((0,json_output/* str */.gx)(value) ?? 'NaN');
    return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : 0;
}
/** `tests.test_window.TestWindow` + `tests/test_window.py` → `TestWindow`. */
function classPart(classname, file) {
    if (!file)
        return '';
    const module = file.replace(/\.py$/, '').replace(/[\\/]/g, '.');
    if (classname === module)
        return '';
    return classname.startsWith(`${module}.`) ? classname.slice(module.length + 1) : '';
}
function firstLine(text) {
    return text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
}
/** The first `E   ` line of a pytest traceback: the exception as Python printed it. */
function exceptionLine(details) {
    const line = details.split(/\r?\n/).find((l) => /^E\s{2,}\S/.test(l));
    return line?.replace(/^E\s+/, '').trim();
}
/** One line that says what went wrong, for the diagnostic and the summary. */
function failureMessage(element, details) {
    const message = (0,json_output/* str */.gx)(element.message) ?? '';
    const phase = /^failed on (setup|teardown) with "([\s\S]*)"$/.exec(message.trim());
    if (phase)
        return `${firstLine(phase[2])} (in ${phase[1]})`;
    if (message === '' || message === 'collection failure') {
        const fromTraceback = exceptionLine(details);
        if (fromTraceback)
            return message === 'collection failure' ? `collection failed: ${fromTraceback}` : fromTraceback;
    }
    return firstLine(message) || firstLine(details) || (0,json_output/* str */.gx)(element.type) || 'failed';
}
function trimDetails(text) {
    const trimmed = text.replace(/\r\n/g, '\n').trim();
    return trimmed.length <= MAX_DETAILS ? trimmed : `…${trimmed.slice(-MAX_DETAILS)}`;
}
function outcomeOf(testcase) {
    const failure = junit_elements(testcase.failure)[0];
    if (failure)
        return { outcome: 'failed', element: failure };
    const error = junit_elements(testcase.error)[0];
    if (error)
        return { outcome: 'error', element: error };
    const skipped = junit_elements(testcase.skipped)[0];
    if (skipped)
        return { outcome: (0,json_output/* str */.gx)(skipped.type) === 'pytest.xfail' ? 'xfailed' : 'skipped', element: skipped };
    return { outcome: 'passed' };
}
function toCase(testcase, context) {
    const name = (0,json_output/* str */.gx)(testcase.name) ?? '(unnamed)';
    const classname = (0,json_output/* str */.gx)(testcase.classname) ?? '';
    const rawFile = (0,json_output/* str */.gx)(testcase.file);
    const file = rawFile === undefined ? undefined : (0,tool_path/* repoPathOf */.xj)(rawFile, context);
    // Collection errors have `classname=""` and the module's dotted path as `name`.
    const cls = classPart(classname, rawFile);
    const id = rawFile ? [rawFile.replace(/\\/g, '/'), cls, classname === '' ? '' : name].filter((p) => p !== '').join('::') : classname ? `${classname}::${name}` : name;
    const { outcome, element } = outcomeOf(testcase);
    const result = { id, name, outcome, durationMs: seconds(testcase.time) };
    if (classname)
        result.classname = classname;
    if (file)
        result.file = file;
    if (element && (outcome === 'failed' || outcome === 'error')) {
        const details = (0,json_output/* str */.gx)(element['#text']) ?? '';
        result.message = failureMessage(element, details);
        if (details.trim())
            result.details = trimDetails(details);
        const frame = failureLocation(details, context);
        if (frame)
            result.location = frame;
        else if (file) {
            // xunit1 `line` is the 0-based line of the test function.
            const defLine = Number((0,json_output/* str */.gx)(testcase.line));
            result.location = { path: file, line: Number.isInteger(defLine) && defLine >= 0 ? defLine + 1 : 1 };
        }
    }
    else if (element && (outcome === 'skipped' || outcome === 'xfailed')) {
        const reason = (0,json_output/* str */.gx)(element.message);
        if (reason)
            result.message = firstLine(reason);
    }
    return result;
}
/** Summary counts of a list of cases. */
function summarize(cases, durationMs) {
    const count = (o) => cases.filter((c) => c.outcome === o).length;
    return {
        total: cases.length,
        passed: count('passed'),
        failed: count('failed'),
        errored: count('error'),
        skipped: count('skipped'),
        xfailed: count('xfailed'),
        xpassed: count('xpassed'),
        durationMs: durationMs ?? cases.reduce((sum, c) => sum + c.durationMs, 0),
        cases,
    };
}
/** Failing tests as diagnostics: `test.failed` / `test.error` at the failure location. */
function testDiagnostics(cases, source) {
    return cases
        .filter((c) => c.outcome === 'failed' || c.outcome === 'error')
        .map((c) => ({
        source,
        path: c.location?.path ?? c.file ?? '',
        range: { start: { line: c.location?.line ?? 1 } },
        severity: 'error',
        rule: c.outcome === 'failed' ? 'test.failed' : 'test.error',
        message: c.message ?? (c.outcome === 'failed' ? 'test failed' : 'test errored'),
        hint: `${c.outcome === 'failed' ? 'Failing test' : 'Test with an error'}: ${c.id}`,
    }));
}
/** Parses JUnit XML text into test results. Throws {@link ToolOutputError} on anything else. */
function parseJunitText(text, context) {
    if (text.trim() === '')
        throw new types/* ToolOutputError */._('The JUnit report is empty.', 'The test run probably crashed before writing it; see the output below.');
    let document;
    try {
        document = xml.parse(text, true);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new types/* ToolOutputError */._(`The JUnit report is not valid XML (${reason}); it may be truncated.`);
    }
    if (!(0,json_output/* isRecord */.u4)(document))
        throw new types/* ToolOutputError */._('The JUnit report is not an XML document.');
    const roots = (0,json_output/* isRecord */.u4)(document.testsuites) ? [document.testsuites] : junit_elements(document.testsuite);
    if (roots.length === 0 && !('testsuites' in document)) {
        throw new types/* ToolOutputError */._('The JUnit report has no <testsuites> or <testsuite> root element.');
    }
    const cases = [];
    for (const root of roots)
        collectCases(root, cases);
    const suites = (0,json_output/* isRecord */.u4)(document.testsuites) ? junit_elements(document.testsuites.testsuite) : roots;
    const suiteTime = suites.reduce((sum, s) => sum + seconds(s.time), 0);
    return summarize(cases.map((c) => toCase(c, context)), suiteTime > 0 ? suiteTime : undefined);
}
/** The `junit` parser: the report file when there is one, else stdout. */
const parseJunit = (output, context) => {
    const tests = parseJunitText(output.report ?? output.stdout, context);
    return { diagnostics: testDiagnostics(tests.cases, context.source), tests };
};


/***/ }),

/***/ 1217:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dj: () => (/* binding */ relativizeText),
/* harmony export */   oV: () => (/* binding */ locatePath),
/* harmony export */   og: () => (/* binding */ interner),
/* harmony export */   xj: () => (/* binding */ repoPathOf)
/* harmony export */ });
/* harmony import */ var _pipeline_repo_path_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(410);
/**
 * Maps a path printed by a tool to a repo-relative path. A finding outside the
 * repository (another drive, the standard library) cannot be annotated on a file, so it
 * keeps its original path in the message instead of being dropped.
 */

/** A path printed by a tool (absolute, or relative to the tool's cwd) as a repository-relative path; undefined outside the root. */
function repoPathOf(toolPath, context) {
    const path = (0,_pipeline_repo_path_js__WEBPACK_IMPORTED_MODULE_0__/* .toRepoPath */ .xD)(toolPath, context.root, context.cwd);
    return path === undefined ? undefined : (0,_pipeline_repo_path_js__WEBPACK_IMPORTED_MODULE_0__/* .inRepository */ .yJ)(context.prefix ?? '', path);
}
const resolvedPaths = new WeakMap();
/** One string for equal texts within a parse (messages repeat: "Import "os" is not accessed"). */
function interner() {
    const seen = new Map();
    return (text) => {
        const known = seen.get(text);
        if (known !== undefined)
            return known;
        seen.set(text, text);
        return text;
    };
}
/**
 * @param line the line the tool named, kept in the message when the file is outside the
 *   repository (the diagnostic itself then has no file to point into)
 */
function locatePath(toolPath, context, line) {
    if (!toolPath)
        return { path: '', outsidePrefix: '' };
    // One string per file for all its findings: 10,000 findings in 1,000 files keep 1,000 paths.
    let known = resolvedPaths.get(context);
    if (!known)
        resolvedPaths.set(context, (known = new Map()));
    let path = known.get(toolPath);
    if (path === undefined && !known.has(toolPath)) {
        path = repoPathOf(toolPath, context);
        known.set(toolPath, path);
    }
    if (path !== undefined)
        return { path, outsidePrefix: '' };
    return { path: '', outsidePrefix: line === undefined ? `${toolPath}: ` : `${toolPath}:${line}: ` };
}
/** Characters that end a path inside a message: spaces, quotes, brackets, separators of lists and `:line`. */
const PATH_END = `\\s"'\`:;,()<>\\[\\]{}|`;
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Rewrites absolute paths under the repository root inside free text (a message, a
 * traceback) as repo-relative paths with forward slashes: basedpyright's
 * `reportImportCycles` lists `/…/checkout/pkg/a.py`, and a message that names the
 * checkout directory changes with it (and so does its fingerprint). The root itself
 * becomes `.`; a longer directory that merely starts with the root's name is left alone.
 * Windows roots match case-insensitively and with either separator.
 *
 * @param roots the repository root, and its real path when a symlink leads to it
 */
function relativizeText(text, roots) {
    let out = text;
    for (const root of roots) {
        const trimmed = root.replace(/[\\/]+$/, '');
        const name = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
        // Cheap test first: 10,000 messages mostly never mention the root.
        if (trimmed.length < 2 || !out.toLowerCase().includes(name.toLowerCase()))
            continue;
        const pattern = trimmed.split(/[\\/]/).map(escapeRegExp).join('[\\\\/]');
        const windows = /^[A-Za-z]:/.test(trimmed);
        const re = new RegExp(`${pattern}(?:[\\\\/]([^${PATH_END}]*))?(?![^${PATH_END}\\\\/])`, windows ? 'gi' : 'g');
        out = out.replace(re, (_match, rest) => (rest ? rest.replace(/\\/g, '/').replace(/^\/+/, '') || '.' : '.'));
    }
    return out;
}


/***/ }),

/***/ 9393:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ ToolOutputError)
/* harmony export */ });
/** Output that is empty, truncated or not in the expected format: a tool error, never a pass. */
class ToolOutputError extends Error {
    hint;
    constructor(message, hint) {
        super(message);
        this.hint = hint;
        this.name = 'ToolOutputError';
    }
}


/***/ }),

/***/ 6178:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ CONFIG_PATH)
/* harmony export */ });
/**
 * Where the configuration lives, in a module of its own: reading this constant must not
 * load the schema library (a fully cached `gates` run never validates anything).
 */
const CONFIG_PATH = '.github/spec-automation.yml';


/***/ }),

/***/ 9343:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ds: () => (/* binding */ sortDiagnostics),
/* harmony export */   Dz: () => (/* binding */ assignFingerprints),
/* harmony export */   Es: () => (/* binding */ clampLine),
/* harmony export */   Ot: () => (/* binding */ countBySeverity),
/* harmony export */   du: () => (/* binding */ isAtLeast)
/* harmony export */ });
/* unused harmony exports compareSeverity, fingerprintOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/**
 * The one normalized diagnostic format. Every producer (spec validation, config
 * validation, each gate parser) emits it; every reporter (terminal, check runs,
 * review comments, SARIF, job summary, the agent's fix prompt) consumes it.
 * Modelled on reviewdog's Diagnostic Format.
 */

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
/** Negative when `a` is more severe than `b`. */
function compareSeverity(a, b) {
    return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}
/** True when `severity` is at least as severe as `threshold`. */
function isAtLeast(severity, threshold) {
    return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}
/**
 * Stable identity of a finding: source, path, rule, message and the trimmed text of
 * the line it points at, but not the line number, so a comment posted for it is
 * recognised after code above it moves (reviewdog's full-diagnostic hash is not).
 */
function fingerprintOf(d, snippet = '') {
    const normalizedSnippet = snippet.replace(/\s+/g, ' ').trim();
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update([d.source, d.path, d.rule, d.message, normalizedSnippet].join('\u0000'))
        .digest('hex')
        .slice(0, 16);
}
/**
 * Gives each diagnostic its fingerprint. Identical findings on identical lines of one
 * file (two `import os` lines, say) get an occurrence suffix so they stay distinct.
 * `lineText(path, line)` returns the source line, or undefined when it is unknown.
 */
function assignFingerprints(inputs, lineText = () => undefined, 
/** The path the fingerprint is of, when it is not `path` itself (the project-relative one under a prefix). */
fingerprintPath) {
    const seen = new Map();
    return inputs.map((d) => {
        if (d.fingerprint)
            return d;
        const snippet = d.path ? (lineText(d.path, d.range.start.line) ?? '') : '';
        const base = fingerprintOf(fingerprintPath && d.path ? { ...d, path: fingerprintPath(d.path) } : d, snippet);
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        return { ...d, fingerprint: count === 0 ? base : `${base}-${count}` };
    });
}
/** Most severe first, then by path and line: the order users read findings in. */
function sortDiagnostics(diagnostics) {
    return [...diagnostics].sort((a, b) => compareSeverity(a.severity, b.severity) ||
        a.path.localeCompare(b.path) ||
        a.range.start.line - b.range.start.line ||
        (a.range.start.column ?? 0) - (b.range.start.column ?? 0) ||
        a.rule.localeCompare(b.rule));
}
function countBySeverity(diagnostics) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of diagnostics)
        counts[d.severity] += 1;
    return counts;
}
/** Clamps a 1-based line into `[1, lineCount]`; tools report lines past EOF (basedpyright does). */
function clampLine(line, lineCount) {
    if (!Number.isFinite(line) || line < 1)
        return 1;
    if (lineCount >= 1 && line > lineCount)
        return lineCount;
    return Math.floor(line);
}


/***/ }),

/***/ 1694:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ closestMatch)
/* harmony export */ });
/* unused harmony export editDistance */
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
/**
 * The candidate nearest to `word` (case-insensitive), when it is near enough to be what
 * was meant: within 2 edits, or a third of the word's length for longer words.
 */
function closestMatch(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance)
            [best, bestDistance] = [c, d];
    }
    return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}


/***/ }),

/***/ 6687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lU: () => (/* binding */ SpecAutomationError)
/* harmony export */ });
/* unused harmony exports isSpecAutomationError, MissingCredentialsError */
/**
 * The errors spec-automation raises on purpose, with one base (release-please's
 * `src/errors/index.ts` habit): every error a person can act on is a
 * {@link SpecAutomationError}. Its message says what failed and, mostly, what to do,
 * exactly as before this base existed (the messages are what users see); `fix` holds
 * the what-to-do part on its own where the error knows it apart from the message, and
 * `cause` keeps the error underneath. Entries tell their own errors from a crash with
 * {@link isSpecAutomationError}.
 *
 * Where the errors live: each next to the code that raises it (the configuration's in
 * src/action/config.ts, a bad flag's in src/cli/usage.ts, GitHub's in
 * src/github/errors.ts, …); this module holds the base and the errors more than one
 * entry raises, such as {@link MissingCredentialsError}.
 */
/**
 * The base of the product's errors. It leaves `name` to each subclass (an error that sets
 * none still prints as `Error: …`, as it did).
 */
class SpecAutomationError extends Error {
    /** What to do about it, when known apart from the message (the message may say it too). */
    fix;
    constructor(message, options = {}) {
        super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
        this.fix = options.fix;
    }
}
/** True for an error the product raised on purpose (its message is meant for a person), false for a crash. */
function isSpecAutomationError(error) {
    return error instanceof SpecAutomationError;
}
/** The first environment variable a credentials problem names, after the route's own prefix. */
function firstVariable(problem) {
    return /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.exec(problem.replace(/^Model route \w+ \([^)]*\): /, ''))?.[0];
}
/**
 * The model route's credentials are missing or malformed. One type for every place that
 * finds out: `spec-automation run` before it starts (with the offline alternative as its
 * fix), the model port when it is built, and the app's start-up check, which shows
 * {@link problem} and {@link variable} as its warning.
 */
class MissingCredentialsError extends SpecAutomationError {
    name = 'MissingCredentialsError';
    /** The model route whose credentials are missing (`anthropic`, `bedrock`, …). */
    route;
    /** One line: the route, the variable and how to set it (checkModelCredentials' message). */
    problem;
    /** The variable to set, the first the problem names (`ANTHROPIC_API_KEY` when it names none). */
    variable;
    /**
     * @param init.problem checkModelCredentials' one-line message
     * @param init.fix another way out, shown on a line of its own after the problem (the CLI's offline replay)
     */
    constructor(init) {
        super(init.fix ? `${init.problem}\n${init.fix}` : init.problem, { cause: init.cause, fix: init.fix });
        this.route = init.route;
        this.problem = init.problem;
        this.variable = init.variable ?? firstVariable(init.problem) ?? 'ANTHROPIC_API_KEY';
    }
}


/***/ }),

/***/ 410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RY: () => (/* binding */ pathWithin),
/* harmony export */   iG: () => (/* binding */ normalizePrefix),
/* harmony export */   iQ: () => (/* binding */ normalizeRelative),
/* harmony export */   xD: () => (/* binding */ toRepoPath),
/* harmony export */   yJ: () => (/* binding */ inRepository)
/* harmony export */ });
/**
 * Repository-relative paths, the only kind of path that leaves a producer. GitHub drops
 * annotations whose path is not repo-root-relative with forward slashes, which is how
 * findings "vanish" on Windows runners; every tool path goes through here.
 * Pure string work (no file system), so it behaves the same on every OS.
 */
/** `C:\a\b` → `c:/a/b`; `/a//b/` → `/a/b`. Drive letters are case-insensitive on Windows. */
function canonical(p) {
    let s = p.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
    if (/^[A-Za-z]:/.test(s))
        s = s[0].toLowerCase() + s.slice(1);
    if (s.length > 1 && s.endsWith('/'))
        s = s.slice(0, -1);
    return s;
}
function isAbsolute(p) {
    return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}
function resolveDots(segments) {
    const out = [];
    for (const seg of segments) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length === 0)
                return undefined;
            out.pop();
        }
        else
            out.push(seg);
    }
    return out;
}
/** Whether `path` starts with the segments of `dir` (case-insensitively under a drive letter, as on Windows). */
function startsWithSegments(path, dir) {
    const windows = /^[a-z]:$/.test(dir[0] ?? '');
    return dir.every((s, i) => (windows ? s.toLowerCase() === path[i]?.toLowerCase() : s === path[i]));
}
/**
 * Turns a path printed by a tool (absolute or relative to `cwd`) into a path relative
 * to `root`, with forward slashes and no leading `./`. Returns undefined when the path
 * lies outside `root` (another drive, `..` past the root): such findings cannot be
 * annotated and must be reported elsewhere.
 *
 * @param toolPath what the tool printed
 * @param root the repository root (absolute)
 * @param cwd the directory the tool ran in (absolute); defaults to `root`
 */
function toRepoPath(toolPath, root, cwd = root) {
    const rootC = canonical(root);
    let p = canonical(toolPath.trim());
    if (p === '')
        return undefined;
    if (!isAbsolute(p))
        p = `${canonical(cwd)}/${p}`;
    const rootSegs = resolveDots(rootC.split('/'));
    const pathSegs = resolveDots(p.split('/'));
    if (!rootSegs || !pathSegs)
        return undefined;
    if (pathSegs.length <= rootSegs.length || !startsWithSegments(pathSegs, rootSegs))
        return undefined;
    return pathSegs.slice(rootSegs.length).join('/');
}
/** Normalizes a path that is already repo-relative (from config, git, a spec): `./a\\b` → `a/b`. */
function normalizeRelative(p) {
    const segs = resolveDots(canonical(p).replace(/^\/+/, '').split('/'));
    return segs ? segs.join('/') : canonical(p);
}
/**
 * `path` (absolute) relative to `dir` (absolute), with forward slashes: `''` for `dir`
 * itself, undefined when `path` lies outside it (another drive, `..` past it).
 * Where a working directory lies in the workspace, a file in the project.
 */
function pathWithin(dir, path) {
    const d = resolveDots(canonical(dir).split('/'));
    const p = resolveDots(canonical(path).split('/'));
    if (!d || !p)
        return undefined;
    if (p.length < d.length || !startsWithSegments(p, d))
        return undefined;
    return p.slice(d.length).join('/');
}
/**
 * The project's place in the repository as a path prefix: `./app/` → `app`, `''` (or
 * `.`) for the repository root. What `pathPrefix` options take.
 */
function normalizePrefix(prefix) {
    return normalizeRelative(prefix ?? '');
}
/**
 * A project-relative path as a repository-relative one: `prefix/path`. The path itself
 * at the repository root (`prefix` `''`), for `''` (a finding about no file), and for an
 * absolute path (a configuration file outside the project has no repository-relative form).
 *
 * @param prefix normalized ({@link normalizePrefix})
 */
function inRepository(prefix, path) {
    if (prefix === '' || path === '' || isAbsolute(canonical(path)))
        return path;
    return `${prefix}/${path}`;
}


/***/ }),

/***/ 4535:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WH: () => (/* binding */ renderSarif),
/* harmony export */   qv: () => (/* binding */ gatesSarifRuns)
/* harmony export */ });
/* unused harmony exports SARIF_SCHEMA, FINGERPRINT_KEY, pathToUri, gateInvocation */
/* harmony import */ var _pipeline_repo_path_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(410);

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key under which our fingerprint travels in `partialFingerprints`. */
const FINGERPRINT_KEY = 'specAutomation/v1';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
/** A repo-relative path as a URI reference: `/`-separated, each segment percent-encoded. */
function pathToUri(path) {
    return (0,_pipeline_repo_path_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeRelative */ .iQ)(path)
        .split('/')
        .map((seg) => encodeURIComponent(seg))
        .join('/');
}
function regionOf(d) {
    const start = d.range.start;
    const region = { startLine: Math.max(1, Math.floor(start.line)) };
    if (start.column !== undefined)
        region.startColumn = Math.max(1, start.column);
    const end = d.range.end;
    if (end) {
        region.endLine = Math.max(region.startLine, end.line);
        // Our end column is inclusive; SARIF's is exclusive.
        if (end.column !== undefined)
            region.endColumn = end.column + 1;
    }
    return region;
}
function messageOf(d) {
    return d.hint ? `${d.message}\n\nHow to fix: ${d.hint}` : d.message;
}
function invocationOf(input) {
    const notifications = input.notifications ?? [];
    return {
        executionSuccessful: input.executionSuccessful,
        ...(input.exitCode !== undefined ? { exitCode: input.exitCode } : {}),
        ...(input.commandLine ? { commandLine: input.commandLine } : {}),
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications.map((n) => ({ level: n.level, message: { text: n.message } })) } : {}),
    };
}
/** Renders one SARIF log with a run per tool. */
function renderSarif(runs) {
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: runs.map((run) => {
            const rules = [];
            const index = new Map();
            const addRule = (id, description, helpUri) => {
                if (index.has(id))
                    return;
                index.set(id, rules.length);
                rules.push({ id, ...(description ? { shortDescription: { text: description } } : {}), ...(helpUri ? { helpUri } : {}) });
            };
            for (const r of run.rules ?? [])
                addRule(r.id, r.description, r.helpUri);
            for (const d of run.diagnostics)
                addRule(d.rule, undefined, d.url);
            const results = run.diagnostics.map((d) => {
                const result = {
                    ruleId: d.rule,
                    ruleIndex: index.get(d.rule),
                    level: LEVEL[d.severity],
                    message: { text: messageOf(d) },
                    partialFingerprints: { [FINGERPRINT_KEY]: d.fingerprint },
                };
                if (d.path) {
                    const artifactLocation = { uri: pathToUri(d.path), uriBaseId: '%SRCROOT%' };
                    result.locations = [{ physicalLocation: { artifactLocation, region: regionOf(d) } }];
                    if (d.fix && d.fix.edits.length > 0) {
                        result.fixes = [
                            {
                                ...(d.fix.description ? { description: { text: d.fix.description } } : {}),
                                artifactChanges: [
                                    {
                                        artifactLocation,
                                        replacements: d.fix.edits.map((e) => ({
                                            deletedRegion: { startLine: e.range.start.line, startColumn: e.range.start.column, endLine: e.range.end.line, endColumn: e.range.end.column },
                                            insertedContent: { text: e.newText },
                                        })),
                                    },
                                ],
                            },
                        ];
                    }
                }
                return result;
            });
            return {
                tool: { driver: { name: run.tool, ...(run.version ? { version: run.version } : {}), ...(run.informationUri ? { informationUri: run.informationUri } : {}), rules } },
                ...(run.invocation ? { invocations: [invocationOf(run.invocation)] } : {}),
                results,
                columnKind: 'utf16CodeUnits',
            };
        }),
    };
}
/**
 * The SARIF runs of a gates run, as the action's SARIF file and `spec-automation gates
 * --format sarif` write them: one run per gate that ran (a skipped gate says nothing),
 * named after its tool, with the tool's version and documentation link when known.
 * @param informationUriOf the documentation link of a gate's tool (the gate registry's `informationUriOf`)
 */
function gatesSarifRuns(run, informationUriOf = () => undefined) {
    return run.gates
        .filter((g) => g.status !== 'skipped')
        .map((g) => {
        const informationUri = informationUriOf(g.gate);
        return { tool: g.tool, ...(g.toolVersion ? { version: g.toolVersion } : {}), ...(informationUri ? { informationUri } : {}), diagnostics: g.diagnostics, invocation: gateInvocation(g) };
    });
}
/**
 * A gate's run as a SARIF invocation: a failing verdict is still a successful execution
 * (the tool ran and found problems); a tool error is not, and says why.
 */
function gateInvocation(g) {
    const ran = g.status !== 'error';
    return {
        executionSuccessful: ran,
        ...(g.exitCode !== null ? { exitCode: g.exitCode } : {}),
        ...(g.command.length > 0 ? { commandLine: g.command.join(' ') } : {}),
        ...(ran ? {} : { notifications: [{ level: 'error', message: [g.error?.message ?? 'The tool could not run.', g.error?.hint].filter(Boolean).join(' ') }] }),
    };
}


/***/ }),

/***/ 565:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ shardsNote),
/* harmony export */   w: () => (/* binding */ failedFirstNote)
/* harmony export */ });
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}
/**
 * `2 shards, slowest 6.1s, balance 1.03`; for a gate that ran as one process for a reason
 * the user should know (declared `shards: 1`, a fallback), `1 process: <why>`. A choice
 * `auto` made (a small suite, no free core) stays in the JSON only: it is not news.
 */
function shardsNote(detail) {
    if (!detail)
        return undefined;
    if (detail.count <= 1)
        return detail.reason && !detail.reason.startsWith('auto:') ? `1 process: ${detail.reason}` : undefined;
    const first = detail.failedFirst ? ' (last failures first)' : '';
    const remembered = detail.remembered ? ', from the last collection' : '';
    const cancelled = detail.cancelled ? `; ${detail.cancelled} cancelled (fail fast)` : '';
    return `${detail.count} shards${first}, slowest ${seconds(detail.slowestMs)}, balance ${detail.balance.toFixed(2)}${remembered}${cancelled}`;
}
/** What the failures-first shard found: `2 of 3 tests that failed last time still fail`. */
function failedFirstNote(tests) {
    const failing = tests.failed + tests.errored;
    if (failing === 0)
        return `the ${tests.total} test${tests.total === 1 ? '' : 's'} that failed last time ${tests.total === 1 ? 'passes' : 'pass'} now`;
    return `${failing} of ${tests.total} test${tests.total === 1 ? '' : 's'} that failed last time still fail`;
}


/***/ }),

/***/ 1680:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DO: () => (/* binding */ renderDiagnostics)
/* harmony export */ });
/* unused harmony exports sanitizeForTerminal, renderDiagnosticsText, findingLines, summaryLine */
/* harmony import */ var _pipeline_diagnostic_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9343);
/* harmony import */ var _style_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5421);
/* harmony import */ var _width_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24);
/**
 * Terminal rendering of any `Diagnostic[]`: findings grouped by file, each with a code
 * frame (the source lines around it, a caret under the column), colour only when asked,
 * and a summary line. Generic: spec validation and gate results both use it. Pure: the
 * caller passes a `readLines(path)` callback instead of a file system.
 */



const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
/**
 * Control characters from file content or messages could drive the terminal (escape
 * sequences); show them as U+FFFD. Tabs are expanded by the code frame.
 */
function sanitizeForTerminal(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}
/** Display width of one code point: East Asian wide and emoji take two terminal cells, combining marks none. */
function cellWidth(cp) {
    return (0,_width_js__WEBPACK_IMPORTED_MODULE_2__/* .displayWidth */ .F1)(String.fromCodePoint(cp));
}
/** Tabs to spaces (stops of 4) and the display column of each UTF-16 index. */
function layout(line) {
    let text = '';
    const cols = [];
    let col = 0;
    for (let i = 0; i < line.length;) {
        const cp = line.codePointAt(i);
        const len = cp > 0xffff ? 2 : 1;
        for (let k = 0; k < len; k++)
            cols.push(col);
        if (cp === 9) {
            const w = 4 - (col % 4);
            text += ' '.repeat(w);
            col += w;
        }
        else {
            text += String.fromCodePoint(cp);
            col += cellWidth(cp);
        }
        i += len;
    }
    cols.push(col);
    return { text, columnAt: (index) => cols[Math.max(0, Math.min(index, cols.length - 1))] };
}
/** Cuts a long line to `width` cells around `focus` (a display column), marking the cuts. */
function clip(text, focus, width) {
    if (text.length <= width)
        return { text, shift: 0 };
    const start = Math.max(0, Math.min(focus - Math.floor(width / 3), text.length - width));
    const head = start > 0 ? '…' : '';
    const body = text.slice(start, start + width);
    const tail = start + width < text.length ? '…' : '';
    return { text: head + body + tail, shift: start - head.length };
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/**
 * Renders diagnostics for a terminal.
 * @param diagnostics findings from any producer
 * @param readLines the source lines of a path, for code frames
 */
function renderDiagnosticsText(diagnostics, readLines, options = {}) {
    const color = options.color ?? false;
    const context = Math.max(0, options.context ?? 1);
    const width = Math.max(40, options.width ?? 120);
    const paint = (style, text) => (0,_style_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .n)(style, text, color);
    const byPath = new Map();
    for (const d of diagnostics) {
        const list = byPath.get(d.path) ?? [];
        list.push(d);
        byPath.set(d.path, list);
    }
    const paths = [...byPath.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
    const out = [];
    for (const path of paths) {
        const list = byPath
            .get(path)
            .slice()
            .sort((a, b) => a.range.start.line - b.range.start.line || (a.range.start.column ?? 0) - (b.range.start.column ?? 0) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
        out.push(paint('bold', paint('underline', sanitizeForTerminal(path || '(no file)'))));
        const lines = path ? readLines(path) : undefined;
        const shown = options.maxPerFile !== undefined ? list.slice(0, options.maxPerFile) : list;
        for (const d of shown)
            out.push(...findingLines(d, lines, { color, context, width, hints: options.hints !== false }));
        if (shown.length < list.length)
            out.push(paint('dim', `  … and ${list.length - shown.length} more in this file`));
        out.push('');
    }
    out.push(summaryLine(diagnostics, options.checkedFiles, paint));
    return `${out.join('\n')}\n`;
}
/**
 * One finding: `  12:5  error   first line of the message  source/rule`, the rest of a
 * multi-line message indented under it (so the rule label sits on the finding's own
 * line, not after the last line of an explanation), the code frame, hint and docs link.
 * `lines`: the file's source lines, for the frame.
 */
function findingLines(d, lines, options) {
    const paint = (style, text) => (0,_style_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .n)(style, text, options.color);
    const out = [];
    const { line, column } = d.range.start;
    const where = d.path ? `${line}${column !== undefined ? `:${column}` : ''}` : '';
    const label = paint(SEVERITY_STYLE[d.severity], d.severity.padEnd(7));
    const [first = '', ...rest] = sanitizeMessage(d.message).split('\n');
    out.push(`  ${where ? `${paint('dim', where)}  ` : ''}${label} ${first}  ${paint('dim', `${d.source}/${d.rule}`)}`);
    for (const more of rest)
        out.push(`      ${more}`.trimEnd());
    if (lines && line >= 1 && line <= lines.length)
        out.push(...frame(lines, d, options.context, options.width, paint));
    if (options.hints && d.hint)
        out.push(`    ${paint('green', 'hint:')} ${sanitizeForTerminal(d.hint)}`);
    if (d.url)
        out.push(`    ${paint('dim', `docs: ${sanitizeForTerminal(d.url)}`)}`);
    return out;
}
/** A message's lines (CRLF or LF) with control characters shown as U+FFFD, blank edges dropped. */
function sanitizeMessage(message) {
    return message
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map(sanitizeForTerminal)
        .join('\n')
        .replace(/^\n+|\n+$/g, '');
}
function frame(lines, d, context, width, paint) {
    const { line } = d.range.start;
    const first = Math.max(1, line - context);
    const last = Math.min(lines.length, line + context);
    const gutter = String(last).length;
    const rows = [];
    const target = layout(sanitizeForTerminal(lines[line - 1]));
    const raw = lines[line - 1];
    const startIndex = d.range.start.column !== undefined ? d.range.start.column - 1 : raw.length - raw.trimStart().length;
    const endIndex = d.range.end && d.range.end.line === line && d.range.end.column !== undefined && d.range.start.column !== undefined
        ? d.range.end.column
        : d.range.start.column !== undefined
            ? startIndex + 1
            : raw.trimEnd().length;
    const focus = target.columnAt(startIndex);
    const { shift } = clip(target.text, focus, width);
    for (let n = first; n <= last; n++) {
        const shown = n === line ? target : layout(sanitizeForTerminal(lines[n - 1]));
        const text = shift > 0 || shown.text.length > width ? clip(shown.text, focus, width).text : shown.text;
        const marker = n === line ? paint(SEVERITY_STYLE[d.severity], '>') : ' ';
        rows.push(`  ${marker} ${paint('dim', `${String(n).padStart(gutter)} │`)} ${text}`.trimEnd());
        if (n === line) {
            const from = Math.max(0, focus - shift);
            const to = Math.max(from + 1, target.columnAt(Math.max(endIndex, startIndex + 1)) - shift);
            const caretWidth = Math.min(to - from, width);
            rows.push(`    ${' '.repeat(gutter)} ${paint('dim', '│')} ${' '.repeat(from)}${paint(SEVERITY_STYLE[d.severity], '^'.repeat(Math.max(1, caretWidth)))}`);
        }
    }
    return rows;
}
/** `2 errors, 1 warning and 3 infos in 2 of 5 files`, or a clean bill. */
function summaryLine(diagnostics, checkedFiles, paint = (_s, t) => t) {
    const counts = (0,_pipeline_diagnostic_js__WEBPACK_IMPORTED_MODULE_0__/* .countBySeverity */ .Ot)(diagnostics);
    const files = new Set(diagnostics.map((d) => d.path)).size;
    const ofFiles = checkedFiles !== undefined ? ` in ${files} of ${plural(checkedFiles, 'file')}` : files > 0 ? ` in ${plural(files, 'file')}` : '';
    if (diagnostics.length === 0)
        return paint('green', `✔ No problems${checkedFiles !== undefined ? ` in ${plural(checkedFiles, 'file')}` : ''}.`);
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
    const style = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'cyan';
    return paint(style, `${counts.error > 0 ? '✖' : counts.warning > 0 ? '⚠' : 'ℹ'} ${parts.join(', ')}${ofFiles}.`);
}
/**
 * Convenience form of {@link renderDiagnosticsText}: source lines from `readLines` or
 * `sources`; without either, findings are listed without code frames.
 */
function renderDiagnostics(diagnostics, options = {}) {
    const { readLines, sources, ...text } = options;
    const fromSources = (path) => {
        const source = sources?.[path];
        return source === undefined ? undefined : source.replace(/\r\n?/g, '\n').split('\n');
    };
    return renderDiagnosticsText(diagnostics, readLines ?? fromSources, text);
}


/***/ }),

/***/ 5421:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ paint)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/**
 * Colour for terminal text, through node:util `styleText`. The caller decides whether the
 * stream it writes to wants colour (see src/cli/terminal.ts); this only applies it.
 */

/** `text` in `colour` when `enabled`, else unchanged. */
function paint(colour, text, enabled) {
    // validateStream: false — whether colour is wanted was decided for the stream actually
    // written (stdout or stderr), not for process.stdout, which styleText would check.
    return enabled ? (0,node_util__WEBPACK_IMPORTED_MODULE_0__.styleText)(colour, text, { validateStream: false }) : text;
}


/***/ }),

/***/ 24:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F1: () => (/* binding */ displayWidth),
/* harmony export */   HA: () => (/* binding */ truncateDisplay),
/* harmony export */   Vi: () => (/* binding */ padDisplayEnd)
/* harmony export */ });
/* unused harmony export fitToColumns */
/* harmony import */ var string_width__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4668);
/**
 * Terminal cell widths: a CJK character or an emoji takes two cells, a combining mark
 * none, a colour code none. Tables, code frames and the live status measure with these
 * so columns line up with Chinese and Japanese file names and lines never wrap.
 */

// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]/y;
/** Cells `text` takes on a terminal (colour codes take none). */
function displayWidth(text) {
    return (0,string_width__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A)(text);
}
/** `text` padded with spaces to `width` cells. */
function padDisplayEnd(text, width) {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
/** `text` (no colour codes) cut to at most `max` cells, with `…` where it was cut. */
function truncateDisplay(text, max) {
    if (displayWidth(text) <= max)
        return text;
    let out = '';
    let used = 0;
    for (const { segment } of new Intl.Segmenter().segment(text)) {
        const w = displayWidth(segment);
        if (used + w > max - 1)
            break;
        out += segment;
        used += w;
    }
    return `${out}…`;
}
/**
 * One line cut to `columns` cells, colour codes kept (and closed when the cut falls
 * inside a coloured run). A line wider than the terminal wraps, and a redraw that moves
 * the cursor up by lines would then leave stale copies on the screen.
 */
function fitToColumns(line, columns) {
    if (columns <= 0 || displayWidth(line) <= columns)
        return line;
    let out = '';
    let used = 0;
    let styled = false;
    for (let i = 0; i < line.length;) {
        ANSI_SEQUENCE.lastIndex = i;
        const code = ANSI_SEQUENCE.exec(line);
        if (code) {
            out += code[0];
            styled = code[0] !== '\u001b[0m' && code[0] !== '\u001b[39m' && code[0] !== '\u001b[22m';
            i += code[0].length;
            continue;
        }
        const cp = line.codePointAt(i);
        const char = String.fromCodePoint(cp);
        const w = displayWidth(char);
        if (used + w > columns - 1) {
            out += '…';
            break;
        }
        out += char;
        used += w;
        i += char.length;
    }
    return styled ? `${out}\u001b[0m` : out;
}


/***/ }),

/***/ 752:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I1: () => (/* binding */ inertLogText),
/* harmony export */   e5: () => (/* binding */ renderWorkflowCommands)
/* harmony export */ });
/* unused harmony exports escapeData, escapeProperty, workflowCommand, couldBeCommand */
const COMMAND = { error: 'error', warning: 'warning', info: 'notice' };
/** Message escaping of actions/toolkit (`escapeData`): `%`, CR and LF. */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Property escaping of actions/toolkit (`escapeProperty`): also `:` and `,`. */
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * One workflow command for one diagnostic. Properties follow the toolkit's
 * `toCommandProperties` names: file, line, endLine, col, endColumn, title.
 */
function workflowCommand(d) {
    const props = [];
    if (d.path) {
        props.push(['file', d.path]);
        props.push(['line', String(Math.max(1, d.range.start.line))]);
        if (d.range.start.column !== undefined)
            props.push(['col', String(d.range.start.column)]);
        if (d.range.end) {
            props.push(['endLine', String(d.range.end.line)]);
            if (d.range.end.column !== undefined && d.range.start.column !== undefined)
                props.push(['endColumn', String(d.range.end.column)]);
        }
    }
    props.push(['title', `${d.source}: ${d.rule}`]);
    const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
    const properties = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
    return `::${COMMAND[d.severity]} ${properties}::${escapeData(message)}`;
}
/** All diagnostics as workflow commands, one per line, most severe first. */
function renderWorkflowCommands(diagnostics) {
    const rank = { error: 0, warning: 1, info: 2 };
    const sorted = [...diagnostics].sort((a, b) => rank[a.severity] - rank[b.severity] || a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line);
    return sorted.map((d) => `${workflowCommand(d)}\n`).join('');
}
/**
 * Whether the runner could read `text` as a workflow command: a line that starts with
 * `::` (after leading whitespace, as the runner trims it) or holds the old `##[` form.
 */
function couldBeCommand(text) {
    return text.split(/\r?\n|\r/).some((line) => line.trimStart().startsWith('::') || line.includes('##['));
}
/**
 * Untrusted text for the runner log: as it is when no line could be a command, else
 * between `::stop-commands::<token>` and `::<token>::`, which the runner prints without
 * processing anything in between. The token must be unguessable (random per block), or
 * the text could end the block itself; a text that contains it is refused.
 */
function inertLogText(text, token) {
    if (!couldBeCommand(text))
        return text;
    if (token.length < 16 || text.includes(token))
        throw new Error('inertLogText: the stop-commands token must be random and absent from the text');
    return `::stop-commands::${token}\n${text}\n::${token}::`;
}


/***/ })

};
