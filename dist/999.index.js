export const id = 999;
export const ids = [999];
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

/***/ 3999:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePyrightJson: () => (/* binding */ parsePyrightJson)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9393);
/* harmony import */ var _json_output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9619);
/* harmony import */ var _tool_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1217);



const RULE_DOCS = 'https://docs.basedpyright.com/latest/configuration/config-files/';
function severityOf(value) {
    if (value === 'error')
        return 'error';
    if (value === 'information' || value === 'info' || value === 'hint')
        return 'info';
    return 'warning';
}
/** 0-based line/character → 1-based line/column. */
function position(value) {
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(value))
        return undefined;
    const line = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(value.line);
    const character = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(value.character);
    return line === undefined || character === undefined ? undefined : { line: line + 1, column: character + 1 };
}
function toDiagnostic(item, context) {
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(item))
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('basedpyright printed a diagnostic that is not an object.');
    const message = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.message);
    if (message === undefined)
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('basedpyright printed a diagnostic without a message; the output format may have changed.');
    const range = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(item.range) ? item.range : undefined;
    const located = position(range?.start);
    const where = (0,_tool_path_js__WEBPACK_IMPORTED_MODULE_2__/* .locatePath */ .o)((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.file), context, located?.line);
    const start = where.path ? located : undefined;
    const endExclusive = position(range?.end);
    const rule = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.rule);
    const diagnostic = {
        source: context.source,
        path: where.path,
        range: start ? { start } : { start: { line: 1 } },
        severity: severityOf((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.severity)),
        rule: rule ?? 'basedpyright',
        // The first line is the finding; the rest explains it ("int" is not assignable to "str").
        message: `${where.outsidePrefix}${message}`,
    };
    if (start && endExclusive && endExclusive.line >= start.line) {
        const column = endExclusive.line === start.line ? Math.max(start.column, endExclusive.column - 1) : Math.max(1, endExclusive.column - 1);
        diagnostic.range = { start, end: { line: endExclusive.line, column } };
    }
    if (rule)
        diagnostic.url = `${RULE_DOCS}#${rule}`;
    return diagnostic;
}
/** The `basedpyright` parser (pyright's JSON too). */
const parsePyrightJson = (output, context) => {
    const data = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonOutput */ .dl)(output.stdout, 'basedpyright', '{');
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(data) || !Array.isArray(data.generalDiagnostics)) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('basedpyright printed JSON without `generalDiagnostics`; the output format may have changed.');
    }
    const version = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(data.version);
    return {
        diagnostics: data.generalDiagnostics.map((item) => toDiagnostic(item, context)),
        ...(version ? { toolVersion: version } : {}),
    };
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
