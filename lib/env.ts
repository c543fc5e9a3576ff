/**
 * The only module that reads process.env. Validated once, failing fast with one line that names
 * the variable and says what to fix (see docs/configuration in README).
 */
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

export type DatabaseProvider = 'sqlite' | 'postgresql';

export interface DatabaseConfig {
  provider: DatabaseProvider;
  /** For SQLite: absolute file path. For PostgreSQL: the connection string. */
  url: string;
}

export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  database: DatabaseConfig;
  /** Secret for signing session tokens; required in production (see scripts/start.ts). */
  authSecret: string | undefined;
  /** Password for the demo users created when the database is seeded for the demo. */
  seedDemoPassword: string | undefined;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Public base URL, used for links in mail and for next-auth. */
  appUrl: string;
  /**
   * Seed the demo data set (and demo users) into an empty database. Defaults to true only for the
   * zero-configuration SQLite file, so a production database is never filled with demo data.
   */
  demo: boolean;
  /** SMTP server for the weekly summary mail; null writes the messages to ./data/outbox/ instead. */
  smtp: SmtpConfig | null;
  /** Sender of the weekly summary mail. */
  mailFrom: string;
  /** When the weekly summary is mailed (Asia/Shanghai); null: only by `npm run cli -- summary send`. */
  summarySchedule: WeeklySchedule | null;
  /** Chromium for the summary's PDF download; unset: looked up on the PATH's usual places. */
  chromiumPath: string | undefined;
  /** Partner API requests allowed per token per minute (counted in the database). */
  apiRateLimitPerMinute: number;
  /** Which reverse proxies may name the client in X-Forwarded-For (lib/auth/client-ip.ts). */
  trustedProxies: TrustedProxies;
  /**
   * Interface the server listens on. Unset: loopback for a demo install, every interface
   * otherwise (scripts/start.ts).
   */
  host: string | undefined;
  /**
   * Connection used to apply migrations (a role that owns the tables); the app then runs as the
   * DATABASE_URL role, which cannot alter them. Same provider as DATABASE_URL.
   */
  migrationDatabase: DatabaseConfig | null;
  /** Bearer token for /api/metrics; unset: the endpoint answers 404. */
  metricsToken: string | undefined;
  /**
   * Alerts, the inbox and alert mail (ALERTS): evaluated in the background of every instance, the
   * bell in the header. On unless ALERTS is false or 0.
   */
  alerts: boolean;
  /**
   * Pages that update by themselves (LIVE_UPDATES): the event stream /api/events/stream and the
   * listener in every signed-in page. On unless LIVE_UPDATES is false or 0.
   */
  liveUpdates: boolean;
  /**
   * The reference routes of `npm run bench` (HUTONG_BENCH_ROUTES, app/bench/): a minimal route
   * handler and a minimal page. Off by default: they answer 404.
   */
  benchRoutes: boolean;
}

/**
 * TRUSTED_PROXIES: none (the default: X-Forwarded-For is ignored), a number of proxy hops in
 * front of the app, or the addresses and CIDR ranges of the proxies.
 */
export type TrustedProxies =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'ranges'; ranges: IpRange[] };

