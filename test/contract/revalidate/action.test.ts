// The action's run() in mode revalidate, as a scheduled workflow runs it: the real
// pipeline on a checkout, the real @actions/core writing outputs and the job summary,
// and GitHub answered by a stateful nock double whose every request is checked against
// GitHub's OpenAPI description. Several runs in a row show the Spec health issue
// created once, edited in place, closed when all is well and reopened when not.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RevalidateResults } from '../../../src/action/modes/revalidate.js';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import { lockEntryOf, recordImplementation } from '../../../src/pipeline/drift/index.js';
import { parseSpec } from '../../../src/pipeline/spec/index.js';
import { SPEC_HEALTH_MARKER } from '../../../src/reporting/spec-health.js';
import { createRunner, parseOutputFile, read, runActionFresh, stubRunnerEnv, webhookExample, workflowCommands, type PullRequestEvent, type RunnerFiles } from '../action/support.js';
import { copyFixtureRepo, FIXTURE } from '../../unit/revalidate/fixture.js';
import { statefulGitHub } from './support.js';

const API = 'http://127.0.0.1:59997';
const SHA = '7'.repeat(40);
/** A scheduled run's event: GitHub sends the cron line; the commit is the default branch head. */
const SCHEDULE: RunnerEvent = { name: 'schedule', payload: { schedule: '0 6 * * 1-5' }, sha: SHA };

interface RunnerEvent {
  name: string;
  payload: unknown;
  sha: string;
}

let files: RunnerFiles | undefined;

beforeEach(() => vi.resetModules());
afterEach(() => {
  files?.cleanup();
  files = undefined;
  vi.unstubAllEnvs();
  nock.cleanAll();
  process.exitCode = undefined;
});

/** One scheduled run on the current workspace; returns its outputs and results, then clears the runner files. */
async function scheduledRun(f: RunnerFiles, inputs: Record<string, string> = {}, event: RunnerEvent = SCHEDULE) {
  stubRunnerEnv(f, event, { mode: 'revalidate', ...inputs }, API);
  process.exitCode = undefined;
  await runActionFresh();
  const outputs = parseOutputFile(read(f.output));
  const summary = read(f.summary);
  const results = outputs.results ? (JSON.parse(read(outputs.results)) as RevalidateResults) : undefined;
  const exitCode = process.exitCode;
  writeFileSync(f.output, '');
  writeFileSync(f.summary, '');
  return { outputs, summary, results, exitCode };
}

/** The notes repository: one approved PRD, implemented, whose tests cite FR-1, FR-2 and NFR-1. */
function writeNotesRepo(root: string, tests: string[] = ['FR-1', 'FR-2', 'NFR-1']): void {
  rmSync(join(root, 'docs'), { recursive: true, force: true });
  rmSync(join(root, 'tests'), { recursive: true, force: true });
  cpSync(join(FIXTURE, 'notes'), root, { recursive: true });
  mkdirSync(join(root, 'tests'), { recursive: true });
  writeFileSync(join(root, 'tests', 'test_notes.py'), tests.map((id, i) => `@pytest.mark.req("${id}")\ndef test_${i}() -> None:\n    assert True\n`).join('\n\n'));
  const bytes = new Uint8Array(readFileSync(join(root, 'docs', 'prd.md')));
  const lock = recordImplementation(undefined, lockEntryOf(parseSpec('docs/prd.md', bytes, defaultConfig().specs), { pr: { number: 5 }, implementedAt: '2026-10-01T00:00:00Z' }));
  mkdirSync(join(root, '.spec-automation'), { recursive: true });
  writeFileSync(join(root, '.spec-automation', 'lock.json'), lock);
}

