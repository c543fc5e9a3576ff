/**
 * Where the server listens. A demo install (the zero-configuration SQLite file, or HUTONG_DEMO)
 * seeds users whose password is printed in the README, so by default it listens on loopback only;
 * any install refuses a non-loopback address while one of those users still has that password.
 * Used by scripts/start.ts; no 'server-only' so the start script and its tests can import it.
 */
import net from 'node:net';
import type { Db } from '../db';
import { verifyPassword } from '../auth/password';

/** Printed in the README for the demo when SEED_DEMO_PASSWORD is not set. */
export const DEFAULT_DEMO_PASSWORD = 'Hutong-Demo-2021';
export const DEMO_EMAIL_DOMAIN = '@hutong.test';
export const LOOPBACK_HOST = '127.0.0.1';
/** What a non-demo install listens on when HOST is unset (every interface, as `next start` does). */
export const ALL_INTERFACES = '0.0.0.0';

export function isLoopbackHost(host: string): boolean {
  const value = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (value === 'localhost' || value === '::1') return true;
  return net.isIPv4(value) && value.startsWith('127.');
}

/** HOST when given, else loopback for a demo install and every interface otherwise. */
export function listenHostFor(demo: boolean, host: string | undefined): string {
  return host ?? (demo ? LOOPBACK_HOST : ALL_INTERFACES);
}

export type ListenDecision = { ok: true; host: string } | { ok: false; message: string };

export function decideListenHost(input: {
  demo: boolean;
  host: string | undefined;
  /** Demo users (DEMO_EMAIL_DOMAIN) whose password is still DEFAULT_DEMO_PASSWORD. */
  usersWithDefaultPassword: string[];
}): ListenDecision {
  const host = listenHostFor(input.demo, input.host);
  if (isLoopbackHost(host) || input.usersWithDefaultPassword.length === 0) return { ok: true, host };
  return {
    ok: false,
    message:
      `refusing to listen on ${host}: ${input.usersWithDefaultPassword.join(', ')} still use the published demo password; ` +
      'change it (npm run cli -- user reset-password --email <email> --password -), disable those users, or start with HOST=127.0.0.1.',
  };
}

/** The demo users that still have the published password (one argon2 check each; a handful of users). */
export async function listUsersWithDefaultPassword(db: Db): Promise<string[]> {
  const users = await db.user.findMany({
    where: { email: { endsWith: DEMO_EMAIL_DOMAIN }, disabled: false },
    select: { email: true, passwordHash: true },
    orderBy: { email: 'asc' },
  });
  const matches: string[] = [];
  for (const u of users) if (await verifyPassword(u.passwordHash, DEFAULT_DEMO_PASSWORD)) matches.push(u.email);
  return matches;
}
