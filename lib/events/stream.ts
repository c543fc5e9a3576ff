/**
 * One reader's live stream of domain events, as Server-Sent Events: what `readEventsAfter` lets
 * this viewer read (a partner's stream carries nothing it could not read elsewhere), from the event
 * after `lastEventId` (the browser sends it again on reconnecting, so nothing is missed) or, for a
 * new reader, from now. Each message names the kind, the program and the row; never a payload.
 * A message `ALERTS` (without an id) says the reader's inbox has new entries, for the bell.
 *
 * A stream ends after STREAM_MAX_MS; the browser reconnects at once, signed in anew, so a disabled
 * user or a changed role takes effect on the next connection.
 */
import 'server-only';
import type { Db } from '../db';
import type { Viewer } from '../auth/viewer';
import { latestEventId, readEventsAfter } from './outbox';
import type { DomainEventDto } from './types';
import { watchEvents } from './watch';

export const STREAM_MAX_MS = 10 * 60_000;
export const HEARTBEAT_MS = 15_000;
const PAGE = 200;

/** What a live page needs to know of an event to refresh itself. */
export interface LiveEvent {
  id: number;
  kind: DomainEventDto['kind'];
  programSlug: string;
  entityType: DomainEventDto['entityType'];
  entityCode: string | null;
  effectiveAt: string;
}

export function toLiveEvent(e: DomainEventDto): LiveEvent {
  return { id: e.id, kind: e.kind, programSlug: e.payload.programSlug, entityType: e.entityType, entityCode: e.entityCode, effectiveAt: e.effectiveAt };
}

/** Last-Event-ID as an event id, or null when absent or not one. */
export function parseLastEventId(value: string | null): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

export interface EventStreamOptions {
  getDb: () => Promise<Db>;
  viewer: Viewer;
  lastEventId: number | null;
  signal?: AbortSignal;
  onError?: (error: unknown) => void;
  maxMs?: number;
}

export async function openEventStream({ getDb, viewer, lastEventId, signal, onError = () => {}, maxMs = STREAM_MAX_MS }: EventStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const db = await getDb();
  let cursor = lastEventId ?? (await latestEventId(db));
  const newestDelivery = async () =>
    (await db.alertDelivery.findFirst({ where: { userId: viewer.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } }))?.id ?? null;
  let delivery = await newestDelivery();
  const encoder = new TextEncoder();
  let cleanup: (isCancelled?: boolean) => void = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let isClosed = false;
      const send = (text: string) => {
        if (!isClosed) controller.enqueue(encoder.encode(text));
      };
      let isBusy = false;
      let isAgain = false;
      const flush = async () => {
        if (isBusy) {
          isAgain = true;
          return;
        }
        isBusy = true;
        try {
          do {
            isAgain = false;
            for (;;) {
              const page = await readEventsAfter(db, cursor, PAGE, viewer);
              for (const e of page.events) send(`id: ${e.id}\nevent: ${e.kind}\ndata: ${JSON.stringify(toLiveEvent(e))}\n\n`);
              cursor = page.lastId;
              if (page.events.length < PAGE) break;
            }
            const newest = await newestDelivery();
            if (newest !== delivery) {
              delivery = newest;
              send('event: ALERTS\ndata: {}\n\n');
            }
          } while (isAgain && !isClosed);
        } catch (error) {
          onError(error);
        } finally {
          isBusy = false;
        }
      };
      const unwatch = watchEvents(getDb, () => void flush(), onError);
      const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
      const end = setTimeout(() => cleanup(), maxMs);
      cleanup = (isCancelled = false) => {
        if (isClosed) return;
        isClosed = true;
        unwatch();
        clearInterval(heartbeat);
        clearTimeout(end);
        // A stream the reader cancelled is closed already.
        if (!isCancelled) controller.close();
      };
      signal?.addEventListener('abort', () => cleanup());
      // The browser waits this long before reconnecting after the stream ends.
      send('retry: 1000\n\n');
      void flush();
    },
    cancel() {
      cleanup(true);
    },
  });
}
