/**
 * Tells the live streams of this instance that events were committed. Within one process a write
 * wakes them at once (`wakeEventWatchers`, called by writeTransaction after its commit). Writes of
 * other instances: on PostgreSQL, a NOTIFY on the one LISTEN connection of this instance
 * (lib/events/listen.ts); on SQLite, and on PostgreSQL while that connection is down, one cheap
 * query per instance every half second (the newest event id, and the newest alert delivery, which
 * the alert evaluation adds), whatever the number of open streams.
 */
import type { Db } from '../db';
import { startEventListener, type EventListenerHandle } from './listen';

export const WATCH_INTERVAL_MS = 500;

type Listener = () => void;

interface WatchState {
  listeners: Set<Listener>;
  timer: ReturnType<typeof setInterval> | null;
  lastSeen: number;
  lastDelivery: string | null;
  listen: EventListenerHandle | null;
}

// On globalThis: Next.js may load this module more than once in one server process.
const global = globalThis as unknown as { hutongEventWatch?: WatchState };
const state = (global.hutongEventWatch ??= { listeners: new Set(), timer: null, lastSeen: 0, lastDelivery: null, listen: null });

function emit(): void {
  for (const listener of [...state.listeners]) listener();
}

/** After a commit in this process: every stream looks for new events now. */
export function wakeEventWatchers(): void {
  if (state.listeners.size > 0) emit();
}

/** Whether this instance hears other instances' writes by LISTEN now (else by polling). */
export function isListeningForEvents(): boolean {
  return state.listen?.isListening() ?? false;
}

/** Calls `listener` whenever events may have been committed; returns the unsubscribe. */
export function watchEvents(getDb: () => Promise<Db>, listener: Listener, onError: (error: unknown) => void = () => {}): () => void {
  state.listeners.add(listener);
  // A (re)connected listener may have missed commits while it was down: everyone looks once.
  state.listen ??= startEventListener({ getDb, onNotify: emit, onUp: emit, onError });
  if (!state.timer) {
    state.timer = setInterval(() => {
      if (isListeningForEvents()) return;
      void getDb()
        .then((db) =>
          Promise.all([
            db.domainEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }),
            db.alertDelivery.findFirst({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } }),
          ]),
        )
        .then(([last, delivery]) => {
          const id = last?.id ?? 0;
          const deliveryId = delivery?.id ?? null;
          if (id > state.lastSeen || deliveryId !== state.lastDelivery) {
            state.lastSeen = Math.max(state.lastSeen, id);
            state.lastDelivery = deliveryId;
            emit();
          }
        })
        .catch(onError);
    }, WATCH_INTERVAL_MS);
    state.timer.unref?.();
  }
  return () => {
    state.listeners.delete(listener);
    if (state.listeners.size === 0) {
      if (state.timer) clearInterval(state.timer);
      state.timer = null;
      void state.listen?.stop();
      state.listen = null;
    }
  };
}
