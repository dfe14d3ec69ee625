export const id = 83;
export const ids = [83,216];
export const modules = {

/***/ 5083:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VALIDATE_GATE: () => (/* binding */ VALIDATE_GATE),
/* harmony export */   validateMode: () => (/* binding */ validateMode),
/* harmony export */   validationAsGate: () => (/* binding */ validationAsGate)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2988);
/* harmony import */ var _adapters_fs_spec_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1491);
/* harmony import */ var _github_reporter_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8835);
/* harmony import */ var _pipeline_diagnostic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9343);
/* harmony import */ var _pipeline_spec_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48);
/* harmony import */ var _log_findings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1267);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1006);
/* harmony import */ var _report_run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1578);
/* harmony import */ var _sarif_file_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5454);
/**
 * Mode `validate`: the spec pipeline on the repository's spec documents (the
 * configuration's `specs` globs), reported like a gate: a check run
 * "spec-automation / validate" with annotations on the spec lines, a review on the
 * changed spec lines of a pull request, the job summary, SARIF and the results JSON.
 * It goes through the same check-run and review machinery as the gates, so re-runs,
 * batches of 50, read-only tokens and fork pull requests behave the same.
 */









/** The check run is `spec-automation / validate`. */
const VALIDATE_GATE = 'validate';
/** The validation as one gate result, so the gates' renderers and reporter apply unchanged. */
function validationAsGate(diagnostics, threshold, durationMs) {
    const failing = diagnostics.some((d) => (0,_pipeline_diagnostic_js__WEBPACK_IMPORTED_MODULE_3__/* .isAtLeast */ .du)(d.severity, threshold));
    return {
        gate: VALIDATE_GATE,
        tool: 'spec-automation',
        status: failing ? 'failed' : 'passed',
        exitCode: null,
        durationMs,
        fromCache: false,
        command: [],
        diagnostics,
    };
}
function resultsOf(validation, conclusion) {
    return {
        schemaVersion: 1,
        mode: 'validate',
        conclusion,
        specs: validation.specs.map((s) => {
            const counts = (0,_outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .severityCounts */ .ur)(s.diagnostics);
            return { path: s.path, type: s.type ?? null, id: s.meta.id ?? null, title: s.title, status: s.meta.status ?? null, executable: s.executable, ...counts };
        }),
        skipped: validation.skipped,
        diagnostics: validation.diagnostics,
    };
}
/** Runs mode `validate`; see the file comment. */
async function validateMode(ctx) {
    const { inputs } = ctx;
    const connecting = ctx.connect();
    connecting.catch(() => undefined);
    const started = performance.now();
    const startedAt = new Date().toISOString();
    const validation = await (0,_pipeline_spec_index_js__WEBPACK_IMPORTED_MODULE_4__/* .validateRepository */ .FL)((0,_adapters_fs_spec_source_js__WEBPACK_IMPORTED_MODULE_1__/* .createFsSpecSource */ ._)(ctx.root), ctx.config.specs, { pathPrefix: ctx.prefix });
    const { diagnostics } = validation;
    (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .k)(`specs: ${validation.specs.length} document${validation.specs.length === 1 ? '' : 's'} validated${validation.skipped.length > 0 ? `, ${validation.skipped.length} Markdown file(s) skipped` : ''}`);
    for (const s of validation.specs)
        (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .k)(`  ${s.path}: ${s.type ?? 'unknown type'}${s.meta.id ? ` ${s.meta.id}` : ''}${s.meta.status ? ` (${s.meta.status})` : ''}`);
    (0,_log_findings_js__WEBPACK_IMPORTED_MODULE_5__/* .logFindings */ .H)([{ name: 'spec validation', diagnostics }], ctx.workspace);
    const threshold = inputs.failOn === 'warning' || (inputs.failOn === undefined && ctx.config.failOn === 'warning') ? 'warning' : 'error';
    const gate = validationAsGate(diagnostics, threshold, Math.round(performance.now() - started));
    const run = { schemaVersion: 1, startedAt, durationMs: gate.durationMs, conclusion: gate.status === 'failed' ? 'failure' : 'success', gates: [gate] };
    const github = await connecting;
    const report = inputs.report;
    await (0,_report_run_js__WEBPACK_IMPORTED_MODULE_7__/* .reportRun */ .G)({ reportGates: _github_reporter_js__WEBPACK_IMPORTED_MODULE_2__.reportGates, ctx, github, run, summaryTitle: 'spec-automation validate' });
    const sarifFile = report.has('sarif') ? await (0,_sarif_file_js__WEBPACK_IMPORTED_MODULE_8__/* .writeSarifFile */ .V)([{ tool: 'spec-automation', diagnostics }], ctx, 'validate') : undefined;
    const resultsFile = (0,_outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .runnerFile */ .L3)(ctx.runnerTemp, 'validate', ctx.step, 'json');
    await (0,_outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .writeJsonFile */ .An)(resultsFile, resultsOf(validation, run.conclusion));
    const failed = gate.status === 'failed' ? [{ name: VALIDATE_GATE, status: 'failed' }] : [];
    return {
        conclusion: run.conclusion,
        ...(0,_outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .severityCounts */ .ur)(diagnostics),
        failedGates: failed.map((f) => f.name),
        resultsFile,
        sarifFile,
        failure: (0,_outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .failureMessage */ .oh)(run.conclusion, inputs.failOn, failed),
    };
}


