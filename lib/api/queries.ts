/**
 * The reads of the partner API, shaped as its response schemas (./schemas.ts). They sit on the
 * same queries as the pages (programs, coverage, projection, history) and only reshape them.
 * Every role may read all of this (`coverage.read`); the handler has authenticated the caller.
 * Status rows and history entries pass the visibility rule (lib/auth/permissions.ts): a partner
 * gets other rows' status and dates, with their note, evidence, verification and people null or
 * left out.
 */
import 'server-only';
import type { Db } from '../db';
import { AppError } from '../errors';
import { invalidField } from '../forms/validate-input';
import { authorize, canReadChange, redactSnapshot, redactStatusRow, type StatusRowRef } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import { readThroughHistoryCache, type CachedAnswer } from '../coverage/history-cache';
import { getCoverageAsOf } from '../coverage/queries';
import { getProjection } from '../coverage/series';
import type { Prisma, RolloutStatus } from '../generated/sqlite/client';
import { visibleChangesWhere } from '../history/queries';
import { readSnapshot } from '../history/snapshot';
import { getMatrix } from '../matrix/queries';
import { getPortfolio } from '../portfolio/queries';
import { listProgramDirections, NO_DIRECTION } from '../programs/directions';
import { listPrograms } from '../programs/queries';
import type { InteropMode } from '../generated/sqlite/enums';
import { statusRowSelect, type StatusRowRecord } from '../status/dto';
import { endOfShanghaiDay, startOfShanghaiDay, toShanghaiIso } from '../time';
import type { CityItem, CoverageBody, HistoryEntry, HistoryPage, InstitutionItem, MatrixBody, PortfolioBody, ProgramItem } from './schemas';

async function requireProgram(db: Db, slug: string) {
  const program = await db.program.findUnique({ where: { slug }, select: { id: true, slug: true, unit: true } });
  if (!program) throw new AppError('NOT_FOUND', `no program ${slug}`);
  return program;
}

export async function listApiPrograms(db: Db, viewer: Viewer): Promise<ProgramItem[]> {
  authorize(viewer, 'coverage.read');
  const [programs, directions] = await Promise.all([listPrograms(db), listProgramDirections(db)]);
  return programs.map((p) => {
    const direction = directions.get(p.slug) ?? NO_DIRECTION;
    return {
      slug: p.slug,
      name: p.nameZh,
      nameEn: p.nameEn,
      unit: p.unit,
      startDate: p.startDate,
      baselineTargetDate: p.baselineTargetDate,
      targetDate: p.targetDate,
      targetValue: p.targetValue,
      mode: direction.mode,
      payers: direction.payers,
      acceptors: direction.acceptors,
    };
  });
}

/** The who-scans-whom matrix (lib/matrix), names as the API spells them. */
export async function getApiMatrix(db: Db, viewer: Viewer, asOf: string, mode: InteropMode): Promise<MatrixBody> {
  const m = await getMatrix(db, viewer, asOf, mode);
  return {
    asOf: m.asOf,
    mode: m.mode,
    rails: m.rails.map((r) => ({ code: r.code, name: r.nameZh, nameEn: r.nameEn, groupsInstitutions: r.groupsInstitutions })),
    rows: m.rows.map((row) => ({
      payer: row.payer,
      cells: row.cells.map((c) => ({
        acceptor: c.acceptor,
        isSameRail: c.isSameRail,
        programs: c.programs.map((p) => ({
          slug: p.slug,
          name: p.nameZh,
          nameEn: p.nameEn,
          unit: p.unit,
          isStarted: p.isStarted,
          live: p.live,
          denominator: p.denominator,
          percent: p.percent,
          targetValue: p.targetValue,
          completedOn: p.completedOn,
          health: p.health,
          completionDate: p.completionDate,
          targetDate: p.targetDate,
          sparkline: p.sparkline,
        })),
      })),
      institutions: row.institutions.map((i) => ({ code: i.code, name: i.nameZh, nameEn: i.nameEn, cells: i.cells })),
    })),
  };
}

