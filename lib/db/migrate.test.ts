import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withTestDb } from '../../tests/helpers/test-db';
import { migrateDatabase, migrationsDir, readMigrations } from './migrate';

const t = withTestDb();

describe('migrations', () => {
  it('exist for both databases with the same names', () => {
    const names = (p: 'sqlite' | 'postgresql') => readMigrations(migrationsDir(p)).map((m) => m.name);
    expect(names('sqlite').length).toBeGreaterThan(0);
    expect(names('postgresql')).toEqual(names('sqlite'));
  });

  it('are applied once: a second run applies nothing', async () => {
    const again = await migrateDatabase(t.config);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations(migrationsDir(t.config.provider)).length);
  });

  it('refuse to run when an applied migration was edited', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-mig-'));
    const dir = migrationsDir(t.config.provider, root);
    fs.cpSync(migrationsDir(t.config.provider), dir, { recursive: true });
    const first = readMigrations(dir)[0]!;
    fs.appendFileSync(path.join(dir, first.name, 'migration.sql'), '\n-- edited\n');
    await expect(migrateDatabase(t.config, root)).rejects.toThrow(/was edited after it was applied/);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('append-only tables', () => {
  it('refuse UPDATE and DELETE of the audit trail and the status history', async () => {
    const { db } = t;
    await db.auditLog.create({ data: { action: 'test.append', outcome: 'ALLOWED' } });
    await expect(db.auditLog.updateMany({ data: { action: 'tampered' } })).rejects.toThrow();
    await expect(db.auditLog.deleteMany({})).rejects.toThrow();
    // SQLite's driver reports a trigger's RAISE as a constraint error, so the message isn't
    // asserted: what matters is that the row is still there, unchanged.
    expect(await db.auditLog.count({ where: { action: 'test.append' } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'tampered' } })).toBe(0);

    const program = await db.program.create({
      data: {
        slug: 'p',
        nameZh: 'p',
        nameEn: 'p',
        unit: 'CITY',
        directionZh: 'd',
        directionEn: 'd',
        scopeRule: 'ALL_PREFECTURE_CITIES',
        startDate: '2021-01-01',
        baselineTargetDate: '2022-03-31',
        targetDate: '2022-03-31',
      },
    });
    await db.statusChange.create({
      data: {
        programId: program.id,
        entityType: 'CITY',
        entityCode: '4403',
        kind: 'STATUS',
        toStatus: 'LIVE',
        after: { status: 'LIVE' },
        changedAt: new Date(),
        source: 'SEED',
        version: 2,
      },
    });
    await expect(db.statusChange.updateMany({ data: { toStatus: 'PAUSED' } })).rejects.toThrow();
    await expect(db.statusChange.deleteMany({})).rejects.toThrow();
    expect(await db.statusChange.findMany({ select: { toStatus: true } })).toEqual([{ toStatus: 'LIVE' }]);
  });
});
