/**
 * The OpenAPI 3.1 document of the partner API v1, generated from the zod schemas the handlers use
 * (./schemas.ts). Served at /api/v1/openapi.json and rendered by the in-app docs page. Banks
 * generate clients from it, so every operation has a stable `operationId` (a generated client's
 * method names: renaming one breaks their code), and the document passes Redocly's `recommended`
 * rules without a warning (redocly.yaml; lib/api/openapi.test.ts runs the linter).
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { ZodType } from 'zod';
import { z } from 'zod';
import {
  HISTORY_DEFAULT_LIMIT,
  HISTORY_MAX_LIMIT,
  cityItemSchema,
  cityListQuerySchema,
  cityListSchema,
  codeParam,
  coverageQuerySchema,
  coverageSchema,
  errorSchema,
  historyPageSchema,
  historyQuerySchema,
  institutionItemSchema,
  institutionListQuerySchema,
  institutionListSchema,
  matrixQuerySchema,
  matrixSchema,
  portfolioQuerySchema,
  portfolioSchema,
  programListSchema,
  slugParam,
  statusPatchSchema,
  validationErrorSchema,
} from './schemas';

type ErrorStatus = 401 | 403 | 404 | 409 | 422 | 429;

const ERROR_TEXT: Record<ErrorStatus, string> = {
  401: 'UNAUTHENTICATED: no, a malformed, an unknown or a revoked or expired token (or a disabled user).',
  403: 'FORBIDDEN: the role may not do this (a partner writing outside its institution); audited.',
  404: 'NOT_FOUND: no such program, city or institution in the program.',
  409: 'CONFLICT: `version` is stale; `details.current` is the item as it is now.',
  422: 'VALIDATION: a bad parameter or body, an unknown field, or an Idempotency-Key reused for another request; `details` lists every field at fault.',
  429: 'RATE_LIMITED: too many requests for this token; wait `Retry-After` seconds.',
};

function json(schema: ZodType, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const ETAG_HEADER = {
  description: 'Changes whenever the answer changes (a write to the program’s history); send it back in `If-None-Match`.',
  schema: { type: 'string' as const },
};

function errors(...statuses: ErrorStatus[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        ...json(s === 422 ? validationErrorSchema : errorSchema, ERROR_TEXT[s]),
        ...(s === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' as const } } } } : {}),
      },
    ]),
  );
}

const READ_ERRORS = [401, 422, 429] as const;

/** The operations' tags, in the order the docs show them. */
const TAGS = [
  { name: 'Programs', description: 'The rollout programs and their coverage.' },
  { name: 'Overview', description: 'All programs at once: the who-scans-whom matrix and the portfolio.' },
  { name: 'Cities', description: 'Status of each city in a program that counts cities.' },
  { name: 'Institutions', description: 'Status of each bank or payment institution in a program that counts institutions.' },
  { name: 'History', description: 'Every accepted status change, oldest first, paged.' },
];

/**
 * Who reads what, said once in the document (the schemas' field descriptions point here): the rule
 * of `canReadRowDetails` in lib/auth/permissions.ts.
 */
const VISIBILITY =
  'Partners see every row\'s status and dates, but the note, evidence link, verification and the people behind a change only of their own institution\'s rows: elsewhere these fields are null (items) or left out (history snapshots), and other rows\' verifications are not listed. Staff roles see everything.';
const slugPath = z.object({ slug: slugParam });
const itemPath = z.object({ slug: slugParam, code: codeParam });
const idempotencyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .max(255)
    .optional()
    .meta({ description: 'Any 1-255 visible ASCII characters, unique per logical write; a retry with the same key replays the first answer.' }),
});

