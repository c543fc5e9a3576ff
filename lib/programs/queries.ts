import type { Db } from '../db';
import type { ProgramUnit, ScopeRule } from '../generated/sqlite/client';

/** A program as every view shows it. Dates are Shanghai calendar dates (YYYY-MM-DD). */
export interface ProgramDto {
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
}

/** The columns of a ProgramDto (the admin queries add theirs to it). */
export const programSelect = {
  slug: true,
  nameZh: true,
  nameEn: true,
  unit: true,
  directionZh: true,
  directionEn: true,
  scopeRule: true,
  startDate: true,
  baselineTargetDate: true,
  targetDate: true,
  targetValue: true,
  staleAfterDays: true,
  isIllustrative: true,
  source: true,
} as const;

/** What a view that lists several programs shows of each: its name, what it counts and from when. */
export type ProgramHeading = Pick<ProgramDto, 'slug' | 'nameZh' | 'nameEn' | 'unit' | 'scopeRule' | 'startDate' | 'isIllustrative'>;

export function programHeading(p: ProgramHeading): ProgramHeading {
  return {
    slug: p.slug,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    unit: p.unit,
    scopeRule: p.scopeRule,
    startDate: p.startDate,
    isIllustrative: p.isIllustrative,
  };
}

export async function listPrograms(db: Db): Promise<ProgramDto[]> {
  return db.program.findMany({ select: programSelect, orderBy: [{ sortOrder: 'asc' }, { startDate: 'asc' }] });
}

export async function getProgramBySlug(db: Db, slug: string): Promise<ProgramDto | null> {
  return db.program.findUnique({ where: { slug }, select: programSelect });
}
