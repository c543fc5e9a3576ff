/**
 * Next.js calls `register()` once when a server instance starts. The Node.js server starts the
 * weekly summary mail schedule here (SUMMARY_SCHEDULE, e.g. "MON 09:00"; nothing when unset).
 * Every instance may run it: each executive gets each week once (lib/summary/schedule.ts).
 * It also starts the purge of expired rate-limit windows and idempotency keys (lib/ops/purge.ts),
 * which is equally safe on several instances, and lets the server count requests for /api/metrics.
 * With ALERTS=true it also evaluates alerts and sends alert mail (lib/alerts/schedule.ts).
 *
 * NEXT_RUNTIME is read here, not through lib/env.ts, because Next replaces it at build time: the
 * edge build then drops the import of the Node-only scheduler.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ startPurgeSchedule }, { getDb }, { logger: purgeLogger }, { installRequestMetrics }] = await Promise.all([
    import('./lib/ops/purge'),
    import('./lib/db'),
    import('./lib/log'),
    import('./lib/metrics/registry'),
  ]);
  installRequestMetrics();
  const [{ isPeerHeaderTrusted }, { getEnv }] = await Promise.all([import('./lib/auth/client-ip'), import('./lib/env')]);
  if (getEnv().nodeEnv === 'production' && !isPeerHeaderTrusted()) {
    // Started without scripts/serve.mjs (e.g. `next start`): every client shares one sign-in limit.
    purgeLogger.warn('client addresses are unknown: start the server with `npm start` (docs/decisions/008-client-address.md)');
  }
  startPurgeSchedule({
    getDb,
    onRun: (report) => purgeLogger.info(report, 'purged expired rows'),
    // A database outage: logged; the next interval tries again.
    onError: (error) => purgeLogger.error({ err: error }, 'purge of expired rows failed'),
  });
  if (getEnv().alerts) await startAlerts();
  const { startConfiguredSummarySchedule } = await import('./lib/summary/schedule');
  try {
    await startConfiguredSummarySchedule();
  } catch (error) {
    // A bad SUMMARY_SCHEDULE must not stop the dashboard from serving: log it and carry on.
    const { logger } = await import('./lib/log');
    logger.error({ err: error }, 'weekly summary schedule not started');
  }
}

/** Alerts, the inbox and alert mail (ALERTS=true): see lib/alerts/schedule.ts. */
async function startAlerts(): Promise<void> {
  const [{ startAlertRunner }, { getDb }, { logger }, { getEnv, requireAuthSecret }, { createMailer }] = await Promise.all([
    import('./lib/alerts/schedule'),
    import('./lib/db'),
    import('./lib/log'),
    import('./lib/env'),
    import('./lib/summary/mail/transport'),
  ]);
  const env = getEnv();
  const mailer = createMailer(env.smtp);
  startAlertRunner({
    getDb,
    mail: () => ({ mailer, from: env.mailFrom, appUrl: env.appUrl, secret: requireAuthSecret() }),
    // A database outage or a mail server down: logged; the next tick tries again.
    onError: (error) => logger.error({ err: error }, 'alert evaluation failed'),
  });
}
