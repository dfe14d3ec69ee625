/**
 * The durable queue (DATABASE_URL set): jobs wait in Postgres through graphile-worker and
 * run in whichever process works (`npm start`, `npm run start:worker`).
 *
 * - One at a time per run across every process: a job's `queue` is graphile-worker's
 *   `queue_name` (a named queue runs its jobs serially, oldest first).
 * - Redeliveries are dropped: the delivery id goes into `spec_automation.deliveries` in
 *   the same statement (one transaction) that adds the job, and only a new id adds one, so
 *   the same delivery sent to two web processes, or redelivered after its job finished,
 *   queues once. Deliveries arriving together share that statement (group commit: one
 *   round trip, one commit and one NOTIFY for the lot); each is acknowledged only once
 *   its statement committed. Ids are inserted in sorted order, so two processes' batches
 *   never wait on each other in a cycle.
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
import { deleteEmptyQueues, heartbeat, migrate, SCHEMA } from './pg-store.js';
import { JOB_KINDS, type AnyJob, type Dispatch, type EnqueueResult, type JobQueue, type QueueDepth } from './jobs.js';
import type { AppLog } from './context.js';

const ABORT_CHANNEL = 'spec_automation_abort';

/** Statements adding deliveries under way at once; more deliveries wait and go in one statement. */
const ADD_IN_FLIGHT = 2;
/** Deliveries in one statement at most. */
const ADD_BATCH_MAX = 500;
/** Milliseconds after a job of a named queue finished to check its queue, and again while it is still locked. */
const WAKE_DELAYS: readonly number[] = [25, 250];

