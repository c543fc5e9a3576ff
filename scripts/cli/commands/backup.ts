/**
 * `backup --to FILE` and `restore --from FILE [--force]` for the SQLite database (lib/db/backup.ts).
 * PostgreSQL installs use pg_dump and pg_restore (docs/operations.md); these commands say so.
 */
import { backupSqlite, BackupError, countRows, restoreSqlite } from '../../../lib/db/backup';
import { getEnv } from '../../../lib/env';
import { CliFailure, type CliCommand } from '../types';

function sqliteFile(action: string): string {
  const config = getEnv().database;
  if (config.provider !== 'sqlite') {
    throw new CliFailure(`${action} handles the SQLite file only; on PostgreSQL use pg_dump / pg_restore (docs/operations.md)`);
  }
  return config.url;
}

async function asCliFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliFailure(error.message);
    throw error;
  }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export const backupCommands: readonly CliCommand[] = [
  {
    group: 'backup',
    name: '',
    summary: 'Copy the SQLite database to a new file while the app keeps running, and check the copy.',
    flags: [{ name: 'to', required: true, placeholder: 'FILE' }],
    async run(flags, env) {
      const source = sqliteFile('backup');
      const { integrity } = await asCliFailure(() => backupSqlite(source, flags.to!));
      const counts = await countRows(flags.to!);
      env.io.out(`backed up ${source} to ${flags.to} (${total(counts)} rows in ${Object.keys(counts).length} tables, integrity ${integrity})`);
    },
  },
  {
    group: 'restore',
    name: '',
    summary: 'Replace the SQLite database with a backup after checking it; stop the app first (or --force).',
    flags: [
      { name: 'from', required: true, placeholder: 'FILE' },
      { name: 'force', required: false, placeholder: '', boolean: true },
    ],
    async run(flags, env) {
      const target = sqliteFile('restore');
      const { integrity } = await asCliFailure(() => restoreSqlite(flags.from!, target, { force: flags.force === 'true' }));
      const counts = await countRows(target);
      env.io.out(`restored ${flags.from} to ${target} (${total(counts)} rows in ${Object.keys(counts).length} tables, integrity ${integrity})`);
    },
  },
];
