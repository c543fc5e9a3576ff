import type { NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/permissions';
import { requireRequestContext } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { openEventStream, parseLastEventId } from '@/lib/events/stream';
import { errorResponse } from '@/lib/http/respond';
import { logger } from '@/lib/log';

export const dynamic = 'force-dynamic';

/** The signed-in reader's live events (lib/events/stream.ts), when LIVE_UPDATES is on. */
export async function GET(request: NextRequest) {
  try {
    if (!getEnv().liveUpdates) throw new AppError('NOT_FOUND', 'live updates are off');
    const ctx = await requireRequestContext();
    authorize(ctx.viewer, 'coverage.read');
    const stream = await openEventStream({
      getDb,
      viewer: ctx.viewer,
      // A reconnect names the last event received; a page's first connection, the event its render was as of.
      lastEventId: parseLastEventId(request.headers.get('last-event-id')) ?? parseLastEventId(request.nextUrl.searchParams.get('since')),
      signal: request.signal,
      onError: (error) => logger.error({ err: error }, 'event stream failed'),
    });
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform: no compression that would hold messages back; no-store: never cached.
        'Cache-Control': 'no-store, no-transform',
        'X-Accel-Buffering': 'no',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
