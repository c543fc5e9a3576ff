// postinstall: generate the Prisma client for both providers (lib/generated/{sqlite,postgresql}).
// Both are always generated so one build serves either database, chosen at run time by DATABASE_URL.
// The URLs are placeholders of the right scheme: generate never connects, but with a URL of the
// wrong scheme the CLI falls back to the classic engine and tries to download it.
import { runPrisma } from './prisma-cli.mjs';

runPrisma(['generate', '--config', 'prisma.config.ts'], { databaseUrl: 'file:./data/prisma-cli.db' });
runPrisma(['generate', '--config', 'prisma.postgresql.config.ts'], {
  databaseUrl: 'postgresql://localhost:5432/unused',
});
