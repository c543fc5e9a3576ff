/**
 * The alert work of every app instance (started by instrumentation.ts when ALERTS is on): as soon
 * as events are committed (lib/events/watch.ts) and every two seconds, the events nobody has evaluated yet and the mails at once nobody has claimed; once
 * per Shanghai day, the daily evaluation (stale reports, health) and the digests of the day before.
 * All of it is safe on several instances (lib/alerts/evaluate.ts, lib/alerts/mail.ts): they share
 * the work, and each alert and each mail happens once.
 */
import type { Db } from '../db';
import { addDays, todayInShanghai } from '../time';
import { drainEventAlerts, evaluateDailyAlerts } from './evaluate';
import { watchEvents } from '../events/watch';
import { sendAlertMails, sendDailyDigests, type AlertMailOptions } from './mail';

export const ALERT_TICK_MS = 2_000;

/** A read, no lock: whether any event is past the evaluation's cursor. */
export async function hasUnevaluatedEvents(db: Db): Promise<boolean> {
  const [cursor, last] = await Promise.all([
    db.alertCursor.findUnique({ where: { name: 'events' }, select: { lastEventId: true } }),
    db.domainEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }),
  ]);
  return (last?.id ?? 0) > (cursor?.lastEventId ?? 0);
}

export interface AlertRunnerOptions {
  getDb: () => Promise<Db>;
  /** Mail settings; null sends no mail (the inbox still fills). */
  mail: () => AlertMailOptions | null;
  onError: (error: unknown) => void;
  intervalMs?: number;
  now?: () => Date;
}

export interface AlertRunner {
  stop(): void;
  /** One tick that starts after this call (for tests and for a caller that just wrote). */
  tick(): Promise<void>;
}

export function startAlertRunner({ getDb, mail, onError, intervalMs = ALERT_TICK_MS, now = () => new Date() }: AlertRunnerOptions): AlertRunner {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running: Promise<void> | null = null;
  let dailyDoneFor: string | null = null;

  const work = async () => {
    const db = await getDb();
    const at = now();
    if (await hasUnevaluatedEvents(db)) await drainEventAlerts(db, { now: at });
    const today = todayInShanghai(at);
    const mailOptions = mail();
    if (dailyDoneFor !== today) {
      await evaluateDailyAlerts(db, { now: at });
      const digests = mailOptions ? await sendDailyDigests(db, addDays(today, -1), { ...mailOptions, now: at }) : null;
      // A digest that failed is tried again on the next tick (the others are claimed and skipped).
      if (!digests || digests.failed === 0) dailyDoneFor = today;
    }
    if (mailOptions) await sendAlertMails(db, { ...mailOptions, now: at });
  };
  let next: Promise<void> | null = null;
  // A tick asked for while one runs is a new tick after it (that one may have read before the
  // caller's write); the askers share it.
  const tick = (): Promise<void> => {
    if (running) {
      next ??= running.then(() => {
        next = null;
        return tick();
      });
      return next;
    }
    running = work()
      .catch(onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick().finally(arm), intervalMs);
    timer.unref?.();
  };
  void tick().finally(arm);
  // A commit in this process, or a new event seen from another, is evaluated at once.
  const unwatch = watchEvents(getDb, () => void tick(), onError);
  return {
    stop() {
      stopped = true;
      unwatch();
      if (timer) clearTimeout(timer);
    },
    tick,
  };
}
