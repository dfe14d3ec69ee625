// Mode validate through run(): the real spec pipeline on spec documents in a temp
// workspace, reported as the check run "spec-automation / validate" with annotations on
// spec lines and a review on the changed spec lines; GitHub answered by nock, every
// request checked against the OpenAPI description. Also the SARIF file and explicit
// workflow-command annotations, for both modes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ValidateResults } from '../../../src/action/modes/validate.js';
import { mockGitHub, type GitHubMock } from '../../support/github/index.js';
import { createRunner, parseOutputFile, read, runActionFresh, stubRunnerEnv, webhookExample, workflowCommands, type PullRequestEvent, type RunnerFiles } from './support.js';

const API = 'http://127.0.0.1:59998';
const REPO_PATH = '/repos/Codertocat/Hello-World';

const PRD = `---
type: prd
id: PRD-1
title: Tasklet PRD
status: approved
---
# Tasklet PRD

## Goals

Make a to-do app.

## Functional Requirements

- FR-1: The user can add a task.
- FR-1: The user can remove a task.
`;

const TECH = `---
type: technical-spec
id: TS-1
status: approved
implements: PRD-9
---
# Technical spec

Some text.
`;

let files: RunnerFiles | undefined;
beforeEach(() => vi.resetModules());
afterEach(() => {
  files?.cleanup();
  files = undefined;
  vi.unstubAllEnvs();
  nock.cleanAll();
  process.exitCode = undefined;
});

function writeSpecs(root: string): void {
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs', 'prd.md'), PRD);
  writeFileSync(join(root, 'docs', 'tech.md'), TECH);
}

function bodyOf(github: GitHubMock, route: string): Record<string, unknown> {
  return github.requests.find((r) => r.route === route)!.body as Record<string, unknown>;
}

