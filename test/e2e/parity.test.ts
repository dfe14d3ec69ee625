/**
 * The app and the CLI run the same loop (src/pipeline/workflow/start.ts and
 * iteration.ts): the same spec, the same recorded agent session and the same failing,
 * then passing pytest, once through the app harness (GitHub double, gate results from the
 * workflow_run event) and once through `spec-automation run` on a local git checkout
 * (real git, real pytest). Both must end with the same branch, the same commits (subject,
 * body and trailers; commit shas, which differ, masked) and the same lock entry (the
 * app's also names its pull request).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES, fixtureFiles, gate, pushPayload, replay, runGatesWorkflow, startAppHarness, stateOf, type AppHarness } from '../contract/app/harness.js';
import { captureIO, git, HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON, toolEnv } from '../unit/cli-run/support.js';

const SPEC = 'docs/greeting.md';
const SESSION = join(FIXTURES, 'greeting-loop.jsonl');
const LOCK = '.spec-automation/lock.json';

interface Outcome {
  branch: string;
  /** Full messages, oldest first, with 7- and 40-character shas masked. */
  commits: string[];
  lockEntry: Record<string, unknown>;
}

const maskShas = (text: string) => text.replace(/\b[0-9a-f]{40}\b/g, '<sha>').replace(/\b[0-9a-f]{7}\b/g, '<sha7>');
const entryOf = (lockText: string) => (JSON.parse(lockText) as { specs: Record<string, Record<string, unknown>> }).specs[SPEC]!;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function throughTheApp(): Promise<Outcome> {
  const files = fixtureFiles('repo');
  const spec = files[SPEC]!;
  delete files[SPEC];
  const h: AppHarness = await startAppHarness({ repo: { files }, model: await replay('greeting-loop.jsonl') });
  cleanups.push(() => h.close());
  const { fake } = h;
  const before = fake.head('main')!;
  const pushed = fake.commit('main', { [SPEC]: spec }, 'Add the greeting spec');
  await h.deliver('push', pushPayload(fake, { before, after: pushed, added: [SPEC] }));
  // The branch the run's state names (the pull request #1 the push opened).
  const branch = stateOf(fake, 1).branch;
  const failing = gate('pytest', 'failed', [
    { source: 'pytest', path: 'tests/test_greet.py', range: { start: { line: 8 } }, severity: 'error', rule: 'test.failed', message: "AssertionError: assert 'Hello Ada!' == 'Hello, Ada!'", fingerprint: 'fp-1' },
  ], { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 40, cases: [] });
  await h.deliver('workflow_run', runGatesWorkflow(fake, branch, [gate('ruff', 'passed'), failing]));
  await h.deliver('workflow_run', runGatesWorkflow(fake, branch, [gate('ruff', 'passed'), gate('pytest', 'passed')]));
  // The branch's own commits, oldest first: from its head back to the pushed commit.
  const commits: string[] = [];
  for (let sha = fake.head(branch); sha && sha !== pushed; sha = fake.state.commits.get(sha)!.parents[0]) commits.unshift(maskShas(fake.state.commits.get(sha)!.message.trimEnd()));
  return { branch, commits, lockEntry: entryOf(fake.filesAt(branch).get(LOCK)!) };
}

async function throughTheCli(): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-'));
  cleanups.push(() => removeDir(dir));
  const files = fixtureFiles('repo');
  const spec = files[SPEC]!;
  delete files[SPEC];
  // The same configuration; the gates run here, so they need the interpreter (ruff, which
  // the app's workflow reports as passed, is left out with --only: it may not be installed).
  files['.github/spec-automation.yml'] = `${files['.github/spec-automation.yml']}\npython: ${SYSTEM_PYTHON}\n`;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test Author');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  write(SPEC, spec);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Add the greeting spec');

  const io = captureIO(dir, toolEnv(), new AbortController().signal);
  const code = await main(['run', SPEC, '--replay', SESSION, '--only', 'pytest', '--no-run-gates'], io);
  expect(code, io.err()).toBe(0);
  const branch = git(dir, 'branch', '--show-current').trim();
  const shas = git(dir, 'rev-list', '--reverse', `main..${branch}`).trim().split('\n');
  const commits = shas.map((sha) => maskShas(git(dir, 'log', '-1', '--format=%B', sha).trimEnd()));
  return { branch, commits, lockEntry: entryOf(readFileSync(join(dir, ...LOCK.split('/')), 'utf8')) };
}

describe.skipIf(!HAS_SYSTEM_PYTHON)('the app and the CLI run the same loop', () => {
  it('end with the same branch, the same commits and the same lock entry for the same spec and session', async () => {
    const app = await throughTheApp();
    const cli = await throughTheCli();

    expect(app.branch).toBe('spec/fs-greet');
    expect(cli.branch).toBe(app.branch);
    expect(app.commits.map((m) => m.split('\n')[0])).toEqual(['spec-automation: start fs-greet', 'spec-automation: implement fs-greet', 'spec-automation: fix 1 of fs-greet']);
    expect(cli.commits).toEqual(app.commits);
    // Each commit says what it spent, the same on both (the same session).
    expect(app.commits[1]).toMatch(/\nSpec-Automation-Spent: turns=\d+ /);

    const strip = ({ implementedAt, pr, ...rest }: Record<string, unknown>) => ({ ...rest, implementedAt: typeof implementedAt, pr: pr === undefined ? 'none' : 'set' });
    expect(app.lockEntry.pr).toEqual({ number: 1, url: 'https://github.com/octo-org/tasklet/pull/1' });
    expect(cli.lockEntry.pr).toBeUndefined();
    expect({ ...strip(cli.lockEntry), pr: 'set' }).toEqual(strip(app.lockEntry));
    expect(Object.keys(app.lockEntry.requirements as object)).toEqual(expect.arrayContaining(['FR-1']));
  }, 180_000);
});
