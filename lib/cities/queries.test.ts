import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import type { Viewer } from '../auth/viewer';
import { addDays } from '../time';
import { getCityDetail, isCityCode, searchDivisions } from './queries';

const { t } = withDemoDb({ now: DEMO_NOW });
/** A program manager: sees every row in full. */
const staff: Viewer = { id: 'staff', email: 'pm@hutong.test', name: 'PM', role: 'PROGRAM_MANAGER', institutionCode: null };

const ALIPAY = 'alipay-unionpay-offline';
const WECHAT = 'wechat-unionpay-offline';
const REVERSE = 'quickpass-payment-code-reverse';

describe('getCityDetail', () => {
  it('Guangzhou, a provincial capital: one entry per program that tracks it, in program order', async () => {
    const gz = await getCityDetail(t.db, staff, '4401', { today: '2026-11-25' });
    expect(gz).toMatchObject({ code: '4401', name: '广州市', nameEn: 'Guangzhou', level: 'PREFECTURE' });
    expect(gz?.province).toEqual({ code: '44', name: '广东省', shortName: '广东', nameEn: 'Guangdong' });
    expect(gz?.programs.map((p) => p.program.slug)).toEqual([ALIPAY, WECHAT, REVERSE]);
  });

  it('Shenzhen is not a capital, so the WeChat capitals program does not list it', async () => {
    const sz = await getCityDetail(t.db, staff, '4403', { today: '2026-11-25' });
    expect(sz?.programs.map((p) => p.program.slug)).toEqual([ALIPAY, REVERSE]);
    const alipay = sz?.programs[0];
    expect(alipay).toMatchObject({ status: 'LIVE', verified: true, version: 4, evidenceUrl: null });
    expect(alipay?.liveDate && alipay.liveDate <= '2021-10-02').toBe(true);
    expect(alipay?.note).toMatch(/支付宝 2021-10-02 公告/);
    // The last change is the go-live, made by the seed (no person).
    expect(alipay?.lastChange).toEqual({ at: `${alipay?.liveDate}T10:00:00.000+08:00`, actor: null, source: 'SEED' });
    // Confirmed in 2021, long ago by 2026, but the rollout is complete (every city LIVE): a live
    // row of a finished program is not flagged (lib/institutions/staleness.ts).
    expect(alipay?.daysSinceConfirmed).toBeGreaterThan(30);
    expect(alipay?.isStale).toBe(false);
  });

  it('measures staleness against the injected today: fresh for staleAfterDays days, then stale', async () => {
    // The reverse program is still rolling out, so its rows are held to staleAfterDays (30).
    const reverse = async (today?: string) =>
      (await getCityDetail(t.db, staff, '4403', today ? { today } : {}))?.programs.find((p) => p.program.slug === REVERSE);
    const confirmedOn = (await reverse())?.lastConfirmedAt?.slice(0, 10) ?? '';
    expect(confirmedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const on = reverse;
    expect(await on(addDays(confirmedOn, 30))).toMatchObject({ isStale: false, daysSinceConfirmed: 30 });
    expect(await on(addDays(confirmedOn, 31))).toMatchObject({ isStale: true, daysSinceConfirmed: 31 });
    expect(await on(confirmedOn)).toMatchObject({ isStale: false, daysSinceConfirmed: 0 });
  });

  it('a county-level unit exists but is in no "all cities" program; unknown or malformed codes are null', async () => {
    const xiantao = await getCityDetail(t.db, staff, '429004');
    expect(xiantao?.level).toBe('COUNTY_LEVEL');
    expect(xiantao?.programs).toEqual([]);
    expect(await getCityDetail(t.db, staff, '9999')).toBeNull();
    expect(await getCityDetail(t.db, staff, "44'03")).toBeNull();
    expect(isCityCode('4403')).toBe(true);
    expect(isCityCode('429004')).toBe(true);
    for (const bad of ['44', '44031', 'abcd', '4403 ', '']) expect(isCityCode(bad), bad).toBe(false);
  });
});

describe('searchDivisions', () => {
  const codes = async (q: string, limit = 10) => (await searchDivisions(t.db, q, limit)).map((i) => i.code);

  it.each(['深圳', '深圳市', 'shenzhen', 'ShenZhen', 'sz', '4403', '４４０３'])('finds Shenzhen by %s', async (q) => {
    expect(await codes(q)).toContain('4403');
  });

  it('an exact code or name comes first', async () => {
    expect((await searchDivisions(t.db, '4403'))[0]).toEqual({
      kind: 'city',
      code: '4403',
      name: '深圳市',
      nameEn: 'Shenzhen',
      provinceCode: '44',
    });
    expect((await codes('深圳'))[0]).toBe('4403');
    expect((await codes('shenzhen'))[0]).toBe('4403');
  });

  it.each(['广东', 'guangdong', 'Guangdong', '44'])('finds the province of Guangdong first by %s', async (q) => {
    const [first] = await searchDivisions(t.db, q);
    expect(first).toEqual({ kind: 'province', code: '44', name: '广东省', nameEn: 'Guangdong', provinceCode: '44' });
  });

  it('ranks exact, then prefix, then contains: "44" lists Guangdong, then its cities', async () => {
    const items = await searchDivisions(t.db, '44', 50);
    expect(items[0]?.kind).toBe('province');
    expect(items.slice(1).every((i) => i.kind === 'city' && i.code.startsWith('44'))).toBe(true);
    expect(items.map((i) => i.code)).toContain('4403');
    // Contains comes after prefix: 州 is in the middle of 广州 but starts 州 names nowhere.
    const zhou = await codes('州', 50);
    expect(zhou.length).toBeGreaterThan(10);
    const guang = await searchDivisions(t.db, '广', 50);
    const firstContains = guang.findIndex((i) => !i.name.startsWith('广'));
    const lastPrefix = guang.map((i) => i.name.startsWith('广')).lastIndexOf(true);
    expect(firstContains === -1 || lastPrefix < firstContains).toBe(true);
  });

  it('finds provinces by pinyin where the English name differs, and cities with an apostrophe', async () => {
    expect(await codes('neimenggu')).toContain('15');
    expect(await codes('xizang')).toContain('54');
    expect((await codes("xi'an"))[0]).toBe('6101');
    expect((await codes('xian'))[0]).toBe('6101');
  });

  it('returns nothing for blank or unmatched queries, and respects the limit', async () => {
    expect(await searchDivisions(t.db, '   ')).toEqual([]);
    expect(await searchDivisions(t.db, 'qqqqq')).toEqual([]);
    expect(await searchDivisions(t.db, '9')).toEqual([]);
    expect(await codes('4', 5)).toHaveLength(5);
  });
});
