import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import type { DemoUser } from '../../tests/helpers/demo-viewers';
import { addDays, todayInShanghai } from '../time';
import { updateInstitutionStatus } from '../status/mutations';
import { serializeCsv } from '../csv/format';
import { CSV_COLUMNS, readStatusCsv, type CsvColumn } from './csv';
import { exportStatusCsv } from './export';
import { commitImport, previewImport, type ImportPreviewDto } from './mutations';
import { refused } from '../../tests/helpers/refused';

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';

const { t, as } = withDemoDb({ now: DEMO_NOW });

type Row = Record<CsvColumn, string>;

/** The program's current rows, as the export writes them. */
async function exported(who: DemoUser, programSlug: string): Promise<Row[]> {
  const file = await exportStatusCsv(t.db, as[who], { programSlug });
  return readStatusCsv(file.bytes).records.map((r) => Object.fromEntries(CSV_COLUMNS.map((c) => [c, r[c]])) as Row);
}

function csvFile(rows: Row[], name = 'statuses.csv') {
  return { name, bytes: new TextEncoder().encode(serializeCsv([CSV_COLUMNS, ...rows.map((r) => CSV_COLUMNS.map((c) => r[c]))])) };
}

const importChanges = () => t.db.statusChange.count({ where: { source: 'IMPORT' } });
const errorKeys = (p: ImportPreviewDto, row: number) => p.results.find((r) => r.row === row)?.errors.map((e) => e.key);