describe('run() in mode validate', () => {
  it('posts "spec-automation / validate" with annotations on spec lines, reviews the changed spec lines, and writes summary, SARIF and results', async () => {
    files = createRunner();
    writeSpecs(files.workspace);
    const event = webhookExample<PullRequestEvent>('pull_request', 'opened');
    const sha = event.pull_request.head.sha;
    stubRunnerEnv(files, { name: 'pull_request', payload: event, sha: 'e'.repeat(40) }, { mode: 'validate', report: 'check-runs, review, summary, sarif' }, API);
    const github = mockGitHub(API);
    github.scope.get(`${REPO_PATH}/commits/${sha}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(`${REPO_PATH}/check-runs`).reply(201, { id: 5, name: 'spec-automation / validate', html_url: 'https://github.com/Codertocat/Hello-World/runs/5' });
    // The PR changed lines 13-16 of the PRD only.
    github.scope
      .get(`${REPO_PATH}/pulls/${event.number}/files`)
      .query(true)
      .reply(200, [{ sha: 'f'.repeat(40), filename: 'docs/prd.md', status: 'modified', additions: 4, deletions: 0, changes: 4, blob_url: '', raw_url: '', contents_url: '', patch: '@@ -12,1 +13,4 @@\n+## Functional Requirements\n+\n+- FR-1: The user can add a task.\n+- FR-1: The user can remove a task.' }]);
    github.scope.get(`${REPO_PATH}/pulls/${event.number}/comments`).query(true).reply(200, []);
    github.scope.post(`${REPO_PATH}/pulls/${event.number}/reviews`).reply(200, { id: 9, html_url: 'https://github.com/x', user: { login: 'github-actions[bot]' }, body: '', state: 'COMMENTED', commit_id: sha });

    await runActionFresh();

    expect(github.violations).toEqual([]);
    expect(github.scope.isDone()).toBe(true);
    const check = bodyOf(github, 'POST /repos/{owner}/{repo}/check-runs') as { name: string; head_sha: string; conclusion: string; output: { title: string; annotations: { path: string; start_line: number; annotation_level: string; title?: string }[] } };
    expect(check).toMatchObject({ name: 'spec-automation / validate', head_sha: sha, conclusion: 'failure' });
    const errors = check.output.annotations.filter((a) => a.annotation_level === 'failure').map((a) => [a.path, a.start_line]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['docs/prd.md', 16],
        ['docs/tech.md', 5],
      ]),
    );
    expect(check.output.title).toMatch(/^validate: \d+ errors?/);
    const review = bodyOf(github, 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews') as { comments: { path: string; line: number; body: string }[] };
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([['docs/prd.md', 16]]);
    expect(review.comments[0]!.body).toContain('FR-1 is defined twice');

    const outputs = parseOutputFile(read(files.output));
    expect(outputs).toMatchObject({ conclusion: 'failure', 'failed-gates': 'validate', results: join(files.temp, 'spec-automation-validate-gates.json'), sarif: join(files.temp, 'spec-automation-validate-gates.sarif') });
    const results = JSON.parse(read(outputs.results!)) as ValidateResults;
    expect(results.specs.map((s) => [s.path, s.type, s.id])).toEqual([
      ['docs/prd.md', 'prd', 'PRD-1'],
      ['docs/tech.md', 'technical-spec', 'TS-1'],
    ]);
    expect(Number(outputs.errors)).toBe(results.diagnostics.filter((d) => d.severity === 'error').length);
    const sarif = JSON.parse(read(outputs.sarif!)) as { version: string; runs: { tool: { driver: { name: string } }; results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('spec-automation');
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('req.id.duplicate');
    expect(read(files.summary)).toMatch(/^## ❌ spec-automation validate: failure\n/);
    expect(process.exitCode).toBe(1);
  });

  it('passes when the repository has no spec documents', async () => {
    files = createRunner();
    const event = webhookExample<{ after: string }>('push');
    stubRunnerEnv(files, { name: 'push', payload: event, sha: event.after }, { mode: 'validate', report: 'check-runs' }, API);
    const github = mockGitHub(API);
    github.scope.get(`${REPO_PATH}/commits/${event.after}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(`${REPO_PATH}/check-runs`).reply(201, { id: 6, name: 'spec-automation / validate' });

    await runActionFresh();

    expect(github.violations).toEqual([]);
    expect(bodyOf(github, 'POST /repos/{owner}/{repo}/check-runs')).toMatchObject({ conclusion: 'success' });
    expect(parseOutputFile(read(files.output))).toMatchObject({ conclusion: 'success', errors: '0', 'failed-gates': '', sarif: '' });
    expect(read(files.summary)).toBe('');
    expect(process.exitCode).toBeUndefined();
  });
});

describe('report targets', () => {
  it('writes SARIF where sarif-file says and annotations on request, besides the check runs', async () => {
    files = createRunner();
    const event = webhookExample<{ after: string }>('push');
    stubRunnerEnv(files, { name: 'push', payload: event, sha: event.after }, { report: 'check-runs, sarif, annotations', 'sarif-file': 'out/gates.sarif', gates: 'lint' }, API);
    const github = mockGitHub(API);
    github.scope.get(`${REPO_PATH}/commits/${event.after}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    github.scope.post(`${REPO_PATH}/check-runs`).reply(201, { id: 7, name: 'spec-automation / lint' });

    await runActionFresh();

    expect(github.violations).toEqual([]);
    const sarifPath = join(files.workspace, 'out', 'gates.sarif');
    expect(parseOutputFile(read(files.output)).sarif).toBe(sarifPath);
    const sarif = JSON.parse(read(sarifPath)) as { runs: { results: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => [r.level, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['error', 'src/app.py'],
      ['error', 'src/util.py'],
      ['warning', 'src/app.py'],
    ]);
    expect(workflowCommands(files.stdout, 'error').filter((l) => l.includes('file='))).toEqual([
      '::error file=src/app.py,line=3,col=1,title=lint%3A F401::unused import on a changed line',
      '::error file=src/util.py,line=2,col=1,title=lint%3A E711::comparison to None',
    ]);
    expect(workflowCommands(files.stdout, 'warning').filter((l) => l.includes('file='))).toEqual(['::warning file=src/app.py,line=25,col=5,title=lint%3A E501::line too long, outside the diff']);
    // No summary was asked for.
    expect(read(files.summary)).toBe('');
  });
});
