export const id = 820;
export const ids = [820];
export const modules = {

/***/ 4439:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ISSUE_EVENTS: () => (/* binding */ ISSUE_EVENTS),
  revalidateMode: () => (/* binding */ revalidateMode)
});

// EXTERNAL MODULE: ./lib/action/log.js
var log = __webpack_require__(2988);
// EXTERNAL MODULE: ./lib/adapters/fs-spec-source.js
var fs_spec_source = __webpack_require__(1491);
// EXTERNAL MODULE: ./lib/github/check-runs.js
var check_runs = __webpack_require__(2874);
// EXTERNAL MODULE: ./lib/reporting/truncate.js
var truncate = __webpack_require__(5154);
// EXTERNAL MODULE: ./lib/github/errors.js
var errors = __webpack_require__(9452);
// EXTERNAL MODULE: ./lib/github/paginate.js
var paginate = __webpack_require__(3618);
;// CONCATENATED MODULE: ./lib/github/issues.js
/**
 * Issues and labels: the scheduled re-validation keeps one issue (found by title and
 * label) open while specs are unhealthy and closes it when they recover; the app
 * moves `spec:<phase>` labels on pull requests.
 */



/** The issue with exactly this title and label (open ones first), ignoring pull requests. */
async function findIssueByTitle(client, repo, title, label) {
    const { items } = await (0,paginate/* paginate */.E)((page) => (0,errors/* attempt */.CD)({ operation: `list issues labelled ${label}`, permission: 'issues: read' }, () => client.request('GET /repos/{owner}/{repo}/issues', { ...repo, labels: label, state: 'all', per_page: 100, page })), { perPage: 100, maxItems: 1000 });
    const matches = items.filter((i) => !i.pull_request && i.title === title);
    matches.sort((a, b) => (a.state === b.state ? b.number - a.number : a.state === 'open' ? -1 : 1));
    const issue = matches[0];
    if (!issue)
        return undefined;
    return { number: issue.number, title: issue.title, state: issue.state === 'closed' ? 'closed' : 'open', body: issue.body ?? '', url: issue.html_url };
}
/** Makes the issue titled `title` with `label` match `desired`, with at most one write. */
async function upsertIssue(client, repo, desired) {
    const body = (0,truncate/* truncateMarkdown */.o4)(desired.body, truncate/* COMMENT_BODY_LIMIT */.tx);
    const existing = await findIssueByTitle(client, repo, desired.title, desired.label);
    if (!existing) {
        if (desired.state === 'closed')
            return { action: 'absent', number: undefined, url: undefined };
        const r = await (0,errors/* attempt */.CD)({ operation: `open the issue "${desired.title}"`, permission: 'issues: write' }, () => client.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: desired.title, body, labels: [desired.label] }));
        return { action: 'created', number: r.data.number, url: r.data.html_url };
    }
    const sameBody = existing.body === body;
    if (existing.state === desired.state && (sameBody || desired.state === 'closed')) {
        return { action: 'unchanged', number: existing.number, url: existing.url };
    }
    const patch = desired.state === 'closed'
        ? { state: 'closed', state_reason: 'completed', body }
        : { state: 'open', body };
    await (0,errors/* attempt */.CD)({ operation: `update issue #${existing.number}`, permission: 'issues: write' }, () => client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: existing.number, ...patch }));
    const action = desired.state === 'closed' ? 'closed' : existing.state === 'closed' ? 'reopened' : 'updated';
    return { action, number: existing.number, url: existing.url };
}
/** Adds labels to an issue or pull request (GitHub creates unknown labels). */
async function addLabels(client, repo, issueNumber, labels) {
    if (labels.length === 0)
        return;
    await attempt({ operation: `label #${issueNumber} with ${labels.join(', ')}`, permission: 'issues: write' }, () => client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...repo, issue_number: issueNumber, labels: [...labels] }));
}
/** Removes a label; one that is not there (404) is fine. */
async function removeLabel(client, repo, issueNumber, label) {
    try {
        await attempt({ operation: `remove the label ${label} from #${issueNumber}`, permission: 'issues: write' }, () => client.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', { ...repo, issue_number: issueNumber, name: label }));
        return 'removed';
    }
    catch (error) {
        if (error instanceof GitHubApiError && error.kind === 'not-found')
            return 'absent';
        throw error;
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/revalidate/rules.js
const r = (severity, title, fix) => ({ severity, title, fix });
const REVALIDATE_RULES = {
    'drift.changed': r('warning', 'Spec changed since it was implemented', 'Run spec-automation on the spec again (push it with status approved, `/spec retry` on its pull request, or `spec-automation run <spec>` locally) so the code follows; merging that run records the new version in the lock file.'),
    'drift.changed.explained': r('info', 'Spec changed by an implemented change proposal', 'The requirement changes were implemented through the sprint change proposal named in the message. Record the spec as implemented again (its next run, or `recordImplementation`) to clear this note.'),
    'drift.edited': r('info', 'Spec text changed, requirements did not', 'Nothing to implement. The next run on this spec records the new text in the lock file.'),
    'drift.superseded': r('warning', 'Implemented from a superseded version', 'The code follows a document that has been superseded, and the document that replaces it is not implemented. Approve and run the replacement; its lock entry then replaces this one.'),
    'drift.retired': r('info', 'Superseded; its replacement is implemented', 'Remove the old entry from the lock file when convenient (`forgetImplementations`).'),
    'drift.never-implemented': r('warning', 'Approved, never implemented', 'Push the spec to the default branch with the app installed, or run `spec-automation run <spec>`; if it was implemented by hand, record it (see the README, "the lock file") or set its status to done.'),
    'drift.change-pending': r('warning', 'Approved change proposal not applied', 'Run spec-automation on the proposal (it implements only its change set), then edit the target documents as the proposal says, so specs and code agree again.'),
    'drift.untracked': r('info', 'Done, but not in the lock file', 'The spec says done but no implementation was recorded, so drift cannot be checked. Record it once, or ignore this note.'),
    'drift.orphaned': r('warning', 'Lock entry without a spec', 'The spec was deleted, moved or excluded. Delete its entry from the lock file (or restore the spec); when it moved, record it under its new path.'),
    'lock.invalid': r('error', 'Lock file unreadable', 'Fix the lock file at the reported line (merge conflicts: keep one entry per spec path from both sides). Until then drift cannot be judged and every spec looks never implemented.'),
    'lock.entry.invalid': r('warning', 'Lock entry unusable', 'Fix or delete the entry at the reported line; it was ignored.'),
    'lock.missing': r('info', 'No lock file yet', 'The lock file is written when spec-automation implements a spec and the pull request merges. Until then every approved spec is reported as never implemented.'),
    'trace.untested': r('warning', 'Requirement without a test', 'Add a test that checks the requirement and cite it: `@pytest.mark.req("FR-n")` on the test (register the marker in pyproject.toml). Test names (`test_fr_n_…`), docstrings and comments also count.'),
    'trace.stale-citation': r('warning', 'Test cites a requirement that no longer exists', 'Point the citation at the requirement the test checks now, or delete the test if its requirement was dropped on purpose.'),
    'trace.stale-code-reference': r('info', 'Code mentions a requirement that no longer exists', 'Update or remove the comment or docstring.'),
    'trace.config': r('warning', 'Traceability setting refused', 'Fix the setting in the configuration file; until then it is ignored.'),
};
/** The rule's entry. */
function revalidateRule(code) {
    return REVALIDATE_RULES[code];
}

// EXTERNAL MODULE: ./lib/pipeline/diagnostic.js
var diagnostic = __webpack_require__(9343);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/pipeline/errors.js
var pipeline_errors = __webpack_require__(6687);
// EXTERNAL MODULE: ./lib/pipeline/spec/ids.js
var spec_ids = __webpack_require__(4262);
;// CONCATENATED MODULE: ./lib/pipeline/drift/json-error.js
/**
 * Where JSON text first goes wrong. `JSON.parse` says what is wrong but, in current V8,
 * not where; a person fixing a hand-merged lock file needs the line. A small validating
 * scanner (RFC 8259 grammar, no values built), linear and iterative, so a 16 MiB file of
 * `[[[[…` cannot overflow the stack.
 */
/** The 0-based offset of the first syntax error in `text`, or undefined when it is valid JSON. */
function jsonErrorOffset(text) {
    let i = 0;
    const n = text.length;
    const ws = () => {
        while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
            i++;
    };
    const string = () => {
        if (text[i] !== '"')
            return false;
        i++;
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 34) {
                i++;
                return true;
            }
            if (c < 32)
                return false;
            if (c === 92) {
                const e = text[i + 1];
                if (e === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                        return false;
                    i += 6;
                }
                else if (e !== undefined && '"\\/bfnrt'.includes(e))
                    i += 2;
                else
                    return false;
            }
            else
                i++;
        }
        return false;
    };
    const scalar = () => {
        const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
        if (!m || m[0] === '')
            return false;
        i += m[0].length;
        return true;
    };
    // Containers still open, innermost last; `expect` says what may come next.
    const stack = [];
    let expect = 'value';
    ws();
    while (true) {
        if (expect === 'value') {
            if (i >= n)
                return i;
            const c = text[i];
            if (c === '{' || c === '[') {
                stack.push(c);
                i++;
                ws();
                if (text[i] === (c === '{' ? '}' : ']')) {
                    stack.pop();
                    i++;
                    expect = 'after-value';
                }
                else
                    expect = c === '{' ? 'key' : 'value';
            }
            else if (c === '"') {
                if (!string())
                    return i;
                expect = 'after-value';
            }
            else {
                if (!scalar())
                    return i;
                expect = 'after-value';
            }
        }
        else if (expect === 'key') {
            if (!string())
                return i;
            expect = 'colon';
        }
        else if (expect === 'colon') {
            if (text[i] !== ':')
                return i;
            i++;
            expect = 'value';
        }
        else {
            const top = stack[stack.length - 1];
            if (top === undefined)
                return i >= n ? undefined : i;
            if (text[i] === ',') {
                i++;
                expect = top === '{' ? 'key' : 'value';
            }
            else if (text[i] === (top === '{' ? '}' : ']')) {
                stack.pop();
                i++;
            }
            else
                return i;
        }
        ws();
    }
}

;// CONCATENATED MODULE: ./lib/pipeline/drift/lock-file.js
/**
 * The lock file, `.spec-automation/lock.json`: what each spec looked like when the code
 * implementing it merged. Committed with the implementation (the app writes the entry
 * on the spec branch when a run becomes ready, so it merges with the pull request), and
 * read by the scheduled re-validation to tell which specs drifted since.
 *
 * Deterministic and merge-friendly: one entry per spec path, keys sorted (paths and
 * requirement ids in natural order, FR-2 before FR-10), two-space indentation, one
 * requirement per line, a trailing newline. Two pull requests that implement different
 * specs touch different lines. Unknown keys of an entry are kept as they are, so an
 * older spec-automation does not drop what a newer one wrote.
 */





/** Current format version. */
const LOCK_VERSION = 1;
/** Default path, relative to the repository root (`revalidate.lockFile`). */
const DEFAULT_LOCK_PATH = '.spec-automation/lock.json';
/** A lock file larger than this is refused rather than parsed (about 20,000 specs). */
const MAX_LOCK_BYTES = 16 * 1024 * 1024;
/** A lock file that cannot be updated safely (invalid, from a newer version). */
class LockFileError extends pipeline_errors/* SpecAutomationError */.lU {
    problems;
    constructor(message, problems) {
        super(message);
        this.problems = problems;
        this.name = 'LockFileError';
    }
}
/**
 * Hash of a requirement's text: whitespace runs collapsed, so re-wrapping a paragraph
 * is not a change; anything else (a word, a number, a limit) is. 16 hex digits: enough
 * to tell texts apart, short enough for one readable line per requirement.
 */
function requirementTextHash(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}
/**
 * Each requirement's id as written and the hash of what it asks for: its own text plus
 * the text of the acceptance criteria under it (`### FR-10: Add to cart` keeps its
 * title while its criteria change), by canonical id. The first definition of a
 * duplicated id wins.
 */
function requirementHashes(spec) {
    const criteria = new Map();
    for (const ac of spec.acceptanceCriteria) {
        if (ac.parentRef === undefined)
            continue;
        const key = (0,spec_ids/* canonicalIdOf */.RK)(ac.parentRef);
        criteria.set(key, [...(criteria.get(key) ?? []), ac.text]);
    }
    const out = new Map();
    for (const r of spec.requirements) {
        if (out.has(r.canonicalId))
            continue;
        const acs = criteria.get(r.canonicalId) ?? [];
        out.set(r.canonicalId, { id: r.id, hash: requirementTextHash(acs.length > 0 ? `${r.text}\n${acs.join('\n')}` : r.text) });
    }
    return out;
}
/** Requirement id → hash ({@link requirementHashes}), as the lock file records it. */
function requirementSetOf(spec) {
    const out = {};
    for (const { id, hash } of requirementHashes(spec).values())
        out[id] = hash;
    return out;
}
/**
 * The lock entry for a spec that has just been implemented.
 * @param spec the spec as the run implemented it (the parsed document at the run's base)
 * @param record pull request, commit and time
 */
function lockEntryOf(spec, record) {
    const at = typeof record.implementedAt === 'string' ? record.implementedAt : record.implementedAt.toISOString();
    return {
        path: spec.path,
        ...(spec.meta.id ? { id: spec.meta.id } : {}),
        ...(spec.type ? { type: spec.type } : {}),
        contentHash: spec.contentHash,
        requirements: requirementSetOf(spec),
        ...(record.pr ? { pr: { number: record.pr.number, ...(record.pr.url ? { url: record.pr.url } : {}) } } : {}),
        ...(record.commit ? { commit: record.commit } : {}),
        implementedAt: at,
    };
}
/**
 * sha256 of `bytes` with every CRLF turned into LF: what git stores for a text file that
 * a Windows checkout (`core.autocrlf`) shows with CRLF. Undefined when there is no CR,
 * i.e. when it would equal the plain hash.
 */
function lfContentHash(bytes) {
    if (!bytes.includes(13))
        return undefined;
    const out = new Uint8Array(bytes.length);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === 13 && bytes[i + 1] === 10)
            continue;
        out[n++] = bytes[i];
    }
    return (0,external_node_crypto_.createHash)('sha256').update(out.subarray(0, n)).digest('hex');
}
/**
 * `revalidate.lockFile` relative to the repository (or project) root, read as the
 * re-validation reads it (`normalizeRelative`: a leading `/` means the root), or
 * undefined when it points outside (`..` past the root, a drive letter): a run does not
 * write there.
 */
