/**
 * PostgreSQL LISTEN/NOTIFY between instances: a write committed by another client (another app
 * instance) reaches this instance's listener at once, a write that rolled back reaches nobody, and
 * a listening connection that the server kills is opened again. Another instance is a second
 * Prisma client with its own pool; its in-process wake-up does not reach the listener, only
 * PostgreSQL does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDb, type DemoDb } from '../../tests/helpers/demo-db';
import { createTestDb, testProvider } from '../../tests/helpers/test-db';
import { createDb, type Db } from '../db';
import { writeTransaction } from '../db/write-transaction';
import { confirmStatus } from '../status/mutations';
import { startEventListener, type EventListenerHandle } from './listen';
import { recordEvents } from './outbox';

const BANKS = 'alipay-bank-apps';

async function waitFor(check: () => boolean, ms: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (testProvider() !== 'postgresql') {
  describe('event listener on SQLite', () => {
    it('opens no connection: the poll stands in (run with HUTONG_TEST_DB=postgresql for LISTEN)', async () => {
      const t = await createTestDb();
      const listener = startEventListener({ getDb: async () => t.db, onNotify: () => {} });
      await sleep(100);
      expect(listener.isListening()).toBe(false);
      await listener.stop();
      await t.cleanup();
    });
  });
} else {
  describe('event listener on PostgreSQL', { timeout: 180_000 }, () => {
    let demo: DemoDb;
    let other: Db;
    let listener: EventListenerHandle;
    let notified = 0;
    let ups = 0;
    let downs = 0;
    const errors: unknown[] = [];

    beforeAll(async () => {
      demo = await createDemoDb();
      other = createDb(demo.t.config);
      listener = startEventListener({
        getDb: async () => demo.t.db,
        onNotify: () => (notified += 1),
        onUp: () => (ups += 1),
        onDown: () => (downs += 1),
        onError: (e) => errors.push(e),
        reconnectMinMs: 50,
      });
      await waitFor(() => listener.isListening(), 10_000, 'listening');
    }, 180_000);

    afterAll(async () => {
      await listener?.stop();
      await other?.$disconnect();
      await demo?.t.cleanup();
    });

    const confirmOnOther = async (code: string) => {
      const row = await other.institutionStatus.findFirstOrThrow({ where: { institutionCode: code, program: { slug: BANKS } } });
      await confirmStatus(other, demo.as.pm, { programSlug: BANKS, entity: 'institution', code, input: { version: row.version, confirm: true }, source: 'FORM' });
    };

    it('a write committed on another instance wakes the listener within two seconds', async () => {
      const before = notified;
      await confirmOnOther('ICBC');
      expect(await waitFor(() => notified > before, 2_000, 'notification')).toBeLessThan(2_000);
    });

    it('a write that rolled back notifies nobody', async () => {
      await sleep(300);
      const before = notified;
      const program = await other.program.findUniqueOrThrow({ where: { slug: BANKS }, select: { id: true } });
      const failed = writeTransaction(other, async (tx) => {
        await recordEvents(tx, [
          { kind: 'CONFIRMED', programId: program.id, entityType: 'INSTITUTION', entityCode: 'CMB', institutionCode: 'CMB', effectiveAt: new Date(), payload: { programSlug: BANKS, source: 'FORM', status: 'LIVE', version: 1 } },
        ]);
        throw new Error('refused after recording');
      });
      await expect(failed).rejects.toThrow('refused after recording');
      await sleep(1_000);
      expect(notified).toBe(before);
      // The listener is alive: the next committed write is heard.
      await confirmOnOther('CMB');
      await waitFor(() => notified > before, 2_000, 'notification after the rollback');
    });

    it('listens again after the server killed its connection, and hears the next write', async () => {
      const pid = listener.processId();
      expect(pid).not.toBeNull();
      const upsBefore = ups;
      await other.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
      await waitFor(() => downs > 0 && ups > upsBefore && listener.isListening(), 5_000, 'reconnect');
      expect(listener.processId()).not.toBe(pid);
      const before = notified;
      await confirmOnOther('ICBC');
      await waitFor(() => notified > before, 2_000, 'notification after the reconnect');
    });
  });
}
