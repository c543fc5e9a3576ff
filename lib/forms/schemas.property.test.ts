/**
 * Every admin form schema fed arbitrary input (fast-check, fixed seed, 1,000 runs each): parsing
 * never throws; whatever is accepted satisfies the limits each schema documents; whatever is
 * refused names message keys that exist in both languages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { createAnnotationSchema, deleteAnnotationSchema, updateAnnotationSchema } from '../annotations/schema';
import { auditFiltersSchema, parseAuditParams } from '../audit/schema';
import { createMilestoneSchema, deleteMilestoneSchema, markMilestoneDoneSchema, updateMilestoneSchema } from '../milestones/schema';
import { createProgramSchema, replanTargetSchema, updateProgramSchema } from '../programs/schema';
import { ROLES, createUserSchema, resetPasswordSchema, updateUserRoleSchema, userIdSchema } from '../users/schema';
import { isIsoDate } from '../time';
import { PROGRAM_SLUG_RE } from '../programs/slug';
import { MAX_CALENDAR_DATE, MIN_CALENDAR_DATE } from './fields';
import { parseInput, type FieldIssue } from './validation';

const RUNS = { numRuns: 1000, seed: 20211202 } as const;

// ---- arbitraries: mostly near-valid values, mixed with junk of every type --------------------

const junk = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null), fc.constant(''), fc.constant('   '));

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2110-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateLike = fc.oneof(isoDate, isoDate, fc.constantFrom('2021-02-30', '2021-13-01', '21-10-02', '2021/10/02', '2021-10-02T00:00:00Z'), junk);

const text = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: max }),
    fc.string({ unit: 'grapheme', minLength: 0, maxLength: max + 5 }),
    fc.constantFrom('支付宝', '云闪付扫描支付宝收款码', ' padded ', '\t\n'),
    junk,
  );

const slugLike = fc.oneof(
  fc.stringMatching(PROGRAM_SLUG_RE),
  fc.constantFrom('alipay-unionpay-offline', 'A-upper', '-leading', 'a', 'x'.repeat(65), 'with space', '中文'),
  junk,
);

const numberLike = fc.oneof(fc.integer({ min: -10, max: 400 }), fc.double({ noNaN: false }), fc.constantFrom(0, 0.5, 100, 100.01, 30), junk);

const urlLike = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'ftp://a.b/c', 'HTTPS://EXAMPLE.COM', 'http://例子.中国/a', ''),
  junk,
);

const scopeLike = fc.oneof(fc.constantFrom('ALL_PREFECTURE_CITIES', 'PROVINCIAL_CAPITALS', 'ENROLLED_INSTITUTIONS', 'METRIC'), junk);

const validDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validText = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((v) => v.trim().length > 0);
const validSlug = fc.stringMatching(PROGRAM_SLUG_RE);
const validId = fc.string({ minLength: 1, maxLength: 64 });
const validVersion = fc.integer({ min: 1, max: 1_000_000 });
const orderedDates = fc.tuple(validDate, validDate).map(([a, b]): readonly [string, string] => (a <= b ? [a, b] : [b, a]));

/**
 * Inputs for one schema: valid records, valid records with one field replaced by junk, and loose
 * records (any field missing or junk, sometimes an unknown key).
 */
function inputsFor(valid: fc.Arbitrary<Record<string, unknown>>, loose: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const oneBad = fc
    .tuple(valid, fc.nat(), junk)
    .map(([record, pick, value]) => {
      const keys = Object.keys(record);
      const key = keys[pick % keys.length];
      return key === undefined ? record : { ...record, [key]: value };
    });
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 3, arbitrary: oneBad }, { weight: 3, arbitrary: loose });
}

/** A record whose keys may be missing, plus now and then a key the schema does not know. */
function loose<T extends Record<string, fc.Arbitrary<unknown>>>(model: T) {
  return fc.tuple(
    fc.record(model, { requiredKeys: [] }),
    fc.option(fc.constantFrom('baselineTargetDate', 'programId', 'version', 'verified', '__proto__x'), { freq: 4 }),
  ).map(([record, extra]) => (extra ? { ...record, [extra]: 'x' } : record));
}

