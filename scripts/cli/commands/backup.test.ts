/**
 * The backup drill, on SQLite, through the CLI as an operator runs it: back up while the app
 * writes, write more, restore into a fresh location, compare counts, check integrity.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySqlitePragmas, createDb, type Db } from '../../../lib/db';
import { checkIntegrity, countRows } from '../../../lib/db/backup';
import { migrateDatabase } from '../../../lib/db/migrate';
import { runCli } from '../../../tests/helpers/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-backup-'));
// Always SQLite, whatever HUTONG_TEST_DB says: these commands are the SQLite backup.
const live = path.join(dir, 'live', 'hutong.db');
let db: Db;

const cli = (args: string[], databaseFile: string) => runCli(`file:${databaseFile}`, args);

beforeAll(async () => {
  await migrateDatabase({ provider: 'sqlite', url: live });
  db = createDb({ provider: 'sqlite', url: live });
  await applySqlitePragmas(db);
});
afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

const audit = (i: number) => db.auditLog.create({ data: { action: 'drill.write', outcome: 'ALLOWED', entityId: String(i) } });

describe('backup drill (SQLite)', { timeout: 120_000 }, () => {
  it('backs up while the app writes, restores into a fresh location with equal counts and integrity ok', async () => {
    for (let i = 0; i < 200; i++) await audit(i);

    let writing = true;
    let written = 200;
    const writer = (async () => {
      while (writing) {
        await audit(written++);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const backupFile = path.join(dir, 'hutong-backup.db');
    const beforeBackup = written;
    const backup = await cli(['backup', '--to', backupFile], live);
    const afterBackup = written;
    writing = false;
    await writer;
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(/integrity ok/);
    expect(afterBackup).toBeGreaterThan(beforeBackup);

    for (let i = 0; i < 50; i++) await audit(written++);

    const restored = path.join(dir, 'fresh', 'hutong.db');
    const restore = await cli(['restore', '--from', backupFile], restored);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(await checkIntegrity(restored)).toBe('ok');

    const [copy, source, now] = [await countRows(restored), await countRows(backupFile), await countRows(live)];
    expect(copy).toEqual(source);
    // One consistent moment during the writes: everything before the backup, nothing after the drill's extra rows.
    expect(copy.AuditLog).toBeGreaterThanOrEqual(beforeBackup);
    expect(copy.AuditLog).toBeLessThanOrEqual(afterBackup);
    expect(now.AuditLog).toBe(written);
    expect({ ...copy, AuditLog: 0 }).toEqual({ ...now, AuditLog: 0 });
  });

  it('refuses to restore over a database in use unless told, and refuses an existing backup name', async () => {
    const backupFile = path.join(dir, 'second.db');
    expect((await cli(['backup', '--to', backupFile], live)).code).toBe(0);
    const again = await cli(['backup', '--to', backupFile], live);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    const refused = await cli(['restore', '--from', backupFile], live);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is in use .*--force/);

    const damaged = path.join(dir, 'damaged.db');
    fs.writeFileSync(damaged, 'not a database');
    const bad = await cli(['restore', '--from', damaged], path.join(dir, 'other.db'));
    expect(bad.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'other.db'))).toBe(false);
  });
});
