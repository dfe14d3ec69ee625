import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../src/gates/concurrency.js';

describe('createLimiter', () => {
  it('never runs more than the limit at once and runs everything', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5 + (i % 3)));
      order.push(i);
      active -= 1;
      return i * 2;
    };
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => limit(task(i))));
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16]);
    expect(peak).toBe(2);
    expect(order).toHaveLength(9);
  });

  it('releases the slot when a task throws', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('treats a limit below 1 as 1', async () => {
    const limit = createLimiter(0);
    let active = 0;
    let peak = 0;
    await Promise.all(
      [1, 2, 3].map(() =>
        limit(async () => {
          peak = Math.max(peak, ++active);
          await new Promise((r) => setTimeout(r, 1));
          active--;
        }),
      ),
    );
    expect(peak).toBe(1);
  });
});

describe('createLimiter: priorities and hold', () => {
  it('starts waiting tasks highest priority first, in call order among equals', async () => {
    const limit = createLimiter(1);
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
      await new Promise((r) => setTimeout(r, 1));
    };
    await Promise.all([limit(task('first'), 0), limit(task('low'), 1), limit(task('high'), 50), limit(task('low2'), 1)]);
    expect(order).toEqual(['first', 'high', 'low', 'low2']);
  });

  it('starts nothing while held, then in priority order', async () => {
    const limit = createLimiter(2);
    const release = limit.hold();
    const order: string[] = [];
    const runs = [limit(async () => void order.push('short'), 10), limit(async () => void order.push('long'), 900), limit(async () => void order.push('mid'), 300)];
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    release();
    await Promise.all(runs);
    expect(order).toEqual(['long', 'mid', 'short']);
  });
});
