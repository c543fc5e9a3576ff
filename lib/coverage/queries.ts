/**
 * Coverage of a program as of a Shanghai calendar date, computed from the stored history.
 */
import type { Db } from '../db';
import type { RolloutStatus } from '../generated/sqlite/client';
import { programSelect, type ProgramDto } from '../programs/queries';
import { getGeography } from './geography';
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
  const found = await db.program.findUnique({ where: { slug }, select: { id: true, ...programSelect } });
  if (!found) return null;
  const { id, ...dto } = found;
  const program = { id };
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

  const [rows, asOfStatuses, geography] = await Promise.all([
    db.cityStatus.findMany({ where: { programId: program.id }, select: { cityCode: true } }),
    queryStatusesAsOf(db, program.id, 'CITY', before),
    getGeography(db),
  ]);
  const entities = rows.map((r) => ({ code: r.cityCode, status: asOfStatuses.get(r.cityCode) ?? 'NOT_STARTED' }));
  const counts = countStatuses(entities.map((e) => e.status));
  const names = geography.provinces;
  const byProvince = groupCoverage(entities, (code) => geography.provinceOfCity.get(code) ?? '').map((g) => ({
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

/**
 * Every in-scope city of a CITY program with its status as of the date, for the national city
 * layer (all prefecture cities coloured at once). Null for an unknown or non-CITY program.
 */
export async function getNationalCitiesAsOf(db: Db, slug: string, asOf: string): Promise<CityCoverageDto[] | null> {
  const program = await db.program.findUnique({ where: { slug }, select: { id: true, unit: true } });
  if (!program || program.unit !== 'CITY') return null;
  const [rows, asOfStatuses, geography] = await Promise.all([
    db.cityStatus.findMany({ where: { programId: program.id }, select: { cityCode: true }, orderBy: { cityCode: 'asc' } }),
    queryStatusesAsOf(db, program.id, 'CITY', endOfShanghaiDay(asOf)),
    getGeography(db),
  ]);
  return rows.map(({ cityCode }) => {
    const city = geography.cities.get(cityCode);
    return {
      code: cityCode,
      name: city?.name ?? cityCode,
      nameEn: city?.nameEn ?? cityCode,
      status: asOfStatuses.get(cityCode) ?? 'NOT_STARTED',
    };
  });
}
