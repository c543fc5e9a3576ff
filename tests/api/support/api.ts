/**
 * Fixtures of the API contract tests (HTTP only, no browser), on the spec file's own server and
 * database (tests/support/fixtures.ts): tokens per demo user (made with the operator CLI when the
 * template was seeded, as an operator would), and an `api` client whose every response is checked
 * against the app's OpenAPI document.
 */
import fs from 'node:fs';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { DEMO_EMAILS, type DemoUser } from '../../helpers/demo-viewers';
import { cli, createToken } from '../../support/cli';
import { expect, test as base } from '../../support/fixtures';
import { tokensFile } from '../../support/settings';
import { createOpenApiChecker, type OpenApiChecker } from './openapi-check';

export { cli, createToken };

/** The seeded demo users' emails (the data-layer tests' list). */
export const DEMO = DEMO_EMAILS;
export type { DemoUser };

export interface ApiReply<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface ApiClient {
  get<T = unknown>(url: string, options?: { token?: string | null; headers?: Record<string, string> }): Promise<ApiReply<T>>;
  patch<T = unknown>(url: string, body: unknown, options?: { token?: string | null; headers?: Record<string, string>; raw?: boolean }): Promise<ApiReply<T>>;
}

const checkers = new Map<string, Promise<OpenApiChecker>>();

async function reply<T>(res: APIResponse, checker: OpenApiChecker, method: string): Promise<ApiReply<T>> {
  const text = await res.text();
  if (res.status() === 304) {
    // Not modified: headers only, never a body.
    expect(text).toBe('');
    checker.check(method, res.url(), 304, undefined);
    return { status: 304, headers: res.headers(), body: undefined as T };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${res.url()} answered ${res.status()} with non-JSON: ${text.slice(0, 200)}`);
  }
  // Never a stack trace, SQL or a file path in any answer.
  expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|PrismaClient|SELECT |INSERT |\/(?:app|lib|prisma)\/[\w/.[\]-]+\.[jt]sx?\b|node_modules/);
  checker.check(method, res.url(), res.status(), body);
  return { status: res.status(), headers: res.headers(), body: body as T };
}

function client(request: APIRequestContext, checker: OpenApiChecker, defaultToken: string | null): ApiClient {
  const headersFor = (token: string | null | undefined, extra: Record<string, string> = {}) => {
    const t = token === undefined ? defaultToken : token;
    return { ...(t ? { Authorization: `Bearer ${t}` } : {}), ...extra };
  };
  return {
    async get(url, options = {}) {
      return reply(await request.get(url, { headers: headersFor(options.token, options.headers) }), checker, 'GET');
    },
    async patch(url, body, options = {}) {
      const data = options.raw ? String(body) : JSON.stringify(body);
      const res = await request.patch(url, { headers: headersFor(options.token, { 'Content-Type': 'application/json', ...options.headers }), data });
      return reply(res, checker, 'PATCH');
    },
  };
}

export const test = base.extend<{ tokens: Record<DemoUser, string>; openapi: OpenApiChecker; api: ApiClient }>({
  tokens: async ({ databaseProvider }, provide) => {
    await provide(JSON.parse(fs.readFileSync(tokensFile(databaseProvider), 'utf8')) as Record<DemoUser, string>);
  },
  openapi: async ({ request, baseURL }, provide) => {
    const key = baseURL ?? '';
    if (!checkers.has(key)) {
      checkers.set(
        key,
        (async () => {
          const res = await request.get('/api/v1/openapi.json');
          expect(res.status()).toBe(200);
          return createOpenApiChecker((await res.json()) as Record<string, unknown>);
        })(),
      );
    }
    await provide(await checkers.get(key)!);
  },
  api: async ({ request, openapi, tokens }, provide) => {
    await provide(client(request, openapi, tokens.admin));
  },
});

export { expect };