// ---- helpers -----------------------------------------------------------------------------------

type Tree = { [key: string]: string | Tree };
/** The issue codes both catalogues describe (one `validation` namespace for every form). */
function validationKeys(catalogue: Tree): Set<string> {
  const group = catalogue.validation;
  return new Set(group && typeof group === 'object' ? Object.keys(group) : []);
}

const isCalendarDate = (v: unknown) => typeof v === 'string' && isIsoDate(v) && v >= MIN_CALENDAR_DATE && v <= MAX_CALENDAR_DATE;
const isTrimmedText = (v: unknown, min: number, max: number) =>
  typeof v === 'string' && v === v.trim() && v.length >= min && v.length <= max;
const isOptionalText = (v: unknown, max: number) => v === null || (isTrimmedText(v, 1, max));

/**
 * Checks the three properties for one schema: no throw; accepted values pass `limits`; refusals
 * name keys that both catalogues hold under `<namespace>.validation`.
 */
function checkSchema<S extends z.ZodType>(namespace: string | null, schema: S, arbitrary: fc.Arbitrary<unknown>, limits: (value: z.output<S>) => void) {
  const zhKeys = namespace ? validationKeys(zhCN as Tree) : null;
  const enKeys = namespace ? validationKeys(en as Tree) : null;
  let accepted = 0;
  let refused = 0;
  fc.assert(
    fc.property(fc.oneof({ weight: 1, arbitrary: fc.anything() }, { weight: 6, arbitrary }), (value) => {
      const result = parseInput(schema, value);
      if (result.success) {
        accepted++;
        limits(result.data);
      } else {
        refused++;
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues as FieldIssue[]) {
          if (zhKeys && enKeys) {
            expect(zhKeys.has(issue.code), `validation.${issue.code} (zh-CN)`).toBe(true);
            expect(enKeys.has(issue.code), `validation.${issue.code} (en)`).toBe(true);
          }
        }
      }
    }),
    RUNS,
  );
  // A generator that never produces an accepted value would test nothing about the limits.
  expect(accepted, 'accepted inputs').toBeGreaterThan(10);
  expect(refused, 'refused inputs').toBeGreaterThan(10);
}

// ---- properties --------------------------------------------------------------------------------

const INSTITUTIONS = ['ICBC', 'CMB', 'CCB', 'BOC', 'MIPAY'] as const;

