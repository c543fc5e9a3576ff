/**
 * `Idempotency-Key` on API writes: a retried request with the same key (same user, method, path and
 * body) gets the first answer again and writes nothing new; the same key with another request is
 * refused (422). The key is reserved in the database before the write runs (IdempotencyKey, unique
 * per user), so two app instances receiving the same retry at once run it once: the second sees the
 * reservation and answers 409 until the first has finished.
 *
 * Answers that depend on the moment rather than on the request (5xx, 429) are not stored: the key
 * is released and a retry runs again. Everything else, refusals included, is replayed. Keys are
 * kept for a day, then deleted by the scheduled purge (lib/ops/purge.ts).
 */
import crypto from 'node:crypto';
import type { Db } from '../db';
import { AppError } from '../errors';
import { invalidField } from '../forms/validate-input';
import type { Prisma } from '../generated/sqlite/client';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
const KEY_RE = /^[\x21-\x7e]{1,255}$/;
/** How long a key is remembered. */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A reservation older than this belongs to a request that died (crash, restart): a retry may take it over. */
export const STALE_RESERVATION_MS = 60 * 1000;
/** responseStatus of a reservation whose request is still running. */
const IN_PROGRESS = 0;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotentRequest {
  key: string;
  userId: string;
  method: string;
  path: string;
  /** The raw request body, hashed to recognise a different request under the same key. */
  body: string;
}

export function parseIdempotencyKey(value: string | null): string | null {
  if (value === null) return null;
  if (!KEY_RE.test(value)) {
    throw invalidField('Idempotency-Key', 'idempotencyKeyFormat');
  }
  return value;
}

function hashBody(body: string): string {
  return crypto.createHash('sha256').update(body, 'utf8').digest('hex');
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

const isStorable = (status: number) => status < 500 && status !== 429;

/**
 * Runs `work` once per key: the first call runs it and stores its answer, later ones replay that
 * answer (`replayed: true`). `work` returns the answer to send, errors included.
 */
export async function runIdempotent(
  db: Db,
  req: IdempotentRequest,
  work: () => Promise<StoredResponse>,
  now = new Date(),
): Promise<StoredResponse & { replayed: boolean }> {
  const requestHash = hashBody(req.body);
  const where = { key_userId: { key: req.key, userId: req.userId } };
  // This key's own expired row, if the scheduled purge has not reached it yet: it must not replay.
  await db.idempotencyKey.deleteMany({ where: { key: req.key, userId: req.userId, createdAt: { lt: new Date(now.getTime() - KEY_TTL_MS) } } });

  let reserved = false;
  try {
    await db.idempotencyKey.create({
      data: { key: req.key, userId: req.userId, method: req.method, path: req.path, requestHash, responseStatus: IN_PROGRESS, responseBody: {}, createdAt: now },
    });
    reserved = true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }

  if (!reserved) {
    const existing = await db.idempotencyKey.findUnique({ where });
    if (!existing) throw new AppError('CONFLICT', 'a request with this Idempotency-Key is in progress; retry shortly');
    if (existing.method !== req.method || existing.path !== req.path || existing.requestHash !== requestHash) {
      throw invalidField('Idempotency-Key', 'idempotencyKeyReused');
    }
    if (existing.responseStatus !== IN_PROGRESS) {
      return { status: existing.responseStatus, body: existing.responseBody, replayed: true };
    }
    if (now.getTime() - existing.createdAt.getTime() < STALE_RESERVATION_MS) {
      throw new AppError('CONFLICT', 'a request with this Idempotency-Key is in progress; retry shortly');
    }
    // Take over a dead request's reservation; only one taker wins the conditional update. A write
    // the dead request may have made is caught by the version check, never applied twice.
    const { count } = await db.idempotencyKey.updateMany({
      where: { id: existing.id, responseStatus: IN_PROGRESS, createdAt: existing.createdAt },
      data: { createdAt: now },
    });
    if (count === 0) throw new AppError('CONFLICT', 'a request with this Idempotency-Key is in progress; retry shortly');
  }

  let result: StoredResponse;
  try {
    result = await work();
  } catch (error) {
    await db.idempotencyKey.deleteMany({ where: { key: req.key, userId: req.userId, responseStatus: IN_PROGRESS } });
    throw error;
  }
  if (isStorable(result.status)) {
    await db.idempotencyKey.update({
      where,
      data: { responseStatus: result.status, responseBody: JSON.parse(JSON.stringify(result.body)) as Prisma.InputJsonValue },
    });
  } else {
    await db.idempotencyKey.deleteMany({ where: { key: req.key, userId: req.userId, responseStatus: IN_PROGRESS } });
  }
  return { ...result, replayed: false };
}

/** Deletes keys past their day; safe to run at any time and from several instances at once. */
export async function purgeExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEY_TTL_MS) } } });
  return count;
}
