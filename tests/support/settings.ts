/**
 * Settings of the browser and API test runs (playwright.config.ts and the fixtures), in one place.
 * E2E_PORT and E2E_PG_DATABASE_URL let two checkouts run the suite at once.
 */
import path from 'node:path';

export type DatabaseProvider = 'sqlite' | 'postgresql';

/** The SQLite servers listen here, the PostgreSQL one on the next port. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Names the PostgreSQL databases: `<name>_template`, and one `<name>_<n>` per spec file. */
export const E2E_PG_DATABASE_URL = process.env.E2E_PG_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/hutong_e2e_api';
export const E2E_PASSWORD = 'E2e-Demo-Password-2021';
export const E2E_AUTH_SECRET = 'e2e-only-secret-e2e-only-secret-0123456789';
/** Per-token API limit of the test servers: above what any contract test sends, except the one that tests it. */
export const E2E_API_RATE_LIMIT = 120;
/**
 * Where the pictures taken on purpose for the README go: the run's own output folder unless
 * `npm run screenshots` points it at docs/screenshots.
 */
export const E2E_SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;

export const ROOT = path.resolve(__dirname, '../..');

/** The run's databases and server logs, per port so two runs in one checkout stay apart. */
export function runDir(provider: DatabaseProvider): string {
  return path.join(ROOT, 'data', `e2e-${E2E_PORT}`, provider);
}

export function portOf(provider: DatabaseProvider): number {
  return provider === 'sqlite' ? E2E_PORT : E2E_PORT + 1;
}

/** The demo users' API tokens, made in the template by template.setup.ts. */
export function tokensFile(provider: DatabaseProvider): string {
  return path.join(runDir(provider), 'tokens.json');
}