export interface IpRange {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** Names for common ranges, so `TRUSTED_PROXIES=loopback` covers a proxy on the same host. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

const TRUSTED_PROXIES_HINT =
  'use a hop count (e.g. 1), or addresses and CIDR ranges separated by commas (e.g. "10.0.0.5, 172.16.0.0/12", "loopback"), or "none"';

/** Parses TRUSTED_PROXIES; throws a ConfigError naming the bad entry. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const value = raw?.trim().toLowerCase();
  if (!value || value === 'none') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError('TRUSTED_PROXIES', `${hops} hops is more than any real setup; ${TRUSTED_PROXIES_HINT}`);
    return hops === 0 ? { kind: 'none' } : { kind: 'hops', hops };
  }
  const ranges: IpRange[] = [];
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    for (const item of NAMED_RANGES[entry] ?? [entry]) {
      const [address = '', prefixText] = item.split('/');
      const version = net.isIP(address);
      const max = version === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
      if (version === 0 || prefix < 0 || prefix > max) {
        throw new ConfigError('TRUSTED_PROXIES', `"${entry}" is not an address or CIDR range; ${TRUSTED_PROXIES_HINT}`);
      }
      ranges.push({ address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' });
    }
  }
  return ranges.length > 0 ? { kind: 'ranges', ranges } : { kind: 'none' };
}

/** SMTP_URL as given, or SMTP_HOST with its port and credentials. */
export type SmtpConfig =
  | { url: string }
  | { host: string; port: number; secure: boolean; user: string | undefined; pass: string | undefined };

/** A weekly time, e.g. SUMMARY_SCHEDULE="MON 09:00": ISO weekday 1 (Monday) to 7 (Sunday), Shanghai time. */
export interface WeeklySchedule {
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

/** "MON 09:00" (case-insensitive) to a schedule; unset, empty or "off" to null. */
export function parseWeeklySchedule(raw: string | undefined): WeeklySchedule | null {
  const value = raw?.trim().toUpperCase();
  if (!value || value === 'OFF') return null;
  const m = /^([A-Z]{3}) ([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  const weekday = m ? WEEKDAYS.indexOf(m[1] as (typeof WEEKDAYS)[number]) + 1 : 0;
  if (!m || weekday === 0) {
    throw new ConfigError('SUMMARY_SCHEDULE', 'use a weekday and a 24-hour time in Shanghai, e.g. "MON 09:00", or "off"');
  }
  return { weekday, hour: Number(m[2]), minute: Number(m[3]) };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_SQLITE_FILE = path.join('data', 'hutong.db');

/** Turns DATABASE_URL into a provider and a usable URL; unset means the embedded SQLite file. */
export function parseDatabaseUrl(raw: string | undefined, cwd = process.cwd()): DatabaseConfig {
  const value = raw?.trim();
  if (!value) return { provider: 'sqlite', url: path.resolve(cwd, DEFAULT_SQLITE_FILE) };
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError('DATABASE_URL', 'file: URL has no path; use e.g. file:./data/hutong.db');
    return { provider: 'sqlite', url: path.resolve(cwd, file) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgresql:// URL');
    }
    return { provider: 'postgresql', url: value };
  }
  const scheme = value.split(':')[0] ?? value;
  throw new ConfigError(
    'DATABASE_URL',
    `unsupported scheme "${scheme}:"; use file:./path.db (SQLite) or postgresql://user@host:5432/db`,
  );
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')
    .optional(),
  SEED_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  APP_URL: z.url().optional(),
  HUTONG_DEMO: z.enum(['true', 'false', '1', '0']).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  SMTP_HOST: z.string().trim().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: z.enum(['true', 'false', '1', '0']).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  SUMMARY_SCHEDULE: z.string().optional(),
  CHROMIUM_PATH: z.string().trim().min(1).optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  TRUSTED_PROXIES: z.string().optional(),
  HOST: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.:-]{1,253}$/, 'must be an address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0')
    .optional(),
  MIGRATION_DATABASE_URL: z.string().optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 16`)').optional(),
  ALERTS: z.enum(['true', 'false', '1', '0']).optional(),
  LIVE_UPDATES: z.enum(['true', 'false', '1', '0']).optional(),
  HUTONG_BENCH_ROUTES: z.enum(['true', 'false', '1', '0']).optional(),
});

function parseMigrationDatabase(raw: string | undefined, database: DatabaseConfig, cwd: string): DatabaseConfig | null {
  if (!raw?.trim()) return null;
  let config: DatabaseConfig;
  try {
    config = parseDatabaseUrl(raw, cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError('MIGRATION_DATABASE_URL', error.message.replace(/^DATABASE_URL: /, ''));
    throw error;
  }
  if (config.provider !== database.provider) {
    throw new ConfigError('MIGRATION_DATABASE_URL', `is ${config.provider} but DATABASE_URL is ${database.provider}; both must name the same database`);
  }
  return config;
}

function parseSmtp(e: z.infer<typeof schema>): SmtpConfig | null {
  if (e.SMTP_URL) return { url: e.SMTP_URL };
  if (!e.SMTP_HOST) return null;
  const secure = e.SMTP_SECURE === undefined ? e.SMTP_PORT === 465 : e.SMTP_SECURE === 'true' || e.SMTP_SECURE === '1';
  return { host: e.SMTP_HOST, port: e.SMTP_PORT ?? (secure ? 465 : 587), secure, user: e.SMTP_USER || undefined, pass: e.SMTP_PASS || undefined };
}

export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'invalid');
  }
  const e = parsed.data;
  const database = parseDatabaseUrl(e.DATABASE_URL, cwd);
  return {
    nodeEnv: e.NODE_ENV,
    database,
    authSecret: e.AUTH_SECRET,
    seedDemoPassword: e.SEED_DEMO_PASSWORD,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    appUrl: e.APP_URL ?? `http://localhost:${e.PORT}`,
    demo: e.HUTONG_DEMO === undefined ? !e.DATABASE_URL?.trim() : e.HUTONG_DEMO === 'true' || e.HUTONG_DEMO === '1',
    smtp: parseSmtp(e),
    mailFrom: e.MAIL_FROM ?? '"互通 Hutong" <hutong@localhost>',
    summarySchedule: parseWeeklySchedule(e.SUMMARY_SCHEDULE),
    chromiumPath: e.CHROMIUM_PATH,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    trustedProxies: parseTrustedProxies(e.TRUSTED_PROXIES),
    host: e.HOST,
    migrationDatabase: parseMigrationDatabase(e.MIGRATION_DATABASE_URL, database, cwd),
    metricsToken: e.METRICS_TOKEN,
    alerts: e.ALERTS !== 'false' && e.ALERTS !== '0',
    liveUpdates: e.LIVE_UPDATES !== 'false' && e.LIVE_UPDATES !== '0',
    benchRoutes: e.HUTONG_BENCH_ROUTES === 'true' || e.HUTONG_BENCH_ROUTES === '1',
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The secret for session tokens; refuses to run without one (start.ts provides one for the demo). */
export function requireAuthSecret(): string {
  const secret = getEnv().authSecret;
  if (!secret) {
    throw new ConfigError('AUTH_SECRET', 'is not set; set it to a random string of 32+ characters');
  }
  return secret;
}

/**
 * next-auth 4 reads NEXTAUTH_URL from process.env by itself (its redirect URLs and the origin it
 * trusts). Deriving it from APP_URL here keeps one setting for the public URL; an explicit
 * NEXTAUTH_URL is left alone. Called once by lib/auth/options.ts before next-auth runs.
 */
export function provideNextAuthUrl(): void {
  process.env.NEXTAUTH_URL ??= getEnv().appUrl;
}
