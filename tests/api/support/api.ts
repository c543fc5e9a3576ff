/**
 * Fixtures of the API contract tests (HTTP only, no browser): the project's database URL (for the
 * operator CLI, which is how tokens are made, as an operator would), tokens per demo user, and an
 * `api` client whose every response is checked against the app's OpenAPI document.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { test as base, expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_EMAILS, type DemoUser } from '../../helpers/demo-viewers';
import { createOpenApiChecker, type OpenApiChecker } from './openapi-check';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

export interface ApiWorkerOptions {
  /** DATABASE_URL of the server under test, for the CLI. */
  databaseUrl: string;
}

/** Runs `npm run cli -- ...` against the project's database; resolves with stdout. */
export async function cli(databaseUrl: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/cli.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'production' },
  });
  return stdout;
}

/** `token create`: the token is alone on the last line of the output. */
export async function createToken(databaseUrl: string, email: string, name = 'contract test'): Promise<string> {
  const out = await cli(databaseUrl, ['token', 'create', '--email', email, '--name', name]);
  const token = out.trim().split('\n').at(-1) ?? '';
  expect(token).toMatch(/^hut_[A-Za-z0-9_-]{43}$/);
  return token;
}

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

const tokensByDb = new Map<string, Promise<Record<DemoUser, string>>>();
const checkers = new Map<string, Promise<OpenApiChecker>>();

async function reply<T>(res: APIResponse, checker: OpenApiChecker, method: string): Promise<ApiReply<T>> {
  const text = await res.text();
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

export const test = base.extend<{ tokens: Record<DemoUser, string>; openapi: OpenApiChecker; api: ApiClient }, ApiWorkerOptions>({
  databaseUrl: ['file:./data/e2e.db', { option: true, scope: 'worker' }],
  tokens: async ({ databaseUrl }, provide) => {
    if (!tokensByDb.has(databaseUrl)) {
      tokensByDb.set(
        databaseUrl,
        (async () => {
          // One after the other: on SQLite the writers queue for the one write lock anyway.
          const tokens: Partial<Record<DemoUser, string>> = {};
          for (const who of Object.keys(DEMO) as DemoUser[]) tokens[who] = await createToken(databaseUrl, DEMO[who], `contract ${who}`);
          return tokens as Record<DemoUser, string>;
        })(),
      );
    }
    await provide(await tokensByDb.get(databaseUrl)!);
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
