import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { EXPECTED } from '../../prisma/seed/demo';
import { getGeography } from './geography';
import { getCoverageAsOf, getNationalCitiesAsOf, getProvinceCitiesAsOf } from './queries';

const { t } = withDemoDb({ now: DEMO_NOW });

const NAMED_CITIES = { '1100': '北京', '1200': '天津', '4401': '广州', '4403': '深圳', '5101': '成都', '5000': '重庆', '6101': '西安' };

describe('coverage as of a date, replayed from the history', () => {
  it('2021-10-02: the public Alipay statement (named cities live; 23 banks)', async () => {
    const cities = await getCoverageAsOf(t.db, 'alipay-unionpay-offline', '2021-10-02');
    expect(cities?.denominator).toBe(337);
    expect(cities?.live).toBe(EXPECTED.alipayUnionpayLiveOn20211002);
    const provincesWithNamedCity = new Set(Object.keys(NAMED_CITIES).map((c) => c.slice(0, 2)));
    for (const code of provincesWithNamedCity) {
      expect(cities?.provinces.find((p) => p.code === code)?.live ?? 0).toBeGreaterThan(0);
    }
    const banks = await getCoverageAsOf(t.db, 'alipay-bank-apps', '2021-10-02');
    expect([banks?.live, banks?.denominator, banks?.percent]).toEqual([23, 28, 82.1]);
  });

  it('2021-12-02: nationwide, all 337 cities and 28 institutions; the day before, not yet', async () => {
    const dec2 = await getCoverageAsOf(t.db, 'alipay-unionpay-offline', '2021-12-02');
    expect([dec2?.live, dec2?.denominator, dec2?.percent]).toEqual([337, 337, 100]);
    expect(dec2?.provinces.every((p) => p.live === p.denominator)).toBe(true);
    expect(dec2?.provinces).toHaveLength(31);
    const dec1 = await getCoverageAsOf(t.db, 'alipay-unionpay-offline', '2021-12-01');
    expect(dec1?.live).toBeLessThan(337);
    expect((await getCoverageAsOf(t.db, 'alipay-bank-apps', '2021-12-02'))?.live).toBe(28);
    expect((await getCoverageAsOf(t.db, 'alipay-bank-apps', '2021-12-01'))?.live).toBeLessThan(28);
  });

  it('the province roll-up adds up to the national numbers', async () => {
    const c = await getCoverageAsOf(t.db, 'alipay-unionpay-offline', '2021-11-01');
    expect(c?.provinces.reduce((s, p) => s + p.live, 0)).toBe(c?.live);
    expect(c?.provinces.reduce((s, p) => s + p.denominator, 0)).toBe(337);
    expect(c?.counts.LIVE).toBe(c?.live);
  });

  it('WeChat x QuickPass: all 31 provincial capitals on 2021-09-30', async () => {
    const c = await getCoverageAsOf(t.db, 'wechat-unionpay-offline', '2021-09-30');
    expect([c?.live, c?.denominator]).toEqual([31, 31]);
  });

  it('online share: 85% of Taobao merchants on 2021-10-02, shown as a metric, not a count', async () => {
    const c = await getCoverageAsOf(t.db, 'alipay-online-quickpass', '2021-10-02');
    expect(c?.metric?.value).toBe(85);
    expect(c?.metric?.date).toBe('2021-10-02');
    expect(c?.percent).toBeNull();
  });

  it('before any history everything is NOT_STARTED, and an unknown program is null', async () => {
    const c = await getCoverageAsOf(t.db, 'alipay-unionpay-offline', '2019-01-01');
    expect([c?.live, c?.counts.NOT_STARTED]).toEqual([0, 337]);
    expect(await getCoverageAsOf(t.db, 'nope', '2021-10-02')).toBeNull();
  });
});

describe('drilling into a province', () => {
  it('lists Guangdong\'s cities with their status as of the date, adding up to the province row', async () => {
    const drill = await getProvinceCitiesAsOf(t.db, 'alipay-unionpay-offline', '44', '2021-10-02');
    const national = await getCoverageAsOf(t.db, 'alipay-unionpay-offline', '2021-10-02');
    const row = national?.provinces.find((p) => p.code === '44');
    expect(drill?.province.name).toBe('广东省');
    expect(drill?.cities).toHaveLength(21);
    expect([drill?.live, drill?.denominator]).toEqual([row?.live, row?.denominator]);
    expect(drill?.cities.find((c) => c.code === '4403')?.status).toBe('LIVE');
    expect(drill?.cities.find((c) => c.code === '4401')?.status).toBe('LIVE');
  });

  it('is null for an unknown province or a program that does not count cities', async () => {
    expect(await getProvinceCitiesAsOf(t.db, 'alipay-unionpay-offline', '99', '2021-10-02')).toBeNull();
    expect(await getProvinceCitiesAsOf(t.db, 'alipay-bank-apps', '44', '2021-10-02')).toBeNull();
  });
});

describe('the national city layer', () => {
  it('every in-scope city with its status on the date, agreeing with the province totals', async () => {
    const cities = await getNationalCitiesAsOf(t.db, 'alipay-unionpay-offline', '2021-10-02');
    const coverage = await getCoverageAsOf(t.db, 'alipay-unionpay-offline', '2021-10-02');
    expect(cities).toHaveLength(337);
    expect(cities?.filter((c) => c.status === 'LIVE')).toHaveLength(EXPECTED.alipayUnionpayLiveOn20211002);
    expect(cities?.find((c) => c.code === '4403')).toMatchObject({ name: '深圳市', status: 'LIVE' });
    for (const p of coverage?.provinces ?? []) {
      const inProvince = cities?.filter((c) => c.code.startsWith(p.code)) ?? [];
      expect([p.code, inProvince.filter((c) => c.status === 'LIVE').length]).toEqual([p.code, p.live]);
    }
  });

  it('is null for a program that does not count cities, or an unknown one', async () => {
    expect(await getNationalCitiesAsOf(t.db, 'alipay-bank-apps', '2021-10-02')).toBeNull();
    expect(await getNationalCitiesAsOf(t.db, 'no-such-program', '2021-10-02')).toBeNull();
  });

  it('reads the geography once per client and keeps it (reference data)', async () => {
    const first = getGeography(t.db);
    expect(getGeography(t.db)).toBe(first);
    expect((await first).provinceOfCity.get('4403')).toBe('44');
    // After the time to live it is read again.
    expect(getGeography(t.db, Date.now() + 11 * 60 * 1000)).not.toBe(first);
  });
});
