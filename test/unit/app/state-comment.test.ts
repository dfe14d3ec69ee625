import { describe, expect, it } from 'vitest';
import { decodeState } from '../../../src/pipeline/workflow/state-document.js';
import { STATE_VERSION, type WorkflowState } from '../../../src/pipeline/workflow/state.js';
import { renderPrBody, renderPrTitle } from '../../../src/reporting/pr-body.js';
import { budgetBar, budgetLine, renderStateComment, requirementDone, safeProse, spentOfBudget } from '../../../src/reporting/state-comment.js';

function state(patch: Partial<WorkflowState> = {}): WorkflowState {
  return {
    version: STATE_VERSION,
    spec: { path: 'docs/prd.md', type: 'prd', id: 'tasklet', title: 'Tasklet <b>export</b> @team', contentHash: 'h1' },
    baseSha: 'a'.repeat(40),
    branch: 'spec/tasklet',
    pr: 3,
    phase: 'qa',
    iteration: 1,
    headSha: 'b'.repeat(40),
    budget: { maxIterations: 3, turns: 80, tokens: 4_000_000, costUsd: 20 },
    ledger: { turns: 12, inputTokens: 1000, outputTokens: 2000, cacheWriteTokens: 3000, cacheReadTokens: 40_000, costUsd: 1.234 },
    attempts: [
      {
        iteration: 0,
        mode: 'implement',
        startedAt: '2026-07-01T10:00:00.000Z',
        finishedAt: '2026-07-01T10:05:00.000Z',
        stopReason: 'finished',
        summary: 'Added export <script>alert(1)</script> and pinged @octocat [click](http://evil)',
        commitSha: 'c'.repeat(40),
        changedFiles: 3,
        spent: { turns: 8, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0.9 },
        gates: { headSha: 'c'.repeat(40), conclusion: 'failure', failed: ['pytest'], errors: 1, warnings: 0, failedTests: 2, failureFingerprint: 'fp', toolErrors: [] },
      },
      { iteration: 1, mode: 'fix', startedAt: '2026-07-01T10:06:00.000Z', changedFiles: 0, spent: { turns: 4, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0.334 } },
    ],
    deliveries: [],
    updatedAt: '2026-07-01T10:07:00.000Z',
    ...patch,
  };
}

