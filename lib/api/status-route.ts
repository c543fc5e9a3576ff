/**
 * The GET and PATCH handlers of `/api/v1/programs/{slug}/cities/{code}` and `.../institutions/{code}`,
 * shared so both entities behave identically.
 */
import 'server-only';
import type { NextResponse } from 'next/server';
import { getDb } from '../db';
import { apiLocale } from '../http/respond';
import type { StatusEntity } from '../status/dto';
import { handleApi } from './handler';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER, parseIdempotencyKey, runIdempotent } from './idempotency';
import { getApiCity, getApiInstitution } from './queries';
import { readBodyCapped } from './read-body';
import { codeParam, slugParam } from './schemas';
import { errorResult, patchStatus } from './writes';
import { z } from 'zod';

const paramsSchema = z.strictObject({ slug: slugParam, code: codeParam });

/** Far above any valid body (a 2,000-character note and a 2,048-character link), far below harm. */
const MAX_BODY_BYTES = 64 * 1024;


export type StatusRouteParams = { params: Promise<{ slug: string; code: string }> };

export async function getStatusItem(request: Request, entity: StatusEntity, { params }: StatusRouteParams): Promise<NextResponse> {
  return handleApi(request, async ({ ctx }) => {
    const { slug, code } = paramsSchema.parse(await params);
    const db = await getDb();
    return { body: entity === 'city' ? await getApiCity(db, ctx.viewer, slug, code) : await getApiInstitution(db, ctx.viewer, slug, code) };
  });
}

export async function patchStatusItem(request: Request, entity: StatusEntity, { params }: StatusRouteParams): Promise<NextResponse> {
  return handleApi(request, async ({ ctx }) => {
    const { slug, code } = paramsSchema.parse(await params);
    const key = parseIdempotencyKey(request.headers.get(IDEMPOTENCY_HEADER));
    const bodyText = await readBodyCapped(request, MAX_BODY_BYTES);
    const db = await getDb();
    if (!key) return { body: await patchStatus(db, ctx, entity, slug, code, bodyText) };
    const result = await runIdempotent(
      db,
      { key, userId: ctx.viewer.id, method: 'PATCH', path: new URL(request.url).pathname, body: bodyText },
      async () => {
        try {
          return { status: 200, body: await patchStatus(db, ctx, entity, slug, code, bodyText) };
        } catch (error) {
          return errorResult(error, apiLocale(request.headers.get('accept-language')));
        }
      },
    );
    return { status: result.status, body: result.body, headers: result.replayed ? { [REPLAYED_HEADER]: 'true' } : undefined };
  });
}
