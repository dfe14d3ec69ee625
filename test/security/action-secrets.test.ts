/**
 * Issue 11, build item 4: secrets never reach the code under test, and none leaves the
 * action. The built action runs a test suite that dumps the environment it sees into its
 * failure message (which the action posts as check runs, review comments, the summary
 * and the results file) with canary values in every secret the runner holds: the
 * `github-token` input, GITHUB_TOKEN, the runtime and OIDC tokens, a model key. One
 * secret the configuration passes on purpose (`passEnv`) reaches the tests and is still
 * redacted from everything written. Every file the run wrote, its log and every request
 * it sent are searched for each canary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatesRun } from '../../src/pipeline/gate-result.js';
import { startFakeGitHub } from '../support/github/fake-github.js';
import type { GitHubDouble } from '../support/github/double.js';
import { HAS_SYSTEM_PYTHON, removeDir } from '../integration/gates/support.js';
import { filesUnder, newRunner, project, removeRunner, runDist, runnerEnv, type Runner } from './action-support.js';

const CANARIES = {
  'INPUT_GITHUB-TOKEN': 'ghs_CanaryInputToken0123456789abcdefXYZ',
  GITHUB_TOKEN: 'canary-github-token-0f3c9a1e',
  ACTIONS_RUNTIME_TOKEN: 'canary-actions-runtime-7b2d44',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'canary-oidc-request-token-91aa',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://canary-oidc.invalid/token?x=5e1f',
  ANTHROPIC_API_KEY: 'sk-ant-api03-canary-model-key-c0ffee',
  DB_PASSWORD: 'canary-db-password-passed-on-purpose',
};

const TEST_FILE = `import os

def test_environment_dump():
    seen = " ; ".join(f"{k}={v}" for k, v in sorted(os.environ.items()))
    assert False, "ENV-DUMP " + seen
`;

describe.skipIf(!HAS_SYSTEM_PYTHON)('canary secrets through the built action', () => {
  let workspace: string | undefined;
  let runner: Runner | undefined;
  let double: GitHubDouble | undefined;
  afterEach(async () => {
    await double?.close();
    if (workspace) removeDir(workspace);
    if (runner) removeRunner(runner);
  });

  it('the tests see none of the runner\'s secrets, and no canary is in any file, log line or request', async () => {
    workspace = project({
      '.github/spec-automation.yml': 'gates:\n  pytest:\n    passEnv: [DB_PASSWORD, GITHUB_TOKEN, "ACTIONS_*", INPUT_GITHUB-TOKEN]\n',
      'tests/test_env.py': TEST_FILE,
    });
    const started = await startFakeGitHub();
    double = started.double;
    runner = newRunner(workspace);
    const { 'INPUT_GITHUB-TOKEN': token, ...others } = CANARIES;
    const result = await runDist(runnerEnv(runner, double.url, { 'github-token': token }, others), workspace);

    const results = JSON.parse(readFileSync(join(runner.temp, 'spec-automation-gates-gates.json'), 'utf8')) as GatesRun;
    const failure = results.gates[0]!.tests!.cases.find((c) => c.outcome === 'failed')!;
    const seen = `${failure.message ?? ''}\n${failure.details ?? ''}`;
    // The dump happened and reached the reports (else the searches below prove nothing).
    expect(seen).toContain('ENV-DUMP');
    expect(seen).toMatch(/\bPATH=/);
    // The secret passed on purpose reached the test, and was redacted on the way out.
    expect(seen).toContain('DB_PASSWORD=[redacted]');
    // The runner's secrets never reached the test, even though passEnv names them.
    for (const name of ['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ANTHROPIC_API_KEY', 'INPUT_GITHUB-TOKEN']) {
      expect(seen).not.toContain(`${name}=`);
    }
    expect(started.fake.state.checkRuns.map((r) => r.conclusion)).toEqual(['failure']);
    const checkText = started.fake.state.checkRuns.map((r) => `${r.output.summary ?? ''}${r.output.text ?? ''}${JSON.stringify(r.annotations)}`).join('\n');
    expect(checkText).toContain('ENV-DUMP');

    const places: { where: string; text: string }[] = [
      // `::add-mask::<token>` is the action telling the runner to mask the token: the runner consumes the line.
      { where: 'stdout', text: result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n') },
      { where: 'stderr', text: result.stderr },
      ...filesUnder(runner.dir).map((f) => ({ where: f.path, text: f.text })),
      ...filesUnder(workspace).map((f) => ({ where: f.path, text: f.text })),
      ...double.log.map((e, i) => ({ where: `request ${i}: ${e.method} ${e.path}`, text: `${e.path}?${JSON.stringify(e.query)} ${JSON.stringify(e.body)}` })),
    ];
    expect(double.log.length).toBeGreaterThan(1);
    const leaks = places.flatMap((p) => Object.entries(CANARIES).filter(([, value]) => p.text.includes(value)).map(([name]) => `${name} in ${p.where}`));
    expect(leaks).toEqual([]);
  });
});
