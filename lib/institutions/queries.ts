/**
 * Reads about institutions (banks, payment institutions, device wallets): one institution with its
 * status in every program, and the matrix of all institutions against the programs that count
 * institutions.
 */
import 'server-only';
import type { Db } from '../db';
import { authorize, redactStatusRow } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import type { InstitutionType, RolloutStatus } from '../generated/sqlite/client';
import { findProgramStatuses, type ProgramStatusDto } from '../history/program-status';
import { readSnapshot } from '../history/snapshot';
import { assessRowStaleness, isRolloutComplete, type RowStaleness } from './staleness';
import { endOfShanghaiDay, isIsoDate, todayInShanghai, toShanghaiIso } from '../time';

/** Display order of the types: large state-owned banks first, as the sources list them. */
export const INSTITUTION_TYPES = [
  'STATE_OWNED_BANK',
  'JOINT_STOCK_BANK',
  'CITY_COMMERCIAL_BANK',
  'RURAL_BANK',
  'PAYMENT_INSTITUTION',
  'DEVICE_WALLET',
] as const satisfies readonly InstitutionType[];

export function isInstitutionType(value: string): value is InstitutionType {
  return (INSTITUTION_TYPES as readonly string[]).includes(value);
}

/** Stable short codes such as "ICBC" or "HUAWEIPAY". */
const INSTITUTION_CODE_RE = /^[A-Z][A-Z0-9_]{1,31}$/;

export function isInstitutionCode(value: string): boolean {
  return INSTITUTION_CODE_RE.test(value);
}

export interface InstitutionDetailDto {
  code: string;
  nameZh: string;
  nameEn: string;
  type: InstitutionType;
  isIllustrative: boolean;
  /** Where its participation is documented, when it is. */
  source: string | null;
  /** One entry per program the institution is enrolled in, in program order. */
  programs: ProgramStatusDto[];
  today: string;
}

/** The institution and its statuses as `viewer` may see them (lib/auth/permissions.ts). */
export async function getInstitutionDetail(
  db: Db,
  viewer: Viewer,
  code: string,
  options: { today?: string } = {},
): Promise<InstitutionDetailDto | null> {
  if (!isInstitutionCode(code)) return null;
  const today = options.today ?? todayInShanghai();
  const institution = await db.institution.findUnique({
    where: { code },
    select: { code: true, nameZh: true, nameEn: true, type: true, isIllustrative: true, source: true },
  });
  if (!institution) return null;
  return { ...institution, programs: await findProgramStatuses(db, viewer, 'INSTITUTION', code, today), today };
}

// ---------------------------------------------------------------------------------------------
// Matrix

export interface MatrixProgramDto {
  slug: string;
  nameZh: string;
  nameEn: string;
  staleAfterDays: number;
  isIllustrative: boolean;
  /** Every enrolled institution is LIVE on the reference date: its LIVE rows are never stale. */
  isRolloutComplete: boolean;
}

export interface MatrixCellDto {
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
  /** ISO 8601 with +08:00; null when never confirmed. */
  lastConfirmedAt: string | null;
  daysSinceConfirmed: number | null;
  isStale: boolean;
  /** Null when withheld from this viewer: a partner sees other institutions' status and dates only. */
  verified: boolean | null;
}

export interface MatrixRowDto {
  code: string;
  nameZh: string;
  nameEn: string;
  type: InstitutionType;
  isIllustrative: boolean;
  /** Keyed by program slug; null where the institution is not enrolled in that program. */
  cells: Record<string, MatrixCellDto | null>;
}

export interface TypeCountDto {
  type: InstitutionType;
  /** Institutions of this type (whatever the filter). */
  count: number;
  /** Of those, LIVE per program slug. */
  liveByProgram: Record<string, number>;
}

export interface InstitutionMatrixDto {
  programs: MatrixProgramDto[];
  rows: MatrixRowDto[];
  /** Every type, in display order, including types with no institution. */
  typeCounts: TypeCountDto[];
  /** All institutions, whatever the filter. */
  total: number;
  type: InstitutionType | null;
  /** The date the statuses were replayed to; null for the current rows. */
  asOf: string | null;
  /** Staleness is measured against this date: `asOf` when given, else today (Shanghai). */
  staleReferenceDate: string;
}

export interface InstitutionMatrixOptions {
  type?: InstitutionType;
  /** Replay statuses from the history to the end of this Shanghai date (YYYY-MM-DD). */
  asOf?: string;
  /** Injectable for tests; defaults to today in Shanghai. */
  today?: string;
}

interface CellSource {
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
  lastConfirmedAt: Date | null;
  verified: boolean;
}

function staleness({ daysSinceConfirmed, isStale }: RowStaleness): Pick<MatrixCellDto, 'daysSinceConfirmed' | 'isStale'> {
  return { daysSinceConfirmed, isStale };
}

const NOTHING_YET: CellSource = { status: 'NOT_STARTED', plannedDate: null, liveDate: null, lastConfirmedAt: null, verified: true };

