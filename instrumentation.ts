/**
 * Next.js calls `register()` once when a server instance starts. The Node.js server starts the
 * weekly summary mail schedule here (SUMMARY_SCHEDULE, e.g. "MON 09:00"; nothing when unset).
 * Every instance may run it: each executive gets each week once (lib/summary/schedule.ts).
 *
 * NEXT_RUNTIME is read here, not through lib/env.ts, because Next replaces it at build time: the
 * edge build then drops the import of the Node-only scheduler.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startConfiguredSummarySchedule } = await import('./lib/summary/schedule');
  try {
    await startConfiguredSummarySchedule();
  } catch (error) {
    // A bad SUMMARY_SCHEDULE must not stop the dashboard from serving: log it and carry on.
    const { logger } = await import('./lib/log');
    logger.error({ err: error }, 'weekly summary schedule not started');
  }
}
