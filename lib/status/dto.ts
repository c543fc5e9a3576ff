/**
 * The status row as forms, the API and conflict messages see it: plain JSON, no ORM objects, no
 * user ids or emails of other people (only the name of whoever changed it last).
 */
import type { RolloutStatus } from '../generated/sqlite/enums';
import type { StatusFields } from './schema';

export type StatusEntity = 'city' | 'institution';

/** Where a write came from (SEED is reserved for the seed). */
export type WriteSource = 'FORM' | 'API' | 'IMPORT';

export interface StatusRowDto extends StatusFields {
  entity: StatusEntity;
  programSlug: string;
  /** City code or institution code. */
  code: string;
  /** Display name of the city or institution (Chinese; `nameEn` for English views). */
  name: string;
  nameEn: string;
  /** ISO instant, or null if never confirmed. */
  lastConfirmedAt: string | null;
  verified: boolean;
  version: number;
  /** ISO instant of the last accepted write. */
  updatedAt: string;
  /** Who made the last accepted write; null for seeded rows. */
  updatedBy: { name: string } | null;
}

/** The Prisma `select` shared by both status tables (plus the entity's names, added per table). */
export const statusRowSelect = {
  id: true,
  status: true,
  plannedDate: true,
  liveDate: true,
  evidenceUrl: true,
  note: true,
  lastConfirmedAt: true,
  verified: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} as const;

export interface StatusRowRecord {
  id: string;
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
  evidenceUrl: string | null;
  note: string | null;
  lastConfirmedAt: Date | null;
  verified: boolean;
  version: number;
  updatedAt: Date;
  updatedBy: { name: string } | null;
  code: string;
  name: string;
  nameEn: string;
}

export function toStatusRowDto(entity: StatusEntity, programSlug: string, row: StatusRowRecord): StatusRowDto {
  return {
    entity,
    programSlug,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    status: row.status,
    plannedDate: row.plannedDate,
    liveDate: row.liveDate,
    evidenceUrl: row.evidenceUrl,
    note: row.note,
    lastConfirmedAt: row.lastConfirmedAt?.toISOString() ?? null,
    verified: row.verified,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy ? { name: row.updatedBy.name } : null,
  };
}

/** The fields kept in history and audit entries (before/after). */
export function snapshotOf(row: StatusFields & { verified: boolean; version: number }) {
  return {
    status: row.status,
    plannedDate: row.plannedDate,
    liveDate: row.liveDate,
    evidenceUrl: row.evidenceUrl,
    note: row.note,
    verified: row.verified,
    version: row.version,
  };
}
