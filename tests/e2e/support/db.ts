import { execFileSync } from 'node:child_process';
import { servedDatabaseUrl } from '../../support/spec-server';

export interface StatusRow {
  status: string;
  plannedDate: string | null;
  liveDate: string | null;
  evidenceUrl: string | null;
  note: string | null;
  version: number;
  verified: boolean;
}

function read(args: string[]): unknown {
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/e2e/support/db-read.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: servedDatabaseUrl() },
  });
  return JSON.parse(out);
}

/** One status row as the spec file's database holds it now (db-read.ts). */
export function statusRow(entity: 'city' | 'institution', programSlug: string, code: string): StatusRow {
  return read(['row', entity, programSlug, code]) as StatusRow;
}

/** How many audit entries of this actor, action and outcome name this entity ("<program>/<code>" for status rows). */
export function auditCount(email: string, action: string, outcome: 'ALLOWED' | 'DENIED', entityId: string): number {
  return (read(['audit', email, action, outcome, entityId]) as { count: number }).count;
}
