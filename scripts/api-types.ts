/**
 * Writes lib/api/openapi-types.ts, the client types openapi-typescript generates from the partner
 * API document (lib/api/openapi-typegen.ts). Run after changing lib/api/schemas.ts or openapi.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OPENAPI_TYPES_FILE, renderOpenApiTypes } from '../lib/api/openapi-typegen';

async function main() {
  const target = path.resolve(__dirname, '..', OPENAPI_TYPES_FILE);
  fs.writeFileSync(target, await renderOpenApiTypes());
  process.stdout.write(`wrote ${OPENAPI_TYPES_FILE}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`api-types: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
