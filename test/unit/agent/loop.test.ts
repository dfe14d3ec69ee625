import { describe, expect, it } from 'vitest';
import { addSpent, nothingSpent } from '../../../src/pipeline/agent/budgets.js';
import { continueSmallerText, MAX_CUTOFFS, runAgent, type AgentProgress, type AgentRunInput } from '../../../src/pipeline/agent/loop.js';
import type { ModelRequest, TextBlock, ToolResultBlock } from '../../../src/pipeline/agent/model-port.js';
import { NUDGE } from '../../../src/pipeline/agent/prompts.js';
import { ZERO_TOKENS } from '../../../src/pipeline/agent/usage.js';
import type { WorkspacePort } from '../../../src/pipeline/agent/workspace-port.js';
import { assignFingerprints } from '../../../src/pipeline/diagnostic.js';
import type { GateResult } from '../../../src/pipeline/gate-result.js';
import { agentConfig, BASE_FILES, buildSpec, FakeClock, happyScript, MemoryTree, response, ScriptedModel, SPEC_TEXT, text, toolUse, usage } from './helpers.js';

function input(overrides: Partial<AgentRunInput> = {}): AgentRunInput {
  return { spec: buildSpec(), specText: SPEC_TEXT, agent: agentConfig(), mode: { kind: 'implement' }, ...overrides };
}

function deps(model: ScriptedModel, extra: { clock?: FakeClock; workspace?: WorkspacePort; onProgress?: (e: AgentProgress) => void } = {}) {
  return { model, workspace: extra.workspace ?? new MemoryTree({ ...BASE_FILES }), clock: extra.clock ?? new FakeClock(), ...(extra.onProgress ? { onProgress: extra.onProgress } : {}) };
}

/** Everything before the moving breakpoint: tools, system, spec and repository map. */
function stablePrefix(request: ModelRequest): string {
  const first = request.messages[0]!.content.slice(0, 2);
  return JSON.stringify({ tools: request.tools, system: request.system, first });
}

function breakpoints(request: ModelRequest): string[] {
  const found: string[] = [];
  request.system.forEach((b, i) => b.cache_control && found.push(`system[${i}]`));
  request.tools.forEach((t, i) => t.cache_control && found.push(`tools[${i}]`));
  request.messages.forEach((m, i) => m.content.forEach((b, j) => 'cache_control' in b && b.cache_control && found.push(`messages[${i}].content[${j}]`)));
  return found;
}

function lastUserResults(request: ModelRequest): ToolResultBlock[] {
  const last = request.messages[request.messages.length - 1]!;
  expect(last.role).toBe('user');
  return last.content.filter((b): b is ToolResultBlock => b.type === 'tool_result');
}

