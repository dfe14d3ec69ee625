import { describe, expect, it } from 'vitest';
import { commandOfButton } from '../../../src/app/create-app.js';
import type { AppClient, AppLog } from '../../../src/app/context.js';
import { branchStartsRuns, pushIsRelevant } from '../../../src/app/push.js';
import { secondaryLimitWait, withSecondaryLimitRetries } from '../../../src/github/secondary-limits.js';
import { BUTTONS, renderRunCheck } from '../../../src/app/run-check.js';
import { fitState } from '../../../src/app/run-store.js';
import { docIdOf } from '../../../src/pipeline/workflow/start.js';
import { validButtons } from '../../../src/github/app-check-run.js';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import { encodeState } from '../../../src/pipeline/workflow/state-document.js';
import { STATE_VERSION, type WorkflowState } from '../../../src/pipeline/workflow/state.js';

const quiet: AppLog = { debug() {}, info() {}, warn() {}, error() {} };

function state(patch: Partial<WorkflowState> = {}): WorkflowState {
  return {
    version: STATE_VERSION,
    spec: { path: 'docs/prd.md', type: 'prd', id: 'prd', title: 'PRD', contentHash: 'h' },
    baseSha: 'a'.repeat(40),
    branch: 'spec/prd',
    phase: 'qa',
    iteration: 0,
    headSha: 'b'.repeat(40),
    budget: { maxIterations: 3, turns: 80, tokens: 4_000_000, costUsd: 20 },
    ledger: { turns: 0, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0 },
    attempts: [],
    deliveries: [],
    updatedAt: '2026-07-01T00:00:00Z',
    ...patch,
  };
}

describe('secondary rate limits', () => {
  const limit = (headers: Record<string, string>, message = 'You have exceeded a secondary rate limit.') => ({ status: 403, message, response: { headers, data: { message } } });

  it('recognises them, with retry-after or GitHub\'s one-minute advice', () => {
    expect(secondaryLimitWait(limit({ 'retry-after': '30' }))).toBe(30);
    expect(secondaryLimitWait(limit({}))).toBe(60);
    expect(secondaryLimitWait({ status: 429, message: 'x', response: { headers: { 'retry-after': '5' } } })).toBe(5);
    expect(secondaryLimitWait({ status: 403, message: 'Resource not accessible by integration', response: { headers: {} } })).toBeUndefined();
    expect(secondaryLimitWait({ status: 403, message: 'API rate limit exceeded', response: { headers: { 'x-ratelimit-remaining': '0', 'retry-after': '9' } } })).toBeUndefined();
    expect(secondaryLimitWait({ status: 502 })).toBeUndefined();
    expect(secondaryLimitWait(new Error('network'))).toBeUndefined();
  });

  it('waits and asks again, at most three times, never for longer than five minutes', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failing = (times: number, retryAfter = '2'): AppClient => ({
      request: (async () => {
        calls += 1;
        if (calls <= times) throw limit({ 'retry-after': retryAfter });
        return { status: 200, data: 'ok' };
      }) as unknown as AppClient['request'],
      graphql: (async () => ({})) as AppClient['graphql'],
    });
    const sleep = async (ms: number) => void waits.push(ms);
    const ok = await withSecondaryLimitRetries(failing(2), { sleep, log: quiet }).request('GET /x' as never);
    expect(ok).toMatchObject({ data: 'ok' });
    expect(waits).toEqual([2000, 2000]);
    calls = 0;
    await expect(withSecondaryLimitRetries(failing(4), { sleep, log: quiet }).request('GET /x' as never)).rejects.toMatchObject({ status: 403 });
    calls = 0;
    waits.length = 0;
    await expect(withSecondaryLimitRetries(failing(1, '3600'), { sleep, log: quiet }).request('GET /x' as never)).rejects.toMatchObject({ status: 403 });
    expect(waits).toEqual([]);
  });
});

describe('fitState', () => {
  it('keeps the block under its size by clipping and then dropping old summaries, never the ledger or gates', () => {
    const attempts = Array.from({ length: 60 }, (_, i) => ({
      iteration: i,
      mode: 'fix' as const,
      startedAt: '2026-07-01T00:00:00Z',
      summary: 'é'.repeat(5000),
      changedFiles: 1,
      spent: { turns: 1, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0.5 },
      gates: { headSha: 'c'.repeat(40), conclusion: 'failure' as const, failed: ['pytest'], errors: 1, warnings: 0, failedTests: 1, failureFingerprint: `fp${i}`, toolErrors: [] },
    }));
    const big = state({ attempts, ledger: { turns: 60, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 30 }, reason: 'r'.repeat(9000) });
    const fitted = fitState(big);
    expect(encodeState(fitted).length).toBeLessThanOrEqual(40_000);
    expect(fitted.ledger).toEqual(big.ledger);
    expect(fitted.attempts.map((a) => a.gates?.failureFingerprint)).toEqual(attempts.map((a) => a.gates.failureFingerprint));
    expect(fitted.attempts.at(-1)!.summary).toHaveLength(1000);
    expect(fitted.attempts[0]!.summary).toBeUndefined();
    expect(fitted.reason).toHaveLength(2000);
    const small = state({ attempts: attempts.slice(0, 2).map((a) => ({ ...a, summary: 'short' })) });
    expect(fitState(small)).toEqual(small);
  });
});

