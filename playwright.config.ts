/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against the production build.
 * Run with `npm run test:e2e` (needs `apt-get install -y chromium fonts-noto-cjk`).
 *
 * Every spec file gets its own server (`npm start`, port E2E_PORT) on its own copy of a database
 * seeded once per run (tests/support): what one file writes, no other file sees. The partner API
 * contract tests (tests/api, HTTP only) run twice: on SQLite, and on PostgreSQL (port E2E_PORT + 1,
 * databases named after E2E_PG_DATABASE_URL). The browser specs run on SQLite, except
 * `*.postgresql.spec.ts`, which run on PostgreSQL (port E2E_PORT + 1, and E2E_PORT + 3 for a
 * second app instance on the same database).
 */
import { execSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import type { ProviderOption } from './tests/support/fixtures';

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    throw new Error('Chromium not found: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)');
  }
}

export default defineConfig<object, ProviderOption>({
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // Seed the template databases the other projects copy, once per run and provider.
    { name: 'db-sqlite', testDir: 'tests/support', testMatch: 'template.setup.ts', use: { databaseProvider: 'sqlite' } },
    { name: 'db-postgresql', testDir: 'tests/support', testMatch: 'template.setup.ts', use: { databaseProvider: 'postgresql' } },
    { name: 'browser', testDir: 'tests/e2e', testIgnore: '*.postgresql.spec.ts', dependencies: ['db-sqlite'], use: { databaseProvider: 'sqlite' } },
    { name: 'browser-postgresql', testDir: 'tests/e2e', testMatch: '*.postgresql.spec.ts', dependencies: ['db-postgresql'], use: { databaseProvider: 'postgresql' } },
    { name: 'api-sqlite', testDir: 'tests/api', dependencies: ['db-sqlite'], use: { databaseProvider: 'sqlite' } },
    { name: 'api-postgresql', testDir: 'tests/api', dependencies: ['db-postgresql'], use: { databaseProvider: 'postgresql' } },
  ],
});
