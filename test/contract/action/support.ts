/**
 * Helpers for running the action's `run()` in-process as a runner would: a temp
 * workspace with a small project and deterministic gates (a lint script read by the
 * regex parser, a passing exit-code gate), event payloads from
 * @octokit/webhooks-examples written to GITHUB_EVENT_PATH, the runner's files
 * (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) in a temp dir, and stdout captured.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];

/** A webhook example by event name and action (deep copy). */
export function webhookExample<T = Record<string, unknown>>(name: string, action?: string): T {
  const found = examples.find((e) => e.name === name)?.examples.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${name}${action ? `.${action}` : ''} example`);
  return structuredClone(found) as T;
}

export interface PullRequestEvent {
  action: string;
  number: number;
  pull_request: { number: number; head: { sha: string; repo: { id: number; full_name: string; fork: boolean; owner: { login: string } } }; base: { repo: { id: number; full_name: string } } };
  repository: { name: string; full_name: string; owner: { login: string } };
  sender: { login: string };
}

/** `app.py`: 30 lines; the lint script reports on lines 3 and 25, and on util.py line 2. */
export const APP_LINES = Array.from({ length: 30 }, (_, i) => `value_${i + 1} = ${i + 1}`);

/** What the lint gate prints, one finding per line, for the regex parser. */
export const LINT_OUTPUT = [
  'src/app.py:3:1: error F401 unused import on a changed line',
  'src/app.py:25:5: warning E501 line too long, outside the diff',
  'src/util.py:2:1: error E711 comparison to None',
];

export const LINT_PATTERN = '^(?<file>[^:]+):(?<line>\\d+):(?<column>\\d+): (?<severity>error|warning) (?<code>\\S+) (?<message>.+)$';

/** The configuration of the temp project: a lint gate with findings and a passing gate. */
export function projectConfig(lintScript = 'lint.mjs'): string {
  const node = JSON.stringify(process.execPath);
  return [
    'cache:',
    '  enabled: false',
    'gates:',
    '  lint:',
    `    command: [${node}, ${JSON.stringify(lintScript)}]`,
    '    parser: regex',
    `    pattern: ${JSON.stringify(LINT_PATTERN)}`,
    '  unit:',
    `    command: [${node}, "-e", "process.exit(0)"]`,
    '    parser: exit-code',
    '',
  ].join('\n');
}

export interface RunnerFiles {
  dir: string;
  workspace: string;
  eventPath: string;
  output: string;
  summary: string;
  temp: string;
  /** Everything `run()` wrote to stdout. */
  stdout: string[];
  cleanup(): void;
}

/**
 * Creates the temp workspace (project under `subdir`, when given) and the runner files,
 * and captures stdout.
 */
export function createRunner(options: { subdir?: string; lintOutput?: string[]; config?: string | null } = {}): RunnerFiles {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'));
  const workspace = join(dir, 'workspace');
  const project = options.subdir ? join(workspace, options.subdir) : workspace;
  mkdirSync(join(project, 'src'), { recursive: true });
  mkdirSync(join(project, '.github'), { recursive: true });
  writeFileSync(join(project, 'src', 'app.py'), `${APP_LINES.join('\n')}\n`);
  writeFileSync(join(project, 'src', 'util.py'), 'a = 1\nif a == None:\n    pass\n');
  const lines = options.lintOutput ?? LINT_OUTPUT;
  writeFileSync(join(project, 'lint.mjs'), `process.stdout.write(${JSON.stringify(lines.join('\n') + '\n')});\nprocess.exitCode = ${lines.length > 0 ? 1 : 0};\n`);
  if (options.config !== null) writeFileSync(join(project, '.github', 'spec-automation.yml'), options.config ?? projectConfig());
  const temp = join(dir, 'runner-temp');
  mkdirSync(temp);
  const output = join(dir, 'github_output');
  const summary = join(dir, 'step_summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const stdout: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    stdout.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write);
  return {
    dir,
    workspace,
    eventPath: join(dir, 'event.json'),
    output,
    summary,
    temp,
    stdout,
    cleanup() {
      spy.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Sets the environment a runner gives a JavaScript action: INPUT_* (names upper-cased,
 * hyphens kept), GITHUB_*, RUNNER_TEMP. Inputs not given get action.yml's defaults.
 */
export function stubRunnerEnv(files: RunnerFiles, event: { name: string; payload: unknown; sha: string }, inputs: Record<string, string>, apiUrl: string): void {
  const defaults: Record<string, string> = {
    mode: 'gates',
    gates: '',
    'working-directory': '.',
    config: '.github/spec-automation.yml',
    python: '',
    'github-token': 'ghs_test_token',
    'fail-on': '',
    'max-review-comments': '30',
    report: 'check-runs, review, summary',
    'sarif-file': '',
    cache: 'true',
  };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
  writeFileSync(files.eventPath, JSON.stringify(event.payload));
  const repository = (event.payload as { repository?: { full_name?: string } }).repository?.full_name ?? 'Codertocat/Hello-World';
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.eventPath,
    GITHUB_REPOSITORY: repository,
    GITHUB_SHA: event.sha,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'gates',
    GITHUB_WORKSPACE: files.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks as a record; throws on anything else. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const m = /^([^<]+)<<(ghadelimiter_[0-9a-f-]+)$/.exec(line);
    if (!m) throw new Error(`unexpected GITHUB_OUTPUT line: ${line}`);
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    if (i >= lines.length) throw new Error(`unterminated output ${m[1]}`);
    outputs[m[1]!] = value.join('\n');
  }
  return outputs;
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The workflow-command lines (`::error …`) among stdout writes. */
export function workflowCommands(stdout: readonly string[], kind?: string): string[] {
  return stdout
    .join('')
    .split(/\r?\n/)
    .filter((l) => l.startsWith(kind ? `::${kind} ` : '::') || (kind !== undefined && l.startsWith(`::${kind}::`)));
}

/**
 * run() as a fresh runner process would start it: main.js imported anew (the caller's
 * beforeEach resets modules), @actions/github's `context` rebuilt from this test's event
 * (the imported one read the event once, at first import), and @actions/core's `summary`
 * made to forget the first GITHUB_STEP_SUMMARY it saw.
 */
export async function runActionFresh(): Promise<void> {
  const { run } = await import('../../../src/action/main.js');
  const { context } = await import('@actions/github');
  const Context = context.constructor as new () => typeof context;
  const { summary } = await import('@actions/core');
  (summary as unknown as { _filePath?: string })._filePath = undefined;
  await run({ context: new Context() });
}
