/**
 * Prisma's better-sqlite3 adapter shares one connection between every query. It queues
 * interactive transactions on a lock, but a query outside a transaction does not wait for that
 * lock: it runs on the same connection *inside* whatever transaction is open at that moment. A
 * bare write (an audit row of a refused request, say) then commits or rolls back with somebody
 * else's transaction, and a bare read sees that transaction's uncommitted rows.
 *
 * This wrapper makes every top-level operation take one lock that a transaction holds from BEGIN
 * to COMMIT/ROLLBACK, so operations run one after another, as SQLite runs them anyway (one
 * writer). Queries issued *inside* a transaction go to the transaction object and are not
 * affected. PostgreSQL (a pool of connections) does not need this.
 */
import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/** A first-in, first-out lock: `acquire` resolves with the function that releases it. */
export class FifoLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => released);
    return previous.then(() => {
      let done = false;
      return () => {
        if (done) return;
        done = true;
        release();
      };
    });
  }
}

async function withLock<T>(lock: FifoLock, run: () => Promise<T>): Promise<T> {
  const release = await lock.acquire();
  try {
    return await run();
  } finally {
    release();
  }
}

function serializeTransaction(tx: Transaction, release: () => void): Transaction {
  return {
    adapterName: tx.adapterName,
    provider: tx.provider,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: async () => {
      try {
        await tx.commit();
      } finally {
        release();
      }
    },
    rollback: async () => {
      try {
        await tx.rollback();
      } finally {
        release();
      }
    },
  };
}

function serializeAdapter(adapter: Adapter): Adapter {
  const lock = new FifoLock();
  return {
    adapterName: adapter.adapterName,
    provider: adapter.provider,
    queryRaw: (query) => withLock(lock, () => adapter.queryRaw(query)),
    executeRaw: (query) => withLock(lock, () => adapter.executeRaw(query)),
    executeScript: (script) => withLock(lock, () => adapter.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const release = await lock.acquire();
      try {
        return serializeTransaction(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
  };
}

/** The adapter factory to give PrismaClient: the better-sqlite3 one with every operation serialised. */
export function serializedSqliteAdapter(factory: Factory): Factory {
  const wrapped: Pick<Factory, 'provider' | 'adapterName' | 'connect' | 'connectToShadowDb'> = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serializeAdapter(await factory.connect()),
    connectToShadowDb: async () => serializeAdapter(await factory.connectToShadowDb()),
  };
  return wrapped as Factory;
}
