import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../prisma/seed';
import { loadDemoContexts, type DemoUser } from '../../tests/helpers/demo-viewers';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db';
import type { RequestContext } from '../auth/viewer';
import { AppError } from '../errors';
import { createAnnotation, deleteAnnotation, updateAnnotation } from './mutations';
import { listEditableAnnotations } from './queries';

let t: TestDb;
let as: Record<DemoUser, RequestContext>;

beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db, { demo: true, demoPassword: 'test-password-123', now: new Date('2026-11-25T04:00:00Z') });
  as = await loadDemoContexts(t.db);
}, 120_000);
afterAll(async () => {
  await t.cleanup();
});

const SLUG = 'wechat-unionpay-offline';

async function refused(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const lastAudit = (action: string) => t.db.auditLog.findFirst({ where: { action }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });

const fields = {
  date: '2021-10-15',
  titleZh: '银联发布互认进展',
  titleEn: 'UnionPay reports progress',
  sourceNote: 'UnionPay press release',
  sourceUrl: 'https://www.unionpay.com/example',
  isIllustrative: false,
};

describe('annotations', () => {
  it.each(['admin', 'pm'] as const)('%s creates, edits and deletes an annotation, each step audited', async (who) => {
    const { id } = await createAnnotation(t.db, as[who], { programSlug: SLUG, ...fields });
    expect((await listEditableAnnotations(t.db, SLUG)).find((a) => a.id === id)).toMatchObject(fields);
    expect(await lastAudit('annotation.create')).toMatchObject({ outcome: 'ALLOWED', entityId: id, actorId: as[who].viewer.id });

    await updateAnnotation(t.db, as[who], { id, ...fields, sourceUrl: '', sourceNote: '   ', isIllustrative: true });
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ sourceUrl: null, sourceNote: null, isIllustrative: true });
    const update = await lastAudit('annotation.update');
    expect(update?.before).toMatchObject({ sourceUrl: fields.sourceUrl, isIllustrative: false });
    expect(update?.after).toMatchObject({ isIllustrative: true });

    await deleteAnnotation(t.db, as[who], { id });
    expect(await t.db.annotation.findUnique({ where: { id } })).toBeNull();
    expect((await lastAudit('annotation.delete'))?.before).toMatchObject({ id, titleZh: fields.titleZh });
  });

  it.each(['exec', 'icbc'] as const)('%s is refused every write; nothing changes; each attempt audited', async (who) => {
    const { id } = await createAnnotation(t.db, as.admin, { programSlug: SLUG, ...fields });
    const snapshot = await t.db.annotation.findUniqueOrThrow({ where: { id } });
    const count = await t.db.annotation.count();
    await refused(createAnnotation(t.db, as[who], { programSlug: SLUG, ...fields }), 'FORBIDDEN');
    await refused(updateAnnotation(t.db, as[who], { id, ...fields, titleEn: 'defaced' }), 'FORBIDDEN');
    await refused(deleteAnnotation(t.db, as[who], { id }), 'FORBIDDEN');
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id } })).toEqual(snapshot);
    expect(await t.db.annotation.count()).toBe(count);
    for (const action of ['annotation.create', 'annotation.update', 'annotation.delete']) {
      expect(await lastAudit(action)).toMatchObject({ outcome: 'DENIED', reason: 'FORBIDDEN', actorId: as[who].viewer.id });
    }
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com/a', 'file:///etc/passwd', 'not a url'])(
    'refuses the source URL %s',
    async (sourceUrl) => {
      const count = await t.db.annotation.count();
      const error = await refused(createAnnotation(t.db, as.admin, { programSlug: SLUG, ...fields, sourceUrl }), 'VALIDATION');
      expect(error.details).toEqual({ issues: [{ path: 'sourceUrl', key: 'urlScheme' }] });
      expect(await t.db.annotation.count()).toBe(count);
      expect(await lastAudit('annotation.create')).toMatchObject({ outcome: 'DENIED', reason: 'VALIDATION', after: { invalidFields: ['sourceUrl'] } });
    },
  );

  it('refuses fields the form does not offer, unknown ids and unknown programs', async () => {
    const extra = await refused(createAnnotation(t.db, as.pm, { programSlug: SLUG, ...fields, programId: 'x' }), 'VALIDATION');
    expect(extra.details).toEqual({ issues: [{ path: '', key: 'unknownField', values: { fields: 'programId' } }] });
    await refused(updateAnnotation(t.db, as.pm, { id: 'no-such-id', ...fields }), 'NOT_FOUND');
    await refused(deleteAnnotation(t.db, as.pm, { id: 'no-such-id' }), 'NOT_FOUND');
    await refused(createAnnotation(t.db, as.pm, { programSlug: 'no-such-program', ...fields }), 'NOT_FOUND');
  });
});
