/**
 * Milestones as the admin page edits them: with ids and versions. (Charts and timelines read the
 * lighter `listMilestones` in lib/programs/annotations.ts.)
 */
import 'server-only';
import type { Db } from '../db';

export interface EditableMilestoneDto {
  id: string;
  titleZh: string;
  titleEn: string;
  /** YYYY-MM-DD (Shanghai). */
  dueDate: string;
  /** YYYY-MM-DD, null while open. */
  doneDate: string | null;
  /** Send back with an edit: a write against another version is refused (CONFLICT). */
  version: number;
  /** Last write, UTC ISO 8601. */
  updatedAt: string;
}

/** A program's milestones by due date; an unknown program has none. Readable by every signed-in role. */
export async function listEditableMilestones(db: Db, programSlug: string): Promise<EditableMilestoneDto[]> {
  const rows = await db.milestone.findMany({
    where: { program: { slug: programSlug } },
    select: { id: true, titleZh: true, titleEn: true, dueDate: true, doneDate: true, version: true, updatedAt: true },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
  });
  return rows.map((m) => ({ ...m, updatedAt: m.updatedAt.toISOString() }));
}
