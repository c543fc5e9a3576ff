import { describe, expect, it } from 'vitest';
import { dashboardHref, parseDashboardParams } from './view-params';

describe('dashboard URL state', () => {
  it('reads program and date from the URL', () => {
    expect(parseDashboardParams({ program: 'alipay-bank-apps', asOf: '2021-10-02' }, '2026-11-25')).toEqual({
      program: 'alipay-bank-apps',
      asOf: '2021-10-02',
      invalidAsOf: null,
      province: null,
    });
  });

  it('falls back to today and reports a bad date instead of failing', () => {
    const p = parseDashboardParams({ asOf: '2021-02-30' }, '2026-11-25');
    expect(p.asOf).toBe('2026-11-25');
    expect(p.invalidAsOf).toBe('2021-02-30');
    expect(p.program).toBeNull();
  });

  it('takes the first of repeated parameters', () => {
    expect(parseDashboardParams({ program: ['a', 'b'] }, '2026-11-25').program).toBe('a');
  });
});

describe('dashboardHref', () => {
  it('links the dashboard of a program at a date', () => {
    expect(dashboardHref('alipay-bank-apps', '2021-10-02')).toBe('/?program=alipay-bank-apps&asOf=2021-10-02');
  });
});
