export const id = 737;
export const ids = [737];
export const modules = {

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
    const where = (0,_tool_path_js__WEBPACK_IMPORTED_MODULE_2__/* .locatePath */ .oV)((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(item.filename), context, start.line);
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
    const diagnostics = [];
    (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonArrayItems */ .Ur)(output.stdout, 'ruff', (item) => diagnostics.push(toDiagnostic(item, context)));
    return { diagnostics };
};


/***/ })

};
