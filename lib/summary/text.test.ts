import { describe, expect, it } from 'vitest';
import { buildCrossProgramSummary, buildWeeklySummary } from './build';
import { composeSummaryDocument } from './document';
import { FIXTURE_WEEK, fixtureInput } from './fixtures';
import { renderSummaryHtml } from './html';
import { createSummaryText } from './text';

const summary = buildWeeklySummary(fixtureInput());
const cross = buildCrossProgramSummary(FIXTURE_WEEK, [summary]);
const meta = { generatedAt: '2021-10-04T01:00:00.000Z', scope: 'all' as const };

describe('the summary in words', () => {
  it('warns in plain English when the projection passes the target date', () => {
    const text = createSummaryText('en');
    expect(text.projectionSentence(summary)).toBe(
      'At this pace nationwide coverage arrives on 2022-04-18, 18 days after the target (2022-03-31).',
    );
    expect(text.coverageSentence(summary)).toBe('As of 2021-10-03: 100 of 297 cities live, 33.7% coverage');
    expect(text.changeSentence(summary)).toBe('2 more cities than last week');
  });

  it('says the same in Chinese', () => {
    const text = createSummaryText('zh-CN');
    expect(text.projectionSentence(summary)).toBe('按当前速度，全国覆盖要到 2022-04-18 才能实现，比目标日期（2022-03-31）晚 18 天。');
    expect(text.coverageSentence(summary)).toBe('截至 2021-10-03：已上线 100 / 297 个城市，覆盖率 33.7%');
  });

  it('reports a reached goal with how far ahead of the target it came', () => {
    const done = {
      ...summary,
      projection: { ...summary.projection!, health: 'COMPLETE' as const, reason: 'ALL_LIVE' as const, completionDate: '2021-12-02', daysLate: 0, daysEarly: 119 },
      warning: null,
    };
    expect(createSummaryText('en').projectionSentence(done)).toBe('Reached nationwide coverage on 2021-12-02, 119 days ahead of the 2022-03-31 target.');
    expect(createSummaryText('zh-CN').projectionSentence(done)).toBe('已于 2021-12-02 实现全国覆盖，比目标日期 2022-03-31 提前 119 天。');
  });

  it('composes the same numbers and lists in both languages', () => {
    const zh = composeSummaryDocument(cross, createSummaryText('zh-CN'), meta);
    const en = composeSummaryDocument(cross, createSummaryText('en'), meta);
    expect(zh.overview.rows[0]!.coverage).toBe('100 / 297（33.7%）');
    expect(en.overview.rows[0]!.coverage).toBe('100 / 297 (33.7%)');
    expect(zh.overview.rows[0]!.change).toBe('+2');
    expect(en.overview.rows[0]!.change).toBe('+2');
    for (const doc of [zh, en]) {
      const lists = Object.fromEntries(doc.programs[0]!.lists.map((l) => [l.key, l]));
      expect(lists.wentLive!.items).toHaveLength(2);
      expect(lists.setbacks!.items).toHaveLength(2);
      expect(lists.milestones!.items).toHaveLength(3);
      expect(lists.provinces!.items).toHaveLength(3);
      expect(doc.programs[0]!.charts.map((c) => c.kind)).toEqual(['burnup', 'map']);
    }
    expect(en.programs[0]!.lists.find((l) => l.key === 'wentLive')!.items.map((i) => i.text)).toEqual(['Guangzhou', 'Shenzhen']);
    expect(zh.programs[0]!.lists.find((l) => l.key === 'wentLive')!.items.map((i) => i.text)).toEqual(['广州市', '深圳市']);
    expect(zh.generated).toContain('2021-10-04 09:00');
  });

  it('escapes every text in the HTML page', () => {
    const hostile = buildWeeklySummary(
      fixtureInput({ program: { ...fixtureInput().program, nameEn: '<img src=x onerror=alert(1)>' } }),
    );
    const doc = composeSummaryDocument(buildCrossProgramSummary(FIXTURE_WEEK, [hostile]), createSummaryText('en'), meta);
    const html = renderSummaryHtml(doc, { mode: 'print', images: new Map() });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('@page { size: A4');
  });
});
