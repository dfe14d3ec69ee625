import { describe, expect, it } from 'vitest';
import { renderRunReportMarkdown, renderRunReportText, summarizeGates, type RunReportInput } from '../../../src/reporting/run-report.js';
import type { GateResult } from '../../../src/pipeline/gate-result.js';
import type { WorkflowState } from '../../../src/pipeline/workflow/state.js';

const ledger = (turns: number, input: number, output: number, write: number, read: number, cost: number) => ({
  turns,
  inputTokens: input,
  outputTokens: output,
  cacheWriteTokens: write,
  cacheReadTokens: read,
  costUsd: cost,
});

function state(overrides: Partial<WorkflowState> = {}): WorkflowState {
  return {
    version: 1,
    spec: { path: 'docs/scp-fr7.md', type: 'sprint-change-proposal', id: 'SCP-003', title: 'CSV | export', contentHash: 'h' },
    baseSha: '1111111aaaa',
    branch: 'spec/SCP-003',
    phase: 'ready',
    iteration: 1,
    headSha: '3333333cccc',
    budget: { maxIterations: 3, turns: 80, tokens: 4_000_000, costUsd: 20 },
    ledger: ledger(7, 100, 2000, 9000, 30000, 0.1234),
    attempts: [
      { iteration: 0, mode: 'implement', startedAt: 't', stopReason: 'finished', summary: 'Added export.', commitSha: '2222222bbbb', changedFiles: 3, spent: ledger(4, 60, 1500, 7000, 12000, 0.08) },
      { iteration: 1, mode: 'fix', startedAt: 't', stopReason: 'finished', summary: 'Fixed the loop.', commitSha: '3333333cccc', changedFiles: 1, spent: ledger(3, 40, 500, 2000, 18000, 0.0434) },
    ],
    deliveries: [],
    updatedAt: 't',
    ...overrides,
  };
}

const pytestFailed: GateResult = {
  gate: 'pytest',
  tool: 'pytest',
  status: 'failed',
  exitCode: 1,
  durationMs: 1500,
  fromCache: false,
  command: [],
  diagnostics: [],
  tests: { total: 30, passed: 28, failed: 2, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 1400, cases: [] },
};
const passed = (gate: string): GateResult => ({ gate, tool: gate, status: 'passed', exitCode: 0, durationMs: 900, fromCache: gate === 'basedpyright', command: [], diagnostics: [] });

function input(overrides: Partial<RunReportInput> = {}): RunReportInput {
  return {
    state: state(),
    ending: 'ready',
    gateHistory: [
      summarizeGates(0, '2222222bbbb', { durationMs: 9900, gates: [passed('basedpyright'), pytestFailed] }),
      summarizeGates(1, '3333333cccc', { durationMs: 9000, gates: [passed('basedpyright'), { ...pytestFailed, status: 'passed', tests: { ...pytestFailed.tests!, passed: 30, failed: 0 } }] }),
    ],
    coverage: {
      requirements: [
        { id: 'FR-7', text: 'Export the visible tasks', tests: [{ path: 'tests/test_export.py', line: 30, test: 'test_export_all', changed: true }] },
        { id: 'FR-8', tests: [] },
      ],
      otherCitations: ['FR-99'],
      scannedFiles: 5,
    },
    modelSource: 'replay examples/demo/s.jsonl (hand-written session)',
    commits: [
      { sha: '2222222bbbb', subject: 'spec-automation: implement SCP-003 (iteration 1 of at most 4)' },
      { sha: '3333333cccc', subject: 'spec-automation: fix gate failures of SCP-003 (iteration 2 of at most 4)' },
    ],
    statePath: '.spec-automation/state/SCP-003.json',
    ...overrides,
  };
}

describe('summarizeGates', () => {
  it('says in a few words what each gate found, or why it could not run', () => {
    const entry = summarizeGates(0, 'abc', {
      durationMs: 10,
      gates: [pytestFailed, passed('basedpyright'), { ...passed('ruff'), status: 'error', error: { message: 'ruff was not found (tried .venv/bin/ruff)\nmore' } }],
    });
    expect(entry.gates).toEqual([
      { gate: 'pytest', status: 'failed', detail: '28 passed, 2 failed' },
      { gate: 'basedpyright', status: 'passed', detail: 'no findings', fromCache: true },
      { gate: 'ruff', status: 'error', detail: 'ruff was not found (tried .venv/bin/ruff)' },
    ]);
  });
});

