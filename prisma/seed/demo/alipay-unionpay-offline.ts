/**
 * Alipay x UnionPay offline QR mutual recognition, city by city. Sourced (docs/sources.md): the
 * Ningbo pilot of 2019-12-30, the seven cities Alipay named live on 2021-10-02, the target of all
 * cities by March 2022 and every prefecture-level city live on 2021-12-02. Illustrative: the day
 * each city went live and the other cities live by 2021-10-02.
 */
import { addDays, daysBetween } from '../../../lib/time';
import { listPrefectureLevelCities, type CityDivision } from '../../../lib/geo/divisions';
import { EntityType, InteropMode, ProgramUnit, RolloutStatus, ScopeRule } from '../../../lib/generated/sqlite/enums';
import {
  CITIES_NAMED_LIVE_20211002,
  NINGBO,
  NOTE_EXACT_DATE_ILLUSTRATIVE,
  SOURCE_ALIPAY_20211002,
  SRC_NATIONWIDE,
  SRC_NINGBO,
  SRC_PILOT_VERIFIED,
} from '../sources';
import { annotation, MIIT_UNBLOCKING, PBOC_PLAN } from './annotations';
import { earlierOf, laterOf, latest } from './dates';
import { chain, expectAllLiveFirstOn, liveDates, materialiseAll, step } from './history';
import type { EntitySpec, ProgramSeed } from './model';
import { DEMO_SEED, Rng } from './random';
import { capitalCodes, regionOf } from './regions';

export const SLUG = 'alipay-unionpay-offline';

/** The statement says only "live by 2021-10-02"; these days are illustrative. */
const NAMED_LIVE_DATES: Record<(typeof CITIES_NAMED_LIVE_20211002)[number], string> = {
  '4403': '2021-06-18',
  '4401': '2021-07-09',
  '1100': '2021-07-23',
  '1200': '2021-08-13',
  '5101': '2021-08-27',
  '5000': '2021-09-10',
  '6101': '2021-09-24',
};

/** Illustrative cities live by 2021-10-02 besides Ningbo and the seven named ones. */
const EARLY_OTHER_COUNT = 41;
/** Cities going live on 2021-12-02, the day nationwide coverage was announced. */
const FINAL_BATCH_COUNT = 24;

function buildAlipayUnionpaySpecs(cities: readonly CityDivision[]): EntitySpec[] {
  const rng = new Rng(DEMO_SEED + 1);
  const capitals = capitalCodes();
  const specs: EntitySpec[] = [];
  const done = new Set<string>();

  specs.push({
    code: NINGBO,
    note: '首个试点城市，2019-12-30 完成首笔互认交易 / First pilot city, first interoperable transaction on 2019-12-30',
    changes: [
      step('2019-12-30', RolloutStatus.PILOT, { sourceNote: SRC_NINGBO, isIllustrative: false }),
      step('2020-12-18', RolloutStatus.LIVE, {
        sourceNote: `${SRC_PILOT_VERIFIED}; ${NOTE_EXACT_DATE_ILLUSTRATIVE}`,
      }),
    ],
  });
  done.add(NINGBO);

  // In the statement's order: the PRNG draws follow it.
  for (const code of CITIES_NAMED_LIVE_20211002) {
    const live = NAMED_LIVE_DATES[code];
    specs.push({
      code,
      note: '支付宝 2021-10-02 公告点名已上线 / Named as live in Alipay statement of 2021-10-02',
      changes: chain([
        step(addDays(live, -rng.int(60, 90)), RolloutStatus.PLANNED, {
          plannedDate: earlierOf(addDays(live, rng.int(0, 30)), '2021-10-31'),
        }),
        step(addDays(live, -rng.int(14, 35)), RolloutStatus.IN_PROGRESS),
        step(live, RolloutStatus.LIVE, {
          sourceNote: `Live by 2021-10-02: ${SOURCE_ALIPAY_20211002}; ${NOTE_EXACT_DATE_ILLUSTRATIVE}`,
        }),
      ]),
    });
    done.add(code);
  }

  const weightEarly = (c: CityDivision) =>
    (capitals.has(c.code) ? 4 : 1) * { EAST: 3, CENTRAL: 1.5, WEST: 1 }[regionOf(c.provinceCode)];
  const early = rng.weightedOrder(
    cities.filter((c) => !done.has(c.code)),
    weightEarly,
  ).slice(0, EARLY_OTHER_COUNT);
  const earlyStart = '2021-01-11';
  const earlySpan = daysBetween(earlyStart, '2021-10-02');
  for (const c of early) {
    // Skewed towards later dates: the rollout accelerated in 2021.
    const live = addDays(earlyStart, Math.floor(Math.sqrt(rng.float()) * (earlySpan + 1)));
    specs.push({
      code: c.code,
      changes: chain([
        step(laterOf(addDays(live, -rng.int(30, 90)), '2020-12-21'), RolloutStatus.PLANNED, {
          plannedDate: addDays(live, rng.int(0, 45)),
        }),
        step(addDays(live, -rng.int(7, 25)), RolloutStatus.IN_PROGRESS),
        step(live, RolloutStatus.LIVE),
      ]),
    });
    done.add(c.code);
  }

  // The rest: planned by 2021-10-02 (the plan runs to 2022-03-31), live from 2021-10-08, the
  // western-heavy last batch on 2021-12-02.
  const rest = cities.filter((c) => !done.has(c.code));
  const finalBatch = new Set(
    rng
      .weightedOrder(rest, (c) => ({ EAST: 0.5, CENTRAL: 1.5, WEST: 3 })[regionOf(c.provinceCode)])
      .slice(0, FINAL_BATCH_COUNT)
      .map((c) => c.code),
  );
  const regionalFactor = { EAST: 0.55, CENTRAL: 0.8, WEST: 1 };
  const ordered = rest
    .filter((c) => !finalBatch.has(c.code))
    .map((c) => ({ c, key: rng.float() * regionalFactor[regionOf(c.provinceCode)] }))
    .sort((x, y) => x.key - y.key || x.c.code.localeCompare(y.c.code))
    .map((x) => x.c);
  const n = ordered.length;
  ordered.forEach((c, rank) => {
    const live = addDays('2021-10-08', Math.floor((rank / n) * 55));
    const plan = earlierOf(
      laterOf(addDays('2021-11-01', Math.floor((rank / n) * 150) + rng.int(-10, 10)), '2021-10-20'),
      '2022-03-31',
    );
    specs.push({
      code: c.code,
      changes: chain([
        step(addDays('2021-07-01', rng.int(0, 93)), RolloutStatus.PLANNED, { plannedDate: plan }),
        step(addDays(live, -rng.int(5, 28)), RolloutStatus.IN_PROGRESS),
        step(live, RolloutStatus.LIVE),
      ]),
    });
  });
  for (const c of rest.filter((x) => finalBatch.has(x.code))) {
    specs.push({
      code: c.code,
      changes: chain([
        step(addDays('2021-07-01', rng.int(0, 93)), RolloutStatus.PLANNED, {
          plannedDate: earlierOf(addDays('2022-01-15', rng.int(0, 90)), '2022-03-31'),
        }),
        step(addDays('2021-12-02', -rng.int(5, 40)), RolloutStatus.IN_PROGRESS),
        step('2021-12-02', RolloutStatus.LIVE, { sourceNote: SRC_NATIONWIDE, isIllustrative: false }),
      ]),
    });
  }
  return specs;
}

