import { describe, expect, it } from 'vitest';
import { withTestDb } from '../../tests/helpers/test-db';
import { mulberry32 } from '../../prisma/seed/demo';
import type { EntityType, RolloutStatus } from '../generated/sqlite/client';
import { queryStatusesAsOf } from './as-of-sql';

const STATUSES: RolloutStatus[] = ['NOT_STARTED', 'PLANNED', 'IN_PROGRESS', 'PILOT', 'LIVE', 'PAUSED'];
const T0 = Date.parse('2021-01-01T02:00:00Z');
const HOUR = 3_600_000;

interface Row {
  programId: string;
  entityType: EntityType;
  entityCode: string;
  toStatus: RolloutStatus;
  changedAt: Date;
  version: number;
}

const rows: Row[] = [];

/** Records a change `hours` after T0; inserted in one go in beforeAll. */
function change(
  programId: string,
  entityType: EntityType,
  entityCode: string,
  toStatus: RolloutStatus,
  hours: number,
  version: number,
) {
  rows.push({ programId, entityType, entityCode, toStatus, changedAt: new Date(T0 + hours * HOUR), version });
}

const t = withTestDb(async (t) => {
  for (const id of ['p-a', 'p-b']) {
    await t.db.program.create({
      data: {
        id,
        slug: id,
        nameZh: id,
        nameEn: id,
        unit: 'CITY',
        directionZh: '-',
        directionEn: '-',
        scopeRule: 'ALL_PREFECTURE_CITIES',
        startDate: '2021-01-01',
        baselineTargetDate: '2021-12-31',
        targetDate: '2021-12-31',
      },
    });
  }
  // Hand-made cases.
  change('p-a', 'CITY', '1100', 'PLANNED', 0, 1);
  change('p-a', 'CITY', '1100', 'LIVE', 10, 2);
  change('p-a', 'CITY', '1100', 'PAUSED', 10, 3); // same instant: the higher version wins
  change('p-a', 'CITY', '1200', 'PILOT', 20, 5); // inserted before the lower version of the same instant
  change('p-a', 'CITY', '1200', 'LIVE', 20, 4);
  change('p-a', 'CITY', '4403', 'LIVE', 30, 1); // only after the instants asked below
  change('p-b', 'CITY', '1100', 'NOT_STARTED', 5, 1); // another program
  change('p-a', 'INSTITUTION', 'ICBC', 'LIVE', 1, 1); // another entity type in the same program
  // Random histories with frequent ties, checked against a naive replay below.
  const rng = mulberry32(42);
  for (const code of ['3301', '3302', '3303', '4401', '5101']) {
    let hours = 0;
    for (let version = 1; version <= 40; version++) {
      if (rng() > 0.3) hours += Math.floor(rng() * 5);
      change('p-a', 'CITY', code, STATUSES[Math.floor(rng() * STATUSES.length)]!, 100 + hours, version);
    }
  }
  await t.db.statusChange.createMany({
    data: rows.map((r) => ({ ...r, kind: 'STATUS' as const, after: { status: r.toStatus }, source: 'SEED' as const })),
  });
});

function replay(programId: string, entityType: EntityType, before: Date): Map<string, RolloutStatus> {
  const best = new Map<string, Row>();
  for (const r of rows) {
    if (r.programId !== programId || r.entityType !== entityType || r.changedAt >= before) continue;
    const b = best.get(r.entityCode);
    if (!b || r.changedAt > b.changedAt || (r.changedAt.getTime() === b.changedAt.getTime() && r.version > b.version)) {
      best.set(r.entityCode, r);
    }
  }
  return new Map([...best].map(([code, r]) => [code, r.toStatus]));
}

describe('statuses as of an instant, from the history', () => {
  it('takes the latest change before the instant; at the same instant, the higher version', async () => {
    const s = await queryStatusesAsOf(t.db, 'p-a', 'CITY', new Date(T0 + 25 * HOUR));
    expect(Object.fromEntries(s)).toEqual({ '1100': 'PAUSED', '1200': 'PILOT' });
  });

  it('excludes a change made exactly at the instant, and entities with no change before it', async () => {
    const s = await queryStatusesAsOf(t.db, 'p-a', 'CITY', new Date(T0 + 10 * HOUR));
    expect(Object.fromEntries(s)).toEqual({ '1100': 'PLANNED' });
    expect((await queryStatusesAsOf(t.db, 'p-a', 'CITY', new Date(T0))).size).toBe(0);
  });

  it('keeps programs and entity types apart', async () => {
    const later = new Date(T0 + 1000 * HOUR);
    expect(Object.fromEntries(await queryStatusesAsOf(t.db, 'p-b', 'CITY', later))).toEqual({ '1100': 'NOT_STARTED' });
    expect(Object.fromEntries(await queryStatusesAsOf(t.db, 'p-a', 'INSTITUTION', later))).toEqual({ ICBC: 'LIVE' });
    expect((await queryStatusesAsOf(t.db, 'p-a', 'CITY', later)).has('ICBC')).toBe(false);
    expect((await queryStatusesAsOf(t.db, 'p-none', 'CITY', later)).size).toBe(0);
  });

  it('agrees with a naive replay at every hour of random histories with ties', async () => {
    for (let hours = 95; hours <= 260; hours += 1) {
      const before = new Date(T0 + hours * HOUR);
      const fromDb = await queryStatusesAsOf(t.db, 'p-a', 'CITY', before);
      expect(Object.fromEntries(fromDb), `at +${hours}h`).toEqual(Object.fromEntries(replay('p-a', 'CITY', before)));
    }
  });
});
