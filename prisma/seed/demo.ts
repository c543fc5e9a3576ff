/**
 * The demo data set: five programs with their status rows, full history, milestones, annotations
 * and metric points, plus one demo user per role.
 *
 * Facts from /work/shared/DOMAIN.md carry a `sourceNote` and `isIllustrative: false`; everything
 * invented (most exact dates, which cities went live when, the whole fifth program) is marked
 * `isIllustrative: true`. The data is deterministic: a seeded PRNG and fixed calendar dates; `now`
 * only places `lastConfirmedAt` of the in-flight program.
 *
 * `buildDemoData()` is pure (no database); `seedDemo()` writes it.
 */
import { hash } from '@node-rs/argon2';
import type { Tx } from '../../lib/db';
import { listPrefectureLevelCities, listProvinces, type CityDivision } from '../../lib/geo/divisions';
import {
  ChangeKind,
  ChangeSource,
  EntityType,
  ProgramUnit,
  Role,
  RolloutStatus,
  ScopeRule,
} from '../../lib/generated/sqlite/enums';
import {
  createInBatches,
  INSTITUTIONS,
  SOURCE_ALIPAY_20211002,
  SOURCE_ALIPAY_20211202,
  SOURCED_BY_28,
  SOURCED_FIRST_23,
} from './reference';

// ---------------------------------------------------------------------------------------------
// Numbers the data produces (checked when the data is built, and by the tests).

export const EXPECTED = {
  /** Cities LIVE in `alipay-unionpay-offline` as of 2021-10-02 (Ningbo + 7 named + illustrative). */
  alipayUnionpayLiveOn20211002: 49,
  /** All prefecture-level cities plus the 4 municipalities. */
  allCities: 337,
  /** Institutions scanning Alipay collection codes on 2021-10-02 (sourced). */
  bankAppsLiveOn20211002: 23,
  /** ... and on 2021-12-02 (sourced). */
  bankAppsLiveOn20211202: 28,
  /** Provincial capitals plus municipalities. */
  provincialCapitals: 31,
  /** Share of Taobao merchants accepting QuickPass on 2021-10-02 (sourced). */
  alipayOnlineOn20211002: 85,
} as const;

export const PROGRAM_SLUGS = {
  alipayUnionpay: 'alipay-unionpay-offline',
  bankApps: 'alipay-bank-apps',
  wechatUnionpay: 'wechat-unionpay-offline',
  alipayOnline: 'alipay-online-quickpass',
  reverse: 'quickpass-payment-code-reverse',
} as const;

/** Cities named in Alipay's statement of 2021-10-02 as live. */
export const NAMED_CITIES_20211002 = ['1100', '1200', '4401', '4403', '5101', '5000', '6101'] as const;
export const NINGBO = '3302';
export const FUZHOU = '3501';
export const JINAN = '3701';

/** Last day with any change in the in-flight program. */
export const REVERSE_LAST_CHANGE = '2026-11-20';

// ---------------------------------------------------------------------------------------------
// Sources (DOMAIN.md timeline).

const SRC_NINGBO = 'First interoperable transaction, pilot city Ningbo: Securities Daily; Xinhua 2024-05-22';
const SRC_PILOT_VERIFIED = 'Alipay x UnionPay pilot verified at the end of 2020: Alipay statement, 2021-10-02';
const SRC_NATIONWIDE = 'Nationwide mutual recognition reached on 2021-12-02: Beijing News via Hexun; Caixin 2021-12-03';
const SRC_WECHAT_PILOT =
  'WeChat Pay x UnionPay pilot in Fuzhou, Ningbo and Jinan, January 2020 (day approximate): KrASIA; Economic Daily';
const SRC_WECHAT_CAPITALS =
  'QuickPass scans WeChat collection codes in all provincial capitals, 2021-09-30: Tencent statement via China Internet Watch; Caixin';
const SRC_PBOC = 'PBOC FinTech Development Plan (2019-2021), August 2019: Yicai Global; KrASIA';
const SRC_MIIT = 'MIIT asks platforms to lift blocking, September 2021: Sina Finance, 2021-10-02';
const SRC_TECH_DONE = 'Alipay finished the technical work to accept QuickPass online in August 2021: Alipay statement, 2021-10-02';
const SRC_85 = 'QuickPass accepted by 85% of Taobao merchants: Alipay statement, 2021-10-02 (Sina Finance, CCTV.com)';
const NOTE_EXACT_DATE_ILLUSTRATIVE = 'exact date illustrative';

// ---------------------------------------------------------------------------------------------
// Small helpers: dates, PRNG.

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** 10:00 in Asia/Shanghai (UTC+8, no DST) on a calendar date: when seeded changes take effect. */
export function changeInstant(date: string): Date {
  return new Date(`${date}T10:00:00+08:00`);
}