describe('runAgent: a run that finishes', () => {
  it('carries out the tool calls, finishes, and accounts tokens and cost per call', async () => {
    const model = new ScriptedModel(happyScript());
    const outcome = await runAgent(input({ agent: agentConfig({ model: 'claude-sonnet-4-6' }) }), deps(model));
    expect(outcome.stopReason).toBe('finished');
    expect(outcome.message).toBe('The agent finished after 3 turns, changing 2 files.');
    expect(outcome.summary).toBe('Added greet() and its tests.');
    expect(outcome.requirements.map((r) => r.id)).toEqual(['FR-1', 'FR-2']);
    expect(outcome.changes.map((c) => `${c.action} ${c.path}`)).toEqual(['create greeting/greet.py', 'create tests/test_greet.py']);
    expect(outcome.turns).toBe(3);
    expect(outcome.tokens).toEqual({ inputTokens: 3800, outputTokens: 650, cacheWriteTokens: 3100, cacheWrite1hTokens: 0, cacheReadTokens: 5200 });
    // claude-sonnet-4-6 at $3 / $15 / $3.75 / $0.30 per million tokens (the built-in price list).
    expect(outcome.calls.map((c) => c.costUsd)).toEqual([0.019875, 0.0084, 0.00606].map((x) => expect.closeTo(x, 12)));
    expect(outcome.costUsd).toBeCloseTo(0.034335, 12);
    expect(outcome.calls.map((c) => c.stopReason)).toEqual(['tool_use', 'tool_use', 'tool_use']);

    expect(model.requests).toHaveLength(3);
    const listing = lastUserResults(model.requests[1]!);
    expect(listing).toEqual([{ type: 'tool_result', tool_use_id: 'toolu_01A', content: '<tool_output tool="list_files">\nREADME.md\ngreeting/__init__.py\npyproject.toml\n</tool_output>', cache_control: { type: 'ephemeral' } }]);
    expect(model.requests[2]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
  });

  it('lays the request out for caching: stable prefix first with its breakpoint, one moving breakpoint after', async () => {
    const model = new ScriptedModel(happyScript());
    await runAgent(input(), deps(model));
    const [r1, r2, r3] = model.requests as [ModelRequest, ModelRequest, ModelRequest];
    expect(r1.model).toBe('claude-sonnet-5-5');
    expect(r1.max_tokens).toBe(16_000);
    expect(r1.system).toHaveLength(1);
    expect(r1.system[0]!.text).toContain('Your task: the specification is a functional specification.');
    expect(r1.tools.map((t) => t.name)).toEqual(['read_file', 'list_files', 'search', 'write_file', 'edit_file', 'delete_file', 'finish']);
    expect(breakpoints(r1)).toEqual(['messages[0].content[1]', 'messages[0].content[2]']);
    expect(breakpoints(r2)).toEqual(['messages[0].content[1]', 'messages[2].content[0]']);
    expect(breakpoints(r3)).toEqual(['messages[0].content[1]', 'messages[4].content[1]']);
    expect((r1.messages[0]!.content[1] as TextBlock).text.startsWith('<repository_map>')).toBe(true);
    expect((r1.messages[0]!.content[2] as TextBlock).text.startsWith('Iteration 1: implement')).toBe(true);
    expect(stablePrefix(r2)).toBe(stablePrefix(r1));
    expect(stablePrefix(r3)).toBe(stablePrefix(r1));
  });

  it('keeps the stable prefix byte-identical from the implement iteration to a fix iteration', async () => {
    const repoFiles = Object.keys(BASE_FILES).sort();
    const first = new ScriptedModel(happyScript());
    await runAgent(input({ repoFiles }), deps(first));
    const failing: GateResult[] = [
      { gate: 'pytest', tool: 'pytest', status: 'failed', exitCode: 1, durationMs: 5, fromCache: false, command: ['pytest'], diagnostics: assignFingerprints([{ source: 'pytest', path: 'tests/test_greet.py', range: { start: { line: 8 } }, severity: 'error', rule: 'test.failed', message: 'tests/test_greet.py::test_greet failed' }]) },
    ];
    const second = new ScriptedModel([response([toolUse('toolu_09A', 'finish', { summary: 'Fixed.', requirements: [] })])]);
    const outcome = await runAgent(input({ repoFiles, mode: { kind: 'fix', failures: failing }, iteration: 2, maxIterations: 4, previousChanges: ['greeting/greet.py'] }), deps(second));
    expect(outcome.stopReason).toBe('finished');
    expect(stablePrefix(second.requests[0]!)).toBe(stablePrefix(first.requests[0]!));
    const task = (second.requests[0]!.messages[0]!.content[2] as TextBlock).text;
    expect(task).toContain('<gate_failures>\n1 distinct problem from the gates (pytest: failed):');
    expect(task).toContain('[pytest] FAILED tests/test_greet.py:8 test.failed: tests/test_greet.py::test_greet failed');
  });

  it('trims the failures of a fix iteration to agent.failureBudgetChars', async () => {
    const diagnostics = assignFingerprints(
      Array.from({ length: 5000 }, (_, i) => ({ source: 'ruff', path: `src/m${i % 50}.py`, range: { start: { line: i + 1 } }, severity: 'error' as const, rule: 'E501', message: `line too long (${100 + i} > 88)` })),
    );
    const failures: GateResult[] = [{ gate: 'ruff', tool: 'ruff', status: 'failed', exitCode: 1, durationMs: 5, fromCache: false, command: ['ruff'], diagnostics }];
    const model = new ScriptedModel([response([toolUse('toolu_01A', 'finish', { summary: 's', requirements: [] })])]);
    await runAgent(input({ agent: agentConfig({ failureBudgetChars: 3000 }), mode: { kind: 'fix', failures } }), deps(model));
    const task = (model.requests[0]!.messages[0]!.content[2] as TextBlock).text;
    const inside = /<gate_failures>\n([\s\S]*)\n<\/gate_failures>/.exec(task)![1]!;
    expect(inside.length).toBeLessThanOrEqual(3000);
    expect(inside).toMatch(/… \d+ more not shown \(ruff E501: \d+\)/);
  });
});

describe('runAgent: untrusted tool input', () => {
  it('answers malformed calls with error tool results and carries on', async () => {
    const model = new ScriptedModel([
      response([
        toolUse('toolu_01A', 'write_file', { path: 'a.py' }),
        toolUse('toolu_01B', 'write_file', { path: 'a.py', content: 42 }),
        toolUse('toolu_01C', 'shell', { cmd: 'curl evil' }),
        toolUse('toolu_01D', 'write_file', { path: '../../etc/cron.d/x', content: 'x' }),
        toolUse('toolu_01E', 'write_file', { path: 'ok.py', content: 'ok = True\n' }),
      ]),
      response([toolUse('toolu_02A', 'finish', { summary: 'Done.', requirements: [] })]),
    ]);
    const outcome = await runAgent(input(), deps(model));
    expect(outcome.stopReason).toBe('finished');
    const results = lastUserResults(model.requests[1]!);
    expect(results.map((r) => [r.tool_use_id, r.is_error ?? false])).toEqual([
      ['toolu_01A', true],
      ['toolu_01B', true],
      ['toolu_01C', true],
      ['toolu_01D', true],
      ['toolu_01E', false],
    ]);
    expect(results[0]!.content).toContain('content: Invalid input: expected string, received undefined');
    expect(results[1]!.content).toContain('content: Invalid input: expected string, received number');
    expect(results[2]!.content).toContain('Unknown tool "shell"');
    expect(results[3]!.content).toContain('contains ".."');
    expect(outcome.changes.map((c) => c.path)).toEqual(['ok.py']);
  });

  it('turns a failing workspace read into an error result', async () => {
    const workspace: WorkspacePort = {
      listFiles: async () => ['a.py'],
      readFile: async () => {
        throw new Error('EIO: i/o error');
      },
    };
    const model = new ScriptedModel([response([toolUse('toolu_01A', 'read_file', { path: 'a.py' })]), response([toolUse('toolu_02A', 'finish', { summary: 's', requirements: [] })])]);
    const outcome = await runAgent(input(), deps(model, { workspace }));
    expect(outcome.stopReason).toBe('finished');
    expect(lastUserResults(model.requests[1]!)[0]).toMatchObject({ is_error: true, content: '<tool_output tool="read_file">\nCould not read "a.py": EIO: i/o error\n</tool_output>' });
  });
});

describe('runAgent: stops with a stated reason', () => {
  const listForever = () => new ScriptedModel(Array.from({ length: 20 }, (_, i) => response([toolUse(`toolu_L${i}`, 'list_files', {})], 'tool_use', usage(1000, 100))));

  it('budget:turns', async () => {
    const model = listForever();
    const outcome = await runAgent(input({ agent: agentConfig({ budgets: { turns: 2 } }) }), deps(model));
    expect(outcome.stopReason).toBe('budget:turns');
    expect(outcome.message).toBe('Turn budget used up: 2 of 2 model calls (agent.budgets.turns).');
    expect(model.requests).toHaveLength(2);
  });

  it('budget:tokens', async () => {
    const model = listForever();
    const outcome = await runAgent(input({ agent: agentConfig({ budgets: { tokens: 2500 } }) }), deps(model));
    expect(outcome.stopReason).toBe('budget:tokens');
    expect(outcome.message).toBe('Token budget used up: 3300 of 2500 tokens (agent.budgets.tokens).');
    expect(outcome.turns).toBe(3);
  });

  it('budget:cost', async () => {
    const model = listForever();
    // $0.0045 per call: 1000 input at $3 and 100 output at $15 per million.
    const outcome = await runAgent(input({ agent: agentConfig({ model: 'claude-sonnet-4-6', budgets: { costUsd: 0.01 } }) }), deps(model));
    expect(outcome.stopReason).toBe('budget:cost');
    expect(outcome.turns).toBe(3);
    expect(outcome.message).toBe('Cost budget used up: $0.0135 of $0.01 (agent.budgets.costUsd).');
  });

  it('budget:time, read from the clock port', async () => {
    const clock = new FakeClock();
    const model = new ScriptedModel(listForever().script, () => clock.advance(25_000));
    const outcome = await runAgent(input({ agent: agentConfig({ budgets: { wallMinutes: 1 } }) }), deps(model, { clock }));
    expect(outcome.stopReason).toBe('budget:time');
    expect(outcome.turns).toBe(3);
    expect(outcome.message).toBe('Wall-time budget used up: 1.3 of 1 minutes (agent.budgets.wallMinutes).');
    expect(outcome.durationMs).toBe(75_000);
  });

  it('counts what earlier iterations spent, and stops before calling the model', async () => {
    const clock = new FakeClock();
    const model = listForever();
    const spent = { turns: 5, tokens: { ...ZERO_TOKENS, inputTokens: 3_999_999, outputTokens: 1 }, costUsd: 1, startedAtMs: clock.ms - 1000 };
    const outcome = await runAgent(input({ spent }), deps(model, { clock }));
    expect(outcome.stopReason).toBe('budget:tokens');
    expect(model.requests).toHaveLength(0);
    expect(outcome.changes).toEqual([]);
  });

  it('adds up the run across iterations with addSpent', async () => {
    const clock = new FakeClock();
    const agent = agentConfig({ budgets: { turns: 4 } });
    let spent = nothingSpent(clock.now());
    const first = await runAgent(input({ agent, spent }), deps(new ScriptedModel(happyScript()), { clock }));
    spent = addSpent(spent, first);
    expect(spent).toMatchObject({ turns: 3, costUsd: first.costUsd, tokens: first.tokens });
    const second = await runAgent(input({ agent, spent, mode: { kind: 'fix', failures: [] } }), deps(listForever(), { clock }));
    expect(second.stopReason).toBe('budget:turns');
    expect(second.turns).toBe(1);
    expect(second.message).toBe('Turn budget used up: 4 of 4 model calls (agent.budgets.turns).');
  });

  it('finish wins over a budget reached on the same turn', async () => {
    const model = new ScriptedModel(happyScript());
    const outcome = await runAgent(input({ agent: agentConfig({ budgets: { turns: 3 } }) }), deps(model));
    expect(outcome.stopReason).toBe('finished');
  });

  it('max_tokens again and again, keeping the changes made so far', async () => {
    const cut = () => response([text('Now the long file: ')], 'max_tokens', usage(100, 16_000));
    const model = new ScriptedModel([response([toolUse('toolu_01A', 'write_file', { path: 'a.py', content: 'a = 1\n' })]), cut(), cut(), cut()]);
    const outcome = await runAgent(input(), deps(model));
    expect(outcome.stopReason).toBe('max_tokens');
    expect(outcome.message).toContain(`cut off at max_tokens (16000) ${MAX_CUTOFFS + 1} times in a row, the last on turn 4; raise agent.maxTokens`);
    expect(outcome.changes.map((c) => c.path)).toEqual(['a.py']);
  });

  it('max_tokens in the middle of a tool call: the half-written call is never carried out, and the model is asked for a smaller step', async () => {
    const model = new ScriptedModel([
      // The SDK hands over the partial JSON it parsed: a write with half the file.
      response([text('Writing the module.'), toolUse('toolu_01A', 'write_file', { path: 'big.py', content: 'def f(' })], 'max_tokens', usage(100, 16_000)),
      response([toolUse('toolu_01B', 'write_file', { path: 'big.py', content: 'def f() -> int:\n    return 1\n' })]),
      response([toolUse('toolu_01C', 'finish', { summary: 'Wrote big.py in a smaller step.', requirements: [] })]),
    ]);
    const outcome = await runAgent(input(), deps(model));
    expect(outcome.stopReason).toBe('finished');
    expect(outcome.changes).toEqual([expect.objectContaining({ path: 'big.py', content: 'def f() -> int:\n    return 1\n' })]);
    const second = model.requests[1]!;
    // The cut-off call is gone from the history (no tool_use without its result), its text kept.
    expect(second.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Writing the module.' }] });
    expect(second.messages[2]!.content[0]).toMatchObject({ type: 'text', text: continueSmallerText('max_tokens', 16_000, ['write_file']) });
    expect(continueSmallerText('max_tokens', 16_000, ['write_file'])).toContain('so write_file was not carried out. Continue with a smaller step');
  });

  it('refusal', async () => {
    const outcome = await runAgent(input(), deps(new ScriptedModel([response([text('I cannot help with that.')], 'refusal')])));
    expect(outcome.stopReason).toBe('refusal');
    expect(outcome.message).toContain('stop_reason "refusal"');
  });

  it('context window exceeded again and again', async () => {
    const cut = () => response([], 'model_context_window_exceeded');
    const outcome = await runAgent(input(), deps(new ScriptedModel([cut(), cut(), cut()])));
    expect(outcome.stopReason).toBe('context_window');
    expect(outcome.turns).toBe(3);
  });

  it('a stop sequence ends the turn like end_turn: tool calls in it are carried out', async () => {
    const model = new ScriptedModel([response([toolUse('toolu_01A', 'finish', { summary: 's', requirements: [] })], 'stop_sequence')]);
    const outcome = await runAgent(input(), deps(model));
    expect(outcome.stopReason).toBe('finished');
  });

  it('no_finish after the model ends its turn without a tool call again and again', async () => {
    const model = new ScriptedModel([response([text('All done!')]), response([text('Really done.')]), response([text('Done.')])]);
    const outcome = await runAgent(input(), deps(model));
    expect(outcome.stopReason).toBe('no_finish');
    expect(outcome.turns).toBe(3);
    const nudge = model.requests[1]!.messages[2]!;
    expect(nudge).toEqual({ role: 'user', content: [{ type: 'text', text: NUDGE, cache_control: { type: 'ephemeral' } }] });
  });

  it('a nudge that works: end_turn, then finish', async () => {
    const model = new ScriptedModel([response([text('Plan: …')]), response([toolUse('toolu_02A', 'finish', { summary: 's', requirements: [] })])]);
    expect((await runAgent(input(), deps(model))).stopReason).toBe('finished');
  });

  it('continues a paused turn by sending the conversation back', async () => {
    const model = new ScriptedModel([response([text('Thinking about the design…')], 'pause_turn'), response([toolUse('toolu_02A', 'finish', { summary: 's', requirements: [] })])]);
    const outcome = await runAgent(input(), deps(model));
    expect(outcome.stopReason).toBe('finished');
    const second = model.requests[1]!;
    expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('error: the model call fails', async () => {
    const model = new ScriptedModel([new Error('Anthropic API error 529 overloaded_error: Overloaded.')]);
    const outcome = await runAgent(input(), deps(model));
    expect(outcome).toMatchObject({ stopReason: 'error', turns: 0, message: 'The model call failed on turn 1: Anthropic API error 529 overloaded_error: Overloaded.' });
  });

  it('error: an unknown or missing stop reason', async () => {
    expect((await runAgent(input(), deps(new ScriptedModel([response([text('?')], 'brand_new_reason' as never)])))).message).toContain('"brand_new_reason"');
    expect((await runAgent(input(), deps(new ScriptedModel([response([text('?')], null)])))).stopReason).toBe('error');
  });
});

describe('runAgent: refuses to start without what it needs', () => {
  it('a spec of unknown type', async () => {
    const model = new ScriptedModel([]);
    const outcome = await runAgent(input({ spec: buildSpec({ type: undefined }) }), deps(model));
    expect(outcome.stopReason).toBe('error');
    expect(outcome.message).toContain('Set "type:" in its front matter');
    expect(model.requests).toHaveLength(0);
  });

  it('a sprint change proposal without its change set', async () => {
    const outcome = await runAgent(input({ spec: buildSpec({ type: 'sprint-change-proposal' }) }), deps(new ScriptedModel([])));
    expect(outcome.message).toContain('without a computed change set');
  });

  it('a model without a price runs with its cost unknown, and the token budget holds', async () => {
    const outcome = await runAgent(input({ agent: agentConfig({ model: 'claude-future-9', budgets: { tokens: 2000 } }) }), deps(new ScriptedModel(Array.from({ length: 5 }, (_, i) => response([toolUse(`toolu_L${i}`, 'list_files', {})], 'tool_use', usage(1000, 100))))));
    expect(outcome.stopReason).toBe('budget:tokens');
    expect(outcome.costKnown).toBe(false);
    expect(outcome.costUsd).toBe(0);
    expect(outcome.turns).toBe(2);
  });

  it('prices a dated model id by its family', async () => {
    const model = new ScriptedModel([response([toolUse('toolu_01A', 'finish', { summary: 's', requirements: [] })], 'tool_use', usage(1_000_000, 0))]);
    const outcome = await runAgent(input({ agent: agentConfig({ model: 'claude-haiku-4-5-20251001' }) }), deps(model));
    expect(outcome.costUsd).toBe(1);
    expect(model.requests[0]!.model).toBe('claude-haiku-4-5-20251001');
  });
});

describe('runAgent: progress', () => {
  it('reports requests, responses, tool calls and the stop, and survives a broken listener', async () => {
    const events: string[] = [];
    const outcome = await runAgent(
      input(),
      deps(new ScriptedModel(happyScript()), {
        onProgress: (e) => {
          events.push(e.type === 'tool' ? `tool ${e.name}${e.isError ? ' (error)' : ''}: ${e.result}` : e.type === 'stop' ? `stop ${e.stopReason}` : `${e.type} ${e.turn}`);
          throw new Error('display crashed');
        },
      }),
    );
    expect(outcome.stopReason).toBe('finished');
    expect(events).toEqual([
      'request 1',
      'response 1',
      'tool list_files: README.md',
      'request 2',
      'response 2',
      'tool write_file: Created greeting/greet.py.',
      'tool write_file: Created tests/test_greet.py.',
      'request 3',
      'response 3',
      'tool finish: Finished.',
      'stop finished',
    ]);
  });
});
