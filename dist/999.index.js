export const id = 999;
export const ids = [999];
export const modules = {

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
const ruleUrls = new Map();
/** One string per rule, shared by its findings (10,000 findings name a few dozen rules). */
function ruleUrl(rule) {
    let url = ruleUrls.get(rule);
    if (url === undefined)
        ruleUrls.set(rule, (url = `${RULE_DOCS}#${rule}`));
    return url;
}
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
function toDiagnostic(item, context, intern) {
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(item))
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('basedpyright printed a diagnostic that is not an object.');
    const message = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.message);
    if (message === undefined)
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('basedpyright printed a diagnostic without a message; the output format may have changed.');
    const range = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(item.range) ? item.range : undefined;
    const located = position(range?.start);
    const where = (0,_tool_path_js__WEBPACK_IMPORTED_MODULE_2__/* .locatePath */ .oV)((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.file), context, located?.line);
    const start = where.path ? located : undefined;
    const endExclusive = position(range?.end);
    const rule = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.rule);
    const diagnostic = {
        source: context.source,
        path: where.path,
        range: start ? { start } : { start: { line: 1 } },
        severity: severityOf((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.severity)),
        rule: intern(rule ?? 'basedpyright'),
        // The first line is the finding; the rest explains it ("int" is not assignable to "str").
        message: intern(`${where.outsidePrefix}${message}`),
    };
    if (start && endExclusive && endExclusive.line >= start.line) {
        const column = endExclusive.line === start.line ? Math.max(start.column, endExclusive.column - 1) : Math.max(1, endExclusive.column - 1);
        diagnostic.range = { start, end: { line: endExclusive.line, column } };
    }
    if (rule)
        diagnostic.url = ruleUrl(rule);
    return diagnostic;
}
/** The `basedpyright` parser (pyright's JSON too). */
const parsePyrightJson = (output, context) => {
    const diagnostics = [];
    // Item by item: 10,000 findings never exist as one parsed document beside the text.
    const intern = (0,_tool_path_js__WEBPACK_IMPORTED_MODULE_2__/* .interner */ .og)();
    const data = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonObjectStreaming */ .UJ)(output.stdout, 'basedpyright', 'generalDiagnostics', (item) => diagnostics.push(toDiagnostic(item, context, intern)));
    if (data.generalDiagnostics !== true) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('basedpyright printed JSON without `generalDiagnostics`; the output format may have changed.');
    }
    const version = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(data.version);
    return { diagnostics, ...(version ? { toolVersion: version } : {}) };
};


/***/ })

};