describe('run() in mode revalidate on a schedule event', () => {
  it('posts the check run on the commit, opens the Spec health issue, writes the summary, results and outputs', async () => {
    files = createRunner({ config: null });
    copyFixtureRepo(files.workspace);
    const github = statefulGitHub(API);

    const { outputs, summary, results, exitCode } = await scheduledRun(files);

    expect(github.mock.violations).toEqual([]);
    expect(github.routes()).toEqual([
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
      'POST /repos/{owner}/{repo}/check-runs',
      'GET /repos/{owner}/{repo}/issues',
      'POST /repos/{owner}/{repo}/issues',
    ]);
    const [check] = github.checkRuns;
    expect(check).toMatchObject({ name: 'spec-automation / revalidate', head_sha: SHA, conclusion: 'neutral' });
    expect(check!.output.title).toMatch(/^Spec health: 6 of 7 specs need attention \(1 changed since implemented/);
    expect(check!.annotations).toBe(18); // 16 warnings and 2 notes, every one on a file
    const annotations = (check!.output.annotations ?? []) as { path: string; start_line: number; annotation_level: string }[];
    expect(annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(expect.arrayContaining(['docs/cart-spec.md:17', 'tests/test_cart.py:17', '.spec-automation/lock.json:37']));

    const [issue] = github.issues;
    expect(issue).toMatchObject({ title: 'Spec health', state: 'open', labels: ['spec-health'] });
    expect(issue!.body.startsWith(`${SPEC_HEALTH_MARKER}\n## ⚠️ Spec health: 6 of 7 specs need attention`)).toBe(true);
    expect(issue!.body).toContain(`[\`docs/cart-spec.md\`](https://github.com/Codertocat/Hello-World/blob/${SHA}/docs/cart-spec.md)`);
    expect(issue!.body).toContain('[Workflow run](https://github.com/Codertocat/Hello-World/actions/runs/4242)');
    expect(issue!.body).toContain('[check run](https://github.com/Codertocat/Hello-World/runs/100)');

    expect(summary).toMatch(/^## ⚠️ Spec health: 6 of 7 specs need attention\n/);
    expect(summary).toContain('[Spec health issue](https://github.com/Codertocat/Hello-World/issues/40)');
    expect(outputs).toMatchObject({ conclusion: 'success', errors: '0', warnings: '16', 'failed-gates': '', sarif: '' });
    expect(outputs.results).toBe(join(files.temp, 'spec-automation-revalidate-gates.json'));
    expect(results).toMatchObject({ mode: 'revalidate', checkRun: { id: 100, action: 'created' }, issue: { number: 40, action: 'created' }, notices: [] });
    expect(results!.report.commit).toBe(SHA);
    expect(results!.report.specs.map((s) => s.drift.state)).toContain('change-pending');
    expect(exitCode).toBeUndefined();
  });

  it('keeps ONE issue: created once, edited in place, closed when all is well, reopened when not', async () => {
    files = createRunner({ config: null });
    const github = statefulGitHub(API);

    // 1. FR-2 has no test: the issue is opened.
    writeNotesRepo(files.workspace, ['FR-1', 'NFR-1']);
    const first = await scheduledRun(files);
    expect(first.results!.issue).toEqual({ number: 40, url: 'https://github.com/Codertocat/Hello-World/issues/40', action: 'created' });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]!.body).toContain('- **Untested requirements:** FR-2');

    // 2. NFR-1 loses its test too: the same issue is edited, none is added.
    writeNotesRepo(files.workspace, ['FR-1']);
    const second = await scheduledRun(files);
    expect(second.results!.issue).toMatchObject({ number: 40, action: 'updated' });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ state: 'open' });
    expect(github.issues[0]!.body).toContain('- **Untested requirements:** FR-2, NFR-1');

    // 3. Every requirement is tested: the issue is closed as completed.
    writeNotesRepo(files.workspace);
    const third = await scheduledRun(files);
    expect(third.results!.issue).toMatchObject({ number: 40, action: 'closed' });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(github.issues[0]!.body).toContain('## ✅ Spec health: All 1 spec healthy');
    expect(github.checkRuns.at(-1)!.conclusion).toBe('success');

    // 4. Healthy again the next day: nothing to write.
    const fourth = await scheduledRun(files);
    expect(fourth.results!.issue).toMatchObject({ number: 40, action: 'unchanged' });

    // 5. The spec changes after implementation: the same issue is reopened.
    writeFileSync(join(files.workspace, 'docs', 'prd.md'), readFileSync(join(files.workspace, 'docs', 'prd.md'), 'utf8').replace('- FR-2: The user can delete a note.', '- FR-2: The user can delete a note.\n- FR-3: The user can search notes.'));
    const fifth = await scheduledRun(files);
    expect(fifth.results!.issue).toMatchObject({ number: 40, action: 'reopened' });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(github.issues[0]!.body).toContain('changed since it was implemented \\(PR \\#5, 2026-10-01\\): FR-3 added');

    expect(github.mock.violations).toEqual([]);
    expect(github.routes().filter((r) => r === 'POST /repos/{owner}/{repo}/issues')).toHaveLength(1);
    expect(github.routes().filter((r) => r === 'PATCH /repos/{owner}/{repo}/issues/{issue_number}')).toHaveLength(3);
  });

  it('finds the existing issue by title and label, not another issue with the same title', async () => {
    files = createRunner({ config: '{ revalidate: { issueTitle: "Spec drift report", issueLabel: "specs" } }\n' });
    writeNotesRepo(files.workspace, ['FR-1']);
    const github = statefulGitHub(API, [
      { number: 3, title: 'Spec drift report', body: 'a user issue without our label', state: 'open', state_reason: null, labels: ['question'] },
      { number: 9, title: 'Spec drift report', body: 'old', state: 'closed', state_reason: 'completed', labels: ['specs'] },
    ]);
    const { results } = await scheduledRun(files);
    expect(results!.issue).toMatchObject({ number: 9, action: 'reopened' });
    expect(github.issues.find((i) => i.number === 3)!.body).toBe('a user issue without our label');
    expect(github.mock.violations).toEqual([]);
  });

  it('fails the step per revalidate.failOn, and fail-on overrides it', async () => {
    files = createRunner({ config: 'revalidate:\n  failOn: warning\n' });
    writeNotesRepo(files.workspace, ['FR-1']);
    statefulGitHub(API);
    const failing = await scheduledRun(files);
    expect(failing.exitCode).toBe(1);
    expect(failing.outputs).toMatchObject({ conclusion: 'failure', 'failed-gates': 'revalidate', warnings: '2' });
    expect(workflowCommands(files.stdout, 'error').at(-1)).toMatch(/^::error::Spec health is not good enough: 0 error\(s\) and 2 warning\(s\), failing at fail-on: warning\./);

    const overridden = await scheduledRun(files, { 'fail-on': 'never' });
    expect(overridden.exitCode).toBeUndefined();
    expect(overridden.outputs).toMatchObject({ conclusion: 'success', 'failed-gates': '' });
  });

  it('reports a missing issues permission as a warning, in the summary too, without losing the report', async () => {
    files = createRunner({ config: null });
    writeNotesRepo(files.workspace, ['FR-1']);
    const github = statefulGitHub(API);
    github.forbidIssueWrites();
    const { summary, results, exitCode, outputs } = await scheduledRun(files);
    expect(results!.notices).toHaveLength(1);
    expect(results!.notices[0]).toMatch(/^Could not update the Spec health issue "Spec health": .*issues: write/);
    expect(summary).toContain('> [!WARNING]');
    expect(summary).toContain('Could not update the Spec health issue');
    expect(workflowCommands(files.stdout, 'warning').some((l) => l.includes('Could not update the Spec health issue'))).toBe(true);
    expect(github.checkRuns).toHaveLength(1);
    expect(exitCode).toBeUndefined();
    expect(outputs.conclusion).toBe('success');
  });
});

