/**
 * As-of coverage at scale: a throw-away database per engine (SQLite file under the temp folder,
 * PostgreSQL database created and dropped on the given server), one million synthetic StatusChange
 * rows bulk-loaded, then warm timings of getCoverageAsOf at several dates. The raw as-of query is
 * first checked against a naive replay of the generated rows, so a fast but wrong query cannot pass.
 *
 * Raw SQL here only bulk-loads the throw-away database (Prisma's createMany manages about a
 * thousand rows a second on this machine, a quarter of an hour for the million): statements are
 * assembled from placeholders and constants only, every value is bound. It goes through the app's
 * own Prisma client and driver adapter, so dates are stored exactly as the app stores them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { applySqlitePragmas, createDb, type Db, type Tx } from '../../lib/db';
import { migrateDatabase } from '../../lib/db/migrate';
import type { DatabaseConfig, DatabaseProvider } from '../../lib/env';
import { getCoverageAsOf } from '../../lib/coverage/queries';
import { queryStatusesAsOf } from '../../lib/coverage/as-of-sql';
import { endOfShanghaiDay } from '../../lib/time';
import { seedDatabase } from '../../prisma/seed';
import { onCleanup } from './cleanup';
import { median, percentile, type Figure } from './report';
import { timeAtDates, watchPostgresBackends, type Timings } from './timing';
import {
  DEFAULT_SHAPE,
  buildProgramHistory,
  replayAsOf,
  splitEvenly,
  type HistoryShape,
  type SyntheticChange,
} from './synthetic-history';
import { measureSeries } from './series';

export interface QueryBenchOptions {
  providers: DatabaseProvider[];
  /** StatusChange rows to load (the target is defined at 1,000,000). */
  rows: number;
  /** Timed runs per date, after warm-up. */
  runs: number;
  /** A PostgreSQL URL of a user allowed to create databases; the bench database lives beside it. */
  postgresAdminUrl: string;
  log: (line: string) => void;
}

export const AS_OF_TARGET_MS = 50;
/** Dates across the history: early rollout, middle, late, and after the last change. */
export const BENCH_DATES = ['2020-02-15', '2020-08-15', '2021-02-15', '2021-08-15', '2022-06-30'] as const;
/** Rows per SQLite INSERT: 10 bound values each, under SQLite's limit of 32,766 per statement. */
const SQLITE_INSERT_ROWS = 3_000;
const TRANSACTION_TIMEOUT_MS = 600_000;
/** The program that is timed: one of 30 equal-sized programs, so any would do. */
const BENCH_PROGRAM_INDEX = 14;

const programId = (i: number) => `bench-program-${String(i + 1).padStart(2, '0')}`;
const programSlug = (i: number) => `bench-${String(i + 1).padStart(2, '0')}`;

interface BenchDatabase {
  config: DatabaseConfig;
  drop: () => Promise<void>;
}