describe('program schemas', () => {
  it('createProgramSchema', () => {
    const common = {
      slug: validSlug,
      nameZh: validText(100),
      nameEn: validText(100),
      directionZh: validText(300),
      directionEn: validText(300),
      dates: orderedDates,
      staleAfterDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
      isIllustrative: fc.option(fc.boolean(), { nil: undefined }),
      source: fc.option(fc.oneof(validText(500), fc.constant(null)), { nil: undefined }),
    };
    const valid = fc.oneof(
      fc.record({ ...common, scopeRule: fc.constantFrom('ALL_PREFECTURE_CITIES', 'PROVINCIAL_CAPITALS') }),
      fc.record({ ...common, scopeRule: fc.constant('ENROLLED_INSTITUTIONS'), institutionCodes: fc.uniqueArray(fc.constantFrom(...INSTITUTIONS), { minLength: 1 }) }),
      fc.record({ ...common, scopeRule: fc.constant('METRIC'), targetValue: fc.double({ min: 0.01, max: 100, noNaN: true }) }),
    ).map(({ dates, ...rest }) => {
      const record: Record<string, unknown> = { ...rest, startDate: dates[0], targetDate: dates[1] };
      for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
      return record;
    });
    checkSchema(
      'adminPrograms',
      createProgramSchema,
      inputsFor(
        valid,
        loose({
          slug: slugLike,
          nameZh: text(100),
          nameEn: text(100),
          directionZh: text(300),
          directionEn: text(300),
          scopeRule: scopeLike,
          startDate: dateLike,
          targetDate: dateLike,
          targetValue: numberLike,
          staleAfterDays: numberLike,
          isIllustrative: fc.oneof(fc.boolean(), junk),
          source: text(500),
          institutionCodes: fc.oneof(fc.array(fc.constantFrom('ICBC', 'CMB', 'CCB', ' ', 'x'.repeat(40)), { maxLength: 4 }), junk),
        }),
      ),
      (v) => {
        expect(v.slug).toMatch(PROGRAM_SLUG_RE);
        expect(isTrimmedText(v.nameZh, 1, 100) && isTrimmedText(v.nameEn, 1, 100)).toBe(true);
        expect(isTrimmedText(v.directionZh, 1, 300) && isTrimmedText(v.directionEn, 1, 300)).toBe(true);
        expect(isCalendarDate(v.startDate) && isCalendarDate(v.targetDate)).toBe(true);
        expect(v.targetDate >= v.startDate).toBe(true);
        expect(Number.isInteger(v.staleAfterDays) && v.staleAfterDays >= 1 && v.staleAfterDays <= 365).toBe(true);
        expect(isOptionalText(v.source, 500)).toBe(true);
        if (v.scopeRule === 'METRIC') expect(v.targetValue !== null && v.targetValue > 0 && v.targetValue <= 100).toBe(true);
        else expect(v.targetValue).toBeNull();
        if (v.scopeRule === 'ENROLLED_INSTITUTIONS') {
          expect(v.institutionCodes.length).toBeGreaterThan(0);
          expect(new Set(v.institutionCodes).size).toBe(v.institutionCodes.length);
          expect(v.institutionCodes.every((c) => isTrimmedText(c, 1, 32))).toBe(true);
        } else {
          expect(v.institutionCodes).toEqual([]);
        }
      },
    );
  });

  it('updateProgramSchema', () => {
    const valid = fc.record({
      slug: validSlug,
      version: validVersion,
      nameZh: validText(100),
      nameEn: validText(100),
      directionZh: validText(300),
      directionEn: validText(300),
      staleAfterDays: fc.integer({ min: 1, max: 365 }),
      targetValue: fc.oneof(fc.constant(null), fc.double({ min: 0.01, max: 100, noNaN: true })),
    });
    checkSchema(
      'adminPrograms',
      updateProgramSchema,
      inputsFor(
        valid,
        loose({
          slug: slugLike,
          version: numberLike,
          nameZh: text(100),
          nameEn: text(100),
          directionZh: text(300),
          directionEn: text(300),
          staleAfterDays: numberLike,
          targetValue: numberLike,
        }),
      ),
      (v) => {
        expect(v.slug).toMatch(PROGRAM_SLUG_RE);
        expect(Number.isSafeInteger(v.version) && v.version >= 1).toBe(true);
        expect(isTrimmedText(v.nameZh, 1, 100) && isTrimmedText(v.nameEn, 1, 100)).toBe(true);
        expect(isTrimmedText(v.directionZh, 1, 300) && isTrimmedText(v.directionEn, 1, 300)).toBe(true);
        expect(Number.isInteger(v.staleAfterDays) && v.staleAfterDays >= 1 && v.staleAfterDays <= 365).toBe(true);
        expect(v.targetValue === null || (v.targetValue > 0 && v.targetValue <= 100)).toBe(true);
      },
    );
  });

  it('replanTargetSchema', () => {
    const valid = fc.record({ slug: validSlug, version: validVersion, expectedTargetDate: validDate, newTargetDate: validDate, reason: fc.string({ minLength: 5, maxLength: 500 }) });
    checkSchema(
      'adminPrograms',
      replanTargetSchema,
      inputsFor(
        valid,
        loose({ slug: slugLike, version: numberLike, expectedTargetDate: dateLike, newTargetDate: dateLike, reason: fc.oneof(text(500), fc.string({ minLength: 5, maxLength: 600 })) }),
      ),
      (v) => {
        expect(Number.isSafeInteger(v.version) && v.version >= 1).toBe(true);
        expect(isCalendarDate(v.expectedTargetDate) && isCalendarDate(v.newTargetDate)).toBe(true);
        expect(v.newTargetDate).not.toBe(v.expectedTargetDate);
        expect(isTrimmedText(v.reason, 5, 500)).toBe(true);
      },
    );
  });
});

