import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, parseEnv, parseWeeklySchedule } from '../env';
import type { IsoWeek } from './iso-week';
import { nextSlot, previousSlot, startSummaryScheduler, weekForSlot } from './schedule';

const MON_0900 = { weekday: 1, hour: 9, minute: 0 };
const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SUMMARY_SCHEDULE and the mail settings', () => {
  it('reads a weekday and a 24-hour Shanghai time, or nothing', () => {
    expect(parseWeeklySchedule('MON 09:00')).toEqual(MON_0900);
    expect(parseWeeklySchedule(' sun 23:59 ')).toEqual({ weekday: 7, hour: 23, minute: 59 });
    expect(parseWeeklySchedule(undefined)).toBeNull();
    expect(parseWeeklySchedule('off')).toBeNull();
    for (const bad of ['MONDAY 09:00', 'MON 9:00', 'MON 24:00', 'XYZ 09:00', 'MON', '09:00']) {
      expect(() => parseWeeklySchedule(bad), bad).toThrow(ConfigError);
      expect(() => parseWeeklySchedule(bad), bad).toThrow(/^SUMMARY_SCHEDULE: /);
    }
  });

  it('takes SMTP from SMTP_URL or SMTP_HOST, and without either writes to the outbox', () => {
    expect(parseEnv({}).smtp).toBeNull();
    expect(parseEnv({ SMTP_URL: 'smtps://u:p@mail.example.cn:465' }).smtp).toEqual({ url: 'smtps://u:p@mail.example.cn:465' });
    expect(parseEnv({ SMTP_HOST: 'mail.example.cn', SMTP_USER: 'u', SMTP_PASS: 'p' }).smtp).toEqual({
      host: 'mail.example.cn',
      port: 587,
      secure: false,
      user: 'u',
      pass: 'p',
    });
    expect(parseEnv({ SMTP_HOST: 'mail.example.cn', SMTP_PORT: '465' }).smtp).toMatchObject({ port: 465, secure: true });
    expect(() => parseEnv({ SMTP_URL: 'https://mail.example.cn' })).toThrow(/^SMTP_URL: /);
    expect(() => parseEnv({ SMTP_PORT: 'abc', SMTP_HOST: 'x' })).toThrow(/^SMTP_PORT: /);
    expect(parseEnv({ SUMMARY_SCHEDULE: 'MON 09:00' }).summarySchedule).toEqual(MON_0900);
  });
});

describe.each(['UTC', 'America/Los_Angeles'])('schedule slots with TZ=%s', (tz) => {
  it('finds Monday 09:00 Shanghai before and after an instant, and the week it sends', () => {
    process.env.TZ = tz;
    // Wednesday 2021-10-06 12:00 Shanghai.
    const now = new Date('2021-10-06T04:00:00Z');
    expect(previousSlot(MON_0900, now).toISOString()).toBe('2021-10-04T01:00:00.000Z');
    expect(nextSlot(MON_0900, now).toISOString()).toBe('2021-10-11T01:00:00.000Z');
    expect(weekForSlot(previousSlot(MON_0900, now)).id).toBe('2021-W39');
    // Exactly at the slot it counts as passed; a minute before, the previous week's slot is the latest.
    expect(previousSlot(MON_0900, new Date('2021-10-04T01:00:00Z')).toISOString()).toBe('2021-10-04T01:00:00.000Z');
    expect(previousSlot(MON_0900, new Date('2021-10-04T00:59:00Z')).toISOString()).toBe('2021-09-27T01:00:00.000Z');
    // Sunday 20:00 sends the week before (the current one has not ended).
    expect(weekForSlot(previousSlot({ weekday: 7, hour: 20, minute: 0 }, now)).id).toBe('2021-W38');
  });
});

describe('startSummaryScheduler', () => {
  it('catches up on the last slot at start, then sends each following week at its slot', async () => {
    vi.useFakeTimers({ now: new Date('2021-10-06T04:00:00Z') });
    const sent: string[] = [];
    const scheduler = startSummaryScheduler({
      schedule: MON_0900,
      send: async (week: IsoWeek) => {
        sent.push(week.id);
      },
      onError: () => {
        throw new Error('unexpected');
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['2021-W39']);
    expect(scheduler.nextRunAt().toISOString()).toBe('2021-10-11T01:00:00.000Z');
    await vi.advanceTimersByTimeAsync(new Date('2021-10-11T00:59:00Z').getTime() - Date.now());
    expect(sent).toEqual(['2021-W39']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual(['2021-W39', '2021-W40']);
    await vi.advanceTimersByTimeAsync(7 * 24 * 3600_000);
    expect(sent).toEqual(['2021-W39', '2021-W40', '2021-W41']);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(14 * 24 * 3600_000);
    expect(sent).toHaveLength(3);
  });

  it('reports a failed week and keeps going', async () => {
    vi.useFakeTimers({ now: new Date('2021-10-06T04:00:00Z') });
    const errors: string[] = [];
    const sent: string[] = [];
    const scheduler = startSummaryScheduler({
      schedule: MON_0900,
      send: async (week) => {
        if (week.id === '2021-W39') throw new Error('smtp down');
        sent.push(week.id);
      },
      onError: (error, week) => errors.push(`${week.id}: ${(error as Error).message}`),
    });
    await vi.advanceTimersByTimeAsync(5 * 24 * 3600_000);
    expect(errors).toEqual(['2021-W39: smtp down']);
    expect(sent).toEqual(['2021-W40']);
    scheduler.stop();
  });
});
