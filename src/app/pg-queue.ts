/**
 * The durable queue (DATABASE_URL set): jobs wait in Postgres through graphile-worker and
 * run in whichever process works (`npm start`, `npm run start:worker`).
 *
 * - One at a time per run across every process: a job's `queue` is graphile-worker's
 *   `queue_name` (a named queue runs its jobs serially, oldest first).
 * - Redeliveries are dropped: the delivery id goes into `spec_automation.deliveries` in
 *   the same statement that adds the job (also its `job_key`, mode `unsafe_dedupe`), so
 *   the same delivery sent to two web processes, or redelivered after its job finished,
 *   queues once.
 * - Retries with backoff: a job that throws is retried by graphile-worker (exponential
 *   backoff, `SPEC_AUTOMATION_JOB_ATTEMPTS` attempts in all).
 * - A job whose process died (kill -9, a lost host) is released once its lock is older
 *   than the lease (`SPEC_AUTOMATION_WORKER_LEASE_SECONDS`, default 60) and its process
 *   has stopped beating (pg-store.ts `heartbeat`); another worker then runs it again.
 *   graphile-worker's own release waits a fixed 4 hours, which agent jobs (minutes)
 *   could not tell from a live lock.
 * - `/spec cancel` reaches the process running the run's job through LISTEN/NOTIFY.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { run, runMigrations, Logger, type Runner, type Task, type TaskList, type WorkerEvents } from 'graphile-worker';
import { heartbeat, migrate, SCHEMA } from './pg-store.js';
import { JOB_KINDS, type AnyJob, type Dispatch, type EnqueueResult, type JobQueue, type QueueDepth } from './jobs.js';
import type { AppLog } from './context.js';

const ABORT_CHANNEL = 'spec_automation_abort';

export interface PgQueueOptions {
  connectionString: string;
  /** Jobs running at once in this process. */
  concurrency: number;
  /** False for a `web` process: it only adds jobs. */
  work: boolean;
  dispatch: Dispatch;
  log: AppLog;
  /** Seconds after which a job locked by a process that stopped beating is released. */
  leaseSeconds: number;
  /** Attempts per job (the first one included). */
  maxAttempts: number;
  onError?: (error: unknown, job: AnyJob) => void;
  onFinished?: (job: AnyJob, ms: number, ok: boolean) => void;
}

/** The pool options from the environment: SPEC_AUTOMATION_WORKER_LEASE_SECONDS, SPEC_AUTOMATION_JOB_ATTEMPTS. */
export function pgQueueSettings(env: Record<string, string | undefined>): { leaseSeconds: number; maxAttempts: number } {
  const lease = Number(env.SPEC_AUTOMATION_WORKER_LEASE_SECONDS);
  const attempts = Number(env.SPEC_AUTOMATION_JOB_ATTEMPTS);
  return { leaseSeconds: Number.isFinite(lease) && lease >= 1 ? lease : 60, maxAttempts: Number.isInteger(attempts) && attempts >= 1 ? attempts : 3 };
}

function graphileLogger(log: AppLog): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error') log.error(`graphile-worker: ${message}`);
    else if (level === 'warning') log.warn(`graphile-worker: ${message}`);
    else log.debug(`graphile-worker: ${message}`);
  });
}

export class PostgresJobQueue implements JobQueue {
  readonly backend = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly #options: PgQueueOptions;
  readonly #running = new Map<string, AbortController>();
  #runner: Runner | undefined;
  #poolId: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #listener: pg.PoolClient | undefined;
  #completed = 0;
  #closed = false;
  #started: Promise<void> | undefined;

