/**
 * The application's summary archive, on the application's database.
 * Pages, route handlers, the CLI and the schedule all get it here, so they share one archive.
 */
import type { Db } from '../db';
import { createSummaryArchive, type SummaryArchive } from './archive';

export function getSummaryArchive(db: Db): SummaryArchive {
  return createSummaryArchive(db);
}