async function createSqliteDatabase(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-bench-'));
  const drop = onCleanup(`SQLite folder ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  return { config: { provider: 'sqlite', url: path.join(dir, 'bench.db') }, drop };
}

async function createPostgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `hutong_bench_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    // The name is generated above from hex digits only, so it is safe to interpolate.
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const drop = onCleanup(`PostgreSQL database ${name}`, async () => {
    const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { config: { provider: 'postgresql', url: url.toString() }, drop };
}

const CHANGE_COLUMNS =
  '"id", "programId", "entityType", "entityCode", "kind", "fromStatus", "toStatus", "before", "after", ' +
  '"changedAt", "actorRole", "source", "isIllustrative", "version"';

/**
 * One program's history in bulk. SQLite: multi-row INSERTs. PostgreSQL: one INSERT ... SELECT
 * FROM unnest(arrays) per program, with the casts to its enum and jsonb types (timestamps go in as
 * UTC ISO strings; a timestamp-without-zone column keeps the UTC wall time, as Prisma does).
 */
async function insertChanges(tx: Tx, provider: DatabaseProvider, program: string, changes: readonly SyntheticChange[]) {
  const beforeJson = (c: SyntheticChange) => (c.fromStatus ? JSON.stringify({ status: c.fromStatus }) : null);
  const afterJson = (c: SyntheticChange) => JSON.stringify({ status: c.toStatus, version: c.version });
  if (provider === 'postgresql') {
    await tx.$executeRawUnsafe(
      `INSERT INTO "StatusChange" (${CHANGE_COLUMNS})
       SELECT u.id, $1, 'CITY', u.code, CAST(u.kind AS "ChangeKind"), CAST(u.f AS "RolloutStatus"),
              CAST(u.t AS "RolloutStatus"), CAST(u.b AS jsonb), CAST(u.a AS jsonb), CAST(u.at AS timestamp(3)),
              'PARTNER', 'FORM', true, u.v
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[])
            AS u(id, code, kind, f, t, b, a, at, v)`,
      program,
      changes.map((c) => c.id),
      changes.map((c) => c.entityCode),
      changes.map((c) => c.kind),
      changes.map((c) => c.fromStatus),
      changes.map((c) => c.toStatus),
      changes.map(beforeJson),
      changes.map(afterJson),
      changes.map((c) => c.changedAt.toISOString()),
      changes.map((c) => c.version),
    );
    return;
  }
  const row = "(?, ?, 'CITY', ?, ?, ?, ?, ?, ?, ?, 'PARTNER', 'FORM', 1, ?)";
  for (let i = 0; i < changes.length; i += SQLITE_INSERT_ROWS) {
    const batch = changes.slice(i, i + SQLITE_INSERT_ROWS);
    const values = batch.flatMap((c) => [
      c.id,
      program,
      c.entityCode,
      c.kind,
      c.fromStatus,
      c.toStatus,
      beforeJson(c),
      afterJson(c),
      // A Date, so the driver adapter stores it in the app's own format.
      c.changedAt,
      c.version,
    ]);
    await tx.$executeRawUnsafe(
      `INSERT INTO "StatusChange" (${CHANGE_COLUMNS}) VALUES ${batch.map(() => row).join(', ')}`,
      ...values,
    );
  }
}

/** Loads programs, their CityStatus rows and the synthetic history; returns the timed program's rows. */
async function loadHistory(
  db: Db,
  provider: DatabaseProvider,
  rows: number,
  shape: HistoryShape,
  log: (line: string) => void,
) {
  const cities = await db.city.findMany({
    where: { level: { not: 'COUNTY_LEVEL' } },
    select: { code: true },
    orderBy: { code: 'asc' },
  });
  const codes = cities.map((c) => c.code);
  await db.program.createMany({
    data: Array.from({ length: shape.programs }, (_, i) => ({
      id: programId(i),
      slug: programSlug(i),
      nameZh: `基准项目 ${i + 1}`,
      nameEn: `Benchmark program ${i + 1}`,
      unit: 'CITY' as const,
      directionZh: '基准测试',
      directionEn: 'Benchmark',
      scopeRule: 'ALL_PREFECTURE_CITIES' as const,
      startDate: '2020-01-01',
      baselineTargetDate: '2021-12-31',
      targetDate: '2021-12-31',
      isIllustrative: true,
      sortOrder: i,
    })),
  });

  const perProgram = splitEvenly(rows, shape.programs);
  let timed: ReturnType<typeof buildProgramHistory> | null = null;
  let loaded = 0;
  for (let p = 0; p < shape.programs; p++) {
    const history = buildProgramHistory(p, codes, perProgram[p] ?? 0, shape);
    if (p === BENCH_PROGRAM_INDEX) timed = history;
    await db.$transaction(
      async (tx) => {
        await tx.cityStatus.createMany({
          data: codes.map((code) => {
            const final = history.finals.get(code);
            return {
              programId: programId(p),
              cityCode: code,
              status: final?.status ?? 'NOT_STARTED',
              version: final?.version ?? 1,
              lastConfirmedAt: final?.changedAt ?? null,
            };
          }),
        });
        await insertChanges(tx, provider, programId(p), history.changes);
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
    );
    loaded += history.changes.length;
    if ((p + 1) % 5 === 0 || p === shape.programs - 1) log(`  loaded ${loaded.toLocaleString('en-US')} rows`);
  }
  if (!timed) throw new Error(`benchmark needs at least ${BENCH_PROGRAM_INDEX + 1} programs`);
  return timed;
}

/**
 * What autovacuum does to a long-lived table and a fresh bulk load lacks: planner statistics, and
 * the visibility map that lets index-only scans skip the table.
 */
async function vacuumPostgres(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    await c.query('VACUUM ANALYZE');
  } finally {
    await c.end();
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** "CPU 12.3 ms per call (app 8.1 + server 4.2)", or the app side alone for SQLite. */
function describeCpu(provider: DatabaseProvider, t: Timings): string {
  if (provider === 'sqlite') return `CPU ${round(t.appCpuMs)} ms per call (in-process)`;
  if (t.serverCpuMs === null) return `app CPU ${round(t.appCpuMs)} ms per call (server n/a)`;
  return `CPU ${round(t.appCpuMs + t.serverCpuMs)} ms per call (app ${round(t.appCpuMs)} + server ${round(t.serverCpuMs)})`;
}

function cpuFigure(name: string, provider: DatabaseProvider, t: Timings): Figure {
  const note =
    provider === 'sqlite'
      ? 'mean; Node with SQLite in-process: what the call costs, whatever else the machine runs'
      : t.serverCpuMs === null
        ? 'mean; app only (the server processes could not be read: remote server, or a pool connection was replaced)'
        : `mean; app ${round(t.appCpuMs)} + PostgreSQL server ${round(t.serverCpuMs)}`;
  return { name, value: round(t.appCpuMs + (t.serverCpuMs ?? 0)), unit: 'ms', target: null, note };
}

const engineName = (p: DatabaseProvider) => (p === 'sqlite' ? 'SQLite' : 'PostgreSQL');

async function benchProvider(provider: DatabaseProvider, options: QueryBenchOptions): Promise<Figure[]> {
  const { log } = options;
  const name = engineName(provider);
  const shape = { ...DEFAULT_SHAPE, rows: options.rows };
  const bench =
    provider === 'sqlite' ? await createSqliteDatabase() : await createPostgresDatabase(options.postgresAdminUrl);
  let db: Db | null = null;
  try {
    log(`${name}: migrating and seeding reference data`);
    await migrateDatabase(bench.config);
    db = createDb(bench.config);
    if (provider === 'sqlite') await applySqlitePragmas(db);
    await seedDatabase(db, { demo: false });

    log(`${name}: loading ${options.rows.toLocaleString('en-US')} StatusChange rows`);
    const loadStarted = performance.now();
    const timed = await loadHistory(db, provider, options.rows, shape, log);
    if (provider === 'postgresql') await vacuumPostgres(bench.config.url);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const stored = await db.statusChange.count();
    log(`${name}: ${stored.toLocaleString('en-US')} rows in ${loadSeconds.toFixed(1)} s`);

    // Correctness first: the database's answer must equal a naive replay of the generated rows.
    const program = programId(BENCH_PROGRAM_INDEX);
    for (const date of BENCH_DATES) {
      const before = endOfShanghaiDay(date);
      const fromDb = await queryStatusesAsOf(db, program, 'CITY', before);
      const expected = replayAsOf(timed.changes, before);
      const same = fromDb.size === expected.size && [...expected].every(([code, s]) => fromDb.get(code) === s);
      if (!same) throw new Error(`${name}: as-of statuses on ${date} differ from a replay of the history`);
    }

    const slug = programSlug(BENCH_PROGRAM_INDEX);
    const activeDb = db;
    const monitor = provider === 'postgresql' ? await watchPostgresBackends(bench.config.url) : null;
    try {
      log(`${name}: timing getCoverageAsOf (${options.runs} warm runs at each of ${BENCH_DATES.length} dates)`);
      const load = os.loadavg()[0]!.toFixed(1);
      const coverage = await timeAtDates(
        BENCH_DATES,
        options.runs,
        (date) => getCoverageAsOf(activeDb, slug, date),
        monitor?.cpu ?? null,
      );
      const raw = await timeAtDates(
        BENCH_DATES,
        options.runs,
        (date) => queryStatusesAsOf(activeDb, program, 'CITY', endOfShanghaiDay(date)),
        monitor?.cpu ?? null,
      );
      const perDate = coverage.perDate.map((d) => `${d.date} ${round(d.median)}`).join(', ');
      log(`${name}: getCoverageAsOf median per date (ms): ${perDate}`);

      const figures: Figure[] = [
        {
          name: `getCoverageAsOf, ${name}, median`,
          value: round(median(coverage.samples)),
          unit: 'ms',
          target: AS_OF_TARGET_MS,
          comparison: 'below',
          note:
            `${stored.toLocaleString('en-US')} history rows; ` +
            `${coverage.samples.length} warm runs at ${BENCH_DATES.length} dates; load average ${load}`,
        },
        {
          name: `  getCoverageAsOf, ${name}, p95`,
          value: round(percentile(coverage.samples, 95)),
          unit: 'ms',
          target: null,
          note: 'tail latency of the same runs',
        },
        cpuFigure(`  getCoverageAsOf, ${name}, CPU per call`, provider, coverage),
        {
          name: `  as-of SQL alone, ${name}, median`,
          value: round(median(raw.samples)),
          unit: 'ms',
          target: null,
          note: `queryStatusesAsOf; p95 ${round(percentile(raw.samples, 95))} ms; ${describeCpu(provider, raw)}`,
        },
        {
          name: `  history load, ${name}`,
          value: Math.round(loadSeconds * 10) / 10,
          unit: 's',
          target: null,
          note:
            provider === 'sqlite'
              ? `multi-row INSERTs of ${SQLITE_INSERT_ROWS.toLocaleString('en-US')}, one transaction per program`
              : 'INSERT ... SELECT FROM unnest(arrays), one per program; then VACUUM ANALYZE',
        },
      ];
      figures.push(...(await measureSeries(activeDb, slug, options.runs, name, monitor?.cpu ?? null, log)));
      return figures;
    } finally {
      await monitor?.close();
    }
  } finally {
    await db?.$disconnect();
    await bench.drop();
  }
}

export async function runQueryBench(options: QueryBenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const provider of options.providers) {
    try {
      figures.push(...(await benchProvider(provider, options)));
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? 'failed';
      options.log(`${engineName(provider)}: query benchmark failed: ${message}`);
      figures.push({
        name: `getCoverageAsOf, ${engineName(provider)}, median`,
        value: null,
        unit: 'ms',
        target: AS_OF_TARGET_MS,
        comparison: 'below',
        note: `not measured: ${message}`,
      });
    }
  }
  return figures;
}
