/**
 * Registration from the manifest, as a newcomer does it: `npm start` without APP_ID
 * serves Probot's own setup page; the page is parsed as a browser parses it (parse5,
 * the WHATWG HTML parser) and the form's `manifest` value must be the JSON GitHub gets
 * when "Register GitHub App" is pressed. Probot writes that JSON unescaped into a
 * single-quoted attribute, so one apostrophe in app.yml cuts it: the second case shows
 * this test catches exactly that.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHtml } from 'parse5';
import { createServer, type Server } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildLib, freePort, REPO, startApp, type AppProcess } from '../../support/app/process.js';
import { throwawayKey } from './harness.js';

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
}

function find(node: HtmlNode, test: (n: HtmlNode) => boolean): HtmlNode | undefined {
  if (test(node)) return node;
  for (const child of node.childNodes ?? []) {
    const hit = find(child, test);
    if (hit) return hit;
  }
  return undefined;
}

const attr = (node: HtmlNode | undefined, name: string) => node?.attrs?.find((a) => a.name === name)?.value;

const running: AppProcess[] = [];
const dirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()!.stop();
  while (servers.length > 0) await new Promise((resolve) => servers.pop()!.close(resolve));
  while (dirs.length > 0) rmSync(dirs.pop()!, { recursive: true, force: true });
});

// tsc takes a minute or more on a busy 2-core machine.
beforeAll(() => buildLib(), 300_000);

/** A working directory as a clone has it (app.yml and package.json), with `appYml` instead of ours. */
function workdir(appYml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'spec-setup-'));
  dirs.push(dir);
  cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
  writeFileSync(join(dir, 'app.yml'), appYml);
  return dir;
}

async function setupPage(appYml: string, env: Record<string, string> = {}): Promise<{ form: HtmlNode | undefined; manifestValue: string | undefined; port: number }> {
  const port = await freePort();
  const app = startApp([], { PORT: String(port), HOST: '127.0.0.1', NO_SMEE_SETUP: 'true', ...env }, workdir(appYml));
  running.push(app);
  await app.waitFor(/Listening on/);
  const response = await fetch(`http://127.0.0.1:${port}/probot`);
  expect(response.status).toBe(200);
  const document = parseHtml(await response.text()) as unknown as HtmlNode;
  const form = find(document, (n) => n.nodeName === 'form');
  const button = find(document, (n) => n.nodeName === 'button' && attr(n, 'name') === 'manifest');
  expect(app.output()).toMatch(/serving Probot's registration page/);
  return { form, manifestValue: attr(button, 'value'), port };
}

const appYml = readFileSync(join(REPO, 'app.yml'), 'utf8');

describe('the registration page (npm start without APP_ID)', () => {
  it('posts app.yml to GitHub as valid JSON, with the webhook proxy as the webhook URL', async () => {
    const proxy = 'https://smee.io/spec-automation-test-channel';
    const { form, manifestValue, port } = await setupPage(appYml, { WEBHOOK_PROXY_URL: proxy });
    expect(attr(form, 'action')).toBe('https://github.com/settings/apps/new');
    expect(manifestValue).toBeDefined();
    const manifest = JSON.parse(manifestValue!) as Record<string, unknown>;
    const expected = parseYaml(appYml) as Record<string, unknown>;
    for (const key of ['name', 'description', 'url', 'public', 'default_events', 'default_permissions']) expect(manifest[key], key).toEqual(expected[key]);
    expect(manifest.hook_attributes).toEqual({ url: proxy });
    expect(manifest.redirect_url).toBe(`http://127.0.0.1:${port}/probot/setup`);
  });

  it('without a proxy, registers <host>/ as the webhook URL (the app takes deliveries there)', async () => {
    const { manifestValue, port } = await setupPage(appYml);
    expect((JSON.parse(manifestValue!) as { hook_attributes: unknown }).hook_attributes).toEqual({ url: `http://127.0.0.1:${port}/` });
  });

  it('is cut by an apostrophe in app.yml (why app.yml has none)', async () => {
    const broken = appYml.replace(/^description: .*$/m, "description: Passes the repository's quality gates.");
    expect(broken).not.toBe(appYml);
    const { manifestValue } = await setupPage(broken);
    expect(() => JSON.parse(manifestValue!)).toThrow(SyntaxError);
  });
});

/** A loopback stand-in for GitHub's `GET /api/v3/app` that answers `status`. */
async function fakeGitHub(status: number, body: unknown): Promise<{ host: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${String(req.headers.authorization).split(' ')[0]}`);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { host: `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, requests };
}

