export const id = 282;
export const ids = [282];
export const modules = {

/***/ 1282:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   plainTooManyRequestsWait: () => (/* binding */ plainTooManyRequestsWait)
/* harmony export */ });
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3648);
/**
 * The Octokit the action uses: @octokit/rest with @octokit/plugin-retry and
 * @octokit/plugin-throttling (the Actions toolkit's Octokit has neither; Probot's
 * has both, so the app does not use this file).
 *
 * Rate limits (shared/reference/github-and-gates.md, rule 17): writes are serialized
 * about one per second by the throttling plugin; a secondary rate limit waits
 * `retry-after` (else 60 s), a primary one waits until `x-ratelimit-reset` (403 or 429
 * either way), and server errors (5xx) back off 1, 4, 9 s. A 429 that is neither (no
 * "secondary rate limit" message, quota not exhausted) is still "too many requests": it
 * waits `retry-after`, else 60 s doubling, like a secondary limit. `waits: 'none'` keeps
 * all of that logic but sleeps 0 ms, for tests.
 */



/** Request options that are not parameters or body: left as they are. */
const REQUEST_META = new Set(['method', 'url', 'baseUrl', 'headers', 'request', 'mediaType']);
const RetryingOctokit = _octokit_rest__WEBPACK_IMPORTED_MODULE_0__/* .Octokit */ .E.plugin(_octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
/** A Bottleneck group stand-in that never delays: `waits: 'none'` only. */
const noSpacing = {
    key: () => ({ schedule: (_options, fn, ...args) => Promise.resolve(fn(...args)) }),
};
/**
 * Builds the action's Octokit: retry, throttling, and rate-limit handling that
 * honours GitHub's headers.
 */
function createGitHubClient(options) {
    const instant = options.waits === 'none';
    const secondaryRetries = options.secondaryRetries ?? 3;
    const maxPrimaryWait = options.maxPrimaryWaitSeconds ?? 900;
    const report = (kind, retryAfter, o, retryCount, willRetry) => {
        options.onRateLimit?.({ kind, method: o.method, url: o.url, retryAfterSeconds: retryAfter, retryCount, willRetry });
        return willRetry;
    };
    const warn = options.warn ?? (() => undefined);
    const client = new RetryingOctokit({
        auth: options.auth,
        ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
        userAgent: options.userAgent ?? 'spec-automation',
        log: { debug: () => undefined, info: () => undefined, warn, error: warn },
        request: options.fetch ? { fetch: options.fetch } : {},
        // 429 is left to the throttling plugin, which honours retry-after; plugin-retry would
        // retry it after its own 1/4/9 s backoff and ignore what GitHub asked for.
        retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], ...(instant ? { retryAfterBaseValue: 0 } : {}) },
        throttle: {
            onRateLimit: (retryAfter, o, _octokit, retryCount) => report('primary', retryAfter, o, retryCount, retryCount < 1 && retryAfter <= maxPrimaryWait),
            onSecondaryRateLimit: (retryAfter, o, _octokit, retryCount) => report('secondary', retryAfter, o, retryCount, retryCount < secondaryRetries),
            ...(instant ? { retryAfterBaseValue: 0, global: noSpacing, write: noSpacing, notifications: noSpacing, search: noSpacing } : {}),
        },
    });
    const redact = options.redact;
    if (redact) {
        client.hook.before('request', (requestOptions) => {
            const fields = requestOptions;
            for (const key of Object.keys(fields))
                if (!REQUEST_META.has(key))
                    fields[key] = redact(fields[key]);
        });
    }
    // Outermost: sees only what the throttling plugin let through.
    client.hook.wrap('request', async (request, requestOptions) => {
        for (let retryCount = 0;; retryCount++) {
            try {
                return await request(requestOptions);
            }
            catch (error) {
                const wait = plainTooManyRequestsWait(error, retryCount);
                if (wait === undefined)
                    throw error;
                const o = { method: String(requestOptions.method), url: String(requestOptions.url) };
                if (!report('secondary', wait, o, retryCount, retryCount < secondaryRetries))
                    throw error;
                if (!instant)
                    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
            }
        }
    });
    return client;
}
/**
 * The wait for a 429 the throttling plugin does not handle: GitHub's `retry-after`, else
 * 60 s doubling per retry. Undefined for any other error, and for a 429 that is a
 * secondary limit (by its message) or an exhausted quota, which the plugin has decided.
 */
function plainTooManyRequestsWait(error, retryCount) {
    const e = error;
    if (e?.status !== 429)
        return undefined;
    if (/\bsecondary rate\b/i.test(e.message ?? '') || e.response?.headers?.['x-ratelimit-remaining'] === '0')
        return undefined;
    const retryAfter = Number(e.response?.headers?.['retry-after']);
    return Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60 * 2 ** retryCount;
}


/***/ })

};
