/**
 * A small hand-made week for the pure tests of the summary (build, text, document, mail): a city
 * program of 297 cities with 100 live on Sunday 2021-10-03 after 56 in the last 8 weeks, so at
 * one city a day it reaches all 297 on 2022-04-18, 18 days after its 2022-03-31 target.
 */
import type { CoverageDto } from '../coverage/queries';
import type { CountSeriesDto } from '../coverage/series';
import { emptyCounts, ratio } from '../coverage/summarise';
import type { ProgramDto } from '../programs/queries';
import type { SummaryEntityInput, SummaryInput } from './build';
import { parseIsoWeek } from './iso-week';

export const FIXTURE_WEEK = parseIsoWeek('2021-W39')!;

export const FIXTURE_PROGRAM: ProgramDto = {
  slug: 'fixture-cities',
  nameZh: '示例城市项目',
  nameEn: 'Fixture city program',
  unit: 'CITY',
  directionZh: '示例方向',
  directionEn: 'Fixture direction',
  scopeRule: 'ALL_PREFECTURE_CITIES',
  startDate: '2021-01-01',
  baselineTargetDate: '2022-03-31',
  targetDate: '2022-03-31',
  targetValue: null,
  staleAfterDays: 30,
  isIllustrative: true,
  source: null,
};

function coverage(asOf: string, live: number, denominator: number): CoverageDto {
  const counts = { ...emptyCounts(), LIVE: live, NOT_STARTED: denominator - live };
  return {
    program: FIXTURE_PROGRAM,
    asOf,
    counts,
    provinces: [
      { code: '11', name: '北京市', nameEn: 'Beijing', counts: emptyCounts(), ...ratio(1, 1) },
      { code: '44', name: '广东省', nameEn: 'Guangdong', counts: emptyCounts(), ...ratio(3, 21) },
      { code: '65', name: '新疆维吾尔自治区', nameEn: 'Xinjiang', counts: emptyCounts(), ...ratio(0, 14) },
      { code: '63', name: '青海省', nameEn: 'Qinghai', counts: emptyCounts(), ...ratio(0, 8) },
    ],
    metric: null,
    ...ratio(live, denominator),
  };
}

export const FIXTURE_SERIES: CountSeriesDto = {
  kind: 'COUNT',
  unit: 'CITY',
  asOf: '2021-10-03',
  startDate: '2021-01-01',
  denominator: 297,
  baselineTargetDate: '2022-03-31',
  targetDate: '2022-03-31',
  points: [
    { date: '2021-08-09', live: 44, plan: 50 },
    { date: '2021-09-27', live: 98, plan: 120 },
    { date: '2021-10-03', live: 100, plan: 130 },
  ],
  plan: [
    { date: '2021-10-03', plan: 130 },
    { date: '2022-03-31', plan: 297 },
  ],
  steps: [
    { date: '2021-08-08', live: 44 },
    { date: '2021-09-26', live: 98 },
    { date: '2021-10-03', live: 100 },
  ],
  completedOn: null,
};

const entity = (code: string, nameZh: string, nameEn: string, previousStatus: SummaryEntityInput['status'], status: SummaryEntityInput['status']): SummaryEntityInput => ({
  code,
  nameZh,
  nameEn,
  previousStatus,
  status,
  lastConfirmedAt: new Date('2021-09-30T10:00:00+08:00'),
});

export function fixtureInput(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    week: FIXTURE_WEEK,
    program: FIXTURE_PROGRAM,
    coverage: coverage('2021-10-03', 100, 297),
    previousCoverage: coverage('2021-09-26', 98, 297),
    series: FIXTURE_SERIES,
    entities: [
      entity('4403', '深圳市', 'Shenzhen', 'PILOT', 'LIVE'),
      entity('4401', '广州市', 'Guangzhou', 'IN_PROGRESS', 'LIVE'),
      entity('1100', '北京市', 'Beijing', 'LIVE', 'LIVE'),
      entity('6501', '乌鲁木齐市', 'Urumqi', 'PILOT', 'IN_PROGRESS'),
      entity('6301', '西宁市', 'Xining', 'PLANNED', 'PAUSED'),
    ],
    milestones: [
      { titleZh: '首批城市', titleEn: 'First cities', dueDate: '2021-09-30', doneDate: '2021-10-02' },
      { titleZh: '西部城市', titleEn: 'Western cities', dueDate: '2021-09-15', doneDate: null },
      { titleZh: '百城上线', titleEn: '100 cities', dueDate: '2021-10-20', doneDate: null },
      { titleZh: '全国覆盖', titleEn: 'Nationwide', dueDate: '2022-03-31', doneDate: null },
      { titleZh: '试点', titleEn: 'Pilot', dueDate: '2020-12-31', doneDate: '2020-12-30' },
    ],
    annotations: [
      { date: '2021-09-09', titleZh: '更早的事件', titleEn: 'Earlier event', sourceNote: null, sourceUrl: null, isIllustrative: false },
      { date: '2021-10-02', titleZh: '公告', titleEn: 'Statement', sourceNote: 'Alipay', sourceUrl: null, isIllustrative: false },
    ],
    ...overrides,
  };
}
