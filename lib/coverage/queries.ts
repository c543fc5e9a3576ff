/**
 * Coverage of a program as of a Shanghai calendar date, computed from the stored history.
 */
import type { Db } from '../db';
import type { RolloutStatus } from '../generated/sqlite/client';
import { getProgramBySlug, type ProgramDto } from '../programs/queries';
import { endOfShanghaiDay, toShanghaiDate } from '../time';
import { queryStatusesAsOf } from './as-of-sql';
import { countStatuses, groupCoverage, ratio, type Ratio, type StatusCounts } from './summarise';

export interface ProvinceCoverageDto extends Ratio {
  code: string;
  name: string;
  nameEn: string;
  counts: StatusCounts;
}

export interface MetricAsOfDto {
  /** Latest metric value on or before the date, in percent. */
  value: number | null;
  /** Date of that value. */
  date: string | null;
  target: number | null;
  isIllustrative: boolean;
  sourceNote: string | null;
}

export interface CoverageDto extends Ratio {
  program: ProgramDto;
  asOf: string;
  counts: StatusCounts;
  /** Per province; empty unless the program counts cities. */
  provinces: ProvinceCoverageDto[];
  /** Only for PERCENT programs. */
  metric: MetricAsOfDto | null;
}

export async function getCoverageAsOf(db: Db, slug: string, asOf: string): Promise<CoverageDto | null> {
  const program = await db.program.findUnique({ where: { slug }, select: { id: true } });
  if (!program) return null;
  const dto = await getProgramBySlug(db, slug);
  if (!dto) return null;
  const before = endOfShanghaiDay(asOf);

  if (dto.unit === 'PERCENT') {
    const point = await db.metricPoint.findFirst({
      where: { programId: program.id, date: { lte: asOf } },
      orderBy: { date: 'desc' },
    });
    const counts = countStatuses([]);
    return {
      program: dto,
      asOf,
      counts,
      provinces: [],
      // A share of merchants has no countable denominator here: the value lives in `metric`.
      ...ratio(0, 0),
      metric: {
        value: point?.value ?? null,
        date: point?.date ?? null,
        target: dto.targetValue,
        isIllustrative: point?.isIllustrative ?? false,
        sourceNote: point?.sourceNote ?? null,
      },
    };
  }

  if (dto.unit === 'INSTITUTION') {
    const [rows, asOfStatuses] = await Promise.all([
      db.institutionStatus.findMany({ where: { programId: program.id }, select: { institutionCode: true } }),
      queryStatusesAsOf(db, program.id, 'INSTITUTION', before),
    ]);
    const statuses: RolloutStatus[] = rows.map((r) => asOfStatuses.get(r.institutionCode) ?? 'NOT_STARTED');
    const counts = countStatuses(statuses);
    return { program: dto, asOf, counts, provinces: [], metric: null, ...ratio(counts.LIVE, rows.length) };
  }

  const [rows, asOfStatuses, provinces] = await Promise.all([
    db.cityStatus.findMany({
      where: { programId: program.id },
      select: { cityCode: true, city: { select: { provinceCode: true } } },
    }),
    queryStatusesAsOf(db, program.id, 'CITY', before),
    db.province.findMany({ select: { code: true, name: true, nameEn: true } }),
  ]);
  const provinceOf = new Map(rows.map((r) => [r.cityCode, r.city.provinceCode]));
  const entities = rows.map((r) => ({ code: r.cityCode, status: asOfStatuses.get(r.cityCode) ?? 'NOT_STARTED' }));
  const counts = countStatuses(entities.map((e) => e.status));
  const names = new Map(provinces.map((p) => [p.code, p]));
  const byProvince = groupCoverage(entities, (code) => provinceOf.get(code) ?? '').map((g) => ({
    ...g,
    name: names.get(g.code)?.name ?? g.code,
    nameEn: names.get(g.code)?.nameEn ?? g.code,
  }));
  return { program: dto, asOf, counts, provinces: byProvince, metric: null, ...ratio(counts.LIVE, rows.length) };
}

export interface CityCoverageDto {
  code: string;
  name: string;
  nameEn: string;
  /** Status as of the date, replayed from history. */
  status: RolloutStatus;
}

export interface ProvinceDrillDto extends Ratio {
  province: { code: string; name: string; nameEn: string };
  asOf: string;
  counts: StatusCounts;
  cities: CityCoverageDto[];
}

/** One province's in-scope cities of a CITY program, each with its status as of the date. */
export async function getProvinceCitiesAsOf(
  db: Db,
  slug: string,
  provinceCode: string,
  asOf: string,
): Promise<ProvinceDrillDto | null> {
  const [program, province] = await Promise.all([
    db.program.findUnique({ where: { slug }, select: { id: true, unit: true } }),
    db.province.findUnique({ where: { code: provinceCode }, select: { code: true, name: true, nameEn: true } }),
  ]);
  if (!program || !province || program.unit !== 'CITY') return null;
  const [rows, asOfStatuses] = await Promise.all([
    db.cityStatus.findMany({
      where: { programId: program.id, city: { provinceCode } },
      select: { city: { select: { code: true, name: true, nameEn: true } } },
      orderBy: { cityCode: 'asc' },
    }),
    queryStatusesAsOf(db, program.id, 'CITY', endOfShanghaiDay(asOf)),
  ]);
  const cities = rows.map((r) => ({ ...r.city, status: asOfStatuses.get(r.city.code) ?? 'NOT_STARTED' }));
  const counts = countStatuses(cities.map((c) => c.status));
  return { province, asOf, counts, cities, ...ratio(counts.LIVE, cities.length) };
}

/** Shanghai date of the program's latest recorded change (status or metric), or null. */
export async function getLastChangeDate(db: Db, slug: string): Promise<string | null> {
  const program = await db.program.findUnique({ where: { slug }, select: { id: true } });
  if (!program) return null;
  const [change, point] = await Promise.all([
    db.statusChange.findFirst({ where: { programId: program.id }, orderBy: { changedAt: 'desc' }, select: { changedAt: true } }),
    db.metricPoint.findFirst({ where: { programId: program.id }, orderBy: { date: 'desc' }, select: { date: true } }),
  ]);
  const fromChange = change ? toShanghaiDate(change.changedAt) : null;
  if (!point) return fromChange;
  if (!fromChange) return point.date;
  return point.date > fromChange ? point.date : fromChange;
}