/***/ }),

/***/ 8835:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyGatesReport: () => (/* binding */ applyGatesReport),
  reportGates: () => (/* binding */ reportGates)
});

// EXTERNAL MODULE: ./lib/reporting/check-run.js + 1 modules
var check_run = __webpack_require__(5197);
;// CONCATENATED MODULE: ./lib/reporting/diff.js
/**
 * Which lines of a pull request can carry a review comment. GitHub accepts review
 * comments only on lines inside a diff hunk, and a multi-line comment only when
 * `start_line..line` lies in one hunk; one bad anchor makes the whole review 422.
 * So we compute the commentable RIGHT-side lines from the `patch` of each entry of
 * `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`, before posting anything.
 * (reviewdog's filter does the same from the diff; we avoid the raw diff endpoint,
 * which returns 406 beyond 300 files.)
 */
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;
/**
 * Parses a unified-diff `patch` into right-side hunks. Malformed input (the patch is
 * data from GitHub, possibly cut) never throws: lines before a valid header are
 * skipped, and a hunk ends where its lines end.
 */
function parsePatch(patch) {
    const hunks = [];
    let current;
    let next = 0;
    const close = () => {
        if (current && current.text.size > 0)
            hunks.push(current);
        current = undefined;
    };
    for (const raw of patch.split('\n')) {
        const header = HUNK_HEADER.exec(raw);
        if (header) {
            close();
            next = Number(header[1]);
            current = { start: next, end: next - 1, text: new Map(), added: new Set() };
            continue;
        }
        if (!current)
            continue;
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const kind = line[0];
        if (kind === '+' || kind === ' ') {
            current.text.set(next, line.slice(1));
            if (kind === '+')
                current.added.add(next);
            current.end = next;
            next += 1;
        }
        else if (kind === '-' || kind === '\\') {
            // Left-side only, or "\ No newline at end of file".
        }
        else if (line === '') {
            // The empty string after a final newline; a blank context line is " ".
        }
        else {
            close();
        }
    }
    close();
    return hunks;
}
/** Commentable lines of a whole pull request, by path. */
class DiffIndex {
    files;
    constructor(files) {
        const map = new Map();
        for (const f of files) {
            if (typeof f.filename !== 'string' || f.filename === '')
                continue;
            const status = f.status ?? 'modified';
            const hunks = status === 'removed' || typeof f.patch !== 'string' ? [] : parsePatch(f.patch);
            map.set(f.filename, {
                path: f.filename,
                ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
                status,
                hunks,
                noPatch: typeof f.patch !== 'string',
            });
        }
        this.files = map;
    }
    /** The hunk holding every line of `start..end` on the RIGHT side, if there is one. */
    hunkFor(path, start, end = start) {
        if (end < start)
            return undefined;
        const file = this.files.get(path);
        if (!file)
            return undefined;
        return file.hunks.find((h) => h.start <= start && end <= h.end);
    }
    /** True when a single-line comment on `line` would be accepted. */
    isCommentable(path, line) {
        return this.hunkFor(path, line) !== undefined;
    }
    /** The right-side text of `line` when the diff shows it. */
    lineText(path, line) {
        return this.hunkFor(path, line)?.text.get(line);
    }
    /** Number of commentable lines (for logs). */
    get commentableLines() {
        let n = 0;
        for (const f of this.files.values())
            for (const h of f.hunks)
                n += h.text.size;
        return n;
    }
}

// EXTERNAL MODULE: ./lib/reporting/importance.js
var importance = __webpack_require__(3622);
// EXTERNAL MODULE: ./lib/reporting/finding.js
var finding = __webpack_require__(535);
// EXTERNAL MODULE: ./lib/reporting/gate-facts.js
var gate_facts = __webpack_require__(4757);
// EXTERNAL MODULE: ./lib/reporting/shards.js
var reporting_shards = __webpack_require__(565);
// EXTERNAL MODULE: ./lib/reporting/markdown.js
var markdown = __webpack_require__(2817);
// EXTERNAL MODULE: ./lib/reporting/truncate.js
var truncate = __webpack_require__(5154);
;// CONCATENATED MODULE: ./lib/reporting/job-summary.js






