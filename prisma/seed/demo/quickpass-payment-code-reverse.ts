/**
 * Alipay and WeChat Pay scanning UnionPay QuickPass payment codes: a program invented for the demo
 * (no source; 2026-2027, in flight, re-planned once), so that the dashboard has a rollout under
 * way with stale rows, a paused city and a missed milestone.
 */
import { addDays, daysBetween } from '../../../lib/time';
import { listPrefectureLevelCities } from '../../../lib/geo/divisions';
import { EntityType, InteropMode, ProgramUnit, Role, RolloutStatus, ScopeRule } from '../../../lib/generated/sqlite/enums';
import { changeInstant, earlierOf, earliest, latest } from './dates';
import { chain, countOn, firstDateWhen, materialiseAll, step } from './history';
import type { EntitySpec, ProgramSeed } from './model';
import { DEMO_SEED, Rng } from './random';
import { capitalCodes, regionOf } from './regions';
import { DEMO_USERS } from './users';

export const SLUG = 'quickpass-payment-code-reverse';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Last day with any change in the program. */
const LAST_CHANGE = '2026-11-20';

/** How many cities end in each status (the rest PLANNED); `pilotsFirst` of the live ones piloted first. */
const REVERSE = {
  live: 194,
  pilotsFirst: 6,
  pilot: 8,
  paused: 5,
  inProgress: 22,
  notStarted: 4,
} as const;

/** The day the target moved from 2027-03-31 to 2027-06-30. */
const REPLAN_DATE = '2026-09-15';

const PAUSED_NOTE = '商户终端改造延期，暂停上线 / Paused: merchant terminal upgrades delayed';

