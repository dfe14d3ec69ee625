/**
 * A counting semaphore: at most `limit` tasks run at once. Waiting tasks start highest
 * priority first (the gates engine passes the expected duration, so the longest work
 * starts first and the short gates fill in around it), in call order among equals.
 */
export interface Limiter {
  <T>(task: () => Promise<T>, priority?: number): Promise<T>;
  /**
   * Starts nothing until the returned function is called, so tasks that arrive a few
   * milliseconds apart (each after its own cache lookup) still start in priority order.
   */
  hold(): () => void;
}

export function createLimiter(limit: number): Limiter {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  let holds = 0;
  let sequence = 0;
  const waiting: Array<{ priority: number; order: number; start: () => void }> = [];

  const dispatch = (): void => {
    while (holds === 0 && active < max && waiting.length > 0) {
      let best = 0;
      for (let i = 1; i < waiting.length; i += 1) {
        const w = waiting[i]!;
        const b = waiting[best]!;
        if (w.priority > b.priority || (w.priority === b.priority && w.order < b.order)) best = i;
      }
      const [next] = waiting.splice(best, 1);
      active += 1;
      next!.start();
    }
  };

  const run = async <T>(task: () => Promise<T>, priority = 0): Promise<T> => {
    await new Promise<void>((start) => {
      waiting.push({ priority, order: sequence++, start });
      dispatch();
    });
    try {
      return await task();
    } finally {
      active -= 1;
      dispatch();
    }
  };

  return Object.assign(run, {
    hold: () => {
      holds += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        dispatch();
      };
    },
  });
}
