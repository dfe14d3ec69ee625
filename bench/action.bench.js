// Action benchmark (issue #4, item 8), on the BUILT bundle dist/index.js started as a
// runner starts it (INPUT_*, GITHUB_*), in a temp workspace:
// - cold start to the first gate spawn (target < 300 ms): the gate is a `node -e` that
//   records its own process start time (performance.timeOrigin), so the figure is
//   "runner starts the action" → "the first tool process exists"; as a ratio to the
//   start-up of `node -e ""` measured here (the floor any JavaScript action pays);
// - bundle size (target < 5 MB);
// - GitHub requests per run for 0, 50 and 5,000 findings on a pull request (target: the
//   minimum the API allows), against a loopback HTTP server that answers like an empty
//   repository and counts requests. Minimum: 1 lookup of the commit's check runs,
//   max(1, ceil(N / 50)) check-run writes (50 annotations per request), then for the
//   review: the PR's files (only with findings), one page of our comments, one review
//   (only with something to say).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIST = new URL('../dist/index.js', import.meta.url);
if (!existsSync(DIST)) {
  console.error('dist/index.js is missing: run `npm run build`.');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples');
const PR_EVENT = examples.find((e) => e.name === 'pull_request').examples.find((e) => e.action === 'opened');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// On a shared machine the minimum is the best estimate of the intrinsic cost; both are shown.
const best = (xs) => Math.min(...xs);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

function run(file, args, env, cwd) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, cwd, maxBuffer: 256 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** A workspace with src/app.py and a lint gate printing `findings` findings. */
function workspace(findings, markerFile) {
  const dir = mkdtempSync(join(tmpdir(), 'action-bench-'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, 'src', 'app.py'), Array.from({ length: 200 }, (_, i) => `v${i} = ${i}\n`).join(''));
  const lines = Array.from({ length: findings }, (_, i) => `src/app.py:${1 + (i % 200)}:1: error E${i % 90} finding number ${i}`);
  writeFileSync(join(dir, 'lint.mjs'), `process.stdout.write(${JSON.stringify(lines.join('\n') + '\n')});\nprocess.exitCode = ${findings > 0 ? 1 : 0};\n`);
  const node = JSON.stringify(process.execPath);
  // The gate records when its process started: the end of the cold start.
  const probe = markerFile ? `require('fs').writeFileSync(${JSON.stringify(markerFile)}, String(performance.timeOrigin))` : 'process.exit(0)';
  writeFileSync(
    join(dir, '.github', 'spec-automation.yml'),
    [
      'cache:',
      '  enabled: true',
      'gates:',
      markerFile ? '  probe:' : '  lint:',
      markerFile ? `    command: [${node}, "-e", ${JSON.stringify(probe)}]` : `    command: [${node}, lint.mjs]`,
      markerFile ? '    parser: exit-code' : '    parser: regex',
      ...(markerFile ? [] : [`    pattern: ${JSON.stringify('^(?<file>[^:]+):(?<line>\\d+):(?<column>\\d+): (?<severity>error) (?<code>\\S+) (?<message>.+)$')}`]),
      '',
    ].join('\n'),
  );
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

function runnerEnv(dir, { apiUrl, token, report }) {
  const temp = join(dir, '.runner');
  mkdirSync(temp, { recursive: true });
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(PR_EVENT));
  for (const f of ['output', 'summary']) writeFileSync(join(temp, f), '');
  return {
    PATH: process.env.PATH,
    SystemRoot: process.env.SystemRoot,
    'INPUT_MODE': 'gates',
    'INPUT_WORKING-DIRECTORY': '.',
    'INPUT_CONFIG': '.github/spec-automation.yml',
    'INPUT_GITHUB-TOKEN': token,
    'INPUT_MAX-REVIEW-COMMENTS': '30',
    'INPUT_REPORT': report,
    'INPUT_CACHE': 'false',
    'INPUT_FAIL-ON': 'never',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_API_URL: apiUrl,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    RUNNER_TEMP: temp,
  };
}

// --- Baseline: the start-up of an empty Node process.
const baselineRuns = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.timeOrigin + performance.now();
  await run(process.execPath, ['-e', ''], process.env);
  baselineRuns.push(performance.timeOrigin + performance.now() - t0);
}
const baseline = median(baselineRuns);
const baselineBest = best(baselineRuns);

// --- Cold start to the first gate spawn (no token: nothing is sent; the cost of loading
// and of validating the configuration is all in it). First run: the configuration is
// validated (YAML + schema); later runs read the validated configuration from the cache.
const probeFile = join(tmpdir(), `action-bench-probe-${process.pid}`);
const startDir = workspace(0, probeFile);
async function timeToFirstSpawn() {
  rmSync(probeFile, { force: true });
  const t0 = performance.timeOrigin + performance.now();
  const result = await run(process.execPath, [DIST.pathname], runnerEnv(startDir, { apiUrl: 'http://127.0.0.1:9', token: '', report: 'summary' }), startDir);
  if (!existsSync(probeFile)) throw new Error(`the probe gate did not run:\n${result.stdout}\n${result.stderr}`);
  return Number(readFileSync(probeFile, 'utf8')) - t0;
}
const firstRun = await timeToFirstSpawn();
const warmRuns = [];
for (let i = 0; i < 9; i++) warmRuns.push(await timeToFirstSpawn());
const warm = median(warmRuns);
const warmBest = best(warmRuns);
rmSync(startDir, { recursive: true, force: true });
rmSync(probeFile, { force: true });

