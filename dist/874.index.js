export const id = 874;
export const ids = [874];
export const modules = {

/***/ 2874:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ latestByName),
/* harmony export */   YG: () => (/* binding */ postCheckRun),
/* harmony export */   mE: () => (/* binding */ listLatestCheckRuns)
/* harmony export */ });
/* unused harmony export findLatestCheckRun */
/* harmony import */ var _reporting_check_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5197);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9452);
/* harmony import */ var _paginate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3618);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2402);




const PERMISSION = 'checks: write';
/**
 * The latest check run named `name` on `ref`, if any
 * (`GET /repos/{owner}/{repo}/commits/{ref}/check-runs?check_name=…&filter=latest`).
 *
 * @param appId only runs created by this GitHub App (the app's own runs)
 */
async function findLatestCheckRun(client, repo, ref, name, appId) {
    const response = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)({ operation: `list the check runs of ${ref}`, permission: 'checks: read' }, () => client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
        ...repo,
        ref,
        check_name: name,
        filter: 'latest',
        per_page: 100,
        ...(appId !== undefined ? { app_id: appId } : {}),
    }));
    const runs = (response.data.check_runs ?? []).filter((r) => r.name === name).map(toExisting);
    // Newest first: GitHub orders by id descending, but do not rely on it.
    runs.sort((a, b) => b.id - a.id);
    return runs[0];
}
function toExisting(run) {
    return {
        id: (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .idOf */ .T)(run.id),
        name: run.name,
        status: run.status,
        conclusion: run.conclusion ?? null,
        annotationsCount: run.output?.annotations_count ?? 0,
        htmlUrl: run.html_url ?? undefined,
        appSlug: run.app?.slug ?? undefined,
        summary: run.output?.summary ?? null,
        title: run.output?.title ?? null,
    };
}
/**
 * The latest check runs on `ref` (`filter=latest`, 100 per page), newest first, so that
 * reporting N gates costs one lookup instead of N. Several apps may have runs of the same
 * name: see {@link latestByName}.
 */
async function listLatestCheckRuns(client, repo, ref) {
    const { items, requests } = await (0,_paginate_js__WEBPACK_IMPORTED_MODULE_3__/* .paginate */ .E)(async (page) => {
        const r = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)({ operation: `list the check runs of ${ref}`, permission: 'checks: read' }, () => client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...repo, ref, filter: 'latest', per_page: 100, page }));
        return { data: r.data.check_runs ?? [], headers: r.headers };
    }, { perPage: 100, maxItems: 1000 });
    return { runs: items.map(toExisting).sort((a, b) => b.id - a.id), requests };
}
/** The newest run of each name among those `accept` keeps. */
function latestByName(runs, accept = () => true) {
    const latest = new Map();
    for (const run of runs) {
        if (!accept(run))
            continue;
        const seen = latest.get(run.name);
        if (!seen || seen.id < run.id)
            latest.set(run.name, run);
    }
    return latest;
}
async function write(client, repo, plan, w, id) {
    if (w.kind === 'create') {
        const r = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)({ operation: `create the check run ${plan.name}`, permission: PERMISSION }, () => client.request('POST /repos/{owner}/{repo}/check-runs', { ...repo, ...w.body }));
        return { id: (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .idOf */ .T)(r.data.id), url: r.data.html_url ?? undefined };
    }
    if (id === undefined)
        throw new Error('planCheckRunWrites produced an update before a create');
    const r = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .attempt */ .CD)({ operation: `update the check run ${plan.name}`, permission: PERMISSION }, () => client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...repo, check_run_id: id, ...w.body }));
    return { id, url: r.data.html_url ?? undefined };
}
/**
 * Leaves a run we created or took over in a completed state when a later batch
 * failed, so it never spins "in progress" forever. Best effort: its own failure is
 * swallowed (the original error is the one worth reporting).
 */
async function completeAfterFailure(client, repo, plan, id, error, now) {
    try {
        await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
            ...repo,
            check_run_id: id,
            status: 'completed',
            conclusion: plan.conclusion === 'success' ? 'neutral' : plan.conclusion,
            completed_at: now,
            output: {
                title: plan.output.title,
                summary: `${plan.output.summary}\n\n> [!WARNING]\n> Some annotations could not be posted: ${error.message.replace(/\s+/g, ' ').slice(0, 500)}`.slice(0, 65_000),
                ...(plan.output.text ? { text: plan.output.text } : {}),
            },
        });
    }
    catch {
        // Nothing more to do; the caller reports the original error.
    }
}
/**
 * Posts a check run plan on `headSha`: looks for the latest run of the same name and
 * updates it in place when it carries no annotations (a placeholder, or a clean run
 * being re-run); otherwise creates a new run, because annotations can only be
 * appended, never removed, and a re-run must not show the previous run's findings
 * twice or findings that are gone. Then PATCHes the remaining batches of 50.
 */
async function postCheckRun(client, repo, plan, options) {
    const now = options.now ?? (() => new Date());
    let requests = 0;
    let existing;
    if ((options.reuse ?? 'auto') === 'auto') {
        if (options.existing !== undefined)
            existing = options.existing ?? undefined;
        else {
            existing = await findLatestCheckRun(client, repo, options.headSha, plan.name);
            requests += 1;
        }
    }
    const reusable = existing !== undefined && existing.annotationsCount === 0 ? existing : undefined;
    const planOptions = {
        headSha: options.headSha,
        now,
        ...(options.detailsUrl ? { detailsUrl: options.detailsUrl } : {}),
        ...(options.externalId ? { externalId: options.externalId } : {}),
    };
    let writes = (0,_reporting_check_run_js__WEBPACK_IMPORTED_MODULE_0__/* .planCheckRunWrites */ .fS)(plan, { ...planOptions, existing: reusable !== undefined });
    let id = reusable?.id;
    let url = reusable?.htmlUrl;
    let action = reusable ? 'updated' : 'created';
    for (let i = 0; i < writes.length; i++) {
        const w = writes[i];
        try {
            const result = await write(client, repo, plan, w, id);
            requests += 1;
            id = result.id;
            url = result.url ?? url;
        }
        catch (error) {
            requests += 1;
            const mapped = error;
            // The run we found belongs to another app (403) or vanished (404): start our own.
            if (i === 0 && reusable && (mapped.kind === 'permission' || mapped.kind === 'not-found')) {
                writes = (0,_reporting_check_run_js__WEBPACK_IMPORTED_MODULE_0__/* .planCheckRunWrites */ .fS)(plan, { ...planOptions, existing: false });
                id = undefined;
                action = 'created';
                i = -1;
                continue;
            }
            if (id !== undefined && mapped instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GitHubApiError */ .OS && mapped.kind !== 'permission') {
                await completeAfterFailure(client, repo, plan, id, mapped, now().toISOString());
            }
            throw error;
        }
    }
    return { gate: plan.gate, name: plan.name, id: id, url, action, requests, annotations: plan.annotations.length };
}


/***/ }),

/***/ 9452:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ attempt),
/* harmony export */   OS: () => (/* binding */ GitHubApiError)
/* harmony export */ });
/* unused harmony exports isRateLimit, toGitHubError */
/* harmony import */ var _pipeline_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6687);
/**
 * Octokit's RequestError mapped to errors that say what failed, why, and how to fix
 * it, at the adapter boundary (release-please's `wrapAsync` habit). Detection is by
 * shape (`status`, `response.headers`), so errors from any Octokit build qualify.
 */

