/**
 * PATCH of one city's or institution's status through the API: the very mutations the forms call
 * (lib/status/mutations.ts, source API), so there is one code path per write. A body of `version`
 * alone is a confirmation (confirmStatus); anything else is an update, validated by the mutation's
 * strict schema (unknown fields refused). The answer is the item in the API's shape; a CONFLICT
 * carries the current item in `details.current`.
 */
import 'server-only';
import type { Db } from '../db';
import { AppError } from '../errors';
import { invalidField } from '../forms/validate-input';
import type { AppLocale } from '../i18n/config';
import { errorAnswer } from '../http/respond';
import type { RequestContext, Viewer } from '../auth/viewer';
import { confirmStatus, updateCityStatus, updateInstitutionStatus, type StatusEntity, type StatusRowDto } from '../status/mutations';
import { statusFields } from './queries';
import type { CityItem, InstitutionItem } from './schemas';
import type { StoredResponse } from './idempotency';

async function toItem(db: Db, viewer: Viewer, entity: StatusEntity, row: StatusRowDto): Promise<CityItem | InstitutionItem> {
  const fields = {
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    ...statusFields(viewer, { entityType: entity === 'city' ? 'CITY' : 'INSTITUTION', code: row.code }, {
      ...row,
      lastConfirmedAt: row.lastConfirmedAt ? new Date(row.lastConfirmedAt) : null,
      updatedAt: new Date(row.updatedAt),
    }),
  };
  if (entity === 'city') {
    const city = await db.city.findUniqueOrThrow({ where: { code: row.code }, select: { provinceCode: true } });
    return { ...fields, provinceCode: city.provinceCode };
  }
  const institution = await db.institution.findUniqueOrThrow({ where: { code: row.code }, select: { type: true } });
  return { ...fields, type: institution.type };
}

function parseBody(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidField('', 'jsonObject');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidField('', 'jsonObject');
  }
  return body as Record<string, unknown>;
}

export async function patchStatus(
  db: Db,
  ctx: RequestContext,
  entity: StatusEntity,
  programSlug: string,
  code: string,
  bodyText: string,
): Promise<CityItem | InstitutionItem> {
  const body = parseBody(bodyText);
  const keys = Object.keys(body);
  try {
    let row: StatusRowDto;
    if (keys.length === 1 && keys[0] === 'version') {
      row = await confirmStatus(db, ctx, { programSlug, entity, code, input: { version: body.version, confirm: true }, source: 'API' });
    } else if (entity === 'city') {
      row = await updateCityStatus(db, ctx, { programSlug, cityCode: code, input: body, source: 'API' });
    } else {
      row = await updateInstitutionStatus(db, ctx, { programSlug, institutionCode: code, input: body, source: 'API' });
    }
    return await toItem(db, ctx.viewer, entity, row);
  } catch (error) {
    const current = error instanceof AppError && error.code === 'CONFLICT' ? (error.details as { current?: StatusRowDto } | undefined)?.current : undefined;
    if (current) throw new AppError('CONFLICT', error instanceof Error ? error.message : 'conflict', { current: await toItem(db, ctx.viewer, entity, current) });
    throw error;
  }
}

/** The answer an error gets, as data (for storing under an idempotency key); unexpected errors are rethrown. */
export function errorResult(error: unknown, locale: AppLocale): StoredResponse {
  const answer = errorAnswer(error, locale);
  if (!answer) throw error;
  return answer;
}