describe('renderRunReportMarkdown', () => {
  const md = renderRunReportMarkdown(input());

  it('heads with the result and why, and the run’s numbers: tokens with cache reads and writes, cost, stop reason', () => {
    expect(md).toContain('# spec-automation run: SCP-003');
    expect(md).toContain('**Result: ✅ ready.** All gates pass on 3333333 after 2 iterations.');
    expect(md).toContain('| Spec | `docs/scp-fr7.md` (sprint-change-proposal): CSV \\| export |');
    expect(md).toContain('| Iterations | 2 of at most 4 (1 implementation + 3 fixes) |');
    expect(md).toContain('| Tokens | 41,100 of 4,000,000: input 100, output 2,000, cache write 9,000, cache read 30,000 (77% of the prompt from the cache) |');
    expect(md).toContain('| Cost | $0.12 of $20.00 |');
    expect(md).toContain('| Stop reason | all gates passed |');
  });

  it('has a row per iteration with its agent outcome, tokens, commit and gate outcome', () => {
    expect(md).toContain('| 1 | implement | finished | 4 | 60 / 1,500 / 7,000 / 12,000 | $0.08 | `2222222` | pytest failed: 28 passed, 2 failed |');
    expect(md).toContain('| 2 | fix | finished | 3 | 40 / 500 / 2,000 / 18,000 | $0.04 | `3333333` | all passed (basedpyright, pytest) |');
    expect(md).toContain('| 1 | `2222222` | basedpyright | passed | no findings (cached) |');
    expect(md).toContain('**Iteration 2** (fix): Fixed the loop.');
  });

  it('shows requirement → test coverage, uncovered requirements and foreign citations', () => {
    expect(md).toContain('| FR-7: Export the visible tasks | `tests/test_export.py::test_export_all` (this run) |');
    expect(md).toContain('| FR-8 | **none** |');
    expect(md).toContain('1 of 2 requirements cited by a test (5 files scanned).');
    expect(md).toContain('Changed tests also cite FR-99, which this spec does not list.');
    expect(md).toContain('No test cites FR-8');
  });

  it('lists the commits and, when ready, how to take the branch further', () => {
    expect(md).toContain('- `2222222` spec-automation: implement SCP-003 (iteration 1 of at most 4)');
    expect(md).toContain('Review the branch `spec/SCP-003` (`git log 1111111..spec/SCP-003`)');
  });

  it('for a stopped run: the reason, and how to continue', () => {
    const stopped = renderRunReportMarkdown(
      input({
        ending: 'needs-human',
        state: state({ phase: 'needs-human', reason: 'failing gates: pytest; 2 failing test(s); budget spent (fix iterations 1 of 1)' }),
        resumeCommand: 'spec-automation run docs/scp-fr7.md --resume',
      }),
    );
    expect(stopped).toContain('**Result: ⚠️ needs a human.** Stopped after 2 iterations: failing gates: pytest; 2 failing test(s); budget spent (fix iterations 1 of 1).');
    expect(stopped).toContain('| Stop reason | failing gates: pytest; 2 failing test(s); budget spent (fix iterations 1 of 1) |');
    expect(stopped).toContain('continue with `--resume` (`spec-automation run docs/scp-fr7.md --resume`)');
    const interrupted = renderRunReportMarkdown(input({ ending: 'interrupted', state: state({ phase: 'qa' }), resumeCommand: 'spec-automation run x --resume' }));
    expect(interrupted).toContain('Stopped on request in phase qa after 2 iterations; nothing is lost.');
    expect(interrupted).toContain('Continue where it stopped: `spec-automation run x --resume`');
  });
});

describe('renderRunReportText', () => {
  it('gives the same facts for the terminal, without colour when asked', () => {
    const text = renderRunReportText(input(), { color: false });
    expect(text).toContain('Run READY  SCP-003 on spec/SCP-003');
    expect(text).toContain('  1. implement agent finished   4 turns    $0.08  commit 2222222');
    expect(text).toContain('     gates in 9.9s: pytest failed: 28 passed, 2 failed');
    expect(text).toContain('tokens 41,100 (input 100, output 2,000, cache write 9,000, cache read 30,000; 77% of the prompt from the cache)');
    expect(text).toContain('    FR-7     tests/test_export.py::test_export_all');
    expect(text).toContain('    FR-8     no test cites it');
    expect(text).not.toContain('\u001b[');
    expect(renderRunReportText(input(), { color: true })).toContain('\u001b[32mRun READY');
  });
});

