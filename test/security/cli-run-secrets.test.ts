/**
 * Issue 11 item 4 in `spec-automation run`: the model key landed in the state file and
 * the next fix prompt. Gate results are redacted where they are made (runGates); on top,
 * the run's state file and every model request (so every prompt and every recorded
 * session) go through the redactor that knows the environment's secrets.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingModel } from '../../src/adapters/anthropic/recording-model.js';
import { redactingModel } from '../../src/cli/run/model.js';
import { StateStore, type RunRecord } from '../../src/cli/run/state-store.js';
import type { ModelPort, ModelRequest, ModelResponse } from '../../src/pipeline/agent/model-port.js';
import { Redactor } from '../../src/pipeline/redact.js';

const KEY = 'sk-ant-api03-run-canary-0123456789';
const TOKEN = 'run-canary-github-token-abcdef';
const env = { ANTHROPIC_API_KEY: KEY, GITHUB_TOKEN: TOKEN };

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const response: ModelResponse = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-6',
  content: [{ type: 'text', text: 'done' }],
  stop_reason: 'end_turn',
  usage: { input_tokens: 1, output_tokens: 1 },
} as ModelResponse;

describe('spec-automation run and the secrets in play', () => {
  it('a fix prompt quoting a gate output with the key reaches neither the model nor the recorded session', async () => {
    dir = mkdtempSync(join(tmpdir(), 'run-secrets-'));
    const seen: ModelRequest[] = [];
    const live: ModelPort = { create: (request) => (seen.push(request), Promise.resolve(response)) };
    const session = join(dir, 'session.jsonl');
    const recording = await RecordingModel.start(live, session, { model: 'claude-sonnet-4-6' });
    const port = redactingModel(recording, Redactor.fromEnv(env));
    const request: ModelRequest = {
      model: 'claude-sonnet-4-6',
      max_tokens: 100,
      system: [{ type: 'text', text: 'system' }],
      tools: [],
      messages: [{ role: 'user', content: [{ type: 'text', text: `pytest failed: env was ANTHROPIC_API_KEY=${KEY} GITHUB_TOKEN=${TOKEN}` }] }],
    } as ModelRequest;
    await port.create(request);
    const sent = JSON.stringify(seen);
    expect(sent).toContain('ANTHROPIC_API_KEY=[redacted]');
    expect(sent).not.toContain(KEY);
    expect(sent).not.toContain(TOKEN);
    const recorded = readFileSync(session, 'utf8');
    expect(recorded).toContain('[redacted]');
    expect(recorded).not.toContain(KEY);
    expect(recorded).not.toContain(TOKEN);
  });

  it('the state file never holds the key or the token', async () => {
    dir = mkdtempSync(join(tmpdir(), 'run-secrets-'));
    const store = new StateStore(dir, 'prd-1', Redactor.fromEnv(env));
    const record = { version: 1, lastGates: { run: { gates: [{ stderrTail: `${KEY} ${TOKEN}` }] } }, note: KEY } as unknown as RunRecord;
    await store.save(record);
    const text = readFileSync(store.statePath, 'utf8');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(TOKEN);
  });
});
