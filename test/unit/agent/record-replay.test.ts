// Recording a run and replaying it; hand-written sessions; loud failures on drift.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingModel } from '../../../src/adapters/anthropic/recording-model.js';
import { ReplayExhaustedError, ReplayMismatchError, ReplayModel, ReplayedModelError } from '../../../src/adapters/anthropic/replay-model.js';
import { parseSession, requestShape, SessionFormatError } from '../../../src/adapters/anthropic/session-format.js';
import { runAgent, type AgentRunInput } from '../../../src/pipeline/agent/loop.js';
import type { ModelPort } from '../../../src/pipeline/agent/model-port.js';
import { agentConfig, BASE_FILES, buildSpec, FakeClock, happyScript, MemoryTree, response, ScriptedModel, SPEC_TEXT, toolUse } from './helpers.js';

const FIXTURES = new URL('../../fixtures/sessions/', import.meta.url);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-session-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function input(overrides: Partial<AgentRunInput> = {}): AgentRunInput {
  return { spec: buildSpec(), specText: SPEC_TEXT, agent: agentConfig(), mode: { kind: 'implement' }, ...overrides };
}

function run(model: ModelPort, overrides: Partial<AgentRunInput> = {}) {
  return runAgent(input(overrides), { model, workspace: new MemoryTree({ ...BASE_FILES }), clock: new FakeClock() });
}

async function record(path: string) {
  const recorder = await RecordingModel.start(new ScriptedModel(happyScript()), path, { model: 'claude-sonnet-4-6', created: new Date(Date.UTC(2026, 6, 1)) });
  const outcome = await run(recorder);
  return { recorder, outcome };
}

