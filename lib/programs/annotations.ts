/**
 * Dated, sourced events and planned checkpoints of a program, for charts and timelines.
 */
import type { Db } from '../db';

export interface AnnotationDto {
  /** YYYY-MM-DD (Shanghai). */
  date: string;
  titleZh: string;
  titleEn: string;
  sourceNote: string | null;
  /** http(s) only (checked on write). */
  sourceUrl: string | null;
  isIllustrative: boolean;
}

/** The Prisma `select` of an AnnotationDto (lib/annotations adds the id and version it edits by). */
export const annotationSelect = { date: true, titleZh: true, titleEn: true, sourceNote: true, sourceUrl: true, isIllustrative: true } as const;

export interface MilestoneDto {
  titleZh: string;
  titleEn: string;
  dueDate: string;
  /** Null while open, and for a view as of a date before it was done. */
  doneDate: string | null;
}

/**
 * A program's annotations, oldest first. `until` leaves out events after a date, so a view "as of
 * 2021-10-02" does not show what happened in December. Unknown program: an empty list.
 */
export async function listAnnotations(db: Db, slug: string, { until }: { until?: string } = {}): Promise<AnnotationDto[]> {
  return db.annotation.findMany({
    where: { program: { slug }, ...(until ? { date: { lte: until } } : {}) },
    select: annotationSelect,
    orderBy: [{ date: 'asc' }, { titleEn: 'asc' }],
  });
}

/** A program's milestones by due date; with `asOf`, one done later reads as still open. */
export async function listMilestones(db: Db, slug: string, { asOf }: { asOf?: string } = {}): Promise<MilestoneDto[]> {
  const rows = await db.milestone.findMany({
    where: { program: { slug } },
    select: { titleZh: true, titleEn: true, dueDate: true, doneDate: true },
    orderBy: [{ dueDate: 'asc' }, { titleEn: 'asc' }],
  });
  return rows.map((m) => ({ ...m, doneDate: asOf && m.doneDate && m.doneDate > asOf ? null : m.doneDate }));
}
