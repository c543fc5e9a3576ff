import { describe, expect, it } from 'vitest';
import {
  AT_RISK_GRACE_DAYS,
  MAX_PROJECTION_DAYS,
  VELOCITY_WINDOW_WEEKS,
  describeHealthRule,
  projectCompletion,
  valueAt,
  type ValueStep,
} from './projection';

/** A steady climb: `perWeek` more every Monday from `from` for `weeks` weeks, starting at `start`. */
function weekly(from: string, weeks: number, perWeek: number, start = 0): ValueStep[] {
  const steps: ValueStep[] = [];
  const t0 = Date.parse(`${from}T00:00:00Z`);
  for (let i = 0; i <= weeks; i++) {
    steps.push({ date: new Date(t0 + i * 7 * 86_400_000).toISOString().slice(0, 10), value: start + i * perWeek });
  }
  return steps;
}

describe('the rule and its parameters', () => {
  it('measures the pace over 8 weeks and allows 30 days past the target before "off track"', () => {
    expect(VELOCITY_WINDOW_WEEKS).toBe(8);
    expect(AT_RISK_GRACE_DAYS).toBe(30);
  });

  it('is described clause by clause, with the parameters the UI writes out', () => {
    expect(describeHealthRule()).toEqual([
      { health: 'COMPLETE', reason: 'ALL_LIVE', graceDays: 30, windowWeeks: 8 },
      { health: 'ON_TRACK', reason: 'PROJECTED_BY_TARGET', graceDays: 30, windowWeeks: 8 },
      { health: 'AT_RISK', reason: 'PROJECTED_WITHIN_GRACE', graceDays: 30, windowWeeks: 8 },
      { health: 'OFF_TRACK', reason: 'PROJECTED_LATE_OR_NO_PROGRESS', graceDays: 30, windowWeeks: 8 },
    ]);
    expect(describeHealthRule(4, 14)[3]).toMatchObject({ graceDays: 14, windowWeeks: 4 });
  });
});

describe('valueAt', () => {
  it('reads a step function at the end of a date, 0 before the first step', () => {
    const steps = [
      { date: '2021-01-04', value: 3 },
      { date: '2021-01-11', value: 5 },
    ];
    expect(valueAt(steps, '2021-01-03')).toBe(0);
    expect(valueAt(steps, '2021-01-04')).toBe(3);
    expect(valueAt(steps, '2021-01-10')).toBe(3);
    expect(valueAt(steps, '2030-01-01')).toBe(5);
  });
});

