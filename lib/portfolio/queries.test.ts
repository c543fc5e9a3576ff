import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { loadDemoContexts } from '../../tests/helpers/demo-viewers';
import { EXPECTED, PROGRAM_SLUGS } from '../../prisma/seed/demo';
import type { Viewer } from '../auth/viewer';
import { getCoverageAsOf } from '../coverage/queries';
import { getProjection } from '../coverage/series';
import { toShanghaiDate } from '../time';
import { getPortfolio } from './queries';

const { t } = withDemoDb({ now: DEMO_NOW });
const TODAY = toShanghaiDate(DEMO_NOW);
let exec: Viewer;
beforeAll(async () => {
  exec = (await loadDemoContexts(t.db)).exec.viewer;
});

describe('the program portfolio of the demo data', () => {
  it('lists every program, the re-planned program in flight first while it is at risk', async () => {
    const p = await getPortfolio(t.db, exec, TODAY, { today: TODAY });
    expect(p.rows).toHaveLength(EXPECTED.rows.programs);
    const [first] = p.rows;
    expect(first?.slug).toBe(PROGRAM_SLUGS.reverse);
    expect(first?.isReplanned).toBe(true);
    expect([first?.baselineTargetDate, first?.targetDate]).toEqual(['2027-03-31', '2027-06-30']);
    // Still on track on the demo's today; the pace of its last eight weeks puts it at risk by 2026-12-14.
    expect(first?.health).toBe('ON_TRACK');
    expect(p.rows.slice(1).every((r) => r.health === 'COMPLETE')).toBe(true);
    const later = await getPortfolio(t.db, exec, '2026-12-14', { today: TODAY });
    expect([later.rows[0]?.slug, later.rows[0]?.health, later.rows[0]?.isReplanned]).toEqual([PROGRAM_SLUGS.reverse, 'AT_RISK', true]);
    // In flight: some partner reports are older than the program's 30 days.
    expect(first?.staleness?.rows).toBe(EXPECTED.allCities);
    expect(first?.staleness?.stale).toBeGreaterThan(0);
  });

  it('equals the coverage and projection of each program on a past date, with the week\'s change', async () => {
    const p = await getPortfolio(t.db, exec, '2021-10-02', { today: TODAY });
    for (const row of p.rows.filter((r) => r.isStarted)) {
      const [coverage, projection] = await Promise.all([getCoverageAsOf(t.db, row.slug, '2021-10-02'), getProjection(t.db, row.slug, '2021-10-02')]);
      if (row.unit === 'PERCENT') expect(row.percent).toBe(coverage?.metric?.value);
      else expect([row.live, row.denominator, row.percent]).toEqual([coverage?.live, coverage?.denominator, coverage?.percent]);
      expect([row.health, row.completionDate]).toEqual([projection?.health, projection?.completionDate]);
    }
    const before = await getCoverageAsOf(t.db, PROGRAM_SLUGS.alipayUnionpay, '2021-09-25');
    const cities = p.rows.find((r) => r.slug === PROGRAM_SLUGS.alipayUnionpay);
    expect(cities?.changeSinceLastWeek).toBe(EXPECTED.alipayUnionpayLiveOn20211002 - (before?.live ?? 0));
    // Not yet started in 2021: named, last, without figures.
    expect(p.rows.at(-1)).toMatchObject({ slug: PROGRAM_SLUGS.reverse, isStarted: false, health: null, staleness: null });
  });
});
