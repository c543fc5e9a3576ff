import 'server-only';
import type { Db } from '../db';
import { getCoverageSeriesSource } from '../coverage/series';
import type { LiveStepDto } from '../coverage/series-model';

export interface LiveInstitutionsHistoryDto {
  slug: string;
  nameZh: string;
  nameEn: string;
  /** Enrolled institutions. */
  denominator: number;
  startDate: string;
  /** Daily live counts replayed from the stored history up to `end`. */
  steps: LiveStepDto[];
}

/**
 * For every program counted by institution, how many of its institutions were live on each day
 * up to the end of `end` (Shanghai date), from the history: the burn-up's own replay, so the chart
 * and the dashboard agree.
 */
export async function listLiveInstitutionsOverTime(db: Db, end: string): Promise<LiveInstitutionsHistoryDto[]> {
  const programs = await db.program.findMany({
    where: { unit: 'INSTITUTION' },
    orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    select: { slug: true, nameZh: true, nameEn: true },
  });
  const sources = await Promise.all(programs.map((p) => getCoverageSeriesSource(db, p.slug, { end })));
  return programs.flatMap((p, i) => {
    const source = sources[i];
    if (!source || source.kind !== 'COUNT') return [];
    return [{ ...p, denominator: source.denominator, startDate: source.startDate, steps: source.steps }];
  });
}