describe('run() in mode revalidate on other events', () => {
  it('on a pull request: the check run goes on the head commit, the issue is left alone', async () => {
    files = createRunner({ config: null });
    writeNotesRepo(files.workspace, ['FR-1']);
    const github = statefulGitHub(API);
    const event = webhookExample<PullRequestEvent>('pull_request', 'opened');
    const { results } = await scheduledRun(files, {}, { name: 'pull_request', payload: event, sha: 'a'.repeat(40) });
    expect(github.routes()).toEqual(['GET /repos/{owner}/{repo}/commits/{ref}/check-runs', 'POST /repos/{owner}/{repo}/check-runs']);
    expect(github.checkRuns[0]!.head_sha).toBe(event.pull_request.head.sha);
    expect(results!.issue).toBeUndefined();
    expect(files.stdout.join('')).toContain('The Spec health issue is updated by schedule and workflow_dispatch runs only (this is a pull_request run)');
  });

  it('on workflow_dispatch with a project in a subfolder: paths are repository-relative everywhere', async () => {
    files = createRunner({ config: null });
    const project = join(files.workspace, 'apps', 'notes');
    mkdirSync(project, { recursive: true });
    writeNotesRepo(project, ['FR-1']);
    const github = statefulGitHub(API);
    const dispatch = webhookExample<{ repository: { full_name: string } }>('workflow_dispatch');
    // The example was dispatched in octo-org's repository; this double serves Codertocat's.
    dispatch.repository.full_name = 'Codertocat/Hello-World';
    const { results } = await scheduledRun(files, { 'working-directory': 'apps/notes' }, { name: 'workflow_dispatch', payload: dispatch, sha: SHA });
    expect(results!.issue).toMatchObject({ action: 'created' });
    const annotations = (github.checkRuns[0]!.output.annotations ?? []) as { path: string }[];
    expect(annotations.map((a) => a.path)).toEqual(['apps/notes/docs/prd.md', 'apps/notes/docs/prd.md']);
    expect(github.issues[0]!.body).toContain(`(https://github.com/Codertocat/Hello-World/blob/${SHA}/apps/notes/docs/prd.md#L`);
    expect(results!.report.lock.path).toBe('apps/notes/.spec-automation/lock.json');
    expect(github.mock.violations).toEqual([]);
  });

  it('with revalidate.issue: false, only the check run and the summary', async () => {
    files = createRunner({ config: 'revalidate:\n  issue: false\n' });
    writeNotesRepo(files.workspace, ['FR-1']);
    const github = statefulGitHub(API);
    const { summary } = await scheduledRun(files);
    expect(github.routes().some((r) => r.includes('/issues'))).toBe(false);
    expect(summary).toContain('Spec health: 1 of 1 spec needs attention');
  });
});
