import { describe, expect, it } from 'vitest';
import { ConfigError, parseDatabaseUrl, parseEnv, parseTrustedProxies } from './env';

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

  it('trusts no proxy unless TRUSTED_PROXIES says so, and names a bad entry', () => {
    expect(parseEnv({}).trustedProxies).toEqual({ kind: 'none' });
    expect(parseTrustedProxies('none')).toEqual({ kind: 'none' });
    expect(parseTrustedProxies('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(parseTrustedProxies('10.0.0.5, 2001:db8::/32')).toEqual({
      kind: 'ranges',
      ranges: [
        { address: '10.0.0.5', prefix: 32, family: 'ipv4' },
        { address: '2001:db8::', prefix: 32, family: 'ipv6' },
      ],
    });
    expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/^TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not/);
    expect(() => parseEnv({ TRUSTED_PROXIES: 'nginx' })).toThrow(/^TRUSTED_PROXIES: /);
  });

  it('takes a migration connection only for the same kind of database', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://app@db/hutong', MIGRATION_DATABASE_URL: 'postgresql://owner@db/hutong' });
    expect(env.migrationDatabase).toEqual({ provider: 'postgresql', url: 'postgresql://owner@db/hutong' });
    expect(parseEnv({}).migrationDatabase).toBeNull();
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://app@db/hutong', MIGRATION_DATABASE_URL: 'file:./x.db' })).toThrow(/^MIGRATION_DATABASE_URL: /);
  });

  it('keeps alerts and live pages on unless ALERTS or LIVE_UPDATES turn them off, and names a bad value', () => {
    expect(parseEnv({}).alerts).toBe(true);
    expect(parseEnv({ ALERTS: 'true' }).alerts).toBe(true);
    expect(parseEnv({ ALERTS: '0' }).alerts).toBe(false);
    expect(parseEnv({ ALERTS: 'false' }).alerts).toBe(false);
    expect(() => parseEnv({ ALERTS: 'yes' })).toThrow(/^ALERTS: /);
    expect(parseEnv({}).liveUpdates).toBe(true);
    expect(parseEnv({ LIVE_UPDATES: '1' }).liveUpdates).toBe(true);
    expect(parseEnv({ LIVE_UPDATES: 'false' }).liveUpdates).toBe(false);
    expect(() => parseEnv({ LIVE_UPDATES: 'on' })).toThrow(/^LIVE_UPDATES: /);
  });

  it('keeps the bench reference routes off unless HUTONG_BENCH_ROUTES says so', () => {
    expect(parseEnv({}).benchRoutes).toBe(false);
    expect(parseEnv({ HUTONG_BENCH_ROUTES: 'true' }).benchRoutes).toBe(true);
    expect(parseEnv({ HUTONG_BENCH_ROUTES: '0' }).benchRoutes).toBe(false);
    expect(() => parseEnv({ HUTONG_BENCH_ROUTES: 'yes' })).toThrow(/^HUTONG_BENCH_ROUTES: /);
  });

  it('validates HOST and METRICS_TOKEN', () => {
    expect(parseEnv({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(() => parseEnv({ HOST: 'a b' })).toThrow(/^HOST: /);
    expect(() => parseEnv({ METRICS_TOKEN: 'short' })).toThrow(/^METRICS_TOKEN: /);
  });
});
