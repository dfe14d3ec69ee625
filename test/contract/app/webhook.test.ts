/**
 * The real webhook path: Probot's `createNodeMiddleware` on a loopback HTTP server.
 * A delivery with a bad or missing signature is refused (400) and does nothing; a good
 * one is acknowledged before the work is done (the work runs from the queue).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { sign } from '@octokit/webhooks-methods';
import { pino } from 'pino';
import { createNodeMiddleware, Probot, ProbotOctokit } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app/create-app.js';
import { Redactor } from '../../../src/pipeline/redact.js';
import { specPipeline } from '../../../src/app/spec-pipeline.js';
import { startFakeRepo } from '../../support/github/fake-repo.js';
import { greetingRepo, pushPayload, SPEC_PATH, throwawayKey, WEBHOOK_SECRET } from './harness.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function start() {
  const repo = greetingRepo();
  const { fake, double } = await startFakeRepo({ files: repo.files });
  closers.push(() => double.close());
  const logs: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (c: Buffer, _e, done) => (logs.push(c.toString()), done()) }));
  const probot = new Probot({
    appId: 9001,
    privateKey: throwawayKey(),
    secret: WEBHOOK_SECRET,
    baseUrl: double.url,
    log,
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const app = createApp({ specs: specPipeline, recovery: 'off', redactor: new Redactor([]), model: () => new Proxy({}, { get: () => () => Promise.reject(new Error('no model in this test')) }) as never });
  const middleware = await createNodeMiddleware(app, { probot });
  const server: Server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  return { fake, double, app, url, logs, spec: repo.spec };
}

async function post(url: string, name: string, body: string, signature: string | undefined) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': name,
      'x-github-delivery': randomUUID(),
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe('webhook signatures, through the real middleware', () => {
  it('refuses a bad or missing signature with 400 and does nothing', async () => {
    const { fake, double, app, url, spec } = await start();
    const before = fake.head('main')!;
    const pushed = fake.commit('main', { [SPEC_PATH]: spec }, 'Add the spec');
    const body = JSON.stringify(pushPayload(fake, { before, after: pushed, added: [SPEC_PATH] }));
    const forged = await post(url, 'push', body, await sign('not-the-secret', body));
    expect(forged.status).toBe(400);
    const tampered = await post(url, 'push', body.replace('Add the spec', 'Add the spec!'), await sign(WEBHOOK_SECRET, body));
    expect(tampered.status).toBe(400);
    const unsigned = await post(url, 'push', body, undefined);
    expect(unsigned.status).toBe(400);
    await app.runtime.queue.idle();
    expect(app.runtime.queue.stats().completed).toBe(0);
    expect(double.log).toEqual([]);
  });

  it('acknowledges a signed delivery before the work is done, then does the work', async () => {
    const { fake, app, url, spec } = await start();
    const before = fake.head('main')!;
    const pushed = fake.commit('main', { [SPEC_PATH]: spec.replace('status: approved', 'status: draft') }, 'Add a draft spec');
    const body = JSON.stringify(pushPayload(fake, { before, after: pushed, added: [SPEC_PATH] }));
    const response = await post(url, 'push', body, await sign(WEBHOOK_SECRET, body));
    expect(response.status).toBe(200);
    // The handler only queued the work: nothing is on GitHub yet.
    expect(fake.github.state.checkRuns).toEqual([]);
    await app.runtime.queue.idle();
    expect(fake.github.state.checkRuns.map((r) => r.name)).toEqual(['spec-automation / validate']);
  });

  it('takes deliveries on / too, the webhook URL the manifest flow registers, with the same signature check', async () => {
    const { fake, app, url, spec } = await start();
    const root = url.replace(/\/api\/github\/webhooks$/, '/');
    const before = fake.head('main')!;
    const pushed = fake.commit('main', { [SPEC_PATH]: spec.replace('status: approved', 'status: draft') }, 'Add a draft spec');
    const body = JSON.stringify(pushPayload(fake, { before, after: pushed, added: [SPEC_PATH] }));
    expect((await post(root, 'push', body, await sign('not-the-secret', body))).status).toBe(400);
    expect((await post(root, 'push', body, await sign(WEBHOOK_SECRET, body))).status).toBe(200);
    await app.runtime.queue.idle();
    expect(fake.github.state.checkRuns.map((r) => r.name)).toEqual(['spec-automation / validate']);
    // Only POST / is a delivery; any other request on / is left alone.
    expect((await fetch(root)).status).toBe(404);
  });

  it('counts deliveries, jobs and GitHub answers on /metrics, and answers /healthz', async () => {
    const { fake, app, url, spec } = await start();
    const root = url.replace(/\/api\/github\/webhooks$/, '');
    const before = fake.head('main')!;
    const pushed = fake.commit('main', { [SPEC_PATH]: spec.replace('status: approved', 'status: draft') }, 'Add a draft spec');
    const body = JSON.stringify(pushPayload(fake, { before, after: pushed, added: [SPEC_PATH] }));
    const signature = await sign(WEBHOOK_SECRET, body);
    const id = randomUUID();
    const send = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': id, 'x-hub-signature-256': signature }, body });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200); // GitHub redelivers: the same id
    const tag = JSON.stringify({ ...JSON.parse(body), ref: 'refs/tags/v1' });
    expect((await post(url, 'push', tag, await sign(WEBHOOK_SECRET, tag))).status).toBe(200);
    await app.runtime.queue.idle();

    const metrics = await fetch(`${root}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toMatch(/^spec_automation_deliveries_total\{event="push",outcome="queued"\} 1$/m);
    expect(text).toMatch(/^spec_automation_deliveries_total\{event="push",outcome="duplicate"\} 1$/m);
    expect(text).toMatch(/^spec_automation_deliveries_total\{event="push",outcome="ignored"\} 1$/m);
    expect(text).toMatch(/^spec_automation_job_duration_seconds_count\{kind="push",outcome="ok"\} 1$/m);
    const answered = Number(/^spec_automation_github_requests_total\{status="2xx"\} (\d+)$/m.exec(text)?.[1]);
    expect(answered).toBeGreaterThan(0);
    expect(text).toMatch(/^spec_automation_queue_jobs\{state="waiting"\} 0$/m);
    expect(text).toMatch(/^# TYPE spec_automation_agent_cost_usd_total counter$/m);

    const health = await fetch(`${root}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', queue: { running: 0, waiting: 0 } });
  });
});
