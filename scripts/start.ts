/**
 * `npm start`: migrate, seed an empty database, build if needed, serve, and say how to sign in.
 * Every failure before serving ends with one line that says what to fix.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, getEnv } from '../lib/env';
import { migrateDatabase } from '../lib/db/migrate';
import { describeDatabaseError } from '../lib/db/describe-error';
import { createDb, applySqlitePragmas } from '../lib/db';
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_EMAIL_DOMAIN,
  decideListenHost,
  isLoopbackHost,
  listenHostFor,
  listUsersWithDefaultPassword,
} from '../lib/ops/listen';
import { isDatabaseEmpty, seedDatabase } from '../prisma/seed';

const root = process.cwd();

function fail(message: string): never {
  process.stderr.write(`hutong: ${message}\n`);
  process.exit(1);
}

/** A stable random secret for the zero-configuration demo, kept beside the database. */
function demoAuthSecret(): string {
  const file = path.join(root, 'data', 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const SOURCE_DIRS = ['app', 'components', 'lib', 'messages', 'public', 'prisma'];
const SOURCE_FILES = ['next.config.ts', 'proxy.ts', 'package.json', 'tsconfig.json'];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`)) return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else if (!p.endsWith('.test.ts') && !p.endsWith('.test.tsx')) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) visit(path.join(root, d));
  for (const f of SOURCE_FILES) visit(path.join(root, f));
  return newest;
}

function buildIfNeeded(): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = fs.statSync(buildId, { throwIfNoEntry: false });
  if (built && built.mtimeMs >= newestSourceMtime()) return;
  process.stdout.write('hutong: building the app (first start or changed sources; about a minute)...\n');
  // The static Ant Design stylesheet follows the theme and the components in use (`npm run styles:build`).
  const styles = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'antd-css.ts')], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (styles.status !== 0) fail('writing the Ant Design stylesheet failed (see above); fix the error and run npm start again.');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) fail('the build failed (see above); fix the error and run npm start again.');
}

async function main(): Promise<void> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const config = env.database;

  // MIGRATION_DATABASE_URL, when set, is the role that owns the tables; the app then runs as DATABASE_URL.
  const migrationConfig = env.migrationDatabase ?? config;
  try {
    const result = await migrateDatabase(migrationConfig);
    if (result.applied.length > 0) process.stdout.write(`hutong: applied migrations ${result.applied.join(', ')}\n`);
  } catch (error) {
    fail(describeDatabaseError(error, migrationConfig));
  }

  const db = createDb(config);
  let demoUsers: Array<{ email: string; role: string }> = [];
  let seededNow = false;
  let usersWithDefaultPassword: string[] = [];
  try {
    if (config.provider === 'sqlite') await applySqlitePragmas(db);
    if (await isDatabaseEmpty(db)) {
      const demoPassword = env.seedDemoPassword ?? DEFAULT_DEMO_PASSWORD;
      process.stdout.write(`hutong: empty database, seeding ${env.demo ? 'the demo data set' : 'reference data'}...\n`);
      await seedDatabase(db, { demo: env.demo, demoPassword: env.demo ? demoPassword : undefined });
      seededNow = true;
    }
    demoUsers = await db.user.findMany({
      where: { email: { endsWith: DEMO_EMAIL_DOMAIN } },
      select: { email: true, role: true },
      orderBy: { role: 'asc' },
    });
    if (!isLoopbackHost(listenHostFor(env.demo, env.host))) usersWithDefaultPassword = await listUsersWithDefaultPassword(db);
  } catch (error) {
    fail(describeDatabaseError(error, config));
  } finally {
    await db.$disconnect();
  }

  const listen = decideListenHost({ demo: env.demo, host: env.host, usersWithDefaultPassword });
  if (!listen.ok) fail(listen.message);

  let authSecret = env.authSecret;
  if (!authSecret) {
    if (!env.demo) fail('AUTH_SECRET is not set: set it to a random string of 32+ characters (openssl rand -base64 32).');
    authSecret = demoAuthSecret();
  }

  buildIfNeeded();

  // "Every interface" is reachable as localhost too; a specific address is shown as it is.
  const shownHost = isLoopbackHost(listen.host) || listen.host === '0.0.0.0' || listen.host === '::' ? 'localhost' : listen.host;
  const url = `http://${shownHost}:${env.port}`;
  // scripts/serve.mjs rather than `next start`: it tells the app each request's socket address.
  const server = spawn(
    process.execPath,
    [path.join(root, 'scripts', 'serve.mjs'), '--port', String(env.port), '--hostname', listen.host],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: authSecret, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  let announced = false;
  server.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      const lines = [`\nHutong is running on ${url}`];
      if (demoUsers.length > 0) {
        const password = seededNow
          ? (env.seedDemoPassword ?? DEFAULT_DEMO_PASSWORD)
          : `${env.seedDemoPassword ?? DEFAULT_DEMO_PASSWORD} (or the SEED_DEMO_PASSWORD used when the database was seeded)`;
        lines.push('Sign in with a demo user (one per role):');
        for (const u of demoUsers) lines.push(`  ${u.email.padEnd(22)} ${u.role}`);
        lines.push(`Password: ${password}`);
      } else {
        lines.push('No users yet: create the first admin with');
        lines.push('  npm run cli -- user create --email you@example.com --role ADMIN --password <password>');
      }
      process.stdout.write(`${lines.join('\n')}\n\n`);
    }
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => fail((error as Error).message));