const CONCLUSION_ICON = { success: '✅', failure: '❌', error: '💥' };
function findingsCell(g) {
    return (0,gate_facts/* severityPhrase */.z)(g.diagnostics) || '—';
}
function testsCell(g) {
    const t = g.tests;
    if (!t)
        return '';
    const parts = [`${(0,truncate/* formatCount */.B4)(t.passed)} passed`];
    if (t.failed)
        parts.unshift(`${(0,truncate/* formatCount */.B4)(t.failed)} failed`);
    if (t.errored)
        parts.push(`${(0,truncate/* formatCount */.B4)(t.errored)} errored`);
    if (t.skipped)
        parts.push(`${(0,truncate/* formatCount */.B4)(t.skipped)} skipped`);
    return parts.join(', ');
}
function gateLink(gate, links) {
    const url = links?.[gate];
    const name = (0,markdown/* tableCell */.xR)(gate);
    return url && /^https?:\/\/[^\s<>()]+$/.test(url) ? `[${name}](${url})` : name;
}
function headOf(run, options) {
    const lines = [`## ${CONCLUSION_ICON[run.conclusion]} ${(0,markdown/* escapeInline */.VV)(options.title ?? 'spec-automation gates')}: ${run.conclusion}`, ''];
    const notices = (options.notices ?? []).filter((n) => n.trim() !== '');
    if (notices.length > 0) {
        lines.push('> [!WARNING]');
        for (const n of notices)
            lines.push(`> ${(0,markdown/* escapeInline */.VV)((0,markdown/* oneLine */.TN)(n))}`);
        lines.push('');
    }
    if (run.gates.length === 0) {
        lines.push('No gates ran.');
        return lines.join('\n');
    }
    lines.push('| Gate | Result | Findings | Tests | Time |', '|---|---|---|---|---|');
    for (const g of run.gates) {
        const shards = (0,reporting_shards/* shardsNote */.o)(g.shards);
        const time = `${(0,markdown/* formatDuration */.a3)(g.durationMs)}${g.fromCache ? ' (cached)' : ''}${shards ? ` · ${(0,markdown/* tableCell */.xR)(shards)}` : ''}`;
        lines.push(`| ${gateLink(g.gate, options.links)} | ${gate_facts/* GATE_STATUS_ICON */.v[g.status]} ${g.status} | ${findingsCell(g)} | ${testsCell(g)} | ${time} |`);
    }
    return lines.join('\n');
}
function itemsOf(run) {
    const items = [];
    // The same importance as within a gate: a gate that could not run, then the gate with
    // failing tests, then those with errors, warnings, notes (stable: configuration order).
    const rank = (g, findings) => (g.status === 'error' ? -1 : (0,importance/* topRank */.ul)(findings));
    const ordered = run.gates.map(({ gate, findings }, i) => ({ g: gate, findings, i, r: rank(gate, findings) })).sort((a, b) => a.r - b.r || a.i - b.i);
    for (const { g, findings } of ordered) {
        const heading = `\n### ${gate_facts/* GATE_STATUS_ICON */.v[g.status]} ${(0,markdown/* escapeInline */.VV)(g.gate)}\n\n`;
        let first = true;
        if (g.error) {
            const hint = g.error.hint ? ` **Fix:** ${(0,markdown/* escapeInline */.VV)((0,markdown/* oneLine */.TN)(g.error.hint))}` : '';
            items.push({ text: `${heading}**Could not run:** ${(0,markdown/* escapeInline */.VV)((0,markdown/* oneLine */.TN)(g.error.message))}${hint}`, isFinding: false });
            first = false;
        }
        for (const d of findings) {
            items.push({ text: (first ? heading : '') + (0,finding/* findingListItem */.F6)(d), isFinding: true });
            first = false;
        }
    }
    return items;
}
/** Renders the job summary Markdown of a gates run, within 1 MiB (bytes and characters). */
function renderJobSummary(run, options = {}) {
    return renderOrderedJobSummary(orderRun(run), options);
}
/** {@link renderJobSummary} of a run whose findings are already in importance order. */
function renderOrderedJobSummary(ordered, options = {}) {
    const run = ordered.run;
    const items = itemsOf(ordered);
    // findingsBefore[i]: findings among the first i items, so "showing N of M" counts findings only.
    const findingsBefore = [0];
    for (const item of items)
        findingsBefore.push(findingsBefore[findingsBefore.length - 1] + (item.isFinding ? 1 : 0));
    const findings = findingsBefore[items.length];
    return (0,truncate/* composeWithinLimit */.Jf)({
        head: headOf(run, options),
        items: items.map((i) => i.text),
        tail: (shown, total) => {
            if (shown === total)
                return '\n';
            return `\n\n_Showing ${(0,truncate/* formatCount */.B4)(findingsBefore[shown])} of ${(0,truncate/* formatCount */.B4)(findings)} findings (the summary is limited in size); the check runs' annotations have all of them._\n`;
        },
        limit: options.limit ?? truncate/* JOB_SUMMARY_LIMIT */.zS,
    }).text;
}

;// CONCATENATED MODULE: ./lib/reporting/review.js




