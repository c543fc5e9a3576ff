import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { AppError } from '../errors';
import { createMilestone, updateMilestone } from '../milestones/mutations';
import { decodeAuditCursor, encodeAuditCursor, getLastChanges, listAuditEntries, listAuditFacets } from './queries';

/** A fixed slice of history, written straight into the (append-only) table. */
const FIXTURE_ACTION = 'fixture.edit';

const { t, as } = withDemoDb({ now: DEMO_NOW });
beforeAll(async () => {
  const rows = [
    // 2021-10-01 23:59 in Shanghai: the day before.
    { at: '2021-10-01T15:59:00Z', who: 'pm', outcome: 'ALLOWED' },
    // 2021-10-02 00:30 in Shanghai, although 2021-10-01 in UTC.
    { at: '2021-10-01T16:30:00Z', who: 'icbc', outcome: 'DENIED' },
    { at: '2021-10-02T02:00:00Z', who: 'admin', outcome: 'ALLOWED' },
    // Three entries in the same millisecond: paging must neither skip nor repeat them.
    { at: '2021-10-02T08:00:00Z', who: 'pm', outcome: 'ALLOWED' },
    { at: '2021-10-02T08:00:00Z', who: 'pm', outcome: 'ALLOWED' },
    { at: '2021-10-02T08:00:00Z', who: 'pm', outcome: 'DENIED' },
    // 2021-10-03 00:00 in Shanghai: the day after.
    { at: '2021-10-02T16:00:00Z', who: 'exec', outcome: 'DENIED' },
  ] as const;
  for (const [i, r] of rows.entries()) {
    const v = as[r.who].viewer;
    await t.db.auditLog.create({
      data: {
        at: new Date(r.at),
        actorId: v.id,
        actorRole: v.role,
        institutionCode: v.institutionCode,
        action: FIXTURE_ACTION,
        outcome: r.outcome,
        reason: r.outcome === 'DENIED' ? 'FORBIDDEN' : null,
        entityType: 'Fixture',
        entityId: `fixture-${i}`,
        before: { n: i },
        after: { n: i + 1 },
        ip: '203.0.113.7',
      },
    });
  }
}, 120_000);

