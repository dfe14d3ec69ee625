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
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9393);
/* harmony import */ var _tool_path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1217);


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
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('The regex parser needs a `pattern`.', 'Set gates.<name>.pattern, e.g. "^(?<file>[^:]+):(?<line>\\\\d+):(?<column>\\\\d+): (?<message>.+)$".');
    }
    let regex;
    try {
        regex = new RegExp(pattern);
    }
    catch (error) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._(`The regex pattern is invalid: ${error instanceof Error ? error.message : String(error)}.`, 'Fix gates.<name>.pattern (JavaScript regular expression syntax).');
    }
    if (!/\(\?<message>/.test(pattern)) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('The regex pattern has no named group `message`.', 'Add (?<message>…) to gates.<name>.pattern; `file`, `line`, `column`, `severity` and `code` are optional.');
    }
    return regex;
}
/** The `regex` parser: `pattern` from the gate's configuration. */
const parseRegex = (output, context) => {
    const regex = compilePattern(context.gate.pattern);
    const text = output.report ?? `${output.stdout}\n${output.stderr}`;
    const diagnostics = [];
    for (const rawLine of text.replace(ANSI, '').split(/\r?\n/)) {
        const groups = regex.exec(rawLine)?.groups;
        const message = groups?.message?.trim();
        if (!groups || !message)
            continue;
        const line = positive(groups.line) ?? 1;
        const where = (0,_tool_path_js__WEBPACK_IMPORTED_MODULE_1__/* .locatePath */ .o)(groups.file, context, positive(groups.line));
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

/***/ 1217:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ locatePath)
/* harmony export */ });
/* harmony import */ var _pipeline_repo_path_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(410);
/**
 * Maps a path printed by a tool to a repo-relative path. A finding outside the
 * repository (another drive, the standard library) cannot be annotated on a file, so it
 * keeps its original path in the message instead of being dropped.
 */

/**
 * @param line the line the tool named, kept in the message when the file is outside the
 *   repository (the diagnostic itself then has no file to point into)
 */
function locatePath(toolPath, context, line) {
    if (!toolPath)
        return { path: '', outsidePrefix: '' };
    const path = (0,_pipeline_repo_path_js__WEBPACK_IMPORTED_MODULE_0__/* .toRepoPath */ .x)(toolPath, context.root, context.cwd);
    if (path !== undefined)
        return { path, outsidePrefix: '' };
    return { path: '', outsidePrefix: line === undefined ? `${toolPath}: ` : `${toolPath}:${line}: ` };
}


/***/ })

};
