/**
 * What a person may send about their own alerts: follow a program or not, the channel for a kind,
 * and which inbox entries to mark read. Strict objects, shared by the forms and the mutations.
 *
 * Limits: at most 200 ids per "mark read" (the inbox shows fewer); "all" marks every unread entry,
 * narrowed by the inbox's program and kind filters when given.
 */
import { z } from 'zod';
import { idSchema, programSlugSchema } from '../forms/fields';
import { ALERT_KINDS, DELIVERY_CHANNELS } from './types';

export const MARK_READ_MAX_IDS = 200;

export const alertKindSchema = z.enum(ALERT_KINDS, { error: 'invalid' });

export const followProgramSchema = z.strictObject({
  programSlug: programSlugSchema,
  following: z.boolean({ error: 'invalid' }),
});

export const alertChannelSchema = z.strictObject({
  kind: alertKindSchema,
  channel: z.enum(DELIVERY_CHANNELS, { error: 'invalid' }),
});

export const markAlertsReadSchema = z.union([
  z.strictObject({ ids: z.array(idSchema).min(1).max(MARK_READ_MAX_IDS) }),
  z.strictObject({ all: z.literal(true), programSlug: programSlugSchema.optional(), kind: alertKindSchema.optional() }),
]);

/** The token of an unsubscribe link (lib/alerts/mail.ts); checked by its signature, not its shape. */
export const unsubscribeSchema = z.strictObject({ token: z.string().min(1).max(200) });
