// Gates engine benchmark (issue #3, item 9), on a temp copy of examples/tasklet with a
// throwaway virtualenv (Debian's pytest and PyQt6 through --system-site-packages):
//   plain    the same tool commands in a plain shell, `cmd1 & cmd2 & wait`
//   gates    `spec-automation gates --no-cache` (compiled CLI), default priorities
//   flat     the same with every gate at normal priority (pure orchestration overhead)
//   cached   `spec-automation gates` with nothing changed since the last run
// Runs are interleaved and repeated; medians are compared. Also the orchestrator's peak
// RSS (its own process, not the tools'). Targets: overhead <= 3 %, priority >= plain,
// cached < 300 ms, RSS < 150 MB.
// The example app's gates take about 4 s, so the orchestrator's fixed cost (Node start-up,
// loading its modules, parsing the reports: a few hundred ms) is a large share of it. A
// second pass measures the same on a scaled copy (BENCH_SCALE copies of the package and
// its tests, default 40; 0 skips it), closer to the size of a real project, where the
// fixed cost is spread over a longer run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTaskletApp } from './tasklet-app.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'bin', 'spec-automation.js');
const PYTHON = '/usr/bin/python3';
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const SCALE = Number(process.env.BENCH_SCALE ?? 40);
const SCALED_REPEATS = Number(process.env.BENCH_SCALED_REPEATS ?? 3);

if (!existsSync(join(REPO, 'lib', 'cli', 'main.js'))) {
  console.error('lib/ is missing: run `npm run build:lib` (npm run bench does).');
  process.exit(2);
}
if (!existsSync(PYTHON)) {
  console.log(`skipped: ${PYTHON} (with python3-pytest and python3-pyqt6) is not installed.`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'gates-bench-'));
