/**
 * The README's "Register" steps end to end, as a newcomer follows them on a clean clone,
 * with GitHub played by a loopback double (GHE_HOST): `npm start` without APP_ID serves
 * the registration page (with `.env` copied from `.env.example`); GitHub sends the browser back to /probot/setup?code=…, Probot
 * trades the code for the app's credentials (POST /app-manifests/{code}/conversions) and
 * writes them to .env and sends the browser on to the installation page; `npm start`
 * again reads .env, checks the credentials (GET /app) and takes signed deliveries on `/`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLib, freePort, REPO, startApp, type AppProcess } from '../../support/app/process.js';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const requests: string[] = [];
let github: Server;
let githubHost: string;
let dir: string;
const running: AppProcess[] = [];

beforeAll(async () => {
  buildLib();
  github = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.method === 'POST' && req.url === '/api/v3/app-manifests/the-code/conversions') {
        // GitHub's answer (REST: "Create a GitHub App from a manifest"), the fields Probot reads.
        return json(201, { id: 4242, slug: 'spec-automation-test', name: 'spec-automation', html_url: `http://${githubHost}/apps/spec-automation-test`, client_id: 'Iv1.test', client_secret: 'client-secret', webhook_secret: 'the-webhook-secret', pem, owner: { login: 'ada' } });
      }
      if (req.method === 'GET' && req.url === '/api/v3/app') return json(200, { id: 4242, slug: 'spec-automation-test', name: 'spec-automation' });
      return json(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
  const address = github.address();
  githubHost = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // A clean clone's working directory, as far as `npm start` reads it, after `cp .env.example .env`.
  dir = mkdtempSync(join(tmpdir(), 'spec-register-'));
  for (const f of ['package.json', 'app.yml']) cpSync(join(REPO, f), join(dir, f));
  cpSync(join(REPO, '.env.example'), join(dir, '.env'));
}, 120_000);

afterAll(async () => {
  while (running.length > 0) await running.pop()!.stop();
  await new Promise((resolve) => github?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const base = () => ({ HOST: '127.0.0.1', GHE_HOST: githubHost, GHE_PROTOCOL: 'http', NO_SMEE_SETUP: 'true', SPEC_AUTOMATION_RECOVERY: 'off' });

describe('registering from the manifest, then running (README: Register)', () => {
  it('writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to .env and sends the browser to the installation page', async () => {
    const port = await freePort();
    const app = startApp([], { ...base(), PORT: String(port) }, dir);
    running.push(app);
    await app.waitFor(/Listening on/);
    const page = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/probot');
    expect((await fetch(`http://127.0.0.1:${port}/probot`)).status).toBe(200);

    const back = await fetch(`http://127.0.0.1:${port}/probot/setup?code=the-code`, { redirect: 'manual' });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe(`http://${githubHost}/apps/spec-automation-test/installations/new`);
    expect(requests).toContain('POST /api/v3/app-manifests/the-code/conversions');

    const written = readFileSync(join(dir, '.env'), 'utf8');
    // README (First run, steps 4 and 6): comments dropped, no final newline, so a line is edited, not appended.
    expect(written).not.toMatch(/^#/m);
    expect(written.endsWith('\n')).toBe(false);
    const env = parseEnv(written);
    expect(env.APP_ID).toBe('4242');
    expect(env.WEBHOOK_SECRET).toBe('the-webhook-secret');
    expect(env.PRIVATE_KEY?.trim()).toBe(pem.trim());
    // Merged into the .env copied from .env.example (its empty ANTHROPIC_API_KEY and its LOG_LEVEL kept);
    // the client id and secret are written too, and not read by the app (README says so).
    expect(Object.keys(env).sort()).toEqual(['ANTHROPIC_API_KEY', 'APP_ID', 'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'LOG_LEVEL', 'PRIVATE_KEY', 'WEBHOOK_SECRET']);
    expect(env.ANTHROPIC_API_KEY).toBe('');
    expect(env.LOG_LEVEL).toBe('info');
    await app.stop();
  });

  it('starts again from .env alone: checks the credentials with GitHub, then takes signed deliveries on /', async () => {
    requests.length = 0;
    const port = await freePort();
    const app = startApp([], { ...base(), PORT: String(port) }, dir);
    running.push(app);
    await app.waitFor(/Listening on/);
    expect(app.output()).not.toMatch(/registration page/);
    expect(requests).toEqual(['GET /api/v3/app']);
    // No model key in .env: a warning at start-up, not an error.
    expect(app.output()).toMatch(/^spec-automation: warning: The agent cannot run: .*ANTHROPIC_API_KEY is not set/m);

    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1, hook: { type: 'App', id: 1, events: ['push'] } });
    const deliver = async (secret: string) =>
      fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': `d-${secret}`, 'x-hub-signature-256': await sign(secret, body) },
        body,
      });
    expect((await deliver('the-webhook-secret')).status).toBe(200);
    expect((await deliver('development')).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
