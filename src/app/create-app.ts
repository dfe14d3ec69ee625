/**
 * The Probot app: event routing only. Each handler checks what it can from the payload
 * alone (a branch push, not a fork; a comment that is a command and not from a bot; a
 * completed workflow run of this repository), queues a job and returns, so GitHub gets
 * its answer in milliseconds; the jobs do the work (see the files they call).
 *
 * `createApp(deps)` builds the app function with its dependencies (model, spec pipeline,
 * clock, queue limits, recovery policy) so tests and other hosts can choose them; the
 * default export of ./index.ts is `createApp()` with the production ones.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationFunction, ApplicationFunctionOptions, Context, Probot } from 'probot';
import { modelPortFromConfig } from '../adapters/anthropic/anthropic-model.js';
import { appModelProvider, modelCredentials } from '../adapters/anthropic/credentials.js';
import { getAuthenticatedApp } from '../github/installations.js';
import { GitObjectCache } from '../github/object-cache.js';
import { parseCommand, type Command } from './commands.js';
import { fullName, type AppClient, type AppDeps, type AppIdentity, type AppLog, type RepoSession, type Runtime } from './context.js';
import { gatesCompletedJob, workflowRunIsRelevant, type WorkflowRunLike } from './gates-completed.js';
import { branchStartsRuns, commitPaths, pushIsRelevant, pushJob, validateAndStart, type PushLike } from './push.js';
import { AppMetrics, jobKind, metricsHandler } from './metrics.js';
import { WorkQueue, type EnqueueResult } from './queue.js';
import { recoverRuns } from './recovery.js';
import { Redactor } from '../pipeline/redact.js';
import { withSecondaryLimitRetries } from '../github/secondary-limits.js';
import { loadRepoConfig } from './repo-config.js';
import { BUTTONS, RUN_CHECK_NAME, VALIDATE_CHECK_NAME } from './run-check.js';
import { specPipeline } from './spec-pipeline.js';
import { steerJob } from './steer.js';
import { getPermission, permits } from '../github/collaborators.js';

/** The app function, with its runtime (queue, caches) for hosts and tests. */
export type SpecAutomationApp = ApplicationFunction & { runtime: Runtime };

/** Defaults: the Anthropic API, the real spec pipeline, 4 jobs at once, park interrupted agents. */
export function defaultDeps(env: Record<string, string | undefined> = process.env): AppDeps {
  const concurrency = Number(env.SPEC_AUTOMATION_CONCURRENCY);
  const recovery = env.SPEC_AUTOMATION_RECOVERY;
  const credentials = modelCredentials(env);
  return {
    // One route per deployment: the app's environment chooses it, not a repository's agent.provider.
    model: (agent) => modelPortFromConfig({ ...agent, provider: appModelProvider(env) }, env),
    specs: specPipeline,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 4,
    recovery: recovery === 'resume' || recovery === 'off' ? recovery : 'mark',
    ...(env.APP_SLUG ? { appSlug: env.APP_SLUG } : {}),
    trustedGateApps: ['github-actions'],
    redactor: Redactor.fromEnv(env),
    ...(credentials.ok ? {} : { modelProblem: credentials.problem }),
  };
}

