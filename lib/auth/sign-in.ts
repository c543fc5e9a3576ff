/**
 * Password sign-in, without next-auth: next-auth's `authorize` (lib/auth/options.ts) calls this and
 * only turns the result into a session. Kept free of 'server-only' and Next imports so it is tested
 * against a real database.
 *
 * - One answer for an unknown email, a wrong password and a disabled account, with the same work
 *   done (an argon2 verification) in every case, so neither the message nor the timing tells
 *   whether an account exists.
 * - Rate limited per account (the email as typed, known or not) and per client IP. The attempt is
 *   counted before the password is checked, so parallel guesses cannot slip past the limit; a
 *   successful sign-in gives its attempt back and clears the account's count.
 * - Every failure, every rate-limited attempt and every success goes to the audit trail; the
 *   password never does.
 */
import type { Db } from '../db';
import { auditChange, auditDenied } from '../audit/write';
import { verifyAgainstDummy, verifyPassword } from './password';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import { SIGN_IN_ACCOUNT_LIMIT, SIGN_IN_IP_LIMIT, consume, refund, resetRateLimit } from './rate-limit';
import type { Viewer } from './viewer';

export interface SignInInput {
  email: unknown;
  password: unknown;
  ip: string | null;
}

export type SignInResult =
  | { ok: true; viewer: Viewer; sessionVersion: number }
  | { ok: false; reason: 'INVALID_CREDENTIALS' }
  | { ok: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number };

/** Why a sign-in failed, for the audit trail only (the user always sees the same message). */
type FailureCause = 'unknownEmail' | 'wrongPassword' | 'disabled' | 'malformed';

export const SIGN_IN_ACTION = 'auth.signIn';

const MAX_EMAIL_LENGTH = 254;

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

export function signInRateLimitKeys(email: string, ip: string | null): { account: string; ip: string } {
  return { account: `login:email:${email}`, ip: `login:ip:${ip ?? 'unknown'}` };
}

export async function signInWithPassword(db: Db, input: SignInInput, now = new Date()): Promise<SignInResult> {
  const email = typeof input.email === 'string' ? normaliseEmail(input.email).slice(0, MAX_EMAIL_LENGTH) : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const keys = signInRateLimitKeys(email, input.ip);
  const attempt = { viewer: null, ip: input.ip };

  const account = await consume(db, keys.account, SIGN_IN_ACCOUNT_LIMIT, now);
  const perIp = await consume(db, keys.ip, SIGN_IN_IP_LIMIT, now);
  if (!account.allowed || !perIp.allowed) {
    await auditDenied(db, attempt, {
      action: SIGN_IN_ACTION,
      reason: 'RATE_LIMITED',
      entityType: 'User',
      after: { email, limitedBy: account.allowed ? 'ip' : 'account' },
    });
    return { ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: Math.max(account.retryAfterSeconds, perIp.retryAfterSeconds) };
  }

  const fail = async (cause: FailureCause, userId?: string): Promise<SignInResult> => {
    await auditDenied(db, attempt, {
      action: SIGN_IN_ACTION,
      reason: 'UNAUTHENTICATED',
      entityType: 'User',
      entityId: userId,
      after: { email, cause },
    });
    return { ok: false, reason: 'INVALID_CREDENTIALS' };
  };

  // An over-long password can never be right (the policy caps it) and is not worth hashing.
  if (!email || !password || [...password].length > PASSWORD_MAX_LENGTH) {
    await verifyAgainstDummy('');
    return fail('malformed');
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      institutionCode: true,
      passwordHash: true,
      disabled: true,
      sessionVersion: true,
    },
  });
  if (!user) {
    await verifyAgainstDummy(password);
    return fail('unknownEmail');
  }
  if (!(await verifyPassword(user.passwordHash, password))) return fail('wrongPassword', user.id);
  // Checked after the password, so a disabled account answers exactly like a wrong password.
  if (user.disabled) return fail('disabled', user.id);

  const viewer: Viewer = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    institutionCode: user.institutionCode,
  };
  await resetRateLimit(db, keys.account);
  await refund(db, keys.ip, now);
  await auditChange(db, { viewer, ip: input.ip }, { action: SIGN_IN_ACTION, entityType: 'User', entityId: user.id });
  return { ok: true, viewer, sessionVersion: user.sessionVersion };
}
