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

export async function listPrograms(db: Db): Promise<ProgramDto[]> {
  return db.program.findMany({ select: programSelect, orderBy: [{ sortOrder: 'asc' }, { startDate: 'asc' }] });
}

export async function getProgramBySlug(db: Db, slug: string): Promise<ProgramDto | null> {
  return db.program.findUnique({ where: { slug }, select: programSelect });
}
