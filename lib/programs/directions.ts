/**
 * Who pays, who accepts and how, for each program: the rails (reference data) and each program's
 * paying and accepting sides with its mode. The who-scans-whom matrix, the partner API's program
 * resource and the admin form all read them here.
 */
import type { Db } from '../db';
import type { InteropMode, ProgramSide } from '../generated/sqlite/enums';

export interface RailDto {
  code: string;
  nameZh: string;
  nameEn: string;
  /** A group of institutions' own apps (bank apps): the matrix can expand it per institution. */
  groupsInstitutions: boolean;
}

export interface ProgramDirectionDto {
  /** Null until an admin states it; such a program appears in no matrix cell. */
  mode: InteropMode | null;
  /** Rail codes of the paying side, in the rails' order. */
  payers: string[];
  /** Rail codes of the accepting side, in the rails' order. */
  acceptors: string[];
}

export const NO_DIRECTION: ProgramDirectionDto = { mode: null, payers: [], acceptors: [] };

export async function listRails(db: Db): Promise<RailDto[]> {
  return db.rail.findMany({
    select: { code: true, nameZh: true, nameEn: true, groupsInstitutions: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
}

/** Every program's direction by slug (programs without sides get NO_DIRECTION's shape). */
export async function listProgramDirections(db: Db): Promise<Map<string, ProgramDirectionDto>> {
  const programs = await db.program.findMany({
    select: {
      slug: true,
      mode: true,
      rails: { select: { side: true, railCode: true, rail: { select: { sortOrder: true } } } },
    },
  });
  return new Map(programs.map((p) => [p.slug, directionOf(p.mode, p.rails)]));
}

export async function getProgramDirection(db: Db, slug: string): Promise<ProgramDirectionDto | null> {
  const p = await db.program.findUnique({
    where: { slug },
    select: { mode: true, rails: { select: { side: true, railCode: true, rail: { select: { sortOrder: true } } } } },
  });
  return p ? directionOf(p.mode, p.rails) : null;
}

function directionOf(
  mode: InteropMode | null,
  rails: ReadonlyArray<{ side: ProgramSide; railCode: string; rail: { sortOrder: number } }>,
): ProgramDirectionDto {
  const sorted = [...rails].sort((a, b) => a.rail.sortOrder - b.rail.sortOrder || a.railCode.localeCompare(b.railCode));
  return {
    mode,
    payers: sorted.filter((r) => r.side === 'PAYER').map((r) => r.railCode),
    acceptors: sorted.filter((r) => r.side === 'ACCEPTOR').map((r) => r.railCode),
  };
}
