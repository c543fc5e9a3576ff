import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { logError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for load balancers and start-up checks. Reveals nothing else. */
export async function GET() {
  try {
    const db = await getDb();
    await db.province.count();
    return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    const errorId = logError(error, { where: 'health' });
    return NextResponse.json({ status: 'unavailable', errorId }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