/** mulberry32: small, fast, deterministic. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** Weighted order without replacement (Efraimidis-Spirakis): heavier items tend to come first. */
  weightedOrder<T>(items: readonly T[], weight: (item: T) => number): T[] {
    return items
      .map((item, index) => ({ item, index, key: Math.pow(this.next(), 1 / weight(item)) }))
      .sort((x, y) => y.key - x.key || x.index - y.index)
      .map((x) => x.item);
  }
}

const SEED = 20211202;

type Region = 'EAST' | 'CENTRAL' | 'WEST';
const EAST = new Set(['11', '12', '13', '21', '31', '32', '33', '35', '37', '44', '46']);
const CENTRAL = new Set(['14', '22', '23', '34', '36', '41', '42', '43']);

export function regionOf(provinceCode: string): Region {
  if (EAST.has(provinceCode)) return 'EAST';
  if (CENTRAL.has(provinceCode)) return 'CENTRAL';
  return 'WEST';
}

function capitalCodes(): Set<string> {
  return new Set(listProvinces().map((p) => p.capitalCode));
}

// ---------------------------------------------------------------------------------------------
// The shape of the built data.

export interface ChangeSpec {
  date: string;
  to: RolloutStatus;
  /** New planned date from this change on; undefined keeps the previous one. */
  plannedDate?: string | null;
  sourceNote?: string | null;
  isIllustrative: boolean;
}

export interface EntitySpec {
  code: string;
  changes: ChangeSpec[];
  note?: string | null;
  /** Defaults to the instant of the last change. */
  lastConfirmedAt?: Date | null;
}

export interface Snapshot {
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
}

export interface StatusRowSeed extends Snapshot {
  code: string;
  note: string | null;
  lastConfirmedAt: Date | null;
  version: number;
}

export interface StatusChangeSeed {
  entityCode: string;
  fromStatus: RolloutStatus;
  toStatus: RolloutStatus;
  before: Snapshot;
  after: Snapshot;
  changedAt: Date;
  sourceNote: string | null;
  isIllustrative: boolean;
  version: number;
}

export interface MilestoneSeed {
  titleZh: string;
  titleEn: string;
  dueDate: string;
  doneDate: string | null;
}

export interface AnnotationSeed {
  date: string;
  titleZh: string;
  titleEn: string;
  sourceNote: string | null;
  isIllustrative: boolean;
}

export interface MetricPointSeed {
  date: string;
  value: number;
  sourceNote: string | null;
  isIllustrative: boolean;
}

export interface TargetChangeSeed {
  fromDate: string;
  toDate: string;
  reason: string;
  changedAt: Date;
  /** Email of the demo user who re-planned. */
  changedByEmail: string | null;
}

export interface ProgramSeed {
  slug: string;
  nameZh: string;
  nameEn: string;
  unit: ProgramUnit;
  directionZh: string;
  directionEn: string;
  scopeRule: ScopeRule;
  startDate: string;
  baselineTargetDate: string;
  targetDate: string;
  targetValue: number | null;
  staleAfterDays: number;
  isIllustrative: boolean;
  source: string | null;
  sortOrder: number;
  entityType: EntityType | null;
  rows: StatusRowSeed[];
  history: StatusChangeSeed[];
  milestones: MilestoneSeed[];
  annotations: AnnotationSeed[];
  metricPoints: MetricPointSeed[];
  targetChanges: TargetChangeSeed[];
}

export interface DemoUserSeed {
  email: string;
  name: string;
  role: Role;
  institutionCode?: string;
  locale: 'zh-CN' | 'en';
}

export const DEMO_USERS: readonly DemoUserSeed[] = [
  { email: 'admin@hutong.test', name: '李静', role: Role.ADMIN, locale: 'zh-CN' },
  { email: 'pm@hutong.test', name: '王磊', role: Role.PROGRAM_MANAGER, locale: 'en' },
  { email: 'exec@hutong.test', name: '张伟', role: Role.EXECUTIVE, locale: 'zh-CN' },
  { email: 'icbc@hutong.test', name: '陈晓东', role: Role.PARTNER, institutionCode: 'ICBC', locale: 'zh-CN' },
  { email: 'cmb@hutong.test', name: '刘洋', role: Role.PARTNER, institutionCode: 'CMB', locale: 'zh-CN' },
];

// ---------------------------------------------------------------------------------------------
// Turning per-entity change lists into status rows and history rows.

/**
 * Keeps the steps of a chain whose dates strictly increase and stay before the final step, so
 * that clamped random dates never produce two changes on one day or out of order.
 */
function chain(steps: ChangeSpec[]): ChangeSpec[] {
  const last = steps[steps.length - 1];
  if (!last) return [];
  const kept: ChangeSpec[] = [];
  for (const step of steps.slice(0, -1)) {
    const prev = kept[kept.length - 1];
    if ((prev && step.date <= prev.date) || step.date >= last.date) continue;
    kept.push(step);
  }
  const prev = kept[kept.length - 1];
  if (prev && last.date <= prev.date) throw new Error(`seed: change dates out of order at ${last.date}`);
  kept.push(last);
  return kept;
}

