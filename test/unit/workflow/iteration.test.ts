// The iteration plan shared by the app and the CLI: which budget and deny paths the
// agent gets, the lock entry, and the commit plan from an agent outcome.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import { parseLock } from '../../../src/pipeline/drift/index.js';
import { parseSpec } from '../../../src/pipeline/spec/index.js';
import { parseTrailers, TRAILER } from '../../../src/pipeline/workflow/commit-message.js';
import { agentConfigForRun, commitWritePolicy, planIteration, planLockUpdate, previousChangesOf } from '../../../src/pipeline/workflow/iteration.js';
import { checkWritablePath } from '../../../src/pipeline/agent/guards.js';

const SPEC = '---\ntype: functional-spec\nid: FS-7\nstatus: approved\n---\n# Export\n\n## Functional Requirements\n\n### FR-7: Export\n\n**Acceptance criteria:**\n\n1. WHEN the user exports, THE app SHALL write the visible tasks.\n';
const bytes = new TextEncoder().encode(SPEC);
const spec = parseSpec('docs/fs.md', bytes, defaultConfig().specs);

describe('agentConfigForRun', () => {
  it("obeys the run's budget (an admin may have raised it), not the configuration's", () => {
    const agent = defaultConfig().agent;
    const config = agentConfigForRun(agent, { maxIterations: 3, turns: 200, tokens: 9_000_000, costUsd: 55 }, '.spec-automation/lock.json');
    expect(config.budgets).toEqual({ ...agent.budgets, turns: 200, tokens: 9_000_000, costUsd: 55 });
  });

  it('denies the agent the lock file wherever it is configured', () => {
    const agent = { ...defaultConfig().agent, denyPaths: ['secrets/**'] };
    const budget = { maxIterations: 3, turns: 80, tokens: 4e6, costUsd: 20 };
    expect(agentConfigForRun(agent, budget, 'docs/spec-lock.json').denyPaths).toEqual(['secrets/**', 'docs/spec-lock.json']);
    expect(agentConfigForRun(agent, budget, '../outside.json').denyPaths).toEqual(['secrets/**']);
    const policy = commitWritePolicy({ agent, revalidate: { ...defaultConfig().revalidate, lockFile: 'docs/spec-lock.json' } }, budget);
    expect(() => checkWritablePath('docs/spec-lock.json', policy)).toThrow(/protected/);
    expect(() => checkWritablePath('.github/spec-automation.yml', policy)).toThrow(/protected/);
    expect(() => checkWritablePath('src/app.py', policy)).not.toThrow();
  });

  it('leaves the lock file out of the previous changes', () => {
    expect(previousChangesOf(['a.py', '.spec-automation/lock.json', 'b.py'], '.spec-automation/lock.json')).toEqual(['a.py', 'b.py']);
  });
});

describe('planIteration', () => {
  const state = { spec: { path: 'docs/fs.md', type: 'functional-spec', id: 'fs-7', title: 'Export', contentHash: spec.contentHash }, headSha: 'abcdef1234' };
  const outcome = {
    stopReason: 'finished' as const,
    message: 'done',
    summary: 'Wrote export with sk-ant-api03-secretsecret.',
    turns: 3,
    tokens: { inputTokens: 10, outputTokens: 5, cacheWriteTokens: 0, cacheReadTokens: 2 },
    costUsd: 0.01,
    changes: [{ path: 'export.py', action: 'create' as const, content: 'x = 1\n', bytes: 6 }],
  };
  const failures = [{ gate: 'pytest', tool: 'pytest', status: 'failed' as const, exitCode: 1, durationMs: 1, fromCache: false, command: [], diagnostics: [] }];

  it('plans one trailered commit with the lock entry, the redacted summary and what was spent', () => {
    const lock = planLockUpdate({ lockFile: '.spec-automation/lock.json', spec, specBytes: bytes, read: { kind: 'text', text: undefined }, pr: { number: 4, url: 'https://github.com/o/r/pull/4' }, at: new Date('2026-10-21T08:00:00Z') });
    const plan = planIteration({ state, mode: 'fix', iteration: 1, outcome, failures, lock, redact: (t) => t.replace(/sk-ant-\S+/g, '[redacted]') });
    expect(plan.message.split('\n')[0]).toBe('spec-automation: fix 1 of fs-7');
    expect(plan.message).toContain('Wrote export with [redacted]');
    expect(plan.message).toContain('Fixing: pytest failed on abcdef1');
    expect(parseTrailers(plan.message).get(TRAILER.spent)).toBe('turns=3 input=10 output=5 cacheWrite=0 cacheRead=2 cost=0.010000');
    expect(plan.step).toEqual({ stopReason: 'finished', summary: 'Wrote export with [redacted]', changedFiles: 1, spent: { turns: 3, inputTokens: 10, outputTokens: 5, cacheWriteTokens: 0, cacheReadTokens: 2, costUsd: 0.01 } });
    if (plan.lock.kind !== 'write') throw new Error(plan.lock.reason);
    expect(parseLock(plan.lock.content).lock.entries.get('docs/fs.md')).toMatchObject({ id: 'FS-7', pr: { number: 4, url: 'https://github.com/o/r/pull/4' }, implementedAt: '2026-10-21T08:00:00.000Z' });
  });

  it('never overwrites a lock file it could not read', () => {
    expect(planLockUpdate({ lockFile: '.spec-automation/lock.json', spec, specBytes: bytes, read: { kind: 'unreadable', reason: 'EACCES' }, at: new Date() })).toEqual({ kind: 'skip', reason: expect.stringContaining('could not be read (EACCES)') });
  });
});