/** reviewdog's cap: more inline comments than this is noise, not review. */
const DEFAULT_MAX_INLINE_COMMENTS = 30;
/** GitHub's own bot identity when the action runs with GITHUB_TOKEN. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const MARKER_RE = /<!-- spec-automation:v1 gate=([A-Za-z0-9._%-]{1,200}) fp=([A-Za-z0-9-]{1,100}) -->/;
const MESSAGE_CHARS = 4000;
/** Larger replacements are not suggested: the comment body (≤ 65,535) must hold them whole. */
const MAX_SUGGESTION_BYTES = 32 * 1024;
/** `<!-- spec-automation:v1 gate=<g> fp=<fingerprint> -->`, the identity of one comment. */
function reviewMarker(gate, fingerprint) {
    const g = encodeURIComponent(gate).replace(/[^A-Za-z0-9._%-]/g, '_').slice(0, 200) || '_';
    const fp = fingerprint.replace(/[^A-Za-z0-9-]/g, '').slice(0, 100) || '_';
    return `<!-- spec-automation:v1 gate=${g} fp=${fp} -->`;
}
/** The gate and fingerprint in a comment body, if it carries our marker. */
function parseReviewMarker(body) {
    if (typeof body !== 'string')
        return undefined;
    const m = MARKER_RE.exec(body);
    if (!m)
        return undefined;
    let gate;
    try {
        gate = decodeURIComponent(m[1]);
    }
    catch {
        gate = m[1];
    }
    return { gate, fingerprint: m[2] };
}
/** Code point offset of (line, column) in `lines[first..]`, or undefined when out of range. */
function offsetOf(lines, first, line, column) {
    const index = line - first;
    if (index === lines.length && column === 1) {
        return lines.reduce((n, l) => n + l.length + 1, 0);
    }
    const text = lines[index];
    if (!text || column < 1 || column > text.length + 1)
        return undefined;
    let offset = 0;
    for (let i = 0; i < index; i++)
        offset += lines[i].length + 1;
    return offset + column - 1;
}
/** The last line an edit touches: an end at column 1 of the next line ends the previous one. */
function lastLineOf(edit) {
    const { start, end } = edit.range;
    return end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
}
/**
 * The replacement for lines `start..end` when the finding's fix edits only those
 * lines and the diff shows all of them; undefined otherwise (no suggestion is
 * better than a wrong one).
 */
function suggestionFor(d, diff, path) {
    const edits = d.fix?.edits ?? [];
    if (edits.length === 0)
        return undefined;
    const start = Math.min(...edits.map((e) => e.range.start.line));
    const end = Math.max(...edits.map(lastLineOf));
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start)
        return undefined;
    if (!diff.hunkFor(path, start, end))
        return undefined;
    const lines = [];
    for (let l = start; l <= end; l++) {
        const text = diff.lineText(path, l);
        if (text === undefined)
            return undefined;
        lines.push(Array.from(text));
    }
    const spans = [];
    for (const e of edits) {
        const from = offsetOf(lines, start, e.range.start.line, e.range.start.column);
        const to = offsetOf(lines, start, e.range.end.line, e.range.end.column);
        if (from === undefined || to === undefined || to < from)
            return undefined;
        spans.push({ from, to, text: e.newText });
    }
    spans.sort((a, b) => b.from - a.from);
    for (let i = 1; i < spans.length; i++)
        if (spans[i].to > spans[i - 1].from)
            return undefined;
    const buffer = lines.map((l) => l.join('')).join('\n') + '\n';
    let chars = Array.from(buffer);
    for (const s of spans)
        chars = [...chars.slice(0, s.from), ...Array.from(s.text), ...chars.slice(s.to)];
    const result = chars.join('');
    if (result !== '' && !result.endsWith('\n'))
        return undefined;
    // A suggestion must arrive whole: a cut one would propose broken code.
    if ((0,truncate/* byteLength */.dp)(result) > MAX_SUGGESTION_BYTES)
        return undefined;
    return { start, end, suggestion: result === '' ? '' : result.slice(0, -1) };
}
/** Where a finding can be commented, or undefined when its lines are outside the diff. */
function anchorFor(d, diff, path) {
    const fixed = suggestionFor(d, diff, path);
    if (fixed)
        return fixed;
    const start = Math.max(1, Math.floor(d.range.start.line));
    const end = Math.max(start, Math.floor(d.range.end?.line ?? start));
    if (diff.hunkFor(path, start, end))
        return { start, end };
    if (diff.hunkFor(path, start))
        return { start, end: start };
    return undefined;
}
/** A ```suggestion block whose fence is longer than any backtick run in the replacement. */
function suggestionBlock(replacement) {
    const fence = '`'.repeat(Math.max(3, (0,markdown/* longestRun */.Q_)(replacement, '`') + 1));
    return replacement === '' ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${replacement}\n${fence}`;
}
/** The Markdown of one inline comment, marker last (first lines show in notifications). */
function commentBody(d, suggestion) {
    const url = (0,finding/* safeUrl */.Pl)(d.url);
    const rule = url ? `[${(0,markdown/* escapeInline */.VV)(d.rule)}](${url})` : (0,markdown/* escapeInline */.VV)(d.rule);
    const message = (0,truncate/* truncatePlain */.Bm)(d.message.trim(), { maxBytes: MESSAGE_CHARS * 4, maxChars: MESSAGE_CHARS })
        .split(/\r?\n/)
        .map(markdown/* escapeInline */.VV)
        .join('  \n');
    const parts = [`${(0,importance/* severityIcon */.PE)(d)} **${(0,markdown/* escapeInline */.VV)(d.source)}** ${rule}: ${message}`];
    if (d.hint)
        parts.push(`💡 ${(0,markdown/* escapeInline */.VV)((0,truncate/* truncatePlain */.Bm)(d.hint.trim(), { maxBytes: 4000, maxChars: 1000 }))}`);
    if (suggestion !== undefined) {
        if (d.fix?.description)
            parts.push((0,markdown/* escapeInline */.VV)((0,truncate/* truncatePlain */.Bm)(d.fix.description, { maxBytes: 2000, maxChars: 500 })));
        parts.push(suggestionBlock(suggestion));
    }
    parts.push(reviewMarker(d.source, d.fingerprint));
    return (0,truncate/* truncatePlain */.Bm)(parts.join('\n\n'), truncate/* COMMENT_BODY_LIMIT */.tx);
}
function isOurs(c, ourLogin) {
    return (c.user?.login ?? '').toLowerCase() === ourLogin.toLowerCase() && parseReviewMarker(c.body) !== undefined;
}
/** The review body: non-empty (GitHub requires one with event COMMENT) and ≤ 65,535 characters. */
function renderReviewBody(parts) {
    const { inline, overflow, outsideDiff, maxInline, refused } = parts;
    const total = inline.length + overflow.length + (refused?.findings.length ?? 0);
    const headline = parts.part !== undefined
        ? `### spec-automation (part ${parts.part})`
        : `### spec-automation: ${(0,markdown/* plural */.LS)(total, 'new finding')} on changed lines`;
    const lines = [headline, ''];
    if (inline.length > 0) {
        const suggestions = inline.filter((i) => i.hasSuggestion).length;
        lines.push(`${(0,markdown/* plural */.LS)(inline.length, 'inline comment')} below${suggestions > 0 ? `, ${(0,markdown/* plural */.LS)(suggestions, 'suggested change')} you can commit from the comment` : ''}.`);
    }
    if (outsideDiff > 0 && parts.part === undefined) {
        lines.push(`${(0,markdown/* plural */.LS)(outsideDiff, 'finding')} outside the changed lines ${outsideDiff === 1 ? 'is' : 'are'} in the check runs, not here.`);
    }
    const items = [];
    if (refused && refused.findings.length > 0) {
        lines.push('', `**GitHub refused these inline comments** (${(0,markdown/* escapeInline */.VV)(refused.reason)}), so they are listed here:`, '');
        items.push(...refused.findings.map((d) => (0,finding/* findingListItem */.F6)(d, { showSource: true })));
    }
    if (overflow.length > 0) {
        const intro = `**Not commented inline** (at most ${(0,truncate/* formatCount */.B4)(maxInline)} inline comments per pull request):`;
        // The intro is glued to the first overflow item, so it never shows alone.
        overflow.forEach((d, i) => items.push((i === 0 ? `\n${intro}\n\n` : '') + (0,finding/* findingListItem */.F6)(d, { showSource: true })));
    }
    if (items.length === 0)
        return lines.join('\n');
    return (0,truncate/* composeWithinLimit */.Jf)({
        head: lines.join('\n'),
        items,
        tail: (shown, all) => (shown < all ? `\n\n_Showing ${(0,truncate/* formatCount */.B4)(shown)} of ${(0,truncate/* formatCount */.B4)(all)}; the check runs list all of them._` : ''),
        limit: truncate/* COMMENT_BODY_LIMIT */.tx,
    }).text;
}
/**
 * Plans the review. Returns no `review` when every finding on changed lines already
 * has its comment: a re-run with nothing new posts nothing.
 */
