import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { withDemoDb } from '../../../../../tests/helpers/demo-db';
import { EXPECTED, NAMED_CITIES_20211002, PROGRAM_SLUGS } from '../../../../../prisma/seed/demo';
import type { RequestContext } from '@/lib/auth/viewer';
import { getCoverageAsOf } from '@/lib/coverage/queries';
import { getProjection } from '@/lib/coverage/series';
import { AppError } from '@/lib/errors';
import { createSummaryArchive, type SummaryArchive } from '@/lib/summary/archive';
import type { SummaryApiDto } from '@/lib/summary/api';

// The session is replaced per test; the database is a real seeded one and the archive a temp folder.
const session = vi.hoisted(() => ({ requireRequestContext: vi.fn<() => Promise<RequestContext>>() }));
vi.mock('@/lib/auth/session', () => session);
const state = vi.hoisted(() => ({ db: null as unknown, archive: null as unknown }));
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db')>()),
  getDb: async () => state.db,
}));
vi.mock('@/lib/summary/service', () => ({ getSummaryArchive: () => state.archive }));

const { GET } = await import('./route');

let signedIn: RequestContext;
const { t, as } = withDemoDb();
beforeAll(async () => {
  state.db = t.db;
  state.archive = createSummaryArchive(t.db) satisfies SummaryArchive;
  signedIn = as.icbc;
}, 120_000);
beforeEach(() => {
  session.requireRequestContext.mockReset();
  session.requireRequestContext.mockResolvedValue(signedIn);
});

const get = (week: string, query = '') =>
  GET(new NextRequest(`http://localhost/api/v1/summaries/${encodeURIComponent(week)}${query}`), { params: Promise.resolve({ week }) });

describe('GET /api/v1/summaries/{week}', { timeout: 60_000 }, () => {
  it('serves 2021-W39 with the coverage, change, went-live list, projection and target of every program', async () => {
    const res = await get('2021-W39');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as SummaryApiDto;
    expect(body).toMatchObject({ week: '2021-W39', weekStart: '2021-09-27', weekEnd: '2021-10-03', scope: 'all' });
    const cities = body.programs.find((p) => p.program.slug === PROGRAM_SLUGS.alipayUnionpay)!;
    expect(cities.coverage).toEqual({ live: EXPECTED.alipayUnionpayLiveOn20211002, denominator: 337, percent: 14.5 });
    expect(cities.change).toEqual({ live: cities.coverage.live - cities.previous.live, percentPoints: expect.any(Number) });
    expect(cities.wentLive.length).toBe(cities.change.live);
    for (const e of cities.wentLive) expect(Object.keys(e).sort()).toEqual(['code', 'name', 'nameEn']);
    expect(cities.liveCodes).toEqual(expect.arrayContaining([...NAMED_CITIES_20211002]));
    expect(cities.projection).toMatchObject({ targetDate: '2022-03-31', completionDate: expect.any(String), health: 'OFF_TRACK' });
    expect(cities.program).toMatchObject({ targetDate: '2022-03-31', baselineTargetDate: '2022-03-31' });
    expect(cities).not.toHaveProperty('series');
    const banks = body.programs.find((p) => p.program.slug === PROGRAM_SLUGS.bankApps)!;
    expect(banks.coverage.live).toBe(EXPECTED.bankAppsLiveOn20211002);
  });

  it('has the numbers of the coverage and projection queries for the week end (the dashboard’s numbers)', async () => {
    const body = (await (await get('2021-W48')).json()) as SummaryApiDto;
    for (const p of body.programs) {
      const coverage = (await getCoverageAsOf(t.db, p.program.slug, '2021-12-05'))!;
      expect(p.coverage).toEqual({ live: coverage.live, denominator: coverage.denominator, percent: coverage.percent });
      const projection = (await getProjection(t.db, p.program.slug, '2021-12-05'))!;
      expect(p.projection).toMatchObject({ health: projection.health, completionDate: projection.completionDate, daysLate: projection.daysLate });
    }
    const cities = body.programs.find((p) => p.program.slug === PROGRAM_SLUGS.alipayUnionpay)!;
    expect(cities.projection).toMatchObject({ health: 'COMPLETE', completionDate: '2021-12-02', daysEarly: 119 });
  });

  it('serves one program with ?program=, stored once: a second read is the same record', async () => {
    const first = (await (await get('2021-W40', `?program=${PROGRAM_SLUGS.bankApps}`)).json()) as SummaryApiDto;
    expect(first.scope).toBe(PROGRAM_SLUGS.bankApps);
    expect(first.programs.map((p) => p.program.slug)).toEqual([PROGRAM_SLUGS.bankApps]);
    const second = (await (await get('2021-W40', `?program=${PROGRAM_SLUGS.bankApps}`)).json()) as SummaryApiDto;
    expect(second).toEqual(first);
  });

  it.each([
    ['an impossible week', '2021-W99', '', 422, 'VALIDATION'],
    ['week 53 of a 52-week year', '2021-W53', '', 422, 'VALIDATION'],
    ['a date instead of a week', '2021-10-02', '', 422, 'VALIDATION'],
    ['junk', '%00<script>', '', 422, 'VALIDATION'],
    ['a future week', '2099-W01', '', 404, 'NOT_FOUND'],
    ['a week before any program', '2018-W10', '', 404, 'NOT_FOUND'],
    ['an unknown program', '2021-W39', '?program=no-such-program', 404, 'NOT_FOUND'],
    ['a program that had not started', '2021-W39', `?program=${PROGRAM_SLUGS.reverse}`, 404, 'NOT_FOUND'],
    ['a malformed program', '2021-W39', '?program=../../etc', 422, 'VALIDATION'],
    ['an unknown parameter', '2021-W39', '?asOf=2021-10-02', 422, 'VALIDATION'],
  ])('answers %s with %i, never 500', async (_label, week, query, status, code) => {
    const res = await get(week, query);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body).not.toHaveProperty('programs');
  });

  it('refuses a request without a session, with the error shape and no data', async () => {
    session.requireRequestContext.mockRejectedValue(new AppError('UNAUTHENTICATED', 'sign in'));
    const res = await get('2021-W39');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'sign in', details: null } });
  });
});