/** A failed GitHub request, with its cause kept. */
class GitHubApiError extends _pipeline_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecAutomationError */ .lU {
    kind;
    status;
    /** What we were doing, e.g. "create the check run spec-automation / ruff". */
    operation;
    /** The permission the operation needs, when the failure is about permissions. */
    permission;
    /** For rate limits: when the limit resets, if GitHub said. */
    resetAt;
    /** For 422: GitHub's validation messages. */
    details;
    constructor(init) {
        super(`Could not ${init.operation}: ${init.reason}. ${init.fix}`, { cause: init.cause, fix: init.fix });
        this.name = 'GitHubApiError';
        this.kind = init.kind;
        this.status = init.status;
        this.operation = init.operation;
        this.permission = init.permission;
        this.resetAt = init.resetAt;
        this.details = init.details ?? [];
    }
}
function isRequestError(error) {
    return typeof error === 'object' && error !== null && typeof error.status === 'number';
}
function responseMessage(error) {
    const data = error.response?.data;
    if (data && typeof data === 'object' && typeof data.message === 'string') {
        return data.message;
    }
    return error.message;
}
function validationDetails(error) {
    const data = error.response?.data;
    const errors = Array.isArray(data?.errors) ? data.errors : [];
    return errors
        .map((e) => {
        if (typeof e === 'string')
            return e;
        if (e && typeof e === 'object') {
            const o = e;
            if (typeof o.message === 'string')
                return o.message;
            return [o.resource, o.field, o.code].filter((x) => typeof x === 'string').join(' ');
        }
        return '';
    })
        .filter((s) => s !== '')
        .slice(0, 10);
}
function header(error, name) {
    const value = error.response?.headers?.[name];
    return value === undefined ? undefined : String(value);
}
/** True for GitHub's rate-limit answers (primary or secondary), whatever the status. */
function isRateLimit(error) {
    if (error.status !== 403 && error.status !== 429)
        return false;
    return error.status === 429 || header(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(responseMessage(error));
}
/** The innermost message of an error chain: `getaddrinfo ENOTFOUND api.github.com`, not `fetch failed`. */
function rootMessage(error) {
    let current = error;
    for (let depth = 0; depth < 5; depth++) {
        const cause = current instanceof Error ? current.cause : undefined;
        if (!(cause instanceof Error))
            break;
        current = cause;
    }
    return current instanceof Error ? current.message : String(current);
}
function networkError(error, operation) {
    return new GitHubApiError({
        kind: 'network',
        operation,
        reason: `could not reach GitHub (DNS/connection: ${rootMessage(error)})`,
        fix: 'Check the network, DNS and any proxy between this host and GitHub (GHE_HOST or GITHUB_API_URL for GitHub Enterprise Server); the request was retried before giving up.',
        cause: error,
    });
}
/**
 * Maps any error thrown by an Octokit request to a {@link GitHubApiError}.
 *
 * @param error what Octokit threw
 * @param context what we were doing, and the permission it needs (for 403s)
 */
function toGitHubError(error, context) {
    if (error instanceof GitHubApiError)
        return error;
    const { operation, permission } = context;
    if (!isRequestError(error))
        return networkError(error, operation);
    const status = error.status;
    const message = responseMessage(error);
    // @octokit/request reports a request that never got an answer (DNS, refused or reset
    // connection, TLS) as status 500 without a response: that is not GitHub answering 500.
    if (status === 500 && !error.response)
        return networkError(error, operation);
    if (isRateLimit(error)) {
        const reset = Number(header(error, 'x-ratelimit-reset'));
        const resetAt = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : undefined;
        const retryAfter = header(error, 'retry-after');
        const when = resetAt ? ` (resets at ${resetAt.toISOString()})` : retryAfter ? ` (retry after ${retryAfter} s)` : '';
        return new GitHubApiError({
            kind: 'rate-limit',
            status,
            operation,
            reason: `GitHub's rate limit was hit: ${message}${when}`,
            fix: 'Lower max-review-comments or the annotation cap, avoid running many workflows at once, or use a GitHub App token (higher limits).',
            ...(resetAt ? { resetAt } : {}),
            cause: error,
        });
    }
    if (status === 401) {
        return new GitHubApiError({
            kind: 'auth',
            status,
            operation,
            reason: `GitHub refused the token (${message})`,
            fix: 'Pass a valid token (github-token input, GITHUB_TOKEN); app installation tokens expire after an hour.',
            cause: error,
        });
    }
    if (status === 403) {
        const integration = /not accessible by (integration|personal access token)/i.test(message);
        return new GitHubApiError({
            kind: 'permission',
            status,
            operation,
            reason: integration ? `the token may not do this (${message})` : `forbidden (${message})`,
            fix: permission
                ? `Grant \`${permission}\` in the workflow's \`permissions:\` block (or the app's permissions). On pull requests from forks GitHub makes the token read-only whatever the workflow asks for.`
                : 'Check the token\'s permissions; on pull requests from forks GitHub makes the token read-only.',
            ...(permission ? { permission } : {}),
            cause: error,
        });
    }
    if (status === 404) {
        return new GitHubApiError({
            kind: 'not-found',
            status,
            operation,
            reason: `not found (${message})`,
            fix: 'Check the repository, pull request or run exists; GitHub also answers 404 when the token cannot see a private repository.',
            cause: error,
        });
    }
    if (status === 422) {
        const details = validationDetails(error);
        return new GitHubApiError({
            kind: 'validation',
            status,
            operation,
            reason: `GitHub rejected the request (422 ${message}${details.length > 0 ? `: ${details.join('; ')}` : ''})`,
            fix: 'This is a bug in spec-automation if it persists; please report it with this message.',
            details,
            cause: error,
        });
    }
    if (status >= 500) {
        return new GitHubApiError({
            kind: 'server',
            status,
            operation,
            reason: `GitHub answered ${status} (${message})`,
            fix: 'GitHub had a problem; the request was retried. Re-run the job later (https://www.githubstatus.com).',
            cause: error,
        });
    }
    return new GitHubApiError({
        kind: 'other',
        status,
        operation,
        reason: `GitHub answered ${status} (${message})`,
        fix: 'See the message above.',
        cause: error,
    });
}
/**
 * Runs one request and maps its failure. Every operation in src/github goes through
 * here so no raw RequestError leaves the adapter.
 */
async function attempt(context, run) {
    try {
        return await run();
    }
    catch (error) {
        throw toGitHubError(error, context);
    }
}


/***/ }),

/***/ 3618:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ paginate)
/* harmony export */ });
/**
 * Page-number pagination over `octokit.request`, so it works the same with any
 * Octokit (Probot's, the action's, a bare @octokit/core) and stops at a hard cap:
 * GitHub data is untrusted and a list must never grow without bound.
 */
/**
 * Fetches pages 1, 2, … until a page says it is the last (no `rel="next"` in Link;
 * without a Link header, a short page), or `maxItems` are collected.
 *
 * @param fetchPage requests one page (1-based) with `per_page: perPage`
 */
async function paginate(fetchPage, options) {
    const items = [];
    let requests = 0;
    for (let page = 1; items.length < options.maxItems; page++) {
        const response = await fetchPage(page);
        requests += 1;
        const data = Array.isArray(response.data) ? response.data : [];
        items.push(...data);
        const link = response.headers.link;
        const hasNext = link !== undefined ? /rel="next"/.test(link) : data.length >= options.perPage;
        if (!hasNext || data.length === 0)
            return { items: items.slice(0, options.maxItems), truncated: false, requests };
    }
    return { items: items.slice(0, options.maxItems), truncated: true, requests };
}


