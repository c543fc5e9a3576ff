/**
 * Next.js calls `register()` once when a server instance starts. The Node.js server starts the
 * weekly summary mail schedule here (SUMMARY_SCHEDULE, e.g. "MON 09:00"; nothing when unset).
 * Every instance may run it: each executive gets each week once (lib/summary/schedule.ts).
 * It also starts the purge of expired rate-limit windows and idempotency keys (lib/ops/purge.ts),
 * which is equally safe on several instances, and lets the server count requests for /api/metrics.
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
  const { startConfiguredSummarySchedule } = await import('./lib/summary/schedule');
  try {
    await startConfiguredSummarySchedule();
  } catch (error) {
    // A bad SUMMARY_SCHEDULE must not stop the dashboard from serving: log it and carry on.
    const { logger } = await import('./lib/log');
    logger.error({ err: error }, 'weekly summary schedule not started');
  }
}
