/**
 * The app's process entry: `node lib/app/main.js [all|web|worker]` (`npm start` is `all`;
 * `lib/app/web.js` and `lib/app/worker.js` are `web` and `worker`).
 *
 * - `all`: receives webhooks and works. Jobs wait in memory, or in Postgres with DATABASE_URL.
 * - `web`: receives webhooks and adds their jobs to Postgres; never works (needs DATABASE_URL).
 * - `worker`: works the jobs in Postgres; receives nothing, serves `/healthz` and `/metrics`
 *   on PORT (needs DATABASE_URL).
 *
 * Before anything listens, the environment is checked (start-up-checks.ts) and the app's
 * credentials are tried against GitHub once: every problem is one line with its fix, and
 * an error exits with code 1. Without APP_ID and a private key (and not in production)
 * the process serves Probot's registration page instead, which registers the app from
 * app.yml.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv } from 'node:util';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createProbot, Probot, ProbotOctokit, run } from 'probot';
import { toGitHubError } from '../github/errors.js';
import { getAuthenticatedApp } from '../github/installations.js';
import type { GitHubClient } from '../github/types.js';
import { createApp, type AppHost, type SpecAutomationApp } from './create-app.js';
import { defaultDeps } from './deps.js';
import { PgRunRegistry } from './pg-store.js';
import { PostgresJobQueue, pgQueueSettings } from './pg-queue.js';
import { checkStartup, needsSetup, type StartupProblem } from './startup-checks.js';

export type Role = 'all' | 'web' | 'worker';

const ROLES: readonly Role[] = ['all', 'web', 'worker'];

/** `.env` in the working directory, applied over the environment as Probot does. */
function applyDotEnv(env: Record<string, string | undefined>, cwd: string): void {
  let text: string;
  try {
    text = readFileSync(join(cwd, '.env'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  Object.assign(env, parseEnv(text));
}

function say(problem: StartupProblem): void {
  process.stderr.write(`spec-automation: ${problem.level === 'error' ? 'error' : 'warning'}: ${problem.message}\n`);
}

/** GitHub's API base for the app (GHE_HOST, as Probot reads it). */
export function githubBaseUrl(env: Record<string, string | undefined>): string {
  return env.GHE_HOST ? `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3` : 'https://api.github.com';
}

/**
 * `GET /app` with the app's JWT, once, no retries: proves APP_ID and the key belong
 * together, and that GitHub can be reached (a network failure is a warning: the app
 * starts and each event tries again).
 */
export async function probeGitHub(env: Record<string, string | undefined>, privateKey: string): Promise<StartupProblem | undefined> {
  const probot = new Probot({ appId: Number(env.APP_ID), privateKey, baseUrl: githubBaseUrl(env), Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }) });
  try {
    await getAuthenticatedApp((await probot.auth()) as unknown as GitHubClient);
    return undefined;
  } catch (error) {
    const mapped = toGitHubError(error, { operation: 'read the app (GET /app)' });
    if (mapped.kind === 'network') return { level: 'warn', variable: 'GHE_HOST', message: `${mapped.message} The app starts anyway and tries again on each event.` };
    if (mapped.kind === 'auth' || mapped.kind === 'not-found') {
      return { level: 'error', variable: 'PRIVATE_KEY', message: `GitHub refused the app's credentials (GET /app answered ${mapped.status}): APP_ID ${env.APP_ID} and the private key (PRIVATE_KEY or PRIVATE_KEY_PATH) do not belong together, or the key was revoked. Download a current key from the app's settings page.` };
    }
    return { level: 'warn', variable: 'GHE_HOST', message: `${mapped.message} The app starts anyway.` };
  }
}

/** Runs the process; resolves once it listens (or exits with code 1 after printing why). */
export async function main(args: readonly string[], env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Promise<void> {
  const role = (args[0] ?? 'all') as Role;
  if (!ROLES.includes(role)) {
    process.stderr.write(`spec-automation: error: unknown role "${args[0]}". Use all (webhooks and work in one process), web or worker.\n`);
    process.exitCode = 2;
    return;
  }
  applyDotEnv(env, cwd);
  if (role === 'all' && env.NODE_ENV !== 'production' && needsSetup(env, cwd)) {
    process.stderr.write(`spec-automation: APP_ID or the private key is not set: serving Probot's registration page (open http://localhost:${env.PORT || 3000}); it registers the app from app.yml and writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to .env.\n`);
    // An unreachable WEBHOOK_PROXY_URL is one warning line here too (it printed "[object Event]").
    await runProbot(createApp(), env, true);
    return;
  }
  const problems = checkStartup(env, { cwd, role });
  for (const p of problems) say(p);
  if (problems.some((p) => p.level === 'error')) {
    process.exitCode = 1;
    return;
  }
  if (env.SPEC_AUTOMATION_STARTUP_PROBE !== 'off') {
    const { getPrivateKey } = await import('@probot/get-private-key');
    const probe = await probeGitHub(env, getPrivateKey({ env, cwd })!);
    if (probe) say(probe);
    if (probe?.level === 'error') {
      process.exitCode = 1;
      return;
    }
  }
  const app = createApp(defaultDeps(env), hostFor(role, env));
  try {
    await app.runtime.queue.start();
  } catch (error) {
    say({ level: 'error', variable: 'DATABASE_URL', message: `could not open the job queue in Postgres (${databaseWhere(env.DATABASE_URL)}): ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL and that the server accepts connections.` });
    await app.runtime.queue.close();
    process.exitCode = 1;
    return;
  }
  closeOnSignals(app);
  try {
    if (role === 'worker') await serveWorker(app, env);
    // A webhook proxy (smee, development) is Probot's server's: `web` uses it then.
    else if (role === 'web' && !env.WEBHOOK_PROXY_URL) await serveWeb(app, env);
    else if (!(await runProbot(app, env))) process.exit(1);
  } catch (error) {
    // A worker whose port is taken must not go on working jobs without its /healthz.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const port = env.PORT || 3000;
    const command = role === 'all' ? 'npm start' : `npm run start:${role}`;
    say({ level: 'error', variable: 'PORT', message: `port ${port} is in use (another spec-automation process, or another server). Give this process a port of its own: PORT=${Number(port) + 1} ${command}.` });
    await app.runtime.queue.close();
    process.exit(1);
  }
}

/** The queue of a role: Postgres with DATABASE_URL (a `web` process adds jobs only), else in memory. */
export function hostFor(role: Role, env: Record<string, string | undefined>): AppHost {
  if (!env.DATABASE_URL) return { role };
  const concurrency = defaultDeps(env).concurrency;
  return {
    role,
    queue: (hooks) => {
      const queue = new PostgresJobQueue({ connectionString: env.DATABASE_URL!, concurrency, work: role !== 'web', ...pgQueueSettings(env), ...hooks });
      return { queue, registry: new PgRunRegistry(queue.pool) };
    },
  };
}

/** `host:port/database` of a URL, never its password. */
function databaseWhere(url: string | undefined): string {
  try {
    const u = new URL(url ?? '');
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'unparsable DATABASE_URL';
  }
}

/** SIGTERM/SIGINT: running jobs are given back to Postgres (or finish in memory), then the process exits. */
function closeOnSignals(app: SpecAutomationApp): void {
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`spec-automation: ${signal}: stopping\n`);
    void app.runtime.queue.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => close('SIGTERM'));
  process.once('SIGINT', () => close('SIGINT'));
}