describe('export', () => {
  it('exports every city of a program in the import format, and an unedited file imports as "no change"', async () => {
    const rows = await exported('pm', CITIES);
    expect(rows).toHaveLength(337);
    expect(rows[0]).toMatchObject({ program: CITIES, entity: 'city', status: 'LIVE' });
    const preview = await previewImport(t.db, as.pm, csvFile(rows));
    expect(preview.counts).toEqual({ rows: 337, changes: 0, unchanged: 337, errors: 0 });
  });

  it('a partner exports only their own institution, and no city program', async () => {
    const rows = await exported('icbc', BANKS);
    expect(rows.map((r) => r.code)).toEqual(['ICBC']);
    expect((await refused(exportStatusCsv(t.db, as.icbc, { programSlug: CITIES }))).code).toBe('FORBIDDEN');
    expect((await refused(exportStatusCsv(t.db, as.pm, { programSlug: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('a stored note that starts like a formula is exported escaped and imported back unchanged', async () => {
    const cmb = await t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: 'CMB', program: { slug: BANKS } } });
    await updateInstitutionStatus(t.db, as.pm, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version, note: '=HYPERLINK("http://x","点我")' }, source: 'FORM' });
    const file = await exportStatusCsv(t.db, as.pm, { programSlug: BANKS });
    expect(new TextDecoder().decode(file.bytes)).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    const preview = await previewImport(t.db, as.pm, { name: file.fileName, bytes: file.bytes });
    expect(preview.counts.changes).toBe(0);
  });
});

describe('preview: every row checked, nothing written', () => {
  it('reports each kind of bad row with its message key', async () => {
    const rows = await exported('pm', CITIES);
    const [a, b, c, d, e, f] = rows as [Row, Row, Row, Row, Row, Row];
    const banks = await exported('pm', BANKS);
    const file = csvFile([
      { ...a, note: '改备注' }, // row 2: ok, a change
      { ...b, code: '9999' }, // 3: unknown code
      { ...c, status: 'DONE' }, // 4: bad status
      { ...d, liveDate: addDays(todayInShanghai(), 2) }, // 5: live date in the future
      { ...e, version: String(Number(e.version) + 1) }, // 6: wrong version
      { ...a, note: '重复' }, // 7: duplicate of row 2
      { ...f, program: 'no-such-program' }, // 8: unknown program
      { ...banks[0]!, entity: 'city' }, // 9: institution program, city row
      { ...f, status: 'PLANNED' }, // 10: PLANNED with a live date
    ]);
    const before = await importChanges();
    const preview = await previewImport(t.db, as.pm, file);
    expect(preview.counts).toEqual({ rows: 9, changes: 1, unchanged: 0, errors: 8 });
    expect(preview.results.find((r) => r.row === 2)).toMatchObject({ outcome: 'change', changed: ['note'] });
    expect(errorKeys(preview, 3)).toEqual(['import.errors.unknownCode']);
    expect(errorKeys(preview, 4)).toEqual(['validation.statusInvalid']);
    expect(errorKeys(preview, 5)).toEqual(['validation.liveDateInFuture']);
    expect(errorKeys(preview, 6)).toEqual(['import.errors.versionMismatch']);
    expect(preview.results.find((r) => r.row === 6)?.errors[0]?.values).toEqual({ given: Number(e.version) + 1, current: Number(e.version) });
    expect(errorKeys(preview, 7)).toEqual(['import.errors.duplicateRow']);
    expect(errorKeys(preview, 8)).toEqual(['import.errors.unknownProgram']);
    expect(errorKeys(preview, 9)).toEqual(['import.errors.entityMismatch']);
    expect(errorKeys(preview, 10)).toEqual(['validation.liveDateNotAllowed']);
    expect(await importChanges()).toBe(before);
  });

  it("a partner's rows of another institution, or of cities, are refused row by row", async () => {
    const banks = await exported('pm', BANKS);
    const cities = await exported('pm', CITIES);
    const icbc = banks.find((r) => r.code === 'ICBC')!;
    const cmb = banks.find((r) => r.code === 'CMB')!;
    const preview = await previewImport(t.db, as.icbc, csvFile([{ ...icbc, note: '本行更新' }, { ...cmb, note: '改别人的' }, { ...cities[0]!, note: '改城市' }]));
    expect(preview.results.map((r) => r.outcome)).toEqual(['change', 'error', 'error']);
    expect(errorKeys(preview, 3)).toEqual(['import.errors.forbiddenRow']);
    expect(errorKeys(preview, 4)).toEqual(['import.errors.forbiddenRow']);
  });

  it('refuses a whole file clearly: wrong encoding, wrong header; and executives may not import at all', async () => {
    const garbage = await refused(previewImport(t.db, as.pm, { name: 'x.csv', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]) }));
    expect(garbage.details).toEqual({ issues: [{ path: '', code: 'fileEncoding', values: {} }] });
    const header = await refused(previewImport(t.db, as.pm, { name: 'x.csv', bytes: new TextEncoder().encode('a,b\r\n1,2\r\n') }));
    expect((header.details as { issues: Array<{ code: string }> }).issues[0]?.code).toBe('fileHeader');
    const denied = await t.db.auditLog.count({ where: { outcome: 'DENIED', actorId: as.exec.viewer.id } });
    expect((await refused(previewImport(t.db, as.exec, csvFile(await exported('pm', BANKS))))).code).toBe('FORBIDDEN');
    expect((await refused(commitImport(t.db, as.exec, csvFile(await exported('pm', BANKS))))).code).toBe('FORBIDDEN');
    expect(await t.db.auditLog.count({ where: { outcome: 'DENIED', actorId: as.exec.viewer.id } })).toBe(denied + 2);
  });
});

