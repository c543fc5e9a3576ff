/**
 * Warm timings, wall clock and CPU. On a shared 2-core machine the wall clock also measures the
 * other tenants; CPU time (this process, plus the PostgreSQL server processes serving it when the
 * server runs on this machine) is what the call itself costs, and roughly what its wall time would
 * be on an idle machine. Both are reported (docs/benchmarks.md).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { median } from './report';

const WARM_UP_RUNS = 3;

/**
 * Starts a CPU reading of the database server processes serving the app; the returned function
 * gives the CPU milliseconds they used since, or null when that cannot be read (a remote server,
 * no /proc, a process that went away meanwhile).
 */
export type ServerCpu = () => Promise<() => number | null>;

function clockTicksPerSecond(): number {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

function cpuMsOfPids(pids: readonly number[], ticksPerSecond: number): number | null {
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return null;
    }
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}

/**
 * Measures the CPU of the PostgreSQL backends connected to one database (the app's pool), through
 * a separate monitoring connection. Null readings when the server is not local.
 */
export async function watchPostgresBackends(url: string): Promise<{ cpu: ServerCpu; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  const host = new URL(url).hostname;
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(host) && fs.existsSync('/proc/self/stat');
  const ticksPerSecond = clockTicksPerSecond();
  return {
    cpu: async () => {
      if (!local) return () => null;
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      const pids = rows.map((r) => r.pid);
      const start = cpuMsOfPids(pids, ticksPerSecond);
      return () => {
        const end = cpuMsOfPids(pids, ticksPerSecond);
        return start === null || end === null ? null : end - start;
      };
    },
    close: () => client.end(),
  };
}

export interface Timings {
  samples: number[];
  perDate: Array<{ date: string; median: number }>;
  /** Mean CPU per call of this process (the app side, and SQLite itself, which runs in-process). */
  appCpuMs: number;
  /** Mean CPU per call of the database server processes; null for SQLite or a remote server. */
  serverCpuMs: number | null;
}

/** Warm-up, then `runs` timed calls at each date, one after another. */
export async function timeAtDates(
  dates: readonly string[],
  runs: number,
  run: (date: string) => Promise<unknown>,
  serverCpu: ServerCpu | null,
): Promise<Timings> {
  const samples: number[] = [];
  const perDate: Timings['perDate'] = [];
  let appCpu = 0;
  let serverCpuTotal: number | null = serverCpu ? 0 : null;
  for (const date of dates) {
    for (let i = 0; i < WARM_UP_RUNS; i++) await run(date);
    // Started after the warm-up, so the pool's backends all exist.
    const serverSince = serverCpu ? await serverCpu() : null;
    const app0 = process.cpuUsage();
    const own: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await run(date);
      own.push(performance.now() - started);
    }
    const app = process.cpuUsage(app0);
    appCpu += (app.user + app.system) / 1000;
    const server = serverSince ? serverSince() : null;
    serverCpuTotal = serverCpuTotal === null || server === null ? null : serverCpuTotal + server;
    samples.push(...own);
    perDate.push({ date, median: median(own) });
  }
  const calls = dates.length * runs;
  return {
    samples,
    perDate,
    appCpuMs: appCpu / calls,
    serverCpuMs: serverCpuTotal === null ? null : serverCpuTotal / calls,
  };
}