describe('milestone schemas', () => {
  const validFields = {
    titleZh: validText(200),
    titleEn: validText(200),
    dueDate: validDate,
    doneDate: fc.option(fc.oneof(validDate, fc.constant(null)), { nil: undefined }),
  };
  const looseFields = { titleZh: text(200), titleEn: text(200), dueDate: dateLike, doneDate: fc.oneof(dateLike, fc.constant(null)) };
  const id = fc.oneof(fc.string({ minLength: 1, maxLength: 70 }), junk);
  const clean = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
  const titles = (v: { titleZh: string; titleEn: string }) => expect(isTrimmedText(v.titleZh, 1, 200) && isTrimmedText(v.titleEn, 1, 200)).toBe(true);
  const identity = (v: { id: string; version: number }) => {
    expect(v.id.length >= 1 && v.id.length <= 64).toBe(true);
    expect(Number.isSafeInteger(v.version) && v.version >= 1).toBe(true);
  };

  it('createMilestoneSchema', () => {
    checkSchema(
      'milestones',
      createMilestoneSchema,
      inputsFor(fc.record({ programSlug: validSlug, ...validFields }).map(clean), loose({ programSlug: slugLike, ...looseFields })),
      (v) => {
        expect(v.programSlug).toMatch(PROGRAM_SLUG_RE);
        titles(v);
        expect(isCalendarDate(v.dueDate)).toBe(true);
        expect(v.doneDate === null || isCalendarDate(v.doneDate)).toBe(true);
      },
    );
  });

  it('updateMilestoneSchema', () => {
    checkSchema(
      'milestones',
      updateMilestoneSchema,
      inputsFor(fc.record({ id: validId, version: validVersion, ...validFields }).map(clean), loose({ id, version: numberLike, ...looseFields })),
      (v) => {
        identity(v);
        titles(v);
        expect(isCalendarDate(v.dueDate)).toBe(true);
        expect(v.doneDate === null || isCalendarDate(v.doneDate)).toBe(true);
      },
    );
  });

  it('markMilestoneDoneSchema and deleteMilestoneSchema', () => {
    checkSchema(
      'milestones',
      markMilestoneDoneSchema,
      inputsFor(
        fc.record({ id: validId, version: validVersion, doneDate: fc.option(validDate, { nil: undefined }) }).map(clean),
        loose({ id, version: numberLike, doneDate: dateLike }),
      ),
      (v) => {
        identity(v);
        expect(v.doneDate === undefined || isCalendarDate(v.doneDate)).toBe(true);
      },
    );
    checkSchema('milestones', deleteMilestoneSchema, inputsFor(fc.record({ id: validId, version: validVersion }), loose({ id, version: numberLike })), identity);
  });
});

