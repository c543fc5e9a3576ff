/**
 * The summary archive as JSON files, for as long as the database has no WeeklySummary model
 * (see archive.ts). One file per (week, scope) and per delivery:
 *
 *   <dir>/weeks/2021-W39/_all.json              the summary across programs
 *   <dir>/weeks/2021-W39/alipay-bank-apps.json  one program
 *   <dir>/deliveries/2021-W39/_all/<sha256 of the address>.json
 *
 * Create-if-absent is atomic: the content goes to a temporary file which is then hard-linked to
 * its final name, and link() fails when the name exists, so two writers of one week never both
 * win and a reader never sees half a file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveEntry, DeliveryKey, DeliveryRecord, SummaryArchive } from './archive';
import { isIsoWeekId } from './iso-week';
import { ALL_PROGRAMS_SCOPE, type StoredSummary } from './types';

const SLUG_RE = /^[a-z0-9][a-z0-9-]{1,63}$/;

function scopeFile(scope: string): string {
  if (scope === ALL_PROGRAMS_SCOPE) return '_all';
  // Scopes are program slugs; anything else must never become a path.
  if (!SLUG_RE.test(scope)) throw new RangeError(`not a program slug: ${scope}`);
  return scope;
}

function scopeOfFile(name: string): string {
  return name === '_all' ? ALL_PROGRAMS_SCOPE : name;
}

function checkWeek(week: string): string {
  if (!isIsoWeekId(week)) throw new RangeError(`not an ISO week: ${week}`);
  return week;
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === code;
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/** Writes `value` to `file` unless it exists; true when this call created it. */
async function createExclusive(file: string, value: unknown): Promise<boolean> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(value)}\n`, { flag: 'wx' });
  try {
    await fs.link(temp, file);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Replaces `file` atomically (rename over it). */
async function replaceFile(file: string, value: unknown): Promise<void> {
  const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(value)}\n`, { flag: 'wx' });
  await fs.rename(temp, file);
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return [];
    throw error;
  }
}

export function createFileSummaryArchive(dir: string): SummaryArchive {
  const weekFile = (week: string, scope: string) => path.join(dir, 'weeks', checkWeek(week), `${scopeFile(scope)}.json`);
  const deliveryFile = (key: DeliveryKey) =>
    path.join(
      dir,
      'deliveries',
      checkWeek(key.week),
      scopeFile(key.scope),
      `${crypto.createHash('sha256').update(key.recipient).digest('hex').slice(0, 40)}.json`,
    );

  const find = async (week: string, scope: string) => readJson<StoredSummary>(weekFile(week, scope));

  return {
    kind: 'file',
    find,
    async insertIfAbsent(record) {
      const file = weekFile(record.week, record.scope);
      const created = await createExclusive(file, record);
      const stored = await readJson<StoredSummary>(file);
      if (!stored) throw new Error(`summary archive: ${file} vanished after it was written`);
      return { stored, created };
    },
    async list(options = {}) {
      const entries: ArchiveEntry[] = [];
      for (const week of (await listDir(path.join(dir, 'weeks'))).filter(isIsoWeekId)) {
        for (const name of await listDir(path.join(dir, 'weeks', week))) {
          if (!name.endsWith('.json')) continue;
          const scope = scopeOfFile(name.slice(0, -'.json'.length));
          if (options.scope && options.scope !== scope) continue;
          const stored = await find(week, scope);
          if (stored) entries.push({ week, scope, generatedAt: stored.generatedAt, generatorVersion: stored.generatorVersion });
        }
      }
      return entries.sort((a, b) => b.week.localeCompare(a.week) || a.scope.localeCompare(b.scope));
    },
    async claimDelivery(key, locale) {
      const record: DeliveryRecord = { ...key, locale, claimedAt: new Date().toISOString(), sentAt: null, transport: null, messageId: null };
      return createExclusive(deliveryFile(key), record);
    },
    async markDelivered(key, result) {
      const file = deliveryFile(key);
      const current = await readJson<DeliveryRecord>(file);
      if (!current) throw new Error(`no claimed delivery for ${key.week} ${key.scope}`);
      await replaceFile(file, { ...current, sentAt: new Date().toISOString(), transport: result.transport, messageId: result.messageId });
    },
    async releaseDelivery(key) {
      const file = deliveryFile(key);
      const current = await readJson<DeliveryRecord>(file);
      if (current && current.sentAt === null) await fs.rm(file, { force: true });
    },
    async listDeliveries(week, scope) {
      const folder = path.join(dir, 'deliveries', checkWeek(week), scopeFile(scope));
      const records: DeliveryRecord[] = [];
      for (const name of await listDir(folder)) {
        if (!name.endsWith('.json')) continue;
        const record = await readJson<DeliveryRecord>(path.join(folder, name));
        if (record) records.push(record);
      }
      return records.sort((a, b) => a.recipient.localeCompare(b.recipient));
    },
  };
}
