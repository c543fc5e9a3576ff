/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against the production build,
 * started by `npm start` on a throw-away SQLite file seeded with the demo data.
 * Run with `npm run test:e2e` (needs `apt-get install -y chromium fonts-noto-cjk`).
 *
 * The partner API contract tests (tests/api, HTTP only) run twice: against that SQLite server and
 * against a second server of the same build on a fresh PostgreSQL database (port E2E_PORT + 1,
 * tests/api/support/start-pg-server.ts). The browser specs run on SQLite only.
 */
import { execSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import type { ApiWorkerOptions } from './tests/api/support/api';

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    throw new Error('Chromium not found: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)');
  }
}

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DB = 'file:./data/e2e.db';
export const E2E_PASSWORD = 'E2e-Demo-Password-2021';
export const E2E_PG_PORT = E2E_PORT + 1;
export const E2E_PG_DB = process.env.E2E_PG_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/hutong_e2e_api';
/** Per-token API limit of the test servers: above what any contract test sends, except the one that tests it. */
export const E2E_API_RATE_LIMIT = 120;
const E2E_AUTH_SECRET = 'e2e-only-secret-e2e-only-secret-0123456789';

export default defineConfig<object, ApiWorkerOptions>({
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
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
    { name: 'browser', testDir: 'tests/e2e' },
    { name: 'api-sqlite', testDir: 'tests/api', use: { databaseUrl: E2E_DB } },
    { name: 'api-postgresql', testDir: 'tests/api', use: { baseURL: `http://localhost:${E2E_PG_PORT}`, databaseUrl: E2E_PG_DB } },
  ],
  // Started one after the other: the first builds when needed, the second reuses that build.
  webServer: [
    {
      command: 'npm start',
      url: `http://localhost:${E2E_PORT}/api/health`,
      // npm start builds first when no build is there (a fresh clone); CI builds beforehand.
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        DATABASE_URL: E2E_DB,
        HUTONG_DEMO: 'true',
        SEED_DEMO_PASSWORD: E2E_PASSWORD,
        PORT: String(E2E_PORT),
        AUTH_SECRET: E2E_AUTH_SECRET,
        API_RATE_LIMIT_PER_MINUTE: String(E2E_API_RATE_LIMIT),
      },
    },
    {
      // Drops and creates the database, then `npm start` (migrate, seed, serve).
      command: 'npx tsx tests/api/support/start-pg-server.ts',
      url: `http://localhost:${E2E_PG_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        DATABASE_URL: E2E_PG_DB,
        HUTONG_DEMO: 'true',
        SEED_DEMO_PASSWORD: E2E_PASSWORD,
        PORT: String(E2E_PG_PORT),
        AUTH_SECRET: E2E_AUTH_SECRET,
        API_RATE_LIMIT_PER_MINUTE: String(E2E_API_RATE_LIMIT),
      },
    },
  ],
});
