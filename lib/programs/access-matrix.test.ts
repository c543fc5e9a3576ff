/**
 * The access matrix of the program admin: every exported mutation of programs, milestones and
 * annotations (and the audit log read), called as each demo role with valid input. Allowed roles
 * succeed; the others get FORBIDDEN and leave exactly one DENIED audit row. A new exported mutation
 * without a row here fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDb } from '../../tests/helpers/demo-db';
import type { DemoUser } from '../../tests/helpers/demo-viewers';
import type { TestDb } from '../../tests/helpers/test-db';
import * as annotationMutations from '../annotations/mutations';
import { listAuditEntries } from '../audit/queries';
import type { RequestContext } from '../auth/viewer';
import type { Db } from '../db';
import type { Role } from '../generated/sqlite/enums';
import * as milestoneMutations from '../milestones/mutations';
import * as programMutations from './mutations';

let t: TestDb;
let as: Record<DemoUser, RequestContext>;

beforeAll(async () => {
  ({ t, as } = await createDemoDb({ now: new Date('2026-11-25T04:00:00Z') }));
}, 120_000);
afterAll(async () => {
  await t.cleanup();
});

const ROLES: Array<[Role, DemoUser]> = [
  ['ADMIN', 'admin'],
  ['PROGRAM_MANAGER', 'pm'],
  ['EXECUTIVE', 'exec'],
  ['PARTNER', 'icbc'],
];

const SLUG = 'alipay-bank-apps';
let counter = 0;

async function freshMilestone(db: Db) {
  const program = await db.program.findUniqueOrThrow({ where: { slug: SLUG } });
  return db.milestone.create({ data: { programId: program.id, titleZh: '矩阵', titleEn: 'Matrix', dueDate: '2021-12-01' } });
}
async function freshAnnotation(db: Db) {
  const program = await db.program.findUniqueOrThrow({ where: { slug: SLUG } });
  return db.annotation.create({ data: { programId: program.id, date: '2021-12-01', titleZh: '矩阵', titleEn: 'Matrix' } });
}

interface Row {
  action: string;
  allowed: readonly Role[];
  call: (db: Db, ctx: RequestContext) => Promise<unknown>;
}

const ADMIN_ONLY = ['ADMIN'] as const;
const MANAGERS = ['ADMIN', 'PROGRAM_MANAGER'] as const;

/** module export name -> matrix row */
const MATRIX: Record<string, Record<string, Row>> = {
  programs: {
    createProgram: {
      action: 'program.create',
      allowed: ADMIN_ONLY,
      call: (db, ctx) =>
        programMutations.createProgram(db, ctx, {
          slug: `matrix-${++counter}`,
          nameZh: '矩阵',
          nameEn: 'Matrix',
          directionZh: '方向',
          directionEn: 'Direction',
          scopeRule: 'METRIC',
          startDate: '2026-01-01',
          targetDate: '2026-12-31',
          targetValue: 50,
        }),
    },
    updateProgram: {
      action: 'program.update',
      allowed: ADMIN_ONLY,
      call: async (db, ctx) =>
        programMutations.updateProgram(db, ctx, {
          slug: SLUG,
          version: (await db.program.findUniqueOrThrow({ where: { slug: SLUG } })).version,
          nameZh: `矩阵 ${++counter}`,
          nameEn: 'Matrix',
          directionZh: '方向',
          directionEn: 'Direction',
          staleAfterDays: 30,
          targetValue: null,
        }),
    },
    replanTarget: {
      action: 'program.replanTarget',
      allowed: ADMIN_ONLY,
      call: async (db, ctx) => {
        const p = await db.program.findUniqueOrThrow({ where: { slug: SLUG } });
        return programMutations.replanTarget(db, ctx, {
          slug: SLUG,
          version: p.version,
          expectedTargetDate: p.targetDate,
          newTargetDate: p.targetDate === '2022-03-31' ? '2022-04-30' : '2022-03-31',
          reason: 'matrix test re-plan',
        });
      },
    },
  },
  milestones: {
    createMilestone: {
      action: 'milestone.create',
      allowed: MANAGERS,
      call: (db, ctx) => milestoneMutations.createMilestone(db, ctx, { programSlug: SLUG, titleZh: '矩阵', titleEn: 'Matrix', dueDate: '2021-12-01' }),
    },
    updateMilestone: {
      action: 'milestone.update',
      allowed: MANAGERS,
      call: async (db, ctx) => {
        const m = await freshMilestone(db);
        return milestoneMutations.updateMilestone(db, ctx, { id: m.id, version: m.version, titleZh: '改', titleEn: 'Changed', dueDate: m.dueDate, doneDate: null });
      },
    },
    markMilestoneDone: {
      action: 'milestone.done',
      allowed: MANAGERS,
      call: async (db, ctx) => {
        const m = await freshMilestone(db);
        return milestoneMutations.markMilestoneDone(db, ctx, { id: m.id, version: m.version, doneDate: '2021-11-30' });
      },
    },
    deleteMilestone: {
      action: 'milestone.delete',
      allowed: MANAGERS,
      call: async (db, ctx) => {
        const m = await freshMilestone(db);
        return milestoneMutations.deleteMilestone(db, ctx, { id: m.id, version: m.version });
      },
    },
  },
  annotations: {
    createAnnotation: {
      action: 'annotation.create',
      allowed: MANAGERS,
      call: (db, ctx) => annotationMutations.createAnnotation(db, ctx, { programSlug: SLUG, date: '2021-12-01', titleZh: '矩阵', titleEn: 'Matrix' }),
    },
    updateAnnotation: {
      action: 'annotation.update',
      allowed: MANAGERS,
      call: async (db, ctx) => {
        const a = await freshAnnotation(db);
        return annotationMutations.updateAnnotation(db, ctx, { id: a.id, version: a.version, date: a.date, titleZh: '改', titleEn: 'Changed' });
      },
    },
    deleteAnnotation: {
      action: 'annotation.delete',
      allowed: MANAGERS,
      call: async (db, ctx) => {
        const a = await freshAnnotation(db);
        return annotationMutations.deleteAnnotation(db, ctx, { id: a.id, version: a.version });
      },
    },
  },
  audit: {
    listAuditEntries: {
      action: 'audit.read',
      allowed: ADMIN_ONLY,
      call: (db, ctx) => listAuditEntries(db, ctx.viewer, { limit: 5 }),
    },
  },
};

