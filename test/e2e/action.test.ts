// End to end: the BUILT action (dist/index.js) in a subprocess, started the way a runner
// starts a JavaScript action (INPUT_* with hyphens kept, GITHUB_EVENT_PATH, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_WORKSPACE, GITHUB_API_URL), on a copy of the
// failing example app, with real basedpyright and pytest, against the loopback fake of
// GitHub (every request checked against GitHub's OpenAPI description).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatesRun } from '../../src/pipeline/gate-result.js';
import { renderJobSummary } from '../../src/reporting/job-summary.js';
import { parseReviewMarker } from '../../src/reporting/review.js';
import { startFakeGitHub, type FakeGitHub } from '../support/github/fake-github.js';
import type { GitHubDouble } from '../support/github/double.js';
import { parseOutputFile, webhookExample, type PullRequestEvent } from '../contract/action/support.js';
import { copyExample, gitInit, HAS_SYSTEM_PYTHON, processGone, REPO, removeDir, SYSTEM_PYTHON, toolEnv } from '../integration/gates/support.js';

const DIST = join(REPO, 'dist', 'index.js');
const LINT_FINDINGS = 120;

/** The PR changes model.py lines 14-22 and test_model.py lines 10-15; window.py is untouched. */
function pullFiles() {
  const hunk = (start: number, count: number) => `@@ -${start},${count} +${start},${count} @@\n${Array.from({ length: count }, (_, i) => ` line ${start + i}`).join('\n')}`;
  return [
    { filename: 'tasklet/model.py', status: 'modified', patch: hunk(14, 9) },
    { filename: 'tests/test_model.py', status: 'modified', patch: hunk(10, 6) },
    { filename: 'README.md', status: 'modified', patch: hunk(1, 2) },
  ];
}

/**
 * The example's own gates plus a `lint` command gate with 120 warnings on a file outside
 * the pull request: enough for three annotation batches (50 + 50 + 20).
 */
function writeProjectConfig(dir: string): void {
  const lines = Array.from({ length: LINT_FINDINGS }, (_, i) => `tests/conftest.py:${1 + (i % 16)}:1: warning W${100 + i} finding number ${i}`);
  mkdirSync(join(dir, '.github'), { recursive: true });
  writeFileSync(join(dir, 'lint.mjs'), `process.stdout.write(${JSON.stringify(`${lines.join('\n')}\n`)});\nprocess.exitCode = 1;\n`);
  writeFileSync(
    join(dir, '.github', 'spec-automation.yml'),
    [
      'failOn: warning',
      'gates:',
      '  basedpyright: {}',
      '  pytest: {}',
      '  lint:',
      `    command: [${JSON.stringify(process.execPath)}, lint.mjs]`,
      '    parser: regex',
      `    pattern: ${JSON.stringify('^(?<file>[^:]+):(?<line>\\d+):(?<column>\\d+): (?<severity>warning) (?<code>\\S+) (?<message>.+)$')}`,
      '',
    ].join('\n'),
  );
}

interface Runner {
  dir: string;
  workspace: string;
  temp: string;
  output: string;
  summary: string;
  event: string;
}

function newRunnerFiles(workspace: string): Runner {
  const dir = mkdtempSync(join(tmpdir(), 'action-e2e-runner-'));
  const r = { dir, workspace, temp: join(dir, 'temp'), output: join(dir, 'output'), summary: join(dir, 'summary'), event: join(dir, 'event.json') };
  writeFileSync(r.output, '');
  writeFileSync(r.summary, '');
  return r;
}

