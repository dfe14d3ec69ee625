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
    await run(createApp(), { env });
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
  if (role === 'worker') await serveWorker(app, env);
  else await run(app, { env });
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

/** A worker: the app loaded without a webhook server; `/healthz`, `/metrics` and `/ping` on PORT. */
async function serveWorker(app: SpecAutomationApp, env: Record<string, string | undefined>): Promise<void> {
  const probot = createProbot({ env });
  const handlers: ((req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>)[] = [];
  await probot.load(app, { cwd: process.cwd(), addHandler: (h: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>) => handlers.push(h) } as never);
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/ping') return void res.end('PONG');
      for (const h of handlers) if (await h(req, res)) return;
      res.writeHead(404).end();
    })().catch(() => res.writeHead(500).end());
  });
  const port = Number(env.PORT || 3000);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
  process.stderr.write(`spec-automation: worker working jobs from Postgres; /healthz and /metrics on port ${port}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`spec-automation: error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
