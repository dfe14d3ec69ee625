export const id = 239;
export const ids = [239];
export const modules = {

/***/ 9619:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   dl: () => (/* binding */ parseJsonOutput),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9393);
/**
 * Finds the JSON document in a tool's stdout. Tools print banners or blank lines around
 * it (basedpyright starts with a blank line), so parse from the first line that opens a
 * value of the expected kind.
 */

/** The JSON value a tool printed; throws {@link ToolOutputError} when there is none. */
function parseJsonOutput(text, tool, opener) {
    if (text.trim() === '') {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._(`${tool} printed nothing on stdout, where its JSON report was expected.`, 'Run the command by hand to see what went wrong.');
    }
    const lines = text.split(/\r?\n/);
    const first = lines.findIndex((l) => l.trimStart().startsWith(opener));
    if (first === -1) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._(`${tool} did not print a JSON report (no line starts with "${opener}").`, 'Check that the command line still has the JSON output flag.');
    }
    const json = lines.slice(first).join('\n');
    try {
        return JSON.parse(json);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._(`${tool} printed JSON that cannot be parsed (${reason}); the output may be truncated.`);
    }
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
// EXTERNAL MODULE: ./lib/pipeline/repo-path.js
var repo_path = __webpack_require__(410);
// EXTERNAL MODULE: ./lib/gates/types.js
var types = __webpack_require__(9393);
// EXTERNAL MODULE: ./lib/gates/parsers/json-output.js
var json_output = __webpack_require__(9619);
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
        const path = (0,repo_path/* toRepoPath */.x)(match[1], context.root, context.cwd);
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
    const file = rawFile === undefined ? undefined : (0,repo_path/* toRepoPath */.x)(rawFile, context.root, context.cwd);
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


/***/ })

};