function runDist(env: Record<string, string | undefined>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [DIST], { env: env as NodeJS.ProcessEnv, cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function runnerEnv(r: Runner, eventName: string, payload: unknown, sha: string, apiUrl: string, inputs: Record<string, string>): Record<string, string | undefined> {
  writeFileSync(r.event, JSON.stringify(payload));
  const defaults: Record<string, string> = {
    mode: 'gates',
    gates: '',
    'working-directory': '.',
    config: '.github/spec-automation.yml',
    python: SYSTEM_PYTHON,
    'github-token': 'ghs_e2e',
    'fail-on': '',
    'max-review-comments': '30',
    report: 'check-runs, review, summary, sarif',
    'sarif-file': '',
    cache: 'true',
  };
  const inputEnv = Object.fromEntries(Object.entries({ ...defaults, ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  return {
    ...toolEnv(),
    ...inputEnv,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: r.event,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: sha,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '7001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'gates',
    GITHUB_WORKSPACE: r.workspace,
    GITHUB_OUTPUT: r.output,
    GITHUB_STEP_SUMMARY: r.summary,
    RUNNER_TEMP: r.temp,
  };
}

describe.skipIf(!HAS_SYSTEM_PYTHON)('the bundled action on examples/tasklet-broken', () => {
  let workspace: string;
  let mergeSha: string;
  let double: GitHubDouble | undefined;
  let runner: Runner | undefined;

  beforeAll(() => {
    if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run `npm run build`.');
    workspace = copyExample('tasklet-broken');
    writeProjectConfig(workspace);
    gitInit(workspace);
    mergeSha = 'd'.repeat(40);
  });
  afterAll(() => removeDir(workspace));
  afterEach(async () => {
    if (double) expect(double.violations.map((v) => v.message)).toEqual([]);
    await double?.close();
    double = undefined;
    if (runner) rmSync(runner.dir, { recursive: true, force: true });
    runner = undefined;
  });

  it('posts a check run per gate with annotations in batches of 50, one review on the diff lines only, the summary and the outputs', async () => {
    const started = await startFakeGitHub();
    double = started.double;
    const fake: FakeGitHub = started.fake;
    const event = webhookExample<PullRequestEvent>('pull_request', 'opened');
    const headSha = event.pull_request.head.sha;
    fake.state.pullFiles.set(event.number, pullFiles());
    runner = newRunnerFiles(workspace);

    const result = await runDist(runnerEnv(runner, 'pull_request', event, mergeSha, double.url, {}), workspace);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    // Check runs: one per gate, on the PR head, completed; lint's 120 annotations in 3 writes.
    expect(fake.state.checkRuns.map((r) => [r.name, r.head_sha, r.status, r.conclusion, r.annotations.length, r.writes])).toEqual([
      ['spec-automation / basedpyright', headSha, 'completed', 'failure', 3, 1],
      ['spec-automation / pytest', headSha, 'completed', 'failure', 3, 1],
      ['spec-automation / lint', headSha, 'completed', 'failure', LINT_FINDINGS, 3],
    ]);
    const lintRun = fake.state.checkRuns[2]!;
    const lintWrites = double.log.filter(
      (e) => (e.method === 'POST' && (e.body as { name?: string }).name === lintRun.name) || (e.method === 'PATCH' && e.path.endsWith(`/check-runs/${lintRun.id}`)),
    );
    const batchSizes = lintWrites.map((e) => ((e.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length);
    expect(batchSizes).toEqual([50, 50, 20]);
    const basedpyright = fake.state.checkRuns[0]!;
    expect(basedpyright.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ['tasklet/model.py', 20, 'failure'],
      ['tasklet/model.py', 31, 'failure'],
      ['tasklet/window.py', 10, 'failure'],
    ]);
    expect(basedpyright.details_url).toBe('https://github.com/Codertocat/Hello-World/actions/runs/7001');

    // The review: inline comments only on changed lines, the rest in its body.
    const comments = fake.state.reviewComments.get(event.number)!;
    expect(comments.map((c) => [c.path, c.line, parseReviewMarker(c.body)?.gate]).sort()).toEqual([
      ['tasklet/model.py', 20, 'basedpyright'],
      ['tests/test_model.py', 13, 'pytest'],
    ]);
    const reviews = fake.state.reviews.get(event.number)!;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ event: 'COMMENT', commit_id: headSha });
    expect(reviews[0]!.body).toContain('outside the changed lines');

    // One lookup, one write per gate plus one per further 50 annotations, two reads and one review.
    expect(double.transcript()).toEqual([
      `GET /repos/Codertocat/Hello-World/commits/${headSha}/check-runs?filter=latest&per_page=100&page=1 → 200`,
      'POST /repos/Codertocat/Hello-World/check-runs → 201',
      'POST /repos/Codertocat/Hello-World/check-runs → 201',
      'POST /repos/Codertocat/Hello-World/check-runs → 201',
      expect.stringMatching(/^PATCH \/repos\/Codertocat\/Hello-World\/check-runs\/\d+ → 200$/),
      expect.stringMatching(/^PATCH \/repos\/Codertocat\/Hello-World\/check-runs\/\d+ → 200$/),
      'GET /repos/Codertocat/Hello-World/pulls/2/files?per_page=100&page=1 → 200',
      'GET /repos/Codertocat/Hello-World/pulls/2/comments?per_page=100&page=1 → 200',
      'POST /repos/Codertocat/Hello-World/pulls/2/reviews → 200',
    ]);

    // Outputs, results JSON and the summary it produced.
    const outputs = parseOutputFile(readFileSync(runner.output, 'utf8'));
    const resultsFile = join(runner.temp, 'spec-automation-gates-gates.json');
    expect(outputs).toMatchObject({ conclusion: 'failure', errors: '6', warnings: String(LINT_FINDINGS), 'failed-gates': 'basedpyright,pytest,lint', results: resultsFile });
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as GatesRun;
    expect(results.gates.map((g) => [g.gate, g.status, g.diagnostics.length])).toEqual([
      ['basedpyright', 'failed', 3],
      ['pytest', 'failed', 3],
      ['lint', 'failed', LINT_FINDINGS],
    ]);
    const links = Object.fromEntries(fake.state.checkRuns.map((r) => [r.name.replace('spec-automation / ', ''), `https://github.com/Codertocat/Hello-World/runs/${r.id}`]));
    expect(readFileSync(runner.summary, 'utf8')).toBe(`${renderJobSummary(results, { notices: [], links })}\n`);
    expect(result.stdout).toContain('::error::spec-automation failed: basedpyright, pytest, lint.');
    expect(result.stdout).toContain('gates: basedpyright started: ');
  });

  it('on a fork pull request (read-only token) sends nothing, writes the summary and ::error workflow commands, and does not crash', async () => {
    const started = await startFakeGitHub({ readOnly: true });
    double = started.double;
    const event = webhookExample<PullRequestEvent>('pull_request', 'opened');
    event.pull_request.head.repo = { ...event.pull_request.head.repo, id: 4242, fork: true, full_name: 'outsider/Hello-World', owner: { login: 'outsider' } };
    runner = newRunnerFiles(workspace);

    const result = await runDist(runnerEnv(runner, 'pull_request', event, mergeSha, double.url, { gates: 'basedpyright, pytest' }), workspace);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(double.log).toEqual([]);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors.some((l) => /file=tasklet\/model\.py,line=20\b/.test(l) && l.includes('reportReturnType'))).toBe(true);
    expect(errors.some((l) => /file=tests\/test_model\.py,line=13\b/.test(l))).toBe(true);
    expect(result.stdout).toMatch(/::warning::This pull request comes from a fork \(outsider\/Hello-World\)/);
    const summary = readFileSync(runner.summary, 'utf8');
    expect(summary).toContain('> [!WARNING]');
    expect(summary).toContain('comes from a fork');
    expect(summary).toContain('reportReturnType');
    expect(parseOutputFile(readFileSync(runner.output, 'utf8'))).toMatchObject({ conclusion: 'failure', errors: '6', 'failed-gates': 'basedpyright,pytest' });
  });
});

describe('the bundled action when the job is cancelled', () => {
  // Skipped on Windows: there `kill('SIGTERM')` ends the process at once
  // (TerminateProcess), so it cannot catch the signal and report; a runner cancels a job
  // with a console break instead, which this test cannot send.
  it.skipIf(process.platform === 'win32')('kills the running tools on SIGTERM, still reports the run, and exits', async () => {
    if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run `npm run build`.');
    const ws = mkdtempSync(join(tmpdir(), 'action-e2e-cancel-'));
    const started = await startFakeGitHub();
    const r = newRunnerFiles(ws);
    try {
      mkdirSync(join(ws, '.github'));
      const pidFile = join(ws, 'tool.pid');
      // A tool that never finishes, and says who it is.
      const hang = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`;
      writeFileSync(join(ws, '.github', 'spec-automation.yml'), `cache:\n  enabled: false\ngates:\n  slow:\n    command: [${JSON.stringify(process.execPath)}, "-e", ${JSON.stringify(hang)}]\n    parser: exit-code\n    timeout: 600\n`);
      const event = webhookExample<{ after: string }>('push');
      const child = spawn(process.execPath, [DIST], { env: runnerEnv(r, 'push', event, event.after, started.double.url, { python: '' }) as NodeJS.ProcessEnv, cwd: ws });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const deadline = Date.now() + 30_000;
      while (!existsSync(pidFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const toolPid = Number(readFileSync(pidFile, 'utf8'));
      child.kill('SIGTERM');
      const code = await exited;

      expect(code).toBe(1);
      expect(processGone(toolPid)).toBe(true);
      const run = started.fake.state.checkRuns;
      // `cancelled` (the gate's own status since the fail-fast work) is no pass either: branch
      // protection's required checks accept only success, neutral and skipped.
      expect(run.map((c) => [c.name, c.conclusion])).toEqual([['spec-automation / slow', 'cancelled']]);
      expect(run[0]!.output.title).toBe('slow: cancelled');
      expect(run[0]!.output.summary).toMatch(/cancelled/);
      expect(parseOutputFile(readFileSync(r.output, 'utf8'))).toMatchObject({ conclusion: 'error', 'failed-gates': 'slow' });
      expect(stdout).toContain('::error::spec-automation cancelled before it finished (not a pass): slow.');
    } finally {
      await started.double.close();
      rmSync(r.dir, { recursive: true, force: true });
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('the bundled action in mode validate', () => {
  it('loads the spec pipeline from the bundle and posts "spec-automation / validate" on spec lines', async () => {
    if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run `npm run build`.');
    const ws = mkdtempSync(join(tmpdir(), 'action-e2e-validate-'));
    const started = await startFakeGitHub();
    const r = newRunnerFiles(ws);
    try {
      mkdirSync(join(ws, 'docs'));
      writeFileSync(join(ws, 'docs', 'prd.md'), '---\ntype: prd\nid: PRD-1\ntitle: Tasklet\nstatus: approved\n---\n# Tasklet\n\n## Functional Requirements\n\n- FR-1: Add a task.\n- FR-1: Remove a task.\n');
      const event = webhookExample<{ after: string }>('push');
      const result = await runDist(runnerEnv(r, 'push', event, event.after, started.double.url, { mode: 'validate', python: '' }), ws);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      expect(started.double.violations).toEqual([]);
      const [run] = started.fake.state.checkRuns;
      expect(run).toMatchObject({ name: 'spec-automation / validate', head_sha: event.after, conclusion: 'failure' });
      expect(run!.annotations).toContainEqual(expect.objectContaining({ path: 'docs/prd.md', start_line: 12, annotation_level: 'failure' }));
      expect(parseOutputFile(readFileSync(r.output, 'utf8'))).toMatchObject({ conclusion: 'failure', 'failed-gates': 'validate' });
      expect(readFileSync(r.summary, 'utf8')).toMatch(/^## ❌ spec-automation validate: failure/);
    } finally {
      await started.double.close();
      rmSync(r.dir, { recursive: true, force: true });
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
