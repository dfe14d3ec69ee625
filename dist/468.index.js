export const id = 468;
export const ids = [468];
export const modules = {

/***/ 6468:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compilePattern: () => (/* binding */ compilePattern),
/* harmony export */   parseRegex: () => (/* binding */ parseRegex)
/* harmony export */ });
/* harmony import */ var _pipeline_linear_regex_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2350);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9393);
/* harmony import */ var _tool_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1217);



// eslint-disable-next-line no-control-regex -- colour codes are control characters by definition
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
function severityOf(text) {
    if (!text)
        return 'error';
    if (/^(warn|warning)$/i.test(text))
        return 'warning';
    if (/^(note|info|information|notice|hint)$/i.test(text))
        return 'info';
    return 'error';
}
function positive(text) {
    if (text === undefined)
        return undefined;
    const n = Number(text);
    return Number.isInteger(n) && n >= 1 ? n : undefined;
}
/** Compiles the gate's pattern, with a located error when it is missing or invalid. */
function compilePattern(pattern) {
    if (!pattern) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ToolOutputError */ ._('The regex parser needs a `pattern`.', 'Set gates.<name>.pattern, e.g. "^(?<file>[^:]+):(?<line>\\\\d+):(?<column>\\\\d+): (?<message>.+)$".');
    }
    let regex;
    try {
        regex = (0,_pipeline_linear_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linearRegex */ .t$)(pattern);
    }
    catch (error) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ToolOutputError */ ._(`The regex pattern is invalid: ${error instanceof Error ? error.message : String(error)}`, 'Fix gates.<name>.pattern (JavaScript regular expression syntax, without lookaround or backreferences).');
    }
    if (!/\(\?<message>/.test(pattern)) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ToolOutputError */ ._('The regex pattern has no named group `message`.', 'Add (?<message>…) to gates.<name>.pattern; `file`, `line`, `column`, `severity` and `code` are optional.');
    }
    return regex;
}
/** The `regex` parser: `pattern` from the gate's configuration. */
const parseRegex = (output, context) => {
    const regex = compilePattern(context.gate.pattern);
    const text = output.report ?? `${output.stdout}\n${output.stderr}`;
    const diagnostics = [];
    for (const rawLine of text.replace(ANSI, '').split(/\r?\n/)) {
        const groups = (0,_pipeline_linear_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .execLinear */ .Lt)(regex, rawLine)?.groups;
        const message = groups?.message?.trim();
        if (!groups || !message)
            continue;
        const line = positive(groups.line) ?? 1;
        const where = (0,_tool_path_js__WEBPACK_IMPORTED_MODULE_2__/* .locatePath */ .oV)(groups.file, context, positive(groups.line));
        const column = positive(groups.column);
        const endLine = positive(groups.endLine);
        const endColumn = positive(groups.endColumn);
        const start = column === undefined ? { line } : { line, column };
        const range = endLine !== undefined && endLine >= line ? { start, end: endColumn === undefined ? { line: endLine } : { line: endLine, column: endColumn } } : { start };
        diagnostics.push({
            source: context.source,
            path: where.path,
            range: where.path ? range : { start: { line: 1 } },
            severity: severityOf(groups.severity),
            rule: groups.code?.trim() || context.source,
            message: `${where.outsidePrefix}${message}`,
        });
    }
    return { diagnostics };
};


/***/ }),

/***/ 2350:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Rp: () => (/* binding */ execAll),
  Lt: () => (/* binding */ execLinear),
  hl: () => (/* binding */ groupCount),
  t$: () => (/* binding */ linearRegex)
});

// UNUSED EXPORTS: MAX_MATCHED_CHARS, PatternError, testLinear

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./lib/pipeline/re2-location.js
/**
 * Tells re2-wasm where its `re2.wasm` is when it runs inside the action's bundle.
 * Its Emscripten loader looks next to `__dirname`, which a CommonJS module has and the
 * bundle (ncc's ES-module output, `dist/*.index.js`) does not: there the free
 * `__dirname` resolves to the global, set here to the bundle's directory, where the
 * build copies `re2.wasm`. Outside the bundle re2-wasm is a CommonJS module with its own
 * `__dirname`, which shadows the global, so this changes nothing. Imported by
 * linear-regex.ts before re2-wasm, so it runs first.
 */


const scope = globalThis;
if (scope.__dirname === undefined && import.meta.url.startsWith('file:'))
    scope.__dirname = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));