interface PinoLike {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

function redactFields(fields: Record<string, unknown> | undefined, redactor: Redactor): Record<string, unknown> {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' ? redactor.redact(v) : v;
  return out;
}

function makeLog(target: () => PinoLike | undefined, redactor: Redactor): AppLog {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    const log = target();
    if (log) log[level]({ app: 'spec-automation', ...redactFields(fields, redactor) }, redactor.redact(message));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** The fields of a repository payload a session needs. */
interface RepositoryLike {
  name: string;
  owner: { login: string };
  html_url?: string;
  default_branch?: string;
  full_name?: string;
  fork?: boolean;
}

/** Counts the answers of an Octokit (Probot makes one per event) into the metrics. */
function countRequests(runtime: Runtime, octokit: unknown): void {
  const hook = (octokit as { hook?: { after?: (name: string, fn: (response: { status: number; headers: Record<string, unknown> }) => void) => void; error?: (name: string, fn: (error: { status?: number; response?: { headers?: Record<string, unknown> } }) => never) => void } }).hook;
  if (!hook?.after || !hook.error) return;
  hook.after('request', (response) => runtime.metrics.githubAnswer(response.status, response.headers));
  hook.error('request', (error) => {
    runtime.metrics.githubAnswer(error.status, error.response?.headers);
    throw error;
  });
}

function sessionOf(runtime: Runtime, context: Context, repository: RepositoryLike): RepoSession {
  countRequests(runtime, context.octokit);
  return {
    client: withSecondaryLimitRetries(context.octokit as unknown as AppClient, { sleep: runtime.deps.sleep, log: runtime.log }),
    repo: { owner: repository.owner.login, repo: repository.name },
    htmlUrl: repository.html_url ?? `https://github.com/${repository.owner.login}/${repository.name}`,
    defaultBranch: repository.default_branch ?? 'main',
  };
}

function isBot(user: { type?: string; login?: string } | null | undefined): boolean {
  return !user || user.type === 'Bot' || (user.login ?? '').endsWith('[bot]');
}

export function createApp(overrides: Partial<AppDeps> = {}): SpecAutomationApp {
  const deps: AppDeps = { ...defaultDeps(), ...overrides };
  // A model given by the host (a replay, a test double) needs none of the environment's credentials.
  if (overrides.model && !('modelProblem' in overrides)) delete deps.modelProblem;
  let pino: PinoLike | undefined;
  const custom = deps.log;
  const log = custom
    ? makeLog(() => ({
        debug: (fields, message) => custom.debug(message, fields as Record<string, unknown>),
        info: (fields, message) => custom.info(message, fields as Record<string, unknown>),
        warn: (fields, message) => custom.warn(message, fields as Record<string, unknown>),
        error: (fields, message) => custom.error(message, fields as Record<string, unknown>),
      }), deps.redactor)
    : makeLog(() => pino, deps.redactor);
  // The queue depth is read when /metrics is scraped, after the queue exists.
  const metrics = new AppMetrics(() => queue.stats());
  const queue = new WorkQueue({
    concurrency: deps.concurrency,
    onError: (error, job) => log.error('A job failed', { job: job.label, error: error instanceof Error ? error.message : String(error) }),
    onFinished: (job, ms, ok) => metrics.jobSeconds.observe({ kind: jobKind(job.label), outcome: ok ? 'ok' : 'error' }, ms / 1000),
  });
  let identity: Promise<AppIdentity> | undefined;
  let authAsApp: (() => Promise<AppClient>) | undefined;
  const runtime: Runtime = {
    deps,
    queue,
    log,
    identity() {
      if (deps.appSlug) return Promise.resolve({ slug: deps.appSlug, botLogin: `${deps.appSlug}[bot]` });
      identity ??= (async () => {
        if (!authAsApp) throw new Error('The app is not loaded yet');
        const app = await getAuthenticatedApp(await authAsApp());
        if (!app.slug) throw new Error('GET /app returned no slug; set APP_SLUG');
        return { slug: app.slug, botLogin: `${app.slug}[bot]` };
      })();
      // A failure (GitHub down at start) is not cached: the next event asks again.
      identity.catch(() => {
        identity = undefined;
      });
      return identity;
    },
    runChecks: new Map(),
    objects: new GitObjectCache(),
    labelsEnsured: new Set(),
    metrics,
  };

  const appFn = (app: Probot, options?: ApplicationFunctionOptions): void => {
    pino = app.log as unknown as PinoLike;
    // The manifest flow registers the webhook URL as `<host>/` (Probot's setup page writes
    // it so): deliveries POSTed there are handled as on WEBHOOK_PATH.
    try {
      options?.addHandler?.(rootWebhookHandler(app));
      options?.addHandler?.(metricsHandler(metrics, async () => ({ queue: queue.stats() })));
    } catch {
      // Probot without an HTTP server (probot.load in a host or a test) has nowhere to add it.
    }
    authAsApp = async () => (await app.auth()) as unknown as AppClient;

    // Every delivery is counted by event and outcome: queued, duplicate (a delivery id
    // seen before), or ignored (nothing for the app in it).
    const on = (names: Parameters<Probot['on']>[0], handle: (context: Context) => Promise<EnqueueResult | undefined>) =>
      app.on(names, async (context) => {
        const outcome = await handle(context as Context);
        metrics.deliveries.inc({ event: context.name, outcome: outcome ?? 'ignored' });
      });

    on('push', async (context) => {
      const payload = context.payload as unknown as PushLike & { repository: RepositoryLike };
      const check = pushIsRelevant(payload);
      if (!check.relevant) {
        log.debug('Push ignored', { why: check.why, repo: payload.repository.full_name });
        return;
      }
      const session = sessionOf(runtime, context, payload.repository);
      return queue.enqueue(`push:${fullName(session.repo)}`, async () => pushJob(runtime, session, await runtime.identity(), payload, context.id), { deliveryId: context.id, label: `push ${payload.after.slice(0, 7)}` });
    });

    on('workflow_run.completed', async (context) => {
      const payload = context.payload as unknown as { workflow_run: WorkflowRunLike; repository: RepositoryLike };
      const repository = payload.repository;
      if (!workflowRunIsRelevant(payload.workflow_run, repository.full_name ?? `${repository.owner.login}/${repository.name}`)) return;
      const session = sessionOf(runtime, context, repository);
      const branch = payload.workflow_run.head_branch!;
      return queue.enqueue(`${fullName(session.repo)}@${branch}`, async (signal) => gatesCompletedJob(runtime, session, await runtime.identity(), payload.workflow_run, context.id, signal), {
        deliveryId: context.id,
        label: `gates ${branch}`,
      });
    });

    on('issue_comment.created', async (context) => {
      const payload = context.payload as unknown as {
        issue: { number: number; pull_request?: unknown };
        comment: { id: number; body?: string; user?: { login?: string; type?: string } | null };
        repository: RepositoryLike;
      };
      if (!payload.issue.pull_request) return;
      // Bots never steer the app, and the app never answers itself.
      if (isBot(payload.comment.user)) return;
      const command = parseCommand(payload.comment.body);
      if (!command) return;
      const session = sessionOf(runtime, context, payload.repository);
      const by = payload.comment.user!.login!;
      return queue.enqueue(
        `${fullName(session.repo)}#${payload.issue.number}`,
        async () => steerJob(runtime, session, await runtime.identity(), { target: { pr: payload.issue.number }, command, by, commentId: payload.comment.id, deliveryId: context.id }),
        { deliveryId: context.id, label: `command ${command.kind} #${payload.issue.number}` },
      );
    });

    on(['check_run.requested_action', 'check_run.rerequested'], async (context) => {
      const payload = context.payload as unknown as {
        action: string;
        requested_action?: { identifier?: string };
        check_run: { name: string; head_sha: string; external_id?: string | null; check_suite?: { head_branch?: string | null } | null };
        sender: { login: string; type?: string };
        repository: RepositoryLike;
      };
      if (isBot(payload.sender)) return;
      const run = payload.check_run;
      const session = sessionOf(runtime, context, payload.repository);
      const by = payload.sender.login;
      if (run.name === VALIDATE_CHECK_NAME && payload.action === 'rerequested') {
        const branch = run.check_suite?.head_branch;
        if (!branch) return;
        return queue.enqueue(`push:${fullName(session.repo)}`, async () => revalidateCommit(runtime, session, await runtime.identity(), branch, run.head_sha, by, context.id), {
          deliveryId: context.id,
          label: `revalidate ${run.head_sha.slice(0, 7)}`,
        });
      }
      if (run.name !== RUN_CHECK_NAME) return;
      const branch = run.external_id || run.check_suite?.head_branch;
      if (!branch) return;
      const command = commandOfButton(payload.action, payload.requested_action?.identifier);
      return queue.enqueue(`${fullName(session.repo)}@button:${branch}`, async () => steerJob(runtime, session, await runtime.identity(), { target: { branch }, command, by, deliveryId: context.id }), {
        deliveryId: context.id,
        label: `button ${command.kind} ${branch}`,
      });
    });

    if (deps.recovery !== 'off') {
      queue.enqueue('recovery', async () => {
        const guard = (client: AppClient) => withSecondaryLimitRetries(client, { sleep: deps.sleep, log });
        await recoverRuns(
          runtime,
          { app: async () => guard((await app.auth()) as unknown as AppClient), installation: async (id) => guard((await app.auth(id)) as unknown as AppClient) },
          await runtime.identity(),
        );
      }, { label: 'start-up recovery' });
    }
  };
  return Object.assign(appFn, { runtime });
}

/** Handles `POST /` as a webhook delivery; every other request is left to the next handler. */
function rootWebhookHandler(app: Probot): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  let middleware: ReturnType<Probot['getNodeMiddleware']> | undefined;
  return async (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== '/') return false;
    middleware ??= app.getNodeMiddleware({ path: '/' });
    return (await middleware)(req, res);
  };
}