/** The program portfolio (lib/portfolio), riskiest first. */
export async function getApiPortfolio(db: Db, viewer: Viewer, asOf: string): Promise<PortfolioBody> {
  const p = await getPortfolio(db, viewer, asOf);
  return {
    asOf: p.asOf,
    items: p.rows.map((r) => ({
      slug: r.slug,
      name: r.nameZh,
      nameEn: r.nameEn,
      unit: r.unit,
      isStarted: r.isStarted,
      live: r.live,
      denominator: r.denominator,
      percent: r.percent,
      targetValue: r.targetValue,
      health: r.health,
      completionDate: r.completionDate,
      daysLate: r.daysLate,
      baselineTargetDate: r.baselineTargetDate,
      targetDate: r.targetDate,
      isReplanned: r.isReplanned,
      changeSinceLastWeek: r.changeSinceLastWeek,
      staleness: r.staleness,
      staleAfterDays: r.staleAfterDays,
    })),
  };
}

/**
 * The coverage answer with its ETag. Every role reads the same answer (nothing in it is redacted),
 * so it is cached by the program's history version (lib/coverage/history-cache.ts).
 */
export async function getApiCoverage(db: Db, viewer: Viewer, slug: string, asOf: string): Promise<CachedAnswer<CoverageBody>> {
  authorize(viewer, 'coverage.read');
  const answer = await readThroughHistoryCache(db, slug, `api-coverage|${asOf}`, () => computeApiCoverage(db, slug, asOf));
  if (!answer) throw new AppError('NOT_FOUND', `no program ${slug}`);
  return answer;
}

async function computeApiCoverage(db: Db, slug: string, asOf: string): Promise<CoverageBody | null> {
  const [coverage, projection] = await Promise.all([getCoverageAsOf(db, slug, asOf), getProjection(db, slug, asOf)]);
  if (!coverage) return null;
  return {
    program: coverage.program.slug,
    unit: coverage.program.unit,
    asOf: coverage.asOf,
    denominator: coverage.denominator,
    live: coverage.live,
    percent: coverage.percent,
    counts: { ...coverage.counts },
    provinces: coverage.provinces.map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn, total: p.denominator, live: p.live, percent: p.percent })),
    metric: coverage.metric ? { value: coverage.metric.value, date: coverage.metric.date, target: coverage.metric.target } : null,
    projection: projection
      ? { completionDate: projection.completionDate, health: projection.health, targetDate: projection.targetDate, velocityPerWeek: projection.velocityPerWeek }
      : null,
  };
}

type StatusRecord = Pick<
  StatusRowRecord,
  'status' | 'plannedDate' | 'liveDate' | 'evidenceUrl' | 'note' | 'lastConfirmedAt' | 'verified' | 'version' | 'updatedAt'
>;

/**
 * The status part of an API item (cities and institutions alike) as `viewer` may see it, instants
 * in Shanghai time.
 */
export function statusFields(viewer: Viewer, ref: StatusRowRef, row: StatusRecord) {
  return redactStatusRow(viewer, ref, {
    status: row.status,
    plannedDate: row.plannedDate,
    liveDate: row.liveDate,
    evidenceUrl: row.evidenceUrl,
    note: row.note,
    lastConfirmedAt: row.lastConfirmedAt ? toShanghaiIso(row.lastConfirmedAt) : null,
    verified: row.verified,
    version: row.version,
    updatedAt: toShanghaiIso(row.updatedAt),
  });
}

const citySelect = { ...statusRowSelect, cityCode: true, city: { select: { name: true, nameEn: true, provinceCode: true } } } as const;
const institutionSelect = {
  ...statusRowSelect,
  institutionCode: true,
  institution: { select: { nameZh: true, nameEn: true, type: true } },
} as const;

export interface CityFilter {
  province?: string;
  status?: RolloutStatus;
  code?: string;
}

export async function listApiCities(db: Db, viewer: Viewer, slug: string, filter: CityFilter = {}): Promise<CityItem[]> {
  authorize(viewer, 'coverage.read');
  const program = await requireProgram(db, slug);
  const where: Prisma.CityStatusWhereInput = {
    programId: program.id,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.code ? { cityCode: filter.code } : {}),
    ...(filter.province ? { city: { provinceCode: filter.province } } : {}),
  };
  const rows = await db.cityStatus.findMany({ where, select: citySelect, orderBy: { cityCode: 'asc' } });
  return rows.map((r) => ({ code: r.cityCode, name: r.city.name, nameEn: r.city.nameEn, provinceCode: r.city.provinceCode, ...statusFields(viewer, { entityType: 'CITY', code: r.cityCode }, r) }));
}

export interface InstitutionFilter {
  status?: RolloutStatus;
  type?: string;
  code?: string;
}

