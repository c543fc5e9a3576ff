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
