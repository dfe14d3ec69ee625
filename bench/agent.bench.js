// The dev agent's economy, on a hand-written replay session: sprint change proposal FR-7
// (CSV export) on examples/tasklet in three iterations (implement, fix, fix), over the real
// local workspace adapter.
//
// 1. Prefix-cache share per iteration: the share of each request's prompt that an earlier
//    request's cache breakpoint covers byte for byte (what the API would read from the
//    cache, TTL permitting). Measured on the request bytes the loop builds, not on the
//    session's hand-written usage numbers. Target: at least 80% from iteration 2.
// 2. Prompt bytes per fix iteration with and without failure trimming, on a failure set of
//    5,000 diagnostics. Target: bounded by agent.failureBudgetChars.
// 3. The loop's own overhead per iteration: runAgent's wall time minus the time inside model
//    calls (the replay). Target: under 1 s.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReplayModel } from '../lib/adapters/anthropic/replay-model.js';
import { parseSession } from '../lib/adapters/anthropic/session-format.js';
import { applyChangeSet } from '../lib/adapters/workspace/apply-change-set.js';
import { LocalTree } from '../lib/adapters/workspace/local-tree.js';
import { addSpent, nothingSpent } from '../lib/pipeline/agent/budgets.js';
import { writePolicyOf } from '../lib/pipeline/agent/guards.js';
import { runAgent } from '../lib/pipeline/agent/loop.js';
import { agentSchema } from '../lib/pipeline/config/schema.js';
import { assignFingerprints } from '../lib/pipeline/diagnostic.js';

const ROOT = new URL('..', import.meta.url).pathname;
const SESSION = join(ROOT, 'test/fixtures/sessions/tasklet-fr7-three-iterations.jsonl');
const APP = join(ROOT, 'examples/tasklet');
const RUNS = 15;

const SPEC_TEXT = `---
type: sprint-change-proposal
id: scp-003-csv-export
status: approved
targets:
  - doc: prd.md
    ids: [FR-7]
    action: add
---
# Sprint Change Proposal: export the visible tasks to CSV

## Issue summary

Users keep their task lists in spreadsheets for weekly reviews and re-type them by hand.
Support asked for an export three times in the last sprint.

## Impact analysis

- PRD: one new functional requirement, FR-7. No existing requirement changes.
- Architecture: a new module beside storage; no change to the JSON format (FR-4).
- UI: one new button, "Export…", next to the filter; it exports what the list shows (FR-6).

## Proposed changes

### PRD — Functional Requirements

OLD:
(none)

NEW:
- **FR-7** Export the visible tasks to a CSV file (columns title, status, created).
  - Status is "open" or "done"; created is ISO 8601 in UTC.
  - The header row names the columns; the file is UTF-8.
  - Only the tasks the current filter shows are exported.

## Acceptance criteria

- Given two tasks, one done, when the user exports with the filter All, then the file has a
  header row and two rows, the open one with status "open".
- Given the filter Done, when the user exports, then only done tasks are in the file.

## Handoff

Development implements FR-7 with tests marked @pytest.mark.req("FR-7").
`;

/** The parsed spec, as the spec pipeline would give it. */
const spec = {
  path: 'docs/scp-003-csv-export.md',
  type: 'sprint-change-proposal',
  typeSource: 'front-matter',
  typeConfidence: 1,
  typeEvidence: { scores: { prd: 0, 'functional-spec': 0, 'technical-spec': 0, 'sprint-change-proposal': 10 }, reasons: [], confident: true },
  contentHash: '0'.repeat(64),
  meta: { id: 'scp-003-csv-export', title: 'Sprint Change Proposal: export the visible tasks to CSV', status: 'approved', owners: [], supersedes: [], related: [], tags: [], implements: [], extra: {}, lines: {}, source: 'front-matter' },
  title: 'Sprint Change Proposal: export the visible tasks to CSV',
  sections: [],
  requirements: [
    { id: 'FR-7', canonicalId: 'FR:7', kind: 'FR', text: 'Export the visible tasks to a CSV file (columns title, status, created).', raw: '- **FR-7** Export the visible tasks to a CSV file (columns title, status, created).', line: 31, sectionPath: ['Proposed changes'], form: 'list' },
  ],
  stories: [],
  acceptanceCriteria: [],
  tasks: [],
  markers: [],
  refs: [],
  changeSet: { targets: [{ doc: 'prd.md', sections: [], ids: ['FR-7'], action: 'add', explicit: true, resolved: 'docs/prd.md', line: 5 }], edits: [{ section: 'PRD — Functional Requirements', old: '(none)', new: '- **FR-7** Export the visible tasks to a CSV file (columns title, status, created).', line: 26 }], added: ['FR-7'], modified: [], removed: [] },
  companions: [],
  executable: true,
  diagnostics: [],
};

const gate = (name, status, diagnostics, extra = {}) => ({ gate: name, tool: name, status, exitCode: status === 'passed' ? 0 : 1, durationMs: 100, fromCache: false, command: [name], diagnostics: assignFingerprints(diagnostics), ...extra });
const diag = (source, path, line, rule, message, severity = 'error') => ({ source, path, range: { start: { line, column: 1 } }, severity, rule, message });