/**
 * As of the end of `asOf`: the `after` snapshot of each row's latest change, and that change's time
 * as its last confirmation (every write and confirmation leaves a history row). Rows without any
 * change by then are NOT_STARTED and unconfirmed.
 */
async function replayCells(
  db: Db,
  programIds: string[],
  asOf: string,
): Promise<Map<string, CellSource>> {
  const changes = await db.statusChange.findMany({
    where: { programId: { in: programIds }, entityType: 'INSTITUTION', changedAt: { lt: endOfShanghaiDay(asOf) } },
    orderBy: [{ changedAt: 'asc' }, { version: 'asc' }],
    select: { programId: true, entityCode: true, toStatus: true, after: true, changedAt: true },
  });
  const cells = new Map<string, CellSource>();
  for (const c of changes) {
    const after = readSnapshot(c.after);
    cells.set(`${c.programId}|${c.entityCode}`, {
      status: c.toStatus,
      plannedDate: typeof after.plannedDate === 'string' ? after.plannedDate : null,
      liveDate: typeof after.liveDate === 'string' ? after.liveDate : null,
      lastConfirmedAt: c.changedAt,
      verified: typeof after.verified === 'boolean' ? after.verified : true,
    });
  }
  return cells;
}

export async function getInstitutionMatrix(
  db: Db,
  viewer: Viewer,
  options: InstitutionMatrixOptions = {},
): Promise<InstitutionMatrixDto> {
  authorize(viewer, 'coverage.read');
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new RangeError(`not a YYYY-MM-DD date: ${options.asOf}`);
  const asOf = options.asOf ?? null;
  const staleReferenceDate = asOf ?? options.today ?? todayInShanghai();

  const [programRows, institutions, statusRows] = await Promise.all([
    db.program.findMany({
      where: { unit: 'INSTITUTION' },
      orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
      select: { id: true, slug: true, nameZh: true, nameEn: true, staleAfterDays: true, isIllustrative: true },
    }),
    db.institution.findMany({
      select: { code: true, nameZh: true, nameEn: true, type: true, isIllustrative: true },
    }),
    db.institutionStatus.findMany({
      where: { program: { unit: 'INSTITUTION' } },
      select: {
        programId: true,
        institutionCode: true,
        status: true,
        plannedDate: true,
        liveDate: true,
        lastConfirmedAt: true,
        verified: true,
      },
    }),
  ]);
  const replayed = asOf ? await replayCells(db, programRows.map((p) => p.id), asOf) : null;

  const current = new Map(statusRows.map((r) => [`${r.programId}|${r.institutionCode}`, r]));
  const sourceOf = (key: string): CellSource | undefined => {
    // Enrolment is the status row; the history only says what the row looked like back then.
    const row = current.get(key);
    if (!row) return undefined;
    return replayed ? (replayed.get(key) ?? NOTHING_YET) : row;
  };
  const completeByProgram = new Map(
    programRows.map((p) => [
      p.id,
      isRolloutComplete(
        statusRows.filter((r) => r.programId === p.id).map((r) => sourceOf(`${p.id}|${r.institutionCode}`)!.status),
      ),
    ]),
  );
  const typeOrder = (t: InstitutionType) => INSTITUTION_TYPES.indexOf(t);
  const allRows: MatrixRowDto[] = institutions
    .sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || a.code.localeCompare(b.code))
    .map((inst) => {
      const cells: Record<string, MatrixCellDto | null> = {};
      for (const p of programRows) {
        const source = sourceOf(`${p.id}|${inst.code}`);
        if (!source) {
          cells[p.slug] = null;
          continue;
        }
        cells[p.slug] = redactStatusRow(viewer, { entityType: 'INSTITUTION', code: inst.code }, {
          status: source.status,
          plannedDate: source.plannedDate,
          liveDate: source.liveDate,
          lastConfirmedAt: source.lastConfirmedAt ? toShanghaiIso(source.lastConfirmedAt) : null,
          ...staleness(
            assessRowStaleness(
              source,
              { staleAfterDays: p.staleAfterDays, isRolloutComplete: completeByProgram.get(p.id) ?? false },
              staleReferenceDate,
            ),
          ),
          verified: source.verified,
        });
      }
      return { ...inst, cells };
    });

  const typeCounts: TypeCountDto[] = INSTITUTION_TYPES.map((type) => {
    const ofType = allRows.filter((r) => r.type === type);
    const liveByProgram: Record<string, number> = {};
    for (const p of programRows) {
      liveByProgram[p.slug] = ofType.filter((r) => r.cells[p.slug]?.status === 'LIVE').length;
    }
    return { type, count: ofType.length, liveByProgram };
  });

  return {
    programs: programRows.map((p) => ({
      slug: p.slug,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      staleAfterDays: p.staleAfterDays,
      isIllustrative: p.isIllustrative,
      isRolloutComplete: completeByProgram.get(p.id) ?? false,
    })),
    rows: options.type ? allRows.filter((r) => r.type === options.type) : allRows,
    typeCounts,
    total: allRows.length,
    type: options.type ?? null,
    asOf,
    staleReferenceDate,
  };
}
