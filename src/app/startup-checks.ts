/**
 * What the app checks before it listens: each problem is one line that names the
 * variable, says what is wrong and how to fix it. Errors stop the start (exit code 1);
 * warnings are logged and the app starts.
 *
 * Pure over the environment and a key reader, so the checks are tested without a process.
 */
import { createPrivateKey } from 'node:crypto';
import { getPrivateKey } from '@probot/get-private-key';
import { modelCredentials } from '../adapters/anthropic/credentials.js';

export interface StartupProblem {
  level: 'error' | 'warn';
  /** The environment variable the problem is about. */
  variable: string;
  /** One line: what is wrong, then the fix. */
  message: string;
}

export interface StartupCheckOptions {
  /** Where PRIVATE_KEY_PATH and *.pem files are looked up (Probot: the working directory). */
  cwd: string;
  /** The process role: a `web` process never runs the agent, so it needs no model key. */
  role: 'all' | 'web' | 'worker';
  /** The running Node.js version (default: this process's); the package needs 22 or newer. */
  nodeVersion?: string;
}

/** True when Probot would run its setup (registration) flow instead of the app. */
export function needsSetup(env: Record<string, string | undefined>, cwd: string): boolean {
  if (!env.APP_ID) return true;
  try {
    return !getPrivateKey({ env, cwd });
  } catch {
    return false; // a key is configured but broken: that is an error, not setup
  }
}

function privateKeySource(env: Record<string, string | undefined>): { variable: string; where: string } {
  if (env.PRIVATE_KEY) return { variable: 'PRIVATE_KEY', where: 'PRIVATE_KEY' };
  if (env.PRIVATE_KEY_PATH) return { variable: 'PRIVATE_KEY_PATH', where: `the file PRIVATE_KEY_PATH names (${env.PRIVATE_KEY_PATH})` };
  return { variable: 'PRIVATE_KEY', where: 'the *.pem file in the working directory' };
}

function checkPrivateKey(env: Record<string, string | undefined>, cwd: string): StartupProblem | undefined {
  const source = privateKeySource(env);
  let pem: string | null;
  try {
    pem = getPrivateKey({ env, cwd });
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^\[@probot\/get-private-key\]\s*/, '') : String(error);
    return { level: 'error', variable: source.variable, message: `${source.variable}: the private key could not be read (${detail}). Download the key from the app's settings page (Private keys) and set PRIVATE_KEY to its contents or PRIVATE_KEY_PATH to the .pem file.` };
  }
  if (!pem) {
    return { level: 'error', variable: 'PRIVATE_KEY', message: 'PRIVATE_KEY is not set (nor PRIVATE_KEY_PATH, nor a *.pem file in the working directory). Set PRIVATE_KEY to the contents of the app\'s .pem key, or PRIVATE_KEY_PATH to its path.' };
  }
  // `docker run --env-file` passes a value as written, quotes included (env files take no
  // quotes and no line breaks), where the shell and compose would strip them.
  if (source.variable === 'PRIVATE_KEY' && /^\s*["']/.test(env.PRIVATE_KEY ?? '')) {
    return { level: 'error', variable: 'PRIVATE_KEY', message: 'PRIVATE_KEY starts with a quote: the quotes around it in .env became part of the value (`docker run --env-file` keeps them; env files take neither quotes nor line breaks). Remove PRIVATE_KEY from the env file and mount the .pem file with PRIVATE_KEY_PATH (-v /path/app.pem:/run/secrets/app.pem:ro -e PRIVATE_KEY_PATH=/run/secrets/app.pem), or set PRIVATE_KEY to the file in base64 (base64 -w0 app.pem) without quotes.' };
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') {
      return { level: 'error', variable: source.variable, message: `${source.variable}: ${source.where} is a ${key.asymmetricKeyType ?? 'non-RSA'} key; GitHub App keys are RSA. Download a new key from the app's settings page.` };
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { level: 'error', variable: source.variable, message: `${source.variable}: ${source.where} is not a valid PEM private key (${detail}). Copy the whole .pem file, BEGIN and END lines included.` };
  }
  return undefined;
}

/**
 * A model-route problem as the app's operator fixes it: the CLI's wording says to export
 * the variable in a shell or replay a recorded session; the app reads .env (or its
 * environment) and has no replay.
 */
function forTheApp(problem: string): string {
  return problem
    .replace(/bash: export ([A-Z][A-Z0-9_]*)=(\S+) {2}PowerShell: \$env:[A-Z][A-Z0-9_]*="[^"]*"/g, 'put $1=$2 in .env')
    .replace(/, or replay a recorded session$/, '');
}

