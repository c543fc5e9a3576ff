/**
 * The frame of every v1 route handler: authenticate, run, answer JSON with `Cache-Control:
 * no-store`, and map every failure once (lib/http/respond.ts), adding `Retry-After` to a 429.
 */
import 'server-only';
import type { NextResponse } from 'next/server';
import { AppError } from '../errors';
import { invalidField } from '../forms/validate-input';
import { errorResponse, jsonOk } from '../http/respond';
import { authenticateApiCaller, type ApiCaller } from './authenticate';

export interface ApiResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
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
