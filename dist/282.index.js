export const id = 282;
export const ids = [282];
export const modules = {

/***/ 1282:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1267);
/**
 * The Octokit the action uses: @octokit/rest with @octokit/plugin-retry and
 * @octokit/plugin-throttling (the Actions toolkit's Octokit has neither; Probot's
 * has both, so the app does not use this file).
 *
 * Rate limits (shared/reference/github-and-gates.md, rule 17): writes are serialized
 * about one per second by the throttling plugin; a secondary rate limit waits
 * `retry-after` (else 60 s), a primary one waits until `x-ratelimit-reset` (403 or 429
 * either way), and server errors (5xx) back off 1, 4, 9 s. A 429 that is neither is
 * not retried: it surfaces as a rate-limit error with GitHub's message. `waits: 'none'` keeps all
 * of that logic but sleeps 0 ms, for tests.
 */



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
    return new RetryingOctokit({
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
}


/***/ })

};
