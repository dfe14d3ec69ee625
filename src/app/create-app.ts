/**
 * The Probot app: event routing only. Each handler checks what it can from the payload
 * alone (a branch push, not a fork; a comment that is a command and not from a bot; a
 * completed workflow run of this repository), queues a job (data: jobs.ts) and returns,
 * so GitHub gets its answer in milliseconds; the job handlers (job-handlers.ts) do the work.
 *
 * `createApp(deps, host)` builds the app function with its dependencies (model, spec
 * pipeline, clock, queue limits, recovery policy; deps.ts has the defaults) and its host's
 * choices: where jobs wait (in memory by default; Postgres through main.ts with
 * DATABASE_URL) and whether this process works (`web` processes only receive). The
 * default export of ./index.ts is `createApp()` with the production dependencies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationFunction, ApplicationFunctionOptions, Context, Probot } from 'probot';
import { getAuthenticatedApp } from '../github/installations.js';
import { GitObjectCache } from '../github/object-cache.js';
import { withSecondaryLimitRetries } from '../github/secondary-limits.js';
import { parseCommand, type Command } from './commands.js';
import { fullName, type AppClient, type AppLog, type AppDeps, type AppIdentity, type RepoSession, type Runtime } from './context.js';
import { defaultDeps } from './deps.js';
import { workflowRunIsRelevant, type WorkflowRunLike } from './gates-completed.js';
import { makeDispatch } from './job-handlers.js';
import { job, type AnyJob, type Dispatch, type EnqueueResult, type JobQueue, type SessionRef } from './jobs.js';
import { LocalJobQueue } from './local-queue.js';
import { makeLog, pinoOf, type PinoLike } from './log.js';
import { AppMetrics, metricsHandler } from './metrics.js';
import type { RunRegistry } from './pg-store.js';
import { pushIsRelevant, type PushLike } from './push.js';
import type { RecoveryAuth } from './recovery.js';
import { BUTTONS, RUN_CHECK_NAME, VALIDATE_CHECK_NAME } from './run-check.js';

export { defaultDeps } from './deps.js';

/** A verified webhook delivery, as the lean `web` server (main.ts) hands it over. */
export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

/**
 * The app function, with its runtime (queue, caches) for hosts and tests, and `receive`:
 * the app's event routes without Probot's per-delivery work (an installation Octokit and
 * a child logger per event), for a process that only queues (`web`). Usable once the app
 * function ran (probot.load).
 */
export type SpecAutomationApp = ApplicationFunction & { runtime: Runtime; receive(delivery: Delivery): Promise<void> };

/** What the queue factory is handed: the dispatch and the callbacks every queue reports to. */
export interface QueueHooks {
  dispatch: Dispatch;
  log: AppLog;
  onError: (error: unknown, job: AnyJob) => void;
  onFinished: (job: AnyJob, ms: number, ok: boolean) => void;
}