export function buildQuickpassPaymentCodeReverse(now: Date): ProgramSeed {
  const rng = new Rng(DEMO_SEED + 5);
  const cities = listPrefectureLevelCities();
  const capitals = capitalCodes();
  const last = LAST_CHANGE;
  const ranked = rng.weightedOrder(
    cities,
    (c) => (capitals.has(c.code) ? 1.5 : 1) * { EAST: 3, CENTRAL: 1.6, WEST: 1 }[regionOf(c.provinceCode)],
  );
  const liveCities = ranked.slice(0, REVERSE.live);
  const notLive = ranked.slice(REVERSE.live);
  // Paused: one eastern city for sure (so the eastern milestone is visibly missed), then random.
  const firstEast = notLive.find((c) => regionOf(c.provinceCode) === 'EAST');
  const pool = notLive.slice(0, notLive.length - REVERSE.notStarted);
  const paused = new Set<string>(firstEast ? [firstEast.code] : []);
  while (paused.size < REVERSE.paused) {
    const pick = pool[rng.int(0, pool.length - 1)];
    if (pick) paused.add(pick.code);
  }
  const remaining = notLive.filter((c) => !paused.has(c.code));
  const pilots = new Set(remaining.slice(0, REVERSE.pilot).map((c) => c.code));
  const inProgress = new Set(remaining.slice(REVERSE.pilot, REVERSE.pilot + REVERSE.inProgress).map((c) => c.code));
  const notStarted = new Set(remaining.slice(remaining.length - REVERSE.notStarted).map((c) => c.code));

  const specs: EntitySpec[] = [];
  const nLive = liveCities.length;
  liveCities.forEach((c, rank) => {
    if (rank < REVERSE.pilotsFirst) {
      const pilot = addDays('2026-03-16', rng.int(0, 15));
      specs.push({
        code: c.code,
        note: '首批试点城市 / First pilot city',
        changes: chain([
          step(addDays('2026-03-02', rng.int(0, 7)), RolloutStatus.PLANNED, { plannedDate: addDays('2026-05-01', rng.int(0, 30)) }),
          step(pilot, RolloutStatus.PILOT),
          step(addDays('2026-05-06', rng.int(0, 24)), RolloutStatus.LIVE),
        ]),
      });
      return;
    }
    // Rank order with jitter; the last few land on the final day.
    const liveDate = earlierOf(addDays('2026-06-01', Math.floor((rank / nLive) * 172) + rng.int(0, 6)), last);
    const plannedChange = earlierOf(addDays('2026-03-02', rng.int(0, 90)), addDays(liveDate, -30));
    specs.push({
      code: c.code,
      changes: chain([
        step(plannedChange, RolloutStatus.PLANNED, {
          plannedDate: earlierOf(addDays(liveDate, rng.int(-20, 60)), '2027-03-31'),
        }),
        step(addDays(liveDate, -rng.int(10, 40)), RolloutStatus.IN_PROGRESS),
        step(liveDate, RolloutStatus.LIVE),
      ]),
    });
  });
  const nRest = remaining.length;
  remaining.forEach((c, rank) => {
    if (notStarted.has(c.code)) {
      specs.push({ code: c.code, changes: [] });
      return;
    }
    // Plans run into 2027; rows planned after the re-plan may use the new target date.
    const plannedChange = addDays('2026-04-01', rng.int(0, daysBetween('2026-04-01', last) - 40));
    const replanned = plannedChange >= REPLAN_DATE;
    const [from, to] = replanned ? ['2027-01-15', '2027-06-30'] : ['2026-12-01', '2027-03-31'];
    const plan = earlierOf(addDays(from, Math.floor((rank / nRest) * daysBetween(from, to)) + rng.int(0, 20)), to);
    const planned = step(plannedChange, RolloutStatus.PLANNED, { plannedDate: plan });
    const started = addDays(plannedChange, rng.int(10, 35));
    if (pilots.has(c.code)) {
      specs.push({
        code: c.code,
        changes: chain([planned, step(started, RolloutStatus.IN_PROGRESS), step(earlierOf(addDays(started, rng.int(10, 30)), last), RolloutStatus.PILOT)]),
      });
    } else if (inProgress.has(c.code)) {
      specs.push({ code: c.code, changes: chain([planned, step(earlierOf(started, last), RolloutStatus.IN_PROGRESS)]) });
    } else {
      specs.push({ code: c.code, changes: [planned] });
    }
  });
  for (const c of notLive.filter((x) => paused.has(x.code))) {
    const plannedChange = addDays('2026-04-01', rng.int(0, 60));
    const started = addDays(plannedChange, rng.int(20, 45));
    specs.push({
      code: c.code,
      note: PAUSED_NOTE,
      changes: chain([
        step(plannedChange, RolloutStatus.PLANNED, { plannedDate: addDays('2026-10-01', rng.int(0, 60)) }),
        step(started, RolloutStatus.IN_PROGRESS),
        step(addDays('2026-09-01', rng.int(0, 70)), RolloutStatus.PAUSED),
      ]),
    });
  }
  // lastConfirmedAt: spread over the 60 days before `now` (so some rows are stale), never before
  // the row's last change when that change is in the past.
  for (const spec of specs) {
    const lastDate = spec.changes[spec.changes.length - 1]?.date;
    const lastChange = lastDate ? changeInstant(lastDate) : null;
    // Squared: most rows were confirmed recently, a minority is older than staleAfterDays (30).
    const spread = new Date(now.getTime() - Math.floor(rng.float() ** 2 * 60 * DAY_MS));
    spec.lastConfirmedAt =
      lastChange && lastChange.getTime() <= now.getTime() && lastChange > spread ? lastChange : spread;
    for (const ch of spec.changes) ch.isIllustrative = true;
  }
  const maxChange = latest(specs.flatMap((s) => s.changes.map((c) => c.date)));
  if (maxChange !== last) throw new Error(`seed: reverse program's last change is ${maxChange}, not ${last}`);

  const eastCodes = new Set(cities.filter((c) => regionOf(c.provinceCode) === 'EAST').map((c) => c.code));
  const eastDone = firstDateWhen(specs, (_live, on) => countOn(specs, on, RolloutStatus.LIVE, eastCodes) === eastCodes.size);
  const capitalsDone = firstDateWhen(specs, (_live, on) => countOn(specs, on, RolloutStatus.LIVE, capitals) === capitals.size);
  const pm = DEMO_USERS.find((u) => u.role === Role.PROGRAM_MANAGER)?.email ?? null;
  return {
    slug: SLUG,
    nameZh: '支付宝、微信支付扫描云闪付付款码',
    nameEn: 'Alipay and WeChat Pay scan UnionPay QuickPass payment codes (付款码)',
    unit: ProgramUnit.CITY,
    directionZh: '支付宝、微信支付收款终端扫描云闪付付款码',
    directionEn: 'Alipay and WeChat Pay acceptance scans UnionPay QuickPass payment codes (付款码)',
    scopeRule: ScopeRule.ALL_PREFECTURE_CITIES,
    startDate: '2026-03-01',
    baselineTargetDate: '2027-03-31',
    targetDate: '2027-06-30',
    targetValue: null,
    staleAfterDays: 30,
    isIllustrative: true,
    source: null,
    sortOrder: 5,
    direction: { mode: InteropMode.MERCHANT_SCANS, payers: ['UNIONPAY_QUICKPASS'], acceptors: ['ALIPAY', 'WECHAT_PAY'] },
    entityType: EntityType.CITY,
    ...materialiseAll(specs),
    milestones: [
      {
        titleZh: '首批试点城市启动',
        titleEn: 'First pilot cities started',
        dueDate: '2026-04-15',
        doneDate: earliest(specs.flatMap((s) => s.changes.filter((c) => c.to === RolloutStatus.PILOT).map((c) => c.date))),
      },
      { titleZh: '首批城市上线', titleEn: 'First cities live', dueDate: '2026-06-30', doneDate: firstDateWhen(specs, (live) => live >= 1) },
      { titleZh: '东部省份全覆盖', titleEn: 'Eastern provinces fully covered', dueDate: '2026-10-31', doneDate: eastDone },
      { titleZh: '过半城市上线', titleEn: 'Half of all cities live', dueDate: '2026-11-30', doneDate: firstDateWhen(specs, (live) => live * 2 > cities.length) },
      { titleZh: '省会城市全覆盖', titleEn: 'All provincial capitals live', dueDate: '2026-12-31', doneDate: capitalsDone },
      { titleZh: '全国覆盖', titleEn: 'Nationwide coverage', dueDate: '2027-06-30', doneDate: null },
    ],
    annotations: [
      { date: '2026-03-01', titleZh: '项目启动（示例）', titleEn: 'Program launched (illustrative)', sourceNote: null, isIllustrative: true },
      {
        date: '2026-09-15',
        titleZh: '目标日期由 2027-03-31 调整为 2027-06-30（示例）',
        titleEn: 'Target moved from 2027-03-31 to 2027-06-30 (illustrative)',
        sourceNote: null,
        isIllustrative: true,
      },
    ],
    metricPoints: [],
    targetChanges: [
      {
        fromDate: '2027-03-31',
        toDate: '2027-06-30',
        reason: '西部省份商户终端改造慢于计划 / Merchant terminal upgrades slower than planned in western provinces',
        changedAt: changeInstant(REPLAN_DATE),
        changedByEmail: pm,
      },
    ],
  };
}
