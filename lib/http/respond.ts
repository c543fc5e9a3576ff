/**
 * JSON responses of route handlers: one error shape `{ error: { code, message, details } }` with the
 * status of its code, `Cache-Control: no-store` on everything authenticated, and unexpected errors
 * logged in full under an id and answered generically (no stack, SQL or paths).
 */
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { AppError, HTTP_STATUS, logError } from '../errors';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function jsonOk<T>(data: T, init: { status?: number; headers?: Record<string, string> } = {}) {
  return NextResponse.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

export function errorResponse(error: unknown, headers: Record<string, string> = {}) {
  if (error instanceof ZodError) {
    return NextResponse.json(
      { error: { code: 'VALIDATION', message: 'Invalid request', details: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } },
      { status: HTTP_STATUS.VALIDATION, headers: { ...NO_STORE, ...headers } },
    );
  }
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details ?? null } },
      { status: HTTP_STATUS[error.code], headers: { ...NO_STORE, ...headers } },
    );
  }
  const errorId = logError(error, { where: 'route' });
  return NextResponse.json(
    { error: { code: 'INTERNAL', message: 'Unexpected error', details: { errorId } } },
    { status: 500, headers: { ...NO_STORE, ...headers } },
  );
}
