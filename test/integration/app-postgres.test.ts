/**
 * The app scaled out on a real Postgres: two web processes (`node lib/app/web.js`) and two
 * workers (`node lib/app/worker.js`), real child processes on one database, against the
 * stateful GitHub double in this process. Each worker reaches GitHub through its own
 * loopback proxy (GHE_HOST), so the request log says which process made each request.
 *
 * The orders are `/spec status` comments from people without write permission: each job
 * is one permission read, one 👎 reaction and one reply, which the double counts. Needs
 * DATABASE_URL (.ci/run starts a server and sets it); each run gets a database of its own.
 */
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startFakeRepo, type FakeRepo } from '../support/github/fake-repo.js';
import type { DoubleResponse, GitHubDouble } from '../support/github/double.js';
import { freePort, REPO } from '../support/app/process.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres/scratch-database.js';
import { commentPayload, greetingRepo, throwawayKey, WEBHOOK_SECRET } from '../contract/app/harness.js';

const DATABASE_URL = process.env.DATABASE_URL;
const PR = 7;
const PERMISSION = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission';
const REPLY = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const REACTION = 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions';

interface Child {
  name: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  port: number;
}

function spawnEntry(name: string, entry: 'web' | 'worker', env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [join(REPO, 'lib', 'app', `${entry}.js`)], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = entry === 'web' ? /Listening on/ : /worker working jobs/;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (ready.test(text)) resolve({ name, child, output: () => text, exited, port: Number(env.PORT) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${text}`)));
  });
}

/** A loopback proxy in front of the double that strips GHE's `/api/v3` and tags each request with its process. */
async function proxy(double: GitHubDouble, tag: string, seen: { tag: string; path: string }[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').replace(/^\/api\/v3/, '');
      seen.push({ tag, path });
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length').map(([k, v]) => [k, String(v)]));
      fetch(`${double.url}${path}`, { method: req.method, headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) })
        .then(async (answer) => {
          const body = Buffer.from(await answer.arrayBuffer());
          const out: Record<string, string> = {};
          answer.headers.forEach((v, k) => {
            if (k !== 'content-encoding' && k !== 'content-length' && k !== 'transfer-encoding') out[k] = v;
          });
          res.writeHead(answer.status, out).end(body);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function deliver(port: number, name: string, payload: unknown, id = randomUUID()): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': id, 'x-hub-signature-256': await sign(WEBHOOK_SECRET, body) },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!DATABASE_URL)('the app on Postgres, two web processes and two workers (skipped only without DATABASE_URL, which .ci/run sets)', () => {
  let fake: FakeRepo;
  let double: GitHubDouble;
  let database: ScratchDatabase | undefined;
  let databaseUrl: string;
  const servers: Server[] = [];
  const seen: { tag: string; path: string }[] = [];
  const web: Child[] = [];
  const workers: Child[] = [];
  /** Per user: when the permission read started and when the reply was written (double's clock). */
  const spans = new Map<string, { start: number; end?: number }>();
  const replies = new Map<string, number>();
  let hang: { user: string; arrived: () => void; release?: () => void } | undefined;

  const commentBy = (user: string) => commentPayload(fake, PR, '/spec status', { login: user });
  const logs = () => [...web, ...workers].map((c) => `--- ${c.name}\n${c.output().slice(-4000)}`).join('\n');

  beforeAll(async () => {
    database = await createScratchDatabase(DATABASE_URL!, 'sa_it');
    databaseUrl = database.url;

    ({ fake, double } = await startFakeRepo({ files: greetingRepo().files }));
    const original = { permission: fake.handlers[PERMISSION]!, reply: fake.handlers[REPLY]!, reaction: fake.handlers[REACTION]! };
    double.on(PERMISSION, async (req) => {
      const user = req.params.username!;
      if (hang?.user === user && !hang.release) {
        // The first read of this user's permission never answers: the worker is killed meanwhile.
        await new Promise<void>((resolve) => {
          hang!.release = resolve;
          hang!.arrived();
        });
        return { status: 502, body: { message: 'gone' } } satisfies DoubleResponse;
      }
      if (!spans.has(user)) spans.set(user, { start: performance.now() });
      // Slow enough that two jobs of one queue would visibly overlap.
      await new Promise((r) => setTimeout(r, 40));
      return original.permission(req);
    });
    double.on(REPLY, async (req) => {
      const answer = await original.reply(req);
      const text = (req.body as { body?: string }).body ?? '';
      const user = /Further requests from @([\w-]+)/.exec(text)?.[1];
      if (user) {
        replies.set(user, (replies.get(user) ?? 0) + 1);
        const span = spans.get(user);
        if (span) span.end = performance.now();
      }
      return answer;
    });

    const key = throwawayKey();
    const base = {
      APP_ID: '9001',
      PRIVATE_KEY: key,
      WEBHOOK_SECRET,
      APP_SLUG: 'spec-automation',
      GHE_PROTOCOL: 'http',
      DATABASE_URL: databaseUrl,
      SPEC_AUTOMATION_STARTUP_PROBE: 'off',
      SPEC_AUTOMATION_RECOVERY: 'off',
      SPEC_AUTOMATION_WORKER_LEASE_SECONDS: '2',
      SPEC_AUTOMATION_CONCURRENCY: '4',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    };
    const ghe = async (tag: string) => {
      const server = await proxy(double, tag, seen);
      servers.push(server);
      return `127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    // The web processes migrate the schema first (two at once: the migration lock serializes them).
    const webEnv = async (tag: string) => ({ ...base, GHE_HOST: await ghe(tag), PORT: String(await freePort()) });
    web.push(...(await Promise.all([spawnEntry('web-1', 'web', await webEnv('web-1')), spawnEntry('web-2', 'web', await webEnv('web-2'))])));
    workers.push(...(await Promise.all([spawnEntry('worker-1', 'worker', await webEnv('worker-1')), spawnEntry('worker-2', 'worker', await webEnv('worker-2'))])));
  }, 120_000);

  afterAll(async () => {
    for (const c of [...web, ...workers]) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGTERM');
    await Promise.all([...web, ...workers].map((c) => c.exited));
    hang?.release?.();
    for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
    await double?.close();
    await database?.drop();
  }, 60_000);

  it('answers /healthz with the database checked, on web and worker processes', async () => {
    for (const c of [web[0]!, workers[0]!]) {
      const health = (await (await fetch(`http://127.0.0.1:${c.port}/healthz`)).json()) as { status: string; database?: string; queue: { backend: string } };
      expect(health).toMatchObject({ status: 'ok', database: 'ok', queue: { backend: 'postgres' } });
    }
  });

  it('runs a delivery sent to both web processes once', async () => {
    onTestFailed(() => console.log(logs()));
    const payload = commentBy('twice');
    const id = randomUUID();
    expect(await Promise.all([deliver(web[0]!.port, 'issue_comment', payload, id), deliver(web[1]!.port, 'issue_comment', payload, id)])).toEqual([200, 200]);
    await until('the reply to @twice', () => replies.get('twice') === 1);
    // Redelivered after it ran (GitHub's "Redeliver"): still once.
    expect(await deliver(web[1]!.port, 'issue_comment', payload, id)).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(replies.get('twice')).toBe(1);
    expect(fake.state.reactions.filter((r) => r.commentId === (payload.comment as { id: number }).id)).toHaveLength(1);
    const metrics = await (await fetch(`http://127.0.0.1:${web[1]!.port}/metrics`)).text();
    expect(metrics).toMatch(/^spec_automation_deliveries_total\{event="issue_comment",outcome="duplicate"\} [1-9]/m);
  });

  it('answers as Probot\'s webhook middleware did: 401 for a bad signature, 400 without the GitHub headers, 415 without JSON, 413 past 25 MB, 200 on "/" too', async () => {
    const port = web[0]!.port;
    const body = JSON.stringify(commentBy('nobody'));
    const post = async (path: string, headers: Record<string, string>) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers, body });
      return { status: response.status, text: await response.text() };
    };
    const signed = { 'content-type': 'application/json', 'x-github-event': 'issue_comment', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': await sign(WEBHOOK_SECRET, body) };
    expect(await post('/api/github/webhooks', { ...signed, 'x-hub-signature-256': await sign('another secret', body) })).toEqual({ status: 401, text: expect.stringContaining('signature does not match') });
    const { 'x-github-delivery': _id, ...withoutId } = signed;
    expect(await post('/api/github/webhooks', withoutId)).toEqual({ status: 400, text: expect.stringContaining('x-github-delivery') });
    expect((await post('/api/github/webhooks', { ...signed, 'content-type': 'text/plain' })).status).toBe(415);
    // Past GitHub's 25 MB: 413, and the process goes on answering.
    const huge = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: 'POST', headers: signed, body: 'x'.repeat(26 * 1024 * 1024) });
    expect({ status: huge.status, text: await huge.text() }).toEqual({ status: 413, text: expect.stringContaining('larger than 25 MB') });
    expect((await fetch(`http://127.0.0.1:${port}/api/github/webhooks`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/ping`)).status).toBe(200);
    // Signed right, on "/" (the manifest flow's webhook URL): answered 200 once queued.
    expect(await post('/', signed)).toEqual({ status: 200, text: 'ok\n' });
    await until('the reply to @nobody', () => replies.get('nobody') === 1);
  });

  it('runs 20 events on one pull request, sent to both web processes, one at a time and in order', async () => {
    onTestFailed(() => console.log(logs()));
    const users = Array.from({ length: 20 }, (_, i) => `u${String(i).padStart(2, '0')}`);
    for (const [i, user] of users.entries()) expect(await deliver(web[i % 2]!.port, 'issue_comment', commentBy(user))).toBe(200);
    await until('20 replies', () => users.every((u) => replies.get(u) === 1), 60_000);
    const ordered = users.map((u) => ({ user: u, ...spans.get(u)! }));
    // In the order acknowledged, and each job done before the next one's first request.
    expect([...ordered].sort((a, b) => a.start - b.start).map((s) => s.user)).toEqual(users);
    for (let i = 1; i < ordered.length; i++) expect(ordered[i]!.start).toBeGreaterThan(ordered[i - 1]!.end!);
    // Worked by the workers only: the web processes made no GitHub request.
    const byTag = (tag: string) => seen.filter((s) => s.tag === tag && s.path.includes('/collaborators/u')).length;
    expect(byTag('web-1') + byTag('web-2')).toBe(0);
    expect(byTag('worker-1') + byTag('worker-2')).toBe(20);
    console.log(`20 ordered jobs: worker-1 ran ${byTag('worker-1')}, worker-2 ran ${byTag('worker-2')}`);
  }, 90_000);

  it('finishes a job on the other worker when its worker is killed (kill -9) mid-job', async () => {
    onTestFailed(() => console.log(logs()));
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    hang = { user: 'doomed', arrived };
    const payload = commentBy('doomed');
    expect(await deliver(web[0]!.port, 'issue_comment', payload)).toBe(200);
    await reached;
    // Which worker holds it: the proxy it came through.
    const holder = seen.filter((s) => s.path.includes('/collaborators/doomed/')).at(-1)!.tag;
    const victim = workers.find((w) => w.name === holder)!;
    const survivor = workers.find((w) => w.name !== holder)!;
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe(null);
    hang.release!();
    // An event behind it on the same pull request waits for it, then runs too.
    expect(await deliver(web[1]!.port, 'issue_comment', commentBy('after'))).toBe(200);
    await until('the reply to @doomed from the surviving worker', () => replies.get('doomed') === 1 && replies.get('after') === 1, 45_000);
    const retried = seen.filter((s) => s.path.includes('/collaborators/doomed/'));
    expect(retried.map((s) => s.tag)).toEqual([victim.name, survivor.name]);
    expect(spans.get('after')!.start).toBeGreaterThan(spans.get('doomed')!.end!);
    // Nothing lost, nothing twice: one reply and one reaction per comment, for every order of this file.
    const everyone = ['twice', 'nobody', ...Array.from({ length: 20 }, (_, i) => `u${String(i).padStart(2, '0')}`), 'doomed', 'after'];
    expect(Object.fromEntries(everyone.map((u) => [u, replies.get(u)]))).toEqual(Object.fromEntries(everyone.map((u) => [u, 1])));
    expect(fake.state.reactions).toHaveLength(everyone.length);
    expect(survivor.output()).toMatch(/Released the jobs of worker processes that stopped/);
  }, 90_000);
});
