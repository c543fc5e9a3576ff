/**
 * The PostgreSQL runtime role (prisma/postgresql/runtime-role.sql): the app connected as it keeps
 * working, but it cannot rewrite or erase the append-only history, nor switch off the triggers
 * that guard it. Runs with HUTONG_TEST_DB=postgresql; SQLite has no roles, so there only the
 * script itself is checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDb } from '../../tests/helpers/demo-db';
import { testProvider, type TestDb } from '../../tests/helpers/test-db';
import type { RequestContext } from '../auth/viewer';
import type { DemoUser } from '../../tests/helpers/demo-viewers';
import { signInWithPassword } from '../auth/sign-in';
import { createDb, type Db } from '../db';
import { purgeExpiredRows } from '../ops/purge';
import { updateCityStatus } from '../status/mutations';
import { listPendingMigrations } from './migrate';

const SCRIPT = fs.readFileSync(path.join(__dirname, '../../prisma/postgresql/runtime-role.sql'), 'utf8');
const APPEND_ONLY = ['AuditLog', 'StatusChange'];

if (testProvider() !== 'postgresql') {
  describe('runtime role: PostgreSQL only (run with HUTONG_TEST_DB=postgresql); on SQLite only the script is checked', () => {
    it('grants the runtime role no UPDATE, DELETE or TRUNCATE on the append-only tables', () => {
      expect(SCRIPT).toContain('REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog", "StatusChange" FROM hutong_app;');
      expect(SCRIPT).not.toMatch(/OWNER TO hutong_app|GRANT [^;]*(TRIGGER|ALL PRIVILEGES)[^;]*hutong_app/i);
    });
  });
} else {
  describe('runtime role on PostgreSQL', { timeout: 180_000 }, () => {
    let t: TestDb;
    let as: Record<DemoUser, RequestContext>;
    let app: pg.Client;
    let appDb: Db;

    beforeAll(async () => {
      ({ t, as } = await createDemoDb());
      const owner = new pg.Client({ connectionString: t.config.url });
      await owner.connect();
      await owner.query(SCRIPT);
      await owner.end();
      const url = new URL(t.config.url);
      url.username = 'hutong_app';
      url.password = '';
      app = new pg.Client({ connectionString: url.toString() });
      await app.connect();
      appDb = createDb({ provider: 'postgresql', url: url.toString() });
    }, 180_000);
    afterAll(async () => {
      await app?.end();
      await appDb?.$disconnect();
      await t?.cleanup();
    });

    const refusal = async (sql: string) => {
      try {
        await app.query(sql);
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return 'accepted';
    };

    it.each(APPEND_ONLY)('cannot update, delete, truncate or unguard %s', async (table) => {
      // 42501: insufficient_privilege (no right, or not the owner).
      expect(await refusal(`UPDATE "${table}" SET "id" = "id"`)).toBe('42501');
      expect(await refusal(`DELETE FROM "${table}"`)).toBe('42501');
      expect(await refusal(`TRUNCATE "${table}"`)).toBe('42501');
      expect(await refusal(`DROP TRIGGER "${table}_append_only" ON "${table}"`)).toBe('42501');
      expect(await refusal(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`)).toBe('42501');
      expect(await refusal(`DROP TABLE "${table}"`)).toBe('42501');
      expect(await refusal(`DROP FUNCTION "hutong_refuse_change"() CASCADE`)).toBe('42501');
    });

    it("runs the app's normal writes: a status change with its history and audit, a sign-in, the purge, readiness", async () => {
      const row = await appDb.cityStatus.findFirstOrThrow({ where: { cityCode: '4403', program: { slug: 'alipay-unionpay-offline' } } });
      const history = await appDb.statusChange.count();
      const audit = await appDb.auditLog.count();
      await updateCityStatus(appDb, as.pm, {
        programSlug: 'alipay-unionpay-offline',
        cityCode: '4403',
        input: { version: row.version, note: 'written by the runtime role' },
        source: 'FORM',
      });
      expect(await appDb.statusChange.count()).toBe(history + 1);
      expect(await appDb.auditLog.count()).toBe(audit + 1);
      const signIn = await signInWithPassword(appDb, { email: 'pm@hutong.test', password: 'test-password-123', ip: '192.0.2.1' });
      expect(signIn.ok).toBe(true);
      await expect(purgeExpiredRows(appDb, new Date(Date.now() + 24 * 3600 * 1000))).resolves.toMatchObject({ rateLimitBuckets: 1 });
      // The readiness check reads the migration bookkeeping.
      expect(await listPendingMigrations(appDb, 'postgresql')).toEqual([]);
    });
  });
}