/** What the gates said after each iteration, realistic size. */
const REAL_FAILURES = {
  2: [
    gate('ruff', 'failed', [diag('ruff', 'tasklet/export.py', 6, 'F401', '`os` imported but unused')]),
    gate('pytest', 'failed', [], {
      tests: {
        total: 24, passed: 23, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 900,
        cases: [{ id: 'tests/test_export.py::test_export_writes_the_visible_tasks', name: 'test_export_writes_the_visible_tasks', file: 'tests/test_export.py', outcome: 'failed', durationMs: 4, message: "AssertionError: assert [['Buy milk', 'todo'], ['Call Ada', 'done']] == [['Buy milk', 'open'], ['Call Ada', 'done']]", details: "    assert count == 2\n    assert tuple(rows[0]) == COLUMNS\n>   assert [r[:2] for r in rows[1:]] == [[\"Buy milk\", \"open\"], [\"Call Ada\", \"done\"]]\nE   AssertionError: assert [['Buy milk', 'todo'], ['Call Ada', 'done']] == [['Buy milk', 'open'], ['Call Ada', 'done']]\nE     At index 0 diff: ['Buy milk', 'todo'] != ['Buy milk', 'open']", location: { path: 'tests/test_export.py', line: 25 } }],
      },
    }),
  ],
  3: [gate('basedpyright', 'failed', [diag('basedpyright', 'tasklet/export.py', 19, 'reportUnusedCallResult', 'Result of call expression is of type "Any" and is not used; assign to variable "_" if this is intentional')])],
};

/** The realistic failures plus 5,000 lint findings, the flood fix mode must survive. */
function flooded(iteration) {
  const rules = ['E501', 'D401', 'ANN201', 'PLR2004'];
  const flood = Array.from({ length: 5000 }, (_, i) => diag('ruff', `tasklet/generated_${i % 40}.py`, (i % 700) + 1, rules[i % 4], `finding ${i}: line too long or similar, a typical message of about this length`, i % 5 === 0 ? 'warning' : 'error'));
  return [...REAL_FAILURES[iteration].filter((g) => g.gate !== 'ruff'), gate('ruff', 'failed', [...REAL_FAILURES[iteration].flatMap((g) => (g.gate === 'ruff' ? g.diagnostics : [])), ...flood])];
}

/** The request as the API reads it, one string per block in cache order (tools, system, messages), cache markers removed. */
function blocksOf(request) {
  const blocks = [];
  const breakpoints = [];
  const add = (prefix, block) => {
    const { cache_control, ...rest } = block;
    blocks.push(`${prefix}${JSON.stringify(rest)}`);
    if (cache_control) breakpoints.push(blocks.length);
  };
  request.tools.forEach((t) => add('tool:', t));
  request.system.forEach((b) => add('system:', b));
  request.messages.forEach((m, i) => m.content.forEach((b) => add(`${i}:${m.role}:`, b)));
  return { blocks, breakpoints };
}

/** Wraps a model port, keeping per call the request blocks and the time spent in the model. */
function meter(inner, calls) {
  return {
    async create(request) {
      const started = performance.now();
      const response = await inner.create(request);
      calls.push({ ...blocksOf(request), ms: performance.now() - started });
      return response;
    },
  };
}

const chars = (blocks) => blocks.reduce((n, b) => n + b.length, 0);

/** Share of each call's prompt covered by a prefix an earlier call cached; `cache` persists across iterations. */
function cacheShares(calls, cache) {
  return calls.map((call) => {
    let cached = 0;
    for (const prefix of cache) {
      if (prefix.length <= call.blocks.length && prefix.every((b, i) => b === call.blocks[i])) cached = Math.max(cached, chars(prefix));
    }
    for (const at of call.breakpoints) cache.push(call.blocks.slice(0, at));
    return { cached, total: chars(call.blocks) };
  });
}

/** The session's exchanges split into iterations (each starts with a one-message request). */
function iterationsOf(session) {
  const parts = [];
  for (const exchange of session.exchanges) {
    if (exchange.shape.messages.length === 1) parts.push([]);
    parts[parts.length - 1].push({ ...exchange, index: parts[parts.length - 1].length + 1 });
  }
  return parts.map((exchanges, i) => new ReplayModel({ source: `${session.source}#iteration-${i + 1}`, header: session.header, exchanges }));
}

