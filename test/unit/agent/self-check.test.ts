// run_gates, the agent's side: the model's input is untrusted (gate names checked against
// the run's, a node id confined to the workspace and never read as a pytest option), the
// output is trimmed as the fix prompt trims failures, and each call counts against the
// turn and wall-time budgets. The gates port is a fake here; test/e2e/cli-run-gates runs
// the real one with real pytest.
import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../../src/pipeline/agent/change-set.js';
import { renderFailures } from '../../../src/pipeline/agent/failures.js';
import { runAgent, type AgentRunInput } from '../../../src/pipeline/agent/loop.js';
import type { ToolResultBlock } from '../../../src/pipeline/agent/model-port.js';
import { systemPrompt } from '../../../src/pipeline/agent/prompts.js';
import { checkNodeId, gateCheckRequest, GateCheckInputError, renderGateCheck, RunStopRequested, type GateCheckPort, type GateCheckRequest } from '../../../src/pipeline/agent/self-check.js';
import { toolDefinitions } from '../../../src/pipeline/agent/tools.js';
import { assignFingerprints } from '../../../src/pipeline/diagnostic.js';
import type { GateResult, GatesRun } from '../../../src/pipeline/gate-result.js';
import { agentConfig, BASE_FILES, buildSpec, FakeClock, MemoryTree, response, ScriptedModel, SPEC_TEXT, toolUse, usage } from './helpers.js';

const VISIBLE = ['greeting/greet.py', 'tests/test_greet.py', 'tests/unit/test_a.py', '-p/evil.py'];
const PORT = { gateNames: ['ruff', 'basedpyright', 'pytest'], testGate: 'pytest' };

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GateCheckInputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

function pytestResult(failing: number, passing: number): GateResult {
  const cases = [
    ...Array.from({ length: failing }, (_, i) => ({ id: `tests/test_greet.py::test_bad_${i}`, name: `test_bad_${i}`, outcome: 'failed' as const, durationMs: 3, message: `AssertionError: assert 'Hello' == 'Hello, Ada!' (${i})`, details: `def test_bad_${i}():\n>       assert greet("Ada") == "Hello, Ada!"\nE       AssertionError` })),
    ...Array.from({ length: passing }, (_, i) => ({ id: `tests/test_greet.py::test_ok_${i}`, name: `test_ok_${i}`, outcome: 'passed' as const, durationMs: 2 })),
  ];
  return {
    gate: 'pytest',
    tool: 'pytest',
    status: failing > 0 ? 'failed' : 'passed',
    exitCode: failing > 0 ? 1 : 0,
    durationMs: 1400,
    fromCache: false,
    command: ['python3', '-m', 'pytest'],
    diagnostics: [],
    tests: { total: cases.length, passed: passing, failed: failing, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 1200, cases },
  };
}

function ruffResult(findings: number): GateResult {
  const diagnostics = assignFingerprints(
    Array.from({ length: findings }, (_, i) => ({ source: 'ruff', path: `greeting/m${i % 50}.py`, range: { start: { line: i + 1, column: 1 } }, severity: 'error' as const, rule: 'F401', message: `\`os\` imported but unused (${i})` })),
  );
  return { gate: 'ruff', tool: 'ruff', status: findings > 0 ? 'failed' : 'passed', exitCode: findings > 0 ? 1 : 0, durationMs: 80, fromCache: true, command: ['ruff'], diagnostics };
}

function gatesRun(gates: GateResult[]): GatesRun {
  const conclusion = gates.some((g) => g.status === 'error') ? 'error' : gates.some((g) => g.status === 'failed') ? 'failure' : 'success';
  return { schemaVersion: 1, startedAt: '2026-12-03T11:00:00.000Z', durationMs: 1500, conclusion, gates };
}