interface PendingAdd {
  job: AnyJob;
  resolve: (result: EnqueueResult) => void;
  reject: (error: unknown) => void;
}

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
  /** `#completed` when the empty queues were last deleted. */
  #completedAtCollect = 0;
  #closed = false;
  #started: Promise<void> | undefined;
  readonly #pending: PendingAdd[] = [];
  /** Deliveries being written, by id. */
  readonly #adding = new Map<string, Promise<EnqueueResult>>();
  #inFlight = 0;
  /** Named queues whose job finished, to check together (see `#wakeQueues`). */
  readonly #finishedQueues = new Set<number>();

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
    // every process as an insert would, when the queue has a job waiting: most queues
    // (one per pushed repository) have none, and a NOTIFY wakes every idle worker of
    // every process into a get_job query. The queues finished within WAKE_DELAYS[0]
    // are checked together, in one query.
    events.on('job:complete', ({ job }) => {
      if (job.job_queue_id === null || this.#closed) return;
      this.#finishedQueues.add(job.job_queue_id);
      if (this.#finishedQueues.size > 1) return;
      setTimeout(() => {
        const ids = [...this.#finishedQueues];
        this.#finishedQueues.clear();
        void this.#wakeQueues(ids, WAKE_DELAYS.slice(1));
      }, WAKE_DELAYS[0]).unref();
    });
    const pollInterval = Math.min(2000, Math.max(200, (options.leaseSeconds * 1000) / 4));
    this.#runner = await run({ pgPool: this.pool, concurrency: options.concurrency, noHandleSignals: true, pollInterval, taskList, logger: graphileLogger(options.log), events });
    await this.#beat();
    const every = Math.max(250, Math.min(10_000, (options.leaseSeconds * 1000) / 3));
    this.#timer = setInterval(() => void this.#beat(), every);
    this.#timer.unref();
    await this.#listen();
  }

  /**
   * NOTIFYs the workers once if one of the queues `ids` has a job waiting and is unlocked;
   * the ones with a job waiting that are still locked are tried again after `later[0]` ms.
   */
  async #wakeQueues(ids: readonly number[], later: readonly number[]): Promise<void> {
    if (this.#closed) return;
    try {
      const { rows } = await this.pool.query<{ id: number; locked: boolean }>({
        name: 'spec-automation-queues-waiting',
        text: `select q.id, q.locked_at is not null as locked
                 from graphile_worker._private_job_queues q
                where q.id = any($1::int[])
                  and exists (select 1 from graphile_worker._private_jobs j where j.job_queue_id = q.id and j.is_available)`,
        values: [ids],
      });
      if (this.#closed) return;
      if (rows.some((r) => !r.locked)) await this.pool.query(`select pg_notify('jobs:insert', '{"count":1}')`);
      const locked = rows.filter((r) => r.locked).map((r) => r.id);
      const [ms, ...rest] = later;
      if (locked.length > 0 && ms !== undefined) setTimeout(() => void this.#wakeQueues(locked, rest), ms).unref();
    } catch {
      // A missed wake costs one poll interval, no more.
    }
  }

  /** The heartbeat; then, when this process finished jobs since the last time, the empty queues go. */
  async #beat(): Promise<void> {
    try {
      const released = await heartbeat(this.pool, this.#poolId, this.#options.leaseSeconds);
      if (released.length > 0) this.#options.log.warn('Released the jobs of worker processes that stopped', { workers: released });
      if (this.#completed !== this.#completedAtCollect) {
        this.#completedAtCollect = this.#completed;
        await deleteEmptyQueues(this.pool);
      }
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
    if (!job.deliveryId) {
      await this.pool.query('select graphile_worker.add_job($1, $2::json, queue_name => $3, max_attempts => $4)', [job.kind, JSON.stringify(job), job.queue, this.#options.maxAttempts]);
      return 'queued';
    }
    // The same delivery twice while the first is being written: the second is a duplicate
    // once the first is in (and fails with it).
    const same = this.#adding.get(job.deliveryId);
    if (same) return same.then(() => 'duplicate');
    const added = new Promise<EnqueueResult>((resolve, reject) => {
      this.#pending.push({ job, resolve, reject });
    });
    const id = job.deliveryId;
    this.#adding.set(id, added);
    const forget = () => {
      if (this.#adding.get(id) === added) this.#adding.delete(id);
    };
    added.then(forget, forget);
    this.#flush();
    return added;
  }

  /**
   * Writes the waiting deliveries, at most ADD_IN_FLIGHT statements at once: a delivery
   * arriving alone is written at once; deliveries arriving while statements are under way
   * wait for one of them and go together in the next (one statement, one commit, one
   * NOTIFY to the workers for all of them). Each is answered only once its statement committed.
   */
  #flush(): void {
    while (this.#pending.length > 0 && this.#inFlight < ADD_IN_FLIGHT) {
      const batch = this.#pending.splice(0, ADD_BATCH_MAX);
      this.#inFlight += 1;
      void this.#write(batch).finally(() => {
        this.#inFlight -= 1;
        this.#flush();
      });
    }
  }

  async #write(batch: PendingAdd[]): Promise<void> {
    let queued: Set<string>;
    try {
      queued = await this.#insertDeliveries(batch);
    } catch (error) {
      // One bad job must not fail the others: each is tried alone once more.
      if (batch.length > 1) {
        await Promise.all(batch.map((one) => this.#write([one])));
        return;
      }
      batch[0]!.reject(error);
      return;
    }
    for (const p of batch) p.resolve(queued.has(p.job.deliveryId!) ? 'queued' : 'duplicate');
  }

  /**
   * One statement: the delivery ids go into `deliveries` (ids seen before are left out),
   * and the jobs of the new ones into graphile-worker (`add_jobs`), in one transaction.
   * The batch travels as one JSON array (each job carries its deliveryId, kind and queue):
   * one JSON.stringify, where text[]/json[] parameters cost pg an escaping pass over
   * every character of every payload. Returns the ids queued.
   */
  async #insertDeliveries(batch: readonly PendingAdd[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ queued: string[] }>({
      name: 'spec-automation-add-deliveries',
      text: `with input as (
          select v->>'deliveryId' as id, v->>'kind' as kind, v as payload, v->>'queue' as queue, n
            from json_array_elements($1::json) with ordinality as e(v, n)
        ), d as (
          insert into ${SCHEMA}.deliveries (id, kind) select id, kind from input order by id on conflict do nothing returning id
        ), specs as (
          select array_agg(row(i.kind, i.payload, i.queue, null, $2::int, null, null, null)::graphile_worker.job_spec order by i.n) as a
            from input i join d on d.id = i.id
        )
        select array(select id from d) as queued,
               case when (select a from specs) is null then 0 else (select count(*) from graphile_worker.add_jobs((select a from specs))) end as added`,
      values: [JSON.stringify(batch.map((p) => p.job)), this.#options.maxAttempts],
    });
    return new Set(rows[0]?.queued ?? []);
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
