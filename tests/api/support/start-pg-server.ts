/**
 * The PostgreSQL server of the API contract tests: drops and re-creates the database named in
 * DATABASE_URL (a throw-away one, e.g. hutong_e2e_api), then runs `npm start` on it, which
 * migrates, seeds the demo data and serves the existing build. Started by playwright.config.ts.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^hutong_e2e[a-z0-9_]*$/.test(name)) throw new Error(`refusing to drop "${name}": not an e2e database`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('postgres')) throw new Error('DATABASE_URL must be a postgresql:// URL');
  await recreateDatabase(url);
  const root = path.resolve(__dirname, '../../..');
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
}

main().catch((error: unknown) => {
  process.stderr.write(`start-pg-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