  constructor(options: PgQueueOptions) {
    this.#options = options;
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: Math.max(4, options.concurrency + 3) });
    // An idle client losing its connection must not crash the process.
    this.pool.on('error', (error) => options.log.warn('Postgres connection lost', { error: error.message }));
    this.pool.on('connect', (client) => client.on('error', (error) => options.log.warn('Postgres connection lost', { error: error.message })));
  }

  /** Migrates (graphile-worker's schema, then the app's) and starts working when asked; once. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      // Processes starting together migrate one after the other (graphile-worker's own
      // migration races on `create schema` otherwise).
      const lock = await this.pool.connect();
      try {
        await lock.query(`select pg_advisory_lock(hashtext('${SCHEMA}.start'))`);
        await runMigrations({ pgPool: this.pool, logger: graphileLogger(this.#options.log) });
        await migrate(this.pool);
      } finally {
        await lock.query(`select pg_advisory_unlock(hashtext('${SCHEMA}.start'))`).catch(() => undefined);
        lock.release();
      }
      if (this.#options.work) await this.#startWorking();
    })();
    return this.#started;
  }

  async #startWorking(): Promise<void> {
    const { options } = { options: this.#options };
    const task: Task = async (payload, helpers) => {
      const job = payload as AnyJob;
      const controller = new AbortController();
      const onShutdown = () => controller.abort(new Error('the worker is shutting down'));
      helpers.abortSignal?.addEventListener('abort', onShutdown, { once: true });
      this.#running.set(job.queue, controller);
      const started = performance.now();
      let ok = false;
      try {
        await options.dispatch(job, controller.signal);
        ok = true;
      } catch (error) {
        options.onError?.(error, job);
        throw error; // graphile-worker retries it with backoff
      } finally {
        helpers.abortSignal?.removeEventListener('abort', onShutdown);
        if (this.#running.get(job.queue) === controller) this.#running.delete(job.queue);
        this.#completed += 1;
        try {
          options.onFinished?.(job, performance.now() - started, ok);
        } catch {
          // Metrics must not fail a job.
        }
      }
    };
    const taskList: TaskList = Object.fromEntries(JOB_KINDS.map((kind) => [kind, task]));
    const events = new EventEmitter() as WorkerEvents;
    events.on('pool:create', ({ workerPool }) => {
      this.#poolId = workerPool.id;
    });
    // graphile-worker releases a named queue's lock without waiting and without telling
    // anyone: the next job of the queue would wait for some worker's next poll (up to
    // pollInterval, per job of a run). Once the release has landed, wake the pools of
    // every process as an insert would.
    events.on('job:complete', ({ job }) => {
      if (job.job_queue_id === null || this.#closed) return;
      for (const ms of [25, 250]) {
        setTimeout(() => {
          if (!this.#closed) this.pool.query(`select pg_notify('jobs:insert', '{"count":1}')`).catch(() => undefined);
        }, ms).unref();
      }
    });
    const pollInterval = Math.min(2000, Math.max(200, (options.leaseSeconds * 1000) / 4));
    this.#runner = await run({ pgPool: this.pool, concurrency: options.concurrency, noHandleSignals: true, pollInterval, taskList, logger: graphileLogger(options.log), events });
    await this.#beat();
    const every = Math.max(250, Math.min(10_000, (options.leaseSeconds * 1000) / 3));
    this.#timer = setInterval(() => void this.#beat(), every);
    this.#timer.unref();
    await this.#listen();
  }

  async #beat(): Promise<void> {
    try {
      const released = await heartbeat(this.pool, this.#poolId, this.#options.leaseSeconds);
      if (released.length > 0) this.#options.log.warn('Released the jobs of worker processes that stopped', { workers: released });
    } catch (error) {
      if (!this.#closed) this.#options.log.warn('Worker heartbeat failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  async #listen(): Promise<void> {
    if (this.#closed) return;
    try {
      const client = await this.pool.connect();
      this.#listener = client;
      client.on('notification', (n) => {
        if (n.channel !== ABORT_CHANNEL || !n.payload) return;
        try {
          const { queue, reason } = JSON.parse(n.payload) as { queue: string; reason: string };
          this.#running.get(queue)?.abort(new Error(reason));
        } catch {
          // Not ours.
        }
      });
      client.on('error', () => {
        client.release(true);
        this.#listener = undefined;
        if (!this.#closed) setTimeout(() => void this.#listen(), 1000).unref();
      });
      await client.query(`listen ${ABORT_CHANNEL}`);
    } catch (error) {
      this.#options.log.warn('Could not listen for cancellations', { error: error instanceof Error ? error.message : String(error) });
      if (!this.#closed) setTimeout(() => void this.#listen(), 1000).unref();
    }
  }

  async add(job: AnyJob): Promise<EnqueueResult> {
    const attempts = this.#options.maxAttempts;
    const payload = JSON.stringify(job);
    if (!job.deliveryId) {
      await this.pool.query('select graphile_worker.add_job($1, $2::json, queue_name => $3, max_attempts => $4)', [job.kind, payload, job.queue, attempts]);
      return 'queued';
    }
    const { rowCount } = await this.pool.query(
      `with d as (insert into ${SCHEMA}.deliveries (id, kind) values ($1, $2) on conflict do nothing returning id)
       select graphile_worker.add_job($2, $3::json, queue_name => $4, max_attempts => $5, job_key => 'delivery:' || d.id, job_key_mode => 'unsafe_dedupe') from d`,
      [job.deliveryId, job.kind, payload, job.queue, attempts],
    );
    return rowCount === 0 ? 'duplicate' : 'queued';
  }

  async abort(queue: string, reason = 'cancelled'): Promise<void> {
    this.#running.get(queue)?.abort(new Error(reason));
    await this.pool.query('select pg_notify($1, $2)', [ABORT_CHANNEL, JSON.stringify({ queue, reason })]);
  }

  stats(): { running: number; waiting: number; keys: number; completed: number } {
    return { running: this.#running.size, waiting: 0, keys: this.#running.size, completed: this.#completed };
  }

  async depth(): Promise<QueueDepth> {
    const { rows } = await this.pool.query<{ kind: string; running: string; waiting: string }>(
      `select task_identifier as kind, count(*) filter (where locked_at is not null) as running, count(*) filter (where locked_at is null) as waiting
         from graphile_worker.jobs where attempts < max_attempts or locked_at is not null group by task_identifier`,
    );
    const depth: QueueDepth = { running: 0, waiting: 0, byKind: {} };
    for (const r of rows) {
      const c = { running: Number(r.running), waiting: Number(r.waiting) };
      depth.byKind[r.kind] = c;
      depth.running += c.running;
      depth.waiting += c.waiting;
    }
    return depth;
  }

  /** Resolves when the database holds no job that can still run (tests). */
  async idle(): Promise<void> {
    for (;;) {
      const d = await this.depth();
      if (d.running === 0 && d.waiting === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async check(): Promise<void> {
    await this.pool.query('select 1');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#runner?.stop().catch(() => undefined);
    this.#listener?.release();
    if (this.#poolId) await this.pool.query(`delete from ${SCHEMA}.workers where id = $1`, [this.#poolId]).catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