/***/ }),

/***/ 2402:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ idOf)
/* harmony export */ });
/** GitHub's int64 ids are typed `number | bigint`; they fit in a double for decades yet. */
function idOf(value) {
    return typeof value === 'bigint' ? Number(value) : value;
}


/***/ }),

/***/ 3445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ formatCount)
/* harmony export */ });
/**
 * `5,000`: counts people read, grouped by thousands with commas, whatever the machine's
 * locale (reports must read the same on every runner).
 *
 * Not `toLocaleString('en-US')`: the first call loads ICU's number-format data, about
 * 6 MB of the orchestrator's resident memory for a comma (issue #17's memory target).
 */
function formatCount(n) {
    if (!Number.isFinite(n))
        return String(n);
    const [whole, fraction] = String(Math.abs(n)).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}


/***/ }),

/***/ 5197:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $_: () => (/* binding */ checkRunName),
  mc: () => (/* binding */ planAnnotations),
  fS: () => (/* binding */ planCheckRunWrites),
  f4: () => (/* binding */ renderOrderedCheckRun)
});

// UNUSED EXPORTS: ANNOTATIONS_PER_REQUEST, CHECK_RUN_PREFIX, TITLE_MAX_CHARS, annotationFor, annotationLevel, batchAnnotations, checkRunTitle, conclusionForGate, renderCheckRun

// EXTERNAL MODULE: ./lib/reporting/finding.js
var finding = __webpack_require__(535);
// EXTERNAL MODULE: ./lib/reporting/gate-facts.js
var gate_facts = __webpack_require__(4757);
// EXTERNAL MODULE: ./lib/reporting/importance.js
var importance = __webpack_require__(3622);
// EXTERNAL MODULE: ./lib/reporting/markdown.js
var markdown = __webpack_require__(2817);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./lib/pipeline/diagnostic.js
var diagnostic = __webpack_require__(9343);
;// CONCATENATED MODULE: ./lib/reporting/results-block.js
/**
 * The machine-readable results block: what the action leaves in each check run's
 * summary and the app reads back (DESIGN.md, the loop: "read gate results").
 *
 * Shape: `<!-- spec-automation:results v1 <base64 of gzipped JSON> -->`, invisible
 * when GitHub renders the summary. Versioned so an older app refuses a newer block
 * with a clear message; size-bounded so it always fits beside the human summary.
 * Decoding treats the text as untrusted (anyone who can create a check run can write
 * a summary): length checked before decoding, decompression capped, JSON validated;
 * a bad block is an error value, never an exception.
 */




const RESULTS_BLOCK_VERSION = 1;
/** Upper bound of the whole encoded block, in bytes (it is ASCII). */
const RESULTS_BLOCK_MAX_BYTES = 12 * 1024;
/** Decoded JSON larger than this is refused (a gzip bomb costs nothing to send). */
const MAX_DECODED_BYTES = (/* unused pure expression or super */ null && (256 * 1024));
/** Encoded payloads larger than this are refused before any decoding. */
const MAX_ENCODED_CHARS = (/* unused pure expression or super */ null && (64 * 1024));
/** Findings carried in the block, most important first. */
const RESULTS_BLOCK_MAX_FINDINGS = 50;
const MAX_MESSAGE_CHARS = 300;
const MARKER_RE = /<!-- spec-automation:results v(\d{1,6}) ([A-Za-z0-9+/=]*) -->/;
const severity = schemas/* enum */.k5n(['error', 'warning', 'info']);
const count = schemas/* number */.aig().int().nonnegative();
const findingSchema = schemas/* object */.Ikc({
    path: schemas/* string */.YjP().max(4096),
    line: schemas/* number */.aig().int().positive(),
    endLine: schemas/* number */.aig().int().positive().optional(),
    rule: schemas/* string */.YjP().max(500),
    severity,
    message: schemas/* string */.YjP().max(MAX_MESSAGE_CHARS + 1),
    fingerprint: schemas/* string */.YjP().max(200),
});
const blockSchema = schemas/* object */.Ikc({
    v: schemas/* literal */.euz(RESULTS_BLOCK_VERSION),
    gate: schemas/* string */.YjP().min(1).max(200),
    tool: schemas/* string */.YjP().max(200),
    status: schemas/* enum */.k5n(['passed', 'failed', 'error', 'skipped', 'cancelled']),
    sha: schemas/* string */.YjP().max(64).optional(),
    durationMs: schemas/* number */.aig().nonnegative(),
    fromCache: schemas/* boolean */.zMY(),
    counts: schemas/* object */.Ikc({ error: count, warning: count, info: count }),
    totalFindings: count,
    tests: schemas/* object */.Ikc({
        total: count,
        passed: count,
        failed: count,
        errored: count,
        skipped: count,
        xfailed: count,
        xpassed: count,
    })
        .optional(),
    error: schemas/* object */.Ikc({ message: schemas/* string */.YjP().max(2000), hint: schemas/* string */.YjP().max(2000).optional() }).optional(),
    top: schemas/* array */.YOg(findingSchema).max(RESULTS_BLOCK_MAX_FINDINGS),
});
function clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
function findingOf(d) {
    const line = Math.max(1, Math.floor(d.range.start.line) || 1);
    const end = d.range.end?.line;
    return {
        path: clip(d.path, 4096),
        line,
        ...(end !== undefined && end > line ? { endLine: Math.floor(end) } : {}),
        rule: clip(d.rule, 500),
        severity: d.severity,
        message: clip(d.message.replace(/\s+/g, ' ').trim(), MAX_MESSAGE_CHARS),
        fingerprint: clip(d.fingerprint, 200),
    };
}
/** The block's content for one gate result. `sha` is the commit the gates ran on. */
function resultsOf(gate, sha) {
    const t = gate.tests;
    return {
        v: RESULTS_BLOCK_VERSION,
        gate: clip(gate.gate, 200),
        tool: clip(gate.tool, 200),
        status: gate.status,
        ...(sha ? { sha: clip(sha, 64) } : {}),
        durationMs: Math.max(0, gate.durationMs),
        fromCache: gate.fromCache,
        counts: (0,diagnostic/* countBySeverity */.Ot)(gate.diagnostics),
        totalFindings: gate.diagnostics.length,
        ...(t
            ? {
                tests: {
                    total: t.total,
                    passed: t.passed,
                    failed: t.failed,
                    errored: t.errored,
                    skipped: t.skipped,
                    xfailed: t.xfailed,
                    xpassed: t.xpassed,
                },
            }
            : {}),
        ...(gate.error
            ? {
                error: {
                    message: clip(gate.error.message, 2000),
                    ...(gate.error.hint ? { hint: clip(gate.error.hint, 2000) } : {}),
                },
            }
            : {}),
        top: (0,importance/* orderByImportance */.AD)(gate.diagnostics).slice(0, RESULTS_BLOCK_MAX_FINDINGS).map(findingOf),
    };
}
function pack(block) {
    const payload = (0,external_node_zlib_.gzipSync)(Buffer.from(JSON.stringify(block), 'utf8'), { level: 9 }).toString('base64');
    return `<!-- spec-automation:results v${block.v} ${payload} -->`;
}
/**
 * Encodes a block as an HTML comment of at most {@link RESULTS_BLOCK_MAX_BYTES}. When
 * the findings do not fit, the least important ones are dropped (the counts stay
 * exact; `top.length < totalFindings` tells the reader the list is partial).
 */
