import { describe, expect, it } from 'vitest';
import { listPrefectureLevelCities } from '../../lib/geo/divisions';
import { DEFAULT_SHAPE, buildProgramHistory, replayAsOf, splitEvenly } from './synthetic-history';

const codes = listPrefectureLevelCities().map((c) => c.code);

describe('synthetic history for the query benchmark', () => {
  it('splits a total into near-equal parts that add up', () => {
    expect(splitEvenly(1_000_000, 30).reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(splitEvenly(10, 3)).toEqual([4, 3, 3]);
  });

  it('gives every city its rows in time order with versions 1..n, and unique ids', () => {
    const { changes, finals } = buildProgramHistory(3, codes, 33_334);
    expect(changes).toHaveLength(33_334);
    expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
    expect(finals.size).toBe(codes.length);
    const byCity = new Map<string, typeof changes>();
    for (const c of changes) {
      const rows = byCity.get(c.entityCode) ?? [];
      rows.push(c);
      byCity.set(c.entityCode, rows);
    }
    const problems: string[] = [];
    for (const [code, rows] of byCity) {
      rows.forEach((r, i) => {
        const prev = rows[i - 1];
        if (r.version !== i + 1) problems.push(`${r.id}: version ${r.version}`);
        if (prev && r.changedAt < prev.changedAt) problems.push(`${r.id}: earlier than version ${prev.version}`);
        if (prev && r.fromStatus !== prev.toStatus) problems.push(`${r.id}: fromStatus is not the previous status`);
      });
      if (finals.get(code)?.version !== rows.length) problems.push(`${code}: final version`);
    }
    expect(problems).toEqual([]);
  });

  it('stays within the two years, has same-instant ties, and rolls most cities out', () => {
    const { changes, finals } = buildProgramHistory(7, codes, 33_333);
    const end = DEFAULT_SHAPE.from.getTime() + DEFAULT_SHAPE.days * 86_400_000;
    const start = DEFAULT_SHAPE.from.getTime();
    expect(changes.every((c) => c.changedAt.getTime() >= start && c.changedAt.getTime() < end)).toBe(true);
    const ties = changes.filter((c, i) => {
      const prev = changes[i - 1];
      return prev !== undefined && c.entityCode === prev.entityCode && +c.changedAt === +prev.changedAt;
    });
    expect(ties.length).toBeGreaterThan(100);
    const live = [...finals.values()].filter((f) => f.status === 'LIVE').length;
    expect(live).toBeGreaterThan(codes.length / 4);
    expect(live).toBeLessThanOrEqual(codes.length);
  });

  it('is deterministic, and the replay of an early date has fewer cities live than of a late one', () => {
    const a = buildProgramHistory(11, codes, 5_000);
    expect(buildProgramHistory(11, codes, 5_000).changes).toEqual(a.changes);
    const liveOn = (date: string) =>
      [...replayAsOf(a.changes, new Date(`${date}T00:00:00+08:00`)).values()].filter((s) => s === 'LIVE').length;
    expect(liveOn('2020-03-01')).toBeLessThan(liveOn('2022-01-01'));
  });
});
