/**
 * What the token forms, their Server Actions and the CLI may send to the token mutations. Strict
 * objects; messages are issue codes, described under `validation` (lib/forms/validation.ts). Browser-safe.
 */
import { z } from 'zod';
import { idSchema } from '../forms/fields';

export const MAX_TOKEN_NAME_LENGTH = 100;
/** Longest expiry a new token may have: ten years. */
export const MAX_TOKEN_EXPIRY_DAYS = 3650;

export const createTokenSchema = z.strictObject({
  userId: idSchema,
  name: z.string().trim().min(1).max(MAX_TOKEN_NAME_LENGTH),
  /** Days until the token stops working; missing or null: it never expires. */
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_EXPIRY_DAYS).nullable().optional(),
});

export const tokenIdSchema = z.strictObject({ tokenId: idSchema });
export const userTokensSchema = z.strictObject({ userId: idSchema });