/** Runs the three iterations on a fresh copy of the app; returns per-iteration measurements. */
async function runAll(session, { failuresFor, failureBudgetChars }) {
  const dir = await mkdtemp(join(tmpdir(), 'agent-bench-'));
  try {
    await cp(APP, dir, { recursive: true });
    const agent = agentSchema.parse({ failureBudgetChars });
    const repoFiles = await (await LocalTree.open(dir, { useGit: false })).listFiles();
    const replays = iterationsOf(session);
    const cache = [];
    const results = [];
    let spent = nothingSpent(Date.now());
    let previous = [];
    for (let i = 0; i < replays.length; i++) {
      const iteration = i + 1;
      const calls = [];
      const workspace = await LocalTree.open(dir, { useGit: false });
      const mode = iteration === 1 ? { kind: 'implement' } : { kind: 'fix', failures: failuresFor(iteration) };
      const outcome = await runAgent(
        { spec, specText: SPEC_TEXT, agent, mode, iteration, maxIterations: 3, spent, repoFiles, previousChanges: previous },
        { model: meter(replays[i], calls), workspace },
      );
      if (outcome.stopReason !== 'finished') throw new Error(`iteration ${iteration} stopped: ${outcome.message}`);
      replays[i].assertFinished();
      const applyStarted = performance.now();
      await applyChangeSet(dir, outcome.changes, writePolicyOf(agent));
      const applyMs = performance.now() - applyStarted;
      previous = [...new Set([...previous, ...outcome.changes.map((c) => c.path)])].sort();
      spent = addSpent(spent, outcome);
      const modelMs = calls.reduce((n, c) => n + c.ms, 0);
      results.push({ iteration, calls, shares: cacheShares(calls, cache), overheadMs: outcome.durationMs - modelMs, applyMs, firstRequestBytes: chars(calls[0].blocks), iterationBytes: calls.reduce((n, c) => n + chars(c.blocks), 0) });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const session = parseSession(await readFile(SESSION, 'utf8'), SESSION);
const budget = agentSchema.parse({}).failureBudgetChars;

// 1. Cache share, realistic failures.
const real = await runAll(session, { failuresFor: (i) => REAL_FAILURES[i], failureBudgetChars: budget });
console.log('Prefix-cache share of prompt bytes per iteration (realistic failures; baseline without caching: 0%)');
console.log('iteration  calls  first call  whole iteration  target');
for (const r of real) {
  const cached = r.shares.reduce((n, s) => n + s.cached, 0);
  const total = r.shares.reduce((n, s) => n + s.total, 0);
  console.log(`${String(r.iteration).padEnd(9)}  ${String(r.calls.length).padEnd(5)}  ${pct(r.shares[0].cached / r.shares[0].total).padEnd(10)}  ${pct(cached / total).padEnd(15)}  ${r.iteration >= 2 ? (cached / total >= 0.8 ? '>= 80% ok' : '>= 80% MISSED') : '-'}`);
}

// 2. Prompt bytes with and without trimming, 5,000 diagnostics.
const trimmed = await runAll(session, { failuresFor: flooded, failureBudgetChars: budget });
const untrimmed = await runAll(session, { failuresFor: flooded, failureBudgetChars: Number.MAX_SAFE_INTEGER });
console.log(`\nPrompt bytes per fix iteration, 5,000 diagnostics + the real failures (failureBudgetChars ${budget}; baseline: untrimmed)`);
console.log('iteration  first request: trimmed / untrimmed (ratio)   whole iteration: trimmed / untrimmed (ratio)   cache share, trimmed');
for (let i = 1; i < trimmed.length; i++) {
  const t = trimmed[i];
  const u = untrimmed[i];
  const cached = t.shares.reduce((n, s) => n + s.cached, 0) / t.shares.reduce((n, s) => n + s.total, 0);
  console.log(`${String(t.iteration).padEnd(9)}  ${kb(t.firstRequestBytes)} / ${kb(u.firstRequestBytes)} (${(t.firstRequestBytes / u.firstRequestBytes).toFixed(3)})`.padEnd(57) + `${kb(t.iterationBytes)} / ${kb(u.iterationBytes)} (${(t.iterationBytes / u.iterationBytes).toFixed(3)})`.padEnd(47) + pct(cached));
}
const implementBytes = trimmed[0].firstRequestBytes;
const growth = Math.max(...trimmed.slice(1).map((t) => t.firstRequestBytes - implementBytes));
console.log(`largest first-request growth over the implement iteration: ${growth} bytes (failure budget ${budget} chars + task text): ${growth <= budget + 2000 ? 'bounded ok' : 'NOT bounded'}`);

// 3. Loop overhead outside model calls.
const overhead = { 1: [], 2: [], 3: [] };
const apply = { 1: [], 2: [], 3: [] };
for (let run = 0; run < RUNS; run++) {
  for (const r of await runAll(session, { failuresFor: flooded, failureBudgetChars: budget })) {
    overhead[r.iteration].push(r.overheadMs);
    apply[r.iteration].push(r.applyMs);
  }
}
console.log(`\nLoop overhead outside model calls, median of ${RUNS} runs, 5,000-diagnostic failures (target: under 1 s per iteration)`);
console.log('iteration  runAgent overhead  ratio to target  applyChangeSet');
for (const it of [1, 2, 3]) {
  const m = median(overhead[it]);
  console.log(`${String(it).padEnd(9)}  ${`${m.toFixed(1)} ms`.padEnd(17)}  ${(m / 1000).toFixed(4).padEnd(15)}  ${median(apply[it]).toFixed(1)} ms`);
}
