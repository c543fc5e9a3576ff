/**
 * Annotations as the admin page edits them: with ids. (Charts and timelines read `listAnnotations`
 * in lib/programs/annotations.ts, which leaves ids out.)
 */
import 'server-only';
import type { Db } from '../db';

export interface EditableAnnotationDto {
  id: string;
  /** YYYY-MM-DD (Shanghai). */
  date: string;
  titleZh: string;
  titleEn: string;
  sourceNote: string | null;
  /** http(s) only (checked on write). */
  sourceUrl: string | null;
  isIllustrative: boolean;
  /** Optimistic-locking version: the edit and delete forms send it back. */
  version: number;
}

/** A program's annotations, newest first; an unknown program has none. Readable by every signed-in role. */
export async function listEditableAnnotations(db: Db, programSlug: string): Promise<EditableAnnotationDto[]> {
  return db.annotation.findMany({
    where: { program: { slug: programSlug } },
    select: { id: true, date: true, titleZh: true, titleEn: true, sourceNote: true, sourceUrl: true, isIllustrative: true, version: true },
    orderBy: [{ date: 'desc' }, { id: 'asc' }],
  });
}
