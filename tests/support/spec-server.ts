/**
 * One app server per worker, restarted on a fresh copy of the template database whenever the
 * worker moves on to another spec file: `npm start` (scripts/start.ts, which skips migration and
 * seeding on an already-seeded database, and builds first when there is no current build) on the
 * provider's port, ready once /api/health answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { copyTemplate, dropCopy } from './databases';
import { E2E_API_RATE_LIMIT, E2E_AUTH_SECRET, E2E_PASSWORD, ROOT, portOf, runDir, type DatabaseProvider } from './settings';

export interface Served {
  baseURL: string;
  databaseUrl: string;
}

/** Long enough for a first build (a fresh clone); a built app is up in seconds. */
const START_TIMEOUT_MS = 600_000;
const STOP_TIMEOUT_MS = 10_000;

let current: Served | null = null;

/** The database of the spec file now running, for tests that check rows the pages cannot show. */
export function servedDatabaseUrl(): string {
  if (!current) throw new Error('no app server is running: use `test` from tests/support/fixtures');
  return current.databaseUrl;
}

/**
 * Spec files whose server runs with LIVE_UPDATES off: they wait for a quiet network (Playwright's
 * `networkidle`, e.g. before measuring a page), and a page's open event stream keeps it busy.
 */
const QUIET_NETWORK_SPECS: ReadonlySet<string> = new Set(['phone', 'accessibility']);

/** The spec file's name without `.spec.ts`: names its database copy and its server log. */
const nameOf = (specFile: string) => path.basename(specFile).replace(/\.spec\.ts$/, '');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export class SpecServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private file: string | null = null;
  private served: Served | null = null;
  private second: { child: ChildProcess; exited: Promise<void>; served: Served } | null = null;

  constructor(
    private readonly provider: DatabaseProvider,
    private readonly port = portOf(provider),
  ) {}

  /** The server of `specFile`: the running one, or a new one on a fresh database. */
  async serve(specFile: string): Promise<Served> {
    if (this.served && this.file === specFile && this.child?.exitCode === null) return (current = this.served);
    const name = nameOf(specFile);
    const previous = this.file && nameOf(this.file);
    // The old server shuts down while the new database is copied (unless it is the same database).
    const stopping = this.stop();
    if (previous === name) await stopping;
    const databaseUrl = await copyTemplate(this.provider, name);
    await stopping;
    await waitForFreePort(this.port);
    const child = startApp(this.provider, databaseUrl, this.port, name);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.file = specFile;
    this.served = { baseURL: `http://localhost:${this.port}`, databaseUrl };
    await waitForHealth(this.provider, this.served.baseURL, child, name);
    return (current = this.served);
  }

  /**
   * A second app instance on the running spec file's database (PostgreSQL: two instances share
   * one database, as in a deployment with several), on the port after the next; stopped with the
   * first. For tests of what one instance's write does to a browser connected to the other.
   */
  async serveSecond(): Promise<Served> {
    if (!this.served || !this.file) throw new Error('serveSecond: no first app server is running');
    if (this.second && this.second.child.exitCode === null) return this.second.served;
    const name = `${nameOf(this.file)}-second`;
    const port = this.port + 2;
    await waitForFreePort(port);
    const child = startApp(this.provider, this.served.databaseUrl, port, name);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const served = { baseURL: `http://localhost:${port}`, databaseUrl: this.served.databaseUrl };
    this.second = { child, exited, served };
    await waitForHealth(this.provider, served.baseURL, child, name);
    return served;
  }

  async stop(): Promise<void> {
    const { child, served, second } = this;
    this.child = null;
    this.served = null;
    this.second = null;
    this.file = null;
    current = null;
    await Promise.all([stopApp(child, this.exited), second ? stopApp(second.child, second.exited) : null]);
    if (served) await dropCopy(this.provider, served.databaseUrl);
  }
}

async function waitForFreePort(port: number): Promise<void> {
  for (let waited = 0; await isPortOpen(port); waited += 200) {
    if (waited > STOP_TIMEOUT_MS) throw new Error(`port ${port} is in use by another program: set E2E_PORT to a free port`);
    await sleep(200);
  }
}

/** `npm start` on `databaseUrl` and `port`, logging to the run's `<name>.log`. */
function startApp(provider: DatabaseProvider, databaseUrl: string, port: number, name: string): ChildProcess {
  const log = fs.openSync(path.join(runDir(provider), `${name}.log`), 'w');
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: ROOT,
    // Its own process group: stopping it stops `next start` under it too.
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HUTONG_DEMO: 'true',
      SEED_DEMO_PASSWORD: E2E_PASSWORD,
      PORT: String(port),
      AUTH_SECRET: E2E_AUTH_SECRET,
      API_RATE_LIMIT_PER_MINUTE: String(E2E_API_RATE_LIMIT),
      ALERTS: 'true',
      // Live pages as in production, except where a spec waits for a quiet network (Playwright's
      // `networkidle`), which an open event stream never gives.
      LIVE_UPDATES: QUIET_NETWORK_SPECS.has(name.replace(/-second$/, '')) ? 'false' : 'true',
    },
  });
  fs.closeSync(log);
  return child;
}

async function stopApp(child: ChildProcess | null, exited: Promise<void>): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return;
  process.kill(-child.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
  if (!stopped) {
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}

async function waitForHealth(provider: DatabaseProvider, baseURL: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const logFile = path.join(runDir(provider), `${name}.log`);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the app server for ${name} exited early:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
    }
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`the app server for ${name} did not answer /api/health within ${START_TIMEOUT_MS / 1000} s`);
}
