/**
 * The password policy (OWASP ASVS 5.0 / NIST SP 800-63B): 8 to 128 characters, any characters, no
 * composition rules, never truncated, and a short blocklist of common passwords. Length counts
 * Unicode code points, so "密码" is 2 characters, not 6 bytes. Browser-safe (no hashing here:
 * that is lib/auth/password.ts).
 */
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Why a password is refused; an issue code, described under `validation` in the message files. */
export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon';

const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/** Null when the password is acceptable. */
export function checkPasswordPolicy(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'passwordTooLong';
  if (COMMON.has(password.toLowerCase())) return 'passwordCommon';
  return null;
}
