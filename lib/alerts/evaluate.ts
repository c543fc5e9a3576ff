/**
 * The alert evaluation: reads the domain events after its cursor and the daily state of every
 * program, applies the rules (lib/alerts/rules.ts) and stores each alert with one delivery per
 * person who hears of it (lib/alerts/audience.ts), all in one transaction with the cursor's move.
 *
 * Safe with several app instances: every evaluation first updates the "events" cursor row, so on
 * PostgreSQL a second instance waits for the first to commit and then finds the events evaluated
 * (SQLite writes one transaction at a time). Alerts are also unique by their transition key and
 * deliveries by (alert, person), so a transition never alerts twice nor reaches anyone twice.
 */
import 'server-only';
import type { Db, Tx } from '../db';
import type { Prisma } from '../generated/sqlite/client';
import type { AlertKind, DeliveryChannel } from '../generated/sqlite/enums';
import { announceOnCommit, writeTransaction } from '../db/write-transaction';
import { getProjection } from '../coverage/series';
import type { Health } from '../coverage/projection';
import { assessRowStaleness, isRolloutComplete } from '../institutions/staleness';
import { todayInShanghai } from '../time';
import { deliveryFor, type Listener } from './audience';
import { alertFromEvent, healthAlert, mayMoveHealth, staleAlert } from './rules';
import type { AlertCandidate } from './types';

const EVENTS = 'events';
const DAILY = 'daily';
const DEFAULT_BATCH = 500;

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Updates a cursor row, which waits for (and then follows) any other instance's evaluation. */
function takeTurn(tx: Tx, name: string) {
  return tx.alertCursor.upsert({ where: { name }, create: { name, runs: 1 }, update: { runs: { increment: 1 } } });
}