function lockPathOf(lockFile) {
    const path = normalizeRelative(lockFile);
    if (path === '' || path === '..' || path.startsWith('../') || /^[a-z]:(\/|$)/i.test(path))
        return undefined;
    return path;
}
/**
 * The lock entry a run writes into the very commit that implements the spec (each agent
 * commit of `spec-automation run`, each agent commit of the app on the spec branch), so
 * the entry travels with the code: a branch that is ready, or a pull request that
 * merges, carries it, and no extra commit is needed (one would start the gates again).
 *
 * Two choices differ from a plain {@link lockEntryOf}:
 * - No `commit`. A commit's sha is a hash over its tree, and its tree holds this file,
 *   so the commit that carries an entry cannot name itself. Its parent would be a
 *   commit that does not implement the spec (the run's base, or an iteration whose gates
 *   failed), which is worse than nothing. Nothing reads `commit` for drift (that is
 *   `contentHash` and the requirement hashes); the commit is the one that last changed
 *   the entry (`git log -1 -- .spec-automation/lock.json`), and the app names the pull
 *   request instead.
 * - `contentHash` over the spec's bytes with CRLF turned into LF, when the run read it
 *   from a Windows checkout: git stores LF, and the re-validation compares an entry with
 *   the bytes as checked out and with their LF form, so the LF hash matches on every
 *   runner, while a CRLF hash would read as "edited" on Linux.
 *
 * @param spec the spec as the run implemented it
 * @param bytes the bytes `spec` was parsed from, when at hand (for the LF hash); ignored
 *   when they are not those bytes (their hash is not `spec.contentHash`)
 * @param record the pull request, if any, and the time
 */
function lockEntryForRun(spec, bytes, record) {
    const entry = lockEntryOf(spec, { ...(record.pr ? { pr: record.pr } : {}), implementedAt: record.implementedAt });
    const same = bytes !== undefined && createHash('sha256').update(bytes).digest('hex') === spec.contentHash;
    const lf = same ? lfContentHash(bytes) : undefined;
    return lf ? { ...entry, contentHash: lf } : entry;
}
/** Natural order: `FR-2` before `FR-10`, digits compared as numbers, the rest by code point. Locale-free, so the same everywhere. */
function naturalCompare(a, b) {
    const re = /(\d+)|(\D+)/g;
    const pa = a.match(re) ?? [];
    const pb = b.match(re) ?? [];
    // Zero padding (`FR-02` vs `FR-2`) only breaks ties, after every other difference.
    let padding = 0;
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        const x = pa[i];
        const y = pb[i];
        const nx = /^\d/.test(x);
        const ny = /^\d/.test(y);
        if (nx && ny) {
            const d = Number(x) - Number(y);
            if (d !== 0)
                return d;
            if (padding === 0)
                padding = x.length - y.length;
        }
        else if (x !== y)
            return x < y ? -1 : 1;
    }
    return pa.length - pb.length || padding || (a < b ? -1 : a > b ? 1 : 0);
}
/** JSON with keys in natural order at every level, two-space indentation. */
function stableJson(value, indent = '') {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value) ?? 'null';
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
        if (value.length === 0)
            return '[]';
        return `[\n${value.map((v) => inner + stableJson(v, inner)).join(',\n')}\n${indent}]`;
    }
    const keys = Object.keys(value).sort(naturalCompare);
    const record = value;
    const present = keys.filter((k) => record[k] !== undefined);
    if (present.length === 0)
        return '{}';
    return `{\n${present.map((k) => `${inner}${JSON.stringify(k)}: ${stableJson(record[k], inner)}`).join(',\n')}\n${indent}}`;
}
function entryObject(entry) {
    return {
        ...(entry.extra ?? {}),
        ...(entry.id !== undefined ? { id: entry.id } : {}),
        ...(entry.type !== undefined ? { type: entry.type } : {}),
        contentHash: entry.contentHash,
        requirements: entry.requirements,
        ...(entry.pr ? { pr: entry.pr } : {}),
        ...(entry.commit !== undefined ? { commit: entry.commit } : {}),
        implementedAt: entry.implementedAt,
    };
}
/** The lock file's text: deterministic for the same entries, whatever their order. */
function serializeLock(lock) {
    const specs = {};
    for (const [path, entry] of lock.entries)
        specs[path] = entryObject(entry);
    // The version first, then the entries: the one place the key order is not sorted.
    return `{\n  "version": ${JSON.stringify(lock.version)},\n  "specs": ${stableJson(specs, '  ')}\n}\n`;
}
/** 1-based line of the first `"key":` in `text`, or 1. */
function lineOfKey(text, key) {
    const at = text.indexOf(`${JSON.stringify(key)}:`);
    if (at < 0)
        return 1;
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
function jsonErrorLine(text) {
    const at = jsonErrorOffset(text);
    return at === undefined ? 1 : text.slice(0, at).split('\n').length;
}
const DOC_TYPES = ['prd', 'functional-spec', 'technical-spec', 'sprint-change-proposal'];
const KNOWN_KEYS = new Set(['id', 'type', 'contentHash', 'requirements', 'pr', 'commit', 'implementedAt']);
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** One entry from its JSON, or the reason it is unusable. */
function readEntry(path, raw) {
    if (!isRecord(raw))
        return 'is not an object';
    if (typeof raw.contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(raw.contentHash))
        return 'has no valid "contentHash" (64 hex digits)';
    if (typeof raw.implementedAt !== 'string' || raw.implementedAt === '')
        return 'has no "implementedAt"';
    if (!isRecord(raw.requirements) || !Object.values(raw.requirements).every((v) => typeof v === 'string'))
        return '"requirements" is not an object of id → text hash';
    if (raw.id !== undefined && typeof raw.id !== 'string')
        return '"id" is not a string';
    if (raw.type !== undefined && !DOC_TYPES.includes(raw.type))
        return `"type" is not one of ${DOC_TYPES.join(', ')}`;
    if (raw.commit !== undefined && typeof raw.commit !== 'string')
        return '"commit" is not a string';
    let pr;
    if (raw.pr !== undefined) {
        const p = raw.pr;
        if (!isRecord(p) || typeof p.number !== 'number' || !Number.isSafeInteger(p.number) || p.number <= 0)
            return '"pr" is not { "number": <positive integer>, "url"?: <string> }';
        if (p.url !== undefined && typeof p.url !== 'string')
            return '"pr.url" is not a string';
        pr = { number: p.number, ...(typeof p.url === 'string' ? { url: p.url } : {}) };
    }
    const extra = Object.fromEntries(Object.entries(raw).filter(([k]) => !KNOWN_KEYS.has(k)));
    return {
        path,
        ...(typeof raw.id === 'string' ? { id: raw.id } : {}),
        ...(raw.type !== undefined ? { type: raw.type } : {}),
        contentHash: raw.contentHash,
        requirements: raw.requirements,
        ...(pr ? { pr } : {}),
        ...(typeof raw.commit === 'string' ? { commit: raw.commit } : {}),
        implementedAt: raw.implementedAt,
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
    };
}
/**
 * Reads a lock file. Never throws: an unusable file gives an empty lock and a fatal
 * problem; an unusable entry is left out with a problem on its line.
 * @param text the file's text
 */
function parseLock(text) {
    const empty = () => ({ version: LOCK_VERSION, entries: new Map() });
    if (text.length > MAX_LOCK_BYTES) {
        return { lock: empty(), problems: [{ line: 1, fatal: true, message: `The lock file is larger than ${MAX_LOCK_BYTES / 1024 / 1024} MiB; it was not read.` }] };
    }
    const conflict = /^(<<<<<<<|=======|>>>>>>>)( |$)/m.exec(text);
    if (conflict) {
        const line = text.slice(0, conflict.index).split('\n').length;
        return {
            lock: empty(),
            problems: [{ line, fatal: true, message: 'The lock file has git merge-conflict markers. Keep the entries of both sides (one per spec path), delete the markers, and commit.' }],
        };
    }
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (error) {
        return { lock: empty(), problems: [{ line: jsonErrorLine(text), fatal: true, message: `The lock file is not valid JSON (${error instanceof Error ? error.message : String(error)}).` }] };
    }
    if (!isRecord(data) || !isRecord(data.specs)) {
        return { lock: empty(), problems: [{ line: 1, fatal: true, message: 'The lock file is not an object with "version" and "specs".' }] };
    }
    const version = data.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        return { lock: empty(), problems: [{ line: lineOfKey(text, 'version'), fatal: true, message: `"version" must be ${LOCK_VERSION}.` }] };
    }
    if (version > LOCK_VERSION) {
        return { lock: empty(), problems: [{ line: lineOfKey(text, 'version'), fatal: true, message: `The lock file has version ${version}, written by a newer spec-automation; this one reads version ${LOCK_VERSION}. Update spec-automation.` }] };
    }
    const problems = [];
    const entries = new Map();
    for (const [path, raw] of Object.entries(data.specs)) {
        const entry = readEntry(path, raw);
        if (typeof entry === 'string')
            problems.push({ line: lineOfKey(text, path), fatal: false, message: `The entry for ${path} ${entry}; it is ignored.` });
        else
            entries.set(path, entry);
    }
    return { lock: { version, entries }, problems };
}
/**
 * Records a spec's implementation in the lock file: the entry for its path is added or
 * replaced, every other entry is kept as it was. This is what the app (when a run
 * becomes ready) and the CLI (after a local run) call before committing the file.
 *
 * @param lockText the current lock file, or undefined when there is none
 * @param entry the entry, usually from {@link lockEntryOf}
 * @returns the new lock file text
 * @throws LockFileError when the current file cannot be read safely (invalid JSON,
 *   merge-conflict markers, a newer version): overwriting it would lose entries
 */
function recordImplementation(lockText, entry) {
    let lock = { version: LOCK_VERSION, entries: new Map() };
    if (lockText !== undefined && lockText.trim() !== '') {
        const parsed = parseLock(lockText);
        const fatal = parsed.problems.filter((p) => p.fatal);
        if (fatal.length > 0)
            throw new LockFileError(`Cannot record ${entry.path} in the lock file: ${fatal[0].message} (line ${fatal[0].line})`, fatal);
        lock = parsed.lock;
    }
    const entries = new Map(lock.entries);
    entries.set(entry.path, entry);
    return serializeLock({ version: LOCK_VERSION, entries });
}
/**
 * Removes the entries of specs that no longer exist (`drift.orphaned`), the fix the
 * Spec health issue suggests. Unknown paths are ignored.
 * @throws LockFileError as {@link recordImplementation}
 */
function forgetImplementations(lockText, paths) {
    const parsed = parseLock(lockText);
    const fatal = parsed.problems.filter((p) => p.fatal);
    if (fatal.length > 0)
        throw new LockFileError(`Cannot update the lock file: ${fatal[0].message} (line ${fatal[0].line})`, fatal);
    const entries = new Map(parsed.lock.entries);
    for (const p of paths)
        entries.delete(p);
    return serializeLock({ version: LOCK_VERSION, entries });
}

;// CONCATENATED MODULE: ./lib/pipeline/drift/classify.js
/**
 * Drift: each spec on the default branch compared with its lock entry (what it looked
 * like when its implementation merged). Pure: specs, the parsed lock and the file list
 * in; one classification per spec and the lock entries whose spec is gone out.
 */


