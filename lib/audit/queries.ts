/**
 * Reading the audit trail. The full log is for admins only ('audit.read'); a refused read is itself
 * audited. `getLastChanges` answers the narrower "who changed this last, and when" that the admin
 * forms show, to anyone who may manage programs, milestones or annotations.
 */
import 'server-only';
import { authorize, can } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import type { Db } from '../db';
import { AppError } from '../errors';
import { invalidField, validateInput } from '../forms/validate-input';
import type { Prisma, Role } from '../generated/sqlite/client';
import { endOfShanghaiDay, formatShanghaiInstant, startOfShanghaiDay } from '../time';
import { auditFiltersSchema, type AuditFiltersInput, type AuditOutcome } from './schema';
import { auditDenied } from './write';

export interface AuditActorDto {
  id: string;
  email: string;
  name: string;
}

export interface AuditEntryDto {
  id: string;
  /** UTC instant, ISO 8601. */
  at: string;
  /** The same instant as Shanghai wall-clock time, `YYYY-MM-DD HH:mm:ss`. */
  atShanghai: string;
  /** Null for system actions, or when the account no longer exists (then `actorId` remains). */
  actor: AuditActorDto | null;
  actorId: string | null;
  /** Role at the time of the action (roles change; this does not). */
  actorRole: Role | null;
  institution: { code: string; nameZh: string; nameEn: string } | null;
  action: string;
  outcome: AuditOutcome;
  /** Error code of a refusal (FORBIDDEN, VALIDATION, CONFLICT, NOT_FOUND). */
  reason: string | null;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditPage {
  entries: AuditEntryDto[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

interface Cursor {
  at: Date;
  id: string;
}

export function encodeAuditCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id]), 'utf8').toString('base64url');
}

export function decodeAuditCursor(value: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [at, id] = parsed as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
    const instant = new Date(at);
    return Number.isNaN(instant.getTime()) ? null : { at: instant, id };
  } catch {
    return null;
  }
}

const entrySelect = {
  id: true,
  at: true,
  actorId: true,
  actorRole: true,
  institutionCode: true,
  action: true,
  outcome: true,
  reason: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  ip: true,
} as const;

/**
 * The audit log, newest first, filtered and paged by (at, id). ADMIN only; anyone else is refused
 * with FORBIDDEN and the attempt is recorded. Bad filters are refused with VALIDATION.
 */
export async function listAuditEntries(db: Db, viewer: Viewer, input: AuditFiltersInput): Promise<AuditPage> {
  if (!can(viewer, 'audit.read')) {
    await auditDenied(db, { viewer, ip: null }, { action: 'audit.read', entityType: 'AuditLog', reason: 'FORBIDDEN' });
  }
  authorize(viewer, 'audit.read');
  const filters = validateInput(auditFiltersSchema, input);
  const cursor = filters.cursor === undefined ? null : decodeAuditCursor(filters.cursor);
  if (filters.cursor !== undefined && !cursor) throw invalidField('cursor', 'invalid');

  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.from) and.push({ at: { gte: startOfShanghaiDay(filters.from) } });
  if (filters.to) and.push({ at: { lt: endOfShanghaiDay(filters.to) } });
  if (filters.action) and.push({ action: filters.action });
  if (filters.outcome) and.push({ outcome: filters.outcome });
  if (filters.entityType) and.push({ entityType: filters.entityType });
  if (filters.actorEmail) {
    const actor = await db.user.findUnique({ where: { email: filters.actorEmail }, select: { id: true } });
    if (!actor) return { entries: [], nextCursor: null };
    and.push({ actorId: actor.id });
  }
  if (cursor) and.push({ OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] });

  const rows = await db.auditLog.findMany({
    where: { AND: and },
    select: entrySelect,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: filters.limit + 1,
  });
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > filters.limit && last ? encodeAuditCursor({ at: last.at, id: last.id }) : null;

  const actorIds = [...new Set(page.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const institutionCodes = [...new Set(page.flatMap((r) => (r.institutionCode ? [r.institutionCode] : [])))];
  const [actors, institutions] = await Promise.all([
    actorIds.length > 0 ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true, name: true } }) : [],
    institutionCodes.length > 0
      ? db.institution.findMany({ where: { code: { in: institutionCodes } }, select: { code: true, nameZh: true, nameEn: true } })
      : [],
  ]);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const institutionByCode = new Map(institutions.map((i) => [i.code, i]));

  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      atShanghai: formatShanghaiInstant(r.at),
      actor: r.actorId ? (actorById.get(r.actorId) ?? null) : null,
      actorId: r.actorId,
      actorRole: r.actorRole,
      institution: r.institutionCode
        ? (institutionByCode.get(r.institutionCode) ?? { code: r.institutionCode, nameZh: r.institutionCode, nameEn: r.institutionCode })
        : null,
      action: r.action,
      outcome: r.outcome === 'DENIED' ? 'DENIED' : 'ALLOWED',
      reason: r.reason,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      ip: r.ip,
    })),
    nextCursor,
  };
}

export interface AuditFacets {
  actions: string[];
  entityTypes: string[];
}

/** The distinct actions and entity types in the log, for the filter drop-downs. ADMIN only. */
export async function listAuditFacets(db: Db, viewer: Viewer): Promise<AuditFacets> {
  authorize(viewer, 'audit.read');
  const [actions, entityTypes] = await Promise.all([
    db.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    db.auditLog.findMany({
      where: { entityType: { not: null } },
      distinct: ['entityType'],
      select: { entityType: true },
      orderBy: { entityType: 'asc' },
    }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.flatMap((e) => (e.entityType ? [e.entityType] : [])),
  };
}

export interface LastChangeDto {
  /** UTC instant, ISO 8601. */
  at: string;
  atShanghai: string;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
}

/** Who may see who last changed a program, milestone or annotation: whoever may edit one. */
const LAST_CHANGE_READERS = ['program.manage', 'milestone.manage', 'annotation.manage', 'audit.read'] as const;

/**
 * The latest successful change of each given entity, from the audit trail. Entities never changed
 * through the app (e.g. seeded) are absent from the result.
 */
export async function getLastChanges(db: Db, viewer: Viewer, entityType: string, ids: readonly string[]): Promise<Record<string, LastChangeDto>> {
  if (!LAST_CHANGE_READERS.some((action) => can(viewer, action))) {
    throw new AppError('FORBIDDEN', `${viewer.role} may not read change history`);
  }
  if (ids.length === 0) return {};
  const rows = await db.auditLog.findMany({
    where: { entityType, entityId: { in: [...ids] }, outcome: 'ALLOWED' },
    distinct: ['entityId'],
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { entityId: true, at: true, actorId: true, action: true },
  });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const actors = actorIds.length > 0 ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true, name: true } }) : [];
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const out: Record<string, LastChangeDto> = {};
  for (const r of rows) {
    if (!r.entityId) continue;
    const actor = r.actorId ? actorById.get(r.actorId) : undefined;
    out[r.entityId] = {
      at: r.at.toISOString(),
      atShanghai: formatShanghaiInstant(r.at),
      actorName: actor?.name ?? null,
      actorEmail: actor?.email ?? null,
      action: r.action,
    };
  }
  return out;
}
