/**
 * The embedded queue (no DATABASE_URL): jobs wait in this process's memory (queue.ts)
 * and run here. One at a time per queue, a concurrency limit across queues, delivery
 * ids remembered for deduplication; a restart loses what waits (start-up recovery finds
 * the runs again).
 */
import { WorkQueue } from './queue.js';
import type { AnyJob, Dispatch, EnqueueResult, JobQueue, QueueDepth } from './jobs.js';

export interface LocalQueueOptions {
  concurrency: number;
  dispatch: Dispatch;
  onError?: (error: unknown, job: AnyJob) => void;
  onFinished?: (job: AnyJob, ms: number, ok: boolean) => void;
}

export class LocalJobQueue implements JobQueue {
  readonly backend = 'memory' as const;
  readonly #work: WorkQueue;
  readonly #dispatch: Dispatch;
  /** Jobs queued or running, by kind, for the depth gauge. */
  readonly #kinds = new Map<string, { running: number; waiting: number }>();

  constructor(options: LocalQueueOptions) {
    this.#dispatch = options.dispatch;
    this.#work = new WorkQueue({ concurrency: options.concurrency });
    this.onError = options.onError;
    this.onFinished = options.onFinished;
  }

  onError: LocalQueueOptions['onError'];
  onFinished: LocalQueueOptions['onFinished'];

  #count(kind: string): { running: number; waiting: number } {
    let c = this.#kinds.get(kind);
    if (!c) this.#kinds.set(kind, (c = { running: 0, waiting: 0 }));
    return c;
  }

  add(job: AnyJob): Promise<EnqueueResult> {
    const result = this.#work.enqueue(
      job.queue,
      async (signal) => {
        const c = this.#count(job.kind);
        c.waiting -= 1;
        c.running += 1;
        const started = performance.now();
        let ok = false;
        try {
          await this.#dispatch(job, signal);
          ok = true;
        } catch (error) {
          try {
            this.onError?.(error, job);
          } catch {
            // A failing error reporter must not stop the queue.
          }
        } finally {
          c.running -= 1;
          try {
            this.onFinished?.(job, performance.now() - started, ok);
          } catch {
            // Metrics must not stop the queue either.
          }
        }
      },
      { ...(job.deliveryId ? { deliveryId: job.deliveryId } : {}), label: job.label },
    );
    if (result === 'queued') this.#count(job.kind).waiting += 1;
    return Promise.resolve(result);
  }

  abort(queue: string, reason = 'cancelled'): Promise<void> {
    this.#work.abort(queue, reason);
    return Promise.resolve();
  }

  stats(): ReturnType<WorkQueue['stats']> {
    return this.#work.stats();
  }

  depth(): Promise<QueueDepth> {
    const s = this.#work.stats();
    const byKind: QueueDepth['byKind'] = {};
    for (const [kind, c] of this.#kinds) if (c.running > 0 || c.waiting > 0) byKind[kind] = { ...c };
    return Promise.resolve({ running: s.running, waiting: s.waiting, byKind });
  }

  idle(): Promise<void> {
    return this.#work.idle();
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  check(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
