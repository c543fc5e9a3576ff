// Creates the next migration for BOTH databases from the change to prisma/schema.prisma since the
// last migration: `npm run db:migration -- <name>`. Uses `prisma migrate diff` between schema files
// (the previous one is kept as prisma/migrations/schema.snapshot.prisma), because the CLI's migrate
// commands do not work through @prisma/adapter-pg. Hand-written SQL (triggers) may be appended to
// the generated files before they are committed; migrations are immutable once committed.
// See docs/decisions/001-two-databases.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPrisma } from './prisma-cli.mjs';
import { renderPostgresSchema } from './db-schemas.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const migrationsDir = path.join(root, 'prisma', 'migrations');
const snapshot = path.join(migrationsDir, 'schema.snapshot.prisma');
const source = path.join(root, 'prisma', 'schema.prisma');

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write('usage: npm run db:migration -- <name in snake_case>\n');
  process.exit(2);
}

const existing = fs.existsSync(path.join(migrationsDir, 'sqlite'))
  ? fs.readdirSync(path.join(migrationsDir, 'sqlite')).filter((d) => /^\d{4}_/.test(d)).sort()
  : [];
const next = String(existing.length + 1).padStart(4, '0');
const folder = `${next}_${name}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-migration-'));

function diff(provider, fromFile, toFile) {
  const from = fromFile ? ['--from-schema-datamodel', fromFile] : ['--from-empty'];
  const config = provider === 'sqlite' ? 'prisma.config.ts' : 'prisma.postgresql.config.ts';
  const databaseUrl =
    provider === 'sqlite'
      ? 'file:./data/prisma-cli.db'
      : (process.env.MIGRATION_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  return runPrisma(
    ['migrate', 'diff', '--config', config, ...from, '--to-schema-datamodel', toFile, '--script'],
    { capture: true, databaseUrl },
  );
}

fs.mkdirSync(path.join(root, 'data'), { recursive: true });
const hasSnapshot = fs.existsSync(snapshot);
const current = fs.readFileSync(source, 'utf8');
const pgCurrent = path.join(tmp, 'current.pg.prisma');
fs.writeFileSync(pgCurrent, renderPostgresSchema(current));
let pgPrevious = null;
if (hasSnapshot) {
  pgPrevious = path.join(tmp, 'previous.pg.prisma');
  fs.writeFileSync(pgPrevious, renderPostgresSchema(fs.readFileSync(snapshot, 'utf8')));
}

const outputs = {
  sqlite: diff('sqlite', hasSnapshot ? snapshot : null, source),
  postgresql: diff('postgresql', pgPrevious, pgCurrent),
};
for (const [provider, sql] of Object.entries(outputs)) {
  const dir = path.join(migrationsDir, provider, folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  process.stdout.write(`wrote prisma/migrations/${provider}/${folder}/migration.sql\n`);
}
fs.copyFileSync(source, snapshot);
fs.rmSync(tmp, { recursive: true, force: true });
