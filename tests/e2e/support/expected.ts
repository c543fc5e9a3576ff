import { execFileSync } from 'node:child_process';
import { servedDatabaseUrl } from '../../support/spec-server';

export interface Expected {
  live: number;
  denominator: number;
  provinces: Record<string, { live: number; total: number }>;
}

/** Coverage straight from the spec file's database, replayed independently of the app (expected-coverage.ts). */
export function expectedCoverage(slug: string, asOf: string): Expected {
  const out = execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'tests/e2e/support/expected-coverage.ts', slug, asOf],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: servedDatabaseUrl() } },
  );
  return JSON.parse(out) as Expected;
}
