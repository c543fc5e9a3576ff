/**
 * Every exported zod schema of every schema module (lib/**\/schema*.ts and lib/forms/fields.ts),
 * found on disk rather than listed by hand: a module added later is fuzzed without anyone
 * remembering to. Each schema gets arbitrary input (fast-check, fixed seed, 1,000 runs): parsing
 * never throws, and a refusal always maps to field messages (what forms and route handlers show)
 * without throwing either. The limits each schema promises are checked in schemas.property.test.ts
 * and next to the schemas (status, cities, audit).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from './validation';

const LIB = path.resolve(__dirname, '..');
const RUNS = { numRuns: 1000, seed: 20211202 } as const;

function schemaModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : schemaModules(full);
    return /^schema[\w-]*\.ts$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

const MODULES = [...schemaModules(LIB), path.join(LIB, 'forms', 'fields.ts')].map((f) => path.relative(LIB, f).split(path.sep).join('/')).sort();

const junk = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null), fc.constant(''), fc.constant('   '), fc.string({ unit: 'binary' }));
const plausible = fc.oneof(
  fc.constantFrom('2021-10-02', '2021-02-30', 'alipay-bank-apps', 'ICBC', '4403', '44', 'LIVE', 'PARTNER', 'https://example.com', 'javascript:x', 'a@b.cn'),
  fc.integer({ min: -5, max: 400 }),
  fc.boolean(),
  fc.array(fc.record({ code: fc.constantFrom('4401', '4403', 'x'), version: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
  junk,
);

/** Objects built from the schema's own keys (so parsing gets past "not an object"), plus anything at all. */
function inputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (!shape || typeof shape !== 'object') return fc.oneof(plausible, fc.anything());
  const keys = Object.keys(shape);
  const model = Object.fromEntries(keys.map((k) => [k, plausible]));
  return fc.oneof(
    { weight: 4, arbitrary: fc.record(model, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.record({ ...model, extra: plausible }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

describe('every schema module on arbitrary input', () => {
  it('finds the schema modules (a rename must not make this test vacuous)', () => {
    for (const known of ['annotations/schema.ts', 'audit/schema.ts', 'milestones/schema.ts', 'programs/schema.ts', 'status/schema.ts', 'users/schema.ts', 'forms/fields.ts']) {
      expect(MODULES).toContain(known);
    }
  });

  it.each(MODULES)('%s: every exported schema parses anything without throwing', async (file) => {
    const exports = (await import(path.join(LIB, file))) as Record<string, unknown>;
    const schemas = Object.entries(exports).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);
    expect(schemas.length, `${file} exports no zod schema`).toBeGreaterThan(0);
    for (const [name, schema] of schemas) {
      fc.assert(
        fc.property(inputFor(schema), (value) => {
          const result = schema.safeParse(value);
          if (!result.success) {
            const parsed = parseInput(schema, value);
            expect(parsed.success, name).toBe(false);
            if (!parsed.success) expect(parsed.issues.length, name).toBeGreaterThan(0);
          }
        }),
        RUNS,
      );
    }
  }, 30_000);
});
