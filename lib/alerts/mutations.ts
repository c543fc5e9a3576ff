/**
 * A person's own alert settings and inbox: follow a program, choose a channel per kind, mark
 * entries read. Each acts on the caller's own rows only (the user id comes from the session, never
 * from the input), so nobody can change another person's settings or read marks.
 *
 * Follow and channel changes are audited like any setting. Marking read is not: it is the reader's
 * place in their inbox, as a read receipt, and an audit row per click would drown the trail.
 */
import 'server-only';
import { authorize } from '../auth/permissions';
import type { RequestContext } from '../auth/viewer';
import { auditRefusals, entityRefOf } from '../audit/guard';
import { auditChange } from '../audit/write';
import type { Db } from '../db';
import { writeTransaction } from '../db/write-transaction';
import { AppError } from '../errors';
import type { Prisma } from '../generated/sqlite/client';
import type { AlertKind, DeliveryChannel } from '../generated/sqlite/enums';
import { validateInput } from '../forms/validate-input';
import { readUnsubscribeToken } from './mail';
import { alertChannelSchema, followProgramSchema, markAlertsReadSchema, unsubscribeSchema } from './schema';

export interface FollowResult {
  programSlug: string;
  following: boolean;
}

/** Follows or unfollows a program (admins and program managers). */
export async function setProgramFollow(db: Db, ctx: RequestContext, input: unknown): Promise<FollowResult> {
  return auditRefusals(db, ctx, { action: 'alert.follow', entityType: 'Program', entityId: entityRefOf(input, 'programSlug') }, async () => {
    authorize(ctx.viewer, 'alert.follow');
    const { programSlug, following } = validateInput(followProgramSchema, input);
    return writeTransaction(db, async (tx) => {
      const program = await tx.program.findUnique({ where: { slug: programSlug }, select: { id: true } });
      if (!program) throw new AppError('NOT_FOUND', `no program ${programSlug}`);
      const key = { userId: ctx.viewer.id, programId: program.id };
      const before = await tx.programFollow.findUnique({ where: { userId_programId: key }, select: { following: true } });
      await tx.programFollow.upsert({ where: { userId_programId: key }, create: { ...key, following }, update: { following } });
      await auditChange(tx, ctx, { action: 'alert.follow', entityType: 'Program', entityId: program.id, before: before ?? undefined, after: { following } });
      return { programSlug, following };
    });
  });
}

export interface ChannelResult {
  kind: AlertKind;
  channel: DeliveryChannel;
}

/** Chooses how one kind of alert reaches the caller: in the app, mail at once, daily digest, or off. */
export async function setAlertChannel(db: Db, ctx: RequestContext, input: unknown): Promise<ChannelResult> {
  return auditRefusals(db, ctx, { action: 'alert.channel', entityType: 'AlertPreference', entityId: entityRefOf(input, 'kind') }, async () => {
    authorize(ctx.viewer, 'alert.receive');
    const { kind, channel } = validateInput(alertChannelSchema, input);
    return writeTransaction(db, async (tx) => {
      const key = { userId: ctx.viewer.id, kind };
      const before = await tx.alertPreference.findUnique({ where: { userId_kind: key }, select: { channel: true } });
      await tx.alertPreference.upsert({ where: { userId_kind: key }, create: { ...key, channel }, update: { channel } });
      await auditChange(tx, ctx, { action: 'alert.channel', entityType: 'AlertPreference', entityId: kind, before: before ?? undefined, after: { channel } });
      return { kind, channel };
    });
  });
}

/** Marks the caller's inbox entries read: by id, or all unread (optionally of one program and kind). */
export async function markAlertsRead(db: Db, ctx: RequestContext, input: unknown): Promise<{ marked: number }> {
  return auditRefusals(db, ctx, { action: 'alert.markRead', entityType: 'AlertDelivery' }, async () => {
    authorize(ctx.viewer, 'alert.receive');
    const data = validateInput(markAlertsReadSchema, input);
    const where: Prisma.AlertDeliveryWhereInput = { userId: ctx.viewer.id, readAt: null };
    if ('ids' in data) where.id = { in: data.ids };
    else where.alert = { ...(data.programSlug ? { program: { slug: data.programSlug } } : {}), ...(data.kind ? { kind: data.kind } : {}) };
    return writeTransaction(db, async (tx) => {
      const { count } = await tx.alertDelivery.updateMany({ where, data: { readAt: new Date() } });
      return { marked: count };
    });
  });
}

/**
 * The unsubscribe link of an alert mail: the kind it names goes back to the inbox only (IN_APP).
 * The link is signed for one person; signed in as anyone else, it is refused (NOT_FOUND, saying
 * nothing about whose it is).
 */
export async function unsubscribeAlertMail(db: Db, ctx: RequestContext, input: unknown, secret: string): Promise<ChannelResult> {
  return auditRefusals(db, ctx, { action: 'alert.unsubscribe', entityType: 'AlertPreference' }, async () => {
    authorize(ctx.viewer, 'alert.receive');
    const { token } = validateInput(unsubscribeSchema, input);
    const named = readUnsubscribeToken(secret, token);
    if (!named || named.userId !== ctx.viewer.id) throw new AppError('NOT_FOUND', 'unknown unsubscribe link');
    return setAlertChannel(db, ctx, { kind: named.kind, channel: 'IN_APP' });
  });
}