function planReview(input) {
    const maxInline = Math.max(0, Math.floor(input.maxInline ?? DEFAULT_MAX_INLINE_COMMENTS));
    const ourLogin = input.ourLogin ?? ACTIONS_BOT_LOGIN;
    const gates = new Set(input.gates ?? input.diagnostics.map((d) => d.source));
    const existing = input.existing ?? [];
    // Where each finding would go.
    const onChanged = [];
    let outsideDiff = 0;
    for (const d of input.ordered ? input.diagnostics : (0,importance/* orderByImportance */.AD)(input.diagnostics)) {
        const path = (0,finding/* anchorPath */.V3)(d.path);
        const anchor = path ? anchorFor(d, input.diff, path) : undefined;
        if (path && anchor)
            onChanged.push({ d, path, anchor });
        else
            outsideDiff += 1;
    }
    const current = new Set(input.diagnostics.map((d) => d.fingerprint));
    // What we already said, and what of it is outdated.
    const repliedTo = new Set(existing.map((c) => c.in_reply_to_id).filter((id) => typeof id === 'number'));
    const live = new Set();
    const deletions = [];
    const keptForReplies = [];
    for (const c of existing) {
        if (!isOurs(c, ourLogin) || typeof c.in_reply_to_id === 'number')
            continue;
        const marker = parseReviewMarker(c.body);
        if (!gates.has(marker.gate))
            continue;
        const outdated = c.line === null;
        const duplicate = live.has(marker.fingerprint);
        if (current.has(marker.fingerprint) && !outdated && !duplicate) {
            live.add(marker.fingerprint);
            continue;
        }
        if (repliedTo.has(c.id))
            keptForReplies.push(c.id);
        else
            deletions.push(c.id);
    }
    const fresh = onChanged.filter((x) => !live.has(x.d.fingerprint));
    const slots = Math.max(0, maxInline - live.size);
    const inline = fresh.slice(0, slots).map(({ d, path, anchor }) => ({
        comment: {
            path,
            line: anchor.end,
            side: 'RIGHT',
            ...(anchor.start < anchor.end ? { start_line: anchor.start, start_side: 'RIGHT' } : {}),
            body: commentBody(d, anchor.suggestion),
        },
        diagnostic: d,
        hasSuggestion: anchor.suggestion !== undefined,
    }));
    const overflow = fresh.slice(slots).map((x) => x.d);
    const plan = {
        inline,
        overflow,
        deletions,
        keptForReplies,
        maxInline,
        stats: { onChangedLines: onChanged.length, outsideDiff, alreadyCommented: onChanged.length - fresh.length },
    };
    // Only new inline comments justify a review: a body-only review on every push is noise
    // (the overflow is in the check runs and is repeated here whenever a review is posted).
    if (inline.length > 0) {
        plan.review = {
            ...(input.commitId ? { commit_id: input.commitId } : {}),
            event: 'COMMENT',
            body: renderReviewBody({ inline, overflow, outsideDiff, maxInline }),
            comments: inline.map((i) => i.comment),
        };
    }
    return plan;
}

