/**
 * JSON responses of route handlers: one error shape `{ error: { code, message, details } }` with the
 * status of its code, `Cache-Control: no-store` on everything authenticated, and unexpected errors
 * logged in full under an id and answered generically (no stack, SQL or paths).
 *
 * A VALIDATION error's `details` is always a list of `{ path, code, message }` (lib/forms/validation.ts):
 * the dotted path of the field at fault ('' for the whole request), a stable code, and a sentence
 * in the caller's Accept-Language (zh-CN or en; English otherwise).
 */
import 'server-only';
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { AppError, HTTP_STATUS, logError } from '../errors';
import type { AppLocale } from '../i18n/config';
import { describeDetails, messagesIn } from '../forms/messages';
import { describeIssues, toFieldIssues } from '../forms/validation';

export const NO_STORE = { 'Cache-Control': 'no-store' };

export function jsonOk<T>(data: T, init: { status?: number; headers?: Record<string, string> } = {}) {
  return NextResponse.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

/** The locale of an API answer: Chinese when Accept-Language prefers it to English, else English. */
export function apiLocale(acceptLanguage: string | null | undefined): AppLocale {
  let best: { locale: AppLocale; q: number } = { locale: 'en', q: 0 };
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= best.q) continue;
    if (tag === 'zh' || tag.startsWith('zh-')) best = { locale: 'zh-CN', q };
    else if (tag === 'en' || tag.startsWith('en-')) best = { locale: 'en', q };
  }
  return best.locale;
}

export interface ErrorAnswer {
  status: number;
  body: { error: { code: string; message: string; details: unknown } };
}

/** The answer a typed refusal gets, as data (also stored under an idempotency key); null for anything unexpected. */
export function errorAnswer(error: unknown, locale: AppLocale): ErrorAnswer | null {
  if (error instanceof ZodError) {
    const details = describeIssues(messagesIn(locale).issue, toFieldIssues(error.issues));
    return { status: HTTP_STATUS.VALIDATION, body: { error: { code: 'VALIDATION', message: 'Invalid request', details } } };
  }
  if (!(error instanceof AppError)) return null;
  if (error.code === 'VALIDATION') {
    const messages = messagesIn(locale);
    const issues = describeDetails(messages, error.details);
    const details = issues.length > 0 ? issues : describeIssues(messages.issue, [{ path: '', code: 'invalid' }]);
    return { status: HTTP_STATUS.VALIDATION, body: { error: { code: 'VALIDATION', message: error.message, details } } };
  }
  return { status: HTTP_STATUS[error.code], body: { error: { code: error.code, message: error.message, details: error.details ?? null } } };
}

export function errorResponse(error: unknown, options: { headers?: Record<string, string>; request?: Request } = {}) {
  const headers = { ...NO_STORE, ...options.headers };
  const answer = errorAnswer(error, apiLocale(options.request?.headers.get('accept-language')));
  if (answer) return NextResponse.json(answer.body, { status: answer.status, headers });
  const errorId = logError(error, { where: 'route' });
  return NextResponse.json({ error: { code: 'INTERNAL', message: 'Unexpected error', details: { errorId } } }, { status: 500, headers });
}