/** Every problem found, errors first. */
export function checkStartup(env: Record<string, string | undefined>, options: StartupCheckOptions): StartupProblem[] {
  const problems: StartupProblem[] = [];
  const production = env.NODE_ENV === 'production';
  // The CLI's bin refuses an older Node; `npm start` would otherwise start on one without a word.
  const node = options.nodeVersion ?? process.versions.node;
  if (Number(node.split('.')[0]) < 22) {
    problems.push({ level: 'warn', variable: 'PATH', message: `Node.js ${node} is older than 22, which spec-automation needs (package.json "engines"); the app may fail in ways no check catches. Install Node 24 (https://nodejs.org/ or \`npm install -g --prefix ~/.node24 node@24\`, then put ~/.node24/bin first on PATH).` });
  }
  const appId = env.APP_ID ?? '';
  if (!/^[1-9][0-9]*$/.test(appId)) {
    problems.push({ level: 'error', variable: 'APP_ID', message: appId === '' ? 'APP_ID is not set. Register the app (run `npm start` without NODE_ENV=production and open http://localhost:3000) or copy the App ID from the app\'s settings page.' : `APP_ID is "${appId.slice(0, 40)}", not a number. Copy the App ID (a number) from the app's settings page.` });
  }
  if (options.role !== 'worker') {
    const secret = env.WEBHOOK_SECRET ?? '';
    if (secret === '') {
      problems.push(
        production
          ? { level: 'error', variable: 'WEBHOOK_SECRET', message: 'WEBHOOK_SECRET is not set: in production the app refuses to start rather than accept webhooks signed with Probot\'s fallback secret "development". Set WEBHOOK_SECRET to the secret in the app\'s settings (Webhook secret).' }
          : { level: 'warn', variable: 'WEBHOOK_SECRET', message: 'WEBHOOK_SECRET is not set: webhooks are checked against Probot\'s fallback secret "development", which anyone can sign with. Set WEBHOOK_SECRET (production refuses to start without it).' },
      );
    } else if (production && secret === 'development') {
      problems.push({ level: 'error', variable: 'WEBHOOK_SECRET', message: 'WEBHOOK_SECRET is "development", Probot\'s public fallback: in production set it to the secret in the app\'s settings (Webhook secret).' });
    }
  }
  const key = checkPrivateKey(env, options.cwd);
  if (key) problems.push(key);
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== '') {
    try {
      const url = new URL(env.DATABASE_URL);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error(`the scheme is ${url.protocol}`);
    } catch (error) {
      problems.push({ level: 'error', variable: 'DATABASE_URL', message: `DATABASE_URL is not a postgres:// URL (${error instanceof Error ? error.message : String(error)}). Use postgres://user:password@host:5432/database, or unset it for the in-process queue.` });
    }
  }
  // Probot applies .env over the environment: a development .env left in the working
  // directory (or passed with --env-file) brings its smee channel into production.
  if (production && options.role !== 'worker' && env.WEBHOOK_PROXY_URL) {
    problems.push({ level: 'warn', variable: 'WEBHOOK_PROXY_URL', message: `WEBHOOK_PROXY_URL is set with NODE_ENV=production: deliveries are taken from the proxy ${env.WEBHOOK_PROXY_URL} (development only), not from GitHub directly. A .env from development wins over the environment: remove WEBHOOK_PROXY_URL from .env (or the env file) and set the app's webhook URL to https://<host>/api/github/webhooks.` });
  }
  if (options.role !== 'worker' && options.role !== 'all' && !env.DATABASE_URL) {
    problems.push({ level: 'error', variable: 'DATABASE_URL', message: 'DATABASE_URL is not set: a `web` process only receives webhooks and hands them to workers through Postgres. Set DATABASE_URL, or run `npm start` (receives and works in one process).' });
  }
  if (options.role === 'worker' && !env.DATABASE_URL) {
    problems.push({ level: 'error', variable: 'DATABASE_URL', message: 'DATABASE_URL is not set: a `worker` process takes its jobs from Postgres. Set DATABASE_URL, or run `npm start` (receives and works in one process).' });
  }
  if (options.role !== 'web') {
    const model = modelCredentials(env);
    if (!model.ok) problems.push({ level: 'warn', variable: model.variable, message: `The agent cannot run: ${forTheApp(model.problem)}. The app reads .env or the process's environment: restart it after a change. Specs are still validated, and the validate check run says the agent cannot run.` });
  }
  return [...problems.filter((p) => p.level === 'error'), ...problems.filter((p) => p.level === 'warn')];
}
