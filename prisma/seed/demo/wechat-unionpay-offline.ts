/**
 * WeChat Pay x UnionPay QuickPass offline mutual recognition in the provincial capitals. Sourced
 * (docs/sources.md): the pilots of January 2020 (Fuzhou, Jinan; the day is approximate) and all
 * 31 capitals live on 2021-09-30. Illustrative: the capitals live earlier and their days.
 */
import { addDays } from '../../../lib/time';
import { listProvinces } from '../../../lib/geo/divisions';
import { EntityType, InteropMode, ProgramUnit, RolloutStatus, ScopeRule } from '../../../lib/generated/sqlite/enums';
import { FUZHOU, JINAN, SRC_WECHAT_CAPITALS, SRC_WECHAT_PILOT } from '../sources';
import { annotation, MIIT_UNBLOCKING, PBOC_PLAN } from './annotations';
import { earliest } from './dates';
import { chain, expectAllLiveFirstOn, liveDates, materialiseAll, step } from './history';
import type { EntitySpec, ProgramSeed } from './model';
import { DEMO_SEED, Rng } from './random';
import { regionOf } from './regions';

export const SLUG = 'wechat-unionpay-offline';

/** Illustrative capitals live before 2021-09-30 besides the two pilots. */
const WECHAT_EARLY_OTHERS = 8;

export function buildWechatUnionpayOffline(): ProgramSeed {
  const rng = new Rng(DEMO_SEED + 3);
  const provinces = listProvinces();
  const capitals = provinces.map((p) => ({ code: p.capitalCode, provinceCode: p.code }));
  const specs: EntitySpec[] = [];
  const pilotLive: Record<string, string> = { [FUZHOU]: '2021-04-16', [JINAN]: '2021-05-14' };
  for (const code of [FUZHOU, JINAN]) {
    specs.push({
      code,
      note: '2020 年 1 月试点城市 / Pilot city since January 2020',
      changes: chain([
        step('2020-01-15', RolloutStatus.PILOT, { sourceNote: SRC_WECHAT_PILOT, isIllustrative: false }),
        step(pilotLive[code] ?? '2021-06-01', RolloutStatus.LIVE),
      ]),
    });
  }
  const others = capitals.filter((c) => c.code !== FUZHOU && c.code !== JINAN);
  const early = new Set(
    rng
      .weightedOrder(others, (c) => ({ EAST: 3, CENTRAL: 1.5, WEST: 1 })[regionOf(c.provinceCode)])
      .slice(0, WECHAT_EARLY_OTHERS)
      .map((c) => c.code),
  );
  for (const c of others) {
    if (early.has(c.code)) {
      const live = addDays('2021-06-01', rng.int(0, 120));
      specs.push({
        code: c.code,
        changes: chain([
          step(addDays(live, -rng.int(40, 80)), RolloutStatus.PLANNED, { plannedDate: '2021-09-30' }),
          step(addDays(live, -rng.int(10, 30)), RolloutStatus.IN_PROGRESS),
          step(live, RolloutStatus.LIVE),
        ]),
      });
    } else {
      specs.push({
        code: c.code,
        changes: chain([
          step(addDays('2021-06-01', rng.int(0, 75)), RolloutStatus.PLANNED, { plannedDate: '2021-09-30' }),
          step(addDays('2021-09-30', -rng.int(5, 30)), RolloutStatus.IN_PROGRESS),
          step('2021-09-30', RolloutStatus.LIVE, { sourceNote: SRC_WECHAT_CAPITALS, isIllustrative: false }),
        ]),
      });
    }
  }
  expectAllLiveFirstOn(specs, '2021-09-30', capitals.length);
  return {
    slug: SLUG,
    nameZh: '微信支付与云闪付线下扫码互认',
    nameEn: 'WeChat Pay x UnionPay QuickPass offline mutual recognition',
    unit: ProgramUnit.CITY,
    directionZh: '云闪付扫描微信支付收款码',
    directionEn: 'UnionPay QuickPass scans WeChat Pay collection codes (收款码)',
    scopeRule: ScopeRule.PROVINCIAL_CAPITALS,
    startDate: '2020-01-01',
    baselineTargetDate: '2021-09-30',
    targetDate: '2021-09-30',
    targetValue: null,
    staleAfterDays: 30,
    isIllustrative: false,
    source: `${SRC_WECHAT_CAPITALS}. Pilots: KrASIA; Economic Daily`,
    sortOrder: 3,
    direction: { mode: InteropMode.CONSUMER_SCANS, payers: ['UNIONPAY_QUICKPASS'], acceptors: ['WECHAT_PAY'] },
    entityType: EntityType.CITY,
    ...materialiseAll(specs),
    milestones: [
      { titleZh: '福州、济南试点', titleEn: 'Pilots in Fuzhou and Jinan', dueDate: '2020-01-31', doneDate: '2020-01-15' },
      {
        titleZh: '首个省会城市正式上线',
        titleEn: 'First provincial capital live',
        dueDate: '2021-06-30',
        doneDate: earliest(liveDates(specs, specs.map((s) => s.code))),
      },
      { titleZh: '省会城市全覆盖', titleEn: 'All provincial capitals live', dueDate: '2021-09-30', doneDate: '2021-09-30' },
    ],
    annotations: [
      PBOC_PLAN,
      annotation(
        '2020-01-15',
        '微信支付与银联试点：中国银行、交通银行 App 在福州、宁波、济南可扫微信收款码',
        'WeChat Pay x UnionPay pilot: Bank of China and Bank of Communications apps scan WeChat codes in Fuzhou, Ningbo, Jinan',
        SRC_WECHAT_PILOT,
      ),
      MIIT_UNBLOCKING,
      annotation('2021-09-30', '云闪付可在所有省会城市扫微信收款码', 'QuickPass scans WeChat collection codes in all provincial capitals', SRC_WECHAT_CAPITALS),
    ],
    metricPoints: [],
    targetChanges: [],
  };
}
