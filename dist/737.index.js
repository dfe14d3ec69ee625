export const id = 737;
export const ids = [737];
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

/***/ 737:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseRuffJson: () => (/* binding */ parseRuffJson)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9393);
/* harmony import */ var _json_output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9619);
/* harmony import */ var _tool_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1217);



function point(value) {
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(value))
        return undefined;
    const line = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(value.row);
    const column = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(value.column);
    return line === undefined || column === undefined ? undefined : { line, column };
}
/** ruff's end is exclusive; the normalized range's end is inclusive. */
function rangeOf(start, end) {
    if (!end || end.line < start.line)
        return { start };
    const column = end.line === start.line ? Math.max(start.column, end.column - 1) : Math.max(1, end.column - 1);
    return { start, end: { line: end.line, column } };
}
function fixOf(value) {
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(value) || !Array.isArray(value.edits))
        return undefined;
    const applicability = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(value.applicability);
    // display-only fixes are explanations, not edits anyone should apply.
    if (applicability === 'display-only')
        return undefined;
    const edits = [];
    for (const edit of value.edits) {
        if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(edit))
            return undefined;
        const start = point(edit.location);
        const end = point(edit.end_location);
        if (!start || !end)
            return undefined;
        edits.push({ range: { start, end }, newText: (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(edit.content) ?? '' });
    }
    if (edits.length === 0)
        return undefined;
    const message = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(value.message);
    const description = applicability === 'unsafe' ? `${message ?? 'Fix'} (unsafe: review before applying)` : message;
    return description === undefined ? { edits } : { description, edits };
}
function toDiagnostic(item, context) {
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(item))
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('ruff printed a JSON array whose items are not findings.');
    const message = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.message);
    const start = point(item.location);
    if (message === undefined || start === undefined) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('ruff printed a finding without `message` or `location`; the output format may have changed.');
    }
    const end = point(item.end_location);
    const where = (0,_tool_path_js__WEBPACK_IMPORTED_MODULE_2__/* .locatePath */ .o)((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.filename), context, start.line);
    const cell = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(item.cell);
    const code = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.code);
    const diagnostic = {
        source: context.source,
        path: where.path,
        // A notebook's row/column count within a cell; without the cell the line would point at the wrong place.
        range: cell === undefined && where.path ? rangeOf(start, end) : { start: { line: 1 } },
        severity: 'error',
        rule: code ?? 'syntax-error',
        message: `${where.outsidePrefix}${cell === undefined ? '' : `cell ${cell}, line ${start.line}: `}${message}`,
    };
    const url = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.url);
    if (url)
        diagnostic.url = url;
    const fix = cell === undefined ? fixOf(item.fix) : undefined;
    if (fix)
        diagnostic.fix = fix;
    return diagnostic;
}
/** The `ruff` parser. */
const parseRuffJson = (output, context) => {
    const data = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonOutput */ .dl)(output.stdout, 'ruff', '[');
    if (!Array.isArray(data))
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('ruff printed JSON that is not an array of findings.');
    return { diagnostics: data.map((item) => toDiagnostic(item, context)) };
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
