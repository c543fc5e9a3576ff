/**
 * The OpenAPI document as generated: OpenAPI 3.1 with every reference resolved, and a route handler
 * exporting each documented method at each documented path (and no undocumented v1 route besides
 * the summaries and the document itself); clean under Redocly's `recommended` rules, with the
 * committed client types matching it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listApiDocsOperations } from './docs';
import { getOpenApiDocument } from './openapi';
import { OPENAPI_TYPES_FILE, renderOpenApiTypes } from './openapi-typegen';

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
    expect(ops).toHaveLength(11);
    const patch = ops.find((o) => o.method === 'PATCH' && o.path.endsWith('/cities/{code}'))!;
    expect(patch.body).toContain('"version"');
    expect(patch.responses.map((r) => r.status)).toEqual(expect.arrayContaining(['200', '403', '409', '422', '429']));
    expect(patch.responses.find((r) => r.status === '200')?.schema).toContain('provinceCode');
  });

  it('gives every operation a unique, stable operationId', () => {
    const ids = Object.fromEntries(
      Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([p, item]) =>
        Object.entries(item).map(([m, op]) => [`${m.toUpperCase()} ${p}`, op.operationId]),
      ),
    );
    expect(ids).toEqual({
      'GET /api/v1/programs': 'listPrograms',
      'GET /api/v1/programs/{slug}/coverage': 'getCoverage',
      'GET /api/v1/programs/{slug}/cities': 'listCities',
      'GET /api/v1/programs/{slug}/cities/{code}': 'getCity',
      'PATCH /api/v1/programs/{slug}/cities/{code}': 'updateCity',
      'GET /api/v1/programs/{slug}/institutions': 'listInstitutions',
      'GET /api/v1/programs/{slug}/institutions/{code}': 'getInstitution',
      'PATCH /api/v1/programs/{slug}/institutions/{code}': 'updateInstitution',
      'GET /api/v1/programs/{slug}/history': 'listHistory',
      'GET /api/v1/matrix': 'getMatrix',
      'GET /api/v1/portfolio': 'getPortfolio',
    });
  });

  it('passes redocly lint (recommended rules, redocly.yaml) with no error and no warning, offline', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      fs.writeFileSync(file, JSON.stringify(doc, null, 2));
      const cli = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');
      const started = Date.now();
      // Exit code 1 on errors; warnings only show in the report, so both are read from the JSON.
      const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', '--config', path.join(root, 'redocly.yaml'), '--format', 'json', file], {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', NO_COLOR: '1' },
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(stdout) as { totals: Record<string, number>; problems: Array<{ ruleId: string; message: string }> };
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it(`${OPENAPI_TYPES_FILE} is what openapi-typescript generates now (else run \`npm run api:types\`)`, async () => {
    const committed = fs.readFileSync(path.join(root, OPENAPI_TYPES_FILE), 'utf8');
    expect(committed === (await renderOpenApiTypes()), 'stale: run `npm run api:types`').toBe(true);
  }, 30_000);
  it('answers every 422 with the named ValidationError schema: a list of { path, code, message }', () => {
    const unprocessable = Object.values(doc.paths as Record<string, Record<string, Json>>).flatMap((item) =>
      Object.values(item).map((op) => (op.responses as Record<string, Json>)['422']),
    );
    expect(unprocessable.length).toBe(11);
    for (const response of unprocessable) {
      expect(JSON.stringify(response)).toContain('#/components/schemas/ValidationError');
    }
    const issue = ((doc.components as Json).schemas as Record<string, Json>).ValidationIssue;
    expect(issue?.required).toEqual(['path', 'code', 'message']);
  });
});
