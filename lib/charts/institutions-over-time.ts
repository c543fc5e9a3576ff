/**
 * Live institutions over time, one line per program counted by institution: stored history ->
 * step-line data -> ECharts option (pure, no ECharts import). The denominator of each program (its
 * enrolled institutions) is in the line's name and drawn as a thin line at that height.
 */
import type { LiveStepDto } from '../coverage/series-model';
import { escapeHtml } from './timeline-marks';

export interface ProgramLiveHistory {
  slug: string;
  name: string;
  /** Enrolled institutions: the "all" of "all live". */
  denominator: number;
  startDate: string;
  /** Daily live counts from the history, oldest first (exact days the count changed). */
  steps: LiveStepDto[];
}

export interface LiveLine {
  slug: string;
  name: string;
  denominator: number;
  /** [date, live] points of a step line: the start at 0, every change, and the end date. */
  data: Array<[string, number]>;
  /** Live at the end date. */
  final: number;
}

/** One step line per program from its start to `end`; changes after `end` are left out. */
export function toLiveLines(programs: readonly ProgramLiveHistory[], end: string): LiveLine[] {
  return programs.map((p) => {
    const steps = p.steps.filter((s) => s.date <= end);
    const data: Array<[string, number]> = [];
    if (!steps[0] || steps[0].date > p.startDate) data.push([p.startDate, 0]);
    for (const s of steps) data.push([s.date, s.live]);
    const final = steps[steps.length - 1]?.live ?? 0;
    if (data[data.length - 1]![0] < end) data.push([end, final]);
    return { slug: p.slug, name: p.name, denominator: p.denominator, data, final };
  });
}

const PALETTE = ['#1f5fae', '#d46b08', '#389e0d', '#722ed1', '#c41d7f', '#08979c'];

export interface LiveLinesLabels {
  /** e.g. "{name}: {live} / {denominator} live". */
  lineName: (line: LiveLine) => string;
  denominator: (line: LiveLine) => string;
  yAxis: string;
  ariaLabel: string;
}

export function buildLiveLinesOption(lines: readonly LiveLine[], labels: LiveLinesLabels) {
  const max = Math.max(1, ...lines.map((l) => l.denominator));
  return {
    animation: false,
    grid: { left: 48, right: 32, top: 32, bottom: 56, containLabel: true },
    legend: { bottom: 0, data: lines.map((l) => labels.lineName(l)) },
    tooltip: {
      trigger: 'axis' as const,
      formatter: (params: Array<{ seriesName?: string; value?: unknown; marker?: string }> | { seriesName?: string }) => {
        const list = (Array.isArray(params) ? params : [params]) as Array<{ seriesName?: string; value?: unknown; marker?: string }>;
        const date = (list[0]?.value as [string, number] | undefined)?.[0] ?? '';
        const rows = list.map((p) => `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}: ${(p.value as [string, number])[1]}`);
        return [`<strong>${escapeHtml(date)}</strong>`, ...rows].join('<br/>');
      },
    },
    xAxis: { type: 'time' as const, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value' as const, name: labels.yAxis, min: 0, max: Math.ceil(max * 1.1), minInterval: 1 },
    series: lines.map((l, i) => {
      const color = PALETTE[i % PALETTE.length]!;
      return {
        id: l.slug,
        name: labels.lineName(l),
        type: 'line' as const,
        step: 'end' as const,
        showSymbol: false,
        data: l.data,
        lineStyle: { color, width: 2.5 },
        itemStyle: { color },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          animation: false,
          data: [
            {
              yAxis: l.denominator,
              name: labels.denominator(l),
              label: { formatter: labels.denominator(l), position: 'insideEndTop' as const, color },
              lineStyle: { color, type: 'dashed' as const, width: 1 },
            },
          ],
        },
      };
    }),
  };
}
