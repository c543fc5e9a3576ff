import crypto from 'node:crypto';
import { NextResponse } from 'next/server';
import { passwordChecks } from '@/lib/auth/password';
import { getDb, poolStatsOf } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { metrics, registerPoolStats, registerQueue } from '@/lib/metrics/registry';
import { pdfRenders } from '@/lib/summary/pdf';

export const dynamic = 'force-dynamic';

function hasToken(request: Request, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(request.headers.get('authorization') ?? '');
  const given = Buffer.from(match?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * Prometheus metrics (text format). Off unless METRICS_TOKEN is set, and then only for a scraper
 * that sends it as a bearer token: route names, queue depths and error rates are not public.
 */
export async function GET(request: Request) {
  const token = getEnv().metricsToken;
  if (!token) return new NextResponse(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  if (!hasToken(request, token)) {
    return new NextResponse(null, { status: 401, headers: { 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer' } });
  }
  registerQueue({ name: 'sign_in', depth: () => passwordChecks().depth() });
  registerQueue({ name: 'pdf', depth: () => pdfRenders().depth() });
  const db = await getDb().catch(() => null);
  registerPoolStats(() => (db ? poolStatsOf(db) : null));
  const { registry } = metrics();
  return new NextResponse(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
}
