/**
 * Alipay collection codes opened to bank and payment institution apps. Sourced (docs/sources.md):
 * 23 institutions on 2021-10-02, six of them named, and 28 on 2021-12-02 with China Guangfa Bank
 * and Mi Pay new. Illustrative: which unnamed institutions, every go-live day before 2021-12-02
 * and the target date.
 */
import { addDays, daysBetween } from '../../../lib/time';
import { EntityType, InteropMode, ProgramUnit, RolloutStatus, ScopeRule } from '../../../lib/generated/sqlite/enums';
import { INSTITUTIONS } from '../reference';
import {
  INSTITUTIONS_LIVE_20211002,
  INSTITUTIONS_LIVE_20211202,
  NOTE_EXACT_DATE_ILLUSTRATIVE,
  SOURCE_ALIPAY_20211002,
  SOURCE_ALIPAY_20211202,
  SOURCED_BY_28,
  SOURCED_FIRST_23,
} from '../sources';
import { annotation, MIIT_UNBLOCKING } from './annotations';
import { earlierOf, earliest } from './dates';
import { chain, expectLiveOn, firstDateWhen, liveDates, materialiseAll, step } from './history';
import type { EntitySpec, ProgramSeed } from './model';
import { DEMO_SEED, Rng } from './random';

export const SLUG = 'alipay-bank-apps';

/** Illustrative institutions that join after 2021-10-02, with CGB and Mi Pay (sourced). */
const LATE_ILLUSTRATIVE_INSTITUTIONS = ['CBHB', 'CQRCB', 'HUAWEIPAY'] as const;

export function buildAlipayBankApps(): ProgramSeed {
  const rng = new Rng(DEMO_SEED + 2);
  const named = new Set<string>(SOURCED_FIRST_23);
  const late = new Set<string>([...LATE_ILLUSTRATIVE_INSTITUTIONS, ...SOURCED_BY_28]);
  const first23 = INSTITUTIONS.filter((i) => !late.has(i.code));
  if (first23.length !== INSTITUTIONS_LIVE_20211002) throw new Error('seed: first institutions are not 23');

  const specs: EntitySpec[] = [];
  // Spread the first 23 from mid-March to 2021-10-01, in INSTITUTIONS order (state-owned first).
  const start = '2021-03-15';
  const span = daysBetween(start, '2021-10-01');
  first23.forEach((inst, i) => {
    const live = earlierOf(addDays(start, Math.floor((i / first23.length) * span) + rng.int(0, 6)), '2021-10-01');
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
  expectLiveOn(specs, '2021-10-02', INSTITUTIONS_LIVE_20211002);
  expectLiveOn(specs, '2021-12-02', INSTITUTIONS_LIVE_20211202);
  return {
    slug: SLUG,
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
    direction: { mode: InteropMode.CONSUMER_SCANS, payers: ['BANK_APPS'], acceptors: ['ALIPAY'] },
    entityType: EntityType.INSTITUTION,
    ...materialiseAll(specs),
    milestones: [
      {
        titleZh: '首批机构上线',
        titleEn: 'First institutions live',
        dueDate: '2021-04-30',
        doneDate: earliest(liveDates(specs, specs.map((s) => s.code))),
      },
      { titleZh: '23 家机构上线', titleEn: '23 institutions live', dueDate: '2021-10-31', doneDate: firstDateWhen(specs, (live) => live >= INSTITUTIONS_LIVE_20211002) },
      { titleZh: '28 家机构上线（含广发银行、小米支付）', titleEn: '28 institutions live (incl. China Guangfa Bank, Mi Pay)', dueDate: '2021-12-31', doneDate: '2021-12-02' },
    ],
    annotations: [
      MIIT_UNBLOCKING,
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