describe('annotation schemas', () => {
  const validFields = {
    date: validDate,
    titleZh: validText(200),
    titleEn: validText(200),
    sourceNote: fc.option(fc.oneof(fc.string({ maxLength: 500 }), fc.constant(null)), { nil: undefined }),
    sourceUrl: fc.option(fc.oneof(fc.webUrl(), fc.constant(''), fc.constant(null)), { nil: undefined }),
    isIllustrative: fc.option(fc.boolean(), { nil: undefined }),
  };
  const looseFields = {
    date: dateLike,
    titleZh: text(200),
    titleEn: text(200),
    sourceNote: text(500),
    sourceUrl: urlLike,
    isIllustrative: fc.oneof(fc.boolean(), junk),
  };
  const id = fc.oneof(fc.string({ minLength: 1, maxLength: 70 }), junk);
  const clean = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
  const limits = (v: z.output<typeof updateAnnotationSchema> | z.output<typeof createAnnotationSchema>) => {
    expect(isCalendarDate(v.date)).toBe(true);
    expect(isTrimmedText(v.titleZh, 1, 200) && isTrimmedText(v.titleEn, 1, 200)).toBe(true);
    expect(isOptionalText(v.sourceNote, 500)).toBe(true);
    if (v.sourceUrl !== null) {
      expect(v.sourceUrl.length).toBeLessThanOrEqual(2000);
      expect(['http:', 'https:']).toContain(new URL(v.sourceUrl).protocol);
    }
    expect(typeof v.isIllustrative).toBe('boolean');
  };

  it('createAnnotationSchema', () => {
    checkSchema(
      'annotations',
      createAnnotationSchema,
      inputsFor(fc.record({ programSlug: validSlug, ...validFields }).map(clean), loose({ programSlug: slugLike, ...looseFields })),
      limits,
    );
  });

  it('updateAnnotationSchema and deleteAnnotationSchema', () => {
    checkSchema(
      'annotations',
      updateAnnotationSchema,
      inputsFor(fc.record({ id: validId, version: validVersion, ...validFields }).map(clean), loose({ id, version: numberLike, ...looseFields })),
      (v) => {
        limits(v);
        expect(Number.isSafeInteger(v.version) && v.version >= 1).toBe(true);
      },
    );
    checkSchema('annotations', deleteAnnotationSchema, inputsFor(fc.record({ id: validId, version: validVersion }), loose({ id, version: numberLike })), (v) => {
      expect(v.id.length >= 1 && v.id.length <= 64).toBe(true);
      expect(Number.isSafeInteger(v.version) && v.version >= 1).toBe(true);
    });
  });
});

describe('user schemas', () => {
  const role = fc.oneof(fc.constantFrom(...ROLES), fc.constantFrom('admin', 'ROOT', ''), junk);
  const password = fc.oneof(fc.string({ minLength: 8, maxLength: 140 }), fc.constantFrom('password', '12345678', 'Hutong-Demo-2021'), text(10));
  const institution = fc.oneof(fc.constantFrom('ICBC', 'cmb', ' MIPAY ', '', 'X'.repeat(40)), fc.constant(null), junk);
  const emailLike = fc.oneof(fc.emailAddress(), fc.constantFrom(' Li.Jing@Bank.CN ', 'no-at-sign', '@x', `${'a'.repeat(250)}@b.cn`), junk);
  /** Roles with their institution as the schema wants them: partners have one, others none. */
  const roleWithInstitution = fc.oneof(
    fc.record({ role: fc.constant('PARTNER'), institutionCode: fc.constantFrom('ICBC', 'CMB', 'MIPAY') }),
    fc.record({ role: fc.constantFrom('ADMIN', 'PROGRAM_MANAGER', 'EXECUTIVE'), institutionCode: fc.constantFrom(null, '') }),
  );
  const strongPassword = fc.string({ minLength: 12, maxLength: 128 }).map((p) => `Hx9!${p}`.slice(0, 128));
  const access = (v: { role: string; institutionCode: string | null }) => {
    expect(ROLES).toContain(v.role);
    if (v.role === 'PARTNER') expect(v.institutionCode !== null && isTrimmedText(v.institutionCode, 1, 32) && v.institutionCode === v.institutionCode.toUpperCase()).toBe(true);
    else expect(v.institutionCode).toBeNull();
  };
  const passwordLimits = (p: string) => expect(p.length >= 8 && p.length <= 128).toBe(true);

  it('createUserSchema', () => {
    checkSchema(
      'users',
      createUserSchema,
      inputsFor(
        fc
          .tuple(fc.emailAddress(), fc.option(validText(100), { nil: undefined }), roleWithInstitution, strongPassword)
          .map(([email, name, r, pw]) => ({ email, ...(name === undefined ? {} : { name }), ...r, password: pw })),
        loose({ email: emailLike, name: text(100), role, institutionCode: institution, password }),
      ),
      (v) => {
        expect(v.email === v.email.trim().toLowerCase() && v.email.length <= 254 && v.email.includes('@')).toBe(true);
        expect(isOptionalText(v.name, 100)).toBe(true);
        access(v);
        passwordLimits(v.password);
      },
    );
  });

  it('updateUserRoleSchema, userIdSchema and resetPasswordSchema', () => {
    const userId = fc.oneof(fc.string({ minLength: 1, maxLength: 70 }), junk);
    checkSchema(
      'users',
      updateUserRoleSchema,
      inputsFor(
        fc.tuple(validId, roleWithInstitution).map(([id, r]) => ({ userId: id, ...r })),
        loose({ userId, role, institutionCode: institution }),
      ),
      (v) => {
        expect(v.userId.length >= 1 && v.userId.length <= 64).toBe(true);
        access(v);
      },
    );
    checkSchema('users', userIdSchema, inputsFor(fc.record({ userId: validId }), loose({ userId })), (v) => {
      expect(v.userId.length >= 1 && v.userId.length <= 64).toBe(true);
    });
    checkSchema(
      'users',
      resetPasswordSchema,
      inputsFor(fc.record({ userId: validId, password: strongPassword }), loose({ userId, password })),
      (v) => passwordLimits(v.password),
    );
  });
});

