import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseModel, OFFLINE_ALTERNATIVE } from '../../../src/cli/run/model.js';
import { MissingCredentialsError, SpecAutomationError } from '../../../src/pipeline/errors.js';
import { ReplayMismatchError } from '../../../src/adapters/anthropic/replay-model.js';
import { agentConfig } from '../agent/helpers.js';
import { removeDir } from './support.js';

describe('chooseModel', () => {
  it('without a key and without --replay: says how to set one in bash and PowerShell, or to replay', async () => {
    const error = await chooseModel({ agent: agentConfig(), env: {}, callsDone: 0 }).catch((e: unknown) => e);
    // The one missing-credentials type, the app's start-up check's too, with the offline replay as its fix.
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(error).toBeInstanceOf(SpecAutomationError);
    expect(error).toMatchObject({ route: 'anthropic', variable: 'ANTHROPIC_API_KEY', fix: OFFLINE_ALTERNATIVE });
    const message = (error as Error).message;
    expect(message).toBe(`${(error as MissingCredentialsError).problem}\n${OFFLINE_ALTERNATIVE}`);
    expect(message).toContain('export ANTHROPIC_API_KEY=sk-ant-...');
    expect(message).toContain('$env:ANTHROPIC_API_KEY="sk-ant-..."');
    expect(message).toContain('--replay <session.jsonl>');
    await expect(chooseModel({ agent: agentConfig(), env: { ANTHROPIC_API_KEY: '  ' }, callsDone: 0 })).rejects.toThrow(MissingCredentialsError);
  });

  it('with a key: the live model, named in the source', async () => {
    const choice = await chooseModel({ agent: agentConfig(), env: { ANTHROPIC_API_KEY: 'sk-ant-test' }, callsDone: 0 });
    expect(choice.source).toBe('live (claude-sonnet-5-5)');
    expect(choice.replay).toBeUndefined();
  });

  it('replays from where an earlier invocation stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'choose-model-'));
    try {
      const file = join(dir, 's.jsonl');
      const exchange = (index: number, messages: string[]) =>
        JSON.stringify({
          type: 'exchange',
          index,
          shape: { model: 'claude-sonnet-5-5', tools: ['finish'], messages },
          response: { id: `msg_${index}`, type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', content: [], stop_reason: 'end_turn', usage: { input_tokens: index, output_tokens: 1 } },
        });
      writeFileSync(file, [JSON.stringify({ type: 'session', format: 1, model: 'claude-sonnet-5-5', created: 'x', handWritten: true }), exchange(1, ['user']), exchange(2, ['user'])].join('\n'));
      const choice = await chooseModel({ agent: agentConfig(), env: {}, replay: file, replayLabel: 's.jsonl', callsDone: 1 });
      expect(choice.source).toBe('replay s.jsonl (hand-written session, resumed at exchange 2)');
      expect(choice.replay?.remaining).toBe(1);
      const request = { model: 'claude-sonnet-5-5', max_tokens: 1, system: [], tools: [{ name: 'finish', description: '', input_schema: { type: 'object' as const } }], messages: [{ role: 'user' as const, content: [] }] };
      expect((await choice.port.create(request)).usage.input_tokens).toBe(2);
      await expect(choice.port.create({ ...request, model: 'other' })).rejects.toThrow(/has 1 exchanges|exchange 2/);
      const fresh = await chooseModel({ agent: agentConfig(), env: {}, replay: file, callsDone: 0 });
      await expect(fresh.port.create({ ...request, tools: [] })).rejects.toThrow(ReplayMismatchError);
    } finally {
      removeDir(dir);
    }
  });
});