describe('renderStateComment', () => {
  it('puts a block the app can read back above the summary', () => {
    const body = renderStateComment({ state: state(), repoUrl: 'https://github.com/o/r' });
    const decoded = decodeState(body);
    expect(decoded).toEqual({ ok: true, state: state() });
    expect(body.indexOf('<!-- spec-automation:state v1')).toBe(0);
  });

  it('shows phase, iteration, the ledger with numbers and the history', () => {
    const body = renderStateComment({ state: state(), repoUrl: 'https://github.com/o/r' });
    expect(body).toContain('`spec:qa`');
    expect(body).toContain('fix 1 of 3');
    expect(body).toContain('| Agent turns | 12 | 80 |');
    expect(body).toContain('| Tokens | 46,000 | 4,000,000 |');
    expect(body).toContain('| Cost | $1.23 | $20.00 |');
    expect(body).toContain('❌ failure: pytest · 2 failing tests · 1 error');
    expect(body).toContain('[`ccccccc`](https://github.com/o/r/commit/' + 'c'.repeat(40) + ')');
    expect(body).toContain('/spec retry qa');
  });

  it('says what failed and what was tried when a human is needed, with untrusted text defused', () => {
    const body = renderStateComment({ state: state({ phase: 'needs-human', reason: 'no progress: <img src=x> @someone' }) });
    expect(body).toContain('#### What failed');
    expect(body).toContain('#### What was tried');
    expect(body).toContain('Iteration 0 (implement): Added export &lt;script>');
    const summary = body.slice(body.indexOf('-->') + 3);
    expect(summary).not.toMatch(/<script|<img/);
    expect(summary).not.toMatch(/@octocat|@someone|@team/);
    expect(summary).not.toContain('[click](');
  });

  it('shows the traceability table when ready', () => {
    const body = renderStateComment({
      state: state({ phase: 'ready' }),
      traceability: [
        { id: 'FR-7', text: 'Export the visible tasks', tests: ['tests/test_export.py::test_csv'] },
        { id: 'FR-8', text: 'Import', tests: [] },
      ],
    });
    expect(body).toContain('#### Traceability');
    expect(body).toContain('1 of 2 requirements cited by a test.');
    expect(body).toContain('| **FR-7** Export the visible tasks | `tests/test_export.py::test_csv` |');
    expect(body).toContain('⚠️ no test cites it');
  });

  it('is a live checklist: phase, iteration with the next step, budget bar, gates with their check runs, last failure in two lines', () => {
    const body = renderStateComment({
      state: state({ phase: 'fixing', ledger: { ...state().ledger, costUsd: 12.4 } }),
      gates: [
        { name: 'pytest', status: 'failed', url: 'https://github.com/o/r/runs/11' },
        { name: 'ruff', status: 'passed', url: 'https://github.com/o/r/runs/12' },
        { name: 'basedpyright', status: 'error', url: 'javascript:alert(1)' },
      ],
    });
    const summary = body.slice(body.indexOf('-->') + 3);
    expect(summary).toContain('**Phase:** `spec:fixing`: the agent is fixing what the gates found');
    expect(summary).toContain('**Iteration:** fix 1 of 3 · **Next:** the agent fixes what pytest found');
    expect(summary).toContain('**Budget:** `▓▓▓░░` 62% of $20 ($12.40 spent)');
    expect(summary).toContain('**Gates:** ❌ [pytest](https://github.com/o/r/runs/11) failed · ✅ [ruff](https://github.com/o/r/runs/12) passed · 💥 basedpyright error');
    expect(summary).toContain('**Last failure:** ❌ failure: pytest · 2 failing tests · 1 error on `ccccccc`<br>2 failing tests, 1 error: see the gates\' check runs');
    // The machine-readable block is unchanged by the checklist.
    expect(decodeState(body)).toEqual({ ok: true, state: state({ phase: 'fixing', ledger: { ...state().ledger, costUsd: 12.4 } }) });
  });

  it('draws the budget bar by the cost share, full past the limit', () => {
    expect(budgetBar(0)).toBe('░░░░░');
    expect(budgetBar(0.62)).toBe('▓▓▓░░');
    expect(budgetBar(1)).toBe('▓▓▓▓▓');
    expect(budgetBar(3)).toBe('▓▓▓▓▓');
    expect(budgetLine(state({ ledger: { ...state().ledger, costUsd: 25 } }))).toBe('`▓▓▓▓▓` 125% of $20 ($25.00 spent)');
  });

  it('ticks a requirement only when a passing test cites it', () => {
    const rows = [
      { id: 'FR-7', text: 'Export the visible tasks', tests: ['tests/test_export.py::test_csv'] },
      { id: 'FR-8', text: 'Import', tests: [] },
      { id: 'FR-9', text: 'Sort', tests: ['tests/test_sort.py::test_sort'] },
    ];
    const passing = { headSha: 'd'.repeat(40), conclusion: 'success' as const, failed: [], errors: 0, warnings: 0, failedTests: 0, toolErrors: [] };
    const green = state({ phase: 'ready', attempts: [{ ...state().attempts[0]!, gates: passing }] });
    const body = renderStateComment({ state: green, traceability: rows });
    expect(body).toContain('2 of 3 requirements done (a passing test cites it).');
    expect(body).toContain('- [x] **FR-7** Export the visible tasks · `tests/test_export.py::test_csv`');
    expect(body).toContain('- [ ] **FR-8** Import · no test cites it');
    expect(body).toContain('- [x] **FR-9** Sort');
    // Failing tests known one by one: only FR-9's test failed.
    const failing = { ...passing, conclusion: 'failure' as const, failed: ['pytest'], failedTests: 1 };
    const red = state({ attempts: [{ ...state().attempts[0]!, gates: failing }] });
    const partly = renderStateComment({ state: red, traceability: rows, failingTests: ['tests/test_sort.py::test_sort'] });
    expect(partly).toContain('- [x] **FR-7**');
    expect(partly).toContain('- [ ] **FR-9** Sort · its tests fail');
    // Not known one by one: a failing test somewhere ticks nothing.
    expect(requirementDone(rows[0]!, failing, undefined)).toBe(false);
    // No gate results yet: nothing is ticked.
    const fresh = renderStateComment({ state: state({ phase: 'developing', iteration: 0, attempts: [] }), traceability: rows });
    expect(fresh).toContain('- [ ] **FR-7** Export the visible tasks · 1 test, not run yet');
    expect(fresh).toContain('**Iteration:** implementation (then up to 3 fixes) · **Next:** the agent implements the spec, then the gates run');
    expect(fresh).not.toContain('**Last failure:**');
  });

  it('stays within GitHub\'s comment limit and keeps the block whole', () => {
    const huge = state({
      phase: 'needs-human',
      reason: 'x'.repeat(5000),
      // The store keeps summaries at 1,000 characters (fitState); the summary must still be cut.
      attempts: Array.from({ length: 20 }, (_, i) => ({ ...state().attempts[0]!, iteration: i, summary: '🙂'.repeat(500) })),
    });
    const body = renderStateComment({ state: huge });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(65_535);
    expect(decodeState(body).ok).toBe(true);
  });

  it('safeProse keeps backticks but neither HTML nor mentions nor links', () => {
    expect(safeProse('run `/spec retry` <b> @x [a](b)')).toBe('run `/spec retry` &lt;b> @\u200bx \\[a\\](b)');
    expect(safeProse('use `--budget <usd>` then `x')).toBe('use `--budget <usd>` then `x');
    expect(safeProse('unbalanced ` <img> @y')).toBe('unbalanced ` &lt;img> @\u200by');
  });
});

