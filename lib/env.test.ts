import { describe, expect, it } from 'vitest';
import { ConfigError, parseDatabaseUrl, parseEnv } from './env';

describe('configuration', () => {
  it('defaults to the embedded SQLite file and demo mode', () => {
    const env = parseEnv({}, '/srv/hutong');
    expect(env.database).toEqual({ provider: 'sqlite', url: '/srv/hutong/data/hutong.db' });
    expect(env.demo).toBe(true);
    expect(env.port).toBe(3000);
  });

  it('switches to PostgreSQL by DATABASE_URL and then never seeds demo data by default', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://app@db:5432/hutong' });
    expect(env.database.provider).toBe('postgresql');
    expect(env.demo).toBe(false);
  });

  it('names the variable and the fix for an unknown scheme', () => {
    expect(() => parseDatabaseUrl('mysql://x@y/z')).toThrow(ConfigError);
    expect(() => parseDatabaseUrl('mysql://x@y/z')).toThrow(/^DATABASE_URL: unsupported scheme "mysql:"/);
  });

  it('names the variable for a short secret or a bad port', () => {
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/^AUTH_SECRET: /);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/^PORT: /);
  });

  it('resolves relative SQLite paths against the working directory', () => {
    expect(parseDatabaseUrl('file:./x/y.db', '/a').url).toBe('/a/x/y.db');
    expect(parseDatabaseUrl('file:/abs/y.db', '/a').url).toBe('/abs/y.db');
  });
});