const INACTIVE = new Set(['superseded', 'deprecated', 'rejected']);
function noChanges(path, state, extra = {}) {
    return { path, state, added: [], removed: [], changed: [], explained: false, supersededBy: [], replaces: [], ...extra };
}
/** Documents that supersede each spec: `supersedes:` of others, and its own `superseded_by:`. */
function supersessions(specs) {
    const out = new Map();
    const add = (oldPath, newPath) => {
        if (oldPath === newPath)
            return;
        const list = out.get(oldPath) ?? [];
        if (!list.includes(newPath))
            list.push(newPath);
        out.set(oldPath, list);
    };
    const byId = new Map();
    for (const s of specs)
        if (s.meta.id)
            byId.set(s.meta.id, s);
    for (const s of specs) {
        for (const ref of s.refs) {
            if (ref.kind !== 'fm' || !ref.resolved)
                continue;
            if (ref.via === 'supersedes' && !INACTIVE.has(s.meta.status ?? ''))
                add(ref.resolved, s.path);
            if (ref.via === 'superseded_by')
                add(s.path, ref.resolved);
        }
        if (s.meta.supersededBy && !s.refs.some((r) => r.via === 'superseded_by' && r.resolved)) {
            const hit = byId.get(s.meta.supersededBy);
            if (hit)
                add(s.path, hit.path);
        }
    }
    return out;
}
/** Change-proposal ids by target path, to say which proposal a requirement change came from. */
function proposalsByTarget(specs, lock) {
    const out = new Map();
    for (const s of specs) {
        if (s.type !== 'sprint-change-proposal' || !s.changeSet)
            continue;
        const by = { path: s.path, ...(s.meta.id ? { id: s.meta.id } : {}), implemented: lock?.entries.has(s.path) ?? false };
        const ids = [...s.changeSet.added, ...s.changeSet.modified, ...s.changeSet.removed].map(spec_ids/* canonicalIdOf */.RK);
        for (const t of s.changeSet.targets) {
            if (!t.resolved)
                continue;
            const map = out.get(t.resolved) ?? new Map();
            for (const id of [...ids, ...t.ids.map(spec_ids/* canonicalIdOf */.RK)]) {
                // An implemented proposal explains a change better than a pending one.
                const prior = map.get(id);
                if (!prior || (!prior.implemented && by.implemented))
                    map.set(id, by);
            }
            out.set(t.resolved, map);
        }
    }
    return out;
}
function compareRequirements(spec, entry, proposals) {
    const recorded = new Map();
    for (const [id, hash] of Object.entries(entry.requirements))
        recorded.set((0,spec_ids/* canonicalIdOf */.RK)(id), { id, hash });
    const current = new Map();
    for (const r of spec.requirements)
        if (!current.has(r.canonicalId))
            current.set(r.canonicalId, r);
    const hashes = requirementHashes(spec);
    const withProposal = (c) => {
        const by = proposals?.get(c.canonicalId);
        return by ? { ...c, proposedBy: by } : c;
    };
    const added = [];
    const changed = [];
    for (const [key, r] of current) {
        const before = recorded.get(key);
        if (!before)
            added.push(withProposal({ id: r.id, canonicalId: key, line: r.line }));
        else if (before.hash !== hashes.get(key)?.hash)
            changed.push(withProposal({ id: r.id, canonicalId: key, line: r.line }));
    }
    const removed = [];
    for (const [key, before] of recorded)
        if (!current.has(key))
            removed.push(withProposal({ id: before.id, canonicalId: key }));
    return { added, removed, changed };
}
function pendingChange(spec, byPath) {
    const cs = spec.changeSet;
    if (!cs)
        return { added: [], modified: [], removed: [], targets: [] };
    const targets = cs.targets.map((t) => {
        const target = t.resolved ? byPath.get(t.resolved) : undefined;
        const defined = new Set(target?.requirements.map((r) => r.canonicalId) ?? []);
        const adds = t.action === 'add' && t.ids.length > 0 ? t.ids : cs.added;
        const removes = t.action === 'remove' && t.ids.length > 0 ? t.ids : cs.removed;
        return {
            doc: t.doc,
            ...(t.resolved ? { path: t.resolved } : {}),
            missing: target ? adds.filter((id) => !defined.has((0,spec_ids/* canonicalIdOf */.RK)(id))) : [...adds],
            stillDefined: target ? removes.filter((id) => defined.has((0,spec_ids/* canonicalIdOf */.RK)(id))) : [],
        };
    });
    return { added: [...cs.added], modified: [...cs.modified], removed: [...cs.removed], targets };
}
/**
 * Classifies every spec against the lock file.
 * @param input specs, lock, files and the status policy
 */
function classifyDrift(input) {
    const entries = input.lock?.entries ?? new Map();
    const executable = new Set(input.executableStatuses);
    const byPath = new Map(input.specs.map((s) => [s.path, s]));
    const supersededBy = supersessions(input.specs);
    const proposals = proposalsByTarget(input.specs, input.lock);
    const specs = input.specs.map((spec) => {
        const entry = entries.get(spec.path);
        const status = spec.meta.status ?? '';
        const replacedBy = (supersededBy.get(spec.path) ?? []).filter((p) => byPath.has(p));
        const replaces = spec.refs.filter((r) => r.kind === 'fm' && r.via === 'supersedes' && r.resolved && entries.has(r.resolved)).map((r) => r.resolved);
        if (entry) {
            if (entry.id && spec.meta.id && entry.id !== spec.meta.id && spec.meta.supersedes.includes(entry.id)) {
                return noChanges(spec.path, 'superseded', { entry, implementedId: entry.id, supersededBy: [spec.path] });
            }
            if (INACTIVE.has(status) || replacedBy.length > 0) {
                const replacementDone = replacedBy.length > 0 && replacedBy.every((p) => entries.has(p));
                return noChanges(spec.path, replacementDone ? 'retired' : 'superseded', { entry, supersededBy: replacedBy });
            }
            const same = entry.contentHash === spec.contentHash || entry.contentHash === input.lfHashes?.get(spec.path);
            if (same)
                return noChanges(spec.path, 'implemented', { entry });
            const diff = compareRequirements(spec, entry, proposals.get(spec.path));
            const all = [...diff.added, ...diff.removed, ...diff.changed];
            const state = all.length > 0 ? 'changed' : 'edited';
            return { ...noChanges(spec.path, state, { entry }), ...diff, explained: all.length > 0 && all.every((c) => c.proposedBy?.implemented === true) };
        }
        if (spec.type === 'sprint-change-proposal') {
            if (executable.has(status))
                return noChanges(spec.path, 'change-pending', { change: pendingChange(spec, byPath) });
            if (status === 'done')
                return noChanges(spec.path, 'untracked');
            return noChanges(spec.path, INACTIVE.has(status) ? 'inactive' : 'not-ready');
        }
        if (INACTIVE.has(status))
            return noChanges(spec.path, 'inactive', { supersededBy: replacedBy });
        if (executable.has(status))
            return noChanges(spec.path, 'never-implemented', { replaces });
        if (status === 'done')
            return noChanges(spec.path, 'untracked');
        return noChanges(spec.path, 'not-ready');
    });
    const byId = new Map();
    for (const s of input.specs)
        if (s.meta.id && !INACTIVE.has(s.meta.status ?? ''))
            byId.set(s.meta.id, s.path);
    const orphaned = [];
    for (const [path, entry] of entries) {
        if (byPath.has(path))
            continue;
        const movedTo = entry.id ? byId.get(entry.id) : undefined;
        if (input.files.has(path))
            orphaned.push({ entry, reason: 'not-a-spec' });
        else if (movedTo)
            orphaned.push({ entry, reason: 'moved', movedTo });
        else
            orphaned.push({ entry, reason: 'deleted' });
    }
    orphaned.sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1));
    return { specs, orphaned };
}

;// CONCATENATED MODULE: ./lib/pipeline/drift/index.js
/**
 * Spec drift (pure): the lock file that records what each spec looked like when its
 * implementation merged, and the comparison of the specs on the default branch with it.
 */



// EXTERNAL MODULE: ./lib/pipeline/repo-path.js
var repo_path = __webpack_require__(410);
;// CONCATENATED MODULE: ./lib/pipeline/revalidate/model.js
const REPORT_SCHEMA_VERSION = 1;

// EXTERNAL MODULE: ./lib/pipeline/arrays.js
var arrays = __webpack_require__(3938);
;// CONCATENATED MODULE: ./lib/pipeline/revalidate/build-report.js
/**
 * Combines validation, traceability and drift into the Spec health report: one finding
 * (a normalized diagnostic) per thing a lead can act on, the specs ordered most
 * important first, and the verdict per `revalidate.failOn`. Pure.
 */







