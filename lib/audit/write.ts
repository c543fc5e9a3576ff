/**
 * The audit trail: one row per successful change (written in the change's own transaction) and one
 * per denied attempt (written on its own, since the change's transaction never commits).
 * The table is append-only (triggers in both databases).
 */
import type { Db, Tx } from '../db';
import type { Prisma } from '../generated/sqlite/client';
import type { RequestContext, Viewer } from '../auth/viewer';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Who acted: a request's context, or (for sign-in attempts, before anyone is known) just the IP
 * with `viewer: null`.
 */
export type AuditContext = RequestContext | { viewer: Viewer | null; ip: string | null; source?: string };

function base(ctx: AuditContext | null) {
  return {
    // An operator tool's synthetic viewer is no user account: record its source, not its id.
    actorId: ctx?.source ? null : (ctx?.viewer?.id ?? null),
    actorRole: ctx?.viewer?.role ?? null,
    institutionCode: ctx?.viewer?.institutionCode ?? null,
    ip: ctx?.ip ?? null,
    source: ctx?.source ?? null,
  };
}

/** Records a successful change; call inside the change's transaction. */
export async function auditChange(tx: Tx | Db, ctx: AuditContext | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      ...base(ctx),
      action: entry.action,
      outcome: 'ALLOWED',
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

/** Records a refused attempt (forbidden, conflict, validation) outside the refused transaction. */
export async function auditDenied(
  db: Db,
  ctx: AuditContext | null,
  entry: AuditEntry & { reason: string },
): Promise<void> {
  await db.auditLog.create({
    data: {
      ...base(ctx),
      action: entry.action,
      outcome: 'DENIED',
      reason: entry.reason,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
