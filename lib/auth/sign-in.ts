/**
 * Password sign-in, without next-auth: next-auth's `authorize` (lib/auth/options.ts) calls this and
 * only turns the result into a session. Kept free of 'server-only' and Next imports so it is tested
 * against a real database.
 *
 * - One answer for an unknown email, a wrong password and a disabled account, with the same work
 *   done (an argon2 verification) in every case, so neither the message nor the timing tells
 *   whether an account exists.
 * - Rate limited per client IP and per account (the email as typed, known or not). The attempt is
 *   counted before the password is checked, so parallel guesses cannot slip past the limit; a
 *   successful sign-in gives its attempt back and clears the account's count.
 * - At most a few attempts run at once in this process, and a few more wait (passwordChecks); an
 *   attempt beyond them is answered BUSY at once, uncounted, so a flood cannot starve the server.
 * - Every failure and every success goes to the audit trail; of the rate-limited attempts only the
 *   first of each window, and the window's count when it ends, so refusals cannot grow the table
 *   without bound. The password never goes there, nor an email that matches no account: that is
 *   stored as a keyed hash (people type passwords into the email field), which still correlates
 *   attempts.
 */
import crypto from 'node:crypto';
import type { Db } from '../db';
import { auditChange, auditDenied } from '../audit/write';
import { getEnv } from '../env';
import { BUSY } from '../ops/semaphore';
import { passwordChecks, verifyAgainstDummy, verifyPassword } from './password';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import {
  SIGN_IN_ACCOUNT_LIMIT,
  SIGN_IN_IP_LIMIT,
  consume,
  refund,
  resetRateLimit,
  type ClosedWindow,
  type ClosedWindowReport,
  type RateLimitResult,
  type RateLimitRule,
} from './rate-limit';
import { VIEWER_SELECT, type Viewer } from './viewer';

export interface SignInInput {
  email: unknown;
  password: unknown;
  ip: string | null;
}

export type SignInResult =
  | { ok: true; viewer: Viewer; sessionVersion: number }
  | { ok: false; reason: 'INVALID_CREDENTIALS' }
  | { ok: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number }
  | { ok: false; reason: 'BUSY'; retryAfterSeconds: number };

/** What a BUSY answer suggests: password checks take tens of milliseconds each. */
const BUSY_RETRY_SECONDS = 2;

/** Why a sign-in failed, for the audit trail only (the user always sees the same message). */
type FailureCause = 'unknownEmail' | 'wrongPassword' | 'disabled' | 'malformed';

export const SIGN_IN_ACTION = 'auth.signIn';

const MAX_EMAIL_LENGTH = 254;

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

let emailHashKey: Buffer | undefined;

/**
 * A keyed hash of what was typed as the email, for the audit trail and the rate-limit key: equal
 * inputs give equal hashes (attempts correlate), but the table never holds the text. The key is
 * derived from AUTH_SECRET; without one (tests, tools) it is random per process.
 */
export function hashTypedEmail(email: string): string {
  const secret = getEnv().authSecret;
  emailHashKey ??= secret
    ? Buffer.from(crypto.hkdfSync('sha256', secret, 'hutong', 'audit: typed sign-in email', 32))
    : crypto.randomBytes(32);
  return crypto.createHmac('sha256', emailHashKey).update(email, 'utf8').digest('hex').slice(0, 32);
}

const ACCOUNT_KEY_PREFIX = 'login:email:';
const IP_KEY_PREFIX = 'login:ip:';

export function signInRateLimitKeys(email: string, ip: string | null): { account: string; ip: string } {
  return { account: `${ACCOUNT_KEY_PREFIX}${hashTypedEmail(email)}`, ip: `${IP_KEY_PREFIX}${ip ?? 'unknown'}` };
}

type LimitedBy = 'ip' | 'account';

function limitOfKey(key: string): { limitedBy: LimitedBy; rule: RateLimitRule } | null {
  if (key.startsWith(IP_KEY_PREFIX)) return { limitedBy: 'ip', rule: SIGN_IN_IP_LIMIT };
  if (key.startsWith(ACCOUNT_KEY_PREFIX)) return { limitedBy: 'account', rule: SIGN_IN_ACCOUNT_LIMIT };
  return null;
}

/** Who the refusals of a rate-limit key were about, in audit terms. */
function refusedParty(key: string, limitedBy: LimitedBy) {
  return limitedBy === 'ip'
    ? { ip: key.slice(IP_KEY_PREFIX.length) === 'unknown' ? null : key.slice(IP_KEY_PREFIX.length), after: { limitedBy } }
    : { ip: null, after: { limitedBy, emailHash: key.slice(ACCOUNT_KEY_PREFIX.length) } };
}

/**
 * The audit row that closes a window with refusals: how many attempts it refused. Written by the
 * attempt that starts the next window, or by the purge job for a window nobody reopened.
 */
