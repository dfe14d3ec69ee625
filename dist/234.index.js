export const id = 234;
export const ids = [234];
export const modules = {

/***/ 4234:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseSarif: () => (/* binding */ parseSarif)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9393);
/* harmony import */ var _json_output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9619);
/* harmony import */ var _tool_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1217);



function records(value) {
    return Array.isArray(value) ? value.filter(_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4) : [];
}
function ruleInfo(rule) {
    const config = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(rule.defaultConfiguration) ? rule.defaultConfiguration : {};
    const strings = {};
    if ((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(rule.messageStrings)) {
        for (const [key, value] of Object.entries(rule.messageStrings)) {
            const text = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(value) ? (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(value.text) : undefined;
            if (text !== undefined)
                strings[key] = text;
        }
    }
    const info = { messageStrings: strings };
    const id = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(rule.id);
    const helpUri = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(rule.helpUri);
    const level = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(config.level);
    if (id)
        info.id = id;
    if (helpUri)
        info.helpUri = helpUri;
    if (level)
        info.level = level;
    return info;
}
function severityOf(level, kind) {
    if (kind !== undefined && kind !== 'fail')
        return kind === 'informational' || kind === 'review' || kind === 'open' ? 'info' : undefined;
    switch (level) {
        case 'error':
            return 'error';
        case 'note':
        case 'none':
            return 'info';
        default:
            // SARIF §3.27.10: a result without a level (and no rule default) is a warning.
            return 'warning';
    }
}
/** `Detected {0} in {1}` with arguments. */
function format(template, args) {
    const list = Array.isArray(args) ? args : [];
    return template.replace(/\{(\d+)\}/g, (whole, index) => {
        const value = list[Number(index)];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
    });
}
function messageOf(result, rule) {
    const message = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(result.message) ? result.message : {};
    const text = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(message.text) ?? (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(message.markdown);
    if (text !== undefined)
        return format(text, message.arguments);
    const id = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(message.id);
    const template = id ? rule?.messageStrings[id] : undefined;
    return template ? format(template, message.arguments) : (rule?.id ?? 'finding');
}
/** Resolves an artifact URI against `originalUriBaseIds` into something {@link locatePath} understands. */
function artifactPath(location, bases) {
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(location))
        return undefined;
    let uri = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(location.uri);
    if (uri === undefined)
        return undefined;
    const baseId = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(location.uriBaseId);
    if (baseId && bases[baseId] !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
        const base = bases[baseId];
        uri = base.endsWith('/') ? `${base}${uri}` : `${base}/${uri}`;
    }
    if (/^file:/i.test(uri)) {
        // file:///C:/x → C:/x ; file:///home/x → /home/x
        uri = uri.replace(/^file:\/\/[^/]*/i, '');
        if (/^\/[A-Za-z]:/.test(uri))
            uri = uri.slice(1);
    }
    try {
        return decodeURIComponent(uri);
    }
    catch {
        return uri;
    }
}
function baseIds(run) {
    const bases = {};
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(run.originalUriBaseIds))
        return bases;
    for (const [key, value] of Object.entries(run.originalUriBaseIds)) {
        const uri = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(value) ? (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(value.uri) : undefined;
        if (uri !== undefined)
            bases[key] = uri;
    }
    return bases;
}
function regionRange(region) {
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(region))
        return { start: { line: 1 } };
    const startLine = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region.startLine) ?? 1;
    const startColumn = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region.startColumn);
    const endLine = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region.endLine);
    const endColumn = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region.endColumn);
    const start = startColumn === undefined ? { line: startLine } : { line: startLine, column: startColumn };
    if (endLine === undefined && endColumn === undefined)
        return { start };
    const lastLine = endLine ?? startLine;
    if (lastLine < startLine)
        return { start };
    // SARIF's endColumn is the column after the region; the normalized end is inclusive.
    const end = endColumn === undefined ? { line: lastLine } : { line: lastLine, column: Math.max(lastLine === startLine ? (startColumn ?? 1) : 1, endColumn - 1) };
    return { start, end };
}
function fixOf(result, path, bases, context) {
    const fix = records(result.fixes)[0];
    if (!fix)
        return undefined;
    const edits = [];
    for (const change of records(fix.artifactChanges)) {
        if ((0,_tool_path_js__WEBPACK_IMPORTED_MODULE_2__/* .locatePath */ .oV)(artifactPath(change.artifactLocation, bases), context).path !== path)
            return undefined;
        for (const replacement of records(change.replacements)) {
            const region = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(replacement.deletedRegion) ? replacement.deletedRegion : {};
            const [sl, sc, el, ec] = [(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region.startLine), (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region.startColumn), (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region.endLine) ?? (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region.startLine), (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region.endColumn)];
            if (sl === undefined || sc === undefined || el === undefined || ec === undefined)
                return undefined;
            const inserted = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(replacement.insertedContent) ? ((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(replacement.insertedContent.text) ?? '') : '';
            edits.push({ range: { start: { line: sl, column: sc }, end: { line: el, column: ec } }, newText: inserted });
        }
    }
    if (edits.length === 0)
        return undefined;
    const description = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(fix.description) ? (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(fix.description.text) : undefined;
    return description === undefined ? { edits } : { description, edits };
}
function runDiagnostics(run, context) {
    const tool = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(run.tool) ? run.tool : {};
    const driver = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(tool.driver) ? tool.driver : {};
    const rules = records(driver.rules).map(ruleInfo);
    const byId = new Map(rules.filter((r) => r.id).map((r) => [r.id, r]));
    for (const extension of records(tool.extensions))
        for (const r of records(extension.rules).map(ruleInfo))
            if (r.id && !byId.has(r.id))
                byId.set(r.id, r);
    const bases = baseIds(run);
    const out = [];
    for (const result of records(run.results)) {
        if (records(result.suppressions).some((s) => (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(s.status) !== 'rejected'))
            continue;
        const ruleRef = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(result.rule) ? result.rule : {};
        const index = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(result.ruleIndex) ?? (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(ruleRef.index);
        const ruleId = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(result.ruleId) ?? (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(ruleRef.id) ?? (index !== undefined ? rules[index]?.id : undefined);
        const rule = (ruleId ? byId.get(ruleId) : undefined) ?? (index !== undefined ? rules[index] : undefined);
        const severity = severityOf((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(result.level) ?? rule?.level, (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(result.kind));
        if (severity === undefined)
            continue;
        const location = records(result.locations)[0];
        const physical = location && (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(location.physicalLocation) ? location.physicalLocation : undefined;
        const region = physical && (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(physical.region) ? physical.region : undefined;
        const where = (0,_tool_path_js__WEBPACK_IMPORTED_MODULE_2__/* .locatePath */ .oV)(physical ? artifactPath(physical.artifactLocation, bases) : undefined, context, (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .num */ .bu)(region?.startLine));
        const diagnostic = {
            source: context.source,
            path: where.path,
            range: where.path ? regionRange(physical?.region) : { start: { line: 1 } },
            severity,
            rule: ruleId ?? 'sarif',
            message: `${where.outsidePrefix}${messageOf(result, rule)}`,
        };
        if (rule?.helpUri)
            diagnostic.url = rule.helpUri;
        if (where.path) {
            const fix = fixOf(result, where.path, bases, context);
            if (fix)
                diagnostic.fix = fix;
        }
        out.push(diagnostic);
    }
    return out;
}
/** The `sarif` parser: the report file when there is one, else stdout. */
const parseSarif = (output, context) => {
    const data = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonOutput */ .dl)(output.report ?? output.stdout, 'The SARIF report', '{');
    if (!(0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(data) || !Array.isArray(data.runs))
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._('The SARIF report has no `runs` array.', 'Check that the tool writes SARIF 2.1.0.');
    const version = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(data.version);
    if (version !== undefined && version !== '2.1.0') {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._(`The SARIF report has version ${version}; only 2.1.0 is supported.`);
    }
    const runs = records(data.runs);
    const driver = runs[0] && (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(runs[0].tool) && (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(runs[0].tool.driver) ? runs[0].tool.driver : {};
    const toolVersion = (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(driver.semanticVersion) ?? (0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(driver.version);
    return { diagnostics: runs.flatMap((run) => runDiagnostics(run, context)), ...(toolVersion ? { toolVersion } : {}) };
};


/***/ })

};