const MODULES: Record<string, object> = { programs: programMutations, milestones: milestoneMutations, annotations: annotationMutations };

describe('access matrix', () => {
  it('has a row for every exported mutation', () => {
    for (const [name, module] of Object.entries(MODULES)) {
      const exported = Object.entries(module)
        .filter(([, value]) => typeof value === 'function')
        .map(([key]) => key)
        .sort();
      expect(exported, name).toEqual(Object.keys(MATRIX[name] ?? {}).sort());
    }
  });

  const cells = Object.values(MATRIX).flatMap((rows) =>
    Object.entries(rows).flatMap(([fn, row]) => ROLES.map(([role, user]) => ({ fn, row, role, user, allowed: row.allowed.includes(role) }))),
  );

  it.each(cells.map((c) => [c.fn, c.role, c.allowed ? 'allowed' : 'refused', c] as const))('%s as %s: %s', async (_fn, _role, _outcome, cell) => {
    const ctx = as[cell.user];
    const denied = () => t.db.auditLog.count({ where: { action: cell.row.action, outcome: 'DENIED', actorId: ctx.viewer.id } });
    const deniedBefore = await denied();
    if (cell.allowed) {
      await expect(cell.row.call(t.db, ctx)).resolves.toBeDefined();
      expect(await denied()).toBe(deniedBefore);
    } else {
      await expect(cell.row.call(t.db, ctx)).rejects.toMatchObject({ name: 'AppError', code: 'FORBIDDEN' });
      expect(await denied()).toBe(deniedBefore + 1);
    }
  });
});
