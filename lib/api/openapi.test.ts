/**
 * The OpenAPI document as generated: OpenAPI 3.1 with every reference resolved, and a route handler
 * exporting each documented method at each documented path (and no undocumented v1 route besides
 * the summaries and the document itself).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listApiDocsOperations } from './docs';
import { getOpenApiDocument } from './openapi';

const root = path.resolve(__dirname, '../..');
type Json = Record<string, unknown>;

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Json)) {
      if (k === '$ref') out.push(String(v));
      else refs(v, out);
    }
  }
  return out;
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === 'route.ts' ? [p] : [];
  });
}

describe('OpenAPI document', () => {
  const doc = getOpenApiDocument() as unknown as Json;

  it('is OpenAPI 3.1 and every reference resolves', () => {
    expect(doc.openapi).toBe('3.1.0');
    const schemas = (doc.components as Json).schemas as Json;
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const ref of all) expect(schemas).toHaveProperty(ref.replace('#/components/schemas/', ''));
  });

  it('documents exactly the route handlers of /api/v1 (besides summaries and itself)', () => {
    const documented = Object.entries(doc.paths as Record<string, Json>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    const implemented = routeFiles(path.join(root, 'app/api/v1')).flatMap((file) => {
      const rel = path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep).join('/');
      const urlPath = `/${rel.replace(/\[([^\]]+)\]/g, '{$1}')}`;
      if (urlPath.startsWith('/api/v1/summaries') || urlPath === '/api/v1/openapi.json') return [];
      const source = fs.readFileSync(file, 'utf8');
      return [...source.matchAll(/export (?:async )?function (GET|PATCH|POST|PUT|DELETE)\b/g)].map((m) => `${m[1]} ${urlPath}`);
    });
    expect(implemented.sort()).toEqual(documented.sort());
  });

  it('renders one docs entry per operation, with the PATCH body', () => {
    const ops = listApiDocsOperations(doc);
    expect(ops).toHaveLength(9);
    const patch = ops.find((o) => o.method === 'PATCH' && o.path.endsWith('/cities/{code}'))!;
    expect(patch.body).toContain('"version"');
    expect(patch.responses.map((r) => r.status)).toEqual(expect.arrayContaining(['200', '403', '409', '422', '429']));
    expect(patch.responses.find((r) => r.status === '200')?.schema).toContain('provinceCode');
  });

  it('answers every 422 with the named ValidationError schema: a list of { path, code, message }', () => {
    const unprocessable = Object.values(doc.paths as Record<string, Record<string, Json>>).flatMap((item) =>
      Object.values(item).map((op) => (op.responses as Record<string, Json>)['422']),
    );
    expect(unprocessable.length).toBe(9);
    for (const response of unprocessable) {
      expect(JSON.stringify(response)).toContain('#/components/schemas/ValidationError');
    }
    const issue = ((doc.components as Json).schemas as Record<string, Json>).ValidationIssue;
    expect(issue?.required).toEqual(['path', 'code', 'message']);
  });
});
