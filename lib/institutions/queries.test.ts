import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import type { Viewer } from '../auth/viewer';
import { getInstitutionDetail, getInstitutionMatrix, isInstitutionCode } from './queries';

const { t } = withDemoDb({ now: DEMO_NOW });
/** A program manager: sees every row in full. */
const staff: Viewer = { id: 'staff', email: 'pm@hutong.test', name: 'PM', role: 'PROGRAM_MANAGER', institutionCode: null };

const BANK_APPS = 'alipay-bank-apps';

describe('getInstitutionMatrix', () => {
  it('lists all 28 institutions against the one institution program, state-owned banks first', async () => {
    const m = await getInstitutionMatrix(t.db, staff, { today: '2021-12-15' });
    expect(m.programs.map((p) => p.slug)).toEqual([BANK_APPS]);
    expect(m.rows).toHaveLength(28);
    expect(m.total).toBe(28);
    expect(m.rows[0]?.type).toBe('STATE_OWNED_BANK');
    expect(m.rows.filter((r) => r.cells[BANK_APPS]?.status === 'LIVE')).toHaveLength(28);
    expect(m.rows.filter((r) => !r.isIllustrative).map((r) => r.code).sort()).toEqual(
      ['BOC', 'BOCOM', 'CCB', 'CGB', 'CITIC', 'CMB', 'ICBC', 'MIPAY'],
    );
    const cgb = m.rows.find((r) => r.code === 'CGB');
    expect(cgb).toMatchObject({ nameZh: '广发银行', type: 'JOINT_STOCK_BANK', isIllustrative: false });
    expect(cgb?.cells[BANK_APPS]).toMatchObject({ status: 'LIVE', liveDate: '2021-12-02', verified: true });
  });

  it('measures staleness at the date viewed (30 days for this program) while the rollout is in flight', async () => {
    // 2021-11-20: 25 of 28 live, so the rollout is not complete and the age rule applies.
    const m = await getInstitutionMatrix(t.db, staff, { asOf: '2021-11-20', today: '2026-11-26' });
    expect(m.programs.find((p) => p.slug === BANK_APPS)?.isRolloutComplete).toBe(false);
    // CQRCB went live on 2021-11-05: 15 days before, fresh although 2021 is long ago today.
    expect(m.rows.find((r) => r.code === 'CQRCB')?.cells[BANK_APPS]).toMatchObject({ isStale: false, daysSinceConfirmed: 15 });
    // ICBC was confirmed (went live) before 2021-10-01: more than 30 days before the viewed date.
    const icbc = m.rows.find((r) => r.code === 'ICBC')?.cells[BANK_APPS];
    expect(icbc).toMatchObject({ status: 'LIVE', isStale: true });
    expect(icbc?.daysSinceConfirmed).toBeGreaterThan(30);
  });

  it('does not flag LIVE rows once every institution is live (the rollout is complete)', async () => {
    // Every row has been LIVE since 2021-12-02; confirmed years ago, but nothing is left to report.
    const m = await getInstitutionMatrix(t.db, staff, { today: '2026-11-26' });
    expect(m.programs.find((p) => p.slug === BANK_APPS)?.isRolloutComplete).toBe(true);
    const cells = m.rows.map((r) => r.cells[BANK_APPS]).filter((c) => c != null);
    expect(cells).toHaveLength(28);
    expect(cells.every((c) => c.status === 'LIVE' && !c.isStale)).toBe(true);
    // The age is still reported.
    expect(m.rows.find((r) => r.code === 'CGB')?.cells[BANK_APPS]?.daysSinceConfirmed).toBeGreaterThan(1800);
  });

  it('filters by type but counts every type', async () => {
    const m = await getInstitutionMatrix(t.db, staff, { type: 'JOINT_STOCK_BANK', today: '2021-12-15' });
    expect(m.rows.length).toBeGreaterThan(0);
    expect(m.rows.every((r) => r.type === 'JOINT_STOCK_BANK')).toBe(true);
    expect(m.type).toBe('JOINT_STOCK_BANK');
    expect(m.total).toBe(28);
    const counts = Object.fromEntries(m.typeCounts.map((c) => [c.type, c.count]));
    expect(counts.JOINT_STOCK_BANK).toBe(m.rows.length);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(28);
    expect(m.typeCounts.map((c) => c.type)).toEqual([
      'STATE_OWNED_BANK',
      'JOINT_STOCK_BANK',
      'CITY_COMMERCIAL_BANK',
      'RURAL_BANK',
      'PAYMENT_INSTITUTION',
      'DEVICE_WALLET',
    ]);
    expect(m.typeCounts.find((c) => c.type === 'DEVICE_WALLET')).toEqual({
      type: 'DEVICE_WALLET',
      count: 2,
      liveByProgram: { [BANK_APPS]: 2 },
    });
  });

  it('replays the history as of a date: 23 live on 2021-10-02, CGB not yet', async () => {
    const m = await getInstitutionMatrix(t.db, staff, { asOf: '2021-10-02' });
    expect(m.asOf).toBe('2021-10-02');
    expect(m.staleReferenceDate).toBe('2021-10-02');
    expect(m.rows.filter((r) => r.cells[BANK_APPS]?.status === 'LIVE')).toHaveLength(23);
    const cgb = m.rows.find((r) => r.code === 'CGB')?.cells[BANK_APPS];
    expect(cgb?.status).not.toBe('LIVE');
    expect(cgb?.liveDate).toBeNull();
    const live = await getInstitutionMatrix(t.db, staff, { asOf: '2021-12-02' });
    expect(live.rows.find((r) => r.code === 'CGB')?.cells[BANK_APPS]).toMatchObject({ status: 'LIVE', liveDate: '2021-12-02', isStale: false });
    await expect(getInstitutionMatrix(t.db, staff, { asOf: '2021-02-30' })).rejects.toThrow(RangeError);
  });
});

describe('getInstitutionDetail', () => {
  it('Mi Pay: a sourced device wallet, live on 2021-12-02, with the statement as its source', async () => {
    const d = await getInstitutionDetail(t.db, staff, 'MIPAY', { today: '2021-12-15' });
    expect(d).toMatchObject({ code: 'MIPAY', nameZh: '小米支付', type: 'DEVICE_WALLET', isIllustrative: false });
    expect(d?.source).toMatch(/Alipay statement, 2021-12-02/);
    expect(d?.programs).toHaveLength(1);
    expect(d?.programs[0]).toMatchObject({
      program: { slug: BANK_APPS, unit: 'INSTITUTION', staleAfterDays: 30 },
      status: 'LIVE',
      liveDate: '2021-12-02',
      isStale: false,
      daysSinceConfirmed: 13,
      lastChange: { at: '2021-12-02T10:00:00.000+08:00', actor: null, source: 'SEED' },
    });
  });

  it('an illustrative institution says so; unknown and malformed codes are null', async () => {
    expect((await getInstitutionDetail(t.db, staff, 'JDPAY'))?.isIllustrative).toBe(true);
    expect(await getInstitutionDetail(t.db, staff, 'NOPE')).toBeNull();
    expect(await getInstitutionDetail(t.db, staff, 'icbc')).toBeNull();
    expect(isInstitutionCode('HUAWEIPAY')).toBe(true);
    for (const bad of ['', 'I', 'icbc', 'IC BC', '../ICBC', 'A'.repeat(40)]) expect(isInstitutionCode(bad), bad).toBe(false);
  });
});
