// App on Postgres benchmark (issue #12): two web processes (`node lib/app/web.js`) and two
// workers (`node lib/app/worker.js`) on one database (DATABASE_URL; a database of its own
// per run, dropped at the end).
//
// 1. Acknowledgement: 200 signed pushes sent at once, half to each web process; latency
//    per delivery measured by the client. Baseline in the same run: two bare node:http
//    servers in child processes that read the body and answer 200, under the same 200
//    requests and the same background, measured twice per round:
//    - web path alone: the workers stopped (SIGSTOP), so only the burst runs;
//    - while the workers drain: right after another 200 pushes were queued, so both the
//      app's burst and the bare servers' burst meet two workers working 200 jobs on the
//      same cores.
//    The order app/bare alternates per round; each figure is the median of the rounds'
//    p99 ratios (target ≤ 1.5x).
// 2. Throughput: the 200 jobs the stopped workers left queued, from SIGCONT until the
//    database's job table is empty: jobs per second through the two workers. Each push is
//    for another repository (different queues); its job reads the configuration (one
//    GitHub request to a loopback stub) and finds no spec among the changed files.
// 3. RSS per process (VmRSS and peak VmHWM from /proc).
// 4. CPU per burst (utime+stime from /proc), by kind of process: the client (this
//    process), the web processes, the workers, the bare servers, and the Postgres
//    backends serving this run's database (found by its name in their command lines;
//    none when the server is not on this machine). Unlike latency, CPU per burst hardly
//    moves with other work on the machine, so it compares versions on a loaded machine.
//
// Without DATABASE_URL it prints how to get one and exits 0.
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';

const ROOT = new URL('../', import.meta.url).pathname;
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.log('skipped: DATABASE_URL is not set. Start a throwaway server with `export DATABASE_URL=$(.ci/postgres start /tmp/sa-pg)`.');
  process.exit(0);
}
if (!existsSync(`${ROOT}lib/app/web.js`)) {
  console.error('lib/ is missing: run `npm run build:lib` (npm run bench does).');
  process.exit(2);
}
const pg = (await import('pg')).default;

const N = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const SECRET = 'bench-webhook-secret';

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const freePort = async () => {
  const s = createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
};
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// GitHub stub: installation tokens, and 404 for the configuration (defaults apply).
let githubRequests = 0;
const github = createServer((req, res) => {
  githubRequests += 1;
  req.resume();
  req.on('end', () => {
    if (req.method === 'POST' && /\/app\/installations\/\d+\/access_tokens$/.test(req.url)) {
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'ghs_bench', expires_at: new Date(Date.now() + 3600e3).toISOString() }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Not Found' }));
  });
});
const githubPort = await listen(github);

const database = `sa_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: DATABASE_URL });
await admin.connect();
await admin.query(`drop database if exists ${database} with (force)`);
await admin.query(`create database ${database}`);
const url = new URL(DATABASE_URL);
url.pathname = `/${database}`;
const db = new pg.Pool({ connectionString: url.toString() });
db.on('error', () => undefined);

const key = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const children = [];
const TICKS = 100; // USER_HZ on Linux
const cpuOf = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS;
  } catch {
    return 0;
  }
};
const backends = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d) && (() => { try { return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(database); } catch { return false; } })());
const cpuNow = () => {
  const s = { client: cpuOf(process.pid), postgres: backends().reduce((a, p) => a + cpuOf(p), 0) };
  for (const c of children) s[c.kind] = (s[c.kind] ?? 0) + cpuOf(c.pid);
  return s;
};
const cpuSpent = {};
async function measured(phase, fn) {
  const before = cpuNow();
  const result = await fn();
  const after = cpuNow();
  for (const [k, v] of Object.entries(after)) ((cpuSpent[phase] ??= {})[k] ??= []).push(v - (before[k] ?? 0));
  return result;
}
function start(name, file, extraEnv, ready, ping) {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, APP_ID: '1', PRIVATE_KEY: key, WEBHOOK_SECRET: SECRET, APP_SLUG: 'spec-automation', GHE_HOST: `127.0.0.1:${githubPort}`, GHE_PROTOCOL: 'http', DATABASE_URL: url.toString(), SPEC_AUTOMATION_STARTUP_PROBE: 'off', SPEC_AUTOMATION_RECOVERY: 'off', ANTHROPIC_API_KEY: 'sk-ant-bench', NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...extraEnv };
    const child = spawn(process.execPath, file, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (c) => {
      out += c;
      if (ready.test(out)) resolve({ name, child, port: Number(extraEnv.PORT), output: () => out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${out}`)));
    child.kind = name.replace(/-\d+$/, '');
    children.push(child);
    if (ping) {
      const poll = () => fetch(`http://127.0.0.1:${ping}/ping`).then((r) => (r.ok ? resolve({ name, child, port: ping, output: () => out }) : setTimeout(poll, 100)), () => setTimeout(poll, 100));
      poll();
    }
  });
}