function encodeResultsBlock(block) {
    let text = pack(block);
    if (text.length <= RESULTS_BLOCK_MAX_BYTES)
        return text;
    // Binary search on how many findings fit.
    let lo = 0;
    let hi = block.top.length;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (pack({ ...block, top: block.top.slice(0, mid) }).length <= RESULTS_BLOCK_MAX_BYTES)
            lo = mid;
        else
            hi = mid - 1;
    }
    text = pack({ ...block, top: block.top.slice(0, lo) });
    return text;
}
function fail(code, message) {
    return { ok: false, error: { code, message } };
}
/**
 * Finds and decodes the results block in a check run summary (or any text). Never
 * throws: a missing, oversized, newer, corrupt or invalid block is an error value.
 */
function decodeResultsBlock(text) {
    if (typeof text !== 'string')
        return fail('missing', 'The check run has no summary, so it carries no results block.');
    const start = text.indexOf('<!-- spec-automation:results v');
    if (start < 0) {
        return fail('missing', 'No spec-automation results block in the check run summary; was it written by the spec-automation action?');
    }
    const end = text.indexOf('-->', start);
    if (end < 0)
        return fail('corrupt', 'The results block is not closed (no "-->"); the summary was probably cut.');
    if (end - start > MAX_ENCODED_CHARS) {
        return fail('oversized', `The results block is ${end - start} characters, above the ${MAX_ENCODED_CHARS} this reader accepts.`);
    }
    const m = MARKER_RE.exec(text.slice(start, end + 3));
    if (!m)
        return fail('corrupt', 'The results block is malformed (expected "<!-- spec-automation:results v<N> <base64> -->").');
    const version = Number(m[1]);
    if (version !== RESULTS_BLOCK_VERSION) {
        return fail('unsupported-version', `The results block has schema v${version}; this reader understands v${RESULTS_BLOCK_VERSION}. Update the spec-automation app and action to the same release.`);
    }
    let json;
    try {
        json = gunzipSync(Buffer.from(m[2], 'base64'), { maxOutputLength: MAX_DECODED_BYTES }).toString('utf8');
    }
    catch (error) {
        const why = error instanceof RangeError ? `it inflates past ${MAX_DECODED_BYTES} bytes` : 'it is not valid gzip';
        return fail(error instanceof RangeError ? 'oversized' : 'corrupt', `The results block cannot be decoded: ${why}.`);
    }
    let value;
    try {
        value = JSON.parse(json);
    }
    catch {
        return fail('corrupt', 'The results block does not contain valid JSON.');
    }
    const parsed = blockSchema.safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
        return fail('invalid', `The results block does not match schema v${RESULTS_BLOCK_VERSION}: ${where}: ${issue?.message ?? 'invalid'}.`);
    }
    return { ok: true, block: parsed.data };
}
/**
 * The gate result a results block stands for, as the agent's fix mode and the workflow
 * bridge take it. Lossy by design: the block carries the counts and the most important
 * findings (up to {@link RESULTS_BLOCK_MAX_FINDINGS}), not tracebacks, test cases or
 * every finding; the full list stays in the check run and its annotations.
 */
function gateResultOfBlock(block) {
    const diagnostics = block.top.map((f) => ({
        source: block.gate,
        path: f.path,
        range: { start: { line: f.line }, ...(f.endLine !== undefined ? { end: { line: f.endLine } } : {}) },
        severity: f.severity,
        rule: f.rule,
        message: f.message,
        fingerprint: f.fingerprint,
    }));
    const t = block.tests;
    return {
        gate: block.gate,
        tool: block.tool,
        status: block.status,
        exitCode: null,
        durationMs: block.durationMs,
        fromCache: block.fromCache,
        command: [],
        diagnostics,
        ...(t ? { tests: { ...t, durationMs: 0, cases: [] } } : {}),
        ...(block.error ? { error: { message: block.error.message, ...(block.error.hint ? { hint: block.error.hint } : {}) } } : {}),
    };
}

// EXTERNAL MODULE: ./lib/reporting/shards.js
var reporting_shards = __webpack_require__(565);
// EXTERNAL MODULE: ./lib/reporting/truncate.js
var truncate = __webpack_require__(5154);
;// CONCATENATED MODULE: ./lib/reporting/check-run.js







const CHECK_RUN_PREFIX = 'spec-automation';
/** The Checks API refuses more annotations than this in one request. */
const ANNOTATIONS_PER_REQUEST = 50;
const TITLE_MAX_CHARS = 255;
/** `spec-automation / ruff`. */
function checkRunName(gate) {
    return `${CHECK_RUN_PREFIX} / ${gate}`;
}
/**
 * A tool error must never read as a pass: `error` maps to `failure` (GitHub has no
 * "error" conclusion; `action_required` would ask for a button we do not offer).
 */
function conclusionForGate(status) {
    switch (status) {
        case 'passed':
            return 'success';
        case 'failed':
        case 'error':
            return 'failure';
        case 'skipped':
            return 'skipped';
        case 'cancelled':
            return 'cancelled';
    }
}
function annotationLevel(severity) {
    return severity === 'error' ? 'failure' : severity === 'warning' ? 'warning' : 'notice';
}
function positiveLine(n) {
    if (n === undefined || !Number.isFinite(n))
        return undefined;
    return Math.max(1, Math.floor(n));
}
/** The annotation for a finding, or undefined when it has no file GitHub can show it on. */
function annotationFor(d) {
    const path = (0,finding/* anchorPath */.V3)(d.path);
    if (!path)
        return undefined;
    const start = positiveLine(d.range.start.line) ?? 1;
    const end = Math.max(start, positiveLine(d.range.end?.line) ?? start);
    const annotation = {
        path,
        start_line: start,
        end_line: end,
        annotation_level: annotationLevel(d.severity),
        message: (0,truncate/* truncatePlain */.Bm)(d.message.trim() || d.rule, truncate/* ANNOTATION_TEXT_LIMIT */.Im),
        title: (0,truncate/* truncatePlain */.Bm)((0,markdown/* oneLine */.TN)(`${d.source} ${d.rule}`), { maxBytes: 1024, maxChars: TITLE_MAX_CHARS }),
    };
    // GitHub accepts columns only on single-line annotations.
    const startColumn = positiveLine(d.range.start.column);
    if (start === end && startColumn !== undefined) {
        annotation.start_column = startColumn;
        annotation.end_column = Math.max(startColumn, positiveLine(d.range.end?.column) ?? startColumn);
    }
    const details = [d.hint, d.fix?.description ? `Fix: ${d.fix.description}` : undefined, d.url]
        .filter((s) => !!s)
        .join('\n');
    if (details)
        annotation.raw_details = (0,truncate/* truncatePlain */.Bm)(details, truncate/* ANNOTATION_TEXT_LIMIT */.Im);
    return annotation;
}
/**
 * The annotations for findings already in importance order (so the cap keeps the most
 * important), at most `cap` of them; each check run (a gate's, the re-validation's) plans
 * them this way.
 */