describe('doc ids and branches', () => {
  it('names a run after the spec id or its file, safely', () => {
    const meta = (id?: string) => ({ id, owners: [], supersedes: [], related: [], tags: [], implements: [], extra: {}, lines: {}, source: 'none' as const });
    expect(docIdOf({ path: 'docs/prd.md', meta: meta('PRD-001') })).toBe('prd-001');
    expect(docIdOf({ path: 'docs/Tâche Export.md', meta: meta() })).toBe('tache-export');
    expect(docIdOf({ path: 'x.md', meta: meta('../../etc/passwd') })).toBe('etc-passwd');
    expect(docIdOf({ path: 'docs/仕様.md', meta: meta() })).toMatch(/^spec-[0-9a-f]{10}$/);
    expect(docIdOf({ path: 'a.md', meta: meta('x'.repeat(100)) })).toHaveLength(60);
  });

  it('starts runs from the default branch unless app.branches says otherwise, never from spec branches', () => {
    const config = defaultConfig();
    expect(branchStartsRuns('main', config, 'main')).toBe(true);
    expect(branchStartsRuns('dev', config, 'main')).toBe(false);
    expect(branchStartsRuns('spec/x', { ...config, app: { ...config.app, branches: ['**'] } }, 'main')).toBe(false);
    expect(branchStartsRuns('release/2.0', { ...config, app: { ...config.app, branches: ['release/*'] } }, 'main')).toBe(true);
  });

  it('drops tag pushes, deletions and forks in the handler', () => {
    const base = { ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'b'.repeat(40), repository: { fork: false } };
    expect(pushIsRelevant(base).relevant).toBe(true);
    expect(pushIsRelevant({ ...base, ref: 'refs/tags/v1' }).relevant).toBe(false);
    expect(pushIsRelevant({ ...base, after: '0'.repeat(40) }).relevant).toBe(false);
    expect(pushIsRelevant({ ...base, repository: { fork: true } })).toEqual({ relevant: false, why: 'specs pushed to a fork never start a run' });
  });
});

describe('the run check run', () => {
  it('shows progress while the agent works and buttons once it stops', () => {
    expect(renderRunCheck(state({ phase: 'developing' }), 'h', undefined)).toMatchObject({ status: 'in_progress' });
    expect(renderRunCheck(state({ phase: 'qa' }), 'h', undefined)).toMatchObject({ status: 'completed', conclusion: 'neutral', buttons: [BUTTONS.cancel] });
    expect(renderRunCheck(state({ phase: 'needs-human', reason: 'no progress' }), 'h', 'https://x')).toMatchObject({ conclusion: 'action_required', detailsUrl: 'https://x', buttons: [BUTTONS.retryDev, BUTTONS.retryQa, BUTTONS.cancel] });
    expect(renderRunCheck(state({ phase: 'ready' }), 'h', undefined)).toMatchObject({ conclusion: 'success', buttons: [] });
    expect(renderRunCheck(state({ phase: 'cancelled' }), 'h', undefined).buttons).toEqual([BUTTONS.retryDev]);
    for (const b of Object.values(BUTTONS)) {
      expect(b.label.length).toBeLessThanOrEqual(20);
      expect(b.identifier.length).toBeLessThanOrEqual(20);
      expect(b.description.length).toBeLessThanOrEqual(40);
    }
    expect(validButtons([BUTTONS.cancel, BUTTONS.cancel, BUTTONS.cancel, BUTTONS.cancel, { label: 'x'.repeat(30), description: 'y'.repeat(50), identifier: 'z'.repeat(30) }])).toHaveLength(3);
  });

  it('maps buttons and Re-run to commands', () => {
    expect(commandOfButton('requested_action', 'retry-qa')).toEqual({ kind: 'retry', target: 'qa' });
    expect(commandOfButton('requested_action', 'cancel')).toEqual({ kind: 'cancel' });
    expect(commandOfButton('rerequested', undefined)).toEqual({ kind: 'retry', target: 'dev' });
    expect(commandOfButton('requested_action', 'rm -rf')).toMatchObject({ kind: 'unknown' });
  });
});
