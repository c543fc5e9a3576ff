/**
 * Password hashing with argon2id. Used by sign-in, the user mutations and the CLI, so it has no
 * 'server-only' import; it never logs or returns a password. The policy is in password-policy.ts.
 */
import { hash, verify } from '@node-rs/argon2';
import { processWide } from '../ops/process-wide';
import { createSemaphore, type Semaphore } from '../ops/semaphore';

/** argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum profile). */
const ARGON2ID = 2; // Algorithm.Argon2id; the enum is `const` and cannot be imported under isolatedModules.

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** False for a wrong password and for a malformed hash (never throws for those). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as checking a real password, for sign-in attempts with an unknown email,
 * so response time does not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('hutong-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/**
 * The bound on sign-in password checks in this process. argon2 runs on libuv's 4 worker threads;
 * two at a time leave cores and threads for serving pages, and a short queue absorbs a morning's
 * burst of real sign-ins. Beyond that, sign-in answers "try again shortly" at once.
 */
export function passwordChecks(): Semaphore {
  return processWide('passwordChecks', () => createSemaphore({ limit: 2, maxWaiting: 16 }));
}