function planAnnotations(ordered, cap = Number.POSITIVE_INFINITY) {
    const annotatable = [];
    let unanchored = 0;
    for (const d of ordered) {
        const a = annotationFor(d);
        if (a)
            annotatable.push(a);
        else
            unanchored += 1;
    }
    const annotations = annotatable.slice(0, Math.max(0, cap));
    return { annotations, dropped: annotatable.length - annotations.length, unanchored };
}
/** Splits annotations into request-sized batches of at most 50. */
function batchAnnotations(annotations, size = ANNOTATIONS_PER_REQUEST) {
    const batches = [];
    for (let i = 0; i < annotations.length; i += size)
        batches.push(annotations.slice(i, i + size));
    return batches;
}
function countsPhrase(gate) {
    const parts = [];
    const t = gate.tests;
    if (t) {
        if (t.failed)
            parts.push(`${(0,truncate/* formatCount */.B4)(t.failed)} failed`);
        if (t.errored)
            parts.push(`${(0,truncate/* formatCount */.B4)(t.errored)} errored`);
        parts.push(`${(0,truncate/* formatCount */.B4)(t.passed)} passed`);
        if (t.skipped)
            parts.push(`${(0,truncate/* formatCount */.B4)(t.skipped)} skipped`);
        if (t.xfailed)
            parts.push(`${(0,truncate/* formatCount */.B4)(t.xfailed)} xfailed`);
        if (t.xpassed)
            parts.push(`${(0,truncate/* formatCount */.B4)(t.xpassed)} xpassed`);
        const others = gate.diagnostics.filter((d) => !(0,importance/* isTestFailure */.Zy)(d));
        if (others.length > 0)
            parts.push((0,markdown/* plural */.LS)(others.length, 'other finding'));
        return parts.join(', ');
    }
    return (0,gate_facts/* severityPhrase */.z)(gate.diagnostics) || 'no findings';
}
/** The one-line title of the check run (≤ 255 characters). */
function checkRunTitle(gate) {
    let title;
    if (gate.status === 'skipped')
        title = `${gate.gate}: skipped`;
    else if (gate.status === 'error')
        title = `${gate.gate} could not run: ${(0,markdown/* oneLine */.TN)(gate.error?.message ?? 'tool error')}`;
    else if (gate.status === 'cancelled')
        title = `${gate.gate}: cancelled`;
    else
        title = `${gate.gate}: ${countsPhrase(gate)}`;
    return (0,truncate/* truncatePlain */.Bm)(title, { maxBytes: 1024, maxChars: TITLE_MAX_CHARS });
}
function summaryHead(gate, plan, options) {
    const lines = [];
    lines.push(`### ${gate_facts/* GATE_STATUS_ICON */.v[gate.status]} ${(0,markdown/* escapeInline */.VV)(gate.gate)} ${gate.status}: ${(0,markdown/* escapeInline */.VV)(countsPhrase(gate))}`);
    lines.push('');
    const facts = [`${(0,markdown/* escapeInline */.VV)(gate.tool)}${gate.toolVersion ? ` ${(0,markdown/* escapeInline */.VV)(gate.toolVersion)}` : ''}`];
    // A cached result's duration is the run it came from; say so rather than pass it off as this run's.
    if (gate.fromCache)
        facts.push(gate.durationMs > 0 ? `cached result (${(0,markdown/* formatDuration */.a3)(gate.durationMs)} when it ran)` : 'cached result');
    else if (gate.durationMs > 0)
        facts.push((0,markdown/* formatDuration */.a3)(gate.durationMs));
    if (gate.exitCode !== null)
        facts.push(`exit code ${gate.exitCode}`);
    const shards = (0,reporting_shards/* shardsNote */.o)(gate.shards);
    if (shards)
        facts.push((0,markdown/* escapeInline */.VV)(shards));
    lines.push(facts.join(' · '));
    if (gate.error) {
        lines.push('');
        lines.push(`**The tool could not give a verdict:** ${(0,markdown/* escapeInline */.VV)((0,markdown/* oneLine */.TN)(gate.error.message))}`);
        if (gate.error.hint)
            lines.push(`**Fix:** ${(0,markdown/* escapeInline */.VV)((0,markdown/* oneLine */.TN)(gate.error.hint))}`);
    }
    if (plan.annotations > 0 || plan.dropped > 0) {
        lines.push('');
        const dropped = plan.dropped > 0 ? ` (${(0,truncate/* formatCount */.B4)(plan.dropped)} more were not annotated: over the per-run cap)` : '';
        lines.push(`${(0,truncate/* formatCount */.B4)(plan.annotations)} findings are annotated on the files (see "Files changed")${dropped}.`);
    }
    if (plan.unanchored > 0) {
        lines.push(`${(0,markdown/* plural */.LS)(plan.unanchored, 'finding')} not tied to a file ${plan.unanchored === 1 ? 'appears' : 'appear'} only here.`);
    }
    if (options.detailsUrl && /^https?:\/\/\S+$/.test(options.detailsUrl))
        lines.push(`[Full log](${options.detailsUrl})`);
    return lines.join('\n');
}
/** `ordered`: the gate's findings already in {@link orderByImportance} order. */
function findingItems(ordered) {
    const items = [];
    let section = '';
    for (const d of ordered) {
        const heading = (0,importance/* importanceHeading */.$c)(d);
        // A heading is glued to its first item so it is never shown without one.
        const prefix = heading !== section ? `\n**${heading}**\n\n` : '';
        section = heading;
        items.push(prefix + (0,finding/* findingListItem */.F6)(d));
    }
    return items;
}
function showingNote(shown, total) {
    if (total === 0)
        return '';
    if (shown === total)
        return '';
    return `\n\n_Showing ${(0,truncate/* formatCount */.B4)(shown)} of ${(0,truncate/* formatCount */.B4)(total)} findings, most important first; all of them are in the annotations and the job summary._`;
}
function failingCaseDetails(c) {
    // The summary is inside an HTML block: Markdown escapes and code spans do not apply there.
    const where = c.location ? ` (${(0,markdown/* htmlCode */.h8)(`${c.location.path}:${c.location.line}`)})` : '';
    const head = `<details><summary>${c.outcome === 'error' ? '💥' : '❌'} ${(0,markdown/* escapeHtml */.ZD)((0,markdown/* oneLine */.TN)(c.id))}${where}</summary>\n\n`;
    const body = [c.message ? (0,markdown/* escapeInline */.VV)((0,markdown/* oneLine */.TN)(c.message)) : '', c.details ? (0,markdown/* fencedBlock */.zW)(c.details, 'text') : '']
        .filter(Boolean)
        .join('\n\n');
    return `${head}${body}\n\n</details>`;
}
/** `output.text`: what the summary has no room for (tool output, tracebacks). */
function renderText(gate) {
    const head = [];
    if (gate.command.length > 0)
        head.push(`Command: ${(0,markdown/* codeSpan */.SS)(gate.command.join(' '))}`);
    if (gate.stderrTail)
        head.push(`**stderr (last lines)**\n\n${(0,markdown/* fencedBlock */.zW)(gate.stderrTail, 'text')}`);
    const failing = (gate.tests?.cases ?? []).filter((c) => c.outcome === 'failed' || c.outcome === 'error');
    if (failing.length === 0 && !gate.stderrTail)
        return head.length > 0 ? head.join('\n\n') : undefined;
    const composed = (0,truncate/* composeWithinLimit */.Jf)({
        head: head.join('\n\n') + (failing.length > 0 ? '\n\n### Failing tests\n' : ''),
        items: failing.map(failingCaseDetails),
        separator: '\n\n',
        tail: (shown, total) => (shown < total ? `\n\n_Showing ${(0,truncate/* formatCount */.B4)(shown)} of ${(0,truncate/* formatCount */.B4)(total)} failing tests._` : ''),
        limit: truncate/* CHECK_RUN_TEXT_LIMIT */.Zo,
    });
    return composed.text;
}
/**
 * Renders the check run of one gate. The summary starts with the hidden results
 * block (for the app), then counts and the most important findings that fit within
 * 65,535 characters and bytes, with "showing N of M" when some do not.
 */
