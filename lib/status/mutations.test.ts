import { describe, expect, it } from 'vitest';
import { testProvider } from '../../tests/helpers/test-db';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import type { Db } from '../db';
import { AppError } from '../errors';
import {
  bulkUpdateCityStatuses,
  confirmStatus,
  updateCityStatus,
  updateInstitutionStatus,
  verifyStatus,
} from './mutations';
import { refused } from '../../tests/helpers/refused';

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';

const { t, as } = withDemoDb({ now: DEMO_NOW });

async function cityRow(code: string, slug = CITIES) {
  return t.db.cityStatus.findFirstOrThrow({ where: { cityCode: code, program: { slug } } });
}
async function bankRow(code: string) {
  return t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: code, program: { slug: BANKS } } });
}
async function historyCount(entityCode: string) {
  return t.db.statusChange.count({ where: { entityCode, source: { not: 'SEED' } } });
}
async function auditCount(where: { outcome?: string; actorId?: string; action?: string } = {}) {
  return t.db.auditLog.count({ where });
}

describe('updating a city status', () => {
  it('a manager moves a city LIVE -> PAUSED: version +1, one STATUS history row, one audit row, verified', async () => {
    const before = await cityRow('4403');
    const audits = await auditCount({ outcome: 'ALLOWED' });
    const dto = await updateCityStatus(t.db, as.pm, {
      programSlug: CITIES,
      cityCode: '4403',
      input: { version: before.version, status: 'PAUSED', note: '系统升级，暂停受理' },
      source: 'FORM',
    });
    expect(dto).toMatchObject({ code: '4403', name: '深圳市', status: 'PAUSED', version: before.version + 1, verified: true });
    expect(dto.liveDate).toBe(before.liveDate); // a paused rollout keeps the day it went live
    expect(dto.updatedBy?.name).toBe(as.pm.viewer.name);
    const history = await t.db.statusChange.findMany({ where: { entityCode: '4403', source: 'FORM' } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: 'STATUS', fromStatus: 'LIVE', toStatus: 'PAUSED', version: before.version + 1, actorRole: 'PROGRAM_MANAGER' });
    expect(history[0]?.after).toMatchObject({ status: 'PAUSED', note: '系统升级，暂停受理' });
    expect(await auditCount({ outcome: 'ALLOWED' })).toBe(audits + 1);
  });

  it('a note-only edit is recorded as DETAILS; saving identical values is refused (nothing to save)', async () => {
    const row = await cityRow('4401');
    await updateCityStatus(t.db, as.admin, { programSlug: CITIES, cityCode: '4401', input: { version: row.version, note: '新增地铁场景' }, source: 'API' });
    const last = await t.db.statusChange.findFirstOrThrow({ where: { entityCode: '4401', source: 'API' } });
    expect(last.kind).toBe('DETAILS');
    const same = await refused(
      updateCityStatus(t.db, as.admin, { programSlug: CITIES, cityCode: '4401', input: { version: row.version + 1, note: '新增地铁场景' }, source: 'FORM' }),
    );
    expect(same.code).toBe('VALIDATION');
    expect(same.details).toMatchObject({ issues: [{ path: '', code: 'noChanges' }] });
  });

  it('20 parallel writes of one row with the same version: exactly 1 success, 19 CONFLICT, one history row', async () => {
    const row = await cityRow('1100');
    const historyBefore = await historyCount('1100');
    const deniedBefore = await auditCount({ outcome: 'DENIED', action: 'cityStatus.update' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateCityStatus(t.db, i % 2 ? as.pm : as.admin, {
          programSlug: CITIES,
          cityCode: '1100',
          input: { version: row.version, note: `并发写入 ${i}` },
          source: 'FORM',
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    expect(await historyCount('1100')).toBe(historyBefore + 1);
    const after = await cityRow('1100');
    expect(after.version).toBe(row.version + 1);
    // Every loser learns who won and what they wrote.
    const winner = (ok[0] as PromiseFulfilledResult<{ note: string | null }>).value;
    for (const c of conflicts) {
      const details = ((c as PromiseRejectedResult).reason as AppError).details as { current: { note: string; version: number; updatedBy: { name: string } } };
      expect(details.current).toMatchObject({ note: winner.note, version: row.version + 1 });
      expect(details.current.updatedBy.name).toBeTruthy();
    }
    expect(await auditCount({ outcome: 'DENIED', action: 'cityStatus.update' })).toBe(deniedBefore + 19);
  }, 60_000);

  // SQLite is the single-writer engine where concurrent writers could fail with SQLITE_BUSY. On
  // PostgreSQL the same burst queues for the pool's 10 connections, and under a loaded CI machine
  // some waits exceed the pool's 5 s connection timeout (lib/db.ts), which this test does not own.
  it.runIf(testProvider() === 'sqlite')('50 concurrent writes to different rows: no errors, 50 history rows', async () => {
    const rows = await t.db.cityStatus.findMany({
      where: { program: { slug: CITIES }, cityCode: { notIn: ['4403', '4401', '1100'] } },
      orderBy: { cityCode: 'asc' },
      take: 50,
    });
    expect(rows).toHaveLength(50);
    const before = await t.db.statusChange.count({ where: { source: 'FORM', entityCode: { in: rows.map((r) => r.cityCode) } } });
    const results = await Promise.allSettled(
      rows.map((r, i) =>
        updateCityStatus(t.db, as.pm, { programSlug: CITIES, cityCode: r.cityCode, input: { version: r.version, note: `批次 ${i}` }, source: 'FORM' }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const after = await t.db.statusChange.count({ where: { source: 'FORM', entityCode: { in: rows.map((r) => r.cityCode) } } });
    expect(after - before).toBe(50);
  }, 60_000);

  it('a failure inside the transaction leaves neither the change, nor its history, nor its audit row', async () => {
    const row = await cityRow('5101');
    const history = await historyCount('5101');
    const audits = await auditCount();
    const failing = withFailingAudit(t.db);
    await expect(
      updateCityStatus(failing, as.pm, { programSlug: CITIES, cityCode: '5101', input: { version: row.version, status: 'PAUSED' }, source: 'FORM' }),
    ).rejects.toThrow('audit store unavailable');
    expect(await cityRow('5101')).toEqual(row);
    expect(await historyCount('5101')).toBe(history);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses LIVE without a live date, and a live date in the future, changing nothing', async () => {
    const row = await cityRow('5000');
    const tomorrow = new Date(Date.now() + 48 * 3600 * 1000).toISOString().slice(0, 10);
    for (const input of [
      { version: row.version, liveDate: null },
      { version: row.version, liveDate: tomorrow },
    ]) {
      const e = await refused(updateCityStatus(t.db, as.pm, { programSlug: CITIES, cityCode: '5000', input, source: 'FORM' }));
      expect(e.code).toBe('VALIDATION');
    }
    expect(await cityRow('5000')).toEqual(row);
  });

  it('unknown program or city: NOT_FOUND, audited', async () => {
    const denied = await auditCount({ outcome: 'DENIED' });
    expect((await refused(updateCityStatus(t.db, as.pm, { programSlug: 'nope', cityCode: '4403', input: { version: 1, note: 'x' }, source: 'FORM' }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await refused(updateCityStatus(t.db, as.pm, { programSlug: CITIES, cityCode: '9999', input: { version: 1, note: 'x' }, source: 'FORM' }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await auditCount({ outcome: 'DENIED' })).toBe(denied + 2);
  });
});

describe('object scope: the partner of ICBC and the rows of CMB', () => {
  it('refuses every attempt, audits each one once, and changes nothing', async () => {
    const cmb = await bankRow('CMB');
    const icbc = await bankRow('ICBC');
    const changes = await t.db.statusChange.count();
    const denied = await auditCount({ outcome: 'DENIED', actorId: as.icbc.viewer.id });
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['by code', () => updateInstitutionStatus(t.db, as.icbc, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version, status: 'PAUSED' }, source: 'API' })],
      ['by row id', () => updateInstitutionStatus(t.db, as.icbc, { programSlug: BANKS, institutionCode: cmb.id, input: { version: cmb.version, status: 'PAUSED' }, source: 'API' })],
      ['lower-case code', () => updateInstitutionStatus(t.db, as.icbc, { programSlug: BANKS, institutionCode: 'cmb', input: { version: cmb.version, status: 'PAUSED' }, source: 'API' })],
      [
        'edited institutionCode field',
        () =>
          updateInstitutionStatus(t.db, as.icbc, {
            programSlug: BANKS,
            institutionCode: 'ICBC',
            input: { version: icbc.version, status: 'PAUSED', institutionCode: 'CMB' },
            source: 'FORM',
          }),
      ],
      [
        'edited institutionId field',
        () =>
          updateInstitutionStatus(t.db, as.icbc, {
            programSlug: BANKS,
            institutionCode: 'ICBC',
            input: { version: icbc.version, status: 'PAUSED', institutionId: cmb.id },
            source: 'FORM',
          }),
      ],
      ['confirm CMB', () => confirmStatus(t.db, as.icbc, { programSlug: BANKS, entity: 'institution', code: 'CMB', input: { version: cmb.version, confirm: true }, source: 'FORM' })],
      ['a city row', () => updateCityStatus(t.db, as.icbc, { programSlug: CITIES, cityCode: '4403', input: { version: 1, note: 'x' }, source: 'FORM' })],
    ];
    for (const [label, attempt] of attempts) {
      const e = await refused(attempt());
      expect(['FORBIDDEN', 'VALIDATION'], label).toContain(e.code);
    }
    expect(await bankRow('CMB')).toEqual(cmb);
    expect(await bankRow('ICBC')).toEqual(icbc);
    expect(await t.db.statusChange.count()).toBe(changes);
    expect(await auditCount({ outcome: 'DENIED', actorId: as.icbc.viewer.id })).toBe(denied + attempts.length);
  });

  it('mass assignment: verified, version-as-data, createdBy never reach the database', async () => {
    const icbc = await bankRow('ICBC');
    for (const extra of [{ verified: true }, { createdBy: as.admin.viewer.id }, { updatedById: as.admin.viewer.id }, { programId: 'x' }]) {
      const e = await refused(
        updateInstitutionStatus(t.db, as.icbc, { programSlug: BANKS, institutionCode: 'ICBC', input: { version: icbc.version, note: '试图提权', ...extra }, source: 'API' }),
      );
      expect(e.code).toBe('VALIDATION');
      expect((e.details as { issues: Array<{ code: string }> }).issues.map((i) => i.code)).toContain('unknownField');
    }
    expect(await bankRow('ICBC')).toEqual(icbc);
  });
});

describe('partner reports and their verification', () => {
  it("a partner's edit is unverified; a manager verifies it (VERIFY history); only managers and admins may", async () => {
    const icbc = await bankRow('ICBC');
    const reported = await updateInstitutionStatus(t.db, as.icbc, {
      programSlug: BANKS,
      institutionCode: 'ICBC',
      input: { version: icbc.version, evidenceUrl: 'https://www.icbc.com.cn/notice/2021', note: '手机银行已支持扫支付宝收款码' },
      source: 'FORM',
    });
    expect(reported).toMatchObject({ verified: false, version: icbc.version + 1 });

    for (const who of ['icbc', 'cmb', 'exec'] as const) {
      const e = await refused(verifyStatus(t.db, as[who], { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: reported.version }, source: 'FORM' }));
      expect(e.code, who).toBe('FORBIDDEN');
    }
    const stale = await refused(verifyStatus(t.db, as.pm, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: icbc.version }, source: 'FORM' }));
    expect(stale.code).toBe('CONFLICT');

    const verified = await verifyStatus(t.db, as.pm, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: reported.version }, source: 'FORM' });
    expect(verified).toMatchObject({ verified: true, version: reported.version + 1, note: reported.note, lastConfirmedAt: reported.lastConfirmedAt });
    const last = await t.db.statusChange.findFirstOrThrow({ where: { entityCode: 'ICBC' }, orderBy: { version: 'desc' } });
    expect(last).toMatchObject({ kind: 'VERIFY', fromStatus: 'LIVE', toStatus: 'LIVE', version: verified.version });

    const again = await refused(verifyStatus(t.db, as.admin, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: verified.version }, source: 'FORM' }));
    expect(again.code).toBe('VALIDATION');
    expect(again.details).toMatchObject({ issues: [{ path: '', code: 'alreadyVerified' }] });
  });

  it("a manager's edit keeps the row's verification: only an explicit verify marks it verified", async () => {
    const cmb = await bankRow('CMB');
    const reported = await updateInstitutionStatus(t.db, as.cmb, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version, note: '招商银行已上线扫码' }, source: 'FORM' });
    expect(reported.verified).toBe(false);
    const typoFixed = await updateInstitutionStatus(t.db, as.pm, { programSlug: BANKS, institutionCode: 'CMB', input: { version: reported.version, note: '招商银行已上线扫码。' }, source: 'FORM' });
    expect(typoFixed).toMatchObject({ verified: false, note: '招商银行已上线扫码。' });
    const kinds = await t.db.statusChange.findMany({ where: { entityCode: 'CMB', source: { not: 'SEED' } }, orderBy: { version: 'asc' }, select: { kind: true } });
    expect(kinds.map((k) => k.kind)).not.toContain('VERIFY');

    const verified = await verifyStatus(t.db, as.pm, { programSlug: BANKS, entity: 'institution', code: 'CMB', input: { version: typoFixed.version }, source: 'FORM' });
    const edited = await updateInstitutionStatus(t.db, as.admin, { programSlug: BANKS, institutionCode: 'CMB', input: { version: verified.version, note: '经核实' }, source: 'FORM' });
    expect(edited.verified).toBe(true);
  });

  it('confirming changes only lastConfirmedAt (and the version), recorded as CONFIRM', async () => {
    const cmb = await bankRow('CMB');
    const dto = await confirmStatus(t.db, as.cmb, { programSlug: BANKS, entity: 'institution', code: 'CMB', input: { version: cmb.version, confirm: true }, source: 'FORM' });
    const after = await bankRow('CMB');
    expect(after.version).toBe(cmb.version + 1);
    expect(after.lastConfirmedAt!.getTime()).toBeGreaterThan(cmb.lastConfirmedAt?.getTime() ?? 0);
    const values = (r: typeof cmb) => [r.status, r.plannedDate, r.liveDate, r.evidenceUrl, r.note, r.verified];
    expect(values(after)).toEqual(values(cmb));
    expect(dto.status).toBe(cmb.status);
    const last = await t.db.statusChange.findFirstOrThrow({ where: { entityCode: 'CMB' }, orderBy: { version: 'desc' } });
    expect(last.kind).toBe('CONFIRM');
  });
});

