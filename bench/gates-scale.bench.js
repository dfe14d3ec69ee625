// Gates at a real application's scale (issue #17): a generated project with about
// 10,000 basedpyright findings and 1,000 pytest tests (bench/support/python-project.js),
// the real tools, the compiled CLI. Prints:
//   - the orchestrator's peak RSS and wall time on a cold run (`gates --no-cache`), and
//     the tools' own wall time run directly, as the ratio's baseline;
//   - the text report's render time for that run, against JSON.stringify of the same run;
//   - cache hits after a test-only edit (the type checker stays cached, pytest re-runs).
// The cold figures are BENCH_SCALE_SAMPLES (default 3) interleaved samples of the direct
// run and the gates, min and median, so a machine that others share moves both alike;
// BENCH_BASELINE_REPO=<another checkout, built with npm run build:lib> adds that
// checkout's orchestrator to the same rounds (before/after in one run).
// BENCH_SCALE_MODULES (default 1000) and BENCH_SCALE_TESTS (default 1000) size it.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePythonProject } from './support/python-project.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'bin', 'spec-automation.js');
const PYTHON = '/usr/bin/python3';
const MODULES = Number(process.env.BENCH_SCALE_MODULES ?? 1000);
const TESTS = Number(process.env.BENCH_SCALE_TESTS ?? 1000);
const SAMPLES = Math.max(1, Number(process.env.BENCH_SCALE_SAMPLES ?? 3));
const BASELINE = process.env.BENCH_BASELINE_REPO;

if (!existsSync(join(REPO, 'lib', 'cli', 'main.js'))) {
  console.error('lib/ is missing: run `npm run build:lib` (npm run bench does).');
  process.exit(2);
}
if (!existsSync(PYTHON)) {
  console.log(`skipped: ${PYTHON} (with python3-pytest) is not installed.`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'gates-scale-bench-'));
