// App benchmark (issue #6, item 11).
//
// 1. Webhook acknowledgement latency: the compiled app in a real Probot behind
//    createNodeMiddleware on loopback, 200 signed deliveries sent at once (pushes whose
//    job reads the configuration, comments that are not commands), latency measured by
//    the client per delivery; target p99 < 100 ms, app RSS < 200 MB. Baseline: the same
//    200 requests against a plain node:http server that answers 200 at once, in this
//    process. GitHub is an in-process stub behind Probot's `request.fetch`.
// 2. GitHub requests per loop step: push → validate → run (agent, one commit) →
//    failing gates → fix → passing gates → ready, on the hand-written agent session of
//    the end-to-end test, counted by route, beside the minimum each step needs.
import { createHash, createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';

const LIB = new URL('../lib/', import.meta.url);
if (!existsSync(new URL('app/create-app.js', LIB))) {
  console.error('lib/ is missing: run `npm run build:lib` (npm run bench does).');
  process.exit(2);
}
const { createApp } = await import(new URL('app/create-app.js', LIB).href);
const { Redactor } = await import(new URL('app/redact.js', LIB).href);
const { ReplayModel } = await import(new URL('adapters/anthropic/replay-model.js', LIB).href);
const { renderCheckRun } = await import(new URL('reporting/check-run.js', LIB).href);
const { createNodeMiddleware, Probot, ProbotOctokit } = await import('probot');
const { pino } = await import('pino');

const FIXTURES = new URL('../test/fixtures/app/', import.meta.url).pathname;
const SECRET = 'bench-webhook-secret';
const OWNER = 'octo-org';
const REPO = 'tasklet';

// ---------------------------------------------------------------------------------
// A GitHub stub with just enough state for the loop: flat trees, commits, refs, one
// pull request's comments and labels, check runs. Answers through `fetch`.
// ---------------------------------------------------------------------------------
function stubGitHub(files) {
  const blobs = new Map();
  const trees = new Map();
  const commits = new Map();
  const refs = new Map();
  const comments = [];
  const checkRuns = [];
  const pulls = [];
  const labels = new Map();
  const counts = new Map();
  let id = 1000;
  const hash = (text) => createHash('sha1').update(text).digest('hex');
  const writeBlob = (text) => {
    const sha = hash(`blob ${text}`);
    blobs.set(sha, text);
    return sha;
  };
  const writeTree = (flat) => {
    const sha = hash(`tree ${JSON.stringify([...flat.entries()].sort())}`);
    trees.set(sha, new Map(flat));
    return sha;
  };
  const writeCommit = (tree, parents, message) => {
    const sha = hash(`commit ${tree} ${parents.join(' ')} ${message} ${++id}`);
    commits.set(sha, { sha, tree, parents, message });
    return sha;
  };
  const flat = new Map(Object.entries(files).map(([p, t]) => [p, writeBlob(t)]));
  refs.set('heads/main', writeCommit(writeTree(flat), [], 'initial'));

  const json = (status, body, headers = {}) => new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  const pullJson = (p) => ({ number: p.number, node_id: `PR_${p.number}`, state: 'open', draft: p.draft, head: { ref: p.head, sha: refs.get(`heads/${p.head}`), repo: { full_name: `${OWNER}/${REPO}` } }, base: { ref: p.base }, labels: (labels.get(p.number) ?? []).map((name) => ({ name })), body: p.body, html_url: `https://github.com/${OWNER}/${REPO}/pull/${p.number}` });
  const routes = [
    ['GET', /^\/app$/, () => json(200, { id: 1, slug: 'spec-automation' })],
    ['POST', /^\/app\/installations\/\d+\/access_tokens$/, () => json(201, { token: 'ghs_bench', expires_at: new Date(Date.now() + 3600e3).toISOString() })],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/, (m) => {
      const sha = blobs.has(trees.get(commits.get(refs.get('heads/main')).tree).get(decodeURIComponent(m[1]))) ? trees.get(commits.get(refs.get('heads/main')).tree).get(decodeURIComponent(m[1])) : undefined;
      return sha ? json(200, { type: 'file', encoding: 'base64', size: blobs.get(sha).length, content: Buffer.from(blobs.get(sha)).toString('base64'), sha }) : json(404, { message: 'Not Found' });
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/git\/ref\/(.+)$/, (m) => {
      const sha = refs.get(decodeURIComponent(m[1]));
      return sha ? json(200, { object: { sha } }) : json(404, { message: 'Not Found' });
    }],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/git\/refs$/, (m, b) => (refs.set(b.ref.replace(/^refs\//, ''), b.sha), json(201, { object: { sha: b.sha } }))],
    ['PATCH', /^\/repos\/[^/]+\/[^/]+\/git\/refs\/(.+)$/, (m, b) => (refs.set(decodeURIComponent(m[1]), b.sha), json(200, { object: { sha: b.sha } }))],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/git\/commits\/(\w+)$/, (m) => {
      const c = commits.get(m[1]);
      return json(200, { sha: c.sha, tree: { sha: c.tree }, parents: c.parents.map((sha) => ({ sha })), message: c.message });
    }],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/git\/commits$/, (m, b) => json(201, { sha: writeCommit(b.tree, b.parents, b.message) })],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/git\/trees\/(\w+)$/, (m) => json(200, { sha: m[1], truncated: false, tree: [...trees.get(m[1]).entries()].map(([path, sha]) => ({ path, mode: '100644', type: 'blob', sha, size: blobs.get(sha).length })) })],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/git\/trees$/, (m, b) => {
      const next = new Map(trees.get(b.base_tree));
      for (const e of b.tree) if (e.sha === null) next.delete(e.path); else next.set(e.path, writeBlob(e.content));
      return json(201, { sha: writeTree(next) });
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/git\/blobs\/(\w+)$/, (m) => json(200, { sha: m[1], content: Buffer.from(blobs.get(m[1])).toString('base64'), encoding: 'base64' })],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/compare\/(.+)$/, (m) => {
      const [, head] = decodeURIComponent(m[1]).split('...');
      const headSha = refs.get(`heads/${head}`) ?? head;
      const c = commits.get(headSha);
      const before = trees.get(commits.get(c.parents[0]).tree);
      const files = [...trees.get(c.tree).keys()].filter((p) => before.get(p) !== trees.get(c.tree).get(p)).map((filename) => ({ filename, status: 'modified' }));
      return json(200, { commits: [], files });
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/commits\/(\w+)\/check-runs$/, (m) => {
      const runs = checkRuns.filter((r) => r.head_sha === m[1]);
      return json(200, { total_count: runs.length, check_runs: runs });
    }],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/check-runs$/, (m, b) => {
      const run = { id: ++id, name: b.name, head_sha: b.head_sha, status: b.status, conclusion: b.conclusion ?? null, output: { ...b.output, annotations_count: 0 }, app: { slug: 'spec-automation' } };
      checkRuns.push(run);
      return json(201, run);
    }],
    ['PATCH', /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/, (m) => json(200, { id: Number(m[1]) })],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/pulls$/, (m, b, q) => json(200, pulls.filter((p) => `${OWNER}:${p.head}` === q.get('head')).map(pullJson))],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/pulls$/, (m, b) => {
      const p = { number: pulls.length + 1, head: b.head, base: b.base, body: b.body, draft: b.draft };
      pulls.push(p);
      return json(201, pullJson(p));
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/, (m) => json(200, comments.filter((c) => c.issue === Number(m[1])))],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/, (m, b) => {
      const c = { id: ++id, issue: Number(m[1]), body: b.body, user: { login: 'spec-automation[bot]' } };
      comments.push(c);
      return json(201, c);
    }],
    ['GET', /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/, (m) => json(200, comments.find((x) => x.id === Number(m[1])))],
    ['PATCH', /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/, (m, b) => {
      const c = comments.find((x) => x.id === Number(m[1]));
      c.body = b.body;
      return json(200, c);
    }],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/labels$/, () => json(201, {})],
    ['POST', /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels$/, (m, b) => (labels.set(Number(m[1]), [...new Set([...(labels.get(Number(m[1])) ?? []), ...b.labels])]), json(200, []))],
    ['DELETE', /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels\/(.+)$/, (m) => (labels.set(Number(m[1]), (labels.get(Number(m[1])) ?? []).filter((l) => l !== decodeURIComponent(m[2]))), json(200, []))],
    ['POST', /^\/graphql$/, () => json(200, { data: { markPullRequestReadyForReview: { pullRequest: { isDraft: false } } } })],
  ];
  const fetch = async (input, init = {}) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    const method = (init.method ?? 'GET').toUpperCase();
    const body = init.body ? JSON.parse(init.body) : undefined;
    for (const [m, re, handler] of routes) {
      const match = method === m ? re.exec(url.pathname) : null;
      if (!match) continue;
      const key = `${method} ${re.source.replace(/\\\//g, '/').replace(/^\^\/repos\/\[\^\/\]\+\/\[\^\/\]\+/, '').replace(/\^|\$/g, '').replace(/\(\\d\+\)|\(\\w\+\)|\(\.\+\)|\\d\+/g, '{}')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return handler(match, body, url.searchParams);
    }
    counts.set(`${method} ${url.pathname} (unhandled)`, (counts.get(`${method} ${url.pathname} (unhandled)`) ?? 0) + 1);
    return json(404, { message: 'Not Found' });
  };
  return { fetch, counts, refs, commits, checkRuns, comments, pulls, commit: (branch, add, message) => {
    const parent = refs.get(`heads/${branch}`);
    const next = new Map(trees.get(commits.get(parent).tree));
    for (const [p, t] of Object.entries(add)) next.set(p, writeBlob(t));
    const sha = writeCommit(writeTree(next), [parent], message);
    refs.set(`heads/${branch}`, sha);
    return sha;
  } };
}

function fixtureFiles(dir) {
  const root = join(FIXTURES, dir);
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const silent = pino({ level: 'silent' }, new Writable({ write: (_c, _e, done) => done() }));

async function startApp(github, model) {
  let clock = Date.parse('2026-07-01T12:00:00Z');
  const Octokit = ProbotOctokit.defaults((o) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
  const probot = new Probot({ appId: 1, privateKey, secret: SECRET, baseUrl: 'https://api.github.test', log: silent, Octokit, request: { fetch: github.fetch } });
  const app = createApp({ model: () => model, now: () => (clock += 1000), recovery: 'off', concurrency: 4, redactor: new Redactor([]), sleep: async () => undefined });
  return { probot, app };
}

function pushPayload(before, after, added, treeId) {
  return {
    ref: 'refs/heads/main',
    before,
    after,
    deleted: false,
    commits: [{ id: after, added, modified: [], removed: [] }],
    head_commit: { id: after, ...(treeId ? { tree_id: treeId } : {}) },
    repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: 'main', fork: false, html_url: `https://github.com/${OWNER}/${REPO}` },
    sender: { login: 'ada', type: 'User' },
    installation: { id: 7 },
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ---------------------------------------------------------------------------------
// 1. Acknowledgement latency under 200 concurrent signed deliveries.
// ---------------------------------------------------------------------------------
// The load comes from a separate process, so the client's own work does not sit on the
// server's event loop: the latency is the server's, as GitHub would see it on loopback.
const CLIENT = `
const http = require('node:http');
process.on('message', ({ url, requests }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const target = new URL(url);
  Promise.all(requests.map((r) => new Promise((resolve) => {
    const t = performance.now();
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: r.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - t, status: res.statusCode }));
    });
    req.on('error', () => resolve({ ms: performance.now() - t, status: 0 }));
    req.end(r.body);
  }))).then((results) => { process.send(results); agent.destroy(); });
});
`;

function signed(bodies) {
  return bodies.map(({ name, body }) => ({
    body,
    headers: { 'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': randomUUID(), 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
  }));
}

async function fire(url, bodies) {
  const child = spawn(process.execPath, ['-e', CLIENT], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const results = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
    child.send({ url, requests: signed(bodies) });
  });
  child.kill();
  return results;
}

async function listen(handler) {
  const server = createServer(handler);
  server.keepAliveTimeout = 5000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/api/github/webhooks` };
}

const N = 200;
const files = fixtureFiles('repo');
const github1 = stubGitHub(files);
const { probot, app } = await startApp(github1, undefined);
const middleware = await createNodeMiddleware(app, { probot });
const serverSide = [];
const target = await listen((req, res) => {
  const t = performance.now();
  res.on('finish', () => serverSide.push(performance.now() - t));
  return middleware(req, res, () => res.writeHead(404).end());
});
const baseline = await listen((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
});
const main = github1.refs.get('heads/main');
const bodies = Array.from({ length: N }, (_, i) => {
  if (i % 2 === 0) {
    const sha = createHash('sha1').update(`c${i}`).digest('hex');
    return { name: 'push', body: JSON.stringify(pushPayload(main, sha, [`src/file_${i}.py`])) };
  }
  return {
    name: 'issue_comment',
    body: JSON.stringify({
      action: 'created',
      issue: { number: 1, pull_request: {} },
      comment: { id: 10_000 + i, body: `Looks good ${i}, thanks!`, user: { login: 'ada', type: 'User' } },
      repository: pushPayload(main, main, []).repository,
      sender: { login: 'ada', type: 'User' },
      installation: { id: 7 },
    }),
  };
});
// Warm up both servers (JIT, connection setup), then measure.
await fire(target.url, bodies.slice(0, 10));
await fire(baseline.url, bodies.slice(0, 10));
await app.runtime.queue.idle();
global.gc?.();
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const baseResults = await fire(baseline.url, bodies);
serverSide.length = 0;
const appResults = await fire(target.url, bodies);
await app.runtime.queue.idle();
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const ok = appResults.filter((r) => r.status === 200).length;
const a = appResults.map((r) => r.ms).sort((x, y) => x - y);
const b = baseResults.map((r) => r.ms).sort((x, y) => x - y);
console.log(`Webhook acknowledgement, ${N} signed deliveries at once on loopback (${ok} answered 200; half pushes, half comments):`);
console.log('              p50       p99       max');
console.log(`  app     ${percentile(a, 50).toFixed(1).padStart(6)} ms ${percentile(a, 99).toFixed(1).padStart(6)} ms ${a.at(-1).toFixed(1).padStart(6)} ms   (target p99 < 100 ms)`);
console.log(`  baseline ${percentile(b, 50).toFixed(1).padStart(6)} ms ${percentile(b, 99).toFixed(1).padStart(6)} ms ${b.at(-1).toFixed(1).padStart(6)} ms   (plain node:http 200)`);
const srv = [...serverSide].sort((x, y) => x - y);
console.log(`  app, time inside the server: p50 ${percentile(srv, 50).toFixed(1)} ms, p99 ${percentile(srv, 99).toFixed(1)} ms`);
console.log(`  ratio p99 app / baseline: ${(percentile(a, 99) / percentile(b, 99)).toFixed(1)}×`);
console.log(`  RSS: ${(rssBefore / 1048576).toFixed(0)} MB before, peak ${(peakRss / 1048576).toFixed(0)} MB (target < 200 MB); jobs run: ${app.runtime.queue.stats().completed}`);
target.server.close();
baseline.server.close();

// ---------------------------------------------------------------------------------
// 2. GitHub requests per loop step.
// ---------------------------------------------------------------------------------
const github = stubGitHub(files);
const model = await ReplayModel.fromFile(join(FIXTURES, 'greeting-loop.jsonl'));
const loop = await startApp(github, model);
await loop.probot.load(loop.app);
const spec = files['docs/greeting.md'];
delete files['docs/greeting.md'];
const before = github.refs.get('heads/main');
const pushed = github.commit('main', { 'docs/greeting.md': spec }, 'Add the greeting spec');

function gate(name, status, diagnostics = [], tests) {
  return { gate: name, tool: name, status, exitCode: status === 'passed' ? 0 : 1, durationMs: 1000, fromCache: false, command: [name], diagnostics, ...(tests ? { tests } : {}) };
}
function gatesRan(results) {
  const sha = github.refs.get('heads/spec/fs-greet');
  for (const g of results) {
    const plan = renderCheckRun(g, { sha });
    github.checkRuns.push({ id: Math.floor(Math.random() * 1e9), name: plan.name, head_sha: sha, status: 'completed', conclusion: plan.conclusion, output: { title: plan.output.title, summary: plan.output.summary, annotations_count: 0 }, app: { slug: 'github-actions' } });
  }
  return { action: 'completed', workflow_run: { name: 'spec-automation', head_branch: 'spec/fs-greet', head_sha: sha, conclusion: results.every((g) => g.status === 'passed') ? 'success' : 'failure', head_repository: { full_name: `${OWNER}/${REPO}` }, pull_requests: [] }, repository: pushPayload(main, main, []).repository, installation: { id: 7 } };
}
async function step(name, event, payload) {
  github.counts.clear();
  await loop.probot.receive({ id: randomUUID(), name: event, payload });
  await loop.app.runtime.queue.idle();
  const total = [...github.counts.values()].reduce((x, y) => x + y, 0);
  return { name, total, routes: [...github.counts.entries()] };
}
const failing = gate('pytest', 'failed', [{ source: 'pytest', path: 'tests/test_greet.py', range: { start: { line: 8 } }, severity: 'error', rule: 'test.failed', message: 'assert greet("Ada") == "Hello, Ada!"', fingerprint: 'f1' }], { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 1, cases: [] });
const steps = [
  await step('push → validate → start → agent → commit → qa', 'push', pushPayload(before, pushed, ['docs/greeting.md'], github.commits.get(pushed).tree)),
  await step('failing gates → fix iteration → commit → qa', 'workflow_run', gatesRan([gate('ruff', 'passed'), failing])),
  await step('passing gates → ready, traceability, ready for review', 'workflow_run', gatesRan([gate('ruff', 'passed'), gate('pytest', 'passed')])),
];
// What each step cannot do without, counted from what it must read and write. First-time
// costs (the app's identity, the installation token, creating a `spec:<phase>` label the
// first time this process uses it in a repository) are shown apart.
const MINIMUM = [
  {
    n: 19,
    why: 'config, tree, spec blob, validate check, find PR, start commit, branch, PR, state comment, label, run check; agent: branch head, state check before committing; commit: tree, commit, ref; save: comment, label add + remove, run check',
  },
  { n: 18, why: 'config, find PR, state comment, gate results; save fixing (comment, label add + remove, run check); agent: branch head, changed files, state check; commit: 3; save qa: 4' },
  { n: 9, why: 'config, find PR, state comment, gate results; save ready (comment, label add + remove, run check); GraphQL ready for review' },
];
const FIRST_TIME = new Set(['GET /app', 'POST /app/installations/{}/access_tokens', 'POST /labels']);
console.log('\nGitHub requests per loop step (greeting spec, hand-written agent session):');
steps.forEach((s, i) => {
  const firstTime = s.routes.filter(([k]) => FIRST_TIME.has(k)).reduce((x, [, v]) => x + v, 0);
  const steady = s.total - firstTime;
  console.log(`  ${s.name}: ${s.total} requests = ${steady} + ${firstTime} first-time; minimum ${MINIMUM[i].n} (ratio ${(steady / MINIMUM[i].n).toFixed(2)})`);
  console.log(`    minimum: ${MINIMUM[i].why}`);
  console.log(`    sent: ${s.routes.map(([k, v]) => `${v}× ${k}`).join(', ')}`);
});
const unhandled = steps.flatMap((s) => s.routes).filter(([k]) => k.includes('unhandled'));
if (unhandled.length > 0) {
  console.error(`The stub did not answer: ${unhandled.map(([k]) => k).join(', ')}`);
  process.exit(1);
}
const state = github.comments.find((c) => c.body.includes('spec-automation:state'));
console.log(`  final phase: ${/"phase":"(\w[\w-]*)"/.exec(state?.body ?? '')?.[1] ?? 'unknown'}`);