describe('audit filters', () => {
  it('auditFiltersSchema', () => {
    const valid = fc
      .record(
        {
          dates: orderedDates,
          actorEmail: fc.emailAddress(),
          action: fc.constantFrom('program.create', 'milestone.update', 'auth.signIn'),
          outcome: fc.constantFrom('ALLOWED', 'DENIED'),
          entityType: fc.constantFrom('Program', 'Milestone'),
          limit: fc.integer({ min: 1, max: 100 }),
        },
        { requiredKeys: [] },
      )
      .map(({ dates, ...rest }) => (dates ? { ...rest, from: dates[0], to: dates[1] } : rest) as Record<string, unknown>);
    checkSchema(
      null,
      auditFiltersSchema,
      inputsFor(
        valid,
        loose({
          from: dateLike,
          to: dateLike,
          actorEmail: fc.oneof(fc.emailAddress(), text(300)),
          action: fc.oneof(fc.constantFrom('program.create', 'milestone.update', 'a b', 'x'.repeat(101)), junk),
          outcome: fc.oneof(fc.constantFrom('ALLOWED', 'DENIED', 'allowed'), junk),
          entityType: fc.oneof(fc.constantFrom('Program', 'Milestone', 'Drop;Table'), junk),
          cursor: fc.oneof(fc.string({ maxLength: 250 }), junk),
          limit: numberLike,
        }),
      ),
      (v) => {
        if (v.from !== undefined) expect(isCalendarDate(v.from)).toBe(true);
        if (v.to !== undefined) expect(isCalendarDate(v.to)).toBe(true);
        if (v.from !== undefined && v.to !== undefined) expect(v.from <= v.to).toBe(true);
        if (v.actorEmail !== undefined) expect(v.actorEmail === v.actorEmail.toLowerCase() && v.actorEmail.length <= 254).toBe(true);
        for (const name of [v.action, v.entityType]) if (name !== undefined) expect(name).toMatch(/^[A-Za-z0-9._-]{1,100}$/);
        expect(Number.isInteger(v.limit) && v.limit >= 1 && v.limit <= 100).toBe(true);
        if (v.cursor !== undefined) expect(v.cursor.length).toBeLessThanOrEqual(200);
      },
    );
  });

  it('parseAuditParams never throws and always yields valid filters', () => {
    const param = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      fc.constant(undefined),
      validDate,
      fc.constantFrom('ALLOWED', 'DENIED', 'program.create', '2021-02-30'),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('from', 'to', 'actor', 'action', 'outcome', 'entity', 'cursor', 'other'), param), (params) => {
        const { filters: parsed, invalid } = parseAuditParams(params);
        expect(auditFiltersSchema.safeParse(parsed).success).toBe(true);
        for (const name of invalid) expect(params[name]).toBeDefined();
      }),
      RUNS,
    );
  });
});