// --- Bundle size.
const distDir = new URL('../dist/', import.meta.url);
const distFiles = readdirSync(distDir).map((f) => ({ f, size: statSync(new URL(f, distDir)).size }));
const jsBytes = distFiles.filter((x) => x.f.endsWith('.js')).reduce((s, x) => s + x.size, 0);
const allBytes = distFiles.reduce((s, x) => s + x.size, 0);

// --- Requests per run on a pull request.
function countingGitHub() {
  const counts = [];
  let id = 100;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = new URL(req.url, 'http://x').pathname;
      counts.push(`${req.method} ${path}`);
      const reply = (status, data) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      if (req.method === 'GET' && /\/commits\/[^/]+\/check-runs$/.test(path)) return reply(200, { total_count: 0, check_runs: [] });
      if (req.method === 'POST' && path.endsWith('/check-runs')) return reply(201, { id: ++id, html_url: `https://github.com/o/r/runs/${id}` });
      if (req.method === 'PATCH' && /\/check-runs\/\d+$/.test(path)) return reply(200, { id, html_url: `https://github.com/o/r/runs/${id}` });
      if (req.method === 'GET' && path.endsWith('/files')) {
        return reply(200, [{ filename: 'src/app.py', status: 'modified', patch: `@@ -1,100 +1,100 @@\n${Array.from({ length: 100 }, (_, l) => `+v${l} = ${l}`).join('\n')}` }]);
      }
      if (req.method === 'GET' && path.endsWith('/comments')) return reply(200, []);
      if (req.method === 'POST' && path.endsWith('/reviews')) return reply(200, { id: ++id, html_url: 'https://github.com/o/r/pull/2' });
      return reply(404, { message: 'Not Found' });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, counts, url: `http://127.0.0.1:${server.address().port}` })));
}

const requestRows = [];
for (const n of [0, 50, 5000]) {
  const github = await countingGitHub();
  const dir = workspace(n, undefined);
  const t0 = performance.now();
  const result = await run(process.execPath, [DIST.pathname], runnerEnv(dir, { apiUrl: github.url, token: 'ghs_bench', report: 'check-runs, review, summary' }), dir);
  const ms = performance.now() - t0;
  github.server.close();
  const outputs = readFileSync(join(dir, '.runner', 'output'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  if (result.code !== 0) throw new Error(`the action failed with ${n} findings:\n${result.stdout}\n${result.stderr}`);
  // A degraded report (a request that failed) would send fewer requests: not a result.
  const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'));
  if (warnings.length > 0) throw new Error(`the report degraded with ${n} findings:\n${warnings.join('\n')}`);
  // Every finding must have reached the report, or the count below measures less work.
  if (!new RegExp(`errors<<(\\S+)\\n${n}\\n`).test(outputs)) throw new Error(`the action did not see all ${n} findings:\n${outputs}`);
  const minimum = 1 + Math.max(1, Math.ceil(n / 50)) + (n > 0 ? 1 : 0) + 1 + (n > 0 ? 1 : 0);
  requestRows.push({ n, sent: github.counts.length, minimum, ms, routes: github.counts });
}

console.log(`baseline: node -e "" start-up ${fmt(baseline)} median, ${fmt(baselineBest)} best of ${baselineRuns.length}`);
console.log('');
console.log('| measure | value | target | ratio to baseline |');
console.log('|---|---|---|---|');
console.log(`| cold start → first gate spawn, first run (config validated) | ${fmt(firstRun)} | < 300 ms | ${(firstRun / baseline).toFixed(1)}× node -e "" |`);
console.log(`| cold start → first gate spawn, config cached (median of ${warmRuns.length}) | ${fmt(warm)} | < 300 ms | ${(warm / baseline).toFixed(1)}× node -e "" |`);
console.log(`| cold start → first gate spawn, config cached (best of ${warmRuns.length}) | ${fmt(warmBest)} | < 300 ms | ${(warmBest / baselineBest).toFixed(1)}× best node -e "" |`);
console.log(`| bundle size (dist/*.js) | ${(jsBytes / 1024 / 1024).toFixed(2)} MB (${distFiles.length} files, ${(allBytes / 1024 / 1024).toFixed(2)} MB with licenses) | < 5 MB | ${(jsBytes / (5 * 1024 * 1024)).toFixed(2)} of the target |`);
console.log('');
console.log('| findings (one gate, pull request) | requests sent | API minimum | sent / minimum | wall time |');
console.log('|---|---|---|---|---|');
for (const r of requestRows) console.log(`| ${r.n.toLocaleString('en-US')} | ${r.sent} | ${r.minimum} | ${(r.sent / r.minimum).toFixed(2)} | ${fmt(r.ms)} |`);
const over = requestRows.filter((r) => r.sent > r.minimum);
if (over.length > 0) {
  for (const r of over) console.log(`\n${r.n} findings sent more than the minimum:\n  ${r.routes.join('\n  ')}`);
  process.exitCode = 1;
}