function renderCheckRun(gate, options = {}) {
    return renderOrderedCheckRun({ gate, findings: orderByImportance(gate.diagnostics) }, options);
}
/** {@link renderCheckRun} of a gate whose findings are already in importance order (see `orderRun`). */
function renderOrderedCheckRun({ gate, findings: ordered }, options = {}) {
    const { annotations, dropped, unanchored } = planAnnotations(ordered, options.maxAnnotations);
    const counts = { annotations: annotations.length, dropped, unanchored };
    const block = encodeResultsBlock(resultsOf(gate, options.sha));
    const composed = (0,truncate/* composeWithinLimit */.Jf)({
        head: `${block}\n${summaryHead(gate, counts, options)}\n`,
        items: findingItems(ordered),
        tail: showingNote,
        limit: truncate/* CHECK_RUN_TEXT_LIMIT */.Zo,
    });
    const text = renderText(gate);
    return {
        name: checkRunName(gate.gate),
        gate: gate.gate,
        conclusion: conclusionForGate(gate.status),
        output: { title: checkRunTitle(gate), summary: composed.text, ...(text ? { text } : {}) },
        annotations,
        annotationsDropped: counts.dropped,
        unanchored,
    };
}
/**
 * The writes that post a plan, fewest first: the first request carries the first 50
 * annotations, each further PATCH 50 more and resends title, summary and text (a
 * PATCH replaces the whole output), and the last one completes the run. N findings
 * cost max(1, ceil(N / 50)) writes. With `existing`, every write is a PATCH of that run.
 */
function planCheckRunWrites(plan, options) {
    const now = (options.now ?? (() => new Date()))().toISOString();
    const batches = batchAnnotations(plan.annotations);
    if (batches.length === 0)
        batches.push([]);
    const output = (batch) => ({ ...plan.output, ...(batch.length > 0 ? { annotations: batch } : {}) });
    const detailsUrl = options.detailsUrl && /^https?:\/\/\S+$/.test(options.detailsUrl) ? options.detailsUrl : undefined;
    return batches.map((batch, i) => {
        const last = i === batches.length - 1;
        const completion = last ? { status: 'completed', conclusion: plan.conclusion, completed_at: now } : {};
        if (i === 0 && !options.existing) {
            return {
                kind: 'create',
                body: {
                    name: plan.name,
                    head_sha: options.headSha,
                    status: 'in_progress',
                    started_at: options.startedAt ?? now,
                    ...(detailsUrl ? { details_url: detailsUrl } : {}),
                    ...(options.externalId ? { external_id: options.externalId } : {}),
                    ...completion,
                    output: output(batch),
                },
            };
        }
        return {
            kind: 'update',
            body: { ...(i === 0 && detailsUrl ? { details_url: detailsUrl } : {}), ...completion, output: output(batch) },
        };
    });
}


/***/ }),

/***/ 535:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F6: () => (/* binding */ findingListItem),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   V3: () => (/* binding */ anchorPath)
/* harmony export */ });
/* unused harmony exports LIST_MESSAGE_CHARS, locationOf */
/* harmony import */ var _pipeline_repo_path_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(410);
/* harmony import */ var _importance_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3622);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2817);



/** Characters of a message shown in a list; the annotation carries the rest. */
const LIST_MESSAGE_CHARS = 400;
/** A link target we are willing to render: http(s) only, nothing that could break the link syntax. */
function safeUrl(url) {
    if (!url)
        return undefined;
    return /^https?:\/\/[^\s<>()"'`]+$/.test(url) && url.length <= 2000 ? url : undefined;
}
/**
 * The repo-relative path GitHub accepts for annotations and review comments, or
 * undefined when the finding cannot be anchored to a file (no path, absolute, or
 * outside the repository). Paths are normalized upstream; this is the last guard
 * so that a `\` can never reach GitHub (where the annotation would silently vanish).
 */
function anchorPath(path) {
    if (!path)
        return undefined;
    const slashed = path.trim().replace(/\\/g, '/');
    // Absolute paths mean the producer could not relativize them: never guess.
    if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed))
        return undefined;
    const p = (0,_pipeline_repo_path_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeRelative */ .iQ)(slashed);
    if (p === '' || p === '.' || p.startsWith('/') || /^[A-Za-z]:/.test(p))
        return undefined;
    if (p === '..' || p.startsWith('../') || p.includes('\\'))
        return undefined;
    return p;
}
/** `src/app.py:12:5`, `src/app.py:12-14`, or `''` for a finding not about a file. */
function locationOf(d) {
    const path = anchorPath(d.path) ?? d.path.replace(/\\/g, '/');
    if (!path)
        return '';
    const line = d.range.start.line;
    const end = d.range.end?.line;
    if (end !== undefined && end > line)
        return `${path}:${line}-${end}`;
    return d.range.start.column ? `${path}:${line}:${d.range.start.column}` : `${path}:${line}`;
}
function clip(text, max) {
    const chars = Array.from(text);
    return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
/**
 * `- ❌ `src/app.py:3:8` **F401** `os` imported but unused ([docs](url))`
 * Message and hint are escaped (tool output is untrusted) and clipped.
 */
function findingListItem(d, options = {}) {
    const location = locationOf(d);
    const where = location ? `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .SS)(location)} ` : '';
    const rule = options.showSource ? `${d.source} ${d.rule}` : d.rule;
    const url = safeUrl(d.url);
    const ruleText = url ? `[${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(rule)}](${url})` : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(rule);
    const message = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(clip((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(d.message), LIST_MESSAGE_CHARS));
    const hint = d.hint ? ` — ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(clip((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(d.hint), 200))}` : '';
    return `- ${(0,_importance_js__WEBPACK_IMPORTED_MODULE_2__/* .severityIcon */ .PE)(d)} ${where}**${ruleText}** ${message}${hint}`;
}


/***/ }),

/***/ 4757:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ GATE_STATUS_ICON),
/* harmony export */   z: () => (/* binding */ severityPhrase)
/* harmony export */ });
/* harmony import */ var _pipeline_diagnostic_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9343);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2817);
/**
 * The words and icons a gate's result is shown with, the same in its check run, the job
 * summary and the pull request review.
 */


/** A gate's status at a glance. */
const GATE_STATUS_ICON = { passed: '✅', failed: '❌', error: '💥', skipped: '⏭️', cancelled: '⏹️' };
/** `2 errors, 1 warning, 3 notes`; `''` when there are none. */
function severityPhrase(diagnostics) {
    const c = (0,_pipeline_diagnostic_js__WEBPACK_IMPORTED_MODULE_0__/* .countBySeverity */ .Ot)(diagnostics);
    const parts = [];
    if (c.error)
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(c.error, 'error'));
    if (c.warning)
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(c.warning, 'warning'));
    if (c.info)
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(c.info, 'note'));
    return parts.join(', ');
}


