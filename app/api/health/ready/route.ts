import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { listPendingMigrations } from '@/lib/db/migrate';
import { getEnv } from '@/lib/env';
import { logError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for load balancers: the database answers and has every migration this version
 * knows. 503 otherwise, with an error id for the log and nothing about the database itself.
 */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    const db = await getDb();
    const pending = await listPendingMigrations(db, getEnv().database.provider);
    if (pending.length > 0) {
      const errorId = logError(new Error(`migrations not applied: ${pending.join(', ')}`), { where: 'health.ready' });
      return NextResponse.json({ status: 'unavailable', reason: 'migrations', errorId }, { status: 503, headers });
    }
    return NextResponse.json({ status: 'ok' }, { headers });
  } catch (error) {
    const errorId = logError(error, { where: 'health.ready' });
    return NextResponse.json({ status: 'unavailable', reason: 'database', errorId }, { status: 503, headers });
  }
}
