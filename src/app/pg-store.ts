/**
 * The app's own tables in Postgres (schema `spec_automation`), next to graphile-worker's
 * (schema `graphile_worker`, which migrates itself):
 *
 * - `runs`: the run registry, one row per spec pull request with its installation, branch
 *   and last saved phase. Start-up recovery reads it instead of the search API.
 * - `deliveries`: delivery ids already queued (a redelivery, or the same delivery sent to
 *   two web processes, is dropped even after its job finished and left graphile-worker's table).
 * - `workers`: a heartbeat per worker process, so a job whose process died (kill -9) is
 *   released after `SPEC_AUTOMATION_WORKER_LEASE_SECONDS` instead of graphile-worker's fixed 4 hours.
 *
 * Migrations are numbered and applied at start-up, once, under an advisory lock (several
 * processes may start together).
 */
import type { Pool, PoolClient } from 'pg';
import type { RepoRef } from '../github/types.js';

export const SCHEMA = 'spec_automation';

/** Versioned migrations; append only (a deployed version is never edited). */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
create table ${SCHEMA}.runs (
  owner text not null,
  repo text not null,
  pr integer not null,
  installation_id bigint not null,
  branch text not null,
  phase text not null,
  updated_at timestamptz not null default now(),
  primary key (owner, repo, pr)
);
create index runs_phase on ${SCHEMA}.runs (phase);
create table ${SCHEMA}.deliveries (
  id text primary key,
  kind text not null,
  received_at timestamptz not null default now()
);
create index deliveries_received_at on ${SCHEMA}.deliveries (received_at);
create table ${SCHEMA}.workers (
  id text primary key,
  seen_at timestamptz not null default now()
);`,
  },
];

/** Applies the migrations not applied yet; returns the versions it applied. */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('${SCHEMA}.migrate'))`);
    await client.query(`create schema if not exists ${SCHEMA}`);
    await client.query(`create table if not exists ${SCHEMA}.migrations (version integer primary key, applied_at timestamptz not null default now())`);
    const { rows } = await client.query<{ version: number }>(`select version from ${SCHEMA}.migrations`);
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query(`insert into ${SCHEMA}.migrations (version) values ($1)`, [m.version]);
      applied.push(m.version);
    }
    await client.query('commit');
    return applied;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface RegisteredRun {
  installationId: number;
  owner: string;
  repo: string;
  pr: number;
  branch: string;
  phase: string;
}

/** The run registry (the port recovery reads); `PgRunRegistry` is its Postgres adapter. */
export interface RunRegistry {
  record(run: RegisteredRun): Promise<void>;
  /** Runs whose last saved phase is active (developing, fixing, qa). */
  active(): Promise<RegisteredRun[]>;
  forget(repo: RepoRef, pr: number): Promise<void>;
}

export class PgRunRegistry implements RunRegistry {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async record(run: RegisteredRun): Promise<void> {
    await this.#pool.query(
      `insert into ${SCHEMA}.runs (owner, repo, pr, installation_id, branch, phase, updated_at) values ($1, $2, $3, $4, $5, $6, now())
       on conflict (owner, repo, pr) do update set installation_id = excluded.installation_id, branch = excluded.branch, phase = excluded.phase, updated_at = now()`,
      [run.owner, run.repo, run.pr, run.installationId, run.branch, run.phase],
    );
  }

  async active(): Promise<RegisteredRun[]> {
    const { rows } = await this.#pool.query<{ owner: string; repo: string; pr: number; installation_id: string; branch: string; phase: string }>(
      `select owner, repo, pr, installation_id, branch, phase from ${SCHEMA}.runs where phase in ('developing', 'fixing', 'qa') order by updated_at`,
    );
    return rows.map((r) => ({ owner: r.owner, repo: r.repo, pr: r.pr, installationId: Number(r.installation_id), branch: r.branch, phase: r.phase }));
  }

  async forget(repo: RepoRef, pr: number): Promise<void> {
    await this.#pool.query(`delete from ${SCHEMA}.runs where owner = $1 and repo = $2 and pr = $3`, [repo.owner, repo.repo, pr]);
  }
}

/**
 * One heartbeat of a worker process, and the release of jobs whose process stopped
 * beating: every job locked longer than the lease by a pool that has not beaten within
 * the lease goes back to the queue (graphile-worker's `force_unlock_workers`), and its
 * named queue with it. Returns the pools released.
 */
export async function heartbeat(client: Pool | PoolClient, poolId: string | undefined, leaseSeconds: number): Promise<string[]> {
  if (poolId) await client.query(`insert into ${SCHEMA}.workers (id, seen_at) values ($1, now()) on conflict (id) do update set seen_at = now()`, [poolId]);
  const lease = `${Math.max(1, Math.round(leaseSeconds))} seconds`;
  const { rows } = await client.query<{ id: string }>(
    `select distinct locked_by as id from graphile_worker._private_jobs
      where locked_by is not null and locked_at < now() - $1::interval
        and locked_by not in (select id from ${SCHEMA}.workers where seen_at >= now() - $1::interval)
     union
     select distinct locked_by from graphile_worker._private_job_queues
      where locked_by is not null and locked_at < now() - $1::interval
        and locked_by not in (select id from ${SCHEMA}.workers where seen_at >= now() - $1::interval)`,
    [lease],
  );
  const dead = rows.map((r) => r.id);
  if (dead.length > 0) {
    await client.query('select graphile_worker.force_unlock_workers($1::text[])', [dead]);
    await client.query(`delete from ${SCHEMA}.workers where id = any($1::text[])`, [dead]);
  }
  // Old heartbeats and delivery ids (GitHub offers redelivery for 3 days).
  await client.query(`delete from ${SCHEMA}.workers where seen_at < now() - interval '1 day'`);
  await client.query(`delete from ${SCHEMA}.deliveries where received_at < now() - interval '7 days'`);
  return dead;
}

/**
 * Deletes the named queues that hold no job, returning how many. Every pushed repository
 * and every run has a queue of its own, and graphile-worker keeps each one: its get_job
 * locks every unlocked queue row on each call, so a job's cost grows with the rows left
 * behind (1.6 ms per get_job with 2,200 of them, most of the database's time in the
 * app's benchmark).
 *
 * graphile-worker's own GC_JOB_QUEUES cleanup races with add_jobs: a job added to an
 * existing queue by a transaction not yet committed is invisible to the delete, which
 * removes its queue, and a job whose queue is gone never runs. Taking the table in SHARE
 * ROW EXCLUSIVE mode first waits for every transaction that has written to it (add_jobs
 * inserts into it even when the queue exists, get_job and complete_job update it) and
 * holds new ones back for the delete, whose snapshot is taken after the lock: it sees
 * their jobs. Transactions that add a job after the lock find the queue gone and create
 * it again. `lockTimeoutMs` bounds the wait; a busy table is left for the next call (0).
 */
export async function deleteEmptyQueues(pool: Pool, lockTimeoutMs = 50): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local lock_timeout = '${Math.max(1, Math.round(lockTimeoutMs))}ms'`);
    await client.query('lock table graphile_worker._private_job_queues in share row exclusive mode');
    const { rowCount } = await client.query(
      `delete from graphile_worker._private_job_queues q
        where q.locked_at is null
          and not exists (select 1 from graphile_worker._private_jobs j where j.job_queue_id = q.id)`,
    );
    await client.query('commit');
    return rowCount ?? 0;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    if ((error as { code?: string }).code === '55P03') return 0; // lock_not_available: busy, next time
    throw error;
  } finally {
    client.release();
  }
}
