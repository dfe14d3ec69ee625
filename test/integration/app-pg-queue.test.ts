/**
 * The Postgres adapters in-process against a real server (DATABASE_URL; a database of
 * this file's own): migrations applied once when two processes start together, the run
 * registry, delivery ids deduplicated, a throwing job retried with backoff, depth by kind.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { job, type AnyJob } from '../../src/app/jobs.js';
import { PostgresJobQueue } from '../../src/app/pg-queue.js';
import { deleteEmptyQueues, migrate, MIGRATIONS, PgRunRegistry } from '../../src/app/pg-store.js';
import type { AppLog } from '../../src/app/context.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres/scratch-database.js';

const DATABASE_URL = process.env.DATABASE_URL;
const quiet: AppLog = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe.skipIf(!DATABASE_URL)('the Postgres queue and registry (skipped only without DATABASE_URL, which .ci/run sets)', () => {
  let url: string;
  let database: ScratchDatabase;
  const opened: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase(DATABASE_URL!, 'sa_q');
    url = database.url;
  });

  afterAll(async () => {
    for (const o of opened) await o.close();
    await database.drop();
  });

  it('migrates once when several processes start at the same time, and keeps a registry of runs', async () => {
    const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
    opened.push(...pools.map((p) => ({ close: () => p.end() })));
    const applied = await Promise.all(pools.map((p) => migrate(p)));
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(pools[0]!)).toEqual([]);

    const registry = new PgRunRegistry(pools[0]!);
    await registry.record({ installationId: 42, owner: 'o', repo: 'r', pr: 1, branch: 'spec/a', phase: 'developing' });
    await registry.record({ installationId: 42, owner: 'o', repo: 'r', pr: 2, branch: 'spec/b', phase: 'ready' });
    await registry.record({ installationId: 42, owner: 'o', repo: 'r', pr: 1, branch: 'spec/a', phase: 'qa' });
    expect(await registry.active()).toEqual([{ installationId: 42, owner: 'o', repo: 'r', pr: 1, branch: 'spec/a', phase: 'qa' }]);
    await registry.forget({ owner: 'o', repo: 'r' }, 1);
    expect(await registry.active()).toEqual([]);
  });

  it('drops a delivery id seen before, retries a throwing job with backoff, and counts depth by kind', async () => {
    const ran: { id: string; attempt: number; at: number }[] = [];
    let failOnce = true;
    const finished: { kind: string; ok: boolean }[] = [];
    const queue = new PostgresJobQueue({
      connectionString: url,
      concurrency: 2,
      work: true,
      leaseSeconds: 5,
      maxAttempts: 3,
      log: quiet,
      dispatch: async (j: AnyJob) => {
        ran.push({ id: j.deliveryId ?? j.label, attempt: ran.filter((r) => r.id === (j.deliveryId ?? j.label)).length + 1, at: Date.now() });
        if (j.label === 'flaky' && failOnce) {
          failOnce = false;
          throw new Error('GitHub answered 502');
        }
      },
      onFinished: (j, _ms, ok) => finished.push({ kind: j.kind, ok }),
    });
    opened.push(queue);
    await queue.start();
    const session = { installationId: 1, repo: { owner: 'o', repo: 'r' }, htmlUrl: 'https://github.com/o/r', defaultBranch: 'main' };
    const push = (id: string, label = `push ${id}`) => job('push', 'push:o/r', label, { session, push: { ref: 'refs/heads/main', before: '0', after: '1', repository: {} } }, id);
    expect(await queue.add(push('d-1'))).toBe('queued');
    expect(await queue.add(push('d-1'))).toBe('duplicate');
    expect(await queue.add(push('d-2', 'flaky'))).toBe('queued');
    await queue.idle();
    expect(ran.filter((r) => r.id === 'd-1')).toHaveLength(1);
    const flaky = ran.filter((r) => r.id === 'd-2');
    expect(flaky.map((r) => r.attempt)).toEqual([1, 2]);
    // graphile-worker's backoff: the second attempt waits about exp(1) seconds.
    expect(flaky[1]!.at - flaky[0]!.at).toBeGreaterThan(1500);
    expect(finished).toEqual(expect.arrayContaining([{ kind: 'push', ok: false }, { kind: 'push', ok: true }]));
    // After it ran, a redelivery is still a duplicate (the job row is gone, the delivery id stays).
    expect(await queue.add(push('d-2'))).toBe('duplicate');
    expect(await queue.depth()).toEqual({ running: 0, waiting: 0, byKind: {} });
    // The worker's next heartbeat (every 1.7 s with a 5 s lease) deletes the empty queue.
    const queueRows = async () => (await queue.pool.query<{ n: number }>(`select count(*)::int as n from graphile_worker._private_job_queues where queue_name = 'push:o/r'`)).rows[0]!.n;
    for (let i = 0; i < 60 && (await queueRows()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await queueRows()).toBe(0);
    // Stopped here: a worker left running would take the next test's jobs on this database.
    await queue.close();
  }, 30_000);

  it('adds deliveries arriving together in shared statements: each queued once, duplicates found within and across them and across processes', async () => {
    const webs = [0, 1].map(() => new PostgresJobQueue({ connectionString: url, concurrency: 1, work: false, leaseSeconds: 5, maxAttempts: 2, log: quiet, dispatch: () => Promise.reject(new Error('a web process never works')) }));
    opened.push(...webs);
    await Promise.all(webs.map((w) => w.start()));
    const statements: string[] = [];
    const query = webs[0]!.pool.query.bind(webs[0]!.pool);
    webs[0]!.pool.query = ((...args: Parameters<typeof query>) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
      if (text.includes('deliveries')) statements.push(text);
      return query(...args);
    }) as typeof query;
    const session = { installationId: 1, repo: { owner: 'o', repo: 'r' }, htmlUrl: 'https://github.com/o/r', defaultBranch: 'main' };
    const push = (id: string) => job('push', `push:o/${id}`, `push ${id}`, { session, push: { ref: 'refs/heads/main', before: '0', after: '1', repository: {} } }, id);
    // 60 new ids, each sent twice to the first process and once to the second, all at once.
    const ids = Array.from({ length: 60 }, (_, i) => `batch-${i}`);
    const results = await Promise.all(ids.flatMap((id) => [webs[0]!.add(push(id)), webs[0]!.add(push(id)), webs[1]!.add(push(id))]));
    for (let i = 0; i < ids.length; i++) expect(results.slice(i * 3, i * 3 + 3).filter((r) => r === 'queued')).toHaveLength(1);
    // Fewer statements than deliveries (2 under way at once, the rest waiting together).
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.length).toBeLessThan(ids.length / 4);
    const { rows } = await webs[0]!.pool.query<{ n: number; ids: number }>(`select count(*)::int as n, count(distinct payload->>'deliveryId')::int as ids from graphile_worker._private_jobs where payload->>'deliveryId' like 'batch-%'`);
    expect(rows[0]).toEqual({ n: 60, ids: 60 });
    // A delivery id recorded before is a duplicate inside a shared statement too.
    expect(await Promise.all([webs[0]!.add(push('batch-0')), webs[0]!.add(push('batch-new')), webs[0]!.add(push('batch-1'))])).toEqual(['duplicate', 'queued', 'duplicate']);
    // A statement that fails answers with the error (nothing acknowledged), and nothing was recorded.
    await webs[1]!.close();
    await expect(webs[1]!.add(push('batch-lost'))).rejects.toThrow();
    const { rows: lost } = await webs[0]!.pool.query(`select 1 from spec_automation.deliveries where id = 'batch-lost'`);
    expect(lost).toHaveLength(0);
    await webs[0]!.pool.query(`delete from graphile_worker._private_jobs`);
  }, 30_000);

  it('deletes empty named queues without losing a job being added to one by a transaction not yet committed', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    opened.push({ close: () => pool.end() });
    await pool.query(`delete from graphile_worker._private_jobs`);
    await pool.query(`delete from graphile_worker._private_job_queues`);
    // Two queues left empty by finished jobs: q-idle stays empty, q-busy gets a job below.
    for (const name of ['q-idle', 'q-busy']) {
      const { rows } = await pool.query<{ id: string }>(`select id from graphile_worker.add_job('push', '{}'::json, queue_name => $1)`, [name]);
      await pool.query('select graphile_worker.complete_jobs(array[$1::bigint])', [rows[0]!.id]);
    }
    const queueOfJob = `select j.id, q.queue_name from graphile_worker._private_jobs j left join graphile_worker._private_job_queues q on q.id = j.job_queue_id`;

    // Control: graphile-worker's own GC_JOB_QUEUES statement, while a job for q-busy is added
    // and not committed yet, deletes q-busy: once committed, the job points at no queue
    // (and would never run). This is what the lock in deleteEmptyQueues prevents.
    const adding = await pool.connect();
    await adding.query('begin');
    await adding.query(`select graphile_worker.add_job('push', '{}'::json, queue_name => 'q-busy')`);
    await pool.query(`delete from graphile_worker._private_job_queues where locked_at is null and id not in (select job_queue_id from graphile_worker._private_jobs where job_queue_id is not null)`);
    await adding.query('commit');
    expect((await pool.query(queueOfJob)).rows).toEqual([{ id: expect.any(String), queue_name: null }]);
    await pool.query(`delete from graphile_worker._private_jobs`);
    for (const name of ['q-idle', 'q-busy']) await pool.query(`insert into graphile_worker._private_job_queues (queue_name) values ($1)`, [name]);

    // The same race through deleteEmptyQueues: it waits for the adding transaction, then keeps
    // q-busy (it has the job now) and deletes q-idle.
    await adding.query('begin');
    await adding.query(`select graphile_worker.add_job('push', '{}'::json, queue_name => 'q-busy')`);
    let settled = false;
    const collecting = deleteEmptyQueues(pool, 5000).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    await adding.query('commit');
    adding.release();
    expect(await collecting).toBe(1);
    expect((await pool.query(queueOfJob)).rows).toEqual([{ id: expect.any(String), queue_name: 'q-busy' }]);
    expect((await pool.query(`select queue_name from graphile_worker._private_job_queues order by 1`)).rows).toEqual([{ queue_name: 'q-busy' }]);

    // A table held by a long transaction is left for next time (0), within the lock timeout.
    const holder = await pool.connect();
    await holder.query('begin');
    await holder.query(`select graphile_worker.add_job('push', '{}'::json, queue_name => 'q-other')`);
    const t0 = performance.now();
    expect(await deleteEmptyQueues(pool, 50)).toBe(0);
    expect(performance.now() - t0).toBeLessThan(2000);
    await holder.query('rollback');
    holder.release();
    await pool.query(`delete from graphile_worker._private_jobs`);
  }, 30_000);

  it('reaches the process running a queue\'s job with an abort sent from another process (LISTEN/NOTIFY)', async () => {
    let running!: () => void;
    const started = new Promise<void>((resolve) => (running = resolve));
    let stoppedBy: string | undefined;
    const worker = new PostgresJobQueue({
      connectionString: url,
      concurrency: 1,
      work: true,
      leaseSeconds: 5,
      maxAttempts: 1,
      log: quiet,
      dispatch: (_j, signal) =>
        new Promise<void>((resolve) => {
          running();
          signal.addEventListener('abort', () => {
            stoppedBy = (signal.reason as Error).message;
            resolve();
          });
        }),
    });
    const web = new PostgresJobQueue({ connectionString: url, concurrency: 1, work: false, leaseSeconds: 5, maxAttempts: 1, log: quiet, dispatch: () => Promise.reject(new Error('a web process never works')) });
    opened.push(worker, web);
    await Promise.all([worker.start(), web.start()]);
    const session = { installationId: 1, repo: { owner: 'o', repo: 'r' }, htmlUrl: 'https://github.com/o/r', defaultBranch: 'main' };
    await web.add(job('recover', 'o/r@spec/long', 'recover spec/long', { session, pr: { number: 1 } as never }));
    await started;
    expect((await web.depth()).byKind).toEqual({ recover: { running: 1, waiting: 0 } });
    await web.abort('o/r@spec/long', 'cancelled by @ada');
    await worker.idle();
    expect(stoppedBy).toBe('cancelled by @ada');
  }, 30_000);
});
