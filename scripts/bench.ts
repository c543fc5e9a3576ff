/**
 * `npm run bench`: measured speed and weight against the targets (docs/benchmarks.md).
 *
 *   npm run bench                         all parts: size, js, query, lighthouse, html, throughput, streams
 *   npm run bench -- --only=size,query    some parts
 *   npm run bench -- --no-fail            always exit 0 (report only)
 *
 * Options: --db=sqlite,postgresql (query part), --rows=N (history rows, default 1,000,000; the
 * target is defined at that size), --runs=N (timed runs per date, default 30),
 * --postgres-url=URL (a user allowed to create databases; default TEST_POSTGRES_URL or
 * postgresql://postgres@127.0.0.1:5432/postgres), --port=N (production server of the js, lighthouse, html, throughput and streams parts, default 3290),
 * --rebuild (run `next build` even when .next/BUILD_ID exists), --lighthouse-runs=N (runs per page,
 * default 3), --seconds=N (per throughput measurement, default 10), --streams=N (open event streams,
 * default 200).
 *
 * Slow (a few minutes) and loopback only; not part of `npm test` or CI. Every throw-away database
 * and server is removed at the end, on failure and on Ctrl-C too.
 */
import os from 'node:os';
import { runCleanup } from './bench/cleanup';
import { runHtmlBench } from './bench/html';
import { runJsBench } from './bench/js';
import { runLighthouseBench } from './bench/lighthouse';
import { runQueryBench } from './bench/query';
import { formatTable, verdictOf, type Figure } from './bench/report';
import { runSizeBench } from './bench/size';
import { runStreamsBench } from './bench/streams';
import { runThroughputBench } from './bench/throughput';
import type { DatabaseProvider } from '../lib/env';

const PARTS = ['size', 'js', 'query', 'lighthouse', 'html', 'throughput', 'streams'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  parts: Part[];
  fail: boolean;
  providers: DatabaseProvider[];
  rows: number;
  runs: number;
  postgresUrl: string;
  port: number;
  rebuild: boolean;
  lighthouseRuns: number;
  seconds: number;
  streams: number;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nsee the top of scripts/bench.ts for the options\n`);
  process.exit(2);
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) usage(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    parts: [...PARTS],
    fail: true,
    providers: ['sqlite', 'postgresql'],
    rows: 1_000_000,
    runs: 30,
    // Same server the PostgreSQL test suite uses (tests/helpers/test-db.ts).
    postgresUrl: process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    port: 3290,
    rebuild: false,
    lighthouseRuns: 3,
    seconds: 10,
    streams: 200,
  };
  for (const arg of argv) {
    const [flag, value = ''] = arg.split(/=(.*)/s, 2) as [string, string?];
    switch (flag) {
      case '--only': {
        const parts = value.split(',').filter(Boolean);
        const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
        if (parts.length === 0 || unknown.length > 0) usage(`--only takes ${PARTS.join('|')} (comma-separated)`);
        options.parts = parts as Part[];
        break;
      }
      case '--no-fail':
        options.fail = false;
        break;
      case '--db': {
        const dbs = value.split(',').filter(Boolean);
        if (dbs.length === 0 || dbs.some((d) => d !== 'sqlite' && d !== 'postgresql')) usage('--db takes sqlite,postgresql');
        options.providers = dbs as DatabaseProvider[];
        break;
      }
      case '--rows':
        options.rows = positiveInt('rows', value);
        break;
      case '--runs':
        options.runs = positiveInt('runs', value);
        break;
      case '--postgres-url':
        if (!/^postgres(ql)?:\/\//.test(value)) usage('--postgres-url must be a postgresql:// URL');
        options.postgresUrl = value;
        break;
      case '--port':
        options.port = positiveInt('port', value);
        break;
      case '--rebuild':
        options.rebuild = true;
        break;
      case '--lighthouse-runs':
        options.lighthouseRuns = positiveInt('lighthouse-runs', value);
        break;
      case '--seconds':
        options.seconds = positiveInt('seconds', value);
        break;
      case '--streams':
        options.streams = positiveInt('streams', value);
        break;
      default:
        usage(`unknown option ${arg}`);
    }
  }
  return options;
}

const log = (line: string) => process.stdout.write(`bench: ${line}\n`);

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const root = process.cwd();
  const started = Date.now();
  const figures: Figure[] = [];
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  log(`parts: ${options.parts.join(', ')}; ${os.cpus().length} cores, Node ${process.version}, load average ${load()}`);

  if (options.parts.includes('size')) figures.push(...runSizeBench(root));
  if (options.parts.includes('js')) {
    figures.push(...(await runJsBench({ root, port: options.port, rebuild: options.rebuild, log })));
  }
  if (options.parts.includes('query')) {
    figures.push(
      ...(await runQueryBench({
        providers: options.providers,
        rows: options.rows,
        runs: options.runs,
        postgresAdminUrl: options.postgresUrl,
        log,
      })),
    );
  }
  const server = { root, port: options.port, rebuild: options.rebuild, log };
  if (options.parts.includes('lighthouse')) figures.push(...(await runLighthouseBench({ ...server, runs: options.lighthouseRuns })));
  if (options.parts.includes('html')) figures.push(...(await runHtmlBench(server)));
  if (options.parts.includes('throughput')) figures.push(...(await runThroughputBench({ ...server, seconds: options.seconds })));
  if (options.parts.includes('streams')) figures.push(...(await runStreamsBench({ ...server, streams: options.streams })));
  await runCleanup(log);

  const missed = figures.filter((f) => verdictOf(f) === 'FAIL');
  process.stdout.write(`\n${formatTable(figures)}\n\n`);
  log(
    `${missed.length === 0 ? 'every target met' : `${missed.length} target(s) missed`} ` +
      `(${Math.round((Date.now() - started) / 1000)} s; load average ${load()})`,
  );
  return missed.length > 0 && options.fail ? 1 : 0;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: cleaning up`);
    void runCleanup(log).finally(() => process.exit(130));
  });
}

main()
  .then((code) => process.exit(code))
  .catch(async (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    await runCleanup(log);
    process.exit(1);
  });