async function loadListeners(tx: Tx): Promise<Listener[]> {
  const users = await tx.user.findMany({
    where: { disabled: false },
    select: {
      id: true,
      role: true,
      institutionCode: true,
      programFollows: { select: { programId: true, following: true } },
      alertPreferences: { select: { kind: true, channel: true } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    role: u.role,
    institutionCode: u.institutionCode,
    follows: new Map(u.programFollows.map((f) => [f.programId, f.following])),
    channels: new Map<AlertKind, DeliveryChannel>(u.alertPreferences.map((p) => [p.kind, p.channel])),
  }));
}

/** Stores the alerts not stored yet, each with its deliveries; returns how many it stored. */
async function saveAlerts(tx: Tx, candidates: AlertCandidate[], listeners: Listener[]): Promise<number> {
  let stored = 0;
  for (const c of candidates) {
    if (await tx.alert.findUnique({ where: { dedupeKey: c.dedupeKey }, select: { id: true } })) continue;
    const alert = await tx.alert.create({ data: { ...c, payload: toJson(c.payload) }, select: { id: true } });
    const deliveries = listeners.flatMap((l) => {
      const channel = deliveryFor(l, c);
      return channel ? [{ alertId: alert.id, userId: l.id, channel }] : [];
    });
    if (deliveries.length > 0) {
      await tx.alertDelivery.createMany({ data: deliveries });
      // Open bells on every instance look for their new entries.
      announceOnCommit(tx);
    }
    stored += 1;
  }
  return stored;
}

/** Health of each program today against the last one seen; remembers the new one. */
async function checkHealth(tx: Tx, programIds: string[], trigger: string, now: Date): Promise<AlertCandidate[]> {
  const asOf = todayInShanghai(now);
  const out: AlertCandidate[] = [];
  for (const programId of programIds) {
    const program = await tx.program.findUnique({ where: { id: programId }, select: { slug: true } });
    if (!program) continue;
    // The transaction client reads like the client itself (getProjection takes the wider type).
    const projection = await getProjection(tx as unknown as Db, program.slug, asOf);
    if (!projection) continue;
    const state = await tx.programHealthState.findUnique({ where: { programId } });
    const alert = healthAlert({ programId, programSlug: program.slug, previous: (state?.health as Health | undefined) ?? null, projection, trigger, effectiveAt: now });
    if (alert) out.push(alert);
    if (state?.health !== projection.health || state.asOf !== asOf) {
      await tx.programHealthState.upsert({
        where: { programId },
        create: { programId, health: projection.health, asOf },
        update: { health: projection.health, asOf },
      });
    }
  }
  return out;
}

export interface EventEvaluation {
  /** Events evaluated. */
  events: number;
  /** Alerts stored. */
  alerts: number;
}

/** Evaluates up to `batch` events after the cursor, in one transaction. */
export async function evaluateEventAlerts(db: Db, { now = new Date(), batch = DEFAULT_BATCH }: { now?: Date; batch?: number } = {}): Promise<EventEvaluation> {
  return writeTransaction(db, async (tx) => {
    const cursor = await takeTurn(tx, EVENTS);
    const events = await tx.domainEvent.findMany({ where: { id: { gt: cursor.lastEventId } }, orderBy: { id: 'asc' }, take: batch });
    const last = events.at(-1);
    if (!last) return { events: 0, alerts: 0 };
    const candidates = events.flatMap((e) => alertFromEvent(e) ?? []);
    const touched = [...new Set(events.filter((e) => mayMoveHealth(e.kind)).map((e) => e.programId))];
    candidates.push(...(await checkHealth(tx, touched, `event:${last.id}`, now)));
    const alerts = await saveAlerts(tx, candidates, await loadListeners(tx));
    await tx.alertCursor.update({ where: { name: EVENTS }, data: { lastEventId: last.id } });
    return { events: events.length, alerts };
  });
}

/** Evaluates batches until no event is left. */
export async function drainEventAlerts(db: Db, options: { now?: Date; batch?: number } = {}): Promise<EventEvaluation> {
  const total = { events: 0, alerts: 0 };
  for (;;) {
    const step = await evaluateEventAlerts(db, options);
    total.events += step.events;
    total.alerts += step.alerts;
    if (step.events < (options.batch ?? DEFAULT_BATCH)) return total;
  }
}

export interface DailyEvaluation {
  /** False when this Shanghai day was already evaluated (by this or another instance). */
  ran: boolean;
  alerts: number;
}

/**
 * Once per Shanghai day: stale partner reports, and every program's health (time alone moves a
 * projection). Shares the "events" turn, so it never races the event evaluation on health.
 */
export async function evaluateDailyAlerts(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<DailyEvaluation> {
  return writeTransaction(db, async (tx) => {
    await takeTurn(tx, EVENTS);
    const daily = await takeTurn(tx, DAILY);
    const today = todayInShanghai(now);
    if (daily.lastDay === today) return { ran: false, alerts: 0 };
    const programs = await tx.program.findMany({ select: { id: true, slug: true, unit: true, staleAfterDays: true }, orderBy: { sortOrder: 'asc' } });
    const candidates: AlertCandidate[] = [];
    for (const p of programs.filter((x) => x.unit === 'INSTITUTION')) {
      const rows = await tx.institutionStatus.findMany({
        where: { programId: p.id },
        select: { institutionCode: true, status: true, version: true, lastConfirmedAt: true },
        orderBy: { institutionCode: 'asc' },
      });
      const context = { staleAfterDays: p.staleAfterDays, isRolloutComplete: isRolloutComplete(rows.map((r) => r.status)) };
      for (const r of rows) {
        const s = assessRowStaleness(r, context, today);
        if (!s.isStale) continue;
        candidates.push(staleAlert({ ...r, programId: p.id, programSlug: p.slug, staleAfterDays: p.staleAfterDays, daysSinceConfirmed: s.daysSinceConfirmed }, today, now));
      }
    }
    candidates.push(...(await checkHealth(tx, programs.map((p) => p.id), `day:${today}`, now)));
    const alerts = await saveAlerts(tx, candidates, await loadListeners(tx));
    await tx.alertCursor.update({ where: { name: DAILY }, data: { lastDay: today } });
    return { ran: true, alerts };
  });
}