function materialise(spec: EntitySpec): { row: StatusRowSeed; history: StatusChangeSeed[] } {
  let state: Snapshot = { status: RolloutStatus.NOT_STARTED, plannedDate: null, liveDate: null };
  const history: StatusChangeSeed[] = [];
  let previousDate = '';
  for (const change of spec.changes) {
    if (change.date <= previousDate) throw new Error(`seed: ${spec.code} changes not in date order`);
    if (change.to === state.status) throw new Error(`seed: ${spec.code} change to the same status ${change.to}`);
    previousDate = change.date;
    const after: Snapshot = {
      status: change.to,
      plannedDate: change.plannedDate === undefined ? state.plannedDate : change.plannedDate,
      liveDate: change.to === RolloutStatus.LIVE ? change.date : null,
    };
    history.push({
      entityCode: spec.code,
      fromStatus: state.status,
      toStatus: change.to,
      before: state,
      after,
      changedAt: changeInstant(change.date),
      sourceNote: change.sourceNote ?? null,
      isIllustrative: change.isIllustrative,
      version: history.length + 2,
    });
    state = after;
  }
  const lastChange = history[history.length - 1];
  return {
    row: {
      code: spec.code,
      ...state,
      note: spec.note ?? null,
      lastConfirmedAt: spec.lastConfirmedAt !== undefined ? spec.lastConfirmedAt : (lastChange?.changedAt ?? null),
      version: 1 + history.length,
    },
    history,
  };
}

function materialiseAll(specs: EntitySpec[]): { rows: StatusRowSeed[]; history: StatusChangeSeed[] } {
  const rows: StatusRowSeed[] = [];
  const history: StatusChangeSeed[] = [];
  for (const spec of [...specs].sort((a, b) => a.code.localeCompare(b.code))) {
    const m = materialise(spec);
    rows.push(m.row);
    history.push(...m.history);
  }
  return { rows, history };
}

/** Status of each entity at the end of a calendar date (same rule as the coverage code). */
export function statusesOn(specs: readonly EntitySpec[], date: string): Map<string, RolloutStatus> {
  const result = new Map<string, RolloutStatus>();
  for (const spec of specs) {
    let status: RolloutStatus = RolloutStatus.NOT_STARTED;
    for (const c of spec.changes) if (c.date <= date) status = c.to;
    result.set(spec.code, status);
  }
  return result;
}

function countOn(specs: readonly EntitySpec[], date: string, status: RolloutStatus, codes?: Set<string>): number {
  let n = 0;
  for (const [code, s] of statusesOn(specs, date)) if (s === status && (!codes || codes.has(code))) n++;
  return n;
}

/** The first change date on which `predicate` holds for the state at the end of that day. */
function firstDateWhen(specs: readonly EntitySpec[], predicate: (live: number, on: string) => boolean): string | null {
  const dates = [...new Set(specs.flatMap((s) => s.changes.map((c) => c.date)))].sort();
  for (const d of dates) if (predicate(countOn(specs, d, RolloutStatus.LIVE), d)) return d;
  return null;
}

function liveDates(specs: readonly EntitySpec[], codes: Iterable<string>): string[] {
  const wanted = new Set(codes);
  return specs
    .filter((s) => wanted.has(s.code))
    .map((s) => s.changes.find((c) => c.to === RolloutStatus.LIVE)?.date ?? '9999-12-31');
}

const maxOf = (dates: string[]): string => dates.reduce((a, b) => (a > b ? a : b));
const minOf = (dates: string[]): string => dates.reduce((a, b) => (a < b ? a : b));

const step = (
  date: string,
  to: RolloutStatus,
  extra: Partial<Omit<ChangeSpec, 'date' | 'to'>> = {},
): ChangeSpec => ({ date, to, isIllustrative: true, ...extra });

// ---------------------------------------------------------------------------------------------
// 1. alipay-unionpay-offline