;// CONCATENATED MODULE: ./lib/reporting/gates-report.js





/** What a user can do about check runs and review comments refused on a fork's pull request. */
const FORK_ADVICE = 'To get check runs and review comments on pull requests from forks, install the spec-automation GitHub App or report from a `workflow_run` workflow.';
/** Plans the report of `run`; see the file comment. */
function planGatesReport(run, context) {
    const targets = { checks: true, review: true, summary: true, ...context.targets };
    const ordered = (0,importance/* orderRun */.yS)(run);
    const plan = { checkRuns: [], notices: [], annotate: [] };
    if (targets.summary)
        plan.summary = { ordered, ...(context.summaryTitle !== undefined ? { title: context.summaryTitle } : {}) };
    if (context.readOnly) {
        plan.notices.push(`${context.readOnly.reason}: results are in this summary and as log annotations instead of check runs and review comments. ${FORK_ADVICE}`);
        if (targets.checks)
            plan.annotate = ordered.gates.flatMap((g) => g.gate.diagnostics);
        return plan;
    }
    if (targets.checks) {
        plan.checkRuns = ordered.gates.map((g) => ({
            plan: (0,check_run/* renderOrderedCheckRun */.f4)(g, {
                sha: context.sha,
                ...(context.maxAnnotations !== undefined ? { maxAnnotations: context.maxAnnotations } : {}),
                ...(context.detailsUrl ? { detailsUrl: context.detailsUrl } : {}),
            }),
            diagnostics: g.gate.diagnostics,
        }));
    }
    if (targets.review && context.pullNumber !== undefined) {
        plan.review = {
            pullNumber: context.pullNumber,
            readFiles: ordered.findings.length > 0,
            input: {
                diagnostics: ordered.findings,
                ordered: true,
                ourLogin: context.ourLogin ?? ACTIONS_BOT_LOGIN,
                // Markers carry the diagnostic's source; a gate's findings normally use its name.
                gates: run.gates.filter((g) => g.status !== 'skipped').flatMap((g) => [g.gate, ...g.diagnostics.map((d) => d.source)]),
                ...(context.maxInlineComments !== undefined ? { maxInline: context.maxInlineComments } : {}),
                commitId: context.sha,
            },
        };
    }
    return plan;
}
/** The review plan once the pull request's files and our earlier comments are read. */
function planGatesReview(planned, read) {
    return planReview({ ...planned.input, diff: new DiffIndex(read.files), existing: read.existing });
}
/** The job summary's Markdown, with what applying the plan learnt. */
function renderGatesReportSummary(summary, facts) {
    return renderOrderedJobSummary(summary.ordered, {
        notices: facts.notices,
        links: facts.links,
        ...(summary.title !== undefined ? { title: summary.title } : {}),
    });
}

// EXTERNAL MODULE: ./lib/github/errors.js
var errors = __webpack_require__(9452);
// EXTERNAL MODULE: ./lib/github/paginate.js
var paginate = __webpack_require__(3618);
// EXTERNAL MODULE: ./lib/github/types.js
var types = __webpack_require__(2402);
;// CONCATENATED MODULE: ./lib/github/pulls.js



/** GitHub lists at most 3000 files of a pull request. */
const MAX_PULL_FILES = 3000;
/** Our cap on review comments read for dedupe (100 pages). */
const MAX_REVIEW_COMMENTS = 10_000;
/**
 * The files of a pull request with their patches, 100 per page, at most 3000
 * (GitHub's own limit; `truncated` says when the PR has more).
 */
