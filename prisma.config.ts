// Prisma CLI configuration. The CLI is used only at build time (generate, and `migrate diff`
// between schema files); the app applies migrations itself (lib/db/migrate.ts), see
// docs/decisions/001-two-databases.md. `engine: 'js'` keeps every CLI command on the WASM engines
// shipped in npm: the classic engine would try to download a native binary, which fails offline.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    // Only reached by commands that open a database; the app never goes through here.
    return new PrismaBetterSQLite3({ url: 'file:./data/prisma-cli.db' });
  },
});
