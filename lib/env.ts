/**
 * The only module that reads process.env. Validated once, failing fast with one line that names
 * the variable and says what to fix (see docs/configuration in README).
 */
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
});

export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'invalid');
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    database: parseDatabaseUrl(e.DATABASE_URL, cwd),
    authSecret: e.AUTH_SECRET,
    seedDemoPassword: e.SEED_DEMO_PASSWORD,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    appUrl: e.APP_URL ?? `http://localhost:${e.PORT}`,
    demo: e.HUTONG_DEMO === undefined ? !e.DATABASE_URL?.trim() : e.HUTONG_DEMO === 'true' || e.HUTONG_DEMO === '1',
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
