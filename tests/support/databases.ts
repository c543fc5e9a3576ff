/**
 * The test runs' databases: one template per run and provider, seeded once with the demo data, and
 * a copy of it for every spec file (SQLite: a file copy; PostgreSQL: CREATE DATABASE … TEMPLATE),
 * so each file starts from the same data whatever the files before it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { E2E_PG_DATABASE_URL, runDir, type DatabaseProvider } from './settings';

const SQLITE_SIDE_FILES = ['', '-wal', '-shm'];

/** The name in E2E_PG_DATABASE_URL, refused unless it is plainly a throw-away test database. */
function pgBaseName(): string {
  const name = decodeURIComponent(new URL(E2E_PG_DATABASE_URL).pathname.slice(1));
  if (!/^hutong_e2e[a-z0-9_]*$/.test(name)) throw new Error(`E2E_PG_DATABASE_URL: refusing to use "${name}": the name must start with hutong_e2e`);
  return name;
}

function pgUrl(name: string): string {
  const url = new URL(E2E_PG_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onPgServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: pgUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function templateUrl(provider: DatabaseProvider): string {
  return provider === 'sqlite' ? `file:${path.join(runDir(provider), 'template.db')}` : pgUrl(`${pgBaseName()}_template`);
}

/** An empty template, after removing what an earlier run of this checkout and port left behind. */
export async function resetTemplate(provider: DatabaseProvider): Promise<string> {
  if (provider === 'sqlite') {
    fs.rmSync(runDir(provider), { recursive: true, force: true });
    fs.mkdirSync(runDir(provider), { recursive: true });
    return templateUrl(provider);
  }
  const base = pgBaseName();
  await onPgServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2', [base, `${base}\\_%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${base}_template"`);
  });
  fs.rmSync(runDir(provider), { recursive: true, force: true });
  fs.mkdirSync(runDir(provider), { recursive: true });
  return templateUrl(provider);
}

/** A fresh copy of the template named after `name` (letters, digits, dashes); returns its DATABASE_URL. */
export async function copyTemplate(provider: DatabaseProvider, name: string): Promise<string> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  if (provider === 'sqlite') {
    const template = templateUrl(provider).slice('file:'.length);
    if (!fs.existsSync(template)) throw new Error('no template database: run the db-sqlite setup project first');
    const copy = path.join(runDir(provider), `${slug}.db`);
    for (const side of SQLITE_SIDE_FILES) {
      fs.rmSync(copy + side, { force: true });
      if (fs.existsSync(template + side)) fs.copyFileSync(template + side, copy + side);
    }
    return `file:${copy}`;
  }
  const copy = `${pgBaseName()}_${slug}`;
  await onPgServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${copy}" TEMPLATE "${pgBaseName()}_template"`);
  });
  return pgUrl(copy);
}

export async function dropCopy(provider: DatabaseProvider, databaseUrl: string): Promise<void> {
  if (provider === 'sqlite') {
    const file = databaseUrl.slice('file:'.length);
    for (const side of SQLITE_SIDE_FILES) fs.rmSync(file + side, { force: true });
    return;
  }
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  await onPgServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
