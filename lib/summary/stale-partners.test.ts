/**
 * The weekly summary's stale partners and the institutions matrix's stale flags are one rule:
 * replayed over every week of the demo history, both name the same institutions with the same
 * ages (SQLite, or PostgreSQL with HUTONG_TEST_DB=postgresql).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDb } from '../../tests/helpers/demo-db';
import type { TestDb } from '../../tests/helpers/test-db';
import type { Viewer } from '../auth/viewer';
import { getInstitutionMatrix } from '../institutions/queries';
import { toShanghaiDate } from '../time';
import { buildWeeklySummary } from './build';
import { isoWeekOfInstant, listIsoWeeks } from './iso-week';
import { loadSummaryInput } from './load';

const NOW = new Date('2026-11-25T04:00:00Z');
const BANK_APPS = 'alipay-bank-apps';

let t: TestDb;
/** The executive who reads the summary also reads the matrix; both see every institution. */
let executive: Viewer;
beforeAll(async () => {
  const demo = await createDemoDb({ now: NOW });
  t = demo.t;
  executive = demo.as.exec.viewer;
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

describe('stale partners in the weekly summary', () => {
  it('are exactly the stale rows of the institutions matrix at every week end of the demo history', async () => {
    const first = await t.db.statusChange.findFirst({
      where: { program: { slug: BANK_APPS } },
      orderBy: { changedAt: 'asc' },
      select: { changedAt: true },
    });
    expect(first).not.toBeNull();
    const weeks = listIsoWeeks(toShanghaiDate(first!.changedAt), isoWeekOfInstant(NOW)).reverse();
    const staleByWeek: Array<{ week: string; summary: Array<[string, number | null]>; matrix: Array<[string, number | null]> }> = [];
    for (const week of weeks) {
      const input = await loadSummaryInput(t.db, week, BANK_APPS);
      expect(input, week.id).not.toBeNull();
      const summary = buildWeeklySummary(input!).stalePartners ?? [];
      const matrix = await getInstitutionMatrix(t.db, executive, { asOf: week.end });
      staleByWeek.push({
        week: week.id,
        summary: summary.map((p): [string, number | null] => [p.code, p.daysSinceConfirmed]).sort(),
        matrix: matrix.rows
          .flatMap((r): Array<[string, number | null]> => {
            const cell = r.cells[BANK_APPS];
            return cell?.isStale ? [[r.code, cell.daysSinceConfirmed]] : [];
          })
          .sort(),
      });
    }
    for (const w of staleByWeek) expect(w.summary, w.week).toEqual(w.matrix);
    // Both halves of the rule are exercised: partners go stale while the rollout is in flight, and
    // nobody is stale years after it completed although nobody has confirmed since.
    expect(staleByWeek.some((w) => w.matrix.length > 0)).toBe(true);
    expect(staleByWeek.at(-1)?.summary).toEqual([]);
  }, 600_000);
});