/** The order a check run button (or "Re-run") gives. */
export function commandOfButton(action: string, identifier: string | undefined): Command {
  if (action === 'rerequested') return { kind: 'retry', target: 'dev' };
  switch (identifier) {
    case BUTTONS.retryDev.identifier:
      return { kind: 'retry', target: 'dev' };
    case BUTTONS.retryQa.identifier:
      return { kind: 'retry', target: 'qa' };
    case BUTTONS.cancel.identifier:
      return { kind: 'cancel' };
    default:
      return { kind: 'unknown', text: `button ${String(identifier).slice(0, 40)}` };
  }
}

/** "Re-run" on the validate check run: the commit's spec files validated again (and runs started). */
async function revalidateCommit(runtime: Runtime, session: RepoSession, identity: AppIdentity, branch: string, sha: string, by: string, deliveryId: string): Promise<void> {
  const permission = await getPermission(session.client, session.repo, by);
  if (!permits(permission, 'write')) {
    runtime.log.info('Re-run of the validation refused', { by, permission });
    return;
  }
  const loaded = await loadRepoConfig(session.client, session.repo);
  if (!loaded.ok) return;
  // A re-run is a push again: the branches that start runs today decide, not the ones of the day it ran.
  if (!loaded.config.app.enabled || !branchStartsRuns(branch, loaded.config, session.defaultBranch)) {
    runtime.log.info('Re-run of the validation on a branch that starts no runs', { branch, sha });
    return;
  }
  const paths = await commitPaths(session, sha);
  await validateAndStart(runtime, session, identity, loaded.config, { branch, sha, paths, deliveryId });
}
