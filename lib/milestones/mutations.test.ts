import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import type { DemoUser } from '../../tests/helpers/demo-viewers';
import { addDays, todayInShanghai } from '../time';
import { createMilestone, deleteMilestone, markMilestoneDone, updateMilestone } from './mutations';
import { listEditableMilestones } from './queries';
import { refused } from '../../tests/helpers/refused';

const { t, as } = withDemoDb({ now: DEMO_NOW });

const SLUG = 'alipay-bank-apps';
const MANAGERS: DemoUser[] = ['admin', 'pm'];
const OTHERS: DemoUser[] = ['exec', 'icbc'];

const lastAudit = (action: string) => t.db.auditLog.findFirst({ where: { action }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
const countAudit = (action: string, outcome: 'ALLOWED' | 'DENIED') => t.db.auditLog.count({ where: { action, outcome } });

async function newMilestone(who: DemoUser = 'admin', title = '新增 5 家城商行') {
  return createMilestone(t.db, as[who], { programSlug: SLUG, titleZh: title, titleEn: 'Five more city commercial banks', dueDate: '2021-11-15' });
}

describe('milestones: who may manage them', () => {
  it.each(MANAGERS)('%s creates, edits, closes and deletes a milestone, each step audited', async (who) => {
    const created = await newMilestone(who);
    expect(created.version).toBe(1);
    expect((await lastAudit('milestone.create'))).toMatchObject({ outcome: 'ALLOWED', entityId: created.id, actorId: as[who].viewer.id });

    const edited = await updateMilestone(t.db, as[who], {
      id: created.id,
      version: 1,
      titleZh: '新增 6 家城商行',
      titleEn: 'Six more city commercial banks',
      dueDate: '2021-11-30',
      doneDate: null,
    });
    expect(edited.version).toBe(2);
    const update = await lastAudit('milestone.update');
    expect(update?.before).toMatchObject({ titleZh: '新增 5 家城商行', dueDate: '2021-11-15', version: 1 });
    expect(update?.after).toMatchObject({ titleZh: '新增 6 家城商行', dueDate: '2021-11-30', version: 2 });

    const done = await markMilestoneDone(t.db, as[who], { id: created.id, version: 2, doneDate: '2021-11-28' });
    expect(done.version).toBe(3);
    expect((await listEditableMilestones(t.db, SLUG)).find((m) => m.id === created.id)).toMatchObject({ doneDate: '2021-11-28', version: 3 });
    expect((await lastAudit('milestone.done'))?.after).toEqual({ doneDate: '2021-11-28', version: 3 });

    await deleteMilestone(t.db, as[who], { id: created.id, version: 3 });
    expect(await t.db.milestone.findUnique({ where: { id: created.id } })).toBeNull();
    expect((await lastAudit('milestone.delete'))?.before).toMatchObject({ id: created.id, titleZh: '新增 6 家城商行', doneDate: '2021-11-28' });
  });

  it.each(OTHERS)('%s is refused every write; nothing changes; one DENIED row per attempt', async (who) => {
    const target = await newMilestone('admin', `目标 ${who}`);
    const snapshot = await t.db.milestone.findUniqueOrThrow({ where: { id: target.id } });
    const denied = await countAudit('milestone.update', 'DENIED');
    const attempts = [
      () => createMilestone(t.db, as[who], { programSlug: SLUG, titleZh: 'x', titleEn: 'x', dueDate: '2021-12-01' }),
      () => updateMilestone(t.db, as[who], { id: target.id, version: 1, titleZh: 'x', titleEn: 'x', dueDate: '2021-12-01', doneDate: null }),
      () => markMilestoneDone(t.db, as[who], { id: target.id, version: 1, doneDate: '2021-12-01' }),
      () => deleteMilestone(t.db, as[who], { id: target.id, version: 1 }),
    ];
    for (const attempt of attempts) await refused(attempt(), 'FORBIDDEN');
    expect(await t.db.milestone.findUniqueOrThrow({ where: { id: target.id } })).toEqual(snapshot);
    expect(await countAudit('milestone.update', 'DENIED')).toBe(denied + 1);
    for (const action of ['milestone.create', 'milestone.update', 'milestone.done', 'milestone.delete']) {
      const row = await lastAudit(action);
      expect(row).toMatchObject({ outcome: 'DENIED', reason: 'FORBIDDEN', actorId: as[who].viewer.id });
    }
  });
});

describe('milestones: versions and validation', () => {
  it('an edit from a stale form is a CONFLICT and leaves the newer edit in place', async () => {
    const { id } = await newMilestone('pm');
    await updateMilestone(t.db, as.pm, { id, version: 1, titleZh: '先到的修改', titleEn: 'First edit', dueDate: '2021-11-15', doneDate: null });
    const error = await refused(
      updateMilestone(t.db, as.admin, { id, version: 1, titleZh: '过期表单', titleEn: 'Stale form', dueDate: '2021-11-15', doneDate: null }),
      'CONFLICT',
    );
    expect(error.details).toMatchObject({
      conflict: { version: 2, values: { titleZh: '先到的修改', titleEn: 'First edit', dueDate: '2021-11-15', doneDate: null }, changedBy: as.pm.viewer.name },
    });
    await refused(deleteMilestone(t.db, as.admin, { id, version: 1 }), 'CONFLICT');
    expect(await t.db.milestone.findUniqueOrThrow({ where: { id } })).toMatchObject({ titleEn: 'First edit', version: 2 });
    expect(await lastAudit('milestone.delete')).toMatchObject({ outcome: 'DENIED', reason: 'CONFLICT', entityId: id });
  });

  it('20 parallel edits of one version: exactly one succeeds, 19 conflicts, one audit row', async () => {
    const { id } = await newMilestone('admin');
    const allowedBefore = await countAudit('milestone.update', 'ALLOWED');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateMilestone(t.db, as.admin, { id, version: 1, titleZh: `并发 ${i}`, titleEn: `Parallel ${i}`, dueDate: '2021-11-15', doneDate: null }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(rejected).toHaveLength(19);
    for (const r of rejected) expect(r).toMatchObject({ name: 'AppError', code: 'CONFLICT' });
    expect(await t.db.milestone.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 2 });
    expect(await countAudit('milestone.update', 'ALLOWED')).toBe(allowedBefore + 1);
  });

  it('an unchanged save keeps the version and writes no audit row', async () => {
    const { id } = await newMilestone('admin', '不变');
    const allowed = await countAudit('milestone.update', 'ALLOWED');
    const result = await updateMilestone(t.db, as.admin, {
      id,
      version: 1,
      titleZh: '不变',
      titleEn: 'Five more city commercial banks',
      dueDate: '2021-11-15',
      doneDate: null,
    });
    expect(result.version).toBe(1);
    expect(await countAudit('milestone.update', 'ALLOWED')).toBe(allowed);
  });

  it('refuses bad input with field keys, unknown ids, unknown programs and done dates in the future', async () => {
    const bad = await refused(
      createMilestone(t.db, as.admin, { programSlug: SLUG, titleZh: '  ', titleEn: 'x'.repeat(201), dueDate: '2021-02-30', version: 7 }),
      'VALIDATION',
    );
    expect(bad.details).toEqual({
      issues: [
        { path: 'titleZh', code: 'required' },
        { path: 'titleEn', code: 'tooLong', values: { max: 200 } },
        { path: 'dueDate', code: 'dateFormat' },
        { path: 'version', code: 'unknownField', values: { field: 'version' } },
      ],
    });
    await refused(createMilestone(t.db, as.admin, { programSlug: 'no-such-program', titleZh: 'x', titleEn: 'x', dueDate: '2021-12-01' }), 'NOT_FOUND');
    await refused(markMilestoneDone(t.db, as.admin, { id: 'no-such-id', version: 1 }), 'NOT_FOUND');
    const { id } = await newMilestone('admin');
    const future = await refused(markMilestoneDone(t.db, as.admin, { id, version: 1, doneDate: addDays(todayInShanghai(), 2) }), 'VALIDATION');
    expect(future.details).toEqual({ issues: [{ path: 'doneDate', code: 'doneInFuture' }] });
    const today = await markMilestoneDone(t.db, as.admin, { id, version: 1 });
    expect(await t.db.milestone.findUniqueOrThrow({ where: { id: today.id } })).toMatchObject({ doneDate: todayInShanghai() });
  });
});
