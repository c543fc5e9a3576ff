import { describe, expect, it } from 'vitest';
import { overviewTimelineBounds, parseMatrixMode } from './view-params';

describe('parseMatrixMode', () => {
  it('defaults to consumer scans and reports a value that is not a mode', () => {
    expect(parseMatrixMode(undefined)).toEqual({ mode: 'CONSUMER_SCANS', invalidMode: null });
    expect(parseMatrixMode(['ONLINE_CHECKOUT', 'MERCHANT_SCANS'])).toEqual({ mode: 'ONLINE_CHECKOUT', invalidMode: null });
    expect(parseMatrixMode('sideways')).toEqual({ mode: 'CONSUMER_SCANS', invalidMode: 'sideways' });
  });
});

describe('overviewTimelineBounds', () => {
  it('runs from the earliest start to the latest change and target', () => {
    expect(
      overviewTimelineBounds([
        { startDate: '2020-01-01', targetDate: '2021-09-30', lastChange: '2021-09-30' },
        { startDate: '2019-12-01', targetDate: '2022-03-31', lastChange: null },
        { startDate: '2026-03-01', targetDate: '2027-06-30', lastChange: '2026-11-20' },
      ]),
    ).toEqual({ start: '2019-12-01', lastChange: '2026-11-20', targetDate: '2027-06-30' });
    expect(overviewTimelineBounds([])).toBeNull();
  });
});