/***/ }),

/***/ 3622:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $c: () => (/* binding */ importanceHeading),
/* harmony export */   AD: () => (/* binding */ orderByImportance),
/* harmony export */   PE: () => (/* binding */ severityIcon),
/* harmony export */   Zy: () => (/* binding */ isTestFailure),
/* harmony export */   ul: () => (/* binding */ topRank),
/* harmony export */   yS: () => (/* binding */ orderRun)
/* harmony export */ });
/* unused harmony exports IMPORTANCE_HEADINGS, importanceRank, compareByImportance, mergeByImportance */
/** True for a finding that stands for a failing or erroring test. */
function isTestFailure(d) {
    return d.rule === 'test.failed' || d.rule === 'test.error';
}
/** The importance classes, most important first, with the heading each is shown under. */
const IMPORTANCE_HEADINGS = ['Failing tests', 'Errors', 'Warnings', 'Notes'];
/** 0 = most important: failing tests, errors, warnings, notes. */
function importanceRank(d) {
    if (isTestFailure(d))
        return 0;
    if (d.severity === 'error')
        return 1;
    if (d.severity === 'warning')
        return 2;
    return 3;
}
/** The heading a finding is listed under. */
function importanceHeading(d) {
    return IMPORTANCE_HEADINGS[importanceRank(d)];
}
/** Importance, then path, line, column and rule: a total order, so every renderer lists the same findings first. */
function compareByImportance(a, b) {
    return (importanceRank(a) - importanceRank(b) ||
        (a.path === b.path ? 0 : a.path < b.path ? -1 : 1) ||
        a.range.start.line - b.range.start.line ||
        (a.range.start.column ?? 0) - (b.range.start.column ?? 0) ||
        (a.rule === b.rule ? 0 : a.rule < b.rule ? -1 : 1));
}
/** Findings ordered most important first (see {@link compareByImportance}); a new array. */
function orderByImportance(diagnostics) {
    return [...diagnostics].sort(compareByImportance);
}
/**
 * Merges lists that are each in importance order into one, preferring the earlier list
 * on a tie: the same result as a (stable) sort of their concatenation, in O(n log k)
 * comparisons instead of a sort.
 */
function mergeByImportance(lists) {
    const out = [];
    const heads = lists.map(() => 0);
    // A binary heap of list indexes keyed by each list's head; k is the number of gates, small.
    const heap = [];
    const less = (a, b) => {
        const c = compareByImportance(lists[a][heads[a]], lists[b][heads[b]]);
        return c < 0 || (c === 0 && a < b);
    };
    const swap = (i, j) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
    const up = (i) => {
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!less(heap[i], heap[parent]))
                return;
            swap(i, parent);
            i = parent;
        }
    };
    const down = (i) => {
        for (;;) {
            const l = 2 * i + 1;
            const r = l + 1;
            let best = i;
            if (l < heap.length && less(heap[l], heap[best]))
                best = l;
            if (r < heap.length && less(heap[r], heap[best]))
                best = r;
            if (best === i)
                return;
            swap(i, best);
            i = best;
        }
    };
    lists.forEach((list, i) => {
        if (list.length > 0) {
            heap.push(i);
            up(heap.length - 1);
        }
    });
    while (heap.length > 0) {
        const i = heap[0];
        out.push(lists[i][heads[i]]);
        heads[i] += 1;
        if (heads[i] >= lists[i].length) {
            const last = heap.pop();
            if (heap.length === 0)
                break;
            heap[0] = last;
        }
        down(0);
    }
    return out;
}
/** Sorts each gate's findings once; the run-wide list is merged from them, not sorted again. */
function orderRun(run) {
    const gates = run.gates.map((gate) => ({ gate, findings: orderByImportance(gate.diagnostics) }));
    return { run, gates, findings: mergeByImportance(gates.map((g) => g.findings)) };
}
/** The rank of a set's most important finding (4 when there is none), for ordering gates. */
function topRank(diagnostics) {
    let best = IMPORTANCE_HEADINGS.length;
    for (const d of diagnostics)
        best = Math.min(best, importanceRank(d));
    return best;
}
/** Emoji users recognise at a glance. */
function severityIcon(d) {
    return d.severity === 'error' ? '❌' : d.severity === 'warning' ? '⚠️' : 'ℹ️';
}


/***/ }),

/***/ 2817:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Q_: () => (/* binding */ longestRun),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   VV: () => (/* binding */ escapeInline),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   h8: () => (/* binding */ htmlCode),
/* harmony export */   xR: () => (/* binding */ tableCell),
/* harmony export */   zW: () => (/* binding */ fencedBlock)
/* harmony export */ });
/* harmony import */ var _pipeline_format_count_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3445);
/**
 * Markdown helpers for text that comes from outside (tool output, spec text, file
 * paths). Everything a tool prints is untrusted: it must not open HTML, forge our
 * hidden markers, ping people with @mentions or break out of a code span or table.
 */

/**
 * Escapes text for inline Markdown: emphasis, links, headings, HTML and mentions
 * render literally. `<` becomes `&lt;`, so a tool message can never contain a
 * `<!-- spec-automation… -->` marker of its own.
 */