const NAMED_LIVE_DATES: Record<(typeof NAMED_CITIES_20211002)[number], string> = {
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
  const rng = new Rng(SEED + 1);
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

  for (const code of NAMED_CITIES_20211002) {
    const live = NAMED_LIVE_DATES[code];
    specs.push({
      code,
      note: '支付宝 2021-10-02 公告点名已上线 / Named as live in Alipay statement of 2021-10-02',
      changes: chain([
        step(addDays(live, -rng.int(60, 90)), RolloutStatus.PLANNED, {
          plannedDate: minDate(addDays(live, rng.int(0, 30)), '2021-10-31'),
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
        step(maxDate(addDays(live, -rng.int(30, 90)), '2020-12-21'), RolloutStatus.PLANNED, {
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
    const plan = minDate(
      maxDate(addDays('2021-11-01', Math.floor((rank / n) * 150) + rng.int(-10, 10)), '2021-10-20'),
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
          plannedDate: minDate(addDays('2022-01-15', rng.int(0, 90)), '2022-03-31'),
        }),
        step(addDays('2021-12-02', -rng.int(5, 40)), RolloutStatus.IN_PROGRESS),
        step('2021-12-02', RolloutStatus.LIVE, { sourceNote: SRC_NATIONWIDE, isIllustrative: false }),
      ]),
    });
  }
  return specs;
}

function buildAlipayUnionpay(): ProgramSeed {
  const cities = listPrefectureLevelCities();
  const specs = buildAlipayUnionpaySpecs(cities);
  const live1002 = countOn(specs, '2021-10-02', RolloutStatus.LIVE);
  if (live1002 !== EXPECTED.alipayUnionpayLiveOn20211002) {
    throw new Error(`seed: ${live1002} cities live on 2021-10-02, EXPECTED says ${EXPECTED.alipayUnionpayLiveOn20211002}`);
  }
  if (countOn(specs, '2021-12-02', RolloutStatus.LIVE) !== cities.length) throw new Error('seed: not all cities live on 2021-12-02');
  if (countOn(specs, '2021-12-01', RolloutStatus.LIVE) >= cities.length) throw new Error('seed: all cities live before 2021-12-02');
  const capitals = capitalCodes();
  const { rows, history } = materialiseAll(specs);
  return {
    slug: PROGRAM_SLUGS.alipayUnionpay,
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
    entityType: EntityType.CITY,
    rows,
    history,
    milestones: [
      { titleZh: '宁波试点完成首笔互认交易', titleEn: 'First interoperable transaction (Ningbo pilot)', dueDate: '2019-12-31', doneDate: '2019-12-30' },
      { titleZh: '试点验证完成', titleEn: 'Pilot verified', dueDate: '2020-12-31', doneDate: '2020-12-18' },
      {
        titleZh: '首批重点城市上线（北京、天津、广州、深圳、成都、重庆、西安）',
        titleEn: "First key cities live (Beijing, Tianjin, Guangzhou, Shenzhen, Chengdu, Chongqing, Xi'an)",
        dueDate: '2021-09-30',
        doneDate: maxOf(liveDates(specs, NAMED_CITIES_20211002)),
      },
      {
        titleZh: '省会城市全覆盖',
        titleEn: 'All provincial capitals live',
        dueDate: '2021-12-31',
        doneDate: maxOf(liveDates(specs, capitals)),
      },
      { titleZh: '全国覆盖', titleEn: 'Nationwide coverage', dueDate: '2022-03-31', doneDate: '2021-12-02' },
    ],
    annotations: [
      annotation('2019-08-22', '央行发布《金融科技发展规划（2019-2021年）》，提出条码互联互通', 'PBOC FinTech Development Plan (2019-2021) calls for barcode interoperability', `${SRC_PBOC}; day from the PBOC release`),
      annotation('2019-12-30', '宁波试点完成首笔互认交易', 'First interoperable transaction in pilot city Ningbo', SRC_NINGBO),
      annotation('2020-12-31', '支付宝与银联试点验证完成，随后逐城推广', 'Alipay x UnionPay pilot verified, then rolled out city by city', `${SRC_PILOT_VERIFIED} ("end of 2020")`),
      annotation('2021-09-09', '工信部要求平台解除屏蔽', 'MIIT asks platforms to stop blocking each other', `${SRC_MIIT}; day of the MIIT meeting`),
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

function annotation(date: string, titleZh: string, titleEn: string, sourceNote: string | null): AnnotationSeed {
  return { date, titleZh, titleEn, sourceNote, isIllustrative: sourceNote === null };
}

// ---------------------------------------------------------------------------------------------
// 2. alipay-bank-apps

/** Illustrative institutions that join after 2021-10-02, with CGB and Mi Pay (sourced). */
export const LATE_ILLUSTRATIVE_INSTITUTIONS = ['CBHB', 'CQRCB', 'HUAWEIPAY'] as const;

function buildBankApps(): ProgramSeed {
  const rng = new Rng(SEED + 2);
  const named = new Set<string>(SOURCED_FIRST_23);
  const late = new Set<string>([...LATE_ILLUSTRATIVE_INSTITUTIONS, ...SOURCED_BY_28]);
  const first23 = INSTITUTIONS.filter((i) => !late.has(i.code));
  if (first23.length !== EXPECTED.bankAppsLiveOn20211002) throw new Error('seed: first institutions are not 23');

  const specs: EntitySpec[] = [];
  // Spread the first 23 from mid-March to 2021-10-01, in INSTITUTIONS order (state-owned first).
  const start = '2021-03-15';
  const span = daysBetween(start, '2021-10-01');
  first23.forEach((inst, i) => {
    const live = minDate(addDays(start, Math.floor((i / first23.length) * span) + rng.int(0, 6)), '2021-10-01');
    specs.push({
      code: inst.code,
      note: named.has(inst.code) ? '支付宝 2021-10-02 公告点名 / Named in Alipay statement of 2021-10-02' : null,
      changes: chain([
        step(addDays(live, -rng.int(45, 90)), RolloutStatus.PLANNED, { plannedDate: addDays(live, rng.int(0, 30)) }),
        step(addDays(live, -rng.int(10, 30)), RolloutStatus.IN_PROGRESS),
        step(live, RolloutStatus.LIVE, {
          sourceNote: named.has(inst.code)
            ? `Among the 23 live by 2021-10-02: ${SOURCE_ALIPAY_20211002}; ${NOTE_EXACT_DATE_ILLUSTRATIVE}`
            : null,
        }),
      ]),
    });
  });
  const lateLive: Record<(typeof LATE_ILLUSTRATIVE_INSTITUTIONS)[number], string> = {
    CBHB: '2021-10-21',
    CQRCB: '2021-11-05',
    HUAWEIPAY: '2021-11-24',
  };
  for (const code of LATE_ILLUSTRATIVE_INSTITUTIONS) {
    const live = lateLive[code];
    specs.push({
      code,
      changes: chain([
        step(addDays('2021-09-01', rng.int(0, 28)), RolloutStatus.PLANNED, { plannedDate: '2021-12-31' }),
        step(addDays(live, -rng.int(10, 20)), RolloutStatus.IN_PROGRESS),
        step(live, RolloutStatus.LIVE),
      ]),
    });
  }
  for (const code of SOURCED_BY_28) {
    specs.push({
      code,
      note: '支付宝 2021-12-02 公告新增 / Named as new in Alipay statement of 2021-12-02',
      changes: chain([
        step(addDays('2021-10-08', rng.int(0, 14)), RolloutStatus.PLANNED, { plannedDate: '2021-12-31' }),
        step(addDays('2021-11-01', rng.int(0, 14)), RolloutStatus.IN_PROGRESS),
        step('2021-12-02', RolloutStatus.LIVE, {
          sourceNote: `Among the 28 on 2021-12-02: ${SOURCE_ALIPAY_20211202}`,
          isIllustrative: false,
        }),
      ]),
    });
  }
  if (countOn(specs, '2021-10-02', RolloutStatus.LIVE) !== EXPECTED.bankAppsLiveOn20211002) throw new Error('seed: not 23 on 2021-10-02');
  if (countOn(specs, '2021-12-02', RolloutStatus.LIVE) !== EXPECTED.bankAppsLiveOn20211202) throw new Error('seed: not 28 on 2021-12-02');
  const { rows, history } = materialiseAll(specs);
  return {
    slug: PROGRAM_SLUGS.bankApps,
    nameZh: '支付宝收款码向银行 App 开放',
    nameEn: 'Alipay collection codes opened to bank apps',
    unit: ProgramUnit.INSTITUTION,
    directionZh: '银行及支付机构 App 扫描支付宝收款码',
    directionEn: 'Bank and payment institution apps scan Alipay collection codes (收款码)',
    scopeRule: ScopeRule.ENROLLED_INSTITUTIONS,
    startDate: '2021-01-01',
    baselineTargetDate: '2021-12-31',
    targetDate: '2021-12-31',
    targetValue: null,
    staleAfterDays: 30,
    isIllustrative: false,
    source: `23 institutions: ${SOURCE_ALIPAY_20211002}. 28 institutions: ${SOURCE_ALIPAY_20211202}. Target date illustrative`,
    sortOrder: 2,
    entityType: EntityType.INSTITUTION,
    rows,
    history,
    milestones: [
      {
        titleZh: '首批机构上线',
        titleEn: 'First institutions live',
        dueDate: '2021-04-30',
        doneDate: minOf(liveDates(specs, specs.map((s) => s.code))),
      },
      { titleZh: '23 家机构上线', titleEn: '23 institutions live', dueDate: '2021-10-31', doneDate: firstDateWhen(specs, (live) => live >= 23) },
      { titleZh: '28 家机构上线（含广发银行、小米支付）', titleEn: '28 institutions live (incl. China Guangfa Bank, Mi Pay)', dueDate: '2021-12-31', doneDate: '2021-12-02' },
    ],
    annotations: [
      annotation('2021-09-09', '工信部要求平台解除屏蔽', 'MIIT asks platforms to stop blocking each other', `${SRC_MIIT}; day of the MIIT meeting`),
      annotation(
        '2021-10-02',
        '支付宝：工行、建行、中行、交行、招行、中信等 23 家银行和机构可扫支付宝收款码',
        '23 banks and institutions (ICBC, CCB, BOC, BoCom, CMB, CITIC, ...) scan Alipay collection codes',
        SOURCE_ALIPAY_20211002,
      ),
      annotation('2021-12-02', '增至 28 家，新增广发银行、小米支付', 'Now 28, including China Guangfa Bank and Mi Pay', SOURCE_ALIPAY_20211202),
    ],
    metricPoints: [],
    targetChanges: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 3. wechat-unionpay-offline

const WECHAT_EARLY_OTHERS = 8;

function buildWechat(): ProgramSeed {
  const rng = new Rng(SEED + 3);
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
  if (countOn(specs, '2021-09-30', RolloutStatus.LIVE) !== EXPECTED.provincialCapitals) throw new Error('seed: not all capitals on 2021-09-30');
  if (countOn(specs, '2021-09-29', RolloutStatus.LIVE) >= EXPECTED.provincialCapitals) throw new Error('seed: all capitals before 2021-09-30');
  const { rows, history } = materialiseAll(specs);
  return {
    slug: PROGRAM_SLUGS.wechatUnionpay,
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
    entityType: EntityType.CITY,
    rows,
    history,
    milestones: [
      { titleZh: '福州、济南试点', titleEn: 'Pilots in Fuzhou and Jinan', dueDate: '2020-01-31', doneDate: '2020-01-15' },
      {
        titleZh: '首个省会城市正式上线',
        titleEn: 'First provincial capital live',
        dueDate: '2021-06-30',
        doneDate: minOf(liveDates(specs, specs.map((s) => s.code))),
      },
      { titleZh: '省会城市全覆盖', titleEn: 'All provincial capitals live', dueDate: '2021-09-30', doneDate: '2021-09-30' },
    ],
    annotations: [
      annotation('2019-08-22', '央行发布《金融科技发展规划（2019-2021年）》，提出条码互联互通', 'PBOC FinTech Development Plan (2019-2021) calls for barcode interoperability', `${SRC_PBOC}; day from the PBOC release`),
      annotation(
        '2020-01-15',
        '微信支付与银联试点：中国银行、交通银行 App 在福州、宁波、济南可扫微信收款码',
        'WeChat Pay x UnionPay pilot: Bank of China and Bank of Communications apps scan WeChat codes in Fuzhou, Ningbo, Jinan',
        SRC_WECHAT_PILOT,
      ),
      annotation('2021-09-09', '工信部要求平台解除屏蔽', 'MIIT asks platforms to stop blocking each other', `${SRC_MIIT}; day of the MIIT meeting`),
      annotation('2021-09-30', '云闪付可在所有省会城市扫微信收款码', 'QuickPass scans WeChat collection codes in all provincial capitals', SRC_WECHAT_CAPITALS),
    ],
    metricPoints: [],
    targetChanges: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 4. alipay-online-quickpass

function buildAlipayOnline(): ProgramSeed {
  const rng = new Rng(SEED + 4);
  const points: MetricPointSeed[] = [];
  // Saturdays; 2021-10-02 is one. Values before it are illustrative, the 85 is sourced.
  const ramp = [0, 0, 0, 0, 1.2, 4.5, 17.8, 51.6];
  let date = '2021-08-07';
  for (const value of ramp) {
    points.push({
      date,
      value,
      sourceNote: date === '2021-08-28' ? `${SRC_TECH_DONE}; value illustrative` : null,
      isIllustrative: true,
    });
    date = addDays(date, 7);
  }
  if (date !== '2021-10-02') throw new Error('seed: metric series misaligned');
  points.push({ date, value: EXPECTED.alipayOnlineOn20211002, sourceNote: SRC_85, isIllustrative: false });
  let previous: number = EXPECTED.alipayOnlineOn20211002;
  for (let week = 1; ; week++) {
    date = addDays('2021-10-02', 7 * week);
    if (date > '2022-03-31') break;
    const trend = 95.2 - 10.2 * Math.exp(-week / 6);
    const value = Math.max(previous, Math.round((trend + (rng.float() - 0.5) * 0.6) * 10) / 10);
    points.push({ date, value, sourceNote: null, isIllustrative: true });
    previous = value;
  }
  const reached95 = points.find((p) => p.value >= 95)?.date ?? null;
  return {
    slug: PROGRAM_SLUGS.alipayOnline,
    nameZh: '支付宝线上场景开放云闪付',
    nameEn: 'Alipay online scenarios opened to UnionPay QuickPass',
    unit: ProgramUnit.PERCENT,
    directionZh: '淘宝商家线上支持云闪付付款',
    directionEn: 'Taobao merchants accept UnionPay QuickPass payments online',
    scopeRule: ScopeRule.METRIC,
    startDate: '2021-08-01',
    baselineTargetDate: '2021-10-02',
    targetDate: '2021-10-02',
    targetValue: 85,
    staleAfterDays: 30,
    isIllustrative: false,
    source: `${SRC_85}. ${SRC_TECH_DONE}`,
    sortOrder: 4,
    entityType: null,
    rows: [],
    history: [],
    milestones: [
      { titleZh: '技术改造完成', titleEn: 'Technical work complete', dueDate: '2021-08-31', doneDate: '2021-08-31' },
      { titleZh: '85% 淘宝商家支持云闪付', titleEn: '85% of Taobao merchants accept QuickPass', dueDate: '2021-10-02', doneDate: '2021-10-02' },
      { titleZh: '95% 淘宝商家支持云闪付', titleEn: '95% of Taobao merchants accept QuickPass', dueDate: '2022-03-31', doneDate: reached95 },
    ],
    annotations: [
      annotation('2021-08-31', '支付宝完成接入云闪付线上支付的技术改造', 'Alipay finishes the technical work to accept QuickPass online', `${SRC_TECH_DONE} (end of month used)`),
      annotation('2021-09-09', '工信部要求平台解除屏蔽', 'MIIT asks platforms to stop blocking each other', `${SRC_MIIT}; day of the MIIT meeting`),
      annotation('2021-10-02', '支付宝：85% 淘宝商家支持云闪付', 'Alipay: QuickPass accepted by 85% of Taobao merchants', SRC_85),
    ],
    metricPoints: points,
    targetChanges: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 5. quickpass-payment-code-reverse (illustrative, in flight)

const REVERSE = {
  live: 194,
  pilotsFirst: 6,
  pilot: 8,
  paused: 5,
  inProgress: 22,
  notStarted: 4,
} as const;

const REPLAN_DATE = '2026-09-15';

const PAUSED_NOTE = '商户终端改造延期，暂停上线 / Paused: merchant terminal upgrades delayed';

function buildReverse(now: Date): ProgramSeed {
  const rng = new Rng(SEED + 5);
  const cities = listPrefectureLevelCities();
  const capitals = capitalCodes();
  const last = REVERSE_LAST_CHANGE;
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
    const liveDate = minDate(addDays('2026-06-01', Math.floor((rank / nLive) * 172) + rng.int(0, 6)), last);
    const plannedChange = minDate(addDays('2026-03-02', rng.int(0, 90)), addDays(liveDate, -30));
    specs.push({
      code: c.code,
      changes: chain([
        step(plannedChange, RolloutStatus.PLANNED, {
          plannedDate: minDate(addDays(liveDate, rng.int(-20, 60)), '2027-03-31'),
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
    const plan = minDate(addDays(from, Math.floor((rank / nRest) * daysBetween(from, to)) + rng.int(0, 20)), to);
    const planned = step(plannedChange, RolloutStatus.PLANNED, { plannedDate: plan });
    const started = addDays(plannedChange, rng.int(10, 35));
    if (pilots.has(c.code)) {
      specs.push({
        code: c.code,
        changes: chain([planned, step(started, RolloutStatus.IN_PROGRESS), step(minDate(addDays(started, rng.int(10, 30)), last), RolloutStatus.PILOT)]),
      });
    } else if (inProgress.has(c.code)) {
      specs.push({ code: c.code, changes: chain([planned, step(minDate(started, last), RolloutStatus.IN_PROGRESS)]) });
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
  const maxChange = maxOf(specs.flatMap((s) => s.changes.map((c) => c.date)));
  if (maxChange !== last) throw new Error(`seed: reverse program's last change is ${maxChange}, not ${last}`);

  const eastCodes = new Set(cities.filter((c) => regionOf(c.provinceCode) === 'EAST').map((c) => c.code));
  const eastDone = firstDateWhen(specs, (_live, on) => countOn(specs, on, RolloutStatus.LIVE, eastCodes) === eastCodes.size);
  const capitalsDone = firstDateWhen(specs, (_live, on) => countOn(specs, on, RolloutStatus.LIVE, capitals) === capitals.size);
  const { rows, history } = materialiseAll(specs);
  const pm = DEMO_USERS.find((u) => u.role === Role.PROGRAM_MANAGER)?.email ?? null;
  return {
    slug: PROGRAM_SLUGS.reverse,
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
    entityType: EntityType.CITY,
    rows,
    history,
    milestones: [
      {
        titleZh: '首批试点城市启动',
        titleEn: 'First pilot cities started',
        dueDate: '2026-04-15',
        doneDate: minOf(specs.flatMap((s) => s.changes.filter((c) => c.to === RolloutStatus.PILOT).map((c) => c.date))),
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

// ---------------------------------------------------------------------------------------------

export interface DemoData {
  programs: ProgramSeed[];
  users: readonly DemoUserSeed[];
}

/** Pure and deterministic for a given `now`. */
export function buildDemoData(options: { now?: Date } = {}): DemoData {
  const now = options.now ?? new Date();
  return {
    programs: [buildAlipayUnionpay(), buildBankApps(), buildWechat(), buildAlipayOnline(), buildReverse(now)],
    users: DEMO_USERS,
  };
}

export interface DemoCounts {
  programs: number;
  cityStatuses: number;
  institutionStatuses: number;
  statusChanges: number;
  milestones: number;
  annotations: number;
  metricPoints: number;
  targetChanges: number;
  users: Array<{ email: string; role: Role; institutionCode?: string }>;
}

/** Hashes the demo passwords (argon2id). Done before the transaction: it is CPU work. */
export async function hashDemoPasswords(password: string): Promise<Map<string, string>> {
  const hashes = await Promise.all(
    DEMO_USERS.map(async (u) => [u.email, await hash(password, { algorithm: 2 /* Algorithm.Argon2id */ })] as const),
  );
  return new Map(hashes);
}

export async function seedDemo(tx: Tx, data: DemoData, passwordHashes: Map<string, string>): Promise<DemoCounts> {
  const userIds = new Map<string, string>();
  for (const u of data.users) {
    const passwordHash = passwordHashes.get(u.email);
    if (!passwordHash) throw new Error(`seed: no password hash for ${u.email}`);
    const created = await tx.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        institutionCode: u.institutionCode ?? null,
        passwordHash,
        locale: u.locale,
      },
      select: { id: true },
    });
    userIds.set(u.email, created.id);
  }

  const counts: DemoCounts = {
    programs: 0,
    cityStatuses: 0,
    institutionStatuses: 0,
    statusChanges: 0,
    milestones: 0,
    annotations: 0,
    metricPoints: 0,
    targetChanges: 0,
    users: data.users.map((u) => ({ email: u.email, role: u.role, ...(u.institutionCode ? { institutionCode: u.institutionCode } : {}) })),
  };

  for (const p of data.programs) {
    const program = await tx.program.create({
      data: {
        slug: p.slug,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        unit: p.unit,
        directionZh: p.directionZh,
        directionEn: p.directionEn,
        scopeRule: p.scopeRule,
        startDate: p.startDate,
        baselineTargetDate: p.baselineTargetDate,
        targetDate: p.targetDate,
        targetValue: p.targetValue,
        staleAfterDays: p.staleAfterDays,
        isIllustrative: p.isIllustrative,
        source: p.source,
        sortOrder: p.sortOrder,
      },
      select: { id: true },
    });
    const programId = program.id;
    counts.programs++;

    const rowFields = (r: StatusRowSeed) => ({
      programId,
      status: r.status,
      plannedDate: r.plannedDate,
      liveDate: r.liveDate,
      evidenceUrl: null,
      note: r.note,
      lastConfirmedAt: r.lastConfirmedAt,
      verified: true,
      version: r.version,
    });
    if (p.entityType === EntityType.CITY) {
      await createInBatches(p.rows, (batch) =>
        tx.cityStatus.createMany({ data: batch.map((r) => ({ ...rowFields(r), cityCode: r.code })) }),
      );
      counts.cityStatuses += p.rows.length;
    } else if (p.entityType === EntityType.INSTITUTION) {
      await createInBatches(p.rows, (batch) =>
        tx.institutionStatus.createMany({ data: batch.map((r) => ({ ...rowFields(r), institutionCode: r.code })) }),
      );
      counts.institutionStatuses += p.rows.length;
    }

    const entityType = p.entityType;
    if (entityType) {
      await createInBatches(p.history, (batch) =>
        tx.statusChange.createMany({
          data: batch.map((h) => ({
            programId,
            entityType,
            entityCode: h.entityCode,
            kind: ChangeKind.STATUS,
            fromStatus: h.fromStatus,
            toStatus: h.toStatus,
            before: { ...h.before },
            after: { ...h.after },
            changedAt: h.changedAt,
            source: ChangeSource.SEED,
            sourceNote: h.sourceNote,
            sourceUrl: null,
            isIllustrative: h.isIllustrative,
            version: h.version,
          })),
        }),
      );
      counts.statusChanges += p.history.length;
    }

    if (p.milestones.length > 0) {
      await tx.milestone.createMany({ data: p.milestones.map((m) => ({ programId, ...m })) });
      counts.milestones += p.milestones.length;
    }
    if (p.annotations.length > 0) {
      await tx.annotation.createMany({ data: p.annotations.map((a) => ({ programId, ...a, sourceUrl: null })) });
      counts.annotations += p.annotations.length;
    }
    if (p.metricPoints.length > 0) {
      await createInBatches(p.metricPoints, (batch) =>
        tx.metricPoint.createMany({ data: batch.map((m) => ({ programId, ...m, sourceUrl: null })) }),
      );
      counts.metricPoints += p.metricPoints.length;
    }
    for (const t of p.targetChanges) {
      await tx.targetChange.create({
        data: {
          programId,
          fromDate: t.fromDate,
          toDate: t.toDate,
          reason: t.reason,
          changedAt: t.changedAt,
          changedById: t.changedByEmail ? (userIds.get(t.changedByEmail) ?? null) : null,
        },
      });
      counts.targetChanges++;
    }
  }
  return counts;
}