const app = join(work, 'app');
const cacheHome = join(work, 'cache-home');
const env = {
  ...process.env,
  PATH: [join(REPO, 'node_modules', '.bin'), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
  XDG_CACHE_HOME: cacheHome,
};
const rssHook = join(work, 'rss-hook.mjs');
writeFileSync(rssHook, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { writeFileSync(process.env.BENCH_RSS_OUT, JSON.stringify({ rssKb: process.resourceUsage().maxRSS })); });\n");

function timed(file, args, extraEnv = {}) {
  const started = performance.now();
  const result = spawnSync(file, args, { cwd: app, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { ms: performance.now() - started, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function gates(args, cli = CLI) {
  const rssOut = join(work, `rss-${Math.random().toString(36).slice(2)}`);
  const r = timed(process.execPath, [cli, 'gates', '--cwd', app, '--only', 'basedpyright,pytest', '--config', join(work, 'gates.yml'), ...args], { NODE_OPTIONS: `--import=${rssHook}`, BENCH_RSS_OUT: rssOut });
  if (r.status === 2) throw new Error(`spec-automation gates could not run the gates:\n${r.stderr}`);
  return { ...r, rssMb: JSON.parse(readFileSync(rssOut, 'utf8')).rssKb / 1024 };
}

try {
  const testFiles = Math.max(1, Math.round(TESTS / 20));
  writePythonProject(app, { modules: MODULES, errorsPerModule: 5, warningsPerModule: 5, testFiles, testsPerFile: Math.ceil(TESTS / testFiles) });
  writeFileSync(join(work, 'gates.yml'), `python: ${PYTHON}\n`);
  const git = (...args) => execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@example.com', ...args], { cwd: app, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');

  // Baseline: the same two tools run directly, in parallel, as a shell would.
  const direct = () => timed('sh', ['-c', `basedpyright --outputjson --pythonpath ${PYTHON} >/dev/null 2>&1 & ${PYTHON} -m pytest -q -p no:cacheprovider --junitxml=${join(work, 'plain.xml')} >/dev/null 2>&1 & wait`]);
  // Interleaved rounds: direct, gates (the text report, what a person runs), the baseline's gates.
  const rounds = { direct: [], gates: [], baseline: [] };
  for (let i = 0; i < SAMPLES; i++) {
    rounds.direct.push(direct());
    rounds.gates.push(gates(['--no-cache']));
    if (BASELINE) rounds.baseline.push(gates(['--no-cache'], join(BASELINE, 'bin', 'spec-automation.js')));
  }
  const cold = rounds.gates.at(-1);
  // The JSON of the same results comes from the cache after it.
  const run = JSON.parse(gates(['--format', 'json']).stdout);
  const findings = run.gates.reduce((n, g) => n + g.diagnostics.length, 0);
  const tests = run.gates.find((g) => g.tests)?.tests;
  console.log(`generated project: ${MODULES} modules, ${findings.toLocaleString('en-US')} findings, ${tests?.total ?? 0} tests (${tests?.failed ?? 0} failed)\n`);
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const med = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
  const min = (xs) => sorted(xs)[0];
  const ms = (rs) => rs.map((r) => r.ms);
  const mb = (rs) => rs.map((r) => r.rssMb);
  const wall = (label, rs) => `  ${label.padEnd(40)}${min(ms(rs)).toFixed(0).padStart(7)} ms min  ${med(ms(rs)).toFixed(0).padStart(7)} ms median`;
  console.log(`cold run (--no-cache), ${SAMPLES} interleaved sample${SAMPLES === 1 ? '' : 's'} each`);
  console.log(wall('tools run directly (sh, in parallel):', rounds.direct));
  console.log(`${wall('spec-automation gates:', rounds.gates)}   ${(min(ms(rounds.gates)) / min(ms(rounds.direct))).toFixed(2)}x / ${(med(ms(rounds.gates)) / med(ms(rounds.direct))).toFixed(2)}x the direct run`);
  if (BASELINE) console.log(`${wall(`baseline gates (${BASELINE}):`, rounds.baseline)}   ${(min(ms(rounds.baseline)) / min(ms(rounds.direct))).toFixed(2)}x / ${(med(ms(rounds.baseline)) / med(ms(rounds.direct))).toFixed(2)}x`);
  const worst = Math.max(...mb(rounds.gates));
  console.log(`  orchestrator peak RSS:                  ${med(mb(rounds.gates)).toFixed(1).padStart(7)} MB median, ${worst.toFixed(1)} MB max   target < 150 MB   ${worst < 150 ? 'ok' : 'MISSED'}`);
  if (BASELINE) console.log(`  baseline orchestrator peak RSS:         ${med(mb(rounds.baseline)).toFixed(1).padStart(7)} MB median, ${Math.max(...mb(rounds.baseline)).toFixed(1)} MB max`);

  // Text report render time, in process, on the run just made.
  const { renderGateFindings, renderGatesSummary } = await import(join(REPO, 'lib', 'reporting', 'text', 'gates.js'));
  const renders = [];
  const stringifies = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    const text = renderGatesSummary(run, { color: false }) + renderGateFindings(run, { color: false }) + renderGatesSummary(run, { color: false });
    renders.push(performance.now() - t);
    if (i === 0) console.log(`\ntext report: ${text.split('\n').length.toLocaleString('en-US')} lines for ${findings.toLocaleString('en-US')} findings (default caps)`);
    t = performance.now();
    JSON.stringify(run);
    stringifies.push(performance.now() - t);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`  render (median of 5):                   ${median(renders).toFixed(1).padStart(7)} ms   ${(median(renders) / median(stringifies)).toFixed(2)}x JSON.stringify of the run (${median(stringifies).toFixed(1)} ms)`);

  // Cache: the results are stored; edit a test only and run again.
  appendFileSync(join(app, 'tests', 'test_gen_0.py'), '\n# a comment in a test\n');
  const warm = gates(['--format', 'json']);
  const after = JSON.parse(warm.stdout);
  const hits = after.gates.filter((g) => g.fromCache).map((g) => g.gate);
  console.log('\nafter a test-only edit');
  console.log(`  cache hits: ${hits.length} of ${after.gates.length} (${hits.join(', ') || 'none'})   target: basedpyright cached   ${hits.includes('basedpyright') && !hits.includes('pytest') ? 'ok' : 'MISSED'}`);
  console.log(`  wall: ${warm.ms.toFixed(0)} ms (${(warm.ms / cold.ms).toFixed(2)}x the cold run); orchestrator peak RSS ${warm.rssMb.toFixed(1)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
