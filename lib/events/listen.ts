/**
 * PostgreSQL's LISTEN/NOTIFY for the live streams of this instance: ONE dedicated connection per
 * instance (not per stream) listens on the events channel, to which every write transaction that
 * recorded events or alert deliveries sends a NOTIFY delivered at its commit (lib/db/write-transaction.ts).
 * A lost connection (server restart, `pg_terminate_backend`, network) is opened again with a
 * growing pause; while it is down, and on SQLite, the watcher's poll stands in (lib/events/watch.ts).
 */
import type { Db } from '../db';
import { connectEventListener } from '../db';

/** The pause before the first reconnect; it doubles on each failure up to RECONNECT_MAX_MS. */
export const RECONNECT_MIN_MS = 250;
export const RECONNECT_MAX_MS = 10_000;

export interface EventListenerOptions {
  getDb: () => Promise<Db>;
  /** A notification arrived: some instance committed events or alert deliveries. */
  onNotify: () => void;
  /** The connection listens (again); anything committed while it was down is not announced. */
  onUp?: () => void;
  /** The connection was lost; the poll should stand in until onUp. */
  onDown?: () => void;
  onError?: (error: unknown) => void;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

export interface EventListenerHandle {
  /** True while the connection listens. */
  isListening(): boolean;
  /** The listening connection's server process id (null while down), e.g. for pg_terminate_backend. */
  processId(): number | null;
  stop(): Promise<void>;
}

type Client = NonNullable<Awaited<ReturnType<typeof connectEventListener>>>;

/**
 * Starts listening; on SQLite (no listener to open) it does nothing and stays down. Stop it when
 * the last stream closes.
 */
export function startEventListener({
  getDb,
  onNotify,
  onUp = () => {},
  onDown = () => {},
  onError = () => {},
  reconnectMinMs = RECONNECT_MIN_MS,
  reconnectMaxMs = RECONNECT_MAX_MS,
}: EventListenerOptions): EventListenerHandle {
  let client: Client | null = null;
  let isStopped = false;
  let pause = reconnectMinMs;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const scheduleReconnect = () => {
    if (isStopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void open();
    }, pause);
    retry.unref?.();
    pause = Math.min(pause * 2, reconnectMaxMs);
  };

  const lose = (lost: Client, error?: unknown) => {
    if (client !== lost) return;
    client = null;
    if (error && !isStopped) onError(error);
    lost.removeAllListeners('notification');
    lost.end().catch(() => {});
    if (isStopped) return;
    onDown();
    scheduleReconnect();
  };

  const open = async () => {
    let opened: Client | null;
    try {
      opened = await connectEventListener(await getDb());
    } catch (error) {
      onError(error);
      scheduleReconnect();
      return;
    }
    if (!opened) return;
    if (isStopped) {
      await opened.end().catch(() => {});
      return;
    }
    const current = opened;
    client = current;
    pause = reconnectMinMs;
    current.on('notification', () => onNotify());
    current.on('error', (error) => lose(current, error));
    current.on('end', () => lose(current));
    onUp();
  };

  void open();
  return {
    isListening: () => client !== null,
    processId: () => (client as (Client & { processID?: number }) | null)?.processID ?? null,
    async stop() {
      isStopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners('notification');
        await current.end().catch(() => {});
      }
    },
  };
}
