import { describe, expect, it } from 'vitest';
import type { CountSeriesSourceDto, MetricSeriesSourceDto } from '../coverage/series-model';
import { buildMatrix, thin, type MatrixProgramSource, type MatrixSourceDto } from './model';

const RAILS = [
  { code: 'A', nameZh: '甲', nameEn: 'A', groupsInstitutions: false },
  { code: 'Q', nameZh: '乙', nameEn: 'Q', groupsInstitutions: false },
  { code: 'B', nameZh: '银行', nameEn: 'Banks', groupsInstitutions: true },
];

const base = { end: '2021-12-31', baselineTargetDate: '2021-12-31', targetDate: '2021-12-31', targetChanges: [] };

function countSource(steps: Array<[string, number]>, denominator: number, startDate = '2021-01-04'): CountSeriesSourceDto {
  return { kind: 'COUNT', unit: 'CITY', ...base, startDate, denominator, planDates: [], steps: steps.map(([date, live]) => ({ date, live })) };
}

function program(slug: string, series: MatrixProgramSource['series'], direction: MatrixProgramSource['direction'], members: MatrixProgramSource['members'] = []): MatrixProgramSource {
  const unit = series.kind === 'METRIC' ? 'PERCENT' : series.unit;
  return {
    program: { slug, nameZh: slug, nameEn: slug, unit, scopeRule: 'ALL_PREFECTURE_CITIES', startDate: series.startDate, isIllustrative: false },
    direction,
    series,
    members,
  };
}

const metric: MetricSeriesSourceDto = {
  kind: 'METRIC',
  ...base,
  startDate: '2021-08-01',
  targetValue: 85,
  points: [
    { date: '2021-09-25', value: 51.6, sourceNote: null, sourceUrl: null, isIllustrative: true },
    { date: '2021-10-02', value: 85, sourceNote: null, sourceUrl: null, isIllustrative: false },
  ],
};

const SOURCE: MatrixSourceDto = {
  end: '2021-12-31',
  rails: RAILS,
  programs: [
    program('q-a', countSource([['2021-03-01', 10], ['2021-12-02', 337]], 337), { mode: 'CONSUMER_SCANS', payers: ['Q'], acceptors: ['A'] }),
    program('q-a-online', metric, { mode: 'ONLINE_CHECKOUT', payers: ['Q'], acceptors: ['A'] }),
    program(
      'b-a',
      { ...countSource([['2021-05-01', 1], ['2021-11-01', 2]], 2), unit: 'INSTITUTION' },
      { mode: 'CONSUMER_SCANS', payers: ['B'], acceptors: ['A'] },
      [
        { code: 'X', nameZh: 'X', nameEn: 'X', steps: [{ date: '2021-05-01', live: 1 }] },
        { code: 'Y', nameZh: 'Y', nameEn: 'Y', steps: [{ date: '2021-11-01', live: 1 }] },
      ],
    ),
    program('undirected', countSource([], 5), { mode: null, payers: [], acceptors: [] }),
  ],
};

describe('buildMatrix', () => {
  it('puts each program in the cell of its paying and accepting rail, for its mode only', () => {
    const m = buildMatrix(SOURCE, '2021-10-02', 'CONSUMER_SCANS');
    expect(m.rows.map((r) => r.payer)).toEqual(['A', 'Q', 'B']);
    const slugs = m.rows.map((r) => r.cells.map((c) => c.programs.map((p) => p.slug).join('+')));
    expect(slugs).toEqual([
      ['', '', ''],
      ['q-a', '', ''],
      ['b-a', '', ''],
    ]);
    expect(m.rows[0]?.cells[0]?.isSameRail).toBe(true);
    expect(m.rows[1]?.cells[0]?.isSameRail).toBe(false);
  });

  it('gives coverage with its denominator on the date, and completion once every row is live', () => {
    const oct = buildMatrix(SOURCE, '2021-10-02', 'CONSUMER_SCANS').rows[1]!.cells[0]!.programs[0]!;
    expect([oct.live, oct.denominator, oct.percent, oct.completedOn]).toEqual([10, 337, 3, null]);
    const dec = buildMatrix(SOURCE, '2021-12-02', 'CONSUMER_SCANS').rows[1]!.cells[0]!.programs[0]!;
    expect([dec.live, dec.percent, dec.health, dec.completedOn]).toEqual([337, 100, 'COMPLETE', '2021-12-02']);
    expect(dec.sparkline.at(-1)).toBe(100);
    expect(dec.sparkline.length).toBeLessThanOrEqual(40);
  });

  it('shows a metric as its value against the target, without a denominator', () => {
    const cell = buildMatrix(SOURCE, '2021-10-02', 'ONLINE_CHECKOUT').rows[1]!.cells[0]!.programs[0]!;
    expect([cell.percent, cell.targetValue, cell.live, cell.denominator, cell.health]).toEqual([85, 85, null, null, 'COMPLETE']);
    expect(buildMatrix(SOURCE, '2021-09-30', 'ONLINE_CHECKOUT').rows[1]!.cells[0]!.programs[0]!.percent).toBe(51.6);
  });

  it('names a program before its start without figures', () => {
    const cell = buildMatrix(SOURCE, '2021-07-01', 'ONLINE_CHECKOUT').rows[1]!.cells[0]!.programs[0]!;
    expect([cell.isStarted, cell.health, cell.percent, cell.sparkline]).toEqual([false, null, null, []]);
  });

  it('expands a rail that groups institutions into one row per enrolled institution, live or not on the date', () => {
    const row = buildMatrix(SOURCE, '2021-10-02', 'CONSUMER_SCANS').rows[2]!;
    expect(row.institutions.map((i) => [i.code, i.cells[0]?.programs])).toEqual([
      ['X', [{ slug: 'b-a', isLive: true, liveSince: '2021-05-01' }]],
      ['Y', [{ slug: 'b-a', isLive: false, liveSince: null }]],
    ]);
    expect(buildMatrix(SOURCE, '2021-10-02', 'CONSUMER_SCANS').rows[1]!.institutions).toEqual([]);
  });
});

describe('thin', () => {
  it('keeps short series and the last value of long ones', () => {
    expect(thin([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const long = Array.from({ length: 100 }, (_, i) => i);
    const out = thin(long, 10);
    expect(out).toHaveLength(10);
    expect([out[0], out.at(-1)]).toEqual([0, 99]);
  });
});