/** The host's choices (main.ts): the queue, the run registry, and whether this process works. */
export interface AppHost {
  /** Default: the in-process queue (local-queue.ts) with `deps.concurrency`. */
  queue?: (hooks: QueueHooks) => { queue: JobQueue; registry?: RunRegistry };
  /** `web` only receives: no start-up recovery (the workers do it). Default `all`. */
  role?: 'all' | 'web' | 'worker';
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

/** Counts the answers of an Octokit into the metrics. */
function countRequests(runtime: Runtime, octokit: unknown): void {
  const hook = (octokit as { hook?: { after?: (name: string, fn: (response: { status: number; headers: Record<string, unknown> }) => void) => void; error?: (name: string, fn: (error: { status?: number; response?: { headers?: Record<string, unknown> } }) => never) => void } }).hook;
  if (!hook?.after || !hook.error) return;
  hook.after('request', (response) => runtime.metrics.githubAnswer(response.status, response.headers));
  hook.error('request', (error) => {
    runtime.metrics.githubAnswer(error.status, error.response?.headers);
    throw error;
  });
}

function isBot(user: { type?: string; login?: string } | null | undefined): boolean {
  return !user || user.type === 'Bot' || (user.login ?? '').endsWith('[bot]');
}

/** The installation of a delivery (0 when the payload names none: a test without one). */
function installationOf(context: Context): number {
  return (context.payload as { installation?: { id?: number } }).installation?.id ?? 0;
}

export function createApp(overrides: Partial<AppDeps> = {}, host: AppHost = {}): SpecAutomationApp {
  const deps: AppDeps = { ...defaultDeps(), ...overrides };
  // A model given by the host (a replay, a test double) needs none of the environment's credentials.
  if (overrides.model && !('modelProblem' in overrides)) delete deps.modelProblem;
  let pino: PinoLike | undefined;
  const log = makeLog(deps.log ? () => pinoOf(deps.log!) : () => pino, deps.redactor);
  // The queue depth is read when /metrics is scraped, after the queue exists.
  const metrics = new AppMetrics(() => queue.depth());
  let probot: Probot | undefined;
  const auth: RecoveryAuth = {
    app: async () => guard((await probotOf().auth()) as unknown as AppClient),
    installation: async (id) => guard((await probotOf().auth(id)) as unknown as AppClient),
  };
  const probotOf = () => {
    if (!probot) throw new Error('The app is not loaded yet');
    return probot;
  };
  const guard = (client: AppClient) => withSecondaryLimitRetries(client, { sleep: deps.sleep, log });
  /** Installation clients: the newest webhook's (in-process) or one made with the app's key (a worker). */
  const clients = new Map<number, AppClient>();
  const clientFor = async (installationId: number | undefined): Promise<AppClient> => {
    const id = installationId ?? 0;
    let client = clients.get(id);
    if (!client) {
      if (id === 0) throw new Error('the job names no installation');
      const octokit = await probotOf().auth(id);
      countRequests(runtime, octokit);
      client = guard(octokit as unknown as AppClient);
      clients.set(id, client);
    }
    return client;
  };
  const hooks: QueueHooks = {
    dispatch: (j, signal) => dispatch(j, signal),
    log,
    onError: (error, j) => log.error('A job failed', { job: j.kind, queue: j.queue, label: j.label, ...(j.deliveryId ? { deliveryId: j.deliveryId } : {}), error: error instanceof Error ? error.message : String(error) }),
    onFinished: (j, ms, ok) => metrics.jobSeconds.observe({ kind: j.kind, outcome: ok ? 'ok' : 'error' }, ms / 1000),
  };
  const chosen = host.queue ? host.queue(hooks) : { queue: new LocalJobQueue({ concurrency: deps.concurrency, dispatch: hooks.dispatch, onError: hooks.onError, onFinished: hooks.onFinished }) };
  const queue = chosen.queue;
  let identity: Promise<AppIdentity> | undefined;
  const runtime: Runtime = {
    deps,
    queue,
    log,
    ...(chosen.registry ? { registry: chosen.registry } : {}),
    async session(ref: SessionRef): Promise<RepoSession> {
      return { client: await clientFor(ref.installationId), ...(ref.installationId ? { installationId: ref.installationId } : {}), repo: ref.repo, htmlUrl: ref.htmlUrl, defaultBranch: ref.defaultBranch };
    },
    identity() {
      if (deps.appSlug) return Promise.resolve({ slug: deps.appSlug, botLogin: `${deps.appSlug}[bot]` });
      identity ??= (async () => {
        const app = await getAuthenticatedApp(await auth.app());
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
  const dispatch = makeDispatch(runtime, auth);
  /** The handlers by event name (`push`) and name with action (`workflow_run.completed`), as app.on registered them. */
  const routes = new Map<string, ((context: Context) => Promise<void>)[]>();
  const receive = async (delivery: Delivery): Promise<void> => {
    const action = (delivery.payload as { action?: unknown } | null)?.action;
    const handlers = [...(routes.get(delivery.name) ?? []), ...(typeof action === 'string' ? (routes.get(`${delivery.name}.${action}`) ?? []) : [])];
    // The fields of Probot's Context the handlers read; no Octokit (a `web` process makes no request).
    const context = { id: delivery.id, name: delivery.name, payload: delivery.payload } as unknown as Context;
    await Promise.all(handlers.map((h) => h(context)));
  };

  const appFn = (app: Probot, options?: ApplicationFunctionOptions): void => {
    probot = app;
    pino = app.log as unknown as PinoLike;
    // The manifest flow registers the webhook URL as `<host>/` (Probot's setup page writes
    // it so): deliveries POSTed there are handled as on WEBHOOK_PATH.
    try {
      options?.addHandler?.(rootWebhookHandler(app));
      options?.addHandler?.(metricsHandler(metrics, () => health(queue)));
    } catch {
      // Probot without an HTTP server (probot.load in a host or a test) has nowhere to add it.
    }

    /** The session ref of a delivery; the webhook's Octokit (a Probot delivery's) serves this process's jobs of the installation. */
    const refOf = (context: Context, repository: RepositoryLike): SessionRef => {
      const installationId = installationOf(context);
      if (context.octokit) {
        countRequests(runtime, context.octokit);
        clients.set(installationId, guard(context.octokit as unknown as AppClient));
      }
      return {
        ...(installationId ? { installationId } : {}),
        repo: { owner: repository.owner.login, repo: repository.name },
        htmlUrl: repository.html_url ?? `https://github.com/${repository.owner.login}/${repository.name}`,
        defaultBranch: repository.default_branch ?? 'main',
      };
    };
    const add = async (j: AnyJob): Promise<EnqueueResult> => {
      if (queue.backend !== 'memory') await queue.start();
      return queue.add(j);
    };

    // Every delivery is counted by event and outcome: queued, duplicate (a delivery id
    // seen before), or ignored (nothing for the app in it).
    const on = (names: Parameters<Probot['on']>[0], handle: (context: Context) => Promise<EnqueueResult | undefined>) => {
      const routed = async (context: Context) => {
        const outcome = await handle(context);
        metrics.deliveries.inc({ event: context.name, outcome: outcome ?? 'ignored' });
      };
      for (const name of Array.isArray(names) ? names : [names]) routes.set(name, [...(routes.get(name) ?? []), routed]);
      app.on(names, (context) => routed(context as Context));
    };

    on('push', async (context) => {
      const payload = context.payload as unknown as PushLike & { repository: RepositoryLike };
      const check = pushIsRelevant(payload);
      if (!check.relevant) {
        log.debug('Push ignored', { why: check.why, repo: payload.repository.full_name });
        return;
      }
      const session = refOf(context, payload.repository);
      const push: PushLike = {
        ref: payload.ref,
        before: payload.before,
        after: payload.after,
        ...(payload.deleted !== undefined ? { deleted: payload.deleted } : {}),
        ...(payload.forced !== undefined ? { forced: payload.forced } : {}),
        commits: (payload.commits ?? []).map((c) => ({ added: c.added ?? [], modified: c.modified ?? [], removed: c.removed ?? [] })),
        head_commit: payload.head_commit?.tree_id ? { tree_id: payload.head_commit.tree_id } : null,
        repository: { ...(payload.repository.fork !== undefined ? { fork: payload.repository.fork } : {}), ...(payload.repository.default_branch ? { default_branch: payload.repository.default_branch } : {}) },
      };
      return add(job('push', `push:${fullName(session.repo)}`, `push ${payload.after.slice(0, 7)}`, { session, push }, context.id));
    });

    on('workflow_run.completed', async (context) => {
      const payload = context.payload as unknown as { workflow_run: WorkflowRunLike; repository: RepositoryLike };
      const repository = payload.repository;
      if (!workflowRunIsRelevant(payload.workflow_run, repository.full_name ?? `${repository.owner.login}/${repository.name}`)) return;
      const session = refOf(context, repository);
      const w = payload.workflow_run;
      const branch = w.head_branch!;
      const run: WorkflowRunLike = { name: w.name ?? null, head_branch: branch, head_sha: w.head_sha, conclusion: w.conclusion ?? null, head_repository: w.head_repository?.full_name ? { full_name: w.head_repository.full_name } : null };
      return add(job('gates', `${fullName(session.repo)}@${branch}`, `gates ${branch}`, { session, run, deliveryId: context.id }, context.id));
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
      const session = refOf(context, payload.repository);
      const by = payload.comment.user!.login!;
      return add(job('command', `${fullName(session.repo)}#${payload.issue.number}`, `command ${command.kind} #${payload.issue.number}`, { session, input: { target: { pr: payload.issue.number }, command, by, commentId: payload.comment.id, deliveryId: context.id } }, context.id));
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
      const session = refOf(context, payload.repository);
      const by = payload.sender.login;
      if (run.name === VALIDATE_CHECK_NAME && payload.action === 'rerequested') {
        const branch = run.check_suite?.head_branch;
        if (!branch) return;
        return add(job('revalidate', `push:${fullName(session.repo)}`, `revalidate ${run.head_sha.slice(0, 7)}`, { session, branch, sha: run.head_sha, by, deliveryId: context.id }, context.id));
      }
      if (run.name !== RUN_CHECK_NAME) return;
      const branch = run.external_id || run.check_suite?.head_branch;
      if (!branch) return;
      const command = commandOfButton(payload.action, payload.requested_action?.identifier);
      return add(job('button', `${fullName(session.repo)}@button:${branch}`, `button ${command.kind} ${branch}`, { session, input: { target: { branch }, command, by, deliveryId: context.id } }, context.id));
    });

    if (deps.recovery !== 'off' && host.role !== 'web') {
      const recovery = job('recover-scan', 'recovery', 'start-up recovery', {});
      const failed = (error: unknown) => log.error('Could not queue the start-up recovery', { error: error instanceof Error ? error.message : String(error) });
      // In memory the job is queued before load returns (tests wait for it); Postgres first migrates.
      if (queue.backend === 'memory') queue.add(recovery).catch(failed);
      else queue.start().then(() => queue.add(recovery)).catch(failed);
    }
  };
  return Object.assign(appFn, { runtime, receive });
}

/** `/healthz`: this process's queue numbers, the database's (a failing query answers 503). */
async function health(queue: JobQueue): Promise<Record<string, unknown>> {
  if (queue.backend === 'memory') return { queue: queue.stats() };
  await queue.check();
  return { queue: { backend: queue.backend, ...(await queue.depth()), here: queue.stats() }, database: 'ok' };
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
