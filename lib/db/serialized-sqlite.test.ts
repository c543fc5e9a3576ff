import { describe, expect, it } from 'vitest';
import { withTestDb } from '../../tests/helpers/test-db';
import { FifoLock } from './serialized-sqlite';

/** Resolves when `open` is called: lets a test hold a transaction open while other work runs. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const row = (action: string) => ({ action, outcome: 'DENIED', reason: 'FORBIDDEN' });

describe('operations outside a transaction while another transaction is open', () => {
  const t = withTestDb();

  it('a bare write survives the rollback of a transaction that was open when it was issued', async () => {
    const inside = gate();
    const finish = gate();
    const rolledBack = t.db
      .$transaction(async (tx) => {
        await tx.auditLog.create({ data: row('test.inside') });
        inside.open();
        await finish.opened;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    await inside.opened;
    const bare = t.db.auditLog.create({ data: row('test.bare') });
    // Give the bare write every chance to run inside the open transaction before it ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish.open();
    expect(await rolledBack).toBe('roll back');
    await bare;
    const actions = (await t.db.auditLog.findMany({ select: { action: true } })).map((r) => r.action);
    expect(actions).toContain('test.bare');
    expect(actions).not.toContain('test.inside');
  });

  it('a bare read does not see the uncommitted rows of an open transaction', async () => {
    const inside = gate();
    const finish = gate();
    const committed = t.db.$transaction(async (tx) => {
      await tx.auditLog.create({ data: row('test.uncommitted') });
      inside.open();
      await finish.opened;
      throw new Error('roll back');
    });
    await inside.opened;
    const read = t.db.auditLog.count({ where: { action: 'test.uncommitted' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish.open();
    await expect(committed).rejects.toThrow('roll back');
    expect(await read).toBe(0);
  });

  it('many parallel bare writes and failing transactions keep exactly the bare writes', async () => {
    const before = await t.db.auditLog.count();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? t.db.auditLog.create({ data: row(`test.parallel.${i}`) })
          : t.db
              .$transaction(async (tx) => {
                await tx.auditLog.create({ data: row(`test.failed.${i}`) });
                await new Promise((resolve) => setTimeout(resolve, 5));
                throw new Error('conflict');
              })
              .catch(() => undefined),
      ),
    );
    expect(await t.db.auditLog.count()).toBe(before + 10);
    expect(await t.db.auditLog.count({ where: { action: { startsWith: 'test.failed' } } })).toBe(0);
  });
});

describe('FifoLock', () => {
  it('grants the lock in request order, one holder at a time', async () => {
    const lock = new FifoLock();
    const order: string[] = [];
    const first = await lock.acquire();
    const second = lock.acquire().then((release) => {
      order.push('second');
      release();
    });
    const third = lock.acquire().then((release) => {
      order.push('third');
      release();
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    first();
    first(); // releasing twice is harmless
    await Promise.all([second, third]);
    expect(order).toEqual(['second', 'third']);
  });
});