/**
 * Probot's server (and its webhook proxy with WEBHOOK_PROXY_URL). A proxy that cannot be
 * reached rejects with an EventSource error event, not an Error (it printed as
 * `error: [object Event]`): said here in one line with its cause and the fix. Serving the
 * app, that is an error (false: the process stops); serving the registration page
 * (`registering`), a warning: the page works without the proxy, and registering writes a
 * fresh .env.
 */
async function runProbot(app: SpecAutomationApp, env: Record<string, string | undefined>, registering = false): Promise<boolean> {
  try {
    await run(app, { env });
    return true;
  } catch (error) {
    if (!env.WEBHOOK_PROXY_URL || error instanceof Error) throw error;
    const event = error as { message?: unknown; code?: unknown; type?: unknown };
    const cause = [event.code !== undefined ? `HTTP ${String(event.code)}` : '', typeof event.message === 'string' ? event.message : ''].filter(Boolean).join(' ') || `an ${String(event.type ?? 'error')} event`;
    const fix = "Check the URL (a channel from https://smee.io/new) and this machine's network, or unset WEBHOOK_PROXY_URL when GitHub can reach this server directly.";
    say({ level: registering ? 'warn' : 'error', variable: 'WEBHOOK_PROXY_URL', message: `could not reach the webhook proxy ${env.WEBHOOK_PROXY_URL}: ${cause}. ${registering ? 'The registration page still works; webhooks will not arrive until the proxy answers. ' : ''}${fix}` });
    return registering;
  }
}

/** GitHub sends 25 MB at most. */
const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;

type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** Probot's app loaded without its server: the handlers it adds (`/healthz`, `/metrics`) are returned. */
async function loadWithoutServer(app: SpecAutomationApp, env: Record<string, string | undefined>): Promise<{ probot: Probot; handlers: Handler[] }> {
  // As Probot's own server logs: info, JSON in production (createProbot alone logs warnings, pretty).
  const probot = createProbot({ env: { LOG_LEVEL: 'info', ...(env.NODE_ENV === 'production' ? { LOG_FORMAT: 'json' } : {}), ...env } });
  const handlers: Handler[] = [];
  await probot.load(app, { cwd: process.cwd(), addHandler: (h: Handler) => handlers.push(h) } as never);
  return { probot, handlers };
}

function answer(res: ServerResponse, status: number, error?: string): void {
  if (error === undefined) res.writeHead(status, { 'content-type': 'text/plain' }).end('ok\n');
  else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
}

