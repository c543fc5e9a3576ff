/**
 * The TypeScript types a bank's client would generate from the OpenAPI document, made with
 * openapi-typescript (what `npx openapi-typescript` runs). Written to ./openapi-types.ts by
 * `npm run api:types`; a unit test fails when that file no longer matches the document.
 * Build-time only: scripts and tests import this, the app never does.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { getOpenApiDocument } from './openapi';

export const OPENAPI_TYPES_FILE = 'lib/api/openapi-types.ts';

const HEADER = `/**
 * GENERATED from the partner API's OpenAPI document (lib/api/openapi.ts) by \`npm run api:types\`.
 * Do not edit: change the schemas, then run the command again.
 */

`;

export async function renderOpenApiTypes(): Promise<string> {
  // openapi-typescript's own types describe a document more loosely typed than the generator's.
  const ast = await openapiTS(getOpenApiDocument() as unknown as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
