/**
 * The identity the CLI acts under. Mutations always take a RequestContext and authorise it; the
 * operator at the server's shell has no user account (the CLI is how the first admin is made), so
 * the CLI passes a synthetic ADMIN viewer instead of a back door around authorisation. Its
 * `source: 'cli'` makes the audit trail record the change with actor id null and source "cli",
 * so it is never mistaken for a person's action. It is never a session: nothing can sign in as it.
 */
import fs from 'node:fs';
import { applySqlitePragmas, createDb, type Db } from '../../lib/db';
import type { DatabaseConfig } from '../../lib/env';
import type { RequestContext } from '../../lib/auth/viewer';
import { CliFailure } from './types';

export const CLI_CONTEXT: RequestContext = {
  viewer: { id: 'cli', email: 'cli@localhost', name: 'CLI', role: 'ADMIN', institutionCode: null },
  ip: null,
  source: 'cli',
};

/**
 * Opens the configured database without migrating it: the CLI changes data, never the schema
 * (`npm start` migrates). A SQLite file that does not exist is reported, not created.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  if (config.provider === 'sqlite' && !fs.existsSync(config.url)) {
    throw new CliFailure(`no database at ${config.url}: run \`npm start\` once (it creates and migrates it) or set DATABASE_URL`);
  }
  const db = createDb(config);
  if (config.provider === 'sqlite') await applySqlitePragmas(db);
  return db;
}