/**
 * The request's body, or undefined as soon as it passes MAX_DELIVERY_BYTES (the rest is
 * read and dropped). Read through 'data' events: an async iterator per request cost the web process
 * about a tenth of its CPU per delivery.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_DELIVERY_BYTES) chunks.push(chunk);
      else {
        // Answered at once; the rest is read and dropped.
        chunks.length = 0;
        resolve(undefined);
      }
    });
    req.once('error', reject);
    req.once('end', () => resolve(size > MAX_DELIVERY_BYTES ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
  });
}

/**
 * One delivery to the lean web server: the checks and answers of Probot's webhook
 * middleware (415 without a JSON content type, 400 without the GitHub headers or with a
 * body that is not JSON, 401 for a signature that does not match WEBHOOK_SECRET), then
 * the app's routes; 200 once its job is in Postgres, 500 when it could not be added (GitHub
 * shows the delivery as failed, to redeliver). Never an early 202: an answer means queued.
 */
async function receiveWebhook(app: SpecAutomationApp, secret: string, req: IncomingMessage, res: ServerResponse, log: Probot['log']): Promise<void> {
  if (!/^\s*application\/json\s*(?:;|$)/u.test(req.headers['content-type'] ?? '')) return answer(res, 415, 'Unsupported "Content-Type" header value. Must be "application/json"');
  const name = req.headers['x-github-event'];
  const id = req.headers['x-github-delivery'];
  const signature = req.headers['x-hub-signature-256'];
  const missing = [['x-github-event', name], ['x-hub-signature-256', signature], ['x-github-delivery', id]].filter(([, v]) => typeof v !== 'string').map(([h]) => h);
  if (missing.length > 0) return answer(res, 400, `Required headers missing: ${missing.join(', ')}`);
  const body = await readBody(req);
  if (body === undefined) return answer(res, 413, 'The delivery is larger than 25 MB');
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(signature as string);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return answer(res, 401, 'Error: [@octokit/webhooks] signature does not match event payload and secret');
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return answer(res, 400, 'Invalid JSON');
  }
  try {
    await app.receive({ id: id as string, name: name as string, payload });
  } catch (error) {
    log.error({ event: name, id, err: error }, 'Could not queue the delivery');
    return answer(res, 500, error instanceof Error ? error.message : String(error));
  }
  answer(res, 200);
}

/** A route of the lean servers: true once it answered. */
type Route = (req: IncomingMessage, res: ServerResponse, path: string) => boolean | Promise<boolean>;

/**
 * The node:http skeleton both lean servers share: `/ping`, then `routes`, then the
 * handlers Probot's app added (`/healthz`, `/metrics`), else 404; a route that throws
 * is logged and answered 500. Resolves once it listens (every interface without a host).
 */
async function serveRoutes(routes: readonly Route[], handlers: readonly Handler[], at: { port: number; host: string | undefined }, log: Probot['log']): Promise<void> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
      if (req.method === 'GET' && path === '/ping') return void res.end('PONG');
      for (const route of routes) if (await route(req, res, path)) return;
      for (const h of handlers) if (await h(req, res)) return;
      res.writeHead(404).end();
    })().catch((error: unknown) => {
      log.error({ err: error }, 'Request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(at.port, at.host, resolve));
}

/**
 * A `web` process without Probot's server: the same routes (WEBHOOK_PATH and `/`, `/ping`,
 * `/healthz`, `/metrics`) on a plain node:http server. Probot's server builds an
 * installation Octokit with its plugins and a child logger for every delivery, and logs
 * every request through pino-http; a process that only queues needs none of it.
 */
async function serveWeb(app: SpecAutomationApp, env: Record<string, string | undefined>): Promise<void> {
  const { probot, handlers } = await loadWithoutServer(app, env);
  const secret = env.WEBHOOK_SECRET || 'development';
  const webhookPath = (env.WEBHOOK_PATH || '/api/github/webhooks').replace(/\/+$/, '') || '/';
  const webhooks: Route = (req, res, path) => {
    if (req.method !== 'POST' || (path !== webhookPath && path !== '/')) return false;
    return receiveWebhook(app, secret, req, res, probot.log).then(() => true);
  };
  const at = { port: Number(env.PORT || 3000), host: env.HOST || 'localhost' };
  await serveRoutes([webhooks], handlers, at, probot.log);
  process.stderr.write(`spec-automation: Listening on http://${at.host}:${at.port} (web: webhooks on ${webhookPath} are queued in Postgres)\n`);
}

/** A worker: the app loaded without a webhook server; `/healthz`, `/metrics` and `/ping` on PORT. */
async function serveWorker(app: SpecAutomationApp, env: Record<string, string | undefined>): Promise<void> {
  const { probot, handlers } = await loadWithoutServer(app, env);
  const port = Number(env.PORT || 3000);
  // Loopback unless HOST says otherwise (the image sets 0.0.0.0), as for `web`: /metrics is not for everyone.
  await serveRoutes([], handlers, { port, host: env.HOST || 'localhost' }, probot.log);
  process.stderr.write(`spec-automation: worker working jobs from Postgres; /healthz and /metrics on port ${port}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`spec-automation: error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
