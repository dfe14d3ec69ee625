/**
 * The app's process entry: `node lib/app/main.js [all|web|worker]` (`npm start` is `all`).
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
import { Probot, ProbotOctokit, run } from 'probot';
import { toGitHubError } from '../github/errors.js';
import { getAuthenticatedApp } from '../github/installations.js';
import type { GitHubClient } from '../github/types.js';
import { createApp } from './create-app.js';
import { checkStartup, needsSetup, type StartupProblem } from './startup-checks.js';

export type Role = 'all' | 'web' | 'worker';

// `web` and `worker` need the Postgres queue; until it is configured only `all` runs.
const ROLES: readonly Role[] = ['all'];

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
  await run(createApp(), { env });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`spec-automation: error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