function escapeInline(text) {
    return text
        .replace(/[\\`*_{}[\]()#+!|~>]/g, '\\$&')
        .replace(/</g, '&lt;')
        .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}
/**
 * Escapes text for the inside of an HTML block (`<details><summary>…</summary>`). GitHub
 * does not read Markdown there, so backslash escapes and code spans do not protect
 * anything: only HTML escaping does. @mentions are broken as in {@link escapeInline}
 * (GitHub links them in HTML text too).
 */
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}
/** Code inside an HTML block: `<code>` with the text on one line, HTML-escaped. */
function htmlCode(text) {
    return `<code>${escapeHtml(oneLine(text))}</code>`;
}
/** Collapses whitespace and newlines: one finding, one line. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** Longest run of `char` in `text` (0 when absent). */
function longestRun(text, char) {
    let longest = 0;
    let current = 0;
    for (const c of text) {
        current = c === char ? current + 1 : 0;
        if (current > longest)
            longest = current;
    }
    return longest;
}
/** An inline code span that survives backticks inside `text`. */
function codeSpan(text) {
    const flat = text.replace(/[\r\n]+/g, ' ');
    const ticks = '`'.repeat(longestRun(flat, '`') + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
    return `${ticks}${pad}${flat}${pad}${ticks}`;
}
/**
 * A fenced code block whose fence is longer than any backtick run inside, so the
 * content cannot close it early (GitHub's rule for suggestion blocks too).
 */
function fencedBlock(text, info = '') {
    const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
    const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
    return `${fence}${info}\n${body}${fence}`;
}
/** Text for a Markdown table cell: no pipes, no newlines. */
function tableCell(text) {
    return escapeInline(oneLine(text));
}
/** Singular or plural with the count: `1 error`, `5,000 errors`. */
function plural(count, singular, pluralForm = `${singular}s`) {
    return `${(0,_pipeline_format_count_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B)(count)} ${count === 1 ? singular : pluralForm}`;
}
/** `1.2 s`, `340 ms`, `2 min 5 s`. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const seconds = ms / 1000;
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    const minutes = Math.floor(seconds / 60);
    return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}


/***/ }),

/***/ 5154:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* reexport safe */ _pipeline_format_count_js__WEBPACK_IMPORTED_MODULE_0__.B),
/* harmony export */   Bm: () => (/* binding */ truncatePlain),
/* harmony export */   Im: () => (/* binding */ ANNOTATION_TEXT_LIMIT),
/* harmony export */   Jf: () => (/* binding */ composeWithinLimit),
/* harmony export */   Zo: () => (/* binding */ CHECK_RUN_TEXT_LIMIT),
/* harmony export */   dp: () => (/* binding */ byteLength),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   tx: () => (/* binding */ COMMENT_BODY_LIMIT),
/* harmony export */   zS: () => (/* binding */ JOB_SUMMARY_LIMIT)
/* harmony export */ });
/* unused harmony exports HEADROOM_BYTES, fits, shrink, prefixWithin, openFenceAfter */
/* harmony import */ var _pipeline_format_count_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3445);
/**
 * Byte-safe truncation. GitHub limits check-run summaries to 65,535 characters AND
 * 65,535 UTF-8 bytes, job summaries to 1 MiB; emoji and CJK cost 3–4 bytes each, so
 * every limit here is measured with Buffer.byteLength, never with `.length` alone.
 */
/** output.summary and output.text of a check run. */
const CHECK_RUN_TEXT_LIMIT = { maxBytes: 65_535, maxChars: 65_535 };
/** An annotation's message or raw_details ("64 KB"). */
const ANNOTATION_TEXT_LIMIT = { maxBytes: 65_535, maxChars: 65_535 };
/** One step's job summary (GITHUB_STEP_SUMMARY, 1 MiB). */
const JOB_SUMMARY_LIMIT = { maxBytes: 1024 * 1024, maxChars: 1024 * 1024 };
/** A review or comment body (GitHub rejects bodies above 65,536 characters). */
const COMMENT_BODY_LIMIT = { maxBytes: 65_535, maxChars: 65_535 };
/** Bytes kept free below every limit, as reviewdog does, against off-by-one surprises. */
const HEADROOM_BYTES = 16;
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** True when `text` is within both limits. */
function fits(text, limit) {
    return text.length <= limit.maxChars && byteLength(text) <= limit.maxBytes;
}
/** The limit minus `bytes` on both axes (never below 0). */
function shrink(limit, bytes) {
    return { maxBytes: Math.max(0, limit.maxBytes - bytes), maxChars: Math.max(0, limit.maxChars - bytes) };
}
/** The cost of `text` against a limit: whichever axis is tighter. */
function cost(text) {
    return Math.max(text.length, byteLength(text));
}
/**
 * Longest prefix of `text` within the limit, cut at a code point boundary (never
 * half a surrogate pair, so never an invalid UTF-8 sequence).
 */
function prefixWithin(text, limit) {
    if (fits(text, limit))
        return text;
    let bytes = 0;
    let chars = 0;
    let end = 0;
    for (const ch of text) {
        const b = byteLength(ch);
        if (bytes + b > limit.maxBytes || chars + ch.length > limit.maxChars)
            break;
        bytes += b;
        chars += ch.length;
        end += ch.length;
    }
    return text.slice(0, end);
}
/** Cuts plain text (one field, not Markdown) to the limit, ending with `…` when cut. */
function truncatePlain(text, limit, ellipsis = '…') {
    if (fits(text, limit))
        return text;
    return prefixWithin(text, shrink(limit, byteLength(ellipsis))) + ellipsis;
}
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** Tracks the Markdown a cut must close: an open code fence and open `<details>`. */
class OpenBlocks {
    fence;
    details = 0;
    /** Feeds one line (CommonMark fence rules, simplified). */
    push(line) {
        const m = FENCE_LINE.exec(line);
        if (m) {
            const run = m[1];
            const char = run[0];
            if (!this.fence) {
                // A backtick fence's info string may not contain backticks.
                if (!(char === '`' && m[2].includes('`')))
                    this.fence = { char, length: run.length };
            }
            else if (char === this.fence.char && run.length >= this.fence.length && m[2].trim() === '') {
                this.fence = undefined;
            }
            return;
        }
        if (this.fence)
            return;
        this.details += (line.match(/<details[\s>]/g) ?? []).length;
        this.details = Math.max(0, this.details - (line.match(/<\/details>/g) ?? []).length);
    }
    /** What closes everything still open, starting with a newline. */
    closers() {
        let out = this.fence ? `\n${this.fence.char.repeat(this.fence.length)}` : '';
        for (let i = 0; i < this.details; i++)
            out += '\n</details>';
        return out;
    }
    clone() {
        const c = new OpenBlocks();
        c.fence = this.fence;
        c.details = this.details;
        return c;
    }
}
/** The code fence still open after `lines`, if any. */
function openFenceAfter(lines) {
    const state = new OpenBlocks();
    for (const line of lines)
        state.push(line);
    return state.fence;
}
/**
 * Cuts Markdown to the limit on a line boundary, closes a code fence (and
 * `<details>`) left open by the cut, and appends `notice` (e.g. "showing 40 of
 * 5,000"). Returns `text` unchanged when it already fits.
 */
function truncateMarkdown(text, limit, notice = '\n\n_…truncated_') {
    if (fits(text, limit))
        return text;
    const budget = Math.min(limit.maxBytes, limit.maxChars) - HEADROOM_BYTES;
    const lines = text.split('\n');
    const state = new OpenBlocks();
    const noticeCost = cost(notice);
    let keptCount = 0;
    let used = 0;
    let closing = '';
    for (const line of lines) {
        const next = used + cost(line) + (keptCount > 0 ? 1 : 0);
        const after = state.clone();
        after.push(line);
        const close = after.closers();
        if (next + cost(close) + noticeCost > budget)
            break;
        state.push(line);
        keptCount += 1;
        used = next;
        closing = close;
    }
    if (keptCount === 0) {
        // A single line longer than the whole budget: cut inside it.
        const room = Math.max(0, budget - noticeCost - 16);
        const first = prefixWithin(lines[0] ?? '', { maxBytes: room, maxChars: room });
        const state1 = new OpenBlocks();
        state1.push(first);
        return first + state1.closers() + notice;
    }
    return lines.slice(0, keptCount).join('\n') + closing + notice;
}
/**
 * Builds `head + items + tail` within the limit, keeping items in order and stopping
 * at the first one that does not fit, so "showing N of M" is exact and the most
 * important items (put first by the caller) are the ones kept. `tail(shown, total)`
 * renders the footer. Items are joined with `separator`.
 */
function composeWithinLimit(options) {
    const { items, tail, separator = '\n' } = options;
    const budget = shrink(options.limit, HEADROOM_BYTES);
    const total = items.length;
    // Room for the widest footer we could need (a footer usually appears only when
    // items are dropped; its numbers change its size by a few digits, hence the slack).
    const tailReserve = Math.max(cost(tail(total, total)), cost(tail(0, total)), cost(tail(Math.max(0, total - 1), total))) + 16;
    const head = fits(options.head, shrink(budget, tailReserve))
        ? options.head
        : truncateMarkdown(options.head, shrink(budget, tailReserve));
    let used = cost(head);
    const kept = [];
    for (const item of items) {
        const add = cost(item) + cost(separator);
        if (used + add + tailReserve > Math.min(budget.maxBytes, budget.maxChars))
            break;
        kept.push(item);
        used += add;
    }
    const body = kept.length > 0 ? head + separator + kept.join(separator) : head;
    return { text: body + tail(kept.length, total), shown: kept.length, total };
}



/***/ })

};