describe('bulk edit of a province', () => {
  const GUANGDONG = ['4405', '4406', '4407'];

  it('one stale row refuses the whole batch with the other person\'s row; nothing is written', async () => {
    const rows = await Promise.all(GUANGDONG.map((c) => cityRow(c)));
    await updateCityStatus(t.db, as.admin, { programSlug: CITIES, cityCode: '4406', input: { version: rows[1]!.version, note: '抢先修改' }, source: 'FORM' });
    const changes = await t.db.statusChange.count();
    const e = await refused(
      bulkUpdateCityStatuses(t.db, as.pm, {
        programSlug: CITIES,
        provinceCode: '44',
        input: { cities: rows.map((r) => ({ code: r.cityCode, version: r.version })), note: '统一备注' },
        source: 'FORM',
      }),
    );
    expect(e.code).toBe('CONFLICT');
    expect((e.details as { conflict: { rows: Array<{ code: string; note: string }> } }).conflict.rows).toEqual([
      expect.objectContaining({ code: '4406', note: '抢先修改' }),
    ]);
    expect(await t.db.statusChange.count()).toBe(changes);
    expect((await cityRow('4405')).version).toBe(rows[0]!.version);
  });

  it('fresh versions: every row written, one history row each, in one go', async () => {
    const rows = await Promise.all(GUANGDONG.map((c) => cityRow(c)));
    const result = await bulkUpdateCityStatuses(t.db, as.pm, {
      programSlug: CITIES,
      provinceCode: '44',
      input: { cities: rows.map((r) => ({ code: r.cityCode, version: r.version })), status: 'PAUSED', note: '统一升级' },
      source: 'FORM',
    });
    expect(result.updated.map((r) => [r.code, r.status, r.version])).toEqual(rows.map((r) => [r.cityCode, 'PAUSED', r.version + 1]));
    for (const code of GUANGDONG) {
      expect(await t.db.statusChange.count({ where: { entityCode: code, kind: 'STATUS', toStatus: 'PAUSED' } })).toBe(1);
    }
  });

  it('a city of another province is not found; nothing is written', async () => {
    const a = await cityRow('4405');
    const b = await cityRow('3502');
    const e = await refused(
      bulkUpdateCityStatuses(t.db, as.pm, {
        programSlug: CITIES,
        provinceCode: '44',
        input: { cities: [{ code: '4405', version: a.version }, { code: '3502', version: b.version }], note: '跨省' },
        source: 'FORM',
      }),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect(await cityRow('4405')).toEqual(a);
    expect(await cityRow('3502')).toEqual(b);
  });

  it('partners and executives may not bulk edit', async () => {
    for (const who of ['icbc', 'exec'] as const) {
      const e = await refused(
        bulkUpdateCityStatuses(t.db, as[who], { programSlug: CITIES, provinceCode: '44', input: { cities: [{ code: '4405', version: 1 }], note: 'x' }, source: 'FORM' }),
      );
      expect(e.code).toBe('FORBIDDEN');
    }
  });
});

/** The same client, except that writing an ALLOWED audit row inside a transaction fails. */
function withFailingAudit(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== '$transaction') return Reflect.get(target, prop, receiver);
      return (fn: (tx: unknown) => Promise<unknown>, options?: unknown) =>
        (target.$transaction as (f: (tx: unknown) => Promise<unknown>, o?: unknown) => Promise<unknown>)(
          (tx) =>
            fn(
              new Proxy(tx as object, {
                get(txTarget, txProp, txReceiver) {
                  if (txProp === 'auditLog') {
                    return {
                      create: async () => {
                        throw new Error('audit store unavailable');
                      },
                    };
                  }
                  return Reflect.get(txTarget, txProp, txReceiver);
                },
              }),
            ),
          options,
        );
    },
  });
}
