/**
 * Prometheus metrics of this process (prom-client), read at /api/metrics. One registry per
 * process (processWide), since Next.js bundles this module into several chunks.
 *
 * Requests are counted by the serving wrapper (scripts/serve.mjs), which sees every response
 * including static files and errors; it reports through the hook installed here. Queue depths and
 * the database pool are read when the metrics are collected.
 */
import client from 'prom-client';
import { processWide } from '../ops/process-wide';

/** The hook scripts/serve.mjs calls after each response (keep the name in step with it). */
export const REQUEST_HOOK = Symbol.for('hutong.recordRequest');

/** Distinct route labels kept; beyond it, "other" (a scan of random paths must not grow memory). */
const MAX_ROUTES = 200;

export interface QueueDepthSource {
  name: string;
  depth: () => { running: number; waiting: number };
}

interface Metrics {
  registry: client.Registry;
  requests: client.Counter<'route' | 'method' | 'status'>;
  duration: client.Histogram<'route' | 'method'>;
  errors: client.Counter<'route'>;
  rateLimitRefusals: client.Counter<'limit'>;
  queues: Map<string, QueueDepthSource['depth']>;
  pool: { current: (() => { total: number; idle: number; waiting: number } | null) | null };
  routes: Set<string>;
}

function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'hutong_' });
  const queues = new Map<string, QueueDepthSource['depth']>();
  const pool: Metrics['pool'] = { current: null };
  new client.Gauge({
    name: 'hutong_queue_depth',
    help: 'Expensive tasks running and waiting, by queue (sign_in: password checks; pdf: summary PDF renders).',
    labelNames: ['queue', 'state'],
    registers: [registry],
    collect() {
      for (const [name, depth] of queues) {
        const d = depth();
        this.set({ queue: name, state: 'running' }, d.running);
        this.set({ queue: name, state: 'waiting' }, d.waiting);
      }
    },
  });
  new client.Gauge({
    name: 'hutong_db_pool_connections',
    help: 'PostgreSQL connection pool: total, idle, and queries waiting for a connection.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = pool.current?.();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  return {
    registry,
    requests: new client.Counter({
      name: 'hutong_http_requests_total',
      help: 'HTTP responses by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    duration: new client.Histogram({
      name: 'hutong_http_request_duration_seconds',
      help: 'Time to the end of the response, by route and method.',
      labelNames: ['route', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new client.Counter({
      name: 'hutong_http_errors_total',
      help: 'Responses with a 5xx status, by route.',
      labelNames: ['route'],
      registers: [registry],
    }),
    rateLimitRefusals: new client.Counter({
      name: 'hutong_rate_limit_refusals_total',
      help: 'Attempts refused by a rate limit, by limit (login:ip, login:email, api:token).',
      labelNames: ['limit'],
      registers: [registry],
    }),
    queues,
    pool,
    routes: new Set(),
  };
}

export function metrics(): Metrics {
  return processWide('metrics', createMetrics);
}

const SEGMENT_PLACEHOLDERS: Array<[RegExp, string]> = [
  [/^\d{4}-W\d{2}$/, ':week'],
  [/^\d{4}-\d{2}-\d{2}$/, ':date'],
  [/^\d+$/, ':code'],
  [/^c[a-z0-9]{20,}$/, ':id'],
  [/^[0-9a-f-]{16,}$/i, ':id'],
];

/** A bounded route label for a path: ids, codes, weeks and dates become placeholders. */
export function routeLabel(pathname: string): string {
  const path = pathname.split('?')[0] ?? '/';
  if (path.startsWith('/_next/')) return '/_next';
  const segments = path
    .split('/')
    .filter(Boolean)
    .slice(0, 6)
    .map((s) => SEGMENT_PLACEHOLDERS.find(([re]) => re.test(s))?.[1] ?? (s.length > 40 ? ':long' : s));
  const label = `/${segments.join('/')}`;
  const { routes } = metrics();
  if (routes.has(label)) return label;
  if (routes.size >= MAX_ROUTES) return 'other';
  routes.add(label);
  return label;
}

export function recordRequest(method: string, pathname: string, status: number, seconds: number): void {
  const m = metrics();
  const route = routeLabel(pathname);
  const verb = /^[A-Z]{3,7}$/.test(method) ? method : 'OTHER';
  m.requests.inc({ route, method: verb, status: String(status) });
  m.duration.observe({ route, method: verb }, seconds);
  if (status >= 500) m.errors.inc({ route });
}

/** Lets the serving wrapper report each response (see REQUEST_HOOK). */
export function installRequestMetrics(): void {
  (globalThis as Record<symbol, unknown>)[REQUEST_HOOK] = recordRequest;
}

/** Counts a refused attempt under its key's kind ("login:ip:1.2.3.4" counts as "login:ip"). */
export function countRateLimitRefusal(key: string): void {
  // "job:" buckets are claims of scheduled work between instances (lib/ops/purge.ts), not clients.
  if (key.startsWith('job:')) return;
  metrics().rateLimitRefusals.inc({ limit: key.split(':').slice(0, 2).join(':') });
}

export function registerQueue(source: QueueDepthSource): void {
  metrics().queues.set(source.name, source.depth);
}

export function registerPoolStats(read: () => { total: number; idle: number; waiting: number } | null): void {
  metrics().pool.current = read;
}
