/**
 * The BUILT action (dist/index.js) in a subprocess, started as a runner starts it, on a
 * small Python project in a temp git repository, against the loopback GitHub double:
 * what the security tests of the action share.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { webhookExample, type PullRequestEvent } from '../contract/action/support.js';
import { gitInit, REPO, SYSTEM_PYTHON, toolEnv } from '../integration/gates/support.js';

export const DIST = join(REPO, 'dist', 'index.js');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Runner {
  dir: string;
  workspace: string;
  temp: string;
  output: string;
  summary: string;
  event: string;
}

/** A temp repository with `files` (path → text), committed. */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'security-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  gitInit(dir);
  return dir;
}

export function newRunner(workspace: string): Runner {
  const dir = mkdtempSync(join(tmpdir(), 'security-runner-'));
  const r = { dir, workspace, temp: join(dir, 'temp'), output: join(dir, 'output'), summary: join(dir, 'summary'), event: join(dir, 'event.json') };
  mkdirSync(r.temp);
  writeFileSync(r.output, '');
  writeFileSync(r.summary, '');
  return r;
}

export function removeRunner(r: Runner): void {
  rmSync(r.dir, { recursive: true, force: true });
}

/** The pull_request opened example, as the event. */
export function pullRequestEvent(): PullRequestEvent {
  return webhookExample<PullRequestEvent>('pull_request', 'opened');
}

/** The environment a runner gives a JavaScript action (INPUT_* with hyphens kept). */
export function runnerEnv(r: Runner, apiUrl: string, inputs: Record<string, string> = {}, extra: Record<string, string> = {}): Record<string, string | undefined> {
  const event = pullRequestEvent();
  writeFileSync(r.event, JSON.stringify(event));
  const defaults: Record<string, string> = {
    mode: 'gates',
    gates: '',
    'working-directory': '.',
    config: '.github/spec-automation.yml',
    python: SYSTEM_PYTHON,
    'github-token': 'ghs_security',
    'fail-on': '',
    'max-review-comments': '30',
    report: 'check-runs, review, summary',
    'sarif-file': '',
    cache: 'true',
  };
  const inputEnv = Object.fromEntries(Object.entries({ ...defaults, ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  return {
    ...toolEnv(),
    ...inputEnv,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: r.event,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: 'd'.repeat(40),
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '7001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'gates',
    GITHUB_WORKSPACE: r.workspace,
    GITHUB_OUTPUT: r.output,
    GITHUB_STEP_SUMMARY: r.summary,
    RUNNER_TEMP: r.temp,
    ...extra,
  };
}

export function runDist(env: Record<string, string | undefined>, cwd: string): Promise<ActionRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [DIST], { env: env as NodeJS.ProcessEnv, cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** Every regular file under `dir`, with its text (`.git` left out). */
export function filesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const full = join(d, name);
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else if (s.isFile()) out.push({ path: full, text: readFileSync(full, 'latin1') });
    }
  };
  walk(dir);
  return out;
}
