/**
 * Reads of user accounts, for the admin page and the CLI. Every read is authorised here
 * ('user.manage'), whatever the page already checked, and returns DTOs: never the password hash
 * or the session version. No 'server-only': the CLI uses these too.
 */
import type { Db } from '../db';
import { authorize } from '../auth/permissions';
import { VIEWER_SELECT, type Viewer } from '../auth/viewer';
import type { UserRole } from './schema';

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Partners only. */
  institutionCode: string | null;
  institutionNameZh: string | null;
  institutionNameEn: string | null;
  disabled: boolean;
  /** ISO 8601, UTC. */
  createdAt: string;
}

/** Exactly the columns a UserDto needs: the password hash is never selected. */
export const USER_DTO_SELECT = {
  ...VIEWER_SELECT,
  disabled: true,
  createdAt: true,
  institution: { select: { nameZh: true, nameEn: true } },
} as const;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  institutionCode: string | null;
  disabled: boolean;
  createdAt: Date;
  institution: { nameZh: string; nameEn: string } | null;
}

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    institutionCode: row.institutionCode,
    institutionNameZh: row.institution?.nameZh ?? null,
    institutionNameEn: row.institution?.nameEn ?? null,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every account: active first, then by role and email. */
export async function listUsers(db: Db, viewer: Viewer): Promise<UserDto[]> {
  authorize(viewer, 'user.manage');
  const rows = await db.user.findMany({
    select: USER_DTO_SELECT,
    orderBy: [{ disabled: 'asc' }, { role: 'asc' }, { email: 'asc' }],
  });
  return rows.map(toUserDto);
}

/** One account by email (trimmed, case-insensitive as stored), or null. */
export async function getUserByEmail(db: Db, viewer: Viewer, email: string): Promise<UserDto | null> {
  authorize(viewer, 'user.manage');
  const row = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: USER_DTO_SELECT });
  return row ? toUserDto(row) : null;
}

export interface InstitutionOption {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The institutions a partner account can belong to, for the user form. */
export async function listInstitutionOptions(db: Db, viewer: Viewer): Promise<InstitutionOption[]> {
  authorize(viewer, 'user.manage');
  return db.institution.findMany({ select: { code: true, nameZh: true, nameEn: true }, orderBy: { code: 'asc' } });
}

/** What the header shows about the signed-in user. */
export interface ViewerProfile {
  name: string;
  email: string;
  role: UserRole;
  institutionCode: string | null;
  institutionNameZh: string | null;
  institutionNameEn: string | null;
}

/** The viewer's own profile: everyone may read their own, so no permission is needed. */
export async function getViewerProfile(db: Db, viewer: Viewer): Promise<ViewerProfile> {
  const institution = viewer.institutionCode
    ? await db.institution.findUnique({ where: { code: viewer.institutionCode }, select: { nameZh: true, nameEn: true } })
    : null;
  return {
    name: viewer.name,
    email: viewer.email,
    role: viewer.role,
    institutionCode: viewer.institutionCode,
    institutionNameZh: institution?.nameZh ?? null,
    institutionNameEn: institution?.nameEn ?? null,
  };
}
