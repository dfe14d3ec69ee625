/**
 * Issue 11, build item 1: nothing in the checkout decides a verdict. A pull request
 * that adds a configuration cache entry (`.spec-automation/cache/config/<key>.json`,
 * keyed only by public facts: the bundle and the config text) used to map the unchanged
 * configuration to a harmless one, and `spec-automation / pytest` concluded `success` on
 * a suite whose only test fails. The caches now live under RUNNER_TEMP; what is read
 * back is validated, and an entry that fails is a miss, never a crash.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repositoryCacheDir } from '../../src/gates/cache-dir.js';
import type { GatesRun } from '../../src/pipeline/gate-result.js';
import { startFakeGitHub } from '../support/github/fake-github.js';
import type { GitHubDouble } from '../support/github/double.js';
import { HAS_SYSTEM_PYTHON, removeDir } from '../integration/gates/support.js';
import { DIST, newRunner, project, removeRunner, runDist, runnerEnv, type Runner } from './action-support.js';

const CONFIG = 'gates:\n  pytest: {}\n';
const FAILING_SUITE = { '.github/spec-automation.yml': CONFIG, 'tests/test_app.py': 'def test_total():\n    assert 1 + 1 == 3\n' };

/** The key the bundle gives a config text: sha256(sha256(bundle) \0 text), as the attacker computes it. */
function configKey(text: string): string {
  const schema = createHash('sha256').update(readFileSync(DIST)).digest('hex');
  return createHash('sha256').update(schema).update('\0').update(text).digest('hex').slice(0, 40);
}

/** What a forged entry maps the config to: a pytest that runs nothing and passes on "no tests". */
function harmlessConfig(): unknown {
  const gate = { enabled: true, args: ['-k', 'no_such_test'], env: {}, passEnv: [], timeout: 900, noTests: 'pass' };
  return {
    version: 1,
    failOn: 'error',
    concurrency: 0,
    cache: { enabled: true, maxMegabytes: 200 },
    gates: { pytest: gate },
  };
}

describe.skipIf(!HAS_SYSTEM_PYTHON)('the built action and a cache entry the pull request planted', () => {
  let workspace: string | undefined;
  let runner: Runner | undefined;
  let double: GitHubDouble | undefined;
  beforeAll(() => {
    if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run `npm run build`.');
  });
  afterEach(async () => {
    await double?.close();
    if (workspace) removeDir(workspace);
    if (runner) removeRunner(runner);
    [workspace, runner, double] = [undefined, undefined, undefined];
  });

  async function runOnce(): Promise<{ code: number | null; stdout: string; stderr: string; results: GatesRun; conclusions: [string, string | null][] }> {
    const started = await startFakeGitHub();
    double = started.double;
    runner = newRunner(workspace!);
    const result = await runDist(runnerEnv(runner, double.url), workspace!);
    const results = JSON.parse(readFileSync(join(runner.temp, 'spec-automation-gates-gates.json'), 'utf8')) as GatesRun;
    return { ...result, results, conclusions: started.fake.state.checkRuns.map((r) => [r.name, r.conclusion]) };
  }

  it('a forged configuration entry in the checkout does not turn the failing test suite green', async () => {
    const key = configKey(CONFIG);
    workspace = project({ ...FAILING_SUITE, [`.spec-automation/cache/config/${key}.json`]: JSON.stringify(harmlessConfig()) });
    const run = await runOnce();
    expect(run.conclusions).toEqual([['spec-automation / pytest', 'failure']]);
    expect(run.results.gates.map((g) => [g.gate, g.status, g.tests?.failed])).toEqual([['pytest', 'failed', 1]]);
    expect(run.code).toBe(1);
    // The action writes nothing of its caches into the checkout.
    expect(readdirSync(join(workspace, '.spec-automation', 'cache', 'config'))).toEqual([`${key}.json`]);
    expect(existsSync(join(workspace, '.spec-automation', 'cache', 'gates'))).toBe(false);
  });

  it('a malformed entry where the caches now live is a miss: the gate runs and the run reports, no crash', async () => {
    workspace = project(FAILING_SUITE);
    // The cache directory this run will use, under RUNNER_TEMP, keyed by the checkout.
    const first = await runOnce();
    expect(first.results.gates[0]!.status).toBe('failed');
    const cacheDir = repositoryCacheDir(workspace, { GITHUB_ACTIONS: 'true', RUNNER_TEMP: runner!.temp });
    const configDir = join(cacheDir, 'config');
    const gatesDir = join(cacheDir, 'gates');
    expect(readdirSync(configDir)).toHaveLength(1);
    expect(readdirSync(gatesDir)).toHaveLength(1);
    // Damage both entries in place (as a tool run in the same job could), then run again
    // with the same RUNNER_TEMP.
    const temp = runner!.temp;
    writeFileSync(join(configDir, readdirSync(configDir)[0]!), JSON.stringify({ gates: { pytest: { args: 'not a list' } } }));
    const gateEntry = join(gatesDir, readdirSync(gatesDir)[0]!);
    const entry = JSON.parse(readFileSync(gateEntry, 'utf8')) as { result: Record<string, unknown> };
    writeFileSync(gateEntry, JSON.stringify({ ...entry, result: { ...entry.result, status: 'passed', diagnostics: 'none' } }));
    await double!.close();
    removeRunner(runner!);
    const started = await startFakeGitHub();
    double = started.double;
    runner = newRunner(workspace);
    mkdirSync(temp, { recursive: true });
    const env = runnerEnv(runner, double.url, {}, { RUNNER_TEMP: temp });
    const again = await runDist(env, workspace);
    expect(again.stderr).toBe('');
    expect(again.stdout).not.toContain('TypeError');
    const results = JSON.parse(readFileSync(join(temp, 'spec-automation-gates-gates.json'), 'utf8')) as GatesRun;
    expect(results.gates.map((g) => [g.gate, g.status, g.fromCache])).toEqual([['pytest', 'failed', false]]);
    expect(started.fake.state.checkRuns.map((r) => r.conclusion)).toEqual(['failure']);
    rmSync(temp, { recursive: true, force: true });
  });
});