describe('listAuditEntries', () => {
  it.each(['pm', 'exec', 'icbc'] as const)('refuses %s, and records the attempt', async (who) => {
    const before = await t.db.auditLog.count({ where: { action: 'audit.read', outcome: 'DENIED', actorId: as[who].viewer.id } });
    const error = await listAuditEntries(t.db, as[who].viewer, { limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FORBIDDEN');
    expect(await t.db.auditLog.count({ where: { action: 'audit.read', outcome: 'DENIED', actorId: as[who].viewer.id } })).toBe(before + 1);
  });

  it('shows an admin who did what, as which role, for which institution, from where, in Shanghai time', async () => {
    const { entries } = await listAuditEntries(t.db, as.admin.viewer, { action: FIXTURE_ACTION, from: '2021-10-02', to: '2021-10-02', outcome: 'DENIED', actorEmail: 'ICBC@hutong.test', limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      id: expect.any(String),
      at: '2021-10-01T16:30:00.000Z',
      atShanghai: '2021-10-02 00:30:00',
      actor: { id: as.icbc.viewer.id, email: 'icbc@hutong.test', name: as.icbc.viewer.name },
      actorId: as.icbc.viewer.id,
      actorRole: 'PARTNER',
      institution: { code: 'ICBC', nameZh: expect.any(String), nameEn: expect.any(String) },
      action: FIXTURE_ACTION,
      outcome: 'DENIED',
      reason: 'FORBIDDEN',
      entityType: 'Fixture',
      entityId: 'fixture-1',
      before: { n: 1 },
      after: { n: 2 },
      ip: '203.0.113.7',
    });
  });

  it('a Shanghai day runs from 00:00 to 24:00 UTC+8, whatever the server zone', async () => {
    const { entries } = await listAuditEntries(t.db, as.admin.viewer, { action: FIXTURE_ACTION, from: '2021-10-02', to: '2021-10-02', limit: 50 });
    expect(entries.map((e) => e.entityId).sort()).toEqual(['fixture-1', 'fixture-2', 'fixture-3', 'fixture-4', 'fixture-5']);
    const from3rd = await listAuditEntries(t.db, as.admin.viewer, { action: FIXTURE_ACTION, from: '2021-10-03', limit: 50 });
    expect(from3rd.entries.map((e) => e.entityId)).toEqual(['fixture-6']);
    const until1st = await listAuditEntries(t.db, as.admin.viewer, { action: FIXTURE_ACTION, to: '2021-10-01', limit: 50 });
    expect(until1st.entries.map((e) => e.entityId)).toEqual(['fixture-0']);
  });

  it('filters by outcome, actor, action and entity type', async () => {
    const denied = await listAuditEntries(t.db, as.admin.viewer, { action: FIXTURE_ACTION, outcome: 'DENIED', limit: 50 });
    expect(denied.entries.map((e) => e.entityId).sort()).toEqual(['fixture-1', 'fixture-5', 'fixture-6']);
    const byPm = await listAuditEntries(t.db, as.admin.viewer, { actorEmail: 'pm@hutong.test', entityType: 'Fixture', limit: 50 });
    expect(byPm.entries.map((e) => e.entityId).sort()).toEqual(['fixture-0', 'fixture-3', 'fixture-4', 'fixture-5']);
    const nobody = await listAuditEntries(t.db, as.admin.viewer, { actorEmail: 'nobody@hutong.test', limit: 50 });
    expect(nobody).toEqual({ entries: [], nextCursor: null });
    const otherType = await listAuditEntries(t.db, as.admin.viewer, { action: FIXTURE_ACTION, entityType: 'Program', limit: 50 });
    expect(otherType.entries).toEqual([]);
  });

  it('pages newest first by (at, id): every entry exactly once, even within one millisecond', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEntries(t.db, as.admin.viewer, { action: FIXTURE_ACTION, limit: 2, cursor });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.entityId ?? ''));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen[0]).toBe('fixture-6');
    expect(seen.at(-1)).toBe('fixture-0');
  });

  it('refuses a forged cursor and out-of-range filters as VALIDATION', async () => {
    for (const filters of [{ cursor: 'not-a-cursor' }, { limit: 0 }, { limit: 101 }, { from: '2021-10-03', to: '2021-10-02' }, { outcome: 'MAYBE' }]) {
      const error = await listAuditEntries(t.db, as.admin.viewer, { limit: 10, ...filters } as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(filters)).toMatchObject({ name: 'AppError', code: 'VALIDATION' });
    }
  });

  it('cursors round-trip and reject junk', () => {
    const cursor = { at: new Date('2021-10-02T08:00:00.123Z'), id: 'abc' };
    expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor);
    for (const junk of ['', 'x', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["nope","id"]').toString('base64url')]) {
      expect(decodeAuditCursor(junk)).toBeNull();
    }
  });

  it('lists the actions and entity types for the filters (admins only)', async () => {
    const facets = await listAuditFacets(t.db, as.admin.viewer);
    expect(facets.actions).toContain(FIXTURE_ACTION);
    expect(facets.entityTypes).toContain('Fixture');
    await expect(listAuditFacets(t.db, as.pm.viewer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('getLastChanges', () => {
  it('tells who changed an entity last, for those who may edit it', async () => {
    const { id } = await createMilestone(t.db, as.admin, { programSlug: 'alipay-bank-apps', titleZh: '甲', titleEn: 'A', dueDate: '2021-11-01' });
    await updateMilestone(t.db, as.pm, { id, version: 1, titleZh: '乙', titleEn: 'B', dueDate: '2021-11-01', doneDate: null });
    // A refused attempt is not a change.
    await updateMilestone(t.db, as.exec, { id, version: 2, titleZh: '丙', titleEn: 'C', dueDate: '2021-11-01', doneDate: null }).catch(() => undefined);
    const changes = await getLastChanges(t.db, as.pm.viewer, 'Milestone', [id, 'never-changed']);
    expect(Object.keys(changes)).toEqual([id]);
    expect(changes[id]).toMatchObject({ actorEmail: 'pm@hutong.test', actorName: as.pm.viewer.name, action: 'milestone.update' });
    await expect(getLastChanges(t.db, as.exec.viewer, 'Milestone', [id])).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
