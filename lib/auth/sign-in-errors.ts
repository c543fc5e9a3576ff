/**
 * What a failed sign-in tells the browser. next-auth passes an error thrown by `authorize` to the
 * client as a string, so the codes are shared here (no server imports). A wrong password and an
 * unknown email both come back as next-auth's own "CredentialsSignin": one message for both.
 */

export const RATE_LIMITED_ERROR = 'RateLimited';
export const SERVER_ERROR = 'ServerError';
/** Too many sign-ins being checked at this moment: try again in a few seconds. */
export const BUSY_ERROR = 'Busy';

export type SignInFailure =
  | { kind: 'invalid' }
  | { kind: 'rateLimited'; retryAfterMinutes: number }
  | { kind: 'server'; errorId: string | null }
  | { kind: 'busy' };

export function rateLimitedError(retryAfterSeconds: number): string {
  return `${RATE_LIMITED_ERROR}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

export function serverError(errorId: string): string {
  return `${SERVER_ERROR}:${errorId}`;
}

/** Reads next-auth's `error` string back into something the form can show. */
export function parseSignInError(error: string): SignInFailure {
  const [code, detail] = error.split(':', 2);
  if (code === RATE_LIMITED_ERROR) {
    const seconds = Number(detail);
    return { kind: 'rateLimited', retryAfterMinutes: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15 };
  }
  if (code === BUSY_ERROR) return { kind: 'busy' };
  if (code === SERVER_ERROR) return { kind: 'server', errorId: detail && /^[0-9a-f]{1,32}$/.test(detail) ? detail : null };
  return { kind: 'invalid' };
}