describe('renderPrBody', () => {
  it('lists the spec requirements, escaped', () => {
    const body = renderPrBody({
      spec: { path: 'docs/tasklet prd.md', id: 'tasklet', type: 'prd', title: 'Tasklet' },
      requirements: [
        { id: 'FR-1', text: 'Add a task | with <b>pipes</b> @all' },
        { id: 'FR-2', text: 'Mark done' },
      ],
      acceptanceCriteria: 5,
      baseRef: 'main',
      baseSha: 'a'.repeat(40),
      repoUrl: 'https://github.com/o/r',
    });
    expect(body).toContain('Implements the PRD **Tasklet**');
    expect(body).toContain('(https://github.com/o/r/blob/' + 'a'.repeat(40) + '/docs/tasklet%20prd.md)');
    expect(body).toContain('### Requirements (2 requirements, 5 acceptance criteria)');
    expect(body).toContain('| FR-1 | Add a task \\| with &lt;b\\>pipes&lt;/b\\> @\u200ball |');
    expect(body).toContain('| FR-2 | Mark done |');
  });

  it('cuts a huge list with a count', () => {
    const body = renderPrBody({
      spec: { path: 'p.md', id: 'p', type: 'prd', title: 'P' },
      requirements: Array.from({ length: 5000 }, (_, i) => ({ id: `FR-${i}`, text: 'y'.repeat(200) })),
      acceptanceCriteria: 0,
      baseRef: 'main',
      baseSha: 'a'.repeat(40),
    });
    expect(body.length).toBeLessThan(65_536);
    expect(body).toMatch(/Showing [\d,]+ of 5,000 requirements/);
  });

  it('titles the pull request', () => {
    expect(renderPrTitle({ id: 'tasklet', title: 'Tasklet' })).toBe('spec: Tasklet (tasklet)');
    expect(renderPrTitle({ id: 'x', title: '' })).toBe('spec: x');
    expect(renderPrTitle({ id: 'x', title: 'T'.repeat(300) }).length).toBe(120);
  });
});

describe('a run on a model without a price', () => {
  const unpriced = state({
    ledger: { ...state().ledger, costUsd: 0, unpricedTurns: 12 },
    attempts: state().attempts.map((a) => ({ ...a, spent: { ...a.spent, costUsd: 0, unpricedTurns: a.spent.turns } })),
  });

  it('the budget line measures tokens and says the cost is unknown; no $0.00 anywhere', () => {
    expect(budgetLine(unpriced)).toBe('`░░░░░` 1% of 4,000,000 tokens (46,000 spent; cost unknown: the model has no price)');
    const body = renderStateComment({ state: unpriced });
    expect(body).toContain('**Budget:** `░░░░░` 1% of 4,000,000 tokens');
    expect(body).toContain('| Cost | cost unknown | not measured: the model has no price |');
    expect(body).toMatch(/\| 0 \| implement \| [^\n]* \| cost unknown \| ❌ failure/);
    expect(body).not.toContain('$0.00');
    // The count rides in the state block, so the next render knows it too.
    expect(decodeState(body)).toEqual({ ok: true, state: unpriced });
  });

  it("the app's one-line replies say cost unknown with the tokens, and dollars for a priced run", () => {
    expect(spentOfBudget(unpriced.ledger, unpriced.budget)).toBe('cost unknown (46,000 of 4,000,000 tokens)');
    const priced = state();
    expect(spentOfBudget(priced.ledger, priced.budget)).toBe(`$${priced.ledger.costUsd.toFixed(2)} of $${priced.budget.costUsd.toFixed(2)}`);
  });
});