describe('commit: all valid rows in one transaction, or nothing', () => {
  it('one bad row: nothing is written, the refusal is audited once', async () => {
    const rows = await exported('pm', CITIES);
    const edited = rows.slice(10, 14).map((r) => ({ ...r, note: '批量导入' }));
    edited.push({ ...rows[20]!, code: '0000' });
    const before = await importChanges();
    const denied = await t.db.auditLog.count({ where: { outcome: 'DENIED', action: 'import.commit' } });
    const e = await refused(commitImport(t.db, as.pm, csvFile(edited)));
    expect(e.code).toBe('VALIDATION');
    expect((e.details as { preview: ImportPreviewDto }).preview.counts).toMatchObject({ changes: 4, errors: 1 });
    expect(await importChanges()).toBe(before);
    for (const r of edited.slice(0, 4)) {
      const row = await t.db.cityStatus.findFirstOrThrow({ where: { cityCode: r.code, program: { slug: CITIES } } });
      expect(String(row.version)).toBe(r.version);
    }
    expect(await t.db.auditLog.count({ where: { outcome: 'DENIED', action: 'import.commit' } })).toBe(denied + 1);
  });

  it('a valid file: every changed row written with source IMPORT, history and audit per row', async () => {
    const rows = await exported('pm', CITIES);
    const edited = rows.slice(30, 40).map((r, i) => (i < 6 ? { ...r, status: 'PAUSED', note: '导入暂停' } : r));
    const allowed = await t.db.auditLog.count({ where: { outcome: 'ALLOWED' } });
    const result = await commitImport(t.db, as.pm, csvFile(edited));
    expect(result.updated).toBe(6);
    expect(result.counts).toMatchObject({ changes: 6, unchanged: 4, errors: 0 });
    const history = await t.db.statusChange.findMany({ where: { source: 'IMPORT', entityCode: { in: edited.map((r) => r.code) } } });
    expect(history).toHaveLength(6);
    expect(history.every((h) => h.kind === 'STATUS' && h.toStatus === 'PAUSED' && h.actorRole === 'PROGRAM_MANAGER')).toBe(true);
    // 6 row entries + 1 summary
    expect(await t.db.auditLog.count({ where: { outcome: 'ALLOWED' } })).toBe(allowed + 7);
    // Paused rollouts keep the day they went live.
    const paused = await t.db.cityStatus.findFirstOrThrow({ where: { cityCode: edited[0]!.code, program: { slug: CITIES } } });
    expect(paused.liveDate).toBe(edited[0]!.liveDate);
  });

  it('a row changed by someone else after the preview refuses the commit', async () => {
    const banks = await exported('pm', BANKS);
    const boc = banks.find((r) => r.code === 'BOC')!;
    const file = csvFile([{ ...boc, note: '导入' }]);
    expect((await previewImport(t.db, as.pm, file)).counts.changes).toBe(1);
    const row = await t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: 'BOC', program: { slug: BANKS } } });
    await updateInstitutionStatus(t.db, as.admin, { programSlug: BANKS, institutionCode: 'BOC', input: { version: row.version, note: '管理员先改了' }, source: 'FORM' });
    const e = await refused(commitImport(t.db, as.pm, file));
    expect(e.code).toBe('VALIDATION');
    expect((e.details as { preview: ImportPreviewDto }).preview.results[0]?.errors[0]?.key).toBe('import.errors.versionMismatch');
    expect((await t.db.institutionStatus.findFirstOrThrow({ where: { id: row.id } })).note).toBe('管理员先改了');
  });

  it("a partner's own row: written, awaiting verification", async () => {
    const [icbc] = await exported('icbc', BANKS);
    const result = await commitImport(t.db, as.icbc, csvFile([{ ...icbc!, evidenceUrl: 'https://www.icbc.com.cn/a', note: '手机银行' }]));
    expect(result.updated).toBe(1);
    const row = await t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: 'ICBC', program: { slug: BANKS } } });
    expect(row).toMatchObject({ verified: false, evidenceUrl: 'https://www.icbc.com.cn/a', note: '手机银行' });
  });

  it('a GBK file from Excel is read and committed correctly', async () => {
    const rows = await exported('pm', CITIES);
    const target = rows[50]!;
    const text = serializeCsv([CSV_COLUMNS, CSV_COLUMNS.map((c) => (c === 'note' ? '国标编码备注' : target[c]))]);
    // 国标编码备注 in GBK, the rest is ASCII.
    const gbk: Record<string, number[]> = { 国: [0xb9, 0xfa], 标: [0xb1, 0xea], 编: [0xb1, 0xe0], 码: [0xc2, 0xeb], 备: [0xb1, 0xb8], 注: [0xd7, 0xa2] };
    const bytes = new Uint8Array([...text].flatMap((ch) => gbk[ch] ?? [ch.charCodeAt(0)]));
    const result = await commitImport(t.db, as.pm, { name: 'gbk.csv', bytes });
    expect(result.encoding).toBe('gbk');
    const row = await t.db.cityStatus.findFirstOrThrow({ where: { cityCode: target.code, program: { slug: CITIES } } });
    expect(row.note).toBe('国标编码备注');
  });

  it('a whole program in one commit (hundreds of rows) stays well inside the transaction limits', async () => {
    const rows = await exported('pm', CITIES);
    const started = Date.now();
    const result = await commitImport(t.db, as.pm, csvFile(rows.map((r) => ({ ...r, note: `全量 ${r.code}` }))));
    expect(result.updated).toBe(337);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
