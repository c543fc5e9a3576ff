/**
 * The `test` of the browser and API specs: every spec file gets its own app server on its own
 * freshly seeded database (spec-server.ts), so a file can write what it likes and no failure
 * spills into the next file. `baseURL` points at that server; `databaseUrl` is its database;
 * `secondInstance`, when a test asks for it, is another app server on that same database
 * (meaningful on PostgreSQL, where several instances share one database).
 *
 *   import { expect, test } from '../support/fixtures';
 */
import { test as base, expect } from '@playwright/test';
import type { DatabaseProvider } from './settings';
import { SpecServer, type Served } from './spec-server';

export interface ProviderOption {
  /** The database the project's servers run on (set per project in playwright.config.ts). */
  databaseProvider: DatabaseProvider;
}

/** The provider option alone: for the set-up that seeds the template, before any server runs. */
export const setup = base.extend<object, ProviderOption>({
  databaseProvider: ['sqlite', { option: true, scope: 'worker' }],
});

export const test = setup.extend<{ served: Served; databaseUrl: string; secondInstance: Served }, { specServer: SpecServer }>({
  specServer: [
    async ({ databaseProvider }, provide) => {
      const server = new SpecServer(databaseProvider);
      await provide(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  // Before every test, so before its other fixtures: a new spec file gets a new server.
  served: [async ({ specServer }, provide, testInfo) => provide(await specServer.serve(testInfo.file)), { auto: true, timeout: 600_000 }],
  baseURL: async ({ served }, provide) => provide(served.baseURL),
  databaseUrl: async ({ served }, provide) => provide(served.databaseUrl),
  // A second app instance on the same database (started on first use, kept for the spec file).
  secondInstance: [async ({ served, specServer }, provide) => provide(served && (await specServer.serveSecond())), { timeout: 600_000 }],
});

export { expect };