/** Statuses whose documents are not expected to be clean yet, or any more. */
const UNCOUNTED_STATUSES = new Set(['draft', 'proposed', 'in-review', 'superseded', 'rejected', 'deprecated']);
/** States in which every requirement should have a test. */
const TESTED_STATES = new Set(['implemented', 'changed', 'edited', 'untracked']);
/** Within a severity, the order in which a lead reads specs. */
const STATE_RANK = {
    changed: 0,
    superseded: 1,
    'change-pending': 2,
    'never-implemented': 3,
    edited: 4,
    untracked: 5,
    retired: 6,
    implemented: 7,
    'not-ready': 8,
    inactive: 9,
};
const SEVERITY_RANK = { error: 0, warning: 1, info: 2, ok: 3 };
function finding(code, path, line, message, severity, source = 'revalidate') {
    const rule = REVALIDATE_RULES[code];
    return { source, path, range: { start: { line: Math.max(1, line) } }, severity: severity ?? rule.severity, rule: code, message, hint: rule.fix };
}
/** `PR #12, 2026-10-15` / `commit 1a2b3c4, 2026-10-15` / `2026-10-15`. */
function implementedBy(entry) {
    const date = entry.implementedAt.slice(0, 10);
    if (entry.pr)
        return `PR #${entry.pr.number}, ${date}`;
    if (entry.commit)
        return `commit ${entry.commit.slice(0, 7)}, ${date}`;
    return date;
}
function nameOf(spec) {
    return spec.meta.id ? `${spec.meta.id} (${spec.path})` : spec.path;
}
function list(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
function driftFindings(spec, d, lockPath, lockPresent, byPath) {
    const statusLine = spec.meta.lines.status ?? 1;
    const entry = d.entry;
    switch (d.state) {
        case 'changed': {
            const parts = [
                ...d.added.map((c) => `${c.id} added${c.line ? ` (line ${c.line})` : ''}`),
                ...d.changed.map((c) => `${c.id} reworded${c.line ? ` (line ${c.line})` : ''}`),
                ...d.removed.map((c) => `${c.id} removed`),
            ];
            const byProposal = new Map();
            for (const c of [...d.added, ...d.changed, ...d.removed]) {
                if (!c.proposedBy)
                    continue;
                const group = byProposal.get(c.proposedBy.path) ?? { by: c.proposedBy, ids: [] };
                group.ids.push(c.id);
                byProposal.set(c.proposedBy.path, group);
            }
            const from = [...byProposal.values()]
                .map(({ by, ids }) => ` ${list(ids)} ${ids.length === 1 ? 'comes' : 'come'} from change proposal ${by.id ?? by.path}, which ${by.implemented ? 'is implemented' : 'is not implemented yet'}.`)
                .join('');
            const lines = [...d.added, ...d.changed].map((c) => c.line).filter((l) => l !== undefined);
            const line = lines.length > 0 ? (0,arrays/* minOf */._h)(lines) : 1;
            const message = `${nameOf(spec)} changed since it was implemented (${implementedBy(entry)}): ${list(parts)}.${from}`;
            return [finding(d.explained ? 'drift.changed.explained' : 'drift.changed', spec.path, line, message)];
        }
        case 'edited':
            return [finding('drift.edited', spec.path, 1, `${nameOf(spec)} was edited since it was implemented (${implementedBy(entry)}); its requirements are unchanged.`)];
        case 'superseded': {
            if (d.implementedId) {
                return [finding('drift.superseded', spec.path, statusLine, `${spec.path} was implemented as ${d.implementedId} (${implementedBy(entry)}); it is now ${spec.meta.id ?? 'another document'}, which supersedes ${d.implementedId} and is not implemented: the code follows the old version.`)];
            }
            const by = d.supersededBy.map((p) => byPath.get(p)).filter((s) => !!s);
            const replacement = by.length > 0 ? `by ${list(by.map(nameOf))}, which ${by.length === 1 ? 'is' : 'are'} not implemented` : `(status ${spec.meta.status ?? 'unknown'}) and nothing that replaces it is implemented`;
            return [finding('drift.superseded', spec.path, statusLine, `${nameOf(spec)} was implemented (${implementedBy(entry)}) but is superseded ${replacement}: the code follows a superseded version.`)];
        }
        case 'retired':
            return [finding('drift.retired', spec.path, statusLine, `${nameOf(spec)} is superseded by ${list(d.supersededBy)}, which ${d.supersededBy.length === 1 ? 'is' : 'are'} implemented; its lock entry (${implementedBy(entry)}) is history.`)];
        case 'never-implemented': {
            const replaces = d.replaces.length > 0 ? ` It replaces ${list(d.replaces)}, whose implementation the code still follows.` : '';
            const where = lockPresent ? `no entry in ${lockPath}` : `there is no ${lockPath} yet`;
            return [finding('drift.never-implemented', spec.path, statusLine, `${nameOf(spec)} is ${spec.meta.status ?? 'executable'} but was never implemented: ${where}.${replaces}`)];
        }
        case 'change-pending': {
            const c = d.change;
            const parts = [];
            if (c.added.length > 0)
                parts.push(`adds ${list(c.added)}`);
            if (c.modified.length > 0)
                parts.push(`modifies ${list(c.modified)}`);
            if (c.removed.length > 0)
                parts.push(`removes ${list(c.removed)}`);
            const what = parts.length > 0 ? `it ${list(parts)}` : 'its change set is empty';
            const targets = c.targets
                .map((t) => {
                const notes = [];
                if (t.missing.length > 0)
                    notes.push(`${list(t.missing)} not yet in ${t.path ?? t.doc}`);
                if (t.stillDefined.length > 0)
                    notes.push(`${list(t.stillDefined)} still in ${t.path ?? t.doc}`);
                return notes.join('; ');
            })
                .filter((s) => s !== '');
            const textNote = targets.length > 0 ? ` (${targets.join('; ')})` : '';
            return [finding('drift.change-pending', spec.path, statusLine, `Change proposal ${nameOf(spec)} is approved but not applied: ${what}${textNote}, and no implementation is recorded.`)];
        }
        case 'untracked':
            return [finding('drift.untracked', spec.path, statusLine, `${nameOf(spec)} has status done, but no implementation is recorded in ${lockPath}, so its drift cannot be checked.`)];
        default:
            return [];
    }
}
/** Open (unchecked) tasks of every spec, by the canonical ids they cite: `TS-001 T010`. */
function openTasksByRequirement(specs) {
    const out = new Map();
    for (const s of specs) {
        for (const t of s.tasks) {
            if (t.checked)
                continue;
            for (const ref of t.reqRefs) {
                const key = (0,spec_ids/* canonicalIdOf */.RK)(ref);
                const label = `${s.meta.id ?? s.path} ${t.id}`;
                const list = out.get(key) ?? [];
                if (!list.includes(label))
                    list.push(label);
                out.set(key, list);
            }
        }
    }
    return out;
}
function untestedFindings(trace, spec, marker, openTasks) {
    return trace.untested.map((r) => {
        const planned = openTasks.get(r.canonicalId) ?? [];
        const code = r.code.length > 0 ? ` Code mentions it in ${r.code[0].path}:${r.code[0].line}.` : '';
        const plan = planned.length > 0 ? ` Open task${planned.length === 1 ? '' : 's'}: ${list(planned.slice(0, 5))}.` : '';
        return finding('trace.untested', r.file ?? spec.path, r.line, `${r.id} has no test: no test cites it (mark one with @pytest.mark.${marker}(${JSON.stringify(r.id)})).${code}${plan}`);
    });
}
function staleMessage(s) {
    const c = s.citation;
    const who = c.test ? `${c.test} ` : '';
    const why = s.removedFrom.length > 0
        ? `which was removed from ${list(s.removedFrom)} since it was implemented`
        : s.reason === 'inactive'
            ? `which only ${list(s.definedIn)} define${s.definedIn.length === 1 ? 's' : ''}, and ${s.definedIn.length === 1 ? 'it is' : 'they are'} superseded, deprecated or rejected`
            : /:/.test(c.canonicalId)
                ? 'which no spec of the repository defines'
                : 'which is not a requirement id';
    return `${who}cites ${c.id}, ${why}.`;
}
function worstOf(findings) {
    if (findings.some((f) => f.severity === 'error'))
        return 'error';
    if (findings.some((f) => f.severity === 'warning'))
        return 'warning';
    if (findings.some((f) => f.severity === 'info'))
        return 'info';
    return 'ok';
}
/** The verdict over the counted findings. */
function verdictOf(findings, failOn) {
    const counts = (0,diagnostic/* countBySeverity */.Ot)(findings);
    const health = counts.error > 0 ? 'unhealthy' : counts.warning > 0 ? 'needs-attention' : 'healthy';
    const fails = failOn !== 'never' && findings.some((f) => (0,diagnostic/* isAtLeast */.du)(f.severity, failOn));
    return { health, failOn, fails, counts };
}
/**
 * Builds the report.
 * @param input validation, traceability, drift and the lock file's state
 */
function buildSpecHealthReport(input) {
    const specs = input.validation.specs;
    const byPath = new Map(specs.map((s) => [s.path, s]));
    const driftOf = new Map(input.drift.specs.map((d) => [d.path, d]));
    const traceOf = new Map(input.trace.specs.map((t) => [t.path, t]));
    const lockPath = input.lock.path;
    const openTasks = openTasksByRequirement(specs);
    // Stale citations, with the specs that dropped their id since implementation.
    const removedBy = new Map();
    for (const d of input.drift.specs)
        for (const c of d.removed)
            removedBy.set(c.canonicalId, [...(removedBy.get(c.canonicalId) ?? []), d.path]);
    const stale = input.trace.stale.map((s) => ({ ...s, removedFrom: removedBy.get(s.citation.canonicalId) ?? [] }));
    const repoFindings = [];
    for (const s of stale) {
        const c = s.citation;
        repoFindings.push(finding(s.inCode ? 'trace.stale-code-reference' : 'trace.stale-citation', c.path, c.line, staleMessage(s)));
    }
    for (const p of input.lock.problems)
        repoFindings.push(finding(p.fatal ? 'lock.invalid' : 'lock.entry.invalid', lockPath, p.line, p.message));
    const orphaned = input.drift.orphaned.map((o) => ({ ...o, line: input.lock.text ? lineOfKey(input.lock.text, o.entry.path) : 1 }));
    for (const o of orphaned) {
        const e = o.entry;
        const what = `${lockPath} records ${e.path}${e.id ? ` (${e.id})` : ''}, implemented in ${implementedBy(e)}`;
        const why = o.reason === 'moved' ? `, but the document now lives at ${o.movedTo}: record it under that path and delete this entry` : o.reason === 'not-a-spec' ? ', but the file is no longer validated as a spec (excluded, or its type is unknown)' : ', but the spec no longer exists';
        repoFindings.push(finding('drift.orphaned', lockPath, o.line, `${what}${why}.`));
    }
    if (!input.lock.present && input.drift.specs.some((d) => d.state === 'never-implemented')) {
        repoFindings.push(finding('lock.missing', '', 1, `There is no ${lockPath}: no implementation has been recorded yet, so every approved spec is reported as never implemented.`));
    }
    for (const p of input.traceProblems)
        repoFindings.push(finding('trace.config', input.configFile ?? '', 1, `${p.key}: ${p.message}`, undefined, 'config'));
    // Validation findings that belong to no spec document (unreadable files, checklists) count as the repository's.
    const ownedBySpec = new Set(specs.flatMap((s) => [s.path, ...s.companions]));
    const repoValidation = input.validation.diagnostics.filter((d) => !ownedBySpec.has(d.path));
    const healths = specs.map((spec) => {
        const drift = driftOf.get(spec.path);
        const trace = traceOf.get(spec.path) ?? { path: spec.path, requirements: [], untested: [], tested: 0 };
        const counted = drift.entry !== undefined || !UNCOUNTED_STATUSES.has(spec.meta.status ?? '');
        const own = (0,diagnostic/* assignFingerprints */.Dz)([
            ...driftFindings(spec, drift, lockPath, input.lock.present, byPath),
            ...(TESTED_STATES.has(drift.state) ? untestedFindings(trace, spec, input.marker, openTasks) : []),
        ]);
        const findings = (0,diagnostic/* sortDiagnostics */.Ds)([...spec.diagnostics, ...own]);
        return {
            path: spec.path,
            ...(spec.meta.id ? { id: spec.meta.id } : {}),
            ...(spec.type ? { type: spec.type } : {}),
            title: spec.title,
            ...(spec.meta.status ? { status: spec.meta.status } : {}),
            executable: spec.executable,
            counted,
            drift,
            trace,
            stale: stale.filter((s) => s.removedFrom.includes(spec.path)),
            plannedBy: Object.fromEntries(trace.untested.filter((r) => openTasks.has(r.canonicalId)).map((r) => [r.canonicalId, openTasks.get(r.canonicalId)])),
            validation: (0,diagnostic/* countBySeverity */.Ot)(spec.diagnostics),
            findings,
            worst: worstOf(counted ? findings : own),
        };
    });
    healths.sort((a, b) => SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst] ||
        STATE_RANK[a.drift.state] - STATE_RANK[b.drift.state] ||
        b.trace.untested.length - a.trace.untested.length ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const counted = [...healths.flatMap((h) => (h.counted ? h.findings : h.findings.filter((f) => f.source === 'revalidate'))), ...repoValidation, ...(0,diagnostic/* assignFingerprints */.Dz)(repoFindings)];
    const findings = (0,diagnostic/* sortDiagnostics */.Ds)(counted);
    const report = {
        schemaVersion: REPORT_SCHEMA_VERSION,
        ...(input.commit ? { commit: input.commit } : {}),
        ...(input.ref ? { ref: input.ref } : {}),
        verdict: verdictOf(findings, input.failOn),
        specs: healths,
        stale,
        orphaned,
        lock: { path: lockPath, present: input.lock.present, entries: input.lock.entries, problems: input.lock.problems },
        traceability: input.trace.totals,
        skipped: input.skipped,
        skippedSpecs: input.validation.skipped,
        findings,
    };
    const prefix = (0,repo_path/* normalizePrefix */.iG)(input.pathPrefix);
    return prefix === '' ? report : inRepositoryPaths(report, (path) => (0,repo_path/* inRepository */.yJ)(prefix, path));
}
/**
 * The report with every path in it repository-relative, once it is built: drift, stale
 * citations and the status of each spec are worked out between the project's own paths
 * (those of the lock file, the configuration and the citations). Messages and
 * fingerprints stay those of the project.
 */
function inRepositoryPaths(report, p) {
    const diag = (d) => ({ ...d, path: p(d.path) });
    const cite = (c) => ({ ...c, path: p(c.path) });
    const req = (r) => ({ ...r, ...(r.file ? { file: p(r.file) } : {}), tests: r.tests.map(cite), code: r.code.map(cite) });
    const entry = (e) => ({ ...e, path: p(e.path) });
    const stale = (s) => ({ ...s, citation: cite(s.citation), definedIn: s.definedIn.map(p), removedFrom: s.removedFrom.map(p) });
    const change = (c) => (c.proposedBy ? { ...c, proposedBy: { ...c.proposedBy, path: p(c.proposedBy.path) } } : c);
    const drift = (d) => ({
        ...d,
        path: p(d.path),
        ...(d.entry ? { entry: entry(d.entry) } : {}),
        added: d.added.map(change),
        changed: d.changed.map(change),
        removed: d.removed.map(change),
        supersededBy: d.supersededBy.map(p),
        replaces: d.replaces.map(p),
        ...(d.change ? { change: { ...d.change, targets: d.change.targets.map((t) => ({ ...t, ...(t.path ? { path: p(t.path) } : {}) })) } } : {}),
    });
    return {
        ...report,
        specs: report.specs.map((s) => ({
            ...s,
            path: p(s.path),
            drift: drift(s.drift),
            trace: { ...s.trace, path: p(s.trace.path), requirements: s.trace.requirements.map(req), untested: s.trace.untested.map(req) },
            stale: s.stale.map(stale),
            findings: s.findings.map(diag),
        })),
        stale: report.stale.map(stale),
        orphaned: report.orphaned.map((o) => ({ ...o, entry: entry(o.entry), ...(o.movedTo ? { movedTo: p(o.movedTo) } : {}) })),
        lock: { ...report.lock, path: p(report.lock.path) },
        skipped: report.skipped.map((s) => ({ ...s, path: p(s.path) })),
        skippedSpecs: report.skippedSpecs.map((s) => ({ ...s, path: p(s.path) })),
        findings: report.findings.map(diag),
    };
}

// EXTERNAL MODULE: ./lib/pipeline/spec/index.js + 33 modules
var spec = __webpack_require__(48);
;// CONCATENATED MODULE: ./lib/pipeline/traceability/citation-ids.js
/**
 * Requirement ids as tests write them, mapped onto the spec pipeline's canonical keys
 * (src/pipeline/spec/ids.ts, spec-formats §2): `FR1`, `FR-1`, `FR-001` and `fr_1` in a
 * test name are all `FR:1`. There is one canonicalization in the project, the spec
 * pipeline's; this file only adapts test-side spellings to it.
 */

/** Longest marker argument read as an id; anything longer is not one. */
const MAX_ID_CHARS = 100;
/** Id prefixes a test name may carry, longest first so `nfr` is not read as `fr`. */
const NAME_PREFIXES = ['doc_req', 'design_req', 'nfr', 'fr', 'cr', 'sc', 'uj', 'sm', 'tr', 'req'];
const ciPrefix = (p) => [...p].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c === '_' ? '[-_]?' : c)).join('');
/** snake_case names: `test_fr_12_export`, `test_FR12`, `test_nfr3a_x`. */
const SNAKE_ID = new RegExp(`(?:^|_)(?<prefix>${NAME_PREFIXES.map(ciPrefix).join('|')})_?(?<num>\\d{1,4})(?<suffix>[a-z])?(?=_|$)`, 'g');
/** CamelCase names: `TestFR12Export`, `testExportNFR3`. */
const CAMEL_ID = new RegExp(`(?<=^|[a-z0-9_])(?<prefix>${NAME_PREFIXES.map((p) => p.toUpperCase().replace('_', '-?')).join('|')})(?<num>\\d{1,4})(?=[A-Z_]|$)`, 'g');
/**
 * Canonical key of an id written by hand in a marker or a pattern match. Lenient about
 * the prefix's case (`fr-1`), strict about the rest, so an id means what the spec's means.
 * Text that is no requirement id keeps its own (trimmed) spelling as key.
 */
function canonicalCitation(raw) {
    const text = raw.trim();
    const direct = (0,spec_ids/* canonicalIdOf */.RK)(text);
    if (direct.includes(':'))
        return direct;
    const upper = text.replace(/^[A-Za-z][A-Za-z-]*?(?=[-_ ]?\d)/, (m) => m.toUpperCase());
    const lenient = (0,spec_ids/* canonicalIdOf */.RK)(upper);
    return lenient.includes(':') ? lenient : text;
}
/**
 * The ids a marker argument holds: `"FR-1"` is one; `"FR-1, NFR-2"` or `"FR-1–FR-3"`
 * (a range) several; text that is no id (`"login"`) is kept as one unknown id, so a
 * typo in a marker shows up as a stale citation instead of vanishing.
 */
function idsInMarkerArgument(value) {
    const text = value.trim();
    if (text === '' || text.length > MAX_ID_CHARS)
        return [];
    const single = canonicalCitation(text);
    if (single.includes(':'))
        return [{ id: text, canonicalId: single }];
    const refs = (0,spec_ids/* findReferences */.yU)(text);
    if (refs.length > 0)
        return refs.map((r) => ({ id: r.id, canonicalId: r.canonical }));
    return [{ id: text, canonicalId: single }];
}
/** The ids in free text (docstrings, comments, other languages): the spec pipeline's reference grammar, ranges expanded. */
function idsInText(text) {
    return (0,spec_ids/* findReferences */.yU)(text).map((r) => ({ id: r.id, canonicalId: r.canonical, index: r.index }));
}
/**
 * The ids a test or test-class name carries: `test_fr_12_export` → FR-12,
 * `test_FR12` → FR-12, `TestNFR3NoNetwork` → NFR-3, `test_fr7a_x` → FR-7a.
 * Numbers not glued to a known prefix (`test_add_200_chars`) are not ids.
 */
