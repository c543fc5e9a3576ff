/**
 * Alipay online scenarios opened to UnionPay QuickPass, as a share of Taobao merchants. Sourced
 * (docs/sources.md): the technical work done in August 2021 and 85% on 2021-10-02. Illustrative:
 * every other weekly value.
 */
import { addDays } from '../../../lib/time';
import { InteropMode, ProgramUnit, ScopeRule } from '../../../lib/generated/sqlite/enums';
import { SRC_85, SRC_TECH_DONE, TAOBAO_SHARE_20211002 } from '../sources';
import { annotation, MIIT_UNBLOCKING } from './annotations';
import type { MetricPointSeed, ProgramSeed } from './model';
import { DEMO_SEED, Rng } from './random';

export const SLUG = 'alipay-online-quickpass';

export function buildAlipayOnlineQuickpass(): ProgramSeed {
  const rng = new Rng(DEMO_SEED + 4);
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
  points.push({ date, value: TAOBAO_SHARE_20211002, sourceNote: SRC_85, isIllustrative: false });
  let previous: number = TAOBAO_SHARE_20211002;
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
    slug: SLUG,
    nameZh: '支付宝线上场景开放云闪付',
    nameEn: 'Alipay online scenarios opened to UnionPay QuickPass',
    unit: ProgramUnit.PERCENT,
    directionZh: '淘宝商家线上支持云闪付付款',
    directionEn: 'Taobao merchants accept UnionPay QuickPass payments online',
    scopeRule: ScopeRule.METRIC,
    startDate: '2021-08-01',
    baselineTargetDate: '2021-10-02',
    targetDate: '2021-10-02',
    targetValue: TAOBAO_SHARE_20211002,
    staleAfterDays: 30,
    isIllustrative: false,
    source: `${SRC_85}. ${SRC_TECH_DONE}`,
    sortOrder: 4,
    direction: { mode: InteropMode.ONLINE_CHECKOUT, payers: ['UNIONPAY_QUICKPASS'], acceptors: ['ALIPAY'] },
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
      MIIT_UNBLOCKING,
      annotation('2021-10-02', '支付宝：85% 淘宝商家支持云闪付', 'Alipay: QuickPass accepted by 85% of Taobao merchants', SRC_85),
    ],
    metricPoints: points,
    targetChanges: [],
  };
}
