import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { AppError } from '../errors';
import { createAnnotation, deleteAnnotation, updateAnnotation } from './mutations';
import { listEditableAnnotations } from './queries';
import { refused } from '../../tests/helpers/refused';

const { t, as } = withDemoDb({ now: DEMO_NOW });

const SLUG = 'wechat-unionpay-offline';

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

    const edited = await updateAnnotation(t.db, as[who], { id, version: 1, ...fields, sourceUrl: '', sourceNote: '   ', isIllustrative: true });
    expect(edited).toEqual({ id, version: 2, changed: true });
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ sourceUrl: null, sourceNote: null, isIllustrative: true, version: 2 });
    const update = await lastAudit('annotation.update');
    expect(update?.before).toMatchObject({ sourceUrl: fields.sourceUrl, isIllustrative: false, version: 1 });
    expect(update?.after).toMatchObject({ isIllustrative: true, version: 2 });

    await deleteAnnotation(t.db, as[who], { id, version: 2 });
    expect(await t.db.annotation.findUnique({ where: { id } })).toBeNull();
    expect((await lastAudit('annotation.delete'))?.before).toMatchObject({ id, titleZh: fields.titleZh });
  });

  it.each(['exec', 'icbc'] as const)('%s is refused every write; nothing changes; each attempt audited', async (who) => {
    const { id } = await createAnnotation(t.db, as.admin, { programSlug: SLUG, ...fields });
    const snapshot = await t.db.annotation.findUniqueOrThrow({ where: { id } });
    const count = await t.db.annotation.count();
    await refused(createAnnotation(t.db, as[who], { programSlug: SLUG, ...fields }), 'FORBIDDEN');
    await refused(updateAnnotation(t.db, as[who], { id, version: 1, ...fields, titleEn: 'defaced' }), 'FORBIDDEN');
    await refused(deleteAnnotation(t.db, as[who], { id, version: 1 }), 'FORBIDDEN');
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
      expect(error.details).toEqual({ issues: [{ path: 'sourceUrl', code: 'urlScheme' }] });
      expect(await t.db.annotation.count()).toBe(count);
      expect(await lastAudit('annotation.create')).toMatchObject({ outcome: 'DENIED', reason: 'VALIDATION', after: { invalidFields: ['sourceUrl'] } });
    },
  );

  it('refuses fields the form does not offer, unknown ids and unknown programs', async () => {
    const extra = await refused(createAnnotation(t.db, as.pm, { programSlug: SLUG, ...fields, programId: 'x' }), 'VALIDATION');
    expect(extra.details).toEqual({ issues: [{ path: 'programId', code: 'unknownField', values: { field: 'programId' } }] });
    await refused(updateAnnotation(t.db, as.pm, { id: 'no-such-id', version: 1, ...fields }), 'NOT_FOUND');
    await refused(deleteAnnotation(t.db, as.pm, { id: 'no-such-id', version: 1 }), 'NOT_FOUND');
    await refused(createAnnotation(t.db, as.pm, { programSlug: 'no-such-program', ...fields }), 'NOT_FOUND');
    const { id } = await createAnnotation(t.db, as.pm, { programSlug: SLUG, ...fields });
    const forged = await refused(updateAnnotation(t.db, as.pm, { id, version: 1, ...fields, programId: 'x' }), 'VALIDATION');
    expect(forged.details).toEqual({ issues: [{ path: 'programId', code: 'unknownField', values: { field: 'programId' } }] });
  });

  it('a stale version is a CONFLICT showing the other change and who made it; reapplying on the new version succeeds', async () => {
    const { id } = await createAnnotation(t.db, as.admin, { programSlug: SLUG, ...fields });
    await updateAnnotation(t.db, as.admin, { id, version: 1, ...fields, titleEn: 'Their title' });
    const before = await t.db.annotation.findUniqueOrThrow({ where: { id } });
    const error = await refused(updateAnnotation(t.db, as.pm, { id, version: 1, ...fields, date: '2021-10-16' }), 'CONFLICT');
    expect(error.details).toMatchObject({ conflict: { version: 2, values: { titleEn: 'Their title', date: fields.date }, changedBy: as.admin.viewer.name } });
    await refused(deleteAnnotation(t.db, as.pm, { id, version: 1 }), 'CONFLICT');
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await lastAudit('annotation.update')).toMatchObject({ outcome: 'DENIED', reason: 'CONFLICT', actorId: as.pm.viewer.id, entityId: id });
    await updateAnnotation(t.db, as.pm, { id, version: 2, ...fields, titleEn: 'Their title', date: '2021-10-16' });
    expect(await t.db.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ titleEn: 'Their title', date: '2021-10-16', version: 3 });
  });

  it('20 parallel edits with the same version: exactly 1 success, 19 conflicts, one audit row, version + 1', async () => {
    const { id } = await createAnnotation(t.db, as.admin, { programSlug: SLUG, ...fields });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => updateAnnotation(t.db, i % 2 ? as.pm : as.admin, { id, version: 1, ...fields, titleEn: `Parallel ${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(reasons).toEqual(Array.from({ length: 19 }, () => 'CONFLICT'));
    expect(await t.db.auditLog.count({ where: { action: 'annotation.update', entityId: id, outcome: 'ALLOWED' } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: 'annotation.update', entityId: id, outcome: 'DENIED', reason: 'CONFLICT' } })).toBe(19);
    expect((await t.db.annotation.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });
});