describe('checkNodeId: a pytest node id from the model', () => {
  it('accepts files, directories, tests, classes and parameters under the root', () => {
    expect(checkNodeId('tests/test_greet.py', VISIBLE)).toEqual({ nodeId: 'tests/test_greet.py', path: 'tests/test_greet.py' });
    expect(checkNodeId('./tests/test_greet.py::test_greet', VISIBLE).nodeId).toBe('tests/test_greet.py::test_greet');
    expect(checkNodeId('tests/test_greet.py::TestGreet::test_name[Ada-Hello, Ada!]', VISIBLE).nodeId).toBe('tests/test_greet.py::TestGreet::test_name[Ada-Hello, Ada!]');
    expect(checkNodeId('tests/unit', VISIBLE).path).toBe('tests/unit');
    expect(checkNodeId('tests\\test_greet.py::test_greet', VISIBLE).nodeId).toBe('tests/test_greet.py::test_greet');
  });

  it('refuses options, argument files, paths outside the root and files that do not exist', () => {
    expect(refused(() => checkNodeId('-p evil_plugin', VISIBLE))).toContain('not a pytest option');
    expect(refused(() => checkNodeId('--rootdir=/', VISIBLE))).toContain('starts with "-"');
    expect(refused(() => checkNodeId('@/etc/args.txt', VISIBLE))).toContain('starts with "@"');
    // A file named like an option stays refused, even though it exists.
    expect(refused(() => checkNodeId('./-p/evil.py', VISIBLE))).toContain('pytest would read it as an option');
    expect(refused(() => checkNodeId('/etc/passwd::x', VISIBLE))).toContain('is absolute');
    expect(refused(() => checkNodeId('../outside/test_x.py', VISIBLE))).toContain('".."');
    expect(refused(() => checkNodeId('C:/Windows/test_x.py', VISIBLE))).toContain('drive letter');
    expect(refused(() => checkNodeId('tests/test_missing.py::test_x', VISIBLE))).toContain('There is no file or directory "tests/test_missing.py"');
    expect(refused(() => checkNodeId('tests/test_greet.py::test_x\n--pdb', VISIBLE))).toContain('control characters');
    expect(refused(() => checkNodeId('tests/test_greet.py::', VISIBLE))).toContain('not of the form');
    expect(refused(() => checkNodeId('   ', VISIBLE))).toContain('empty');
  });
});

describe('gateCheckRequest: which gates a call runs', () => {
  it('no input runs every gate of the run; names run those, in configuration order', () => {
    expect(gateCheckRequest({}, PORT, VISIBLE)).toEqual({ kind: 'gates', gates: ['ruff', 'basedpyright', 'pytest'] });
    expect(gateCheckRequest({ gates: ['pytest', 'ruff', 'pytest'] }, PORT, VISIBLE)).toEqual({ kind: 'gates', gates: ['ruff', 'pytest'] });
    expect(gateCheckRequest({ test: 'tests/test_greet.py::test_greet' }, PORT, VISIBLE)).toEqual({ kind: 'test', gate: 'pytest', nodeId: 'tests/test_greet.py::test_greet', path: 'tests/test_greet.py' });
  });

  it('an unknown gate is refused with the list of the valid ones', () => {
    expect(refused(() => gateCheckRequest({ gates: ['pytest', 'mypy', 'flake8'] }, PORT, VISIBLE))).toBe('Unknown gates "mypy", "flake8". The gates of this run are: ruff, basedpyright, pytest.');
    expect(refused(() => gateCheckRequest({ gates: ['rm -rf /'] }, PORT, VISIBLE))).toContain('The gates of this run are: ruff, basedpyright, pytest.');
  });

  it('gates and test together, or a test without a pytest gate, are refused', () => {
    expect(refused(() => gateCheckRequest({ gates: ['ruff'], test: 'tests/test_greet.py' }, PORT, VISIBLE))).toContain('either gates or test');
    expect(refused(() => gateCheckRequest({ test: 'tests/test_greet.py' }, { gateNames: ['ruff'] }, VISIBLE))).toContain('this run has none. The gates of this run are: ruff.');
  });
});

