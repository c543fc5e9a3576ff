import { describe, expect, it } from 'vitest';
import { assessStaleness, isSafeHttpUrl, toShanghaiIso } from './format';
import { diffSnapshots, readSnapshot } from './snapshot';

describe('toShanghaiIso', () => {
  it('shows the Shanghai wall-clock time with its offset, and parses back to the same instant', () => {
    const instant = new Date('2021-12-01T18:30:00Z');
    const iso = toShanghaiIso(instant);
    expect(iso).toBe('2021-12-02T02:30:00.000+08:00');
    expect(new Date(iso).getTime()).toBe(instant.getTime());
  });
});

describe('isSafeHttpUrl', () => {
  it('accepts http and https links only', () => {
    expect(isSafeHttpUrl('https://www.alipay.com/notice?id=1')).toBe(true);
    expect(isSafeHttpUrl('http://example.cn')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '/relative', 'www.example.com', 'ftp://x', '', null, undefined]) {
      expect(isSafeHttpUrl(bad), String(bad)).toBe(false);
    }
  });
});

describe('assessStaleness', () => {
  const confirmed = new Date('2021-12-02T10:00:00+08:00');
  it('is fresh through staleAfterDays days after the confirmation date, stale the day after', () => {
    expect(assessStaleness(confirmed, 30, '2022-01-01')).toEqual({ daysSinceConfirmed: 30, isStale: false });
    expect(assessStaleness(confirmed, 30, '2022-01-02')).toEqual({ daysSinceConfirmed: 31, isStale: true });
  });
  it('counts Shanghai calendar days (a confirmation at 23:30 Shanghai is that day, not the next)', () => {
    const late = new Date('2021-12-02T15:30:00Z'); // 23:30 in Shanghai
    expect(assessStaleness(late, 30, '2022-01-01').isStale).toBe(false);
  });
  it('treats a row never confirmed as stale', () => {
    expect(assessStaleness(null, 30, '2021-12-02')).toEqual({ daysSinceConfirmed: null, isStale: true });
  });
});

describe('history snapshots', () => {
  it('diffs the recorded fields in a fixed order, ignoring unknown keys and malformed values', () => {
    const before = readSnapshot({ status: 'IN_PROGRESS', plannedDate: '2021-10-31', liveDate: null, secret: 'x' });
    const after = readSnapshot({
      status: 'LIVE',
      plannedDate: '2021-10-31',
      liveDate: '2021-10-02',
      evidenceUrl: 'https://example.cn/a',
      note: null,
      verified: false,
      version: 7,
    });
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'status', before: 'IN_PROGRESS', after: 'LIVE' },
      { field: 'liveDate', before: null, after: '2021-10-02' },
      { field: 'evidenceUrl', before: null, after: 'https://example.cn/a' },
      { field: 'verified', before: null, after: false },
    ]);
    expect(readSnapshot({ status: 'DONE', liveDate: '2021-02-30', verified: 'yes' })).toEqual({});
    expect(readSnapshot(null)).toEqual({});
    expect(readSnapshot(['LIVE'])).toEqual({});
  });
});