export function buildAlipayUnionpayOffline(): ProgramSeed {
  const cities = listPrefectureLevelCities();
  const specs = buildAlipayUnionpaySpecs(cities);
  expectAllLiveFirstOn(specs, '2021-12-02', cities.length);
  const capitals = capitalCodes();
  return {
    slug: SLUG,
    nameZh: '支付宝与云闪付线下收款码扫码互认',
    nameEn: 'Alipay x UnionPay offline QR mutual recognition',
    unit: ProgramUnit.CITY,
    directionZh: '云闪付及银行 App 扫描支付宝收款码',
    directionEn: 'UnionPay QuickPass and bank apps scan Alipay collection codes (收款码)',
    scopeRule: ScopeRule.ALL_PREFECTURE_CITIES,
    startDate: '2019-12-01',
    baselineTargetDate: '2022-03-31',
    targetDate: '2022-03-31',
    targetValue: null,
    staleAfterDays: 30,
    isIllustrative: false,
    source: `Target (all cities by March 2022): ${SOURCE_ALIPAY_20211002}. Nationwide on 2021-12-02: Beijing News via Hexun; Caixin 2021-12-03`,
    sortOrder: 1,
    direction: { mode: InteropMode.CONSUMER_SCANS, payers: ['UNIONPAY_QUICKPASS'], acceptors: ['ALIPAY'] },
    entityType: EntityType.CITY,
    ...materialiseAll(specs),
    milestones: [
      { titleZh: '宁波试点完成首笔互认交易', titleEn: 'First interoperable transaction (Ningbo pilot)', dueDate: '2019-12-31', doneDate: '2019-12-30' },
      { titleZh: '试点验证完成', titleEn: 'Pilot verified', dueDate: '2020-12-31', doneDate: '2020-12-18' },
      {
        titleZh: '首批重点城市上线（北京、天津、广州、深圳、成都、重庆、西安）',
        titleEn: "First key cities live (Beijing, Tianjin, Guangzhou, Shenzhen, Chengdu, Chongqing, Xi'an)",
        dueDate: '2021-09-30',
        doneDate: latest(liveDates(specs, CITIES_NAMED_LIVE_20211002)),
      },
      {
        titleZh: '省会城市全覆盖',
        titleEn: 'All provincial capitals live',
        dueDate: '2021-12-31',
        doneDate: latest(liveDates(specs, capitals)),
      },
      { titleZh: '全国覆盖', titleEn: 'Nationwide coverage', dueDate: '2022-03-31', doneDate: '2021-12-02' },
    ],
    annotations: [
      PBOC_PLAN,
      annotation('2019-12-30', '宁波试点完成首笔互认交易', 'First interoperable transaction in pilot city Ningbo', SRC_NINGBO),
      annotation('2020-12-31', '支付宝与银联试点验证完成，随后逐城推广', 'Alipay x UnionPay pilot verified, then rolled out city by city', `${SRC_PILOT_VERIFIED} ("end of 2020")`),
      MIIT_UNBLOCKING,
      annotation(
        '2021-10-02',
        '支付宝：北京、天津、广州、深圳、成都、重庆、西安等城市已互认，2022年3月前覆盖所有城市',
        "Alipay: live in Beijing, Tianjin, Guangzhou, Shenzhen, Chengdu, Chongqing, Xi'an and other cities; all cities planned by March 2022",
        SOURCE_ALIPAY_20211002,
      ),
      annotation('2021-12-02', '支付宝：全国范围实现互认，提前约三个月', 'Alipay: nationwide mutual recognition, about three months early', SRC_NATIONWIDE),
    ],
    metricPoints: [],
    targetChanges: [],
  };
}