function idsInTestName(name) {
    const out = [];
    const seen = new Set();
    const add = (prefix, num, suffix = '') => {
        const p = prefix.toUpperCase().replace(/[-_]/g, '').replace(/^(DOC|DESIGN)REQ$/, '$1-REQ');
        const id = `${p}-${Number(num)}${suffix.toLowerCase()}`;
        const canonicalId = (0,spec_ids/* canonicalIdOf */.RK)(id);
        if (!canonicalId.includes(':') || seen.has(canonicalId))
            return;
        seen.add(canonicalId);
        out.push({ id, canonicalId });
    };
    // `test` / `Test` is the collection prefix, not part of an id.
    const rest = name.replace(/^[Tt]est/, '');
    for (const m of rest.matchAll(SNAKE_ID))
        add(m.groups.prefix, m.groups.num, m.groups.suffix);
    for (const m of rest.matchAll(CAMEL_ID))
        add(m.groups.prefix, m.groups.num);
    return out;
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
;// CONCATENATED MODULE: ./lib/pipeline/traceability/collect.js
/**
 * Picks the test and code files out of a repository listing (`traceability.tests` and
 * `traceability.code` globs) and reads them through the {@link SpecSource} port, with
 * limits: a generated 50 MB fixture or a binary with a `.py` name is skipped and
 * counted, never read whole into the scan.
 */

const DEFAULT_COLLECT_LIMITS = { maxFileBytes: 1024 * 1024, maxFiles: 50_000 };
/** Reads at once: enough to keep a disk or the API busy, few enough to stay polite. */
const PARALLEL_READS = 32;
const decoder = new TextDecoder('utf-8');
/** Which of `files` are tests and which are code (a test file is never also code). */
function selectTraceFiles(files, config) {
    const isTest = picomatch([...config.tests], { dot: false });
    const isCode = picomatch([...config.code], { dot: false });
    const tests = [];
    const code = [];
    for (const f of files) {
        if (isTest(f))
            tests.push(f);
        else if (isCode(f))
            code.push(f);
    }
    return { tests, code };
}
/**
 * Reads the test and code files of a listing.
 * @param source the repository
 * @param files its listing (repo-relative paths)
 * @param config `traceability` (globs)
 */
async function collectTraceFiles(source, files, config, limits = DEFAULT_COLLECT_LIMITS) {
    const selected = selectTraceFiles(files, config);
    const skipped = [];
    const wanted = [...selected.tests.map((p) => ({ path: p, test: true })), ...selected.code.map((p) => ({ path: p, test: false }))];
    for (const w of wanted.slice(limits.maxFiles))
        skipped.push({ path: w.path, reason: 'over-limit' });
    const reading = wanted.slice(0, limits.maxFiles);
    const tests = [];
    const code = [];
    for (let i = 0; i < reading.length; i += PARALLEL_READS) {
        const batch = reading.slice(i, i + PARALLEL_READS);
        const results = await Promise.all(batch.map(async (w) => {
            try {
                return { w, bytes: await source.read(w.path) };
            }
            catch {
                return { w, bytes: undefined };
            }
        }));
        for (const { w, bytes } of results) {
            if (!bytes) {
                skipped.push({ path: w.path, reason: 'unreadable' });
                continue;
            }
            if (bytes.byteLength > limits.maxFileBytes) {
                skipped.push({ path: w.path, reason: 'too-large' });
                continue;
            }
            if (bytes.subarray(0, 8192).includes(0)) {
                skipped.push({ path: w.path, reason: 'binary' });
                continue;
            }
            const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
            (w.test ? tests : code).push({ path: w.path, text });
        }
    }
    return { tests, code, skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

// EXTERNAL MODULE: ./lib/pipeline/linear-regex.js + 1 modules
var linear_regex = __webpack_require__(2350);
;// CONCATENATED MODULE: ./lib/pipeline/traceability/patterns.js
/**
 * `traceability.patterns`: extra regexes whose first capture group is a requirement id,
 * for conventions the built-in scan does not know (`# Covers: FR-12`, `@Requirement("FR-12")`
 * in Java, `it("[FR-12] …")`). They come from the repository's configuration, so they
 * are untrusted: they run in linear time (RE2, src/pipeline/linear-regex.ts), and a
 * pattern that does not compile or has no capture group is refused with a problem that
 * names it, never run.
 */



/** Longest pattern accepted. */
const MAX_PATTERN_CHARS = 500;
/** Characters of a line patterns look at: a minified 1 MB line cannot stall the scan. */
const PATTERN_LINE_CHARS = 2000;
/**
 * Compiles the configured patterns.
 * @param sources `traceability.patterns`
 */
function compilePatterns(sources) {
    const patterns = [];
    const problems = [];
    sources.forEach((source, i) => {
        const key = `traceability.patterns[${i}]`;
        if (source.length > MAX_PATTERN_CHARS) {
            problems.push({ key, message: `The pattern is longer than ${MAX_PATTERN_CHARS} characters; shorten it.` });
            return;
        }
        try {
            (0,linear_regex/* linearRegex */.t$)(source, 'g');
        }
        catch (error) {
            problems.push({ key, message: error instanceof Error ? error.message : String(error) });
            return;
        }
        if ((0,linear_regex/* groupCount */.hl)(source) < 1) {
            problems.push({ key, message: `The pattern ${JSON.stringify(source)} has no capture group; put the requirement id in the first one, e.g. "Covers: ((?:FR|NFR)-\\\\d+)".` });
            return;
        }
        patterns.push(source);
    });
    return { patterns, problems };
}
/** The ids the patterns capture in one line. */
function idsByPatterns(line, patterns) {
    const text = line.length > PATTERN_LINE_CHARS ? line.slice(0, PATTERN_LINE_CHARS) : line;
    const out = [];
    for (const source of patterns) {
        for (const m of (0,linear_regex/* execAll */.Rp)((0,linear_regex/* linearRegex */.t$)(source, 'g'), text))
            if (m[1])
                (0,arrays/* appendAll */.u2)(out, idsInMarkerArgument(m[1]));
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/pipeline/traceability/python-tokens.js
/**
 * A small Python tokenizer: enough of the language to tell code from strings and
 * comments, and to group tokens into logical lines with their indentation. The
 * traceability scanner needs exactly that (a `#` inside a string is not a comment, a
 * decorator spanning three lines is one statement, a method is inside its class), and
 * nothing more: no keywords, no number grammar, no f-string internals.
 *
 * Linear in the input and total: any text, valid Python or not, gives some tokens and
 * never an exception or a hang (an unterminated string ends at the end of the file).
 */
const STRING_PREFIX = /^(?:[rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])$/;
function isNameStart(code) {
    return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}
function isNameChar(code) {
    return isNameStart(code) || (code >= 48 && code <= 57);
}
/**
 * Tokenizes Python source.
 * @param text the file's text (any line endings)
 */
function tokenizePython(text) {
    const lines = [];
    const comments = [];
    const n = text.length;
    let i = 0;
    let line = 1;
    let depth = 0;
    let current;
    let atLineStart = true;
    let lineHasCode = false;
    let indent = 0;
    const endLogical = () => {
        if (current && current.tokens.length > 0)
            lines.push(current);
        current = undefined;
        depth = 0;
    };
    const push = (token, endLine) => {
        if (!current)
            current = { indent, startLine: token.line, endLine, tokens: [] };
        current.tokens.push(token);
        current.endLine = Math.max(current.endLine, endLine);
        lineHasCode = true;
    };
    while (i < n) {
        if (atLineStart) {
            atLineStart = false;
            lineHasCode = false;
            if (!current) {
                // Indentation of a new statement; continuation lines keep the statement's.
                let col = 0;
                while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f')) {
                    col = text[i] === '\t' ? (Math.floor(col / 8) + 1) * 8 : col + 1;
                    i++;
                }
                indent = col;
                continue;
            }
        }
        const ch = text[i];
        const code = text.charCodeAt(i);
        if (ch === '\n' || ch === '\r') {
            i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
            if (depth === 0)
                endLogical();
            line++;
            atLineStart = true;
            continue;
        }
        if (ch === ' ' || ch === '\t' || ch === '\f') {
            i++;
            continue;
        }
        if (ch === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
            // Explicit line joining: the statement goes on.
            i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
            line++;
            atLineStart = true;
            continue;
        }
        if (ch === '#') {
            let end = i + 1;
            while (end < n && text[end] !== '\n' && text[end] !== '\r')
                end++;
            comments.push({ text: text.slice(i + 1, end), line, ownLine: !lineHasCode });
            i = end;
            continue;
        }
        if (ch === '"' || ch === "'") {
            const s = readString(text, i, line);
            push({ kind: 'string', value: s.value, line }, s.endLine);
            line = s.endLine;
            i = s.end;
            continue;
        }
        if (isNameStart(code)) {
            let end = i + 1;
            while (end < n && isNameChar(text.charCodeAt(end)))
                end++;
            const name = text.slice(i, end);
            if ((text[end] === '"' || text[end] === "'") && STRING_PREFIX.test(name)) {
                const s = readString(text, end, line);
                push({ kind: 'string', value: s.value, line }, s.endLine);
                line = s.endLine;
                i = s.end;
                continue;
            }
            push({ kind: 'name', value: name, line }, line);
            i = end;
            continue;
        }
        if (code >= 48 && code <= 57) {
            let end = i + 1;
            while (end < n && (isNameChar(text.charCodeAt(end)) || text[end] === '.'))
                end++;
            push({ kind: 'other', value: text.slice(i, end), line }, line);
            i = end;
            continue;
        }
        if (ch === '(' || ch === '[' || ch === '{')
            depth++;
        else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0)
            depth--;
        push({ kind: 'op', value: ch, line }, line);
        i++;
    }
    endLogical();
    return { lines, comments };
}
/**
 * Reads a string literal starting at the quote `start`. Backslashes escape the next
 * character (raw strings too, which is how Python ends them). A one-line string ends
 * at the end of its line when unterminated; a triple-quoted one at the end of the file.
 */
function readString(text, start, line) {
    const quote = text[start];
    const triple = text[start + 1] === quote && text[start + 2] === quote;
    const n = text.length;
    let i = start + (triple ? 3 : 1);
    const bodyStart = i;
    let endLine = line;
    while (i < n) {
        const ch = text[i];
        if (ch === '\\') {
            if (text[i + 1] === '\n')
                endLine++;
            else if (text[i + 1] === '\r')
                endLine += 1;
            i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
            continue;
        }
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
            if (!triple)
                return { value: text.slice(bodyStart, i), end: i, endLine };
            endLine++;
            i++;
            continue;
        }
        if (ch === '\r') {
            if (!triple)
                return { value: text.slice(bodyStart, i), end: i, endLine };
            i++;
            continue;
        }
        if (ch === quote && (!triple || (text[i + 1] === quote && text[i + 2] === quote))) {
            return { value: text.slice(bodyStart, i), end: i + (triple ? 3 : 1), endLine };
        }
        i++;
    }
    return { value: text.slice(bodyStart), end: n, endLine };
}

;// CONCATENATED MODULE: ./lib/pipeline/traceability/scan-python.js
/**
 * Citations in one Python file. A test cites the requirements it covers with the
 * project-wide marker, `@pytest.mark.req("FR-12")` (several ids: `req("FR-1", "NFR-2")`;
 * the marker name is `traceability.marker`), and, as alternatives, in its name
 * (`test_fr_12_…`), its docstring or a comment in or just above it. Strings and
 * comments are told apart by a tokenizer, so `"# FR-1"` in a string is no comment and
 * an id in test data is no citation.
 */



/** `a.b.c(` in tokens at `at`: the index after the `(`, or -1. */
function markerCallAt(tokens, at, marker) {
    // `pytest.mark.<marker>(` or `mark.<marker>(`: the `mark` name must not be an attribute of something else than pytest.
    const t = tokens[at];
    if (t.kind !== 'name' || t.value !== 'mark')
        return -1;
    const before = tokens[at - 1];
    if (before?.kind === 'op' && before.value === '.') {
        const owner = tokens[at - 2];
        if (owner?.kind !== 'name' || owner.value !== 'pytest')
            return -1;
        const dotBefore = tokens[at - 3];
        if (dotBefore?.kind === 'op' && dotBefore.value === '.')
            return -1;
    }
    let i = at + 1;
    for (const part of marker) {
        if (tokens[i]?.kind !== 'op' || tokens[i].value !== '.')
            return -1;
        if (tokens[i + 1]?.kind !== 'name' || tokens[i + 1].value !== part)
            return -1;
        i += 2;
    }
    return tokens[i]?.kind === 'op' && tokens[i].value === '(' ? i + 1 : -1;
}
/** String arguments of the call whose arguments start at `from`, up to its closing parenthesis. */
function callStrings(tokens, from) {
    const out = [];
    let depth = 1;
    for (let i = from; i < tokens.length && depth > 0; i++) {
        const t = tokens[i];
        if (t.kind === 'op' && (t.value === '(' || t.value === '[' || t.value === '{'))
            depth++;
        else if (t.kind === 'op' && (t.value === ')' || t.value === ']' || t.value === '}'))
            depth--;
        else if (t.kind === 'string' && depth === 1)
            out.push(t);
    }
    return out;
}
/** `def name(` / `async def name(` / `class Name` at the start of a logical line. */
function definitionOf(line) {
    const [a, b, c] = line.tokens;
    if (a?.kind !== 'name')
        return undefined;
    if (a.value === 'def' && b?.kind === 'name')
        return { kind: 'def', name: b.value };
    if (a.value === 'async' && b?.kind === 'name' && b.value === 'def' && c?.kind === 'name')
        return { kind: 'def', name: c.value };
    if (a.value === 'class' && b?.kind === 'name')
        return { kind: 'class', name: b.value };
    return undefined;
}
/** Line of the `index`-th character of a string token's value (multi-line docstrings). */
function lineWithin(token, index) {
    let line = token.line;
    for (let i = token.value.indexOf('\n'); i !== -1 && i < index; i = token.value.indexOf('\n', i + 1))
        line++;
    return line;
}
/**
 * Scans one Python file.
 * @param path repo-relative path, recorded in each citation
 * @param text the file's text
 */
function scanPython(path, text, options) {
    const { lines, comments } = tokenizePython(text);
    const isTest = options.kind === 'test';
    const raw = [];
    const add = (ids, line, via, test) => {
        for (const id of ids)
            raw.push({ id: id.id, canonicalId: id.canonicalId, line, via, ...(test ? { test } : {}) });
    };
    // Comment-only lines, to stretch a test's range up over the comment block above it.
    const commentOnly = new Set(comments.filter((c) => c.ownLine).map((c) => c.line));
    const scopes = [];
    const stack = [];
    let testFunctions = 0;
    let decoratorStart;
    let previousEnd = 0;
    for (const logical of lines) {
        while (stack.length > 0 && stack[stack.length - 1].indent >= logical.indent)
            stack.pop().end = previousEnd;
        const first = logical.tokens[0];
        if (first.kind === 'op' && first.value === '@')
            decoratorStart ??= logical.startLine;
        const def = definitionOf(logical);
        if (def) {
            let start = decoratorStart ?? logical.startLine;
            while (commentOnly.has(start - 1))
                start--;
            const parent = stack[stack.length - 1];
            const inClass = parent?.kind === 'class';
            const test = def.kind === 'def' ? /^test/.test(def.name) && (!parent || (inClass && parent.test)) : /^Test/.test(def.name);
            if (def.kind === 'def' && test)
                testFunctions++;
            const qualified = inClass && parent.test ? `${parent.qualified}::${def.name}` : def.name;
            const scope = { kind: def.kind, name: def.name, indent: logical.indent, start, end: logical.endLine, test, qualified };
            stack.push(scope);
            scopes.push(scope);
            if (isTest && test)
                add(idsInTestName(def.name), logical.startLine, 'name', qualified);
            decoratorStart = undefined;
        }
        else if (!(first.kind === 'op' && first.value === '@')) {
            decoratorStart = undefined;
        }
        const tokens = logical.tokens;
        if (tokens.every((t) => t.kind === 'string')) {
            // A string statement: a docstring of the module, a class or a function.
            for (const t of tokens)
                for (const id of idsInText(t.value))
                    add([id], lineWithin(t, id.index), 'docstring');
        }
        else if (isTest) {
            for (let i = 0; i < tokens.length; i++) {
                const args = markerCallAt(tokens, i, options.marker);
                if (args < 0)
                    continue;
                for (const s of callStrings(tokens, args))
                    add(idsInMarkerArgument(s.value), s.line, 'marker');
            }
        }
        previousEnd = logical.endLine;
    }
    while (stack.length > 0)
        stack.pop().end = previousEnd;
    for (const c of comments)
        add(idsInText(c.text), c.line, 'comment');
    if (options.patterns.length > 0) {
        const physical = text.split(/\r\n|\r|\n/);
        for (let i = 0; i < physical.length; i++)
            add(idsByPatterns(physical[i], options.patterns), i + 1, 'pattern');
    }
    // Each citation of a test file belongs to the innermost test whose lines hold it.
    const owner = new Map();
    for (const s of isTest ? scopes : []) {
        if (!s.test)
            continue;
        for (let l = s.start; l <= s.end; l++)
            owner.set(l, s.qualified);
    }
    const citations = raw
        .map((c) => {
        const test = c.test ?? (isTest ? owner.get(c.line) : undefined);
        return { id: c.id, canonicalId: c.canonicalId, path, line: c.line, via: c.via, ...(test ? { test } : {}) };
    })
        .sort((a, b) => a.line - b.line);
    return { citations, testFunctions };
}

;// CONCATENATED MODULE: ./lib/pipeline/traceability/scan.js




const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `req` → `["req"]`; `traceability.marker` may also name a dotted marker path. */
function markerParts(marker) {
    const parts = marker.split('.');
    if (parts.every((p) => IDENTIFIER.test(p)))
        return { parts };
    return { problem: { key: 'traceability.marker', message: `${JSON.stringify(marker)} is not a pytest marker name (letters, digits and "_"); markers are not recognized until it is fixed.` } };
}
function isPython(path) {
    return /\.pyi?$/i.test(path);
}
/** Citations in a file that is not Python: every id mentioned, plus the patterns. */
function scanText(file, patterns) {
    const out = [];
    const lines = file.text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        for (const id of idsInText(line))
            out.push({ id: id.id, canonicalId: id.canonicalId, path: file.path, line: i + 1, via: 'text' });
        if (patterns.length > 0)
            for (const id of idsByPatterns(line, patterns))
                out.push({ id: id.id, canonicalId: id.canonicalId, path: file.path, line: i + 1, via: 'pattern' });
    }
    return out;
}
/** The same id cited twice on one line (a marker and a pattern, say) is one citation. */
function dedupe(citations) {
    const seen = new Set();
    return citations.filter((c) => {
        const key = `${c.path}\u0000${c.line}\u0000${c.canonicalId}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * Scans test and code files for requirement ids.
 * @param input the files, by role
 * @param config `traceability` of the configuration (marker name and patterns)
 */
function scanTraceability(input, config) {
    const { patterns, problems } = compilePatterns(config.patterns);
    const marker = markerParts(config.marker);
    if ('problem' in marker)
        problems.push(marker.problem);
    const parts = 'parts' in marker ? marker.parts : [];
    const tests = [];
    const code = [];
    let testFunctions = 0;
    const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    for (const file of [...input.tests].sort(byPath)) {
        if (isPython(file.path)) {
            // With no valid marker name, markers match nothing (an empty part list would match `mark(`).
            const scan = scanPython(file.path, file.text, { kind: 'test', marker: parts.length > 0 ? parts : ['\u0000'], patterns });
            (0,arrays/* appendAll */.u2)(tests, dedupe(scan.citations));
            testFunctions += scan.testFunctions;
        }
        else
            (0,arrays/* appendAll */.u2)(tests, dedupe(scanText(file, patterns)));
    }
    for (const file of [...input.code].sort(byPath)) {
        const found = isPython(file.path) ? scanPython(file.path, file.text, { kind: 'code', marker: [], patterns }).citations : scanText(file, patterns);
        (0,arrays/* appendAll */.u2)(code, dedupe(found));
    }
    return {
        tests,
        code,
        testFiles: input.tests.length,
        codeFiles: input.code.length,
        testFunctions,
        skipped: [...(input.skipped ?? [])],
        problems,
    };
}

;// CONCATENATED MODULE: ./lib/pipeline/traceability/coverage.js
/** Statuses whose documents no longer define anything a test should cite. */
const INACTIVE_STATUSES = new Set(['superseded', 'deprecated', 'rejected']);
/**
 * The key a citation matches requirements on (a requirement's `canonicalId`). Kiro
 * acceptance criteria are numbered `N.M` under `Requirement N`, so a test citing `2.3`
 * covers requirement `REQ:2`.
 */
function traceKeyOf(canonicalId) {
    const kiro = /^(\d{1,4})\.\d{1,4}$/.exec(canonicalId);
    return kiro ? `REQ:${Number(kiro[1])}` : canonicalId;
}
/** Citations by the requirement key they match ({@link traceKeyOf}), in their order. */
function groupByTraceKey(citations) {
    const out = new Map();
    for (const c of citations) {
        const key = traceKeyOf(c.canonicalId);
        const list = out.get(key);
        if (list)
            list.push(c);
        else
            out.set(key, [c]);
    }
    return out;
}
/**
 * Builds the traceability report.
 * @param specs the repository's parsed specs (after validation)
 * @param index the scan of its test and code files
 */
function traceRequirements(specs, index, options) {
    const ignored = new Set(options.ignoreKinds.map((k) => k.toUpperCase()));
    const tests = groupByTraceKey(index.tests);
    const code = groupByTraceKey(index.code);
    const activeIds = new Set();
    const inactiveIds = new Map();
    for (const s of specs) {
        const inactive = INACTIVE_STATUSES.has(s.meta.status ?? '');
        for (const r of s.requirements) {
            if (!inactive)
                activeIds.add(r.canonicalId);
            else
                inactiveIds.set(r.canonicalId, [...new Set([...(inactiveIds.get(r.canonicalId) ?? []), s.path])]);
        }
    }
    const traces = [];
    const totals = { requirements: 0, needingTests: 0, tested: 0, untested: 0, testFiles: index.testFiles, codeFiles: index.codeFiles, testFunctions: index.testFunctions, citations: index.tests.length };
    for (const s of specs) {
        const seen = new Set();
        const requirements = [];
        for (const r of s.requirements) {
            // A duplicate definition is a validation error already; trace the first.
            if (seen.has(r.canonicalId))
                continue;
            seen.add(r.canonicalId);
            requirements.push({
                id: r.id,
                canonicalId: r.canonicalId,
                kind: r.kind,
                line: r.line,
                ...(r.file ? { file: r.file } : {}),
                text: r.text,
                tests: tests.get(r.canonicalId) ?? [],
                code: code.get(r.canonicalId) ?? [],
                needsTest: !ignored.has(r.kind.toUpperCase()),
            });
        }
        const untested = requirements.filter((r) => r.needsTest && r.tests.length === 0);
        const tested = requirements.filter((r) => r.needsTest && r.tests.length > 0).length;
        traces.push({ path: s.path, requirements, untested, tested });
        // Superseded, deprecated and rejected documents ask for nothing any more.
        if (INACTIVE_STATUSES.has(s.meta.status ?? ''))
            continue;
        totals.requirements += requirements.length;
        totals.needingTests += requirements.filter((r) => r.needsTest).length;
        totals.tested += tested;
        totals.untested += untested.length;
    }
    const stale = [];
    for (const [list, inCode] of [
        [index.tests, false],
        [index.code, true],
    ]) {
        for (const c of list) {
            const key = traceKeyOf(c.canonicalId);
            if (activeIds.has(key))
                continue;
            const definedIn = inactiveIds.get(key) ?? [];
            stale.push({ citation: c, reason: definedIn.length > 0 ? 'inactive' : 'unknown', definedIn, inCode });
        }
    }
    return { specs: traces, stale, totals };
}

;// CONCATENATED MODULE: ./lib/pipeline/traceability/index.js
/**
 * Requirement → test traceability (pure): scan test and code files for the requirement
 * ids they cite, then match them with the specs' requirements. The convention shared
 * with the dev agent's prompt is the pytest marker `@pytest.mark.req("FR-12")`.
 */








;// CONCATENATED MODULE: ./lib/pipeline/revalidate/revalidate.js





const revalidate_decoder = new TextDecoder('utf-8');
function isMissing(error) {
    const e = error;
    return e?.code === 'ENOENT' || e?.code === 'ENOTDIR' || e?.status === 404 || e?.kind === 'not-found';
}
/** The lock file's text, `undefined` when there is none, or the reason it could not be read. */
async function readLock(source, path) {
    try {
        return { text: revalidate_decoder.decode(await source.read(path)) };
    }
    catch (error) {
        if (isMissing(error))
            return {};
        return { problem: { line: 1, fatal: true, message: `The lock file could not be read: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}.` } };
    }
}
/**
 * Re-validates a repository.
 * @param source the repository's files
 * @param config the repository's configuration
 */
async function revalidateRepository(source, config, options = {}) {
    // The listing is needed three times (specs, traceability, drift): walk the tree once.
    const listing = source.list().then((files) => files.map(repo_path/* normalizeRelative */.iQ));
    const cached = { list: () => listing, read: (p) => source.read(p) };
    const validation = await (0,spec/* validateRepository */.FL)(cached, config.specs);
    const files = await listing;
    const lockPath = (0,repo_path/* normalizeRelative */.iQ)(config.revalidate.lockFile);
    const read = await readLock(source, lockPath);
    const parsed = read.text !== undefined ? parseLock(read.text) : undefined;
    const problems = [...(read.problem ? [read.problem] : []), ...(parsed?.problems ?? [])];
    const usable = parsed && !parsed.problems.some((p) => p.fatal) ? parsed.lock : undefined;
    // Specs whose bytes differ from the lock's hash may only differ in line endings.
    const lfHashes = new Map();
    for (const spec of validation.specs) {
        const entry = usable?.entries.get(spec.path);
        if (!entry || entry.contentHash === spec.contentHash)
            continue;
        try {
            const h = lfContentHash(await source.read(spec.path));
            if (h)
                lfHashes.set(spec.path, h);
        }
        catch {
            // Unreadable now: it was reported by validation.
        }
    }
    const traceFiles = await collectTraceFiles(cached, files, config.traceability, options.limits);
    const index = scanTraceability(traceFiles, config.traceability);
    const trace = traceRequirements(validation.specs, index, { ignoreKinds: config.traceability.ignoreKinds });
    const drift = classifyDrift({ specs: validation.specs, lock: usable, files: new Set(files), executableStatuses: config.specs.executableStatuses, lfHashes });
    return buildSpecHealthReport({
        validation,
        trace,
        drift,
        lock: { path: lockPath, present: read.text !== undefined, ...(read.text !== undefined ? { text: read.text } : {}), entries: usable?.entries.size ?? 0, problems },
        traceProblems: index.problems,
        skipped: index.skipped,
        failOn: options.failOn ?? config.revalidate.failOn,
        marker: config.traceability.marker,
        ...(options.configFile ? { configFile: options.configFile } : {}),
        ...(options.commit ? { commit: options.commit } : {}),
        ...(options.ref ? { ref: options.ref } : {}),
        ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}),
    });
}

;// CONCATENATED MODULE: ./lib/pipeline/revalidate/index.js
/**
 * Scheduled re-validation (pure core): validation, requirement → test traceability and
 * spec drift of every spec, combined into the Spec health report and its verdict.
 */





// EXTERNAL MODULE: ./lib/reporting/check-run.js + 1 modules
var check_run = __webpack_require__(5197);
// EXTERNAL MODULE: ./lib/reporting/finding.js
var reporting_finding = __webpack_require__(535);
// EXTERNAL MODULE: ./lib/reporting/importance.js
var importance = __webpack_require__(3622);
// EXTERNAL MODULE: ./lib/reporting/markdown.js
var markdown = __webpack_require__(2817);
;// CONCATENATED MODULE: ./lib/reporting/spec-health.js






/** The check run's gate name: `spec-automation / revalidate`. */
const REVALIDATE_GATE = 'revalidate';
/** Hidden first line of the issue body: says what wrote it, for people and tools. */
const SPEC_HEALTH_MARKER = '<!-- spec-automation:spec-health v1 -->';
/** Annotations per check run by default: each 50 cost one request. */
const DEFAULT_MAX_ANNOTATIONS = 500;
const HEALTH_ICON = { healthy: '✅', 'needs-attention': '⚠️', unhealthy: '❌' };
const WORST_ICON = { error: '❌', warning: '⚠️', info: 'ℹ️', ok: '✅' };
/** Characters of a requirement's text shown next to its id. */
const REQUIREMENT_TEXT_CHARS = 120;
/** Per spec, validation findings listed before "and N more". */
const VALIDATION_ITEMS = 10;
/** Short words for a drift state, for the table. */
function driftLabel(d) {
    const by = d.entry ? ` (${implementedBy(d.entry)})` : '';
    switch (d.state) {
        case 'implemented':
            return `implemented${by}`;
        case 'changed': {
            const n = d.added.length + d.removed.length + d.changed.length;
            return `changed since implemented: ${(0,markdown/* plural */.LS)(n, 'requirement')}${d.explained ? ' (by an implemented change proposal)' : ''}`;
        }
        case 'edited':
            return 'edited since implemented (requirements unchanged)';
        case 'superseded':
            return 'implemented from a superseded version';
        case 'retired':
            return 'superseded; replacement implemented';
        case 'never-implemented':
            return 'never implemented';
        case 'change-pending':
            return 'change proposal not applied';
        case 'untracked':
            return 'done, not in the lock file';
        case 'not-ready':
            return 'not ready (not approved yet)';
        case 'inactive':
            return 'inactive';
    }
}
function needsSection(s) {
    return s.worst === 'error' || s.worst === 'warning' || s.stale.length > 0;
}
/** A link to a file (and line) of the re-validated commit, or the path as code. */
function fileRef(path, line, report, options, label) {
    const shown = label ?? (line ? `${path}:${line}` : path);
    const base = (0,reporting_finding/* safeUrl */.Pl)(options.repoUrl);
    if (!base || !report.commit || !/^[0-9a-f]{7,64}$/.test(report.commit) || path === '' || path.startsWith('/') || path.includes('..'))
        return (0,markdown/* codeSpan */.SS)(shown);
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return `[${(0,markdown/* codeSpan */.SS)(shown)}](${base.replace(/\/+$/, '')}/blob/${report.commit}/${encoded}${line ? `#L${line}` : ''})`;
}
function clip(text, max) {
    const flat = (0,markdown/* oneLine */.TN)(text);
    const chars = Array.from(flat);
    return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}
function specName(s) {
    return s.id ? `${s.id} · ${s.title}` : s.title;
}
function testsCell(s) {
    const need = s.trace.requirements.filter((r) => r.needsTest).length;
    if (need === 0)
        return '—';
    return `${(0,truncate/* formatCount */.B4)(s.trace.tested)} of ${(0,truncate/* formatCount */.B4)(need)} tested`;
}
function validationCell(s) {
    const v = s.validation;
    if (v.error === 0 && v.warning === 0)
        return '✅';
    const parts = [];
    if (v.error)
        parts.push((0,markdown/* plural */.LS)(v.error, 'error'));
    if (v.warning)
        parts.push((0,markdown/* plural */.LS)(v.warning, 'warning'));
    return `${parts.join(', ')}${s.counted ? '' : ' (not counted)'}`;
}
function tableRow(s, report, options) {
    const name = `${fileRef(s.path, undefined, report, options)}<br>${(0,markdown/* tableCell */.xR)(clip(specName(s), 100))}`;
    return `| ${WORST_ICON[s.worst]} | ${name} | ${(0,markdown/* tableCell */.xR)(s.status ?? '—')} | ${(0,markdown/* tableCell */.xR)(driftLabel(s.drift))} | ${testsCell(s)} | ${validationCell(s)} |`;
}
function headOf(report, options, marker) {
    const v = report.verdict;
    const attention = report.specs.filter(needsSection);
    const lines = [];
    if (marker)
        lines.push(SPEC_HEALTH_MARKER);
    const headline = v.health === 'healthy'
        ? `All ${(0,markdown/* plural */.LS)(report.specs.length, 'spec')} healthy`
        : `${(0,truncate/* formatCount */.B4)(attention.length)} of ${(0,markdown/* plural */.LS)(report.specs.length, 'spec')} need${attention.length === 1 ? 's' : ''} attention`;
    lines.push(`## ${HEALTH_ICON[v.health]} Spec health: ${headline}`, '');
    const notices = (options.notices ?? []).filter((n) => n.trim() !== '');
    if (notices.length > 0) {
        lines.push('> [!WARNING]');
        for (const n of notices)
            lines.push(`> ${(0,markdown/* escapeInline */.VV)((0,markdown/* oneLine */.TN)(n))}`);
        lines.push('');
    }
    const t = report.traceability;
    const facts = [];
    if (report.commit)
        facts.push(`Re-validated ${(0,markdown/* codeSpan */.SS)(report.commit.slice(0, 7))}${report.ref ? ` on ${(0,markdown/* codeSpan */.SS)(report.ref.replace(/^refs\/heads\//, ''))}` : ''}`);
    facts.push(`${(0,truncate/* formatCount */.B4)(t.tested)} of ${(0,markdown/* plural */.LS)(t.needingTests, 'requirement')} tested (${(0,markdown/* plural */.LS)(t.testFunctions, 'test function')} in ${(0,markdown/* plural */.LS)(t.testFiles, 'test file')})`);
    facts.push(report.lock.present ? `lock file ${(0,markdown/* codeSpan */.SS)(report.lock.path)}: ${(0,markdown/* plural */.LS)(report.lock.entries, 'entry', 'entries')}` : `no lock file (${(0,markdown/* codeSpan */.SS)(report.lock.path)})`);
    const c = v.counts;
    facts.push(`${(0,markdown/* plural */.LS)(c.error, 'error')}, ${(0,markdown/* plural */.LS)(c.warning, 'warning')}, ${(0,markdown/* plural */.LS)(c.info, 'note')}: ${v.fails ? `**fails** (fail-on: ${v.failOn})` : `passes (fail-on: ${v.failOn})`}`);
    lines.push(facts.join(' · '), '');
    const links = [];
    const issue = (0,reporting_finding/* safeUrl */.Pl)(options.issueUrl);
    const check = (0,reporting_finding/* safeUrl */.Pl)(options.checkRunUrl);
    if (issue)
        links.push(`[Spec health issue](${issue})`);
    if (check)
        links.push(`[check run](${check})`);
    if (links.length > 0)
        lines.push(links.join(' · '), '');
    if (report.specs.length > 0) {
        lines.push('| | Spec | Status | Drift | Tests | Validation |', '|---|---|---|---|---|---|');
        const shown = attention.length > 0 ? attention : [];
        for (const s of shown)
            lines.push(tableRow(s, report, options));
        const rest = report.specs.length - shown.length;
        if (rest > 0)
            lines.push(`| ✅ | ${(0,markdown/* plural */.LS)(rest, 'more spec')}: nothing to do | | | | |`);
    }
    else {
        lines.push('No spec documents were found (see `specs.include` in the configuration).');
    }
    return lines.join('\n').replace(/\n+$/, '');
}
function requirementItem(r, s, report, options) {
    const planned = s.plannedBy[r.canonicalId] ?? [];
    const plan = planned.length > 0 ? ` — planned: ${planned.slice(0, 5).map(markdown/* escapeInline */.VV).join(', ')} (open)` : '';
    return `  - **${(0,markdown/* escapeInline */.VV)(r.id)}** ${fileRef(r.file ?? s.path, r.line, report, options, `line ${r.line}`)}: ${(0,markdown/* escapeInline */.VV)(clip(r.text, REQUIREMENT_TEXT_CHARS))}${plan}`;
}
function staleItem(s, report, options) {
    const c = s.citation;
    const why = s.removedFrom.length > 0
        ? `removed from ${s.removedFrom.map((p) => (0,markdown/* codeSpan */.SS)(p)).join(', ')} since it was implemented`
        : s.reason === 'inactive'
            ? `defined only by inactive ${s.definedIn.map((p) => (0,markdown/* codeSpan */.SS)(p)).join(', ')}`
            : /:/.test(c.canonicalId)
                ? 'defined by no spec'
                : 'not a requirement id';
    return `- ${fileRef(c.path, c.line, report, options)}${c.test ? ` ${(0,markdown/* codeSpan */.SS)(c.test)}` : ''} cites **${(0,markdown/* escapeInline */.VV)(clip(c.id, 60))}**: ${why}`;
}
function driftFinding(s) {
    return s.findings.find((f) => f.source === 'revalidate' && f.rule.startsWith('drift.'));
}
/**
 * "What to do" under a finding, once per rule in a body: the fourth never-implemented
 * spec needs no fourth copy of the same advice. The advice is the rule registry's own
 * Markdown (src/pipeline/revalidate/rules.ts), not text from a spec.
 */
function whatToDo(finding, shown) {
    if (!finding.hint || shown.has(finding.rule))
        return [];
    shown.add(finding.rule);
    return [`  - **What to do:** ${clip(finding.hint, 600).replace(/</g, '&lt;')}`];
}
function specSection(s, report, options, shownHints) {
    const lines = [];
    lines.push(`### ${WORST_ICON[s.worst]} ${(0,markdown/* escapeInline */.VV)(clip(specName(s), 160))}`, '');
    const facts = [fileRef(s.path, undefined, report, options), s.type ? (0,markdown/* escapeInline */.VV)(s.type) : 'type unknown', `status ${(0,markdown/* escapeInline */.VV)(s.status ?? 'unknown')}`];
    lines.push(facts.join(' · '), '');
    const drift = driftFinding(s);
    lines.push(`- **Drift:** ${(0,markdown/* escapeInline */.VV)(driftLabel(s.drift))}${drift ? `. ${(0,markdown/* escapeInline */.VV)(clip(drift.message, 600))}` : ''}`);
    if (drift?.hint && drift.severity !== 'info')
        lines.push(...whatToDo(drift, shownHints));
    const d = s.drift;
    if (d.state === 'changed' || d.state === 'edited') {
        const changes = [...d.added.map((c) => ['added', c]), ...d.changed.map((c) => ['reworded', c]), ...d.removed.map((c) => ['removed', c])];
        for (const [kind, c] of changes.slice(0, 30)) {
            const where = c.line ? ` ${fileRef(s.path, c.line, report, options, `line ${c.line}`)}` : '';
            lines.push(`  - ${(0,markdown/* escapeInline */.VV)(c.id)} ${kind}${where}${c.proposedBy ? ` (from ${(0,markdown/* escapeInline */.VV)(c.proposedBy.id ?? c.proposedBy.path)})` : ''}`);
        }
        if (changes.length > 30)
            lines.push(`  - …and ${(0,truncate/* formatCount */.B4)(changes.length - 30)} more`);
    }
    if (s.trace.untested.length > 0) {
        const counted = ['implemented', 'changed', 'edited', 'untracked'].includes(d.state);
        lines.push(`- **Untested requirements${counted ? '' : ' (expected until it is implemented)'}:** ${s.trace.untested.map((r) => (0,markdown/* escapeInline */.VV)(r.id)).join(', ')}`);
        for (const r of s.trace.untested.slice(0, 50))
            lines.push(requirementItem(r, s, report, options));
        if (s.trace.untested.length > 50)
            lines.push(`  - …and ${(0,truncate/* formatCount */.B4)(s.trace.untested.length - 50)} more`);
        const untested = s.findings.find((f) => f.rule === 'trace.untested');
        if (counted && untested?.hint)
            lines.push(...whatToDo(untested, shownHints));
    }
    if (s.stale.length > 0) {
        lines.push(`- **Tests citing requirements removed from this spec:**`);
        for (const st of s.stale.slice(0, 30))
            lines.push(`  ${staleItem(st, report, options)}`);
        if (s.stale.length > 30)
            lines.push(`  - …and ${(0,truncate/* formatCount */.B4)(s.stale.length - 30)} more`);
    }
    const validation = (0,importance/* orderByImportance */.AD)(s.findings.filter((f) => f.source !== 'revalidate' && f.severity !== 'info'));
    if (validation.length > 0) {
        lines.push(`- **Validation${s.counted ? '' : ' (not counted while the spec is not approved)'}:**`);
        for (const f of validation.slice(0, VALIDATION_ITEMS))
            lines.push(`  ${(0,reporting_finding/* findingListItem */.F6)(f)}`);
        if (validation.length > VALIDATION_ITEMS)
            lines.push(`  - …and ${(0,truncate/* formatCount */.B4)(validation.length - VALIDATION_ITEMS)} more (run \`spec-automation validate\`)`);
    }
    return lines.join('\n');
}
function repositorySections(report, options) {
    const sections = [];
    const unattributed = report.stale.filter((s) => s.removedFrom.length === 0 && !s.inCode);
    if (unattributed.length > 0) {
        const lines = [`### ⚠️ Stale test citations (${(0,truncate/* formatCount */.B4)(unattributed.length)})`, '', 'Tests that cite a requirement no active spec defines: point them at the requirement they check now, or delete them.', ''];
        for (const s of unattributed.slice(0, 200))
            lines.push(staleItem(s, report, options));
        if (unattributed.length > 200)
            lines.push(`- …and ${(0,truncate/* formatCount */.B4)(unattributed.length - 200)} more (run \`spec-automation status --format json\`)`);
        sections.push(lines.join('\n'));
    }
    if (report.orphaned.length > 0) {
        const lines = [`### ⚠️ Lock entries without a spec (${(0,truncate/* formatCount */.B4)(report.orphaned.length)})`, ''];
        for (const o of report.orphaned) {
            const why = o.reason === 'moved' ? `moved to ${(0,markdown/* codeSpan */.SS)(o.movedTo ?? '')}: record it there` : o.reason === 'not-a-spec' ? 'no longer validated as a spec' : 'deleted';
            lines.push(`- ${fileRef(report.lock.path, o.line, report, options, `${o.entry.path}`)}${o.entry.id ? ` (${(0,markdown/* escapeInline */.VV)(o.entry.id)})` : ''}, implemented in ${(0,markdown/* escapeInline */.VV)(implementedBy(o.entry))}: ${why}`);
        }
        lines.push('', 'Delete these entries from the lock file (or restore the specs).');
        sections.push(lines.join('\n'));
    }
    // What belongs to no spec and has no section of its own: the lock file, settings, unreadable files.
    const inSpecs = new Set(report.specs.flatMap((s) => s.findings.map((f) => f.fingerprint)));
    const repoFindings = report.findings.filter((f) => f.severity !== 'info' && !inSpecs.has(f.fingerprint) && !f.rule.startsWith('trace.stale') && f.rule !== 'drift.orphaned');
    if (repoFindings.length > 0) {
        const lines = [`### ❌ Repository`, ''];
        for (const f of (0,importance/* orderByImportance */.AD)(repoFindings).slice(0, 50))
            lines.push((0,reporting_finding/* findingListItem */.F6)(f));
        sections.push(lines.join('\n'));
    }
    return sections;
}
function footer(options, issue) {
    const run = (0,reporting_finding/* safeUrl */.Pl)(options.runUrl);
    const what = issue ? 'This issue is updated in place by the scheduled re-validation (spec-automation revalidate) and closes itself when every spec is healthy; edits to it are overwritten.' : 'spec-automation revalidate.';
    return `\n\n---\n<sub>${(0,markdown/* escapeInline */.VV)(what)}${run ? ` [Workflow run](${run}).` : ''}</sub>`;
}
function render(report, options, limit, issue) {
    const shownHints = new Set();
    const items = [...report.specs.filter(needsSection).map((s) => specSection(s, report, options, shownHints)), ...repositorySections(report, options)];
    const end = footer(options, issue);
    return (0,truncate/* composeWithinLimit */.Jf)({
        head: headOf(report, options, issue),
        items,
        separator: '\n\n',
        tail: (shown, total) => (shown < total ? `\n\n_Showing ${(0,truncate/* formatCount */.B4)(shown)} of ${(0,truncate/* formatCount */.B4)(total)} sections, most important first; run \`spec-automation status\` for all of them._${end}` : end),
        limit,
    }).text;
}
/** The body of the Spec health issue (≤ 65,535 characters and bytes). */
function renderSpecHealthIssue(report, options = {}) {
    return render(report, options, options.limit ?? truncate/* COMMENT_BODY_LIMIT */.tx, true);
}
/** The job summary of a re-validation (≤ 1 MiB). */
function renderSpecHealthSummary(report, options = {}) {
    return render(report, options, options.limit ?? truncate/* JOB_SUMMARY_LIMIT */.zS, false);
}
/** Drift states worth counting in the check run's title. */
const TITLE_WORDS = {
    changed: 'changed since implemented',
    superseded: 'implemented from a superseded version',
    'change-pending': 'change proposal not applied',
    'never-implemented': 'never implemented',
};
/** One line: `Spec health: 2 of 4 specs need attention (1 change proposal not applied, 7 untested requirements)`. */
function specHealthTitle(report) {
    const attention = report.specs.filter(needsSection).length;
    if (report.verdict.health === 'healthy')
        return `Spec health: all ${(0,markdown/* plural */.LS)(report.specs.length, 'spec')} healthy`;
    const states = new Map();
    for (const s of report.specs) {
        const word = TITLE_WORDS[s.drift.state];
        if (word && needsSection(s))
            states.set(word, (states.get(word) ?? 0) + 1);
    }
    const parts = [...states].map(([word, n]) => `${(0,truncate/* formatCount */.B4)(n)} ${word}`);
    const untested = report.specs.filter((s) => s.counted).reduce((n, s) => n + s.findings.filter((f) => f.rule === 'trace.untested').length, 0);
    if (untested > 0)
        parts.push((0,markdown/* plural */.LS)(untested, 'untested requirement'));
    const stale = report.stale.filter((s) => !s.inCode).length;
    if (stale > 0)
        parts.push((0,markdown/* plural */.LS)(stale, 'stale citation'));
    if (report.verdict.counts.error > 0)
        parts.push((0,markdown/* plural */.LS)(report.verdict.counts.error, 'error'));
    const title = `Spec health: ${(0,truncate/* formatCount */.B4)(attention)} of ${(0,markdown/* plural */.LS)(report.specs.length, 'spec')} need${attention === 1 ? 's' : ''} attention${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
    return (0,truncate/* truncatePlain */.Bm)(title, { maxBytes: 1024, maxChars: 255 });
}
/** `success` when healthy, `failure` when the verdict fails, `neutral` for findings below the fail level. */
function revalidateConclusion(report) {
    if (report.verdict.fails)
        return 'failure';
    return report.verdict.health === 'healthy' ? 'success' : 'neutral';
}
/**
 * The check run "spec-automation / revalidate" on the re-validated commit: the report as
 * its summary, every counted finding with a file as an annotation (most important
 * first, at most `maxAnnotations`).
 */
function renderSpecHealthCheckRun(report, options = {}) {
    const { annotations, dropped, unanchored } = (0,check_run/* planAnnotations */.mc)((0,importance/* orderByImportance */.AD)(report.findings), options.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS);
    return {
        name: (0,check_run/* checkRunName */.$_)(REVALIDATE_GATE),
        gate: REVALIDATE_GATE,
        conclusion: revalidateConclusion(report),
        output: { title: specHealthTitle(report), summary: render(report, options, options.limit ?? truncate/* CHECK_RUN_TEXT_LIMIT */.Zo, false) },
        annotations,
        annotationsDropped: dropped,
        unanchored,
    };
}

// EXTERNAL MODULE: ./lib/action/outcome.js
var outcome = __webpack_require__(1006);
// EXTERNAL MODULE: ./lib/action/sarif-file.js
var sarif_file = __webpack_require__(5454);
;// CONCATENATED MODULE: ./lib/action/modes/revalidate.js
/**
 * Mode `revalidate`, for `schedule` and `workflow_dispatch` workflows: validation,
 * requirement → test traceability and drift against the lock file over every spec of
 * the checkout (src/pipeline/revalidate), reported as
 * - the check run "spec-automation / revalidate" on the commit checked out (the default
 *   branch head on a schedule), with the findings as annotations;
 * - the job summary;
 * - ONE "Spec health" issue (title and label from `revalidate.issueTitle`/`issueLabel`),
 *   created once and edited in place, closed when every spec is healthy and reopened
 *   when one is not. Only schedule and workflow_dispatch runs touch it: a pull request's
 *   state is not the default branch's.
 * The step fails per `revalidate.failOn` (the `fail-on` input overrides it). A GitHub
 * write that fails (a missing permission) is a warning in the log and the summary, never
 * a lost report.
 */








/** Events whose checkout is the state of the default branch the Spec health issue describes. */
const ISSUE_EVENTS = new Set(['schedule', 'workflow_dispatch']);
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
/** `https://github.com/owner/repo` for links to files, from the runner's environment. */
function repoUrlOf(repo) {
    const server = (process.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    return repo && /^https?:\/\/\S+$/.test(server) ? `${server}/${repo.owner}/${repo.repo}` : undefined;
}
function failureOf(report) {
    const v = report.verdict;
    if (!v.fails)
        return undefined;
    const c = v.counts;
    return `Spec health is ${v.health === 'unhealthy' ? 'unhealthy' : 'not good enough'}: ${c.error} error(s) and ${c.warning} warning(s), failing at fail-on: ${v.failOn}. See the Spec health issue and the job summary for what to do; set revalidate.failOn (or the fail-on input) to never to report without failing the step.`;
}
/** Runs mode `revalidate`; see the file comment. */
async function revalidateMode(ctx) {
    const { inputs, config } = ctx;
    const connecting = ctx.connect();
    connecting.catch(() => undefined);
    const failOn = inputs.failOn ?? config.revalidate.failOn;
    const local = await revalidateRepository((0,fs_spec_source/* createFsSpecSource */._)(ctx.root), config, { failOn, pathPrefix: ctx.prefix, ...(ctx.configFile ? { configFile: ctx.configFile } : {}) });
    const github = await connecting;
    const ref = process.env.GITHUB_REF;
    const report = { ...local, ...(github.run.sha ? { commit: github.run.sha } : {}), ...(ref ? { ref } : {}) };
    const v = report.verdict;
    (0,log/* logText */.k)(`${specHealthTitle(report)}: ${v.counts.error} error(s), ${v.counts.warning} warning(s), ${v.counts.info} note(s).`);
    for (const s of report.specs)
        (0,log/* logText */.k)(`  ${s.worst === 'ok' ? '✔' : s.worst === 'error' ? '✖' : s.worst === 'warning' ? '⚠' : 'ℹ'} ${s.path}: ${s.drift.state}, ${s.trace.untested.length} untested`);
    const notices = [];
    const notice = (message) => {
        notices.push(message);
        ctx.sink.warn(message);
    };
    const repo = github.run.repo;
    const repoUrl = repoUrlOf(repo);
    const renderOptions = { ...(repoUrl ? { repoUrl } : {}), ...(github.run.detailsUrl ? { runUrl: github.run.detailsUrl } : {}) };
    let annotatedOnGitHub = false;
    let checkRun;
    if (inputs.report.has('check-runs')) {
        if (github.run.readOnly || !repo || !github.run.sha) {
            notice(`${github.run.readOnly ?? 'The repository or commit is unknown'}: the check run spec-automation / revalidate was not posted; the findings are in this summary and the log.`);
        }
        else {
            try {
                const plan = renderSpecHealthCheckRun(report, renderOptions);
                const posted = await (0,check_runs/* postCheckRun */.YG)(github.client, repo, plan, { headSha: github.run.sha, ...(github.run.detailsUrl ? { detailsUrl: github.run.detailsUrl } : {}) });
                checkRun = { id: posted.id, ...(posted.url ? { url: posted.url } : {}), action: posted.action };
                annotatedOnGitHub = true;
                (0,log/* logText */.k)(`check run ${posted.name}: ${posted.action}, ${posted.annotations} annotation(s)${posted.url ? ` (${posted.url})` : ''}`);
            }
            catch (error) {
                notice(`Could not post the check run spec-automation / revalidate: ${describe(error)}`);
            }
        }
    }
    let issue;
    const eventName = github.run.eventName;
    if (config.revalidate.issue) {
        if (!ISSUE_EVENTS.has(eventName)) {
            (0,log/* logText */.k)(`The Spec health issue is updated by schedule and workflow_dispatch runs only (this is a ${eventName || 'local'} run): left as it is.`);
        }
        else if (github.run.readOnly || !repo) {
            notice(`${github.run.readOnly ?? 'The repository is unknown'}: the Spec health issue was not updated.`);
        }
        else {
            try {
                const body = renderSpecHealthIssue(report, { ...renderOptions, ...(checkRun?.url ? { checkRunUrl: checkRun.url } : {}) });
                const state = v.health === 'healthy' ? 'closed' : 'open';
                const done = await upsertIssue(github.client, repo, { title: config.revalidate.issueTitle, label: config.revalidate.issueLabel, body, state });
                issue = { ...(done.number !== undefined ? { number: done.number } : {}), ...(done.url ? { url: done.url } : {}), action: done.action };
                (0,log/* logText */.k)(`Spec health issue${done.number !== undefined ? ` #${done.number}` : ''}: ${done.action}${done.url ? ` (${done.url})` : ''}`);
            }
            catch (error) {
                notice(`Could not update the Spec health issue "${config.revalidate.issueTitle}": ${describe(error)}`);
            }
        }
    }
    if (inputs.report.has('annotations') || (!annotatedOnGitHub && inputs.report.has('check-runs'))) {
        try {
            await ctx.sink.annotate(report.findings.filter((f) => f.severity !== 'info'));
        }
        catch (error) {
            ctx.sink.warn(`Could not write log annotations: ${describe(error)}`);
        }
    }
    if (inputs.report.has('summary')) {
        try {
            await ctx.sink.writeSummary(renderSpecHealthSummary(report, { ...renderOptions, notices, ...(checkRun?.url ? { checkRunUrl: checkRun.url } : {}), ...(issue?.url ? { issueUrl: issue.url } : {}) }));
        }
        catch (error) {
            ctx.sink.warn(`Could not write the job summary: ${describe(error)}`);
        }
    }
    const sarifFile = inputs.report.has('sarif') ? await (0,sarif_file/* writeSarifFile */.V)([{ tool: 'spec-automation', diagnostics: report.findings }], ctx, 'revalidate') : undefined;
    const resultsFile = (0,outcome/* runnerFile */.L3)(ctx.runnerTemp, 'revalidate', ctx.step, 'json');
    const results = { schemaVersion: 1, mode: 'revalidate', report, ...(checkRun ? { checkRun } : {}), ...(issue ? { issue } : {}), notices };
    await (0,outcome/* writeJsonFile */.An)(resultsFile, results);
    return {
        conclusion: v.fails ? 'failure' : 'success',
        errors: v.counts.error,
        warnings: v.counts.warning,
        failedGates: v.fails ? ['revalidate'] : [],
        resultsFile,
        sarifFile,
        failure: failureOf(report),
    };
}


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
