/**
 * A bound on expensive work in this process (password hashing, PDF rendering): at most `limit`
 * tasks run at once and at most `maxWaiting` wait for a turn; beyond that, `tryRun` answers BUSY at
 * once, so a flood is refused cheaply instead of queueing until the server stops answering.
 * Per process on purpose: what runs out is this process's CPU and memory.
 */
export const BUSY = Symbol('busy');

export interface Semaphore {
  /** Runs `task` when a slot is free, or returns BUSY when the queue is full. */
  tryRun<T>(task: () => Promise<T>): Promise<T | typeof BUSY>;
  /** Tasks running and waiting now (for metrics). */
  depth(): { running: number; waiting: number };
}

export function createSemaphore({ limit, maxWaiting }: { limit: number; maxWaiting: number }): Semaphore {
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  return {
    async tryRun(task) {
      if (running < limit) running += 1;
      else if (waiting.length < maxWaiting) await new Promise<void>((resolve) => waiting.push(resolve));
      else return BUSY;
      // A woken waiter inherits the releasing task's slot, so `running` is unchanged.
      try {
        return await task();
      } finally {
        release();
      }
    },
    depth: () => ({ running, waiting: waiting.length }),
  };
}
