/**
 * Reads behind the edit pages: one status row, or a province's cities, with what the viewer may
 * do to them. The flags only decide which controls to show; the mutations check again.
 *
 * An edit page shows a row in full (note, evidence, verification, who changed it), so a viewer who
 * may not read a row's details (`canReadRowDetails`: a partner and another institution's row, or
 * any city) gets null, as for a row that does not exist: nothing to edit, nothing more to read.
 */
import 'server-only';
import type { Db } from '../db';
import type { Viewer } from '../auth/viewer';
import { authorize, can, canReadRowDetails } from '../auth/permissions';
import { getProgramBySlug, type ProgramDto } from '../programs/queries';
import { statusRowSelect, toStatusRowDto, type StatusEntity, type StatusRowDto } from './dto';
import { findStatusRow } from './write';

export interface RowPermissions {
  canEdit: boolean;
  canVerify: boolean;
}

export interface StatusRowView {
  program: ProgramDto;
  row: StatusRowDto;
  permissions: RowPermissions;
}

function rowPermissions(viewer: Viewer, entity: StatusEntity, code: string): RowPermissions {
  return {
    canEdit:
      entity === 'city' ? can(viewer, 'cityStatus.update') : can(viewer, 'institutionStatus.update', { institutionCode: code }),
    canVerify: can(viewer, 'status.verify'),
  };
}

export async function getStatusRowView(
  db: Db,
  viewer: Viewer,
  args: { programSlug: string; entity: StatusEntity; code: string },
): Promise<StatusRowView | null> {
  authorize(viewer, 'coverage.read');
  if (!canReadRowDetails(viewer, { entityType: args.entity === 'city' ? 'CITY' : 'INSTITUTION', code: args.code })) return null;
  const program = await getProgramBySlug(db, args.programSlug);
  if (!program) return null;
  const ref = await db.program.findUnique({ where: { slug: args.programSlug }, select: { id: true } });
  if (!ref) return null;
  const row = await findStatusRow(db, args.entity, ref.id, args.code);
  if (!row) return null;
  return {
    program,
    row: toStatusRowDto(args.entity, program.slug, row),
    permissions: rowPermissions(viewer, args.entity, args.code),
  };
}

export interface ProvinceStatusView {
  program: ProgramDto;
  province: { code: string; name: string; nameEn: string };
  rows: StatusRowDto[];
  permissions: RowPermissions;
}

/** The province's cities in a city program, by code; null for an unknown program or province. */
export async function listProvinceCityStatuses(
  db: Db,
  viewer: Viewer,
  args: { programSlug: string; provinceCode: string },
): Promise<ProvinceStatusView | null> {
  authorize(viewer, 'coverage.read');
  const program = await getProgramBySlug(db, args.programSlug);
  if (!program || program.unit !== 'CITY') return null;
  // Every row here is a city's; the viewer reads all of them in full or none.
  if (!canReadRowDetails(viewer, { entityType: 'CITY', code: args.provinceCode })) return null;
  const province = await db.province.findUnique({
    where: { code: args.provinceCode },
    select: { code: true, name: true, nameEn: true },
  });
  if (!province) return null;
  const rows = await db.cityStatus.findMany({
    where: { program: { slug: args.programSlug }, city: { provinceCode: args.provinceCode } },
    select: { ...statusRowSelect, cityCode: true, city: { select: { name: true, nameEn: true } } },
    orderBy: { cityCode: 'asc' },
  });
  return {
    program,
    province,
    rows: rows.map((r) => toStatusRowDto('city', program.slug, { ...r, code: r.cityCode, name: r.city.name, nameEn: r.city.nameEn })),
    permissions: rowPermissions(viewer, 'city', ''),
  };
}