describe('start-up before listening (npm start)', () => {
  const base = { APP_ID: '123456', HOST: '127.0.0.1', GHE_PROTOCOL: 'http', ANTHROPIC_API_KEY: 'sk-ant-test', SPEC_AUTOMATION_RECOVERY: 'off' };

  it('refuses production without WEBHOOK_SECRET, in one line with the fix, and never listens', async () => {
    const app = startApp([], { ...base, PORT: String(await freePort()), NODE_ENV: 'production', PRIVATE_KEY: throwawayKey(), GHE_HOST: '127.0.0.1:9' }, workdir(appYml));
    running.push(app);
    expect(await app.exited).toBe(1);
    const lines = app.output().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^spec-automation: error: WEBHOOK_SECRET is not set: in production the app refuses to start .* Set WEBHOOK_SECRET to the secret in the app's settings/)]);
  });

  it('names the variable of a broken private key', async () => {
    const app = startApp([], { ...base, PORT: String(await freePort()), WEBHOOK_SECRET: 'x', PRIVATE_KEY_PATH: 'missing.pem' }, workdir(appYml));
    running.push(app);
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/^spec-automation: error: PRIVATE_KEY_PATH: the private key could not be read \(Private key does not exists at path: "missing.pem"/m);
    expect(app.output()).not.toMatch(/Listening on/);
  });

  it('says "could not reach GitHub (DNS/connection)" when GitHub cannot be reached, and starts', async () => {
    const closed = await freePort();
    const port = await freePort();
    const app = startApp([], { ...base, PORT: String(port), WEBHOOK_SECRET: 'x', PRIVATE_KEY: throwawayKey(), GHE_HOST: `127.0.0.1:${closed}` }, workdir(appYml));
    running.push(app);
    await app.waitFor(/Listening on/);
    expect(app.output()).toMatch(/^spec-automation: warning: Could not read the app: could not reach GitHub \(DNS\/connection: .*ECONNREFUSED.*\)\..*The app starts anyway/m);
    expect(app.output()).not.toMatch(/answered 500|githubstatus/);
    expect((await fetch(`http://127.0.0.1:${port}/ping`)).status).toBe(200);
  });

  it('refuses credentials GitHub refuses (401 on GET /app with the JWT)', async () => {
    const github = await fakeGitHub(401, { message: 'A JSON web token could not be decoded' });
    const app = startApp([], { ...base, PORT: String(await freePort()), WEBHOOK_SECRET: 'x', PRIVATE_KEY: throwawayKey(), GHE_HOST: github.host }, workdir(appYml));
    running.push(app);
    expect(await app.exited).toBe(1);
    expect(github.requests).toEqual(['GET /api/v3/app bearer']);
    expect(app.output()).toMatch(/^spec-automation: error: GitHub refused the app's credentials \(GET \/app answered 401\): APP_ID 123456 and the private key/m);
  });

  it('warns at start-up when the model has no credentials, then serves', async () => {
    const github = await fakeGitHub(200, { id: 123456, slug: 'spec-automation', name: 'spec-automation' });
    const port = await freePort();
    const app = startApp([], { ...base, ANTHROPIC_API_KEY: '', PORT: String(port), WEBHOOK_SECRET: 'x', PRIVATE_KEY: throwawayKey(), GHE_HOST: github.host }, workdir(appYml));
    running.push(app);
    await app.waitFor(/Listening on/);
    expect(app.output()).toMatch(/^spec-automation: warning: The agent cannot run: Model route anthropic \(SPEC_AUTOMATION_MODEL_PROVIDER\): ANTHROPIC_API_KEY is not set/m);
    expect(github.requests).toEqual(['GET /api/v3/app bearer']);
  });
});
