/**
 * API token material. A token is `hut_` plus 32 random bytes (base64url): long enough that guessing
 * is hopeless, recognisable in logs and secret scanners by its prefix. Only its SHA-256 (hex) is
 * stored; the token itself is shown once, when it is created. Browser-unsafe (node:crypto).
 */
import crypto from 'node:crypto';

export const TOKEN_PREFIX = 'hut_';
/** Characters of the token kept in clear (ApiToken.prefix), so people can tell tokens apart. */
export const SHOWN_PREFIX_LENGTH = 8;

const TOKEN_RE = /^hut_[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of the whole token: the lookup key. A fast hash is right here: the token is random, not a password. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before touching the database: anything else is refused without a lookup. */
export function isWellFormedToken(value: string): boolean {
  return TOKEN_RE.test(value);
}

export function shownPrefix(token: string): string {
  return token.slice(0, SHOWN_PREFIX_LENGTH);
}
