/**
 * API writes go through the forms' own mutations (source API): a note-only write and a bare
 * confirmation are recorded as such, a stale version returns the current item in the API's shape,
 * and a partner's attempt on another institution is refused and audited.
 */
import { describe, expect, it } from 'vitest';
import { withDemoDb } from '../../tests/helpers/demo-db';
import { patchStatus } from './writes';

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';

const { t, as } = withDemoDb();

const cityRow = () => t.db.cityStatus.findFirstOrThrow({ where: { cityCode: '6502', program: { slug: CITIES } } });

describe('patchStatus', { timeout: 60_000 }, () => {
  it('records a note-only write as DETAILS and a bare version as CONFIRM, both from the API', async () => {
    const start = await cityRow();
    const noted = await patchStatus(t.db, as.pm, 'city', CITIES, '6502', JSON.stringify({ version: start.version, note: '克拉玛依' }));
    expect(noted).toMatchObject({ code: '6502', provinceCode: '65', note: '克拉玛依', version: start.version + 1, status: start.status });
    const confirmed = await patchStatus(t.db, as.pm, 'city', CITIES, '6502', JSON.stringify({ version: noted.version }));
    expect(confirmed.version).toBe(start.version + 2);
    const history = await t.db.statusChange.findMany({ where: { entityCode: '6502', version: { gt: start.version } }, orderBy: { version: 'asc' } });
    expect(history.map((h) => [h.kind, h.source, h.fromStatus, h.toStatus])).toEqual([
      ['DETAILS', 'API', start.status, start.status],
      ['CONFIRM', 'API', start.status, start.status],
    ]);
  });

  it('answers a stale version with CONFLICT carrying the current item', async () => {
    const row = await cityRow();
    const error = await patchStatus(t.db, as.pm, 'city', CITIES, '6502', JSON.stringify({ version: row.version - 1, note: 'late' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { current: { code: '6502', provinceCode: '65', version: row.version } } });
  });

  it('refuses a partner on another institution, changes nothing and audits the attempt', async () => {
    const cmb = await t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: 'CMB', program: { slug: BANKS } } });
    const denied = () => t.db.auditLog.count({ where: { outcome: 'DENIED', actorId: as.icbc.viewer.id, action: 'institutionStatus.update' } });
    const before = await denied();
    await expect(patchStatus(t.db, as.icbc, 'institution', BANKS, 'CMB', JSON.stringify({ version: cmb.version, note: 'not ours' }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await denied()).toBe(before + 1);
    expect((await t.db.institutionStatus.findUniqueOrThrow({ where: { id: cmb.id } })).version).toBe(cmb.version);
    const own = await t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: 'ICBC', program: { slug: BANKS } } });
    const item = await patchStatus(t.db, as.icbc, 'institution', BANKS, 'ICBC', JSON.stringify({ version: own.version }));
    expect(item).toMatchObject({ code: 'ICBC', type: 'STATE_OWNED_BANK', version: own.version + 1, verified: own.verified });
  });

  it('refuses a body that is not a JSON object', async () => {
    for (const body of ['', 'null', '[1]', '"x"', '{']) {
      await expect(patchStatus(t.db, as.pm, 'city', CITIES, '6502', body)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
  });
});