function build() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token an admin created for your user (`npm run cli -- token create` or the admin page).',
  });
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'hutong.session',
    description: 'A signed-in browser session (`__Secure-hutong.session` behind https); GET only.',
  });
  const readSecurity: Record<string, string[]>[] = [{ bearerToken: [] }, { session: [] }];
  const writeSecurity: Record<string, string[]>[] = [{ bearerToken: [] }];

  registry.registerPath({
    method: 'get',
    path: '/api/v1/programs',
    operationId: 'listPrograms',
    summary: 'List programs',
    description: 'Every program, with its unit (cities, institutions or a percentage) and its target.',
    tags: ['Programs'],
    security: readSecurity,
    responses: { 200: json(programListSchema, 'Every program.'), ...errors(...READ_ERRORS) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/programs/{slug}/coverage',
    operationId: 'getCoverage',
    summary: 'Coverage of a program as of a date',
    description: 'Counts per status, the share live against the stated denominator, per province for city programs, and the projection to the target date.',
    tags: ['Programs'],
    security: readSecurity,
    request: {
      params: slugPath,
      query: coverageQuerySchema,
      headers: z.object({
        'If-None-Match': z.string().optional().meta({
          description: 'The `ETag` of an answer you kept: while the coverage is unchanged the answer is 304 without a body.',
        }),
      }),
    },
    responses: {
      200: { ...json(coverageSchema, 'Coverage, per province, and the projection.'), headers: { ETag: ETAG_HEADER } },
      304: { description: 'Unchanged since the answer whose `ETag` was sent in `If-None-Match`.', headers: { ETag: ETAG_HEADER } },
      ...errors(...READ_ERRORS, 404),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/matrix',
    operationId: 'getMatrix',
    summary: 'Who scans whom, as of a date',
    description:
      'For one mode, rows are the paying rails and columns the accepting rails; each cell lists the programs linking them with coverage, denominator, health and a sparkline, and is empty when no program covers that direction. Rails that group institutions (bank apps) list one row per institution. The same figures as each program\'s coverage.',
    tags: ['Overview'],
    security: readSecurity,
    request: { query: matrixQuerySchema },
    responses: { 200: json(matrixSchema, 'The matrix.'), ...errors(...READ_ERRORS) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/portfolio',
    operationId: 'getPortfolio',
    summary: 'Every program, riskiest first',
    description:
      'One item per program: progress with its denominator, health, baseline and current target date, projected completion, the change over the last week and stale status rows; sorted by risk (off track, at risk, on track, complete, not started).',
    tags: ['Overview'],
    security: readSecurity,
    request: { query: portfolioQuerySchema },
    responses: { 200: json(portfolioSchema, 'The portfolio.'), ...errors(...READ_ERRORS) },
  });
  const entities = [
    {
      name: 'cities',
      one: 'city',
      ids: { list: 'listCities', get: 'getCity', update: 'updateCity' },
      tag: 'Cities',
      item: cityItemSchema,
      list: cityListSchema,
      query: cityListQuerySchema,
      who: 'Program managers and admins.',
    },
    {
      name: 'institutions',
      one: 'institution',
      ids: { list: 'listInstitutions', get: 'getInstitution', update: 'updateInstitution' },
      tag: 'Institutions',
      item: institutionItemSchema,
      list: institutionListSchema,
      query: institutionListQuerySchema,
      who: 'Program managers, admins, and partners for their own institution only.',
    },
  ] as const;
  for (const e of entities) {
    registry.registerPath({
      method: 'get',
      path: `/api/v1/programs/{slug}/${e.name}`,
      operationId: e.ids.list,
      summary: `List the ${e.name} of a program`,
      description: `Every ${e.one} the program tracks, by code, with its status. ${VISIBILITY}`,
      tags: [e.tag],
      security: readSecurity,
      request: { params: slugPath, query: e.query },
      responses: { 200: json(e.list, `The ${e.name} with their status.`), ...errors(...READ_ERRORS, 404) },
    });
    registry.registerPath({
      method: 'get',
      path: `/api/v1/programs/{slug}/${e.name}/{code}`,
      operationId: e.ids.get,
      summary: `One ${e.one}`,
      description: `One ${e.one}'s status in the program, with the \`version\` to send back when changing it. ${VISIBILITY}`,
      tags: [e.tag],
      security: readSecurity,
      request: { params: itemPath },
      responses: { 200: json(e.item, 'The item.'), ...errors(...READ_ERRORS, 404) },
    });
    registry.registerPath({
      method: 'patch',
      path: `/api/v1/programs/{slug}/${e.name}/{code}`,
      operationId: e.ids.update,
      summary: `Update or confirm one ${e.one}`,
      description: `${e.who} Every accepted write raises \`version\` by exactly 1 and is recorded in the history (source API).`,
      tags: [e.tag],
      security: writeSecurity,
      request: { params: itemPath, headers: idempotencyHeader, body: { required: true, content: { 'application/json': { schema: statusPatchSchema } } } },
      responses: { 200: json(e.item, 'The updated item.'), ...errors(401, 403, 404, 409, 422, 429) },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/api/v1/programs/{slug}/history',
    operationId: 'listHistory',
    summary: 'Status changes of a program',
    description: `Oldest first; \`limit\` defaults to ${HISTORY_DEFAULT_LIMIT} (at most ${HISTORY_MAX_LIMIT}); pass \`nextCursor\` as \`cursor\` for the next page. ${VISIBILITY}`,
    tags: ['History'],
    security: readSecurity,
    request: { params: slugPath, query: historyQuerySchema },
    responses: { 200: json(historyPageSchema, 'One page of changes.'), ...errors(...READ_ERRORS, 404) },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Hutong 互通 partner API',
      version: '1.0.0',
      description:
        'Report rollout status and read coverage. JSON in and out; dates YYYY-MM-DD and instants ISO 8601 with offset (Asia/Shanghai). Errors: `{"error": {"code", "message", "details"}}`; a 422 lists the fields at fault as `details: [{"path", "code", "message"}]`.',
      // The API is offered to partner institutions under their agreement, not as open source
      // (docs/decisions/006-api-document-terms.md); SPDX's LicenseRef- form names such terms.
      license: { name: 'Hutong partner API terms (participating institutions only)', identifier: 'LicenseRef-Hutong-Partner-Terms' },
    },
    // Relative: the document is served by the instance it describes, whatever its host name.
    servers: [{ url: '/', description: 'This Hutong instance.' }],
    tags: TAGS,
  });
}

let cached: ReturnType<typeof build> | undefined;

export function getOpenApiDocument() {
  cached ??= build();
  return cached;
}
