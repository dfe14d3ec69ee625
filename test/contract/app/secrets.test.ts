/**
 * Secrets never leave the app: a canary ANTHROPIC_API_KEY, the app's private key and
 * the webhook secret are planted, the agent "leaks" the canary and a line of the key in
 * what it says, a model error quotes the key, and then EVERYTHING the app emitted is
 * searched: its log lines, every request body sent to GitHub (comments, check runs,
 * commit messages, trees), and the state GitHub holds afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelPort, ModelRequest, ModelResponse } from '../../../src/pipeline/agent/model-port.js';
import { commentPayload, gate, greetingRepo, pushSpec, replay, runGatesWorkflow, SPEC_BRANCH, trackAppHarnesses, stateOf, throwawayKey, WEBHOOK_SECRET, type AppHarness } from './harness.js';

const CANARY = 'sk-ant-api03-CANARY-1d4f9a7c-do-not-log-0123456789abcdef';

const startHarness = trackAppHarnesses();
afterEach(() => {
  delete process.env.ANTHROPIC_API_KEY;
});

/** The recorded session, with the canary and a line of the private key slipped into every text the model writes. */
function leaking(inner: ModelPort, keyLine: string): ModelPort {
  return {
    async create(request: ModelRequest): Promise<ModelResponse> {
      const response = await inner.create(request);
      const leak = ` (my key is ${CANARY}; found ${keyLine})`;
      return {
        ...response,
        content: response.content.map((b) =>
          b.type === 'text'
            ? { ...b, text: b.text + leak }
            : b.type === 'tool_use' && b.name === 'finish'
              ? { ...b, input: { ...(b.input as object), summary: `${(b.input as { summary: string }).summary}${leak}` } }
              : b,
        ),
      };
    },
  };
}

function everythingEmitted(h: AppHarness): string {
  const requests = h.double.log.map((e) => `${e.method} ${e.path} ${JSON.stringify(e.query)} ${JSON.stringify(e.body ?? '')}`);
  const state = JSON.stringify({
    comments: h.fake.github.state.issueComments,
    // The app's own check runs (the gates' runs are the action's, written by the test).
    checkRuns: h.fake.github.state.checkRuns.filter((r) => r.app.slug === 'spec-automation'),
    commits: [...h.fake.state.commits.values()].map((c) => c.message),
    pulls: h.fake.state.pulls,
  });
  return [...h.logs, ...requests, state].join('\n');
}

describe('secrets', () => {
  it('appear nowhere in what the app emitted, though the agent and the model quoted them', async () => {
    const privateKey = throwawayKey();
    const keyLine = privateKey.split('\n')[5]!;
    process.env.ANTHROPIC_API_KEY = CANARY;
    const repo = greetingRepo();
    const model = leaking(await replay('greeting-loop.jsonl'), keyLine);
    let calls = 0;
    const h = await startHarness({
      repo: { files: repo.files },
      secrets: [CANARY, privateKey, WEBHOOK_SECRET],
      model: {
        create: async (request) => {
          calls += 1;
          // The fix iteration's model call fails with an error that quotes the key.
          if (calls === 4) throw new Error(`401 authentication_error: invalid x-api-key ${CANARY}`);
          return model.create(request);
        },
      },
    });
    h.fake.state.permissions.set('ada', 'admin');
    await pushSpec(h, repo.spec);
    expect(stateOf(h.fake, 1).phase).toBe('qa');
    await h.deliver('workflow_run', runGatesWorkflow(h.fake, SPEC_BRANCH, [gate('ruff', 'failed', [{ source: 'ruff', path: 'greeting/greet.py', range: { start: { line: 1 } }, severity: 'error', rule: 'F401', message: 'unused import os', fingerprint: 'f1' }]), gate('pytest', 'passed')]));
    const parked = stateOf(h.fake, 1);
    expect(parked.phase).toBe('needs-human');
    // The leaks reached the app: the agent's summary and the model's error, both redacted.
    expect(parked.attempts[0]!.summary).toContain('my key is [redacted]; found [redacted]');
    expect(parked.attempts[1]!.summary).toContain('invalid x-api-key [redacted]');
    expect([...h.fake.state.commits.values()].some((c) => c.message.includes('my key is [redacted]'))).toBe(true);
    await h.deliver('issue_comment', commentPayload(h.fake, 1, '/spec status', { login: 'ada' }));

    const emitted = everythingEmitted(h);
    // The test is only worth something if the secrets would have been there.
    expect(emitted).toContain('[redacted]');
    expect(emitted.length).toBeGreaterThan(50_000);
    expect(emitted).not.toContain(CANARY);
    expect(emitted).not.toContain('CANARY-1d4f9a7c');
    expect(emitted).not.toContain(keyLine);
    expect(emitted).not.toContain('PRIVATE KEY-----');
    expect(emitted).not.toContain(WEBHOOK_SECRET);
    // Nor GitHub's own credentials: the installation token the double issued.
    expect(emitted.replace(/"token":"ghs_fakeInstallationToken\d+"/g, '')).not.toMatch(/ghs_fakeInstallationToken/);
  });
});
