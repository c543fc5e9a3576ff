import { describe, expect, it } from 'vitest';
import { assessRowStaleness, assessStaleness, isRolloutComplete } from './staleness';

const confirmed = new Date('2021-12-02T10:00:00+08:00');

describe('assessRowStaleness', () => {
  it('measures the age at the reference date, not today', () => {
    const program = { staleAfterDays: 30, isRolloutComplete: false };
    expect(assessRowStaleness({ status: 'IN_PROGRESS', lastConfirmedAt: confirmed }, program, '2022-01-01')).toMatchObject({
      isStale: false,
      daysSinceConfirmed: 30,
    });
    expect(assessRowStaleness({ status: 'IN_PROGRESS', lastConfirmedAt: confirmed }, program, '2022-01-02')).toMatchObject({
      isStale: true,
      daysSinceConfirmed: 31,
    });
  });

  it('never flags a LIVE row of a program whose rollout is complete, however old its confirmation', () => {
    const done = { staleAfterDays: 30, isRolloutComplete: true };
    const row = assessRowStaleness({ status: 'LIVE', lastConfirmedAt: confirmed }, done, '2026-11-26');
    expect(row).toMatchObject({ isStale: false, isExemptAsComplete: true, daysSinceConfirmed: 1820 });
  });

  it('still flags a LIVE row while the rollout is in flight, and non-LIVE rows always', () => {
    const inFlight = { staleAfterDays: 30, isRolloutComplete: false };
    expect(assessRowStaleness({ status: 'LIVE', lastConfirmedAt: confirmed }, inFlight, '2022-03-01').isStale).toBe(true);
    // A completed program cannot have a non-LIVE row, but the rule does not depend on that.
    const done = { staleAfterDays: 30, isRolloutComplete: true };
    expect(assessRowStaleness({ status: 'PAUSED', lastConfirmedAt: confirmed }, done, '2022-03-01').isStale).toBe(true);
    expect(assessRowStaleness({ status: 'PLANNED', lastConfirmedAt: null }, inFlight, '2022-03-01')).toMatchObject({
      isStale: true,
      daysSinceConfirmed: null,
    });
  });

  it('a fresh row is not marked exempt', () => {
    const done = { staleAfterDays: 30, isRolloutComplete: true };
    expect(assessRowStaleness({ status: 'LIVE', lastConfirmedAt: confirmed }, done, '2021-12-10').isExemptAsComplete).toBe(false);
  });
});

describe('isRolloutComplete', () => {
  it('is true only when there are rows and every one is LIVE', () => {
    expect(isRolloutComplete(['LIVE', 'LIVE'])).toBe(true);
    expect(isRolloutComplete(['LIVE', 'PAUSED'])).toBe(false);
    expect(isRolloutComplete([])).toBe(false);
  });
});

describe('assessStaleness', () => {
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
