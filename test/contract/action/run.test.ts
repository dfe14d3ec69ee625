// The action's run() in-process, as a runner runs it: INPUT_* and GITHUB_* in the
// environment, events from @octokit/webhooks-examples, the real @actions/core writing
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, and GitHub answered by nock with every request
// checked against GitHub's OpenAPI description (mockGitHub).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GatesRun } from '../../../src/pipeline/gate-result.js';
import { renderJobSummary } from '../../../src/reporting/job-summary.js';
import { parseReviewMarker, reviewMarker } from '../../../src/reporting/review.js';
import { mockGitHub, type GitHubMock } from '../../support/github/index.js';
import { createRunner, parseOutputFile, projectConfig, read, runActionFresh, stubRunnerEnv, webhookExample, workflowCommands, type PullRequestEvent, type RunnerFiles } from './support.js';

// A loopback API URL: the action does not space writes for a local double (run-context.ts).
const API = 'http://127.0.0.1:59999';
const REPO_PATH = '/repos/Codertocat/Hello-World';

let files: RunnerFiles | undefined;

beforeEach(() => {
  vi.resetModules();
});

afterEach(() => {
  files?.cleanup();
  files = undefined;
  vi.unstubAllEnvs();
  nock.cleanAll();
  process.exitCode = undefined;
});

function checkRunReply(id: number, name: string) {
  return {
    id,
    name,
    head_sha: 'x',
    status: 'completed',
    conclusion: 'failure',
    html_url: `https://github.com/Codertocat/Hello-World/runs/${id}`,
    output: { title: null, summary: null, annotations_count: 0, annotations_url: '' },
    app: { id: 15368, slug: 'github-actions' },
  };
}

/** The PR changes lines 1-10 of src/app.py; src/util.py is not part of it. */
const PR_FILES = [{ sha: 'f'.repeat(40), filename: 'src/app.py', status: 'modified', additions: 10, deletions: 10, changes: 20, blob_url: '', raw_url: '', contents_url: '', patch: `@@ -1,10 +1,10 @@\n${Array.from({ length: 10 }, (_, i) => `+value_${i + 1} = ${i + 1}`).join('\n')}` }];

function expectChecksFlow(github: GitHubMock, sha: string, existing: unknown[] = []) {
  github.scope.get(`${REPO_PATH}/commits/${sha}/check-runs`).query({ filter: 'latest', per_page: '100', page: '1' }).reply(200, { total_count: existing.length, check_runs: existing });
}

function body(github: GitHubMock, route: string, index = 0): Record<string, unknown> {
  const found = github.requests.filter((r) => r.route === route);
  return found[index]!.body as Record<string, unknown>;
}