export async function auditClosedSignInWindow(db: Db, window: ClosedWindow): Promise<void> {
  const limit = limitOfKey(window.key);
  if (!limit || window.points <= limit.rule.points) return;
  const party = refusedParty(window.key, limit.limitedBy);
  await auditDenied(db, { viewer: null, ip: party.ip }, {
    action: SIGN_IN_ACTION,
    reason: 'RATE_LIMITED',
    entityType: 'User',
    after: {
      ...party.after,
      refused: window.points - limit.rule.points,
      windowStart: window.windowStart.toISOString(),
      windowEnd: window.expiresAt.toISOString(),
    },
  });
}

/** For the purge job: which ended sign-in windows have a refusal count to audit. */
export const SIGN_IN_CLOSED_WINDOWS = {
  prefix: 'login:',
  abovePoints: Math.min(SIGN_IN_ACCOUNT_LIMIT.points, SIGN_IN_IP_LIMIT.points),
} as const satisfies Omit<ClosedWindowReport, 'onClosed'>;

async function consumeAndClose(db: Db, key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult> {
  const result = await consume(db, key, rule, now);
  if (result.closedWindow) await auditClosedSignInWindow(db, result.closedWindow);
  return result;
}

export async function signInWithPassword(db: Db, input: SignInInput, now = new Date()): Promise<SignInResult> {
  // The whole attempt takes a slot, so a refused flood costs no database work either.
  const result = await passwordChecks().tryRun(() => attemptSignIn(db, input, now));
  return result === BUSY ? { ok: false, reason: 'BUSY', retryAfterSeconds: BUSY_RETRY_SECONDS } : result;
}

async function attemptSignIn(db: Db, input: SignInInput, now: Date): Promise<SignInResult> {
  const email = typeof input.email === 'string' ? normaliseEmail(input.email).slice(0, MAX_EMAIL_LENGTH) : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const keys = signInRateLimitKeys(email, input.ip);
  const attempt = { viewer: null, ip: input.ip };

  // The IP first: once it is over its limit, a flood of invented emails adds no account rows.
  const perIp = await consumeAndClose(db, keys.ip, SIGN_IN_IP_LIMIT, now);
  const account = perIp.allowed ? await consumeAndClose(db, keys.account, SIGN_IN_ACCOUNT_LIMIT, now) : null;
  if (!perIp.allowed || !account?.allowed) {
    const limitedBy: LimitedBy = perIp.allowed ? 'account' : 'ip';
    const refusing = limitedBy === 'ip' ? perIp : account!;
    const rule = limitedBy === 'ip' ? SIGN_IN_IP_LIMIT : SIGN_IN_ACCOUNT_LIMIT;
    // Only the window's first refusal is written; later ones are counted in the bucket and
    // audited as one number when the window ends (auditClosedSignInWindow).
    if (refusing.count === rule.points + 1) {
      await auditDenied(db, attempt, {
        action: SIGN_IN_ACTION,
        reason: 'RATE_LIMITED',
        entityType: 'User',
        after: { emailHash: hashTypedEmail(email), limitedBy, refused: 1, windowEnd: refusing.windowEndsAt.toISOString() },
      });
    }
    return { ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: refusing.retryAfterSeconds };
  }

  const checked = await checkPassword(db, email, password, attempt);
  if (!checked.ok) return checked;
  await resetRateLimit(db, keys.account);
  await refund(db, keys.ip, now);
  await auditChange(db, { viewer: checked.viewer, ip: input.ip }, { action: SIGN_IN_ACTION, entityType: 'User', entityId: checked.viewer.id });
  return checked;
}

async function checkPassword(
  db: Db,
  email: string,
  password: string,
  attempt: { viewer: null; ip: string | null },
): Promise<SignInResult & ({ ok: true } | { reason: 'INVALID_CREDENTIALS' })> {
  const fail = async (cause: FailureCause, user?: { id: string; email: string }) => {
    await auditDenied(db, attempt, {
      action: SIGN_IN_ACTION,
      reason: 'UNAUTHENTICATED',
      entityType: 'User',
      entityId: user?.id,
      // An account's own address is no secret; anything else typed there might be.
      after: user ? { email: user.email, cause } : { emailHash: hashTypedEmail(email), cause },
    });
    return { ok: false, reason: 'INVALID_CREDENTIALS' } as const;
  };

  // An over-long password can never be right (the policy caps it) and is not worth hashing.
  if (!email || !password || [...password].length > PASSWORD_MAX_LENGTH) {
    await verifyAgainstDummy('');
    return fail('malformed');
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { ...VIEWER_SELECT, passwordHash: true, disabled: true, sessionVersion: true },
  });
  if (!user) {
    await verifyAgainstDummy(password);
    return fail('unknownEmail');
  }
  if (!(await verifyPassword(user.passwordHash, password))) return fail('wrongPassword', user);
  // Checked after the password, so a disabled account answers exactly like a wrong password.
  if (user.disabled) return fail('disabled', user);

  const viewer: Viewer = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    institutionCode: user.institutionCode,
  };
  return { ok: true, viewer, sessionVersion: user.sessionVersion };
}
