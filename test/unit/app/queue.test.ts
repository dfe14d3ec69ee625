import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../../src/app/queue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('WorkQueue', () => {
  it('returns before any job code runs', async () => {
    const queue = new WorkQueue({ concurrency: 2 });
    let ran = false;
    expect(queue.enqueue('a', async () => void (ran = true))).toBe('queued');
    expect(ran).toBe(false);
    await queue.idle();
    expect(ran).toBe(true);
  });

  it('runs one job at a time per key, in order', async () => {
    const queue = new WorkQueue({ concurrency: 4 });
    const log: string[] = [];
    const gate = deferred();
    queue.enqueue('pr-1', async () => {
      log.push('1 start');
      await gate.promise;
      log.push('1 end');
    });
    queue.enqueue('pr-1', async () => void log.push('2'));
    queue.enqueue('pr-2', async () => void log.push('other key'));
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['1 start', 'other key']);
    gate.resolve();
    await queue.idle();
    expect(log).toEqual(['1 start', 'other key', '1 end', '2']);
  });

  it('limits concurrency across keys', async () => {
    const queue = new WorkQueue({ concurrency: 2 });
    let running = 0;
    let peak = 0;
    for (let i = 0; i < 6; i++) {
      queue.enqueue(`k${i}`, async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
      });
    }
    await queue.idle();
    expect(peak).toBe(2);
    expect(queue.stats().completed).toBe(6);
  });

  it('drops a delivery id seen before', async () => {
    const queue = new WorkQueue({ concurrency: 1, rememberDeliveries: 2 });
    let runs = 0;
    const job = async () => void (runs += 1);
    expect(queue.enqueue('k', job, { deliveryId: 'd1' })).toBe('queued');
    expect(queue.enqueue('k', job, { deliveryId: 'd1' })).toBe('duplicate');
    queue.enqueue('k', job, { deliveryId: 'd2' });
    queue.enqueue('k', job, { deliveryId: 'd3' });
    // d1 fell out of the bounded memory: accepted again (the state document dedupes too).
    expect(queue.enqueue('k', job, { deliveryId: 'd1' })).toBe('queued');
    await queue.idle();
    expect(runs).toBe(4);
  });

  it('reports a failing job and goes on', async () => {
    const errors: string[] = [];
    const queue = new WorkQueue({ concurrency: 1, onError: (e, job) => errors.push(`${job.label}: ${(e as Error).message}`) });
    let after = false;
    queue.enqueue('k', async () => {
      throw new Error('boom');
    }, { label: 'first' });
    queue.enqueue('k', async () => void (after = true));
    await queue.idle();
    expect(errors).toEqual(['first: boom']);
    expect(after).toBe(true);
  });

  it('aborts the running job of a key through its signal', async () => {
    const queue = new WorkQueue({ concurrency: 1 });
    const seen: boolean[] = [];
    const started = deferred();
    queue.enqueue('k', async (signal) => {
      started.resolve();
      await new Promise((r) => setTimeout(r, 20));
      seen.push(signal.aborted);
    });
    await started.promise;
    expect(queue.abort('k', 'cancelled by @a')).toBe(true);
    expect(queue.abort('nothing')).toBe(false);
    await queue.idle();
    expect(seen).toEqual([true]);
  });
});
