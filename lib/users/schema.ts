/**
 * What the user forms, their Server Actions, the CLI and (later) the API may send to the user
 * mutations. Strict objects: an unknown field (`sessionVersion`, `passwordHash`, `disabled`) is
 * refused, never written. Error messages are issue codes, described under `validation` in the
 * message files (see lib/forms/validation.ts). Browser-safe: no server imports.
 */
import { z } from 'zod';
import { checkPasswordPolicy } from '../auth/password-policy';
import { idSchema } from '../forms/fields';

export const ROLES = ['ADMIN', 'PROGRAM_MANAGER', 'PARTNER', 'EXECUTIVE'] as const;
export type UserRole = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES, { error: 'roleInvalid' });

export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 100;
/** Institution codes are short ("ICBC", "MIPAY"); anything longer is a typo or an attack. */
const MAX_INSTITUTION_CODE_LENGTH = 32;

/** Trimmed and lower-cased, so "Li.Jing@Bank.cn " and "li.jing@bank.cn" are one account. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'emailInvalid' }).max(MAX_EMAIL_LENGTH));

/** The password policy of lib/auth/password.ts: 8-128 characters, not a common password. */
export const passwordSchema = z.string().superRefine((value, ctx) => {
  const problem = checkPasswordPolicy(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Missing, null or blank mean "no institution". */
const institutionCodeSchema = z
  .union([z.null(), z.string().trim().toUpperCase().max(MAX_INSTITUTION_CODE_LENGTH)])
  .optional()
  .transform((v) => (v ? v : null));

/** Partners act for exactly one institution; other roles act for none. */
function checkInstitutionForRole(value: { role: UserRole; institutionCode: string | null }, ctx: z.RefinementCtx): void {
  if (value.role === 'PARTNER' && !value.institutionCode) {
    ctx.addIssue({ code: 'custom', path: ['institutionCode'], message: 'institutionRequired' });
  }
  if (value.role !== 'PARTNER' && value.institutionCode) {
    ctx.addIssue({ code: 'custom', path: ['institutionCode'], message: 'institutionNotAllowed' });
  }
}

export const createUserSchema = z
  .strictObject({
    email: emailSchema,
    /** Display name; blank means "use the part of the email before @". */
    name: z
      .union([z.null(), z.string().trim().max(MAX_NAME_LENGTH)])
      .optional()
      .transform((v) => (v ? v : null)),
    role: roleSchema,
    institutionCode: institutionCodeSchema,
    password: passwordSchema,
  })
  .superRefine(checkInstitutionForRole);
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserRoleSchema = z
  .strictObject({
    userId: idSchema,
    role: roleSchema,
    institutionCode: institutionCodeSchema,
  })
  .superRefine(checkInstitutionForRole);

export const userIdSchema = z.strictObject({ userId: idSchema });

export const resetPasswordSchema = z.strictObject({ userId: idSchema, password: passwordSchema });
