/**
 * The OpenAPI document: a valid OpenAPI 3.1 description whose schemas compile, that names every
 * endpoint of the contract, and that the in-app docs page renders. (Every response of the other
 * specs is validated against it by the `api` fixture.)
 */
import { compileAllSchemas } from './support/openapi-check';
import { DEMO, expect, test } from './support/api';
import { signIn } from '../e2e/support/sign-in';

type Json = Record<string, unknown>;

const CONTRACT = [
  'GET /api/v1/programs',
  'GET /api/v1/programs/{slug}/coverage',
  'GET /api/v1/programs/{slug}/cities',
  'GET /api/v1/programs/{slug}/cities/{code}',
  'PATCH /api/v1/programs/{slug}/cities/{code}',
  'GET /api/v1/programs/{slug}/institutions',
  'GET /api/v1/programs/{slug}/institutions/{code}',
  'PATCH /api/v1/programs/{slug}/institutions/{code}',
  'GET /api/v1/programs/{slug}/history',
  'GET /api/v1/matrix',
  'GET /api/v1/portfolio',
];

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Json)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

test('the document is OpenAPI 3.1, public, and describes exactly the contract', async ({ request }) => {
  const res = await request.get('/api/v1/openapi.json');
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as Json;
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });

  const paths = doc.paths as Record<string, Record<string, Json>>;
  const operations = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
  expect(operations.sort()).toEqual([...CONTRACT].sort());

  const schemes = (doc.components as Json).securitySchemes as Json;
  for (const [path, item] of Object.entries(paths)) {
    const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(item)) {
      const responses = op.responses as Record<string, Json>;
      expect(Object.keys(responses), `${method} ${path}`).toEqual(expect.arrayContaining(['200', '401', '422', '429']));
      if (method === 'patch') expect(Object.keys(responses)).toEqual(expect.arrayContaining(['403', '404', '409']));
      const declared = ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared.sort(), `${method} ${path} path parameters`).toEqual([...pathParams].sort());
      for (const requirement of op.security as Json[]) for (const name of Object.keys(requirement)) expect(schemes).toHaveProperty(name);
      expect(responses['429']?.headers).toHaveProperty('Retry-After');
    }
  }
  // Every reference resolves, and every schema compiles as JSON Schema.
  const schemas = (doc.components as Json).schemas as Json;
  for (const ref of refsIn(doc)) expect(schemas, ref).toHaveProperty(ref.replace('#/components/schemas/', ''));
  expect(compileAllSchemas(doc)).toEqual(expect.arrayContaining(['Error', 'Coverage', 'CityStatus', 'InstitutionStatus', 'HistoryPage', 'StatusPatch', 'Matrix', 'Portfolio']));
  // The error shape the contract promises.
  expect(schemas.Error).toMatchObject({ required: ['error'], properties: { error: { required: ['code', 'message'] } } });
});

test('the docs page renders every operation from the same document', async ({ page }) => {
  await signIn(page, DEMO.icbc, '/api-docs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('合作方 API');
  await expect(page.getByTestId('api-operation')).toHaveCount(CONTRACT.length);
  await expect(page.getByText('/api/v1/programs/{slug}/history', { exact: true })).toBeVisible();
});
