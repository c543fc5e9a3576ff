import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import type { Viewer } from '../auth/viewer';
import { listStatusHistory } from './queries';

const { t } = withDemoDb({ now: DEMO_NOW });
/** A program manager: sees every row in full. */
const staff: Viewer = { id: 'staff', email: 'pm@hutong.test', name: 'PM', role: 'PROGRAM_MANAGER', institutionCode: null };

const SHENZHEN = '4403';
const ALIPAY = 'alipay-unionpay-offline';

describe('listStatusHistory', () => {
  it('Shenzhen in alipay-unionpay-offline: newest first, ends LIVE with the Alipay statement as source', async () => {
    const history = await listStatusHistory(t.db, staff, { programSlug: ALIPAY, entityType: 'CITY', entityCode: SHENZHEN });
    expect(history.map((h) => h.toStatus)).toEqual(['LIVE', 'IN_PROGRESS', 'PLANNED']);
    const [live] = history;
    expect(live?.fromStatus).toBe('IN_PROGRESS');
    expect(live?.sourceNote).toMatch(/Alipay statement, 2021-10-02/);
    expect(live?.source).toBe('SEED');
    // Seeded by the system, not a person: the page shows "system / seed".
    expect(live?.actor).toBeNull();
    // Live on or before the day of the statement; shown in Shanghai time.
    expect(live && live.changedOn <= '2021-10-02').toBe(true);
    expect(live?.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T10:00:00\.000\+08:00$/);
    expect(live?.changes.find((c) => c.field === 'status')).toEqual({ field: 'status', before: 'IN_PROGRESS', after: 'LIVE' });
    expect(live?.changes.find((c) => c.field === 'liveDate')?.after).toBe(live?.changedOn);
    // Versions count down with the changes, newest first.
    expect(history.map((h) => h.version)).toEqual([4, 3, 2]);
  });

  it('without a program: every program that tracks the city, still newest first', async () => {
    const all = await listStatusHistory(t.db, staff, { entityType: 'CITY', entityCode: SHENZHEN });
    expect(new Set(all.map((h) => h.programSlug))).toEqual(new Set([ALIPAY, 'quickpass-payment-code-reverse']));
    const times = all.map((h) => Date.parse(h.changedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('names the person and role of a form change and shows what changed', async () => {
    const program = await t.db.program.findUniqueOrThrow({ where: { slug: ALIPAY } });
    const pm = await t.db.user.findUniqueOrThrow({ where: { email: 'pm@hutong.test' } });
    await t.db.statusChange.create({
      data: {
        programId: program.id,
        entityType: 'CITY',
        entityCode: SHENZHEN,
        kind: 'DETAILS',
        fromStatus: 'LIVE',
        toStatus: 'LIVE',
        before: { status: 'LIVE', evidenceUrl: null, note: null, verified: true },
        after: { status: 'LIVE', evidenceUrl: 'https://example.cn/sz', note: '已复核', verified: true },
        changedAt: new Date('2022-01-05T01:00:00Z'),
        actorId: pm.id,
        actorRole: 'PROGRAM_MANAGER',
        source: 'FORM',
        version: 5,
      },
    });
    const [newest] = await listStatusHistory(t.db, staff, { programSlug: ALIPAY, entityType: 'CITY', entityCode: SHENZHEN });
    expect(newest?.actor).toEqual({ name: '王磊', role: 'PROGRAM_MANAGER' });
    expect(newest?.source).toBe('FORM');
    expect(newest?.changedAt).toBe('2022-01-05T09:00:00.000+08:00');
    expect(newest?.changes).toEqual([
      { field: 'evidenceUrl', before: null, after: 'https://example.cn/sz' },
      { field: 'note', before: null, after: '已复核' },
    ]);
  });

  it('is empty for an unknown program or entity, and institutions have their own history', async () => {
    expect(await listStatusHistory(t.db, staff, { programSlug: 'nope', entityType: 'CITY', entityCode: SHENZHEN })).toEqual([]);
    expect(await listStatusHistory(t.db, staff, { entityType: 'CITY', entityCode: '9999' })).toEqual([]);
    const cgb = await listStatusHistory(t.db, staff, { entityType: 'INSTITUTION', entityCode: 'CGB' });
    expect(cgb[0]).toMatchObject({ toStatus: 'LIVE', changedOn: '2021-12-02', isIllustrative: false, programSlug: 'alipay-bank-apps' });
    expect(cgb[0]?.sourceNote).toMatch(/Alipay statement, 2021-12-02/);
  });
});
