/**
 * Reads for the who-scans-whom matrix: one source per program (its direction, its burn-up source
 * and, for institution programs, each institution's days in and out of LIVE), from which
 * lib/matrix/model.ts builds the matrix for any date up to the source's end.
 *
 * Every role may read it ('coverage.read'): it holds statuses and dates only, which partners see
 * for every institution (lib/auth/permissions.ts), never notes, evidence or people.
 */
import 'server-only';
import { authorize } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import { queryLiveTransitions } from '../coverage/as-of-sql';
import { getCoverageSeriesSource, replayLiveSteps } from '../coverage/series';
import type { Db } from '../db';
import type { InteropMode } from '../generated/sqlite/enums';
import { listProgramDirections, listRails, NO_DIRECTION } from '../programs/directions';
import { listPrograms, programHeading } from '../programs/queries';
import { INSTITUTION_TYPES } from '../institutions/queries';
import { endOfShanghaiDay, toShanghaiDate } from '../time';
import { buildMatrix, type MatrixDto, type MatrixMemberSource, type MatrixSourceDto } from './model';

async function listMembers(db: Db, slug: string, end: string): Promise<MatrixMemberSource[]> {
  const program = await db.program.findUnique({ where: { slug }, select: { id: true } });
  if (!program) return [];
  const [rows, transitions] = await Promise.all([
    db.institutionStatus.findMany({
      where: { programId: program.id },
      select: { institution: { select: { code: true, nameZh: true, nameEn: true, type: true } } },
    }),
    queryLiveTransitions(db, program.id, 'INSTITUTION', endOfShanghaiDay(end)),
  ]);
  const typeOrder = (t: (typeof INSTITUTION_TYPES)[number]) => INSTITUTION_TYPES.indexOf(t);
  return rows
    .map((r) => r.institution)
    .sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || a.code.localeCompare(b.code))
    .map((i) => ({
      code: i.code,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      steps: replayLiveSteps(
        transitions
          .filter((t) => t.entityCode === i.code)
          .map((t) => ({ entityCode: t.entityCode, date: toShanghaiDate(t.changedAt), delta: t.delta })),
        new Set([i.code]),
      ),
    }));
}

/** The matrix's source, complete up to the end of `end` (a Shanghai date). */
export async function getMatrixSource(db: Db, viewer: Viewer, { end }: { end: string }): Promise<MatrixSourceDto> {
  authorize(viewer, 'coverage.read');
  const [rails, programs, directions] = await Promise.all([listRails(db), listPrograms(db), listProgramDirections(db)]);
  const sources = await Promise.all(
    programs.map(async (p) => {
      const [series, members] = await Promise.all([
        getCoverageSeriesSource(db, p.slug, { end }),
        p.unit === 'INSTITUTION' ? listMembers(db, p.slug, end) : Promise.resolve([]),
      ]);
      return series
        ? {
            program: programHeading(p),
            direction: directions.get(p.slug) ?? NO_DIRECTION,
            series,
            members,
          }
        : null;
    }),
  );
  return { end, rails, programs: sources.filter((s) => s !== null) };
}

/** The matrix for a date and mode (the partner API's answer and the page's first view). */
export async function getMatrix(db: Db, viewer: Viewer, asOf: string, mode: InteropMode): Promise<MatrixDto> {
  return buildMatrix(await getMatrixSource(db, viewer, { end: asOf }), asOf, mode);
}