const BARE = `
const { createServer } = require('node:http');
createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')); })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare listening'));`;

try {
  const ports = await Promise.all([1, 2, 3, 4, 5, 6].map(() => freePort()));
  // Web processes log at warn (Probot logs every request at info); ready once /ping answers.
  const webs = await Promise.all([0, 1].map((i) => start(`web-${i + 1}`, [`${ROOT}lib/app/web.js`], { PORT: String(ports[i]) }, /$^/, ports[i])));
  const workers = await Promise.all([2, 3].map((i) => start(`worker-${i - 1}`, [`${ROOT}lib/app/worker.js`], { PORT: String(ports[i]) }, /worker working jobs/)));
  const bares = await Promise.all([4, 5].map((i) => start(`bare-${i - 3}`, ['-e', BARE], { PORT: String(ports[i]) }, /bare listening/)));

  let seq = 0;
  const pushBody = () => {
    const n = seq++;
    return JSON.stringify({
      ref: 'refs/heads/main',
      before: '1'.repeat(40),
      after: n.toString(16).padStart(40, 'a'),
      commits: [{ id: 'c', added: [], modified: ['src/app.py'], removed: [] }],
      head_commit: { id: 'c', tree_id: 'b'.repeat(40), added: [], modified: ['src/app.py'], removed: [] },
      repository: { id: n, name: `repo-${n}`, full_name: `bench/repo-${n}`, owner: { login: 'bench' }, default_branch: 'main', fork: false, html_url: `https://github.com/bench/repo-${n}` },
      installation: { id: 1 },
      sender: { login: 'ada', type: 'User' },
    });
  };
  // The load generator is node:http with keep-alive (as wrk or autocannon would be): it shares
  // the two cores with the servers, and fetch (undici) cost it about twice the CPU per
  // request, which slowed both sides' bursts alike. Bodies and signatures are made before
  // the burst starts.
  const agent = new Agent({ keepAlive: true, maxSockets: N });
  function send(port, path, { body, headers }, started = performance.now()) {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`answered ${res.statusCode}`))));
      });
      // A kept-alive socket the server closed while idle: sent again on a new one (Node's
      // documented retry), the time counted from the first try.
      req.on('error', (error) => (req.reusedSocket && error.code === 'ECONNRESET' ? send(port, path, { body, headers }, started).then(resolve, reject) : reject(error)));
      req.end(body);
    });
  }
  async function burst(targets, path) {
    const deliveries = Array.from({ length: N }, () => {
      const body = pushBody();
      return { body, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-github-event': 'push', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` } };
    });
    const t0 = performance.now();
    const latencies = await Promise.all(deliveries.map((d, i) => send(targets[i % targets.length].port, path, d)));
    return { sorted: latencies.sort((a, b) => a - b), wall: performance.now() - t0 };
  }
  async function drained() {
    for (;;) {
      const { rows } = await db.query('select count(*)::int as n from graphile_worker.jobs where attempts < max_attempts or locked_at is not null');
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  // Warm-up: both kinds of server, and the workers' token and first jobs.
  await burst(webs, '/api/github/webhooks');
  await burst(bares, '/');
  await drained();

  const rounds = [];
  const throughput = [];
  const p99 = (b) => pct(b.sorted, 99);
  const stopWorkers = () => { for (const w of workers) w.child.kill('SIGSTOP'); };
  const continueWorkers = () => { for (const w of workers) w.child.kill('SIGCONT'); };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
    const targets = { app: [webs, '/api/github/webhooks'], bare: [bares, '/'] };
    // Web path alone: the workers stopped, the app's jobs left queued.
    const alone = {};
    stopWorkers();
    for (const which of order) alone[which] = await measured(`${which} burst, workers stopped`, () => burst(...targets[which]));
    const t0 = performance.now();
    continueWorkers();
    await measured('drain of 200 queued jobs', () => drained());
    throughput.push(N / ((performance.now() - t0) / 1000));
    // The same background for both: 200 pushes queued just before, the workers draining them.
    const draining = {};
    for (const which of order) {
      await burst(webs, '/api/github/webhooks');
      draining[which] = await measured(`${which} burst, workers draining`, () => burst(...targets[which]));
      await drained();
    }
    rounds.push({
      alone: { app: p99(alone.app), bare: p99(alone.bare), ratio: p99(alone.app) / p99(alone.bare) },
      draining: { app: p99(draining.app), bare: p99(draining.bare), ratio: p99(draining.app) / p99(draining.bare) },
    });
  }
  const { rows: done } = await db.query('select count(*)::int as n from spec_automation.deliveries');
  const rss = (pid) => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    return `${kb('VmRSS').toFixed(0)} MB (peak ${kb('VmHWM').toFixed(0)} MB)`;
  };

  console.log(`${N} concurrent signed pushes, half to each of 2 web processes (Postgres queue), vs 2 bare node:http servers under the same load; ${ROUNDS} rounds, alternating order`);
  console.log('round  workers stopped: app p99  bare p99  ratio   workers draining: app p99  bare p99  ratio');
  const ms = (x) => `${x.toFixed(1).padStart(6)} ms`;
  for (const [i, r] of rounds.entries()) console.log(`${String(i + 1).padStart(5)}                 ${ms(r.alone.app)} ${ms(r.alone.bare)}  ${r.alone.ratio.toFixed(2)}x                    ${ms(r.draining.app)} ${ms(r.draining.bare)}  ${r.draining.ratio.toFixed(2)}x`);
  const aloneRatio = median(rounds.map((r) => r.alone.ratio));
  const drainingRatio = median(rounds.map((r) => r.draining.ratio));
  const met = aloneRatio <= 1.5 && drainingRatio <= 1.5;
  console.log(`acknowledgement p99, median ratio to bare node:http under the same load: ${aloneRatio.toFixed(2)}x web path alone (workers stopped), ${drainingRatio.toFixed(2)}x while 2 workers drain 200 jobs (target ≤ 1.5x) ${met ? 'MET' : 'NOT MET'}`);
  console.log(`jobs through 2 workers (concurrency 4 each), ${N} queued push jobs on ${N} repositories: ${throughput.map((t) => t.toFixed(0)).join(', ')} jobs/s (median ${median(throughput).toFixed(0)})`);
  console.log(`deliveries recorded: ${done[0].n} (warm-up included); GitHub stub requests: ${githubRequests}`);
  for (const c of [...webs, ...workers, ...bares]) console.log(`RSS ${c.name}: ${rss(c.child.pid)}`);
  console.log(`CPU per ${N} deliveries, median of the rounds (ms; client, web, worker, bare, postgres):`);
  for (const [phase, by] of Object.entries(cpuSpent)) console.log(`  ${phase.padEnd(28)} ${['client', 'web', 'worker', 'bare', 'postgres'].map((k) => `${k} ${median(by[k] ?? [0]).toFixed(0)}`).join(', ')}`);
  console.log(`machine: ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')} (shared with other work)`);
} finally {
  for (const c of children) {
    c.removeAllListeners('exit');
    c.kill('SIGTERM');
  }
  await new Promise((r) => setTimeout(r, 500));
  await db.end();
  await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
  await admin.end();
  github.close();
}
