import { describe, expect, it } from 'vitest';
import { mondayOf, stepIndexOf, timelineEnd, timelineSteps, weeklySteps } from './timeline';

describe('timeline steps', () => {
  it('finds the Monday of a week', () => {
    expect(mondayOf('2021-10-02')).toBe('2021-09-27'); // a Saturday
    expect(mondayOf('2021-09-27')).toBe('2021-09-27');
    expect(mondayOf('2021-10-03')).toBe('2021-09-27'); // Sunday ends the ISO week
  });

  it('steps weekly from the start to the end, both included', () => {
    const steps = weeklySteps('2021-09-15', '2021-10-02');
    expect(steps).toEqual(['2021-09-15', '2021-09-20', '2021-09-27', '2021-10-02']);
    expect(weeklySteps('2021-10-02', '2021-10-01')).toEqual(['2021-10-01']);
  });

  it('ends a finished rollout at its target or last change, an unfinished one today', () => {
    expect(timelineEnd({ today: '2026-11-25', lastChange: '2021-12-02', targetDate: '2022-03-31' })).toBe('2022-03-31');
    expect(timelineEnd({ today: '2026-11-25', lastChange: '2026-11-20', targetDate: '2027-06-30' })).toBe('2026-11-25');
  });

  it('places a date between steps on the step before it', () => {
    const steps = ['2021-09-15', '2021-09-20', '2021-09-27', '2021-10-02'];
    expect(stepIndexOf(steps, '2021-09-29')).toBe(2);
    expect(stepIndexOf(steps, '2021-10-02')).toBe(3);
    expect(stepIndexOf(steps, '2020-01-01')).toBe(0);
  });
});

describe('key dates on the timeline', () => {
  it('adds annotated dates inside the range as steps of their own, in order', () => {
    const steps = timelineSteps('2021-09-15', '2021-10-10', ['2021-10-02', '2019-12-30', '2021-09-27']);
    expect(steps).toEqual(['2021-09-15', '2021-09-20', '2021-09-27', '2021-10-02', '2021-10-04', '2021-10-10']);
  });
});