// EXTERNAL MODULE: ./node_modules/re2-wasm/build/src/re2.js
var re2 = __webpack_require__(2771);
// EXTERNAL MODULE: ./lib/pipeline/errors.js
var errors = __webpack_require__(6687);
;// CONCATENATED MODULE: ./lib/pipeline/linear-regex.js
/**
 * Regular expressions that run in linear time, for every pattern a user or the model
 * supplies (the agent's `search`, a gate's `regex` parser, `traceability.patterns`).
 * JavaScript's engine backtracks: `^(a|a)*b` on 31 characters took 10.6 s and doubles
 * per character, and nothing can interrupt it on the event loop. RE2 (Google's, compiled
 * to WebAssembly by `re2-wasm`, so it bundles into the action and runs on Windows) never
 * backtracks; the price is that lookaround and backreferences do not exist, which the
 * error says.
 *
 * re2-wasm's heap is a fixed 16 MiB and each compiled pattern lives in it until freed,
 * so compiled patterns are kept in a small cache and freed when evicted, and callers cap
 * the text they match (a line, not a file).
 */



/** A pattern that RE2 cannot compile, with what to change. */
class PatternError extends errors/* SpecAutomationError */.lU {
    name = 'PatternError';
}
/** Longest text one match call gets: far below the heap, far above any line worth searching. */
const MAX_MATCHED_CHARS = 1_000_000;
const CACHE_SIZE = 128;
const cache = new Map();
function free(re) {
    // The embind handle of the compiled pattern; without delete() it stays in the wasm heap.
    re.wrapper?.delete?.();
}
function explain(pattern, error) {
    const raw = error instanceof Error ? error.message : String(error);
    const why = raw.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    const hint = /perl operator: \(\?[=!<]/.test(why)
        ? ' Lookahead and lookbehind are not supported (patterns run in linear time, with RE2): match the surrounding text instead.'
        : /escape sequence: \\[1-9]/.test(why)
            ? ' Backreferences are not supported (patterns run in linear time, with RE2).'
            : '';
    return new PatternError(`The pattern ${JSON.stringify(pattern.length > 200 ? `${pattern.slice(0, 200)}…` : pattern)} is not a valid regular expression: ${why}.${hint}`, { cause: error });
}
/**
 * The compiled linear-time form of `pattern` (JavaScript syntax, named groups
 * `(?<name>…)` included). Flags: `i`, `g`, `m`, `s`. Throws a {@link PatternError}.
 * The returned object is shared: use it synchronously (a `g` pattern's `lastIndex` is
 * reset by {@link execAll}) and do not keep it past the call.
 */
function linearRegex(pattern, flags = '') {
    const key = `${flags}/${pattern}`;
    const hit = cache.get(key);
    if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
    }
    let re;
    try {
        re = new re2/* RE2 */.U(pattern, `${flags.replace(/[^gims]/g, '')}u`);
    }
    catch (error) {
        throw explain(pattern, error);
    }
    cache.set(key, re);
    if (cache.size > CACHE_SIZE) {
        const [oldestKey, oldest] = cache.entries().next().value;
        cache.delete(oldestKey);
        free(oldest);
    }
    return re;
}
function capped(text) {
    return text.length > MAX_MATCHED_CHARS ? text.slice(0, MAX_MATCHED_CHARS) : text;
}
/** Whether `re` matches `text` (its first {@link MAX_MATCHED_CHARS} characters). */
function testLinear(re, text) {
    re.lastIndex = 0;
    return re.test(capped(text));
}
/** The first match of `re` in `text`, or null. */
function execLinear(re, text) {
    re.lastIndex = 0;
    return re.exec(capped(text));
}
/** Every match of a `g` pattern in `text`, in order (re2-wasm has no matchAll). */
function execAll(re, text) {
    if (!re.global) {
        const one = execLinear(re, text);
        return one ? [one] : [];
    }
    const input = capped(text);
    const out = [];
    re.lastIndex = 0;
    for (let m = re.exec(input); m; m = re.exec(input)) {
        out.push(m);
        // An empty match would match again at the same place forever.
        if (m[0] === '')
            re.lastIndex = m.index + 1;
        if (re.lastIndex > input.length)
            break;
    }
    re.lastIndex = 0;
    return out;
}
/** How many capture groups `re` has (named ones included). */
function groupCount(pattern, flags = '') {
    const m = execLinear(linearRegex(`${pattern}|`, flags.replace('g', '')), '');
    return m ? m.length - 1 : 0;
}


/***/ })

};
