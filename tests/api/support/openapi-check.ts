/**
 * Checks HTTP responses against the app's own OpenAPI document: finds the operation for the
 * method and path, the response for the status, and validates the JSON body with ajv against that
 * response's schema (components resolved). A status the document does not list is a failure too.
 */
import Ajv from 'ajv';

type Json = Record<string, unknown>;

export interface OpenApiChecker {
  /** Throws with the ajv errors unless the body matches; returns the path template matched. */
  check(method: string, url: string, status: number, body: unknown): string;
  /** Every `METHOD template status` checked so far. */
  seen: Set<string>;
  doc: Json;
}

/** `#/components/schemas/X` -> `components#/X`, the id the components are registered under. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Json).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', 'components#/') : rewriteRefs(v)]),
  );
}

function newAjv(doc: Json): Ajv.Ajv {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; the subset zod-to-openapi emits (type arrays,
  // enum, pattern, additionalProperties, $ref) reads the same in ajv 6's draft-07.
  const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', schemaId: 'auto' });
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  ajv.addSchema(rewriteRefs(schemas) as object, 'components');
  return ajv;
}

export function compileAllSchemas(doc: Json): string[] {
  const ajv = newAjv(doc);
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  return Object.keys(schemas).map((name) => {
    ajv.compile({ $ref: `components#/${name}` });
    return name;
  });
}

export function createOpenApiChecker(doc: Json): OpenApiChecker {
  const ajv = newAjv(doc);
  const paths = doc.paths as Record<string, Json>;
  const templates = Object.keys(paths).map((template) => ({
    template,
    re: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  const seen = new Set<string>();
  return {
    doc,
    seen,
    check(method, url, status, body) {
      const pathname = new URL(url, 'http://x').pathname;
      const match = templates.find((t) => t.re.test(pathname));
      if (!match) throw new Error(`OpenAPI: no path for ${pathname}`);
      const operation = paths[match.template]?.[method.toLowerCase()] as Json | undefined;
      if (!operation) throw new Error(`OpenAPI: no ${method} ${match.template}`);
      const response = (operation.responses as Record<string, Json>)[String(status)];
      if (!response) throw new Error(`OpenAPI: ${method} ${match.template} does not document status ${status}`);
      if (response.content === undefined && body === undefined) {
        // A documented answer without a body (304).
        seen.add(`${method.toUpperCase()} ${match.template} ${status}`);
        return match.template;
      }
      const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
      if (!schema) throw new Error(`OpenAPI: ${method} ${match.template} ${status} has no JSON schema`);
      const validate = ajv.compile(rewriteRefs(schema) as object);
      if (!validate(body)) {
        throw new Error(`OpenAPI: ${method} ${pathname} ${status} does not match: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
      }
      seen.add(`${method.toUpperCase()} ${match.template} ${status}`);
      return match.template;
    },
  };
}