export async function listApiInstitutions(db: Db, viewer: Viewer, slug: string, filter: InstitutionFilter = {}): Promise<InstitutionItem[]> {
  authorize(viewer, 'coverage.read');
  const program = await requireProgram(db, slug);
  const where: Prisma.InstitutionStatusWhereInput = {
    programId: program.id,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.code ? { institutionCode: filter.code } : {}),
    ...(filter.type ? { institution: { type: filter.type as InstitutionItem['type'] } } : {}),
  };
  const rows = await db.institutionStatus.findMany({ where, select: institutionSelect, orderBy: { institutionCode: 'asc' } });
  return rows.map((r) => ({
    code: r.institutionCode,
    name: r.institution.nameZh,
    nameEn: r.institution.nameEn,
    type: r.institution.type,
    ...statusFields(viewer, { entityType: 'INSTITUTION', code: r.institutionCode }, r),
  }));
}

export async function getApiCity(db: Db, viewer: Viewer, slug: string, code: string): Promise<CityItem> {
  const [item] = await listApiCities(db, viewer, slug, { code });
  if (!item) throw new AppError('NOT_FOUND', `no city ${code} in ${slug}`);
  return item;
}

export async function getApiInstitution(db: Db, viewer: Viewer, slug: string, code: string): Promise<InstitutionItem> {
  const [item] = await listApiInstitutions(db, viewer, slug, { code });
  if (!item) throw new AppError('NOT_FOUND', `no institution ${code} in ${slug}`);
  return item;
}

export interface HistoryQuery {
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

const isDateOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Cursor: the id of the last entry of the previous page, base64url so clients treat it as opaque. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}
function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

/**
 * Status changes of a program, oldest first, in the order the as-of replay applies them, paged by
 * an opaque cursor. `from`/`to` are dates (whole Shanghai days) or instants.
 */
export async function listApiHistory(db: Db, viewer: Viewer, slug: string, query: HistoryQuery): Promise<HistoryPage> {
  authorize(viewer, 'coverage.read');
  const program = await requireProgram(db, slug);
  const from = query.from ? (isDateOnly(query.from) ? startOfShanghaiDay(query.from) : new Date(query.from)) : undefined;
  const to = query.to ? (isDateOnly(query.to) ? endOfShanghaiDay(query.to) : new Date(query.to)) : undefined;
  let cursor: { id: string } | undefined;
  if (query.cursor) {
    const id = decodeCursor(query.cursor);
    const found = await db.statusChange.findFirst({ where: { id, programId: program.id }, select: { id: true } });
    if (!found) throw invalidField('cursor', 'unknownCursor');
    cursor = { id };
  }
  const rows = await db.statusChange.findMany({
    where: {
      programId: program.id,
      ...visibleChangesWhere(viewer),
      // endOfShanghaiDay is the first instant of the next day (exclusive); an instant is inclusive.
      changedAt: { ...(from ? { gte: from } : {}), ...(to ? (query.to && isDateOnly(query.to) ? { lt: to } : { lte: to }) : {}) },
    },
    orderBy: [{ changedAt: 'asc' }, { version: 'asc' }, { id: 'asc' }],
    ...(cursor ? { cursor, skip: 1 } : {}),
    take: query.limit + 1,
    select: {
      id: true,
      changedAt: true,
      kind: true,
      actorRole: true,
      actor: { select: { name: true } },
      entityType: true,
      entityCode: true,
      before: true,
      after: true,
      source: true,
      version: true,
    },
  });
  const page = rows.slice(0, query.limit);
  const items = page
    .filter((r) => canReadChange(viewer, { entityType: r.entityType, code: r.entityCode }, r.kind))
    .map((r): HistoryEntry => {
      const ref = { entityType: r.entityType, code: r.entityCode };
      const entry: HistoryEntry = {
        id: r.id,
        changedAt: toShanghaiIso(r.changedAt),
        kind: r.kind,
        actorKind: r.actorRole ?? 'SYSTEM',
        actorName: r.actor?.name ?? null,
        entity: { type: r.entityType, code: r.entityCode },
        // readSnapshot keeps only well-formed fields; a status it keeps is a RolloutStatus.
        before: r.before === null ? null : (redactSnapshot(viewer, ref, readSnapshot(r.before)) as HistoryEntry['after']),
        after: redactSnapshot(viewer, ref, readSnapshot(r.after)) as HistoryEntry['after'],
        source: r.source,
        version: r.version,
      };
      return redactStatusRow(viewer, ref, entry);
    });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null };
}