async function listPullRequestFiles(client, repo, pullNumber) {
    const result = await (0,paginate/* paginate */.E)((page) => (0,errors/* attempt */.CD)({ operation: `list the files of pull request #${pullNumber}`, permission: 'pull-requests: read' }, () => client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { ...repo, pull_number: pullNumber, per_page: 100, page })), { perPage: 100, maxItems: MAX_PULL_FILES });
    const files = result.items.map((f) => ({
        filename: f.filename,
        status: f.status,
        ...(typeof f.patch === 'string' ? { patch: f.patch } : {}),
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
    }));
    return { files, truncated: result.truncated, requests: result.requests };
}
/** Every review comment on a pull request, 100 per page. */
async function listReviewComments(client, repo, pullNumber) {
    const result = await (0,paginate/* paginate */.E)((page) => (0,errors/* attempt */.CD)({ operation: `list the review comments of pull request #${pullNumber}`, permission: 'pull-requests: read' }, () => client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', { ...repo, pull_number: pullNumber, per_page: 100, page })), { perPage: 100, maxItems: MAX_REVIEW_COMMENTS });
    const comments = result.items.map((c) => ({
        id: (0,types/* idOf */.T)(c.id),
        body: c.body,
        user: c.user ? { login: c.user.login } : null,
        ...(typeof c.in_reply_to_id === 'number' ? { in_reply_to_id: c.in_reply_to_id } : {}),
        path: c.path,
        // GitHub sends line: null for an outdated comment; keep the null.
        ...(c.line !== undefined ? { line: c.line } : {}),
    }));
    return { comments, truncated: result.truncated, requests: result.requests };
}
/** Creates one review (`POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`). */
async function createReview(client, repo, pullNumber, review) {
    const response = await (0,errors/* attempt */.CD)({ operation: `create a review on pull request #${pullNumber}`, permission: 'pull-requests: write' }, () => client.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
        ...repo,
        pull_number: pullNumber,
        ...(review.commit_id ? { commit_id: review.commit_id } : {}),
        event: review.event,
        body: review.body,
        ...(review.comments.length > 0 ? { comments: review.comments } : {}),
    }));
    return { id: (0,types/* idOf */.T)(response.data.id), url: response.data.html_url ?? undefined };
}
/** Deletes a review comment; one already gone (404) counts as deleted. */
async function deleteReviewComment(client, repo, commentId) {
    try {
        await (0,errors/* attempt */.CD)({ operation: `delete review comment ${commentId}`, permission: 'pull-requests: write' }, () => client.request('DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}', { ...repo, comment_id: commentId }));
        return 'deleted';
    }
    catch (error) {
        if (error instanceof errors/* GitHubApiError */.OS && error.kind === 'not-found')
            return 'gone';
        throw error;
    }
}

;// CONCATENATED MODULE: ./lib/github/apply-review.js



/** Extra review attempts after a 422, before the rest goes into the body. */
const DEFAULT_MAX_REVIEW_RETRIES = 6;
/** Applies the plan to pull request `pullNumber`. Throws only when no review could be posted at all. */
async function applyReviewPlan(client, repo, pullNumber, plan, options = {}) {
    const outcome = {
        reviews: [],
        inlinePosted: 0,
        refused: [],
        deleted: 0,
        deleteFailures: [],
        keptForReplies: plan.keptForReplies.length,
        requests: 0,
    };
    const review = plan.review;
    if (review) {
        let retriesLeft = options.maxRetries ?? DEFAULT_MAX_REVIEW_RETRIES;
        let part = 0;
        const post = async (chunk, body) => {
            outcome.requests += 1;
            const created = await createReview(client, repo, pullNumber, { ...review, body, comments: chunk.map((c) => c.comment) });
            outcome.reviews.push(created);
            outcome.inlinePosted += chunk.length;
        };
        // After a 422: a single comment is refused; more are halved and each half tried again.
        const split = async (chunk) => {
            if (chunk.length === 1) {
                outcome.refused.push(chunk[0].diagnostic);
                return;
            }
            const half = Math.ceil(chunk.length / 2);
            await place(chunk.slice(0, half));
            await place(chunk.slice(half));
        };
        const place = async (chunk) => {
            if (chunk.length === 0)
                return;
            if (retriesLeft <= 0) {
                outcome.refused.push(...chunk.map((c) => c.diagnostic));
                return;
            }
            retriesLeft -= 1;
            part += 1;
            const body = renderReviewBody({ inline: chunk, overflow: [], outsideDiff: 0, maxInline: plan.maxInline, part });
            try {
                await post(chunk, body);
            }
            catch (error) {
                if (!(error instanceof errors/* GitHubApiError */.OS) || error.kind !== 'validation')
                    throw error;
                await split(chunk);
            }
        };
        try {
            await post(plan.inline, review.body);
        }
        catch (error) {
            if (!(error instanceof errors/* GitHubApiError */.OS) || error.kind !== 'validation' || plan.inline.length === 0)
                throw error;
            const reason = `422: ${error.details.join('; ') || 'Unprocessable Entity'}`.slice(0, 300);
            await split(plan.inline);
            // The summary of the whole review (overflow, what was refused) goes last, without anchors.
            const refused = outcome.refused.length > 0 ? { findings: outcome.refused, reason } : undefined;
            const body = renderReviewBody({ inline: [], overflow: plan.overflow, outsideDiff: plan.stats.outsideDiff, maxInline: plan.maxInline, ...(refused ? { refused } : {}) });
            if (refused || plan.overflow.length > 0)
                await post([], body);
        }
    }
    for (const id of plan.deletions) {
        try {
            outcome.requests += 1;
            await deleteReviewComment(client, repo, id);
            outcome.deleted += 1;
        }
        catch (error) {
            outcome.deleteFailures.push(error instanceof Error ? error.message : String(error));
            // Without permission to delete one, the others fail the same way.
            if (error instanceof errors/* GitHubApiError */.OS && error.kind === 'permission')
                break;
        }
    }
    return outcome;
}