describe('recording and replaying', () => {
  it('replays a recorded run to the identical outcome', async () => {
    const path = join(dir, 'session.jsonl');
    const { recorder, outcome } = await record(path);
    expect(recorder.exchanges).toBe(3);
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toEqual({ type: 'session', format: 1, model: 'claude-sonnet-4-6', created: '2026-07-01T00:00:00.000Z', handWritten: false });
    const first = JSON.parse(lines[1]!);
    expect(first).toMatchObject({ type: 'exchange', index: 1, shape: { model: 'claude-sonnet-5-5', messages: ['user'] } });
    expect(first.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.request.system[0].text).toContain('functional specification');
    expect(first.response.id).toMatch(/^msg_/);

    const replay = await ReplayModel.fromFile(path);
    const replayed = await run(replay);
    expect(replayed).toEqual(outcome);
    expect(replay.remaining).toBe(0);
    expect(() => replay.assertFinished()).not.toThrow();
  });

  it('fails loudly when a recorded session meets a different request', async () => {
    const path = join(dir, 'session.jsonl');
    await record(path);
    const replay = await ReplayModel.fromFile(path);
    const outcome = await run(replay, { specText: SPEC_TEXT.replace('FR-2', 'FR-3') });
    expect(outcome.stopReason).toBe('error');
    expect(outcome.message).toContain(`Replay session ${path}, exchange 1 of 3: the request differs from the recorded one (hash): request.messages[0].content[0].text: expected`);
    expect(outcome.message).toContain('record it again with a live key');
    // A mismatch does not consume the exchange: the recorded request is still served.
    const recorded = JSON.parse((await readFile(path, 'utf8')).split('\n')[1]!).request;
    await expect(replay.create(recorded)).resolves.toMatchObject({ type: 'message', stop_reason: 'tool_use' });
  });

  it('fails loudly on a different model, tool set or conversation shape', async () => {
    const path = join(dir, 'session.jsonl');
    await record(path);
    const other = await run(await ReplayModel.fromFile(path), { agent: agentConfig({ model: 'claude-opus-4-6' }) });
    expect(other.message).toContain('exchange 1 of 3: the request does not match the recording: model: expected "claude-sonnet-5-5", got "claude-opus-4-6" (agent.model)');
    const replay = await ReplayModel.fromFile(path);
    const request = JSON.parse((await readFile(path, 'utf8')).split('\n')[1]!).request;
    await expect(replay.create({ ...request, tools: request.tools.slice(1) })).rejects.toThrow(/tools: expected \[read_file, list_files, .*\], got \[list_files, /);
    await expect(replay.create({ ...request, messages: [...request.messages, { role: 'assistant', content: [] }] })).rejects.toThrow(
      'messages[1]: expected (none), got assistant (2 messages, recorded 1)',
    );
  });

  it('says so when the run asks for more exchanges than the session holds, or fewer', async () => {
    const path = join(dir, 'session.jsonl');
    await record(path);
    const text = (await readFile(path, 'utf8')).split('\n').slice(0, 3).join('\n');
    const short = ReplayModel.fromText(text, 'short.jsonl');
    const outcome = await run(short);
    expect(outcome.stopReason).toBe('error');
    expect(outcome.message).toContain('Replay session short.jsonl has 2 exchanges, and the run asked for exchange 3.');
    const unused = ReplayModel.fromText(await readFile(path, 'utf8'), 'full.jsonl');
    await unused.create(JSON.parse(text.split('\n')[1]!).request);
    expect(() => unused.assertFinished()).toThrow(ReplayMismatchError);
    expect(() => unused.assertFinished()).toThrow('the run ended after 1 of 3 exchanges');
    await expect(new ReplayModel(parseSession(text.split('\n')[0]!, 'empty.jsonl')).create(JSON.parse(text.split('\n')[1]!).request)).rejects.toBeInstanceOf(
      ReplayExhaustedError,
    );
  });

  it('records a failed call and throws it again on replay', async () => {
    const path = join(dir, 'error.jsonl');
    const recorder = await RecordingModel.start(new ScriptedModel([new Error('Anthropic API error 529 overloaded_error: Overloaded.')]), path, { model: 'claude-sonnet-4-6' });
    const live = await run(recorder);
    const replayed = await run(await ReplayModel.fromFile(path));
    expect(replayed.stopReason).toBe('error');
    expect(replayed.message).toBe(live.message);
    const replay = await ReplayModel.fromFile(path);
    await expect(replay.create(JSON.parse((await readFile(path, 'utf8')).split('\n')[1]!).request)).rejects.toBeInstanceOf(ReplayedModelError);
  });
});

describe('hand-written sessions', () => {
  it('are marked handWritten in their header', async () => {
    const files = (await readdir(FIXTURES)).filter((f) => f.endsWith('.jsonl'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const session = parseSession(await readFile(new URL(file, FIXTURES), 'utf8'), file);
      expect(session.header.handWritten, file).toBe(true);
      expect(session.exchanges.length, file).toBeGreaterThan(0);
    }
  });

  it('drive the loop to the outcome they describe', async () => {
    const replay = await ReplayModel.fromFile(new URL('greeting-implement.jsonl', FIXTURES).pathname);
    const outcome = await run(replay);
    expect(outcome.stopReason).toBe('finished');
    expect(outcome.changes.map((c) => c.path)).toEqual(['greeting/greet.py', 'tests/test_greet.py']);
    expect(outcome.requirements.map((r) => r.tests)).toEqual([['tests/test_greet.py::test_greet'], ['tests/test_greet.py::test_empty_name_is_refused']]);
    expect(outcome.tokens).toEqual({ inputTokens: 496, outputTokens: 601, cacheWriteTokens: 3525, cacheWrite1hTokens: 0, cacheReadTokens: 5879 });
    replay.assertFinished();
  });

  it('check the error flags of tool results, so a change in validation is caught', async () => {
    const path = new URL('greeting-malformed-then-fixed.jsonl', FIXTURES).pathname;
    const outcome = await run(await ReplayModel.fromFile(path));
    expect(outcome.stopReason).toBe('finished');
    expect(outcome.changes.map((c) => c.path)).toEqual(['greeting/greet.py']);
    // The session edited as if the agent had accepted the workflow write: replay catches the difference.
    const edited = (await readFile(path, 'utf8')).replace('"user[toolu_01MalfWrite0000000000001:error,toolu_01MalfWrite0000000000002:error]"', '"user[toolu_01MalfWrite0000000000001:error,toolu_01MalfWrite0000000000002:ok]"');
    const mismatch = await run(ReplayModel.fromText(edited, 'edited.jsonl'));
    expect(mismatch.message).toBe(
      'The model call failed on turn 2: Replay session edited.jsonl, exchange 2 of 3: the request does not match the recording: messages[2]: expected user[toolu_01MalfWrite0000000000001:error,toolu_01MalfWrite0000000000002:ok], got user[toolu_01MalfWrite0000000000001:error,toolu_01MalfWrite0000000000002:error] (3 messages, recorded 3). Update the hand-written session to the new conversation.',
    );
  });
});

describe('session files that cannot be read', () => {
  const header = '{"type":"session","format":1,"model":"m","created":"2026-01-01","handWritten":true}';
  const shape = '{"model":"m","tools":[],"messages":["user"]}';
  it.each([
    ['', 'empty.jsonl: the session is empty'],
    ['{"type":"session"}', 'bad.jsonl:1: the first line must be the session header'],
    [`${header}\n{not json`, 'bad.jsonl:2: not valid JSON'],
    [`${header}\n{"type":"exchange","index":2,"shape":${shape},"error":{"message":"x"}}`, 'bad.jsonl:2: exchange index 2, expected 1'],
    [`${header}\n{"type":"exchange","index":1,"shape":${shape}}`, 'an exchange has either "response" or "error"'],
    [
      `${header}\n{"type":"exchange","index":1,"shape":${shape},"response":{"id":"resp_1","type":"message","role":"assistant","model":"m","content":[],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}}`,
      'response.id: a message id starts with "msg_"',
    ],
    [
      `${header}\n{"type":"exchange","index":1,"shape":${shape},"response":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[{"type":"tool_use","id":"call_1","name":"x","input":{}}],"stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":1}}}`,
      'a tool_use id starts with "toolu_"',
    ],
    [
      header.replace('true', 'false') + `\n{"type":"exchange","index":1,"shape":${shape},"error":{"message":"x"}}`,
      'a recorded session (handWritten: false) needs "requestHash"',
    ],
  ])('%#: %s', (text, message) => {
    const source = text === '' ? 'empty.jsonl' : 'bad.jsonl';
    expect(() => parseSession(text, source)).toThrow(SessionFormatError);
    expect(() => parseSession(text, source)).toThrow(message);
  });

  it('reports a missing file with its path', async () => {
    await expect(ReplayModel.fromFile(join(dir, 'missing.jsonl'))).rejects.toThrow(/ENOENT.*missing\.jsonl/);
  });
});

describe('request shapes', () => {
  it('name roles, tool_use ids and tool_result error flags', () => {
    const shape = requestShape({
      model: 'm',
      max_tokens: 1,
      system: [],
      tools: [{ name: 'a', description: 'd', input_schema: { type: 'object' } }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'go' }] },
        { role: 'assistant', content: [toolUse('toolu_1', 'a', {}), toolUse('toolu_2', 'a', {})] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'ok' }, { type: 'tool_result', tool_use_id: 'toolu_2', content: 'bad', is_error: true }] },
        { role: 'assistant', content: [{ type: 'text', text: 'hm' }] },
      ],
    });
    expect(shape).toEqual({ model: 'm', tools: ['a'], messages: ['user', 'assistant[toolu_1,toolu_2]', 'user[toolu_1:ok,toolu_2:error]', 'assistant'] });
  });

  it('serve responses byte for byte as the file has them, extra fields included', async () => {
    const path = join(dir, 's.jsonl');
    const recorder = await RecordingModel.start(new ScriptedModel([response([toolUse('toolu_1', 'finish', { summary: 's', requirements: [] })])]), path, { model: 'claude-sonnet-4-6' });
    await run(recorder);
    const [head, line] = (await readFile(path, 'utf8')).split('\n') as [string, string];
    const exchange = JSON.parse(line);
    exchange.response.container = null;
    await writeFile(path, `${head}\n${JSON.stringify(exchange)}\n`);
    const served = await (await ReplayModel.fromFile(path)).create(exchange.request);
    expect(JSON.stringify(served)).toBe(JSON.stringify(exchange.response));
  });
});
