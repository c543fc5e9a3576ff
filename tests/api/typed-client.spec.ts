/**
 * A client generated from the OpenAPI document works against the running server: the types
 * openapi-typescript made from it (lib/api/openapi-types.ts, `npm run api:types`) with
 * openapi-fetch, as a bank would use them. `tsc` checks this file, so a document that no longer
 * describes these calls fails the type check; each answer is also validated against the document.
 *
 * The status written is Lhasa's (5401) in the Alipay city program, put back at the end; no other
 * spec looks at it.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../../lib/api/openapi-types';
import { expect, test } from './support/api';

const CITIES = 'alipay-unionpay-offline';
const CITY = '5401';

test('reads programs, coverage and a city, and changes a status, through the typed client', async ({ baseURL, tokens, openapi }) => {
  const client = createClient<paths>({ baseUrl: baseURL, headers: { Authorization: `Bearer ${tokens.pm}` } });
  const checked = (method: string, path: string, response: Response, body: unknown) => openapi.check(method, path, response.status, body);

  const programs = await client.GET('/api/v1/programs');
  expect(programs.response.status).toBe(200);
  checked('GET', '/api/v1/programs', programs.response, programs.data);
  const program = programs.data?.items.find((p) => p.slug === CITIES);
  expect(program).toMatchObject({ unit: 'CITY', baselineTargetDate: '2022-03-31' });

  const coverage = await client.GET('/api/v1/programs/{slug}/coverage', { params: { path: { slug: CITIES }, query: { asOf: '2021-10-02' } } });
  expect(coverage.response.status).toBe(200);
  checked('GET', `/api/v1/programs/${CITIES}/coverage`, coverage.response, coverage.data);
  expect(coverage.data).toMatchObject({ asOf: '2021-10-02', denominator: 337, live: 49 });

  const path = { slug: CITIES, code: CITY };
  const city = await client.GET('/api/v1/programs/{slug}/cities/{code}', { params: { path } });
  expect(city.response.status).toBe(200);
  checked('GET', `/api/v1/programs/${CITIES}/cities/${CITY}`, city.response, city.data);
  const start = city.data!;
  expect(start).toMatchObject({ code: CITY, provinceCode: '54' });

  const paused = await client.PATCH('/api/v1/programs/{slug}/cities/{code}', { params: { path }, body: { version: start.version, status: 'PAUSED' } });
  expect(paused.response.status).toBe(200);
  checked('PATCH', `/api/v1/programs/${CITIES}/cities/${CITY}`, paused.response, paused.data);
  expect(paused.data).toMatchObject({ status: 'PAUSED', version: start.version + 1 });

  // A stale version: the typed error body carries the current item.
  const stale = await client.PATCH('/api/v1/programs/{slug}/cities/{code}', { params: { path }, body: { version: start.version, status: start.status } });
  expect(stale.response.status).toBe(409);
  checked('PATCH', `/api/v1/programs/${CITIES}/cities/${CITY}`, stale.response, stale.error);
  expect(stale.error?.error.code).toBe('CONFLICT');

  const back = await client.PATCH('/api/v1/programs/{slug}/cities/{code}', {
    params: { path },
    body: { version: paused.data!.version, status: start.status },
  });
  expect(back.response.status).toBe(200);
  expect(back.data).toMatchObject({ status: start.status, liveDate: start.liveDate, version: start.version + 2 });
});
