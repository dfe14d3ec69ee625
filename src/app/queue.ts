/**
 * The in-process work queue: webhook handlers enqueue and return at once (GitHub waits
 * 10 s at most, and an agent iteration takes minutes), jobs with the same key run one
 * at a time in order (one step at a time per spec pull request), at most `concurrency`
 * jobs run at once across keys, and a webhook delivery id seen before is dropped.
 *
 * The queue is memory only: a crash loses what is queued, not the runs, whose state is
 * on GitHub (state comment and label); start-up recovery finds them again.
 */

export interface QueueOptions {
  /** Jobs running at once across keys. */
  concurrency: number;
  /** Delivery ids remembered for deduplication. */
  rememberDeliveries?: number;
  /** Called when a job throws (jobs are expected to handle their own errors). */
  onError?: (error: unknown, job: { key: string; label: string }) => void;
  /** Called when a job ends, with how long it ran (metrics). */
  onFinished?: (job: { key: string; label: string }, ms: number, ok: boolean) => void;
}

export type Job = (signal: AbortSignal) => Promise<void>;

export type EnqueueResult = 'queued' | 'duplicate';

interface Entry {
  key: string;
  label: string;
  run: Job;
}

export class WorkQueue {
  readonly #concurrency: number;
  readonly #remember: number;
  readonly #onError: QueueOptions['onError'];
  readonly #onFinished: QueueOptions['onFinished'];
  /** Pending jobs per key, in order; the first one of a running key is the one running. */
  readonly #byKey = new Map<string, Entry[]>();
  /** Keys whose head job may start, waiting for a free slot. */
  readonly #ready: string[] = [];
  readonly #running = new Map<string, AbortController>();
  readonly #deliveries = new Set<string>();
  #idleWaiters: (() => void)[] = [];
  #completed = 0;

  constructor(options: QueueOptions) {
    this.#concurrency = Math.max(1, Math.floor(options.concurrency));
    this.#remember = options.rememberDeliveries ?? 5000;
    this.#onError = options.onError;
    this.#onFinished = options.onFinished;
  }

  /**
   * Queues `run` behind the other jobs of `key`. A `deliveryId` already seen makes this a
   * no-op (GitHub redelivers, and a replica may receive the same delivery twice).
   */
  enqueue(key: string, run: Job, options: { deliveryId?: string; label?: string } = {}): EnqueueResult {
    if (options.deliveryId) {
      if (this.#deliveries.has(options.deliveryId)) return 'duplicate';
      this.#deliveries.add(options.deliveryId);
      if (this.#deliveries.size > this.#remember) this.#deliveries.delete(this.#deliveries.values().next().value!);
    }
    const entry: Entry = { key, label: options.label ?? key, run };
    const list = this.#byKey.get(key);
    if (list) list.push(entry);
    else {
      this.#byKey.set(key, [entry]);
      this.#ready.push(key);
      this.#pump();
    }
    return 'queued';
  }

  /** Asks the running job of `key` to stop at its next check; queued jobs still run. True when one was running. */
  abort(key: string, reason = 'cancelled'): boolean {
    const controller = this.#running.get(key);
    if (!controller) return false;
    controller.abort(new Error(reason));
    return true;
  }

  /** Resolves when nothing is queued or running (tests, graceful shutdown). */
  idle(): Promise<void> {
    if (this.#byKey.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  stats(): { running: number; waiting: number; keys: number; completed: number } {
    let waiting = 0;
    for (const list of this.#byKey.values()) waiting += list.length;
    return { running: this.#running.size, waiting: waiting - this.#running.size, keys: this.#byKey.size, completed: this.#completed };
  }

  #pump(): void {
    while (this.#running.size < this.#concurrency && this.#ready.length > 0) {
      const key = this.#ready.shift()!;
      const entry = this.#byKey.get(key)?.[0];
      if (!entry) continue;
      const controller = new AbortController();
      this.#running.set(key, controller);
      // Start on a later tick, so enqueue() always returns before any job code runs.
      setImmediate(() => void this.#run(entry, controller));
    }
  }

  async #run(entry: Entry, controller: AbortController): Promise<void> {
    const started = performance.now();
    let ok = false;
    try {
      await entry.run(controller.signal);
      ok = true;
    } catch (error) {
      try {
        this.#onError?.(error, { key: entry.key, label: entry.label });
      } catch {
        // A failing error reporter must not stop the queue.
      }
    } finally {
      try {
        this.#onFinished?.({ key: entry.key, label: entry.label }, performance.now() - started, ok);
      } catch {
        // Metrics must not stop the queue either.
      }
      this.#completed += 1;
      this.#running.delete(entry.key);
      const list = this.#byKey.get(entry.key)!;
      list.shift();
      if (list.length === 0) this.#byKey.delete(entry.key);
      else this.#ready.push(entry.key);
      this.#pump();
      if (this.#byKey.size === 0) {
        const waiters = this.#idleWaiters;
        this.#idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }
}
