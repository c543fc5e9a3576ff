/**
 * Migrates and seeds the demo data into the template database of a test run, as `npm start` does
 * for an empty database. Run by template.setup.ts: tsx seed-template.ts <DATABASE_URL> <password>
 */
import { applySqlitePragmas, createDb } from '../../lib/db';
import { migrateDatabase } from '../../lib/db/migrate';
import { parseDatabaseUrl } from '../../lib/env';
import { seedDatabase } from '../../prisma/seed';

async function main(): Promise<void> {
  const [url, demoPassword] = process.argv.slice(2);
  if (!url || !demoPassword) throw new Error('usage: seed-template.ts <DATABASE_URL> <demo password>');
  const config = parseDatabaseUrl(url);
  await migrateDatabase(config);
  const db = createDb(config);
  try {
    if (config.provider === 'sqlite') await applySqlitePragmas(db);
    await seedDatabase(db, { demo: true, demoPassword });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