describe('projectCompletion', () => {
  it('complete: the completion date is the day the count reached the goal, not the as-of date', () => {
    const steps = [
      { date: '2021-11-01', value: 90 },
      { date: '2021-11-20', value: 100 },
    ];
    const p = projectCompletion({ asOf: '2021-12-15', goal: 100, targetDate: '2022-03-31', steps });
    expect(p).toMatchObject({ health: 'COMPLETE', reason: 'ALL_LIVE', completionDate: '2021-11-20', remaining: 0, daysLate: 0 });
  });

  it('complete again after a dip: the date of the last time it got there', () => {
    const steps = [
      { date: '2021-11-01', value: 100 },
      { date: '2021-11-05', value: 99 },
      { date: '2021-11-09', value: 100 },
    ];
    const p = projectCompletion({ asOf: '2021-12-01', goal: 100, targetDate: '2021-11-07', steps });
    expect([p.health, p.completionDate, p.daysLate]).toEqual(['COMPLETE', '2021-11-09', 2]);
  });

  it('complete: an exact completion day given by the caller wins', () => {
    const p = projectCompletion({
      asOf: '2021-12-06',
      goal: 10,
      targetDate: '2022-03-31',
      steps: weekly('2021-10-11', 8, 1, 2),
      completedOn: '2021-12-02',
    });
    expect(p.completionDate).toBe('2021-12-02');
  });

  it('on track: 10 a week, 80 to go, 8 weeks from the as-of date, target later', () => {
    // 20 on 2021-06-07, +10 a week -> 100 on 2021-08-02 (as of), goal 180.
    const steps = weekly('2021-06-07', 8, 10, 20);
    const p = projectCompletion({ asOf: '2021-08-02', goal: 180, targetDate: '2021-10-01', steps });
    expect(p).toMatchObject({
      health: 'ON_TRACK',
      reason: 'PROJECTED_BY_TARGET',
      velocityPerWeek: 10,
      windowWeeks: 8,
      current: 100,
      remaining: 80,
      completionDate: '2021-09-27',
      daysLate: 0,
    });
  });

  it('on the target date exactly is still on track', () => {
    const steps = weekly('2021-06-07', 8, 10, 20);
    const p = projectCompletion({ asOf: '2021-08-02', goal: 180, targetDate: '2021-09-27', steps });
    expect([p.health, p.daysLate]).toEqual(['ON_TRACK', 0]);
  });

  it('at risk: lands 18 days after the target (the weekly summary sentence)', () => {
    const steps = weekly('2021-06-07', 8, 10, 20);
    const p = projectCompletion({ asOf: '2021-08-02', goal: 180, targetDate: '2021-09-09', steps });
    expect(p).toMatchObject({ health: 'AT_RISK', reason: 'PROJECTED_WITHIN_GRACE', completionDate: '2021-09-27', daysLate: 18 });
  });

  it('at risk up to and including 30 days late; 31 days is off track', () => {
    const steps = weekly('2021-06-07', 8, 10, 20);
    const at30 = projectCompletion({ asOf: '2021-08-02', goal: 180, targetDate: '2021-08-28', steps });
    const at31 = projectCompletion({ asOf: '2021-08-02', goal: 180, targetDate: '2021-08-27', steps });
    expect([at30.health, at30.daysLate]).toEqual(['AT_RISK', 30]);
    expect([at31.health, at31.reason, at31.daysLate]).toEqual(['OFF_TRACK', 'PROJECTED_LATE', 31]);
  });

  it('off track: far too slow for the target', () => {
    const steps = weekly('2021-06-07', 8, 1, 20);
    const p = projectCompletion({ asOf: '2021-08-02', goal: 337, targetDate: '2022-03-31', steps });
    expect(p.health).toBe('OFF_TRACK');
    expect(p.velocityPerWeek).toBe(1);
    expect(p.completionDate).toBe('2027-07-05'); // 309 weeks after 2021-08-02
    expect(p.daysLate).toBeGreaterThan(1900);
  });

  it('zero velocity: no projection, off track, "no progress"', () => {
    const steps = [{ date: '2021-01-04', value: 50 }];
    const p = projectCompletion({ asOf: '2021-08-02', goal: 100, targetDate: '2030-01-01', steps });
    expect(p).toMatchObject({
      health: 'OFF_TRACK',
      reason: 'NO_PROGRESS',
      completionDate: null,
      daysLate: null,
      velocityPerWeek: 0,
      remaining: 50,
    });
  });

  it('going backwards (paused cities) counts as no progress, not as a date in the past', () => {
    const steps = [
      { date: '2021-05-03', value: 60 },
      { date: '2021-07-05', value: 55 },
    ];
    const p = projectCompletion({ asOf: '2021-08-02', goal: 100, targetDate: '2030-01-01', steps });
    expect([p.health, p.reason, p.completionDate]).toEqual(['OFF_TRACK', 'NO_PROGRESS', null]);
    expect(p.velocityPerWeek).toBeLessThan(0);
  });

  it('only the last 8 weeks count: a fast start followed by a stall is no progress', () => {
    const steps = [...weekly('2021-01-04', 10, 10), { date: '2021-05-03', value: 110 }];
    const p = projectCompletion({ asOf: '2021-08-02', goal: 200, targetDate: '2030-01-01', steps });
    expect(p.reason).toBe('NO_PROGRESS');
    // With a 16-week window the March-April climb is in view again.
    const longer = projectCompletion({ asOf: '2021-08-02', goal: 200, targetDate: '2030-01-01', steps, windowWeeks: 16 });
    expect(longer.health).toBe('ON_TRACK');
  });

  it('a program younger than the window is measured over its own life, in whole weeks', () => {
    // Started 3 weeks and 2 days ago; 30 gained -> 10 a week (not 30 / 8), 70 to go -> 7 weeks.
    const steps = [{ date: '2021-07-13', value: 30 }];
    const p = projectCompletion({ asOf: '2021-08-02', startDate: '2021-07-10', goal: 100, targetDate: '2030-01-01', steps });
    expect([p.windowWeeks, p.velocityPerWeek, p.completionDate]).toEqual([3, 10, '2021-09-20']);
  });

  it('a percentage metric: fractional points, rounded so 85 - 84.9 is 0.1', () => {
    const steps = [
      { date: '2021-08-07', value: 80.9 },
      { date: '2021-10-02', value: 84.9 },
    ];
    const p = projectCompletion({ asOf: '2021-10-02', goal: 85, targetDate: '2021-10-31', steps });
    expect(p.remaining).toBe(0.1);
    expect(p.velocityPerWeek).toBe(0.5);
    expect(p.health).toBe('ON_TRACK');
  });

  it('a trickle that would take more than a century has no date, and is off track', () => {
    const steps = [{ date: '2021-07-05', value: 0.1 }];
    const p = projectCompletion({ asOf: '2021-08-02', goal: 100, targetDate: '2022-01-01', steps });
    expect(Math.ceil((99.9 / (0.1 / 8)) * 7)).toBeGreaterThan(MAX_PROJECTION_DAYS);
    expect([p.health, p.reason, p.completionDate, p.daysLate]).toEqual(['OFF_TRACK', 'PROJECTED_LATE', null, null]);
  });

  it('does not depend on the process time zone', () => {
    const steps = weekly('2021-06-07', 8, 10, 20);
    const run = () => projectCompletion({ asOf: '2021-08-02', goal: 180, targetDate: '2021-10-01', steps });
    const previous = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    const la = run();
    process.env.TZ = 'Asia/Shanghai';
    const sh = run();
    process.env.TZ = previous;
    expect(la).toEqual(sh);
  });
});
