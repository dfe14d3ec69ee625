/**
 * The whole loop through the Probot app, against a stateful GitHub double and a
 * hand-written agent session: push → validate → draft PR → failing gates → fix →
 * passing gates → ready. The request log must read like a sensible conversation with
 * GitHub; it is printed when the test fails.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { decodeState } from '../../src/pipeline/workflow/state-document.js';
import type { WorkflowState } from '../../src/pipeline/workflow/state.js';
import { fixtureFiles, gate, pushPayload, replay, runGatesWorkflow, startAppHarness, type AppHarness } from '../contract/app/harness.js';

const SPEC = 'docs/greeting.md';
const BRANCH = 'spec/fs-greet';

let h: AppHarness;

/** The lock file's entry for the spec in a branch's files. */
function lockEntryOn(files: Map<string, string>): { id?: string; contentHash: string; implementedAt: string; requirements: Record<string, string>; pr?: { number: number; url?: string }; commit?: string } {
  const text = files.get('.spec-automation/lock.json');
  if (text === undefined) throw new Error('no .spec-automation/lock.json on the branch');
  return (JSON.parse(text) as { specs: Record<string, ReturnType<typeof lockEntryOn>> }).specs[SPEC]!;
}

function stateOf(h: AppHarness, pr: number): WorkflowState {
  const comment = h.fake.github.state.issueComments.find((c) => c.issue_number === pr && c.user.login === 'spec-automation[bot]' && c.body.includes('<!-- spec-automation:state'));
  if (!comment) throw new Error(`no state comment on #${pr}`);
  const decoded = decodeState(comment.body);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.state;
}

beforeEach(async () => {
  const files = fixtureFiles('repo');
  const spec = files[SPEC]!;
  delete files[SPEC];
  h = await startAppHarness({ repo: { files }, model: await replay('greeting-loop.jsonl') });
  h.fake.state.permissions.set('ada', 'admin');
  // The spec arrives in a push of its own.
  (h as AppHarness & { spec: string }).spec = spec;
  onTestFailed(() => {
    console.log(`GitHub conversation:\n${h.conversation()}\n\nViolations:\n${h.double.violations.map((v) => v.message).join('\n')}\n\nApp log (last 40 lines):\n${h.logs.slice(-40).join('')}`);
  });
});

afterEach(async () => {
  await h.close();
});

