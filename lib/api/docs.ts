/**
 * The OpenAPI document flattened for the in-app docs page: one entry per operation with its
 * parameters, body and responses, schema references resolved to readable JSON. Pure.
 */

export interface DocsParameter {
  name: string;
  in: string;
  required: boolean;
  description: string;
  schema: string;
}

export interface DocsOperation {
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: DocsParameter[];
  /** Request body schema, pretty JSON; null without a body. */
  body: string | null;
  responses: Array<{ status: string; description: string; schema: string | null }>;
}

type Json = Record<string, unknown>;

function resolve(doc: Json, value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => resolve(doc, v, depth + 1));
  const ref = (value as Json).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let target: unknown = doc;
    for (const part of ref.slice(2).split('/')) target = (target as Json | undefined)?.[part];
    return resolve(doc, target, depth + 1);
  }
  return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, resolve(doc, v, depth + 1)]));
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function listApiDocsOperations(document: unknown): DocsOperation[] {
  const doc = document as Json;
  const out: DocsOperation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as Json;
      const parameters = ((op.parameters ?? []) as Json[]).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        required: p.required === true,
        description: typeof p.description === 'string' ? p.description : '',
        schema: pretty(resolve(doc, p.schema)),
      }));
      const bodySchema = ((op.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined;
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>).map(([status, r]) => {
        const schema = ((r.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
        return { status, description: String(r.description ?? ''), schema: status.startsWith('2') && schema ? pretty(resolve(doc, schema)) : null };
      });
      out.push({
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ''),
        description: String(op.description ?? ''),
        parameters,
        body: bodySchema?.schema ? pretty(resolve(doc, bodySchema.schema)) : null,
        responses,
      });
    }
  }
  return out;
}