describe('a run on a model without a price', () => {
  const unpriced = (l: ReturnType<typeof ledger>, calls: number) => ({ ...l, costUsd: 0, unpricedTurns: calls });
  const s = state({
    ledger: unpriced(ledger(7, 100, 2000, 9000, 30000, 0), 7),
    attempts: state().attempts.map((a) => ({ ...a, spent: unpriced(a.spent, a.spent.turns) })),
  });

  it('says "cost unknown" and shows the tokens, never $0.00', () => {
    const md = renderRunReportMarkdown(input({ state: s }));
    expect(md).toContain('| Cost | cost unknown: 7 model calls on a model without a price (agent.prices); the token budget holds: 41,100 of 4,000,000 tokens |');
    expect(md).toMatch(/\| 1 \| implement \| finished \| 4 \| [^|]+ \| cost unknown \|/);
    expect(md).not.toContain('$0.00');
    const text = renderRunReportText(input({ state: s }), { color: false });
    expect(text).toContain('cost unknown (the model has no price; 41,100 of 4,000,000 tokens), 7 of 80 turns');
    expect(text).toMatch(/1\. implement +agent finished +4 turns {2}cost unknown {2}commit 2222222/);
    expect(text).not.toContain('$0.00');
  });

  it('a run that changed models keeps the known part and says the rest is unknown', () => {
    const mixed = state({ ledger: { ...ledger(7, 100, 2000, 9000, 30000, 0.08), unpricedTurns: 3 } });
    expect(renderRunReportMarkdown(input({ state: mixed }))).toContain('| Cost | $0.08 + cost unknown: 3 model calls on a model without a price');
  });

  it('lists the agent self-checks with their verdicts', () => {
    const md = renderRunReportMarkdown(
      input({
        selfChecks: [
          { iteration: 0, what: 'pytest tests/test_export.py', conclusion: 'failure', durationMs: 1300, gates: [{ gate: 'pytest', status: 'failed', detail: '2 passed, 2 failed' }] },
          { iteration: 0, what: 'basedpyright, pytest', conclusion: 'success', durationMs: 9200, gates: [{ gate: 'basedpyright', status: 'passed', detail: 'no findings' }, { gate: 'pytest', status: 'passed', detail: '30 passed' }] },
        ],
      }),
    );
    expect(md).toContain('| Self-checks | 2 run_gates calls (1 failed, 1 passed) in 10.5s, each a turn |');
    expect(md).toContain('| 1 | 1 | pytest tests/test_export.py | failed | 1.3s | pytest failed: 2 passed, 2 failed |');
    expect(md).toContain('| 1 | 2 | basedpyright, pytest | passed | 9.2s | basedpyright passed; pytest passed |');
    expect(renderRunReportMarkdown(input())).not.toContain('Self-checks');
  });
});

describe('the ledger of an unpriced model', () => {
  it('counts its model calls, so every renderer knows the dollar figure is not the cost', async () => {
    const { spentOf } = await import('../../../src/pipeline/workflow/bridge.js');
    const { addToLedger, emptyLedger } = await import('../../../src/pipeline/workflow/state.js');
    const tokens = { inputTokens: 10, outputTokens: 5, cacheWriteTokens: 0, cacheReadTokens: 0 };
    const calls = [1, 2, 3].map((turn) => ({ turn, responseId: 'r', stopReason: 'tool_use', tokens, costUsd: 0, durationMs: 1 }));
    // 3 model calls and 1 run_gates call: 4 turns, 3 of them unpriced.
    const spent = spentOf({ turns: 4, tokens, costUsd: 0, costKnown: false, calls });
    expect(spent).toEqual({ turns: 4, ...tokens, costUsd: 0, unpricedTurns: 3 });
    expect(spentOf({ turns: 4, tokens, costUsd: 0.5, costKnown: true, calls })).not.toHaveProperty('unpricedTurns');
    expect(addToLedger(addToLedger(emptyLedger(), spent), { ...spent, unpricedTurns: 2 }).unpricedTurns).toBe(5);
    expect(addToLedger(emptyLedger(), { turns: 1 })).not.toHaveProperty('unpricedTurns');
  });
});