describe('the app end to end', () => {
  it('takes a pushed spec to a ready pull request through a failing and a passing gates run', async () => {
    const { fake } = h;
    const before = fake.head('main')!;
    const pushed = fake.commit('main', { [SPEC]: (h as AppHarness & { spec: string }).spec }, 'Add the greeting spec');

    // 1. Push: validation on the pushed commit, branch, draft PR, agent, one commit.
    await h.deliver('push', pushPayload(fake, { before, after: pushed, added: [SPEC] }));
    const validate = fake.github.state.checkRuns.find((r) => r.name === 'spec-automation / validate');
    expect(validate).toMatchObject({ head_sha: pushed, conclusion: 'success', app: { slug: 'spec-automation' } });
    expect(validate!.annotations).toEqual([expect.objectContaining({ path: SPEC, annotation_level: 'warning' })]);
    const pull = fake.pullFor(BRANCH)!;
    expect(pull).toMatchObject({ number: 1, base: 'main', draft: true, title: 'spec: Greeting — Functional Specification (fs-greet)' });
    expect(pull.body).toContain('| FR-1 | Greet a person by name |');
    const afterImplement = fake.filesAt(BRANCH);
    expect(afterImplement.get('greeting/greet.py')).toContain('return f"Hello {name}!"');
    expect(afterImplement.get('tests/test_greet.py')).toContain('@pytest.mark.req("FR-1")');
    // The agent tried to write a workflow; the guard refused it and nothing reached the branch.
    expect(afterImplement.has('.github/workflows/ci.yml')).toBe(false);
    // The spec's lock entry is in the agent's own commit (no commit of its own), with the pull request.
    const specBytes = (h as AppHarness & { spec: string }).spec;
    const lockAfterImplement = lockEntryOn(afterImplement);
    expect(lockAfterImplement).toMatchObject({ id: 'FS-GREET', type: 'functional-spec', contentHash: createHash('sha256').update(specBytes).digest('hex'), pr: { number: 1, url: 'https://github.com/octo-org/tasklet/pull/1' } });
    expect(Object.keys(lockAfterImplement.requirements)).toEqual(expect.arrayContaining(['FR-1']));
    expect(lockAfterImplement.commit).toBeUndefined();
    const branchCommits = [...fake.state.commits.values()].filter((c) => c.message.startsWith('spec-automation:'));
    expect(branchCommits.map((c) => c.message.split('\n')[0])).toEqual(['spec-automation: start fs-greet', 'spec-automation: implement fs-greet']);
    expect(fake.state.commits.get(branchCommits[0]!.sha)!.tree).toBe(fake.state.commits.get(pushed)!.tree);
    let state = stateOf(h, 1);
    expect(state).toMatchObject({ phase: 'qa', iteration: 0, headSha: fake.head(BRANCH), baseSha: pushed, spec: { path: SPEC, id: 'fs-greet', type: 'functional-spec' } });
    expect(state.ledger.turns).toBe(3);
    expect(fake.labelsOf(1)).toEqual(['spec:qa']);
    const runCheck = fake.github.state.checkRuns.find((r) => r.name === 'spec-automation / run' && r.head_sha === fake.head(BRANCH));
    expect(runCheck).toMatchObject({ status: 'completed', conclusion: 'neutral' });

    // 2. The gates workflow fails on pytest: a fix iteration from the normalized failure.
    const failing = gate('pytest', 'failed', [
      {
        source: 'pytest',
        path: 'tests/test_greet.py',
        range: { start: { line: 8 } },
        severity: 'error',
        rule: 'test.failed',
        message: "tests/test_greet.py::test_greets_by_name: AssertionError: assert 'Hello Ada!' == 'Hello, Ada!'",
        fingerprint: 'fp-greet-1',
      },
    ], { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 40, cases: [] });
    await h.deliver('workflow_run', runGatesWorkflow(fake, BRANCH, [gate('ruff', 'passed'), failing]));
    expect(fake.filesAt(BRANCH).get('greeting/greet.py')).toContain('return f"Hello, {name}!"');
    // The fix commit updated the entry in place: same spec, a later time, still one commit per iteration.
    const lockAfterFix = lockEntryOn(fake.filesAt(BRANCH));
    expect({ ...lockAfterFix, implementedAt: '' }).toEqual({ ...lockAfterImplement, implementedAt: '' });
    expect(lockAfterFix.implementedAt > lockAfterImplement.implementedAt).toBe(true);
    expect([...fake.state.commits.values()].filter((c) => c.message.startsWith('spec-automation:')).map((c) => c.message.split('\n')[0])).toEqual(['spec-automation: start fs-greet', 'spec-automation: implement fs-greet', 'spec-automation: fix 1 of fs-greet']);
    state = stateOf(h, 1);
    expect(state).toMatchObject({ phase: 'qa', iteration: 1, headSha: fake.head(BRANCH) });
    expect(state.attempts.map((a) => [a.mode, a.stopReason, a.gates?.conclusion])).toEqual([
      ['implement', 'finished', 'failure'],
      ['fix', 'finished', undefined],
    ]);
    expect(state.attempts[0]!.gates).toMatchObject({ failed: ['pytest'], failedTests: 1 });

    // 3. The gates pass: ready, PR ready for review, traceability in the state comment.
    await h.deliver('workflow_run', runGatesWorkflow(fake, BRANCH, [gate('ruff', 'passed'), gate('pytest', 'passed')]));
    state = stateOf(h, 1);
    expect(state.phase).toBe('ready');
    expect(fake.labelsOf(1)).toEqual(['spec:ready']);
    expect(fake.pullFor(BRANCH)!.draft).toBe(false);
    const comment = fake.github.state.issueComments.find((c) => c.body.includes('<!-- spec-automation:state'))!;
    expect(comment.body).toContain('2 of 2 requirements cited by a test.');
    // The live checklist: both requirements ticked (their tests passed), each gate linked to its check run.
    expect(comment.body).toContain('2 of 2 requirements done (a passing test cites it).');
    // The metrics saw the run move through its phases and the agent spend.
    const metrics = await h.app.runtime.metrics.registry.metrics();
    for (const phase of ['developing', 'qa', 'fixing', 'ready']) expect(metrics).toMatch(new RegExp(`^spec_automation_run_phase_changes_total\\{phase="${phase}"\\} [1-9]`, 'm'));
    expect(Number(/^spec_automation_agent_cost_usd_total (\S+)$/m.exec(metrics)?.[1])).toBeCloseTo(state.ledger.costUsd, 6);
    expect(comment.body).not.toContain('- [ ] **');
    expect(comment.body).toMatch(/\*\*Gates:\*\* ✅ \[pytest\]\(https:\/\/github\.com\/[^)]+\/runs\/\d+\) passed · ✅ \[ruff\]\(https:\/\/github\.com\/[^)]+\/runs\/\d+\) passed/);
    expect(comment.body).toContain('`tests/test_greet.py::test_greets_by_name`');
    expect(fake.github.state.issueComments.filter((c) => c.user.login === 'spec-automation[bot]')).toHaveLength(1);
    const finalCheck = fake.github.state.checkRuns.find((r) => r.name === 'spec-automation / run' && r.head_sha === fake.head(BRANCH));
    expect(finalCheck).toMatchObject({ conclusion: 'success' });

    // The conversation: every request valid, and in a sensible order.
    expect(h.double.violations).toEqual([]);
    const routes = h.double.log.map((e) => e.route ?? `${e.method} ${e.path}`);
    const order = [
      'POST /app/installations/{installation_id}/access_tokens',
      'GET /repos/{owner}/{repo}/contents/{path}',
      'POST /repos/{owner}/{repo}/check-runs',
      'POST /repos/{owner}/{repo}/git/commits',
      'POST /repos/{owner}/{repo}/git/refs',
      'POST /repos/{owner}/{repo}/pulls',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/git/trees',
      'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
      'POST /graphql',
    ];
    let at = -1;
    for (const step of order) {
      const next = routes.indexOf(step, at + 1);
      expect(next, `${step} after request ${at + 1}`).toBeGreaterThan(at);
      at = next;
    }
    console.log(`GitHub conversation of the loop (${h.double.log.length} requests):\n${h.conversation()}`);
  });
});
