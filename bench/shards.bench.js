// Sharded pytest benchmark (issue #16): on two subjects,
//   cpu     a generated CPU-bound suite (BENCH_SHARDS_FILES files x BENCH_SHARDS_TESTS
//           tests, default 40 x 10, each a BENCH_SHARDS_TEST_MS busy loop, default 15 ms),
//           two of its tests failing, in the last file
//   tasklet the example app scaled up (BENCH_SCALE copies of the package and its tests,
//           default 40), only the pytest gate
// four runs are interleaved, BENCH_REPEATS times (default 3), min and median:
//   pytest    `python -m pytest -q` alone, one process (the floor the gates had)
//   unsharded `spec-automation gates --no-cache` with `shards: 1`
//   sharded   `spec-automation gates --no-cache` with `shards: auto` (2 cores: 2 shards),
//             split from the collection the last run remembered (no `--collect-only`)
//   edited    the same after a comment was added to a test file: the remembered
//             collection no longer matches, so it collects first (what a fix iteration
//             that edits tests pays)
// Verdicts (exit codes, test counts) must be identical. Target: sharded <= 0.75x pytest.
// Then failures first on the cpu suite: `gates --no-cache --failed-first` after a run
// that failed, time until the "still fail" line on stderr vs the whole run.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTaskletApp, gitCommitAll } from './tasklet-app.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'bin', 'spec-automation.js');
const PYTHON = '/usr/bin/python3';
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const FILES = Number(process.env.BENCH_SHARDS_FILES ?? 40);
const TESTS = Number(process.env.BENCH_SHARDS_TESTS ?? 10);
const TEST_MS = Number(process.env.BENCH_SHARDS_TEST_MS ?? 15);
const SCALE = Number(process.env.BENCH_SCALE ?? 40);

if (!existsSync(join(REPO, 'lib', 'cli', 'main.js'))) {
  console.error('lib/ is missing: run `npm run build:lib` (npm run bench does).');
  process.exit(2);
}
if (spawnSync(PYTHON, ['-m', 'pytest', '--version']).status !== 0) {
  console.log(`skipped: ${PYTHON} with python3-pytest is not installed.`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'shards-bench-'));
