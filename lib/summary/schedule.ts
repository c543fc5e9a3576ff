/**
 * The weekly mail on a schedule: SUMMARY_SCHEDULE="MON 09:00" (Asia/Shanghai) sends the week that
 * ended before that moment (on Monday 09:00, the week that ended at Sunday 24:00), to every
 * active executive, through sendWeeklySummary, which sends each person each week once. So several
 * app instances may all run the schedule, and a restart right after the slot sends nothing twice.
 *
 * On start the scheduler catches up on the latest slot that has passed (a server that was down on
 * Monday morning mails when it comes back), then sleeps until the next slot.
 *
 * Started by `register()` in instrumentation.ts (the Node.js server only), through
 * `startConfiguredSummarySchedule()`.
 */
import type { WeeklySchedule } from '../env';
import { addDays, startOfShanghaiDay } from '../time';
import { isoWeekOfInstant, lastFinishedWeek, type IsoWeek } from './iso-week';

const MINUTE_MS = 60_000;

/** The slot of the ISO week holding `instant`: that week's weekday at hh:mm Shanghai time. */
function slotInWeekOf(schedule: WeeklySchedule, instant: Date): Date {
  const week = isoWeekOfInstant(instant);
  const day = addDays(week.start, schedule.weekday - 1);
  return new Date(startOfShanghaiDay(day).getTime() + (schedule.hour * 60 + schedule.minute) * MINUTE_MS);
}

/** The latest slot at or before `now`. */
export function previousSlot(schedule: WeeklySchedule, now: Date): Date {
  const slot = slotInWeekOf(schedule, now);
  return slot.getTime() <= now.getTime() ? slot : new Date(slot.getTime() - 7 * 24 * 60 * MINUTE_MS);
}

/** The first slot strictly after `now`. */
export function nextSlot(schedule: WeeklySchedule, now: Date): Date {
  return new Date(previousSlot(schedule, now).getTime() + 7 * 24 * 60 * MINUTE_MS);
}

/** The week a slot sends: the last one finished by then. */
export function weekForSlot(slot: Date): IsoWeek {
  return lastFinishedWeek(slot);
}

export interface SummarySchedulerOptions {
  schedule: WeeklySchedule;
  /** Sends one week; must be idempotent (sendWeeklySummary is). Errors are reported, not thrown. */
  send: (week: IsoWeek) => Promise<void>;
  onError: (error: unknown, week: IsoWeek) => void;
  now?: () => Date;
}

export interface SummaryScheduler {
  stop(): void;
  /** The next time it will send. */
  nextRunAt(): Date;
}

export function startSummaryScheduler({ schedule, send, onError, now = () => new Date() }: SummarySchedulerOptions): SummaryScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let next = nextSlot(schedule, now());

  const run = async (slot: Date) => {
    const week = weekForSlot(slot);
    try {
      await send(week);
    } catch (error) {
      onError(error, week);
    }
  };

  const arm = () => {
    if (stopped) return;
    next = nextSlot(schedule, now());
    // A week is under setTimeout's 24.8-day limit; unref keeps the timer from holding the process open.
    timer = setTimeout(() => {
      void run(next).finally(arm);
    }, Math.max(0, next.getTime() - now().getTime()));
    timer.unref?.();
  };

  void run(previousSlot(schedule, now())).finally(arm);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    nextRunAt: () => next,
  };
}

let started: SummaryScheduler | null = null;

/**
 * Starts the schedule from the environment (once per process; nothing when SUMMARY_SCHEDULE is
 * unset): the configured database, archive and mail transport, logging each run.
 */
export async function startConfiguredSummarySchedule(): Promise<SummaryScheduler | null> {
  const { getEnv } = await import('../env');
  const env = getEnv();
  if (!env.summarySchedule || started) return started;
  const [{ getDb }, { logger }, { getSummaryArchive }, { createMailer }, { sendWeeklySummary }] = await Promise.all([
    import('../db'),
    import('../log'),
    import('./service'),
    import('./mail/transport'),
    import('./mail/send'),
  ]);
  started = startSummaryScheduler({
    schedule: env.summarySchedule,
    async send(week) {
      const db = await getDb();
      const mailer = createMailer(env.smtp);
      try {
        const report = await sendWeeklySummary(db, getSummaryArchive(db), {
          week: week.id,
          program: null,
          mailer,
          from: env.mailFrom,
          appUrl: env.appUrl,
        });
        const count = (o: string) => report.recipients.filter((r) => r.outcome === o).length;
        logger.info(
          { week: report.week, transport: report.transport, sent: count('sent'), alreadySent: count('already-sent'), failed: count('failed') },
          'weekly summary mail',
        );
      } finally {
        mailer.close();
      }
    },
    onError(error, week) {
      // A week before any program started, or a database outage: logged; the next slot tries again.
      logger.error({ err: error, week: week.id }, 'weekly summary mail failed');
    },
  });
  logger.info({ nextRunAt: started.nextRunAt().toISOString() }, 'weekly summary schedule started');
  return started;
}
