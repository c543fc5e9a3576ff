import { describe, expect, it } from 'vitest';
import { diffSnapshots, readSnapshot } from './snapshot';

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