describe('run() on a pull_request event', () => {
  it('posts a check run per gate, one review on the changed lines only, the summary, the outputs, and fails the step', async () => {
    files = createRunner();
    const event = webhookExample<PullRequestEvent>('pull_request', 'opened');
    const sha = event.pull_request.head.sha;
    stubRunnerEnv(files, { name: 'pull_request', payload: event, sha: 'a'.repeat(40) }, {}, API);
    const github = mockGitHub(API);
    expectChecksFlow(github, sha);
    github.scope.post(`${REPO_PATH}/check-runs`).reply(201, checkRunReply(11, 'spec-automation / lint'));
    github.scope.post(`${REPO_PATH}/check-runs`).reply(201, checkRunReply(12, 'spec-automation / unit'));
    github.scope.get(`${REPO_PATH}/pulls/${event.number}/files`).query(true).reply(200, PR_FILES);
    github.scope.get(`${REPO_PATH}/pulls/${event.number}/comments`).query(true).reply(200, []);
    github.scope.post(`${REPO_PATH}/pulls/${event.number}/reviews`).reply(200, { id: 77, html_url: 'https://github.com/Codertocat/Hello-World/pull/2#pullrequestreview-77', user: { login: 'github-actions[bot]' }, body: '', state: 'COMMENTED', commit_id: sha });

    await runActionFresh();

    expect(github.violations).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(github.requests.map((r) => r.route)).toEqual([
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
      'POST /repos/{owner}/{repo}/check-runs',
      'POST /repos/{owner}/{repo}/check-runs',
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments',
      'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    ]);
    // Check runs go on the PR's head commit, not on GITHUB_SHA (the merge commit).
    const lint = body(github, 'POST /repos/{owner}/{repo}/check-runs', 0);
    expect(lint).toMatchObject({ name: 'spec-automation / lint', head_sha: sha, status: 'completed', conclusion: 'failure', details_url: 'https://github.com/Codertocat/Hello-World/actions/runs/4242' });
    const annotations = (lint.output as { annotations: { path: string; start_line: number; annotation_level: string }[] }).annotations;
    expect(annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ['src/app.py', 3, 'failure'],
      ['src/util.py', 2, 'failure'],
      ['src/app.py', 25, 'warning'],
    ]);
    expect(body(github, 'POST /repos/{owner}/{repo}/check-runs', 1)).toMatchObject({ name: 'spec-automation / unit', conclusion: 'success' });
    // Only src/app.py:3 is on a changed line.
    const review = body(github, 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews') as { event: string; commit_id: string; comments: { path: string; line: number; body: string }[]; body: string };
    expect(review.event).toBe('COMMENT');
    expect(review.commit_id).toBe(sha);
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([['src/app.py', 3]]);
    expect(parseReviewMarker(review.comments[0]!.body)).toMatchObject({ gate: 'lint' });
    expect(review.body).toContain('2 findings outside the changed lines');

    const results = JSON.parse(read(join(files.temp, 'spec-automation-gates-gates.json'))) as GatesRun;
    expect(results.gates.map((g) => [g.gate, g.status, g.diagnostics.length])).toEqual([
      ['lint', 'failed', 3],
      ['unit', 'passed', 0],
    ]);
    expect(parseOutputFile(read(files.output))).toEqual({
      conclusion: 'failure',
      errors: '2',
      warnings: '1',
      'failed-gates': 'lint',
      results: join(files.temp, 'spec-automation-gates-gates.json'),
      sarif: '',
    });
    // The summary is exactly the rendered one, links to the check runs included.
    const links = { lint: 'https://github.com/Codertocat/Hello-World/runs/11', unit: 'https://github.com/Codertocat/Hello-World/runs/12' };
    expect(read(files.summary)).toBe(`${renderJobSummary(results, { notices: [], links })}\n`);
    expect(process.exitCode).toBe(1);
    expect(workflowCommands(files.stdout, 'error')).toEqual([
      '::error::spec-automation failed: lint. See the check runs and the job summary for the findings; set fail-on: never to report without failing the step.',
    ]);
    // The log: a collapsed group of findings per gate with code frames, then the table.
    const log = files.stdout.join('');
    expect(log).toContain('::group::lint: 3 findings\n');
    expect(log).toMatch(/::group::lint: 3 findings\n[^]*src\/app\.py[^]*value_3 = 3[^]*::endgroup::/);
    expect(log).not.toContain('::group::unit');
    // The token is masked in the log.
    expect(files.stdout.join('')).toContain('::add-mask::ghs_test_token');
  });

  it('on synchronize updates a clean run in place, creates a new one for findings, and deletes our comment for a fixed finding', async () => {
    files = createRunner({ lintOutput: ['src/app.py:3:1: error F401 unused import on a changed line'] });
    const event = webhookExample<PullRequestEvent>('pull_request', 'synchronize');
    const sha = event.pull_request.head.sha;
    stubRunnerEnv(files, { name: 'pull_request', payload: event, sha: 'b'.repeat(40) }, { 'fail-on': 'never' }, API);
    const github = mockGitHub(API);
    const previousUnit = { ...checkRunReply(21, 'spec-automation / unit'), conclusion: 'success' };
    const previousLint = { ...checkRunReply(20, 'spec-automation / lint'), output: { title: 'x', summary: 'y', annotations_count: 2, annotations_url: '' } };
    expectChecksFlow(github, sha, [previousUnit, previousLint]);
    github.scope.post(`${REPO_PATH}/check-runs`).reply(201, checkRunReply(30, 'spec-automation / lint'));
    github.scope.patch(`${REPO_PATH}/check-runs/21`).reply(200, previousUnit);
    github.scope.get(`${REPO_PATH}/pulls/${event.number}/files`).query(true).reply(200, PR_FILES);
    const ours = (id: number, line: number, fingerprint: string) => ({
      id,
      pull_request_review_id: 5,
      body: `old finding\n\n${reviewMarker('lint', fingerprint)}`,
      path: 'src/app.py',
      line,
      side: 'RIGHT',
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    github.scope.get(`${REPO_PATH}/pulls/${event.number}/comments`).query(true).reply(200, [ours(501, 5, 'fixedfingerprint0')]);
    github.scope.post(`${REPO_PATH}/pulls/${event.number}/reviews`).reply(200, { id: 78, html_url: 'https://github.com/x', user: { login: 'github-actions[bot]' }, body: '', state: 'COMMENTED', commit_id: sha });
    github.scope.delete(`${REPO_PATH}/pulls/comments/501`).reply(204);

    await runActionFresh();

    expect(github.violations).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(body(github, 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}')).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(body(github, 'POST /repos/{owner}/{repo}/check-runs')).toMatchObject({ name: 'spec-automation / lint', head_sha: sha });
    const outputs = parseOutputFile(read(files.output));
    expect(outputs).toMatchObject({ conclusion: 'failure', errors: '1', warnings: '0', 'failed-gates': 'lint' });
    // fail-on: never reports without failing the step.
    expect(process.exitCode).toBeUndefined();
  });
});

describe('run() on a push event', () => {
  it('posts check runs on the pushed commit and no review', async () => {
    files = createRunner({ subdir: 'app' });
    const event = webhookExample<{ after: string }>('push');
    stubRunnerEnv(files, { name: 'push', payload: event, sha: event.after }, { 'working-directory': 'app', gates: 'lint' }, API);
    const github = mockGitHub(API);
    expectChecksFlow(github, event.after);
    github.scope.post(`${REPO_PATH}/check-runs`).reply(201, checkRunReply(40, 'spec-automation / lint'));

    await runActionFresh();

    expect(github.violations).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(github.requests).toHaveLength(2);
    const lint = body(github, 'POST /repos/{owner}/{repo}/check-runs');
    expect(lint).toMatchObject({ head_sha: event.after, name: 'spec-automation / lint' });
    // working-directory app/: paths are made repository-relative.
    const annotations = (lint.output as { annotations: { path: string }[] }).annotations;
    expect(annotations.map((a) => a.path)).toEqual(['app/src/app.py', 'app/src/util.py', 'app/src/app.py']);
    expect(parseOutputFile(read(files.output))).toMatchObject({ conclusion: 'failure', 'failed-gates': 'lint' });
    expect(process.exitCode).toBe(1);
  });
});

describe('run() with a warm cache', () => {
  it('answers every gate from the cache without starting a tool, and still posts the check runs, the summary and the outputs', async () => {
    files = createRunner();
    // The lint gate counts its runs in a file outside the workspace (inside, it would change the cache's inputs).
    const counter = join(files.dir, 'lint-runs');
    const lint = `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(counter)}, 'x');\n${read(join(files.workspace, 'lint.mjs'))}`;
    writeFileSync(join(files.workspace, 'lint.mjs'), lint);
    writeFileSync(join(files.workspace, '.github', 'spec-automation.yml'), projectConfig().replace('  enabled: false', '  enabled: true'));
    const event = webhookExample<{ after: string }>('push');
    const once = async () => {
      writeFileSync(files!.output, '');
      writeFileSync(files!.summary, '');
      vi.resetModules();
      stubRunnerEnv(files!, { name: 'push', payload: event, sha: event.after }, { 'fail-on': 'never' }, API);
      const github = mockGitHub(API);
      expectChecksFlow(github, event.after);
      github.scope.post(`${REPO_PATH}/check-runs`).reply(201, checkRunReply(51, 'spec-automation / lint'));
      github.scope.post(`${REPO_PATH}/check-runs`).reply(201, checkRunReply(52, 'spec-automation / unit'));
      await runActionFresh();
      expect(github.violations).toEqual([]);
      expect(github.scope.isDone()).toBe(true);
      nock.cleanAll();
      return { github, results: JSON.parse(read(join(files!.temp, 'spec-automation-gates-gates.json'))) as GatesRun };
    };

    const cold = await once();
    expect(cold.results.gates.map((g) => [g.gate, g.fromCache])).toEqual([
      ['lint', false],
      ['unit', false],
    ]);
    const warm = await once();
    // Nothing started: no `started` progress event, the lint tool did not run again.
    expect(warm.results.gates.map((g) => [g.gate, g.status, g.fromCache])).toEqual([
      ['lint', 'failed', true],
      ['unit', 'passed', true],
    ]);
    expect(readFileSync(counter, 'utf8')).toBe('x');
    // Reported exactly as the first time.
    const annotations = (github: GitHubMock) => (body(github, 'POST /repos/{owner}/{repo}/check-runs', 0).output as { annotations: unknown[] }).annotations;
    expect(warm.github.requests.map((r) => r.route)).toEqual(cold.github.requests.map((r) => r.route));
    expect(annotations(warm.github)).toEqual(annotations(cold.github));
    expect(read(files.summary)).toContain('unused import on a changed line');
    expect(parseOutputFile(read(files.output))).toMatchObject({ conclusion: 'failure', errors: '2', 'failed-gates': 'lint' });
  });
});

describe('run() with a read-only token', () => {
  it('on a fork pull request sends nothing, writes the summary and ::error annotations, and still fails on the findings', async () => {
    files = createRunner();
    const event = webhookExample<PullRequestEvent>('pull_request', 'opened');
    event.pull_request.head.repo = { ...event.pull_request.head.repo, id: 999, fork: true, full_name: 'outsider/Hello-World', owner: { login: 'outsider' } };
    stubRunnerEnv(files, { name: 'pull_request', payload: event, sha: 'c'.repeat(40) }, {}, API);
    const github = mockGitHub(API);

    await runActionFresh();

    expect(github.requests).toEqual([]);
    const results = JSON.parse(read(join(files.temp, 'spec-automation-gates-gates.json'))) as GatesRun;
    const notice =
      'This pull request comes from a fork (outsider/Hello-World), so GitHub gives this workflow a read-only token: results are in this summary and as log annotations instead of check runs and review comments. To get check runs and review comments on pull requests from forks, install the spec-automation GitHub App or report from a `workflow_run` workflow.';
    expect(read(files.summary)).toBe(`${renderJobSummary(results, { notices: [notice], links: {} })}\n`);
    expect(read(files.summary)).toContain('unused import on a changed line');
    const errors = workflowCommands(files.stdout, 'error');
    expect(errors.filter((l) => l.includes('file=src/app.py'))).toHaveLength(1);
    expect(errors.filter((l) => l.includes('file=src/util.py'))).toHaveLength(1);
    expect(workflowCommands(files.stdout, 'warning').some((l) => l.includes('read-only token'))).toBe(true);
    expect(parseOutputFile(read(files.output))).toMatchObject({ conclusion: 'failure', errors: '2' });
    expect(process.exitCode).toBe(1);
  });

  it('when GitHub refuses check runs (403), falls back to annotations and says which permission is missing', async () => {
    files = createRunner();
    const event = webhookExample<{ after: string }>('push');
    stubRunnerEnv(files, { name: 'push', payload: event, sha: event.after }, {}, API);
    const github = mockGitHub(API);
    expectChecksFlow(github, event.after);
    github.scope.post(`${REPO_PATH}/check-runs`).reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });

    await runActionFresh();

    expect(github.violations).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    expect(read(files.summary)).toContain('Grant \\`checks: write\\`');
    expect(workflowCommands(files.stdout, 'error').filter((l) => l.includes('file=src/'))).toHaveLength(2);
    expect(parseOutputFile(read(files.output)).conclusion).toBe('failure');
  });
});

describe('run() input and configuration errors', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['an unknown mode', { mode: 'gate' }, /^Input "mode": must be one of gates, validate, revalidate; got "gate"\.$/],
    ['a bad fail-on', { 'fail-on': 'sometimes' }, /^Input "fail-on": must be one of error, warning, never; got "sometimes"\.$/],
    ['a non-numeric max-review-comments', { 'max-review-comments': 'lots' }, /^Input "max-review-comments": must be a whole number from 0 to 1000; got "lots"\.$/],
    ['an unknown report target', { report: 'check-runs, slack' }, /^Input "report": unknown target "slack"; use a comma-separated list of check-runs, review, summary, sarif, annotations\.$/],
    ['a bad boolean', { cache: 'yes' }, /^Input "cache": must be true or false; got "yes"\.$/],
    ['a missing working directory', { 'working-directory': 'nope' }, /^Input "working-directory": nope is not a directory in the workspace/],
    ['a missing config file named explicitly', { config: 'ci/gates.yml' }, /^Input "config": the file ci\/gates\.yml does not exist/],
    ['a gate the configuration does not have', { gates: 'lint, mypy' }, /^Input "gates": .*mypy/],
  ];
  for (const [what, inputs, message] of cases) {
    it(`fails the step with a message naming the input for ${what}, and sends nothing`, async () => {
      files = createRunner();
      const event = webhookExample<{ after: string }>('push');
      stubRunnerEnv(files, { name: 'push', payload: event, sha: event.after }, inputs, API);
      const github = mockGitHub(API);

      await runActionFresh();

      expect(process.exitCode).toBe(1);
      const errors = workflowCommands(files.stdout, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.slice('::error::'.length)).toMatch(message);
      expect(github.requests).toEqual([]);
      expect(read(files.output)).toBe('');
    });
  }

  it('annotates configuration errors on their lines and runs no gate', async () => {
    files = createRunner({ config: 'gates:\n  lint:\n    comand: ruff\n' });
    const event = webhookExample<{ after: string }>('push');
    stubRunnerEnv(files, { name: 'push', payload: event, sha: event.after }, {}, API);
    const github = mockGitHub(API);

    await runActionFresh();

    expect(github.requests).toEqual([]);
    const errors = workflowCommands(files.stdout, 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^::error .*file=\.github\/spec-automation\.yml,line=3.*::Unknown key "comand" in gates\.lint\./);
    expect(errors[1]).toMatch(/^::error::The configuration \.github\/spec-automation\.yml has 1 error \(first: \.github\/spec-automation\.yml:3: Unknown key "comand"/);
    expect(existsSync(join(files.temp, 'spec-automation-gates-gates.json'))).toBe(false);
  });
});
