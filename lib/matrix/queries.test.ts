import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { loadDemoContexts } from '../../tests/helpers/demo-viewers';
import { EXPECTED } from '../../prisma/seed/demo';
import type { Viewer } from '../auth/viewer';
import { getCoverageAsOf } from '../coverage/queries';
import { getMatrix } from './queries';
import type { MatrixDto } from './model';

const { t } = withDemoDb({ now: DEMO_NOW });
let pm: Viewer;
let icbc: Viewer;
beforeAll(async () => {
  const contexts = await loadDemoContexts(t.db);
  pm = contexts.pm.viewer;
  icbc = contexts.icbc.viewer;
});

function cell(matrix: MatrixDto, payer: string, acceptor: string) {
  const found = matrix.rows.find((r) => r.payer === payer)?.cells.find((c) => c.acceptor === acceptor);
  if (!found) throw new Error(`no cell ${payer} -> ${acceptor}`);
  return found;
}

describe('the who-scans-whom matrix of the demo data (the public 2021 record)', () => {
  it('2021-10-02, consumer scans: QuickPass partly on Alipay, complete on WeChat Pay in the capitals, nothing between the wallets', async () => {
    const m = await getMatrix(t.db, pm, '2021-10-02', 'CONSUMER_SCANS');
    expect(m.rails.map((r) => r.code)).toEqual(['ALIPAY', 'WECHAT_PAY', 'UNIONPAY_QUICKPASS', 'BANK_APPS', 'DEVICE_WALLETS']);
    const alipay = cell(m, 'UNIONPAY_QUICKPASS', 'ALIPAY').programs;
    expect(alipay.map((p) => [p.slug, p.live, p.denominator, p.completedOn])).toEqual([
      ['alipay-unionpay-offline', EXPECTED.alipayUnionpayLiveOn20211002, EXPECTED.allCities, null],
    ]);
    const wechat = cell(m, 'UNIONPAY_QUICKPASS', 'WECHAT_PAY').programs;
    expect(wechat.map((p) => [p.live, p.denominator, p.health, p.completedOn])).toEqual([[31, 31, 'COMPLETE', '2021-09-30']]);
    expect(cell(m, 'ALIPAY', 'WECHAT_PAY').programs).toEqual([]);
    expect(cell(m, 'WECHAT_PAY', 'ALIPAY').programs).toEqual([]);
    expect(cell(m, 'ALIPAY', 'ALIPAY').isSameRail).toBe(true);
    const banks = cell(m, 'BANK_APPS', 'ALIPAY').programs;
    expect(banks.map((p) => [p.live, p.denominator])).toEqual([[EXPECTED.bankAppsLiveOn20211002, 28]]);
  });

  it('the bank-apps row expands to the 28 institutions, 23 of them live on 2021-10-02 and all on 2021-12-02', async () => {
    const oct = (await getMatrix(t.db, pm, '2021-10-02', 'CONSUMER_SCANS')).rows.find((r) => r.payer === 'BANK_APPS')!;
    expect(oct.institutions).toHaveLength(EXPECTED.bankAppsLiveOn20211202);
    const liveOn = (row: typeof oct) =>
      row.institutions.filter((i) => i.cells.find((c) => c.acceptor === 'ALIPAY')?.programs[0]?.isLive).length;
    expect(liveOn(oct)).toBe(EXPECTED.bankAppsLiveOn20211002);
    expect(oct.institutions.map((i) => i.code)).toEqual(expect.arrayContaining(['ICBC', 'CGB', 'MIPAY']));
    const dec = (await getMatrix(t.db, pm, '2021-12-02', 'CONSUMER_SCANS')).rows.find((r) => r.payer === 'BANK_APPS')!;
    expect(liveOn(dec)).toBe(EXPECTED.bankAppsLiveOn20211202);
  });

  it('2021-12-02: the Alipay cell is complete, nationwide since that day', async () => {
    const m = await getMatrix(t.db, pm, '2021-12-02', 'CONSUMER_SCANS');
    const [p] = cell(m, 'UNIONPAY_QUICKPASS', 'ALIPAY').programs;
    expect([p?.live, p?.denominator, p?.health, p?.completedOn]).toEqual([337, 337, 'COMPLETE', '2021-12-02']);
  });

  it('online checkout: Alipay accepts QuickPass at 85 % on 2021-10-02; merchant scans: the reverse program has not started', async () => {
    const online = await getMatrix(t.db, pm, '2021-10-02', 'ONLINE_CHECKOUT');
    const [p] = cell(online, 'UNIONPAY_QUICKPASS', 'ALIPAY').programs;
    expect([p?.percent, p?.targetValue, p?.denominator]).toEqual([EXPECTED.alipayOnlineOn20211002, 85, null]);
    const reverse = await getMatrix(t.db, pm, '2021-10-02', 'MERCHANT_SCANS');
    for (const acceptor of ['ALIPAY', 'WECHAT_PAY']) {
      const [r] = cell(reverse, 'UNIONPAY_QUICKPASS', acceptor).programs;
      expect([r?.slug, r?.isStarted, r?.health]).toEqual(['quickpass-payment-code-reverse', false, null]);
    }
  });

  it('every count cell equals the coverage of its program on that date', async () => {
    for (const asOf of ['2021-06-30', '2021-10-02', '2021-11-15']) {
      const m = await getMatrix(t.db, pm, asOf, 'CONSUMER_SCANS');
      for (const p of m.rows.flatMap((r) => r.cells.flatMap((c) => c.programs))) {
        const coverage = await getCoverageAsOf(t.db, p.slug, asOf);
        expect([p.live, p.denominator, p.percent], `${p.slug} ${asOf}`).toEqual([coverage?.live, coverage?.denominator, coverage?.percent]);
      }
    }
  });

  it('a partner reads the same matrix as a manager', async () => {
    expect(await getMatrix(t.db, icbc, '2021-10-02', 'CONSUMER_SCANS')).toEqual(await getMatrix(t.db, pm, '2021-10-02', 'CONSUMER_SCANS'));
  });
});