const env = {
  ...process.env,
  PATH: [join(REPO, 'node_modules', '.bin'), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
  QT_QPA_PLATFORM: 'offscreen',
};
const hasRuff = spawnSync('ruff', ['--version'], { env }).status === 0;
const only = hasRuff ? 'ruff,basedpyright,pytest' : 'basedpyright,pytest';
const flatConfig = join(work, 'flat.yml');
writeFileSync(flatConfig, `gates:\n${hasRuff ? '  ruff:\n    lowPriority: false\n' : ''}  basedpyright:\n    lowPriority: false\n  pytest: { shards: 1 }\n`);
// One pytest process, as in the plain shell run: this benchmark measures orchestration,
// shards.bench.js measures sharding.
const defaultConfig = join(work, 'default.yml');
writeFileSync(defaultConfig, `gates:\n${hasRuff ? '  ruff: {}\n' : ''}  basedpyright: {}\n  pytest: { shards: 1 }\n`);

const rssHook = join(work, 'rss-hook.mjs');
// The orchestrator's own figures (its children, the tools, are not counted): peak RSS and
// CPU time. CPU time hardly moves with other load on the machine, unlike wall time.
writeFileSync(
  rssHook,
  "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_RSS_OUT, JSON.stringify({ rssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });\n",
);

function createApp(name, copies) {
  return createTaskletApp(work, name, copies, PYTHON);
}

function timed(app, file, args, extraEnv = {}) {
  const started = performance.now();
  const result = spawnSync(file, args, { cwd: app, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');

// Baseline for the fixed cost: a Node process that does nothing.
const nodeStart = median(Array.from({ length: 9 }, () => timed(work, process.execPath, ['-e', '']).ms));

function measure(app, label, repeats) {
  const gates = (args, extraEnv) => {
    const config = args.includes('--config') ? [] : ['--config', defaultConfig];
    const r = timed(app, process.execPath, [CLI, 'gates', '--cwd', app, '--only', only, ...config, ...args], extraEnv);
    if (r.status === 2) throw new Error(`spec-automation gates could not run the gates:\n${r.stderr}`);
    return r;
  };
  // Warm-up: fills the OS file cache and the tool probes (versions, sys.path), and tells
  // us the exact command lines the gates run, for the plain shell.
  const warm = gates(['--no-cache', '--format', 'json']);
  const run = JSON.parse(warm.stdout);
  const tests = run.gates.find((g) => g.tests)?.tests;
  console.log(`${label}: gates ${only}${tests ? `, ${tests.passed} tests` : ''}; ${repeats} interleaved repeats, medians\n`);
  for (const g of run.gates) console.log(`  ${g.gate.padEnd(13)} ${g.status.padEnd(7)} ${g.command.join(' ')}`);

  const quote = (s) => `'${s.replace(/'/g, "'\\''")}'`;
  const junit = join(work, 'plain-junit.xml');
  const script = run.gates
    .map((g) => g.command.map((a) => (a.startsWith('--junitxml=') ? `--junitxml=${junit}` : a)).map(quote).join(' ') + ' >/dev/null 2>&1 &')
    .concat('wait')
    .join('\n');

  const samples = { plain: [], gates: [], flat: [], cached: [] };
  const cpuMs = [];
  let peakRss = 0;
  for (let i = 0; i < repeats; i++) {
    samples.plain.push(timed(app, 'sh', ['-c', script]).ms);
    const rssOut = join(work, `rss-${i}`);
    samples.gates.push(gates(['--no-cache'], { NODE_OPTIONS: `--import=${rssHook}`, BENCH_RSS_OUT: rssOut }).ms);
    const usage = JSON.parse(readFileSync(rssOut, 'utf8'));
    peakRss = Math.max(peakRss, usage.rssKb / 1024);
    cpuMs.push(usage.cpuUs / 1000);
    samples.flat.push(gates(['--no-cache', '--config', flatConfig]).ms);
    // `gates` above stored fresh results: nothing changed since, so this is all cache hits.
    const cached = gates([]);
    if (!/\bcached\b/.test(cached.stdout)) throw new Error(`expected a cached run:\n${cached.stdout}`);
    samples.cached.push(cached.ms);
  }

  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  console.log('\nwall time: median, and every sample (this machine may be shared: look at the spread)');
  for (const [name, ms] of Object.entries(m)) console.log(`  ${name.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms   [${samples[name].map((x) => x.toFixed(0)).join(', ')}]`);
  const best = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.min(...v)]));
  const overhead = m.flat / m.plain - 1;
  const priority = m.gates / m.plain;
  console.log('\nratios against the plain shell run (same script, same machine): median, and best of each');
  console.log(`  orchestration overhead (flat / plain - 1):  ${pct(overhead)}  (best ${pct(best.flat / best.plain - 1)})   target <= +3 %    ${verdict(overhead <= 0.03)}`);
  console.log(`    fixed cost (flat - plain):                ${(m.flat - m.plain).toFixed(0)} ms = ${((m.flat - m.plain) / nodeStart).toFixed(1)}x a bare \`node -e ""\` start (${nodeStart.toFixed(0)} ms)`);
  console.log(`  priority scheduling (gates / plain):        ${priority.toFixed(3)}x  (best ${(best.gates / best.plain).toFixed(3)}x)   target <= 1.000x  ${verdict(priority <= 1.0)}`);
  console.log(`    low priority against none (gates / flat): ${(m.gates / m.flat).toFixed(3)}x`);
  console.log(`  cached run (cached / plain):                ${(m.cached / m.plain).toFixed(3)}x  ${m.cached.toFixed(0)} ms (best ${best.cached.toFixed(0)} ms)   target < 300 ms   ${verdict(m.cached < 300)}`);
  console.log(`  orchestrator peak RSS:                      ${peakRss.toFixed(1)} MB   target < 150 MB   ${verdict(peakRss < 150)}`);
  const cpu = median(cpuMs);
  console.log(`  orchestrator CPU time / plain wall time:    ${pct(cpu / m.plain)}  (${cpu.toFixed(0)} ms of CPU; node start-up included)`);
}

try {
  measure(createApp('tasklet', 0), 'example app: examples/tasklet', REPEATS);
  if (SCALE > 0) {
    console.log('');
    measure(createApp('tasklet-scaled', SCALE), `scaled copy: examples/tasklet with ${SCALE} copies of the package and its tests`, SCALED_REPEATS);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