const cacheHome = join(work, 'cache-home');
const env = {
  ...process.env,
  PATH: [join(REPO, 'node_modules', '.bin'), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
  QT_QPA_PLATFORM: 'offscreen',
  // The gates' cache (results, and the history sharding reads) stays inside this run.
  XDG_CACHE_HOME: cacheHome,
};

function cpuSuite() {
  const dir = join(work, 'cpu');
  mkdirSync(join(dir, 'tests'), { recursive: true });
  const busy = `import time\n\ndef busy():\n    end = time.process_time() + ${TEST_MS / 1000}\n    n = 0\n    while time.process_time() < end:\n        n += 1\n    return n\n`;
  for (let f = 0; f < FILES; f++) {
    const tests = Array.from({ length: TESTS }, (_, t) => {
      const failing = f === FILES - 1 && t >= TESTS - 2;
      return `def test_${t}():\n    assert busy() > 0${failing ? ' and False, "fails on purpose"' : ''}\n`;
    });
    writeFileSync(join(dir, 'tests', `test_f${String(f).padStart(2, '0')}.py`), `${busy}\n${tests.join('\n')}`);
  }
  gitCommitAll(dir);
  return dir;
}

function writeConfigs(dir, pythonPath) {
  const config = (shards) => {
    const file = join(work, `${dir.split('/').pop()}-${shards}.yml`);
    writeFileSync(file, `python: ${JSON.stringify(pythonPath)}\ncache:\n  enabled: true\ngates:\n  pytest:\n    shards: ${shards}\n    env: { QT_QPA_PLATFORM: offscreen }\n`);
    return file;
  };
  return { sharded: config('auto'), unsharded: config(1) };
}

function timed(cwd, file, args) {
  const started = performance.now();
  const result = spawnSync(file, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ok) => (ok ? 'ok' : 'MISSED');

function gatesRun(dir, configFile, extra = []) {
  const r = timed(dir, process.execPath, [CLI, 'gates', '--cwd', dir, '--config', configFile, '--no-cache', '--format', 'json', ...extra]);
  if (r.status === 2) throw new Error(`spec-automation gates could not run:\n${r.stderr}\n${r.stdout.slice(0, 2000)}`);
  const gate = JSON.parse(r.stdout).gates[0];
  const { passed, failed, errored, skipped, xfailed, xpassed, total } = gate.tests ?? {};
  return { ms: r.ms, status: r.status, counts: JSON.stringify({ total, passed, failed, errored, skipped, xfailed, xpassed }), shards: gate.shards };
}

function pytestAlone(dir, pythonPath) {
  const r = timed(dir, pythonPath, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider']);
  const closing = r.stdout.trim().split('\n').at(-1);
  return { ms: r.ms, status: r.status, closing };
}

function measure(label, dir, pythonPath) {
  const configs = writeConfigs(dir, pythonPath);
  // Warm-up: the OS file cache, the tool probes, and the history (durations) sharding balances by.
  const warm = gatesRun(dir, configs.sharded);
  gatesRun(dir, configs.unsharded);
  console.log(`${label}: ${warm.counts}; ${REPEATS} interleaved repeats\n`);
  const samples = { pytest: [], unsharded: [], sharded: [], edited: [] };
  const verdicts = new Set();
  let shards;
  let editedShards;
  const testsDir = join(dir, 'tests');
  const testFile = join(testsDir, readdirSync(testsDir).filter((f) => /^test_.*\.py$/.test(f)).sort()[0]);
  for (let i = 0; i < REPEATS; i++) {
    const p = pytestAlone(dir, pythonPath);
    samples.pytest.push(p.ms);
    const u = gatesRun(dir, configs.unsharded);
    samples.unsharded.push(u.ms);
    const s = gatesRun(dir, configs.sharded);
    samples.sharded.push(s.ms);
    shards = s.shards;
    appendFileSync(testFile, `# edited ${i}\n`);
    const e = gatesRun(dir, configs.sharded);
    samples.edited.push(e.ms);
    editedShards = e.shards;
    verdicts.add(`${u.status} ${u.counts}`).add(`${s.status} ${s.counts}`).add(`${e.status} ${e.counts}`);
    if (u.status !== p.status) throw new Error(`pytest alone exited ${p.status} (${p.closing}), the unsharded gate ${u.status}`);
  }
  console.log('wall time: min / median, and every sample (a shared machine shows in the spread)');
  for (const [name, xs] of Object.entries(samples)) console.log(`  ${name.padEnd(9)} ${Math.min(...xs).toFixed(0).padStart(6)} / ${median(xs).toFixed(0).padStart(6)} ms   [${xs.map((x) => x.toFixed(0)).join(', ')}]`);
  const identical = verdicts.size === 1;
  const ratio = median(samples.sharded) / median(samples.pytest);
  const note = (d) => (d ? `${d.count}, slowest ${d.slowestMs} ms, balance ${d.balance}${d.remembered ? ', from the remembered collection' : ''}${d.reason ? `, ${d.reason}` : ''}` : 'none');
  console.log(`\n  shards: ${note(shards)}; after the edit: ${note(editedShards)}`);
  console.log(`  verdicts identical (sharded, unsharded, every repeat): ${identical ? 'yes' : `NO: ${[...verdicts].join(' | ')}`}`);
  console.log(`  sharded gates / pytest alone:   ${ratio.toFixed(3)}x median (${(Math.min(...samples.sharded) / Math.min(...samples.pytest)).toFixed(3)}x min)   target <= 0.75x   ${verdict(ratio <= 0.75 && identical)}`);
  console.log(`  sharded after a test edit / pytest alone: ${(median(samples.edited) / median(samples.pytest)).toFixed(3)}x median (${(Math.min(...samples.edited) / Math.min(...samples.pytest)).toFixed(3)}x min)`);
  console.log(`  unsharded gates / pytest alone: ${(median(samples.unsharded) / median(samples.pytest)).toFixed(3)}x median`);
  console.log(`  load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores)`);
  return configs;
}

/** Milliseconds from the start of a failures-first run until stderr says how the last failures did, and until it ends. */
function firstFailure(dir, configFile) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'gates', '--cwd', dir, '--config', configFile, '--no-cache', '--failed-first', '--format', 'json'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let firstMs;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (firstMs === undefined && /failed last time still fail/.test(stderr)) firstMs = performance.now() - started;
    });
    child.on('error', reject);
    child.on('close', () => (firstMs === undefined ? reject(new Error(`no failures-first line:\n${stderr}`)) : resolve({ firstMs, totalMs: performance.now() - started })));
  });
}

console.log(`load average at the start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores)`);
try {
  const cpu = cpuSuite();
  const configs = measure(`generated CPU-bound suite: ${FILES} files x ${TESTS} tests of ${TEST_MS} ms`, cpu, PYTHON);
  const runs = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await firstFailure(cpu, configs.sharded));
  const first = median(runs.map((r) => r.firstMs));
  const total = median(runs.map((r) => r.totalMs));
  console.log(`\n  failures first (--failed-first): first failure report ${first.toFixed(0)} ms, whole run ${total.toFixed(0)} ms: ${(first / total).toFixed(3)}x (median of ${REPEATS})`);
  if (SCALE > 0) {
    console.log('');
    const app = createTaskletApp(work, 'tasklet-scaled', SCALE, PYTHON);
    measure(`example app scaled: examples/tasklet with ${SCALE} copies, pytest gate`, app, join(app, '.venv', 'bin', 'python'));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