// EXTERNAL MODULE: ./lib/github/check-runs.js
var check_runs = __webpack_require__(2874);
;// CONCATENATED MODULE: ./lib/github/reporter.js





/** The app behind GITHUB_TOKEN. */
const ACTIONS_APP_SLUG = 'github-actions';
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
function refused(error) {
    return error instanceof errors/* GitHubApiError */.OS && (error.kind === 'permission' || error.kind === 'auth');
}
/** Plans and applies a gates run's reporting; never throws for a GitHub failure. */
async function reportGates(input) {
    return applyGatesReport(input, planGatesReport(input.run, input));
}
/** Applies `plan`: check runs, review, fallback annotations, summary, in that order. */
async function applyGatesReport(input, plan) {
    const outcome = { checkRuns: [], degraded: false, notices: [], requests: 0 };
    const applying = {
        input,
        outcome,
        notAnnotated: [...plan.annotate],
        notice: (message) => {
            outcome.notices.push(message);
            input.sink.warn(message);
        },
    };
    if (input.readOnly)
        outcome.degraded = true;
    for (const message of plan.notices)
        applying.notice(message);
    if (plan.checkRuns.length > 0)
        await postCheckRuns(applying, plan.checkRuns);
    if (plan.review)
        await postReview(applying, plan.review);
    if (applying.notAnnotated.length > 0) {
        try {
            await input.sink.annotate(applying.notAnnotated);
        }
        catch (error) {
            input.sink.warn(`Could not write log annotations: ${describe(error)}`);
        }
    }
    if (plan.summary) {
        const links = Object.fromEntries(outcome.checkRuns.filter((c) => c.url).map((c) => [c.gate, c.url]));
        try {
            await input.sink.writeSummary(renderGatesReportSummary(plan.summary, { notices: outcome.notices, links }));
        }
        catch (error) {
            input.sink.warn(`Could not write the job summary: ${describe(error)}`);
        }
    }
    return outcome;
}
async function postCheckRuns({ input, outcome, notAnnotated, notice }, checkRuns) {
    // One lookup for all gates; when it fails, each gate looks up its own run.
    let existing;
    try {
        const listed = await (0,check_runs/* listLatestCheckRuns */.mE)(input.client, input.repo, input.sha);
        outcome.requests += listed.requests;
        // Prefer a run of the app we write as; another app's run of the same name is not ours to update.
        const ours = input.ourAppSlug ?? ACTIONS_APP_SLUG;
        existing = (0,check_runs/* latestByName */.Mf)(listed.runs, (r) => r.appSlug === undefined || r.appSlug === ours);
    }
    catch {
        outcome.requests += 1;
    }
    for (let i = 0; i < checkRuns.length; i++) {
        const { plan, diagnostics } = checkRuns[i];
        try {
            const result = await (0,check_runs/* postCheckRun */.YG)(input.client, input.repo, plan, {
                headSha: input.sha,
                ...(existing ? { existing: existing.get(plan.name) ?? null } : {}),
                ...(input.detailsUrl ? { detailsUrl: input.detailsUrl } : {}),
            });
            outcome.requests += result.requests;
            outcome.checkRuns.push(result);
        }
        catch (error) {
            outcome.degraded = true;
            outcome.requests += 1;
            if (refused(error)) {
                // Every other gate would be refused the same way: stop asking.
                notice(`Check runs could not be posted (${error.message}) ${FORK_ADVICE}`);
                for (const rest of checkRuns.slice(i))
                    notAnnotated.push(...rest.diagnostics);
                return;
            }
            notice(`The check run of ${plan.gate} could not be posted: ${describe(error)}`);
            notAnnotated.push(...diagnostics);
        }
    }
}
async function postReview({ input, outcome, notice }, planned) {
    const { pullNumber } = planned;
    try {
        const files = planned.readFiles ? await listPullRequestFiles(input.client, input.repo, pullNumber) : { files: [], truncated: false, requests: 0 };
        const existing = await listReviewComments(input.client, input.repo, pullNumber);
        outcome.requests += files.requests + existing.requests;
        if (files.truncated)
            notice(`Pull request #${pullNumber} has more than 3000 files; findings in the others are in the check runs only.`);
        const plan = planGatesReview(planned, { files: files.files, existing: existing.comments });
        const review = await applyReviewPlan(input.client, input.repo, pullNumber, plan);
        outcome.requests += review.requests;
        outcome.review = review;
        if (review.refused.length > 0) {
            notice(`GitHub refused ${review.refused.length} inline review comment(s); they are listed in the review body instead.`);
        }
        if (review.deleteFailures.length > 0)
            notice(`Some outdated review comments could not be deleted: ${review.deleteFailures[0]}`);
    }
    catch (error) {
        outcome.degraded = true;
        if (refused(error)) {
            notice(`Review comments could not be posted (${error.message}) ${FORK_ADVICE}`);
        }
        else {
            notice(`The pull request review could not be posted: ${describe(error)}`);
        }
    }
}


/***/ })

};