describe('renderGateCheck: the tool result', () => {
  const all: GateCheckRequest = { kind: 'gates', gates: ['ruff', 'pytest'] };

  it('a pass says so, gate by gate, and points to finish', () => {
    const text = renderGateCheck(gatesRun([ruffResult(0), pytestResult(0, 12)]), all, 12_000);
    expect(text).toBe('Ran ruff, pytest on your current changes (nothing is committed yet): ruff passed (cached); pytest passed (12 passed, 1.4 s).\nEvery gate passes. Call finish when the work is complete.');
  });

  it('failures come as the fix prompt shows them: failing tests first, with their tracebacks', () => {
    const run = gatesRun([ruffResult(2), pytestResult(2, 10)]);
    const text = renderGateCheck(run, all, 12_000);
    expect(text).toContain('ruff failed (2 errors, cached); pytest failed (2 failed, 10 passed, 1.4 s)');
    // The same items, in the same order, as the fix prompt's renderer gives.
    expect(text).toContain(renderFailures(run.gates, 12_000).text);
    expect(text.indexOf('FAILED tests/test_greet.py::test_bad_0')).toBeLessThan(text.indexOf('F401'));
    expect(text).toContain('>       assert greet("Ada") == "Hello, Ada!"');
    expect(text).toMatch(/run the gates again \(a single test with `test` is quicker\) before you call finish\.$/);
  });

  it('thousands of findings are cut to the budget with the rest counted', () => {
    const run = gatesRun([ruffResult(5000), pytestResult(40, 10)]);
    const text = renderGateCheck(run, all, 6000);
    expect(text.length).toBeLessThanOrEqual(6000);
    expect(text).toMatch(/… \d+ more not shown \(ruff F401: \d+/);
    expect(text).toContain('FAILED tests/test_greet.py::test_bad_0');
    expect(renderGateCheck(run, all, 12_000).length).toBeLessThanOrEqual(12_000);
  });

  it('a single test names what ran, and a pass asks for the whole set before finish', () => {
    const text = renderGateCheck(gatesRun([pytestResult(0, 1)]), { kind: 'test', gate: 'pytest', nodeId: 'tests/test_greet.py::test_ok_0', path: 'tests/test_greet.py' }, 12_000);
    expect(text).toContain('Ran pytest on tests/test_greet.py::test_ok_0 on your current changes');
    expect(text).toContain('Run all the gates before you finish.');
  });
});

/** A gates port that answers from a script and keeps what it was asked. */
class FakeGates implements GateCheckPort {
  readonly gateNames = ['ruff', 'pytest'];
  readonly testGate = 'pytest';
  readonly calls: { changes: FileChange[]; request: GateCheckRequest; timeLimitMs: number }[] = [];
  constructor(
    readonly answers: Array<GatesRun | Error>,
    readonly clock?: FakeClock,
    readonly tookMs = 0,
  ) {}
  async run(changes: readonly FileChange[], request: GateCheckRequest, options: { timeLimitMs: number }): Promise<GatesRun> {
    this.calls.push({ changes: structuredClone([...changes]), request, timeLimitMs: options.timeLimitMs });
    this.clock?.advance(this.tookMs);
    const next = this.answers.shift();
    if (!next) throw new Error('FakeGates: no answer scripted');
    if (next instanceof Error) throw next;
    return next;
  }
}

const GREET = 'def greet(name: str) -> str:\n    return f"Hello, {name}!"\n';
const TEST = 'from greeting.greet import greet\n\n\ndef test_greet() -> None:\n    assert greet("Ada") == "Hello, Ada!"\n';
const FINISH = toolUse('toolu_09', 'finish', { summary: 'greet()', requirements: [{ id: 'FR-1', files: ['greeting/greet.py'], tests: ['tests/test_greet.py::test_greet'] }] });

function input(overrides: Partial<AgentRunInput> = {}): AgentRunInput {
  return { spec: buildSpec(), specText: SPEC_TEXT, agent: agentConfig(), mode: { kind: 'implement' }, ...overrides };
}

function resultOf(model: ScriptedModel, call: number): ToolResultBlock {
  const last = model.requests[call]!.messages.at(-1)!;
  return last.content.find((b): b is ToolResultBlock => b.type === 'tool_result')!;
}

describe('runAgent with run_gates', () => {
  it('is offered only with a gates port, and the prompt says which case it is', async () => {
    expect(toolDefinitions().map((t) => t.name)).not.toContain('run_gates');
    const withGates = toolDefinitions(PORT);
    expect(withGates.map((t) => t.name)).toEqual(['read_file', 'list_files', 'search', 'write_file', 'edit_file', 'delete_file', 'run_gates', 'finish']);
    expect(withGates.find((t) => t.name === 'run_gates')!.description).toContain('The gates of this run: ruff, basedpyright, pytest; test runs under pytest.');
    expect(systemPrompt('prd', 'req')).toContain('This run has no checkout: you cannot run commands, tests or the quality gates (there is no run_gates tool here)');
    expect(systemPrompt('prd', 'req', true)).toContain('run_gates runs the repository');
    expect(systemPrompt('prd', 'req', true)).not.toContain('no checkout');

    // Without a port (the app), a call to run_gates is an unknown tool.
    const model = new ScriptedModel([response([toolUse('toolu_01', 'run_gates', {})]), response([FINISH])]);
    const outcome = await runAgent(input(), { model, workspace: new MemoryTree({ ...BASE_FILES }), clock: new FakeClock() });
    expect(model.requests[0]!.tools.map((t) => t.name)).not.toContain('run_gates');
    expect(resultOf(model, 1)).toMatchObject({ is_error: true });
    expect(JSON.stringify(resultOf(model, 1).content)).toContain('Unknown tool \\"run_gates\\". The tools are: read_file, list_files, search, write_file, edit_file, delete_file, finish.');
    expect(outcome.gateChecks).toEqual([]);
  });

  it('runs the gates on the current change set, gives back the failures, and counts each call as a turn', async () => {
    const clock = new FakeClock();
    const gates = new FakeGates([gatesRun([pytestResult(1, 0)]), gatesRun([ruffResult(0), pytestResult(0, 1)])], clock, 4000);
    const model = new ScriptedModel([
      response([toolUse('toolu_01', 'write_file', { path: 'greeting/greet.py', content: 'def greet(name: str) -> str:\n    return "Hello"\n' }), toolUse('toolu_02', 'write_file', { path: 'tests/test_greet.py', content: TEST })], 'tool_use', usage(1000, 100)),
      response([toolUse('toolu_03', 'run_gates', { test: 'tests/test_greet.py::test_greet' })]),
      response([toolUse('toolu_04', 'write_file', { path: 'greeting/greet.py', content: GREET })]),
      response([toolUse('toolu_05', 'run_gates', {})]),
      response([FINISH]),
    ]);
    const outcome = await runAgent(input(), { model, workspace: new MemoryTree({ ...BASE_FILES }), clock, gates });
    expect(outcome.stopReason).toBe('finished');
    expect(gates.calls.map((c) => c.request)).toEqual([
      { kind: 'test', gate: 'pytest', nodeId: 'tests/test_greet.py::test_greet', path: 'tests/test_greet.py' },
      { kind: 'gates', gates: ['ruff', 'pytest'] },
    ]);
    // The port sees the change set as it stands at the call: the first version of greet, then the fixed one.
    expect(gates.calls[0]!.changes.map((c) => [c.path, c.action === 'delete' ? '' : c.content.includes('"Hello"')])).toEqual([['greeting/greet.py', true], ['tests/test_greet.py', false]]);
    expect(gates.calls[1]!.changes.find((c) => c.path === 'greeting/greet.py')).toMatchObject({ content: GREET });
    const first = JSON.stringify(resultOf(model, 2).content);
    expect(resultOf(model, 2).is_error).toBeUndefined();
    expect(first).toContain('FAILED tests/test_greet.py::test_bad_0');
    expect(first).toContain('<tool_output tool=\\"run_gates\\">');
    expect(JSON.stringify(resultOf(model, 4).content)).toContain('Every gate passes.');
    // 5 model calls and 2 gate calls.
    expect(outcome.turns).toBe(7);
    expect(outcome.calls).toHaveLength(5);
    expect(outcome.message).toBe('The agent finished after 5 turns and 2 run_gates calls, changing 2 files.');
    expect(outcome.gateChecks).toEqual([
      { turn: 2, gates: ['pytest'], test: 'tests/test_greet.py::test_greet', conclusion: 'failure', verdicts: [{ gate: 'pytest', status: 'failed' }], durationMs: 4000 },
      { turn: 4, gates: ['ruff', 'pytest'], conclusion: 'success', verdicts: [{ gate: 'ruff', status: 'passed', fromCache: true }, { gate: 'pytest', status: 'passed' }], durationMs: 4000 },
    ]);
    // The gates' time is the run's wall time.
    expect(outcome.durationMs).toBe(8000);
  });

  it('invalid input is a tool error the model can correct, and runs nothing', async () => {
    const gates = new FakeGates([]);
    const model = new ScriptedModel([
      response([toolUse('toolu_01', 'run_gates', { gates: ['mypy'] }), toolUse('toolu_02', 'run_gates', { test: '-p evil' }), toolUse('toolu_03', 'run_gates', { test: 'tests/nope.py' }), toolUse('toolu_04', 'run_gates', { gates: 'pytest' })]),
      response([FINISH]),
    ]);
    const outcome = await runAgent(input(), { model, workspace: new MemoryTree({ ...BASE_FILES }), clock: new FakeClock(), gates });
    const results = model.requests[1]!.messages.at(-1)!.content as ToolResultBlock[];
    expect(results.map((r) => r.is_error)).toEqual([true, true, true, true]);
    const texts = results.map((r) => JSON.stringify(r.content));
    expect(texts[0]).toContain('Unknown gate \\"mypy\\". The gates of this run are: ruff, pytest.');
    expect(texts[1]).toContain('not a pytest option');
    expect(texts[2]).toContain('There is no file or directory \\"tests/nope.py\\"');
    expect(texts[3]).toContain('Invalid input for run_gates: gates:');
    expect(gates.calls).toEqual([]);
    expect(outcome.gateChecks).toEqual([]);
    expect(outcome.turns).toBe(2);
  });

  it('a call with no turn left is refused and the loop stops on the turn budget', async () => {
    const gates = new FakeGates([gatesRun([pytestResult(0, 1)])]);
    const model = new ScriptedModel([response([toolUse('toolu_01', 'run_gates', {}), toolUse('toolu_02', 'run_gates', {})]), response([FINISH])]);
    const outcome = await runAgent(input({ agent: agentConfig({ budgets: { turns: 2 } }) }), { model, workspace: new MemoryTree({ ...BASE_FILES }), clock: new FakeClock(), gates });
    // Turn 1 was the model call, turn 2 the first gate call; the second finds no turn left.
    expect(gates.calls).toHaveLength(1);
    expect(outcome.stopReason).toBe('budget:turns');
    expect(outcome.turns).toBe(2);
  });

  it('the time limit of a call is the wall time left, at most ten minutes', async () => {
    const clock = new FakeClock();
    const gates = new FakeGates([gatesRun([pytestResult(0, 1)]), gatesRun([pytestResult(0, 1)])]);
    const model = new ScriptedModel([
      response([toolUse('toolu_01', 'run_gates', {})]),
      () => {
        clock.advance(57 * 60_000);
        return response([toolUse('toolu_02', 'run_gates', {})]);
      },
      response([FINISH]),
    ]);
    await runAgent(input({ agent: agentConfig({ budgets: { wallMinutes: 60 } }) }), { model, workspace: new MemoryTree({ ...BASE_FILES }), clock, gates });
    expect(gates.calls.map((c) => c.timeLimitMs)).toEqual([600_000, 180_000]);
  });

  it('a port failure is a tool error and is recorded; an interruption stops the loop', async () => {
    const gates = new FakeGates([new Error('pytest was not found (tried .venv/bin/python)')]);
    const model = new ScriptedModel([response([toolUse('toolu_01', 'run_gates', {})]), response([FINISH])]);
    const outcome = await runAgent(input(), { model, workspace: new MemoryTree({ ...BASE_FILES }), clock: new FakeClock(), gates });
    expect(resultOf(model, 1).is_error).toBe(true);
    expect(JSON.stringify(resultOf(model, 1).content)).toContain('run_gates could not run the gates: pytest was not found');
    expect(outcome.gateChecks[0]).toMatchObject({ gates: ['ruff', 'pytest'], verdicts: [], error: 'pytest was not found (tried .venv/bin/python)' });

    const stopped = new FakeGates([new RunStopRequested('Ctrl-C')]);
    const model2 = new ScriptedModel([response([toolUse('toolu_01', 'run_gates', {})])]);
    await expect(runAgent(input(), { model: model2, workspace: new MemoryTree({ ...BASE_FILES }), clock: new FakeClock(), gates: stopped })).rejects.toBeInstanceOf(RunStopRequested);
  });
});
