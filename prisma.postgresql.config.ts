// Prisma CLI configuration for the PostgreSQL copy of the schema (used by `prisma generate` and
// `prisma migrate diff` only; migrations are applied by lib/db/migrate.ts, because the CLI's
// migrate commands do not work through @prisma/adapter-pg, see docs/decisions/001-two-databases.md).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'postgresql', 'schema.prisma'),
  async adapter() {
    // generate never connects; `migrate diff` opens a connection it does not use, so it needs a
    // reachable server (scripts/db-new-migration.mjs passes the local one).
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres' });
  },
});
