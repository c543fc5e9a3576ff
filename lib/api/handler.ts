/**
 * The frame of every v1 route handler: authenticate, run, answer JSON with `Cache-Control:
 * no-store`, and map every failure once (lib/http/respond.ts), adding `Retry-After` to a 429.
 */
import 'server-only';
import { NextResponse } from 'next/server';
import { AppError } from '../errors';
import { invalidField } from '../forms/validate-input';
import { errorResponse, jsonOk, NO_STORE } from '../http/respond';
import { authenticateApiCaller, type ApiCaller } from './authenticate';

export interface ApiResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /**
   * A strong validator of `body` (lib/coverage/history-cache.ts etagOf): sent as `ETag`, and a
   * request whose `If-None-Match` names it is answered 304 without the body.
   */
  etag?: string;
}

/** True when an `If-None-Match` header names `etag` (or is `*`). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** `request` gives the language of validation messages (Accept-Language); without it they are English. */
export function apiErrorResponse(error: unknown, request?: Request): NextResponse {
  if (error instanceof AppError && error.code === 'RATE_LIMITED') {
    const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
    return errorResponse(error, { headers: { 'Retry-After': String(seconds) }, request });
  }
  return errorResponse(error, { request });
}

export async function handleApi(request: Request, run: (caller: ApiCaller) => Promise<ApiResult>): Promise<NextResponse> {
  try {
    const caller = await authenticateApiCaller(request);
    const result = await run(caller);
    if (result.etag) {
      const headers = { ...result.headers, ETag: result.etag };
      if (matchesIfNoneMatch(request.headers.get('if-none-match'), result.etag)) {
        return new NextResponse(null, { status: 304, headers: { ...NO_STORE, ...headers } });
      }
      return jsonOk(result.body, { status: result.status ?? 200, headers });
    }
    return jsonOk(result.body, { status: result.status ?? 200, headers: result.headers });
  } catch (error) {
    return apiErrorResponse(error, request);
  }
}

/** Query parameters as a plain object; a repeated parameter is refused rather than half-read. */
export function queryOf(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(out, key)) throw invalidField(key, 'repeatedParameter');
    out[key] = value;
  }
  return out;
}
