/**
 * Annotations as the admin page edits them: with ids. (Charts and timelines read `listAnnotations`
 * in lib/programs/annotations.ts, which leaves ids out.)
 */
import 'server-only';
import type { Db } from '../db';
import { annotationSelect, type AnnotationDto } from '../programs/annotations';

export interface EditableAnnotationDto extends AnnotationDto {
  id: string;
  /** Optimistic-locking version: the edit and delete forms send it back. */
  version: number;
}

/** The Prisma `select` of an EditableAnnotationDto. */
export const editableAnnotationSelect = { id: true, ...annotationSelect, version: true } as const;

/** A program's annotations, newest first; an unknown program has none. Readable by every signed-in role. */
export async function listEditableAnnotations(db: Db, programSlug: string): Promise<EditableAnnotationDto[]> {
  return db.annotation.findMany({
    where: { program: { slug: programSlug } },
    select: editableAnnotationSelect,
    orderBy: [{ date: 'desc' }, { id: 'asc' }],
  });
}
