/**
 * Programs as the admin pages show them: ids, scope sizes, the re-planning history and who changed
 * each program last. For admins and program managers (whoever may manage programs, milestones or
 * annotations); other roles are refused.
 */
import 'server-only';
import { can } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import { getLastChanges, type LastChangeDto } from '../audit/queries';
import { formatShanghaiInstant } from '../time';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { InstitutionType } from '../generated/sqlite/enums';
import { programSelect, type ProgramDto } from './queries';

export interface AdminProgramDto extends ProgramDto {
  id: string;
  /** Optimistic-locking version: the settings and re-planning forms send it back. */
  version: number;
  /** Status rows in the program's scope (cities or institutions); 0 for percent programs. */
  statusRows: number;
  milestones: number;
  annotations: number;
  /** Latest change made through the app (absent for programs only ever seeded). */
  lastChange: LastChangeDto | null;
}

export interface TargetChangeDto {
  id: string;
  fromDate: string;
  toDate: string;
  reason: string;
  /** UTC ISO 8601. */
  changedAt: string;
  changedAtShanghai: string;
  changedBy: { name: string; email: string } | null;
}

export interface AdminProgramDetailDto extends AdminProgramDto {
  /** Newest first. */
  targetChanges: TargetChangeDto[];
}

export interface InstitutionOptionDto {
  code: string;
  nameZh: string;
  nameEn: string;
  type: InstitutionType;
}

/** Roles that reach the program admin pages (the forms on them authorise each write again). */
export function canOpenProgramAdmin(viewer: Viewer): boolean {
  return can(viewer, 'program.manage') || can(viewer, 'milestone.manage') || can(viewer, 'annotation.manage');
}

function requireProgramAdmin(viewer: Viewer): void {
  if (!canOpenProgramAdmin(viewer)) throw new AppError('FORBIDDEN', `${viewer.role} may not open the program admin`);
}

const adminSelect = {
  id: true,
  ...programSelect,
  version: true,
  _count: { select: { cityStatuses: true, institutionStatuses: true, milestones: true, annotations: true } },
} as const;

type AdminRow = {
  id: string;
  version: number;
  _count: { cityStatuses: number; institutionStatuses: number; milestones: number; annotations: number };
} & ProgramDto;

function toAdminDto(row: AdminRow, lastChange: LastChangeDto | undefined): AdminProgramDto {
  const { _count, ...program } = row;
  return {
    ...program,
    statusRows: _count.cityStatuses + _count.institutionStatuses,
    milestones: _count.milestones,
    annotations: _count.annotations,
    lastChange: lastChange ?? null,
  };
}

export async function listProgramsForAdmin(db: Db, viewer: Viewer): Promise<AdminProgramDto[]> {
  requireProgramAdmin(viewer);
  const rows = await db.program.findMany({ select: adminSelect, orderBy: [{ sortOrder: 'asc' }, { startDate: 'asc' }] });
  const lastChanges = await getLastChanges(db, viewer, 'Program', rows.map((r) => r.id));
  return rows.map((r) => toAdminDto(r, lastChanges[r.id]));
}

/** One program with its re-planning history, or null for an unknown slug. */
export async function getProgramForAdmin(db: Db, viewer: Viewer, slug: string): Promise<AdminProgramDetailDto | null> {
  requireProgramAdmin(viewer);
  const row = await db.program.findUnique({ where: { slug }, select: adminSelect });
  if (!row) return null;
  const [lastChanges, changes] = await Promise.all([
    getLastChanges(db, viewer, 'Program', [row.id]),
    db.targetChange.findMany({
      where: { programId: row.id },
      select: { id: true, fromDate: true, toDate: true, reason: true, changedAt: true, changedBy: { select: { name: true, email: true } } },
      orderBy: [{ changedAt: 'desc' }, { id: 'desc' }],
    }),
  ]);
  return {
    ...toAdminDto(row, lastChanges[row.id]),
    targetChanges: changes.map((c) => ({
      id: c.id,
      fromDate: c.fromDate,
      toDate: c.toDate,
      reason: c.reason,
      changedAt: c.changedAt.toISOString(),
      changedAtShanghai: formatShanghaiInstant(c.changedAt),
      changedBy: c.changedBy,
    })),
  };
}

/** Institutions a new ENROLLED_INSTITUTIONS program can enrol. */
export async function listInstitutionOptions(db: Db, viewer: Viewer): Promise<InstitutionOptionDto[]> {
  requireProgramAdmin(viewer);
  return db.institution.findMany({ select: { code: true, nameZh: true, nameEn: true, type: true }, orderBy: [{ type: 'asc' }, { code: 'asc' }] });
}
