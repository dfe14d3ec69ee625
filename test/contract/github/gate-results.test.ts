// The app's side of the loop: read the results the action left on a commit, and know
// from the event when the token is read-only.
import { afterEach, describe, expect, it } from 'vitest';
import { readOnlyReason } from '../../../src/github/forks.js';
import { readGateResults } from '../../../src/github/gate-results.js';
import { createGitHubClient } from '../../../src/github/octokit.js';
import { reportGates } from '../../../src/github/reporter.js';
import { startFakeGitHub } from '../../support/github/fake-github.js';
import type { GitHubDouble } from '../../support/github/double.js';
import { diag, gate, gatesRun } from '../../unit/reporting/make.js';
import { pullRequestFromFork, pullRequestOpened } from './events.js';

const event = pullRequestOpened();
const repo = { owner: event.repository.owner.login, repo: event.repository.name };
const sha = event.pull_request.head.sha;
const sink = { writeSummary: () => undefined, annotate: () => undefined, warn: () => undefined };

let double: GitHubDouble | undefined;
afterEach(async () => {
  if (double) expect(double.violations.map((v) => v.message)).toEqual([]);
  await double?.close();
  double = undefined;
});

describe('readGateResults', () => {
  it('decodes the block of every gate the action reported, ignoring other apps and other checks', async () => {
    const { fake, double: d } = await startFakeGitHub();
    double = d;
    const client = createGitHubClient({ auth: 't', baseUrl: d.url, waits: 'none' });
    const failing = diag({ source: 'pytest', rule: 'test.failed', path: 'tests/test_app.py', range: { start: { line: 9 } }, message: 'assert 1 == 2' });
    await reportGates({
      client,
      repo,
      sha,
      run: gatesRun([gate({ gate: 'pytest', tool: 'pytest', diagnostics: [failing], status: 'failed' }), gate()]),
      targets: { review: false },
      sink,
    });
    // 150 unrelated runs on the same commit (other CI): the lookup pages through them.
    for (let i = 0; i < 150; i++) {
      fake.state.checkRuns.push({ ...fake.state.checkRuns[0]!, id: 5000 + i, name: `ci / job ${i}`, app: { id: 1, slug: 'other-ci' }, annotations: [] });
    }
    // Someone else's app naming its run like ours, with a forged "pass".
    fake.state.checkRuns.push({
      ...fake.state.checkRuns[0]!,
      id: 9000,
      app: { id: 2, slug: 'impostor' },
      output: { title: 'ok', summary: fake.state.checkRuns[1]!.output.summary, text: null },
      annotations: [],
    });
    // A corrupt block in a run of ours.
    fake.state.checkRuns.push({ ...fake.state.checkRuns[1]!, id: 9001, name: 'spec-automation / basedpyright', output: { title: 't', summary: '<!-- spec-automation:results v1 !!! -->', text: null } });

    const { gates, requests } = await readGateResults(client, repo, sha);
    expect(requests).toBe(2);
    expect(gates.map((g) => [g.gate, g.conclusion, g.appSlug])).toEqual([
      ['basedpyright', 'success', 'github-actions'],
      ['pytest', 'failure', 'github-actions'],
      ['ruff', 'success', 'github-actions'],
    ]);
    const pytest = gates.find((g) => g.gate === 'pytest')!;
    expect(pytest.results.ok && pytest.results.block).toMatchObject({ status: 'failed', sha, top: [{ rule: 'test.failed', path: 'tests/test_app.py', line: 9 }] });
    expect(gates.find((g) => g.gate === 'basedpyright')!.results).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(gates.find((g) => g.gate === 'ruff')!.results.ok).toBe(true);
  });
});

describe('readOnlyReason', () => {
  it('is undefined for a pull request within the repository', () => {
    expect(readOnlyReason('pull_request', pullRequestOpened())).toBeUndefined();
    expect(readOnlyReason('push', pullRequestFromFork())).toBeUndefined();
  });

  it('explains fork and Dependabot pull requests, and tolerates any payload', () => {
    expect(readOnlyReason('pull_request', pullRequestFromFork())).toMatch(/comes from a fork \(outsider\/Hello-World\)/);
    const dependabot = pullRequestOpened();
    dependabot.sender.login = 'dependabot[bot]';
    expect(readOnlyReason('pull_request', dependabot)).toMatch(/Dependabot/);
    const deleted = pullRequestOpened() as unknown as { pull_request: { head: { repo: unknown } } };
    deleted.pull_request.head.repo = null;
    expect(readOnlyReason('pull_request', deleted)).toMatch(/deleted/);
    for (const junk of [null, 'x', 42, {}, { pull_request: 'x' }, { pull_request: { head: 5 } }]) {
      expect(() => readOnlyReason('pull_request', junk)).not.toThrow();
    }
  });
});
