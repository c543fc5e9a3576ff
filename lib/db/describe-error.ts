import type { DatabaseConfig } from '../env';

/** Host and database of a PostgreSQL URL, without the password. */
export function redactDatabaseUrl(config: DatabaseConfig): string {
  if (config.provider === 'sqlite') return config.url;
  try {
    const u = new URL(config.url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured server';
  }
}

/**
 * One line a person can act on when the database can't be opened at start-up, naming the
 * variable to fix. Never includes the password.
 */
export function describeDatabaseError(error: unknown, config: DatabaseConfig): string {
  const code = (error as { code?: string } | null)?.code;
  const where = redactDatabaseUrl(config);
  if (config.provider === 'sqlite') {
    if (code === 'EACCES' || code === 'SQLITE_CANTOPEN') {
      return `Cannot open the SQLite file ${where}: check DATABASE_URL and that the folder is writable.`;
    }
    return `Cannot open the SQLite database ${where}: ${(error as Error).message}`;
  }
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${where} (connection refused): start the server or fix DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot resolve the PostgreSQL host in DATABASE_URL (${where}): fix the host name.`;
    case 'ETIMEDOUT':
      return `PostgreSQL at ${where} did not answer in time: check DATABASE_URL and the network.`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the user or password in DATABASE_URL (${where}).`;
    case '3D000':
      return `The database in DATABASE_URL does not exist on ${where}: create it (createdb) or fix the name.`;
    default:
      if ((error as Error | null)?.message?.includes('timeout')) {
        return `PostgreSQL at ${where} did not answer in time: check DATABASE_URL and the network.`;
      }
      return `Cannot use PostgreSQL at ${where}: ${(error as Error).message}`;
  }
}
