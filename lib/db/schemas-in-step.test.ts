import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

describe('one schema, two providers', () => {
  it('keeps prisma/postgresql/schema.prisma generated from prisma/schema.prisma', () => {
    const r = spawnSync(process.execPath, ['scripts/db-schemas.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('has a migration for the current schema (the snapshot equals the schema)', () => {
    const snapshot = fs.readFileSync(path.join('prisma', 'migrations', 'schema.snapshot.prisma'), 'utf8');
    const schema = fs.readFileSync(path.join('prisma', 'schema.prisma'), 'utf8');
    expect(snapshot, 'schema changed without `npm run db:migration -- <name>`').toBe(schema);
  });
});
