/**
 * The production server the browser and load parts of `npm run bench` measure: `next start` of the
 * current build on loopback, against a throw-away SQLite file seeded with the demo data.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applySqlitePragmas, createDb } from '../../lib/db';
import { migrateDatabase } from '../../lib/db/migrate';
import { seedDatabase } from '../../prisma/seed';
import { onCleanup } from './cleanup';

type Log = (line: string) => void;

export interface BenchDatabase {
  file: string;
  /** The demo users' password (prisma/seed/demo/users.ts). */
  password: string;
}

/** Demo users (prisma/seed/demo/users.ts): the admin sees every page; the program manager is who watches live pages. */
export const DEMO_ADMIN = 'admin@hutong.test';
export const DEMO_MANAGER = 'pm@hutong.test';

const SERVER_READY_TIMEOUT_MS = 90_000;
const SOURCE_DIRS = ['app', 'components', 'lib', 'messages', 'proxy.ts', 'next.config.ts'];

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  if (path.basename(p) === 'generated') return 0;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

/** Builds the production app when there is no build (or `--rebuild`); warns when it is older than the sources. */
export function buildIfNeeded(root: string, rebuild: boolean, log: Log): void {
  // Several parts share the build: `--rebuild` builds once per run.
  if (isBuiltThisRun) return;
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = fs.statSync(buildId, { throwIfNoEntry: false });
  if (built && !rebuild) {
    const newest = Math.max(...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))));
    if (newest > built.mtimeMs) log('warning: .next is older than the sources; pass --rebuild to measure the current code');
    return;
  }
  log('building the production app (next build, a few minutes on 2 cores)');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed (see above)');
  isBuiltThisRun = true;
}

let isBuiltThisRun = false;

async function isAnswering(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Migrates and seeds a throw-away SQLite file with the demo (once per run, shared by the parts);
 * returns its path and the demo users' password.
 */
export function prepareDatabase(): Promise<BenchDatabase> {
  prepared ??= createBenchDatabase();
  return prepared;
}

let prepared: Promise<BenchDatabase> | undefined;

async function createBenchDatabase(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-bench-'));
  onCleanup(`SQLite folder ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'bench.db');
  const password = `Bench-${crypto.randomBytes(9).toString('base64url')}`;
  await migrateDatabase({ provider: 'sqlite', url: file });
  const db = createDb({ provider: 'sqlite', url: file });
  try {
    await applySqlitePragmas(db);
    await seedDatabase(db, { demo: true, demoPassword: password });
  } finally {
    await db.$disconnect();
  }
  return { file, password };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The server was started in its own process group: this ends next and its workers, nothing else.
  process.kill(-child.pid, 'SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  }
}

/**
 * `next start` on 127.0.0.1:`port` against the bench database, in its own process group; `extraEnv`
 * adds settings for one part (e.g. LIVE_UPDATES). Stopped by the cleanup at the latest.
 */
export async function startServer(
  root: string,
  port: number,
  database: BenchDatabase,
  log: Log,
  extraEnv: Record<string, string> = {},
): Promise<{ base: string; child: ChildProcess }> {
  const { file: dbFile, password } = database;
  const base = `http://127.0.0.1:${port}`;
  if (await isAnswering(base)) throw new Error(`port ${port} is already in use; pass --port=N`);
  log(`starting next start on ${base}${Object.keys(extraEnv).length ? ` (${Object.entries(extraEnv).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}`);
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        DATABASE_URL: `file:${dbFile}`,
        HUTONG_DEMO: 'true',
        SEED_DEMO_PASSWORD: password,
        AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
        // The origin the browser uses: next-auth derives its URL and cookie scope from it.
        APP_URL: base,
        LOG_LEVEL: 'warn',
        ...extraEnv,
      },
    },
  );
  onCleanup(`next start (pid ${child.pid})`, () => stopServer(child));
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean).slice(-20));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${output.slice(-5).join(' | ')}`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return { base, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not ready after ${SERVER_READY_TIMEOUT_MS / 1000} s: ${output.slice(-5).join(' | ')}`);
}

