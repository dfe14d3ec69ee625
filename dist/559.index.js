export const id = 559;
export const ids = [559];
export const modules = {

/***/ 9559:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseCachedResult: () => (/* binding */ parseCachedResult)
/* harmony export */ });
/* unused harmony export gateResultSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/**
 * The shape of a gate result read back from the result cache. A cache entry is data
 * from disk, not something this process wrote a moment ago: whatever fails this schema
 * is a miss (the gate runs), never a crash and never a verdict. Loose objects: a field
 * added to GateResult later is kept, the fields a verdict and its reports rest on are
 * checked.
 */

const position = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(), column: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().optional() });
const fullPosition = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(), column: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int() });
const diagnostic = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    source: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    range: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ start: position, end: position.optional() }),
    severity: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warning', 'info']),
    rule: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    hint: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    fix: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(), edits: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ range: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ start: fullPosition, end: fullPosition }), newText: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })) }).optional(),
    fingerprint: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
});
const count = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative();
const testCase = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    classname: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    outcome: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['passed', 'failed', 'error', 'skipped', 'xfailed', 'xpassed']),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    details: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    location: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int() }).optional(),
});
const gateResultSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    gate: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    tool: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    toolVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    // Only verdicts are ever stored; an error or a skip read back is not a cached result.
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['passed', 'failed']),
    exitCode: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nullable(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
    fromCache: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    command: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    diagnostics: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(diagnostic),
    tests: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ total: count, passed: count, failed: count, errored: count, skipped: count, xfailed: count, xpassed: count, durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(), cases: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(testCase) })
        .optional(),
    error: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), hint: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() }).optional(),
    stderrTail: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
/** The entry's result when it has a gate result's shape; undefined otherwise. */
function parseCachedResult(value) {
    const parsed = gateResultSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
}


/***/ })

};
