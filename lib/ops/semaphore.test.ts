import { describe, expect, it } from 'vitest';
import { BUSY, createSemaphore } from './semaphore';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createSemaphore', () => {
  it('runs at most `limit` tasks, queues `maxWaiting`, and refuses the rest at once', async () => {
    const sem = createSemaphore({ limit: 2, maxWaiting: 1 });
    const gate = deferred();
    let active = 0;
    let peak = 0;
    const task = async () => {
      active += 1;
      peak = Math.max(peak, active);
      await gate.promise;
      active -= 1;
      return 'done';
    };
    const results = [sem.tryRun(task), sem.tryRun(task), sem.tryRun(task), sem.tryRun(task), sem.tryRun(task)];
    expect(sem.depth()).toEqual({ running: 2, waiting: 1 });
    expect(await results[3]).toBe(BUSY);
    expect(await results[4]).toBe(BUSY);
    gate.resolve();
    expect(await Promise.all(results.slice(0, 3))).toEqual(['done', 'done', 'done']);
    expect(peak).toBe(2);
    expect(sem.depth()).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when a task throws', async () => {
    const sem = createSemaphore({ limit: 1, maxWaiting: 0 });
    await expect(sem.tryRun(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await sem.tryRun(async () => 1)).toBe(1);
  });
});
