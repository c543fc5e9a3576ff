/**
 * Who may do what. One table, checked inside every mutation and every query that can leak
 * (never only in pages, layouts or the proxy). The authorisation-matrix test walks this table.
 */
import { AppError } from '../errors';
import type { Role } from '../generated/sqlite/client';
import type { Viewer } from './viewer';

export const ACTIONS = [
  /** Read dashboards, coverage, history, summaries. */
  'coverage.read',
  /** Edit a city's status in a program. */
  'cityStatus.update',
  /** Edit an institution's status in a program (partners: their own institution only). */
  'institutionStatus.update',
  /** Mark a partner's report as verified. */
  'status.verify',
  /** Create and edit programs, including re-planning targets. */
  'program.manage',
  'milestone.manage',
  'annotation.manage',
  'user.manage',
  /** Bulk CSV import of statuses. */
  'import.run',
  'audit.read',
  /** Create and revoke API tokens for users. */
  'token.manage',
  /** Read one's own alerts (the inbox), mark them read, choose how each kind reaches one. */
  'alert.receive',
  /** Follow or unfollow a program's alerts. */
  'alert.follow',
] as const;

export type Action = (typeof ACTIONS)[number];

const ALL: readonly Role[] = ['ADMIN', 'PROGRAM_MANAGER', 'PARTNER', 'EXECUTIVE'];

export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  'coverage.read': ALL,
  'cityStatus.update': ['ADMIN', 'PROGRAM_MANAGER'],
  'institutionStatus.update': ['ADMIN', 'PROGRAM_MANAGER', 'PARTNER'],
  'status.verify': ['ADMIN', 'PROGRAM_MANAGER'],
  'program.manage': ['ADMIN'],
  'milestone.manage': ['ADMIN', 'PROGRAM_MANAGER'],
  'annotation.manage': ['ADMIN', 'PROGRAM_MANAGER'],
  'user.manage': ['ADMIN'],
  'import.run': ['ADMIN', 'PROGRAM_MANAGER', 'PARTNER'],
  'audit.read': ['ADMIN'],
  'token.manage': ['ADMIN'],
  'alert.receive': ALL,
  // Executives hear of every program's health and partners of their own institution, whatever they follow.
  'alert.follow': ['ADMIN', 'PROGRAM_MANAGER'],
};

/** The object a scoped action touches; partners may only touch their own institution's rows. */
export interface Scope {
  institutionCode?: string | null;
}

/**
 * Actions where a PARTNER is limited to rows of their own institution. The CSV import is not one
 * of them: it has its own unscoped permission ('import.run'), and each row it would write is
 * checked against 'institutionStatus.update' with that row's institution.
 */
const PARTNER_SCOPED: ReadonlySet<Action> = new Set(['institutionStatus.update']);

/** Actions a partner account without an institution may not take at all. */
const PARTNER_NEEDS_INSTITUTION: ReadonlySet<Action> = new Set(['institutionStatus.update', 'import.run']);

/**
 * Deny by default: a scoped action asked without the scope it needs (no scope, or no institution
 * in it) is refused for a partner, never waved through.
 */
export function can(viewer: Viewer, action: Action, scope?: Scope): boolean {
  if (!PERMISSIONS[action].includes(viewer.role)) return false;
  if (viewer.role !== 'PARTNER') return true;
  if (PARTNER_NEEDS_INSTITUTION.has(action) && !viewer.institutionCode) return false;
  // A scope without an institution is never "theirs".
  if (PARTNER_SCOPED.has(action) && (!scope?.institutionCode || scope.institutionCode !== viewer.institutionCode)) return false;
  return true;
}

/** Throws FORBIDDEN unless `can` allows it. Callers audit the denial (lib/audit/write.ts). */
export function authorize(viewer: Viewer, action: Action, scope?: Scope): void {
  if (!can(viewer, action, scope)) {
    throw new AppError('FORBIDDEN', `${viewer.role} may not ${action}`, { action });
  }
}

// ---- What of a status row a viewer may read -------------------------------------------------
//
// Competitors share the product: a partner sees every row's status and dates (planned, live, last
// confirmed), but the note, the evidence link, the verification and the people behind a change
// only of its own institution's rows. Staff (admins, program managers, executives) read all of it.
// Every read that returns status rows or their history applies this rule on the server.

/** A status row: a city's or an institution's (in any program). */
export interface StatusRowRef {
  entityType: 'CITY' | 'INSTITUTION';
  code: string;
}

/**
 * The fields hidden from a viewer who may not read a row's details, under every name the DTOs
 * use for them: the note, the evidence link, the verified flag, and who changed the row (a
 * person, or the role they acted in).
 */
export const PRIVATE_ROW_FIELDS = ['note', 'evidenceUrl', 'verified', 'updatedBy', 'actor', 'actorName', 'actorKind'] as const;
export type PrivateRowField = (typeof PRIVATE_ROW_FIELDS)[number];

const PRIVATE_FIELD_SET: ReadonlySet<string> = new Set(PRIVATE_ROW_FIELDS);

export function isPrivateRowField(name: string): name is PrivateRowField {
  return PRIVATE_FIELD_SET.has(name);
}

/** True when the viewer may read the private fields of this row. Deny by default. */
export function canReadRowDetails(viewer: Viewer, row: StatusRowRef): boolean {
  if (!can(viewer, 'coverage.read')) return false;
  if (viewer.role !== 'PARTNER') return true;
  // Partners read details of their own institution's rows only; no institution, no details.
  return row.entityType === 'INSTITUTION' && !!viewer.institutionCode && row.code === viewer.institutionCode;
}

/** A DTO whose private fields may be null because they were withheld. */
export type RowAsSeen<T> = { [K in keyof T]: K extends PrivateRowField ? T[K] | null : T[K] };

/**
 * The row as `viewer` may see it: when its details are not theirs to read, every private field
 * the DTO has is null (a field the DTO lacks stays absent). Other fields pass unchanged.
 */
export function redactStatusRow<T extends object>(viewer: Viewer, ref: StatusRowRef, row: T): RowAsSeen<T> {
  if (canReadRowDetails(viewer, ref)) return row as RowAsSeen<T>;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, isPrivateRowField(k) ? null : v])) as RowAsSeen<T>;
}

/** A recorded snapshot (history before/after) without its private fields when they are withheld. */
export function redactSnapshot<T extends object>(viewer: Viewer, ref: StatusRowRef, snapshot: T): Partial<T> {
  if (canReadRowDetails(viewer, ref)) return snapshot;
  return Object.fromEntries(Object.entries(snapshot).filter(([k]) => !isPrivateRowField(k))) as Partial<T>;
}

/**
 * Kinds of history entry that record nothing but private fields (a verification): left out
 * entirely, not just emptied, for a viewer who may not read the row's details.
 */
export const PRIVATE_CHANGE_KINDS = ['VERIFY'] as const;

export function canReadChange(viewer: Viewer, ref: StatusRowRef, kind: string): boolean {
  return canReadRowDetails(viewer, ref) || !(PRIVATE_CHANGE_KINDS as readonly string[]).includes(kind);
}
