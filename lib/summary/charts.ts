/**
 * Which charts a week's summary shows, and their ECharts options, from the stored summary alone
 * (pure; no ECharts import). The burn-up and metric charts come from the stored series, the map
 * from the stored per-province coverage, so a re-rendered chart of an archived week is the chart
 * of that week, whatever was edited since. Labels are in the reader's language.
 */
import { buildBurnupOption } from '../charts/burnup';
import { buildMetricOption } from '../charts/metric-line';
import { buildProvinceMapOption, toProvinceMapData } from '../charts/province-map';
import type { ChartAnnotation } from '../charts/timeline-marks';
import type { ProvinceCoverageDto } from '../coverage/queries';
import { emptyCounts } from '../coverage/summarise';
import type { SummaryText } from './text';
import type { CrossProgramSummary, ProgramWeekSummary } from './types';

/** The national map is registered under this name so ECharts adds the South China Sea inset. */
export const NATIONAL_MAP = 'china';

/** Single quotes only: ECharts writes the family into an SVG style="..." attribute unescaped. */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export interface SummaryChart {
  /** Stable within a summary, e.g. `burnup-alipay-unionpay-offline`; also the mail's Content-ID stem. */
  id: string;
  kind: 'burnup' | 'metric' | 'map';
  programSlug: string;
  /** Caption and alt text, in the reader's language. */
  title: string;
  width: number;
  height: number;
  option: Record<string, unknown>;
}

const BURNUP_SIZE = { width: 760, height: 340 };
const MAP_SIZE = { width: 760, height: 500 };

function weekAnnotations(s: ProgramWeekSummary, text: SummaryText): ChartAnnotation[] {
  return s.annotations.map((a) => ({
    date: a.date,
    title: text.name({ nameZh: a.titleZh, nameEn: a.titleEn }),
    sourceNote: a.sourceNote,
    sourceUrl: a.sourceUrl,
    isIllustrative: a.isIllustrative,
  }));
}

/**
 * Static rendering: no animation, the app's CJK-capable fonts, and room on the right for the
 * projection's end label (a static image cannot be scrolled to read a clipped one).
 */
function forPrint(option: Record<string, unknown>): Record<string, unknown> {
  const grid = option.grid as Record<string, unknown> | undefined;
  return {
    ...option,
    animation: false,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    ...(grid ? { grid: { ...grid, right: 110 } } : {}),
  };
}

function programCharts(s: ProgramWeekSummary, text: SummaryText): SummaryChart[] {
  const { t } = text;
  const program = text.name(s.program);
  const charts: SummaryChart[] = [];
  const series = s.series;
  const completion = s.projection?.completionDate ?? '';
  const common = {
    projection: t('charts.projection'),
    asOf: t('charts.asOf', { date: series.asOf }),
    projectedCompletion: t('charts.projectedCompletion', { date: completion }),
    projectedBeyond: t('charts.projectedBeyond', { date: completion }),
    target: t('charts.target', { date: series.targetDate }),
    baselineTarget: t('charts.baselineTarget', { date: series.baselineTargetDate }),
    currentTarget: t('charts.currentTarget', { date: series.targetDate }),
    source: (note: string) => t('charts.source', { source: note }),
    illustrative: t('charts.illustrative'),
    openSource: '',
  };

  if (series.kind === 'COUNT') {
    const unit = series.unit;
    const title = t('charts.burnup', { program, date: s.weekEnd });
    charts.push({
      id: `burnup-${s.program.slug}`,
      kind: 'burnup',
      programSlug: s.program.slug,
      title,
      ...BURNUP_SIZE,
      option: forPrint(
        buildBurnupOption(
          { series, projection: s.projection, annotations: weekAnnotations(s, text) },
          {
            ...common,
            actual: unit === 'CITY' ? t('charts.actualCITY') : t('charts.actualINSTITUTION'),
            plan: t('charts.plan'),
            denominator:
              unit === 'CITY'
                ? t('charts.denominatorCITY', { count: series.denominator })
                : t('charts.denominatorINSTITUTION', { count: series.denominator }),
            yAxis: unit === 'CITY' ? t('charts.yAxisCITY') : t('charts.yAxisINSTITUTION'),
            formatValue: (count) => (unit === 'CITY' ? t('charts.valueCITY', { count }) : t('charts.valueINSTITUTION', { count })),
            // A static image has no tooltips; the builder still asks for their wording.
            tooltipRow: (name: string, value: string) => `${name}: ${value}`,
            ariaLabel: title,
          },
        ) as Record<string, unknown>,
      ),
    });
  } else {
    const title = t('charts.metric', { program, date: s.weekEnd });
    charts.push({
      id: `metric-${s.program.slug}`,
      kind: 'metric',
      programSlug: s.program.slug,
      title,
      ...BURNUP_SIZE,
      option: forPrint(
        buildMetricOption(
          { series, projection: s.projection, annotations: weekAnnotations(s, text) },
          {
            ...common,
            metric: t('charts.metricSeries'),
            targetValue: t('charts.metricTarget', { value: text.number(series.targetValue ?? 0) }),
            yAxis: t('charts.metricAxis'),
            formatValue: (value) => t('charts.metricValue', { value: text.number(value) }),
            ariaLabel: title,
          },
        ) as Record<string, unknown>,
      ),
    });
  }

  if (s.program.unit === 'CITY' && s.provinces.length > 0) {
    const provinces: ProvinceCoverageDto[] = s.provinces.map((p) => ({
      code: p.code,
      name: p.nameZh,
      nameEn: p.nameEn,
      live: p.live,
      denominator: p.denominator,
      percent: p.percent,
      counts: emptyCounts(),
    }));
    const title = t('charts.map', { program, date: s.weekEnd });
    charts.push({
      id: `map-${s.program.slug}`,
      kind: 'map',
      programSlug: s.program.slug,
      title,
      ...MAP_SIZE,
      option: forPrint(
        buildProvinceMapOption(NATIONAL_MAP, toProvinceMapData(provinces, text.locale), {
          bins: {
            none: t('charts.bins.none'),
            low: t('charts.bins.low'),
            mid: t('charts.bins.mid'),
            high: t('charts.bins.high'),
            almost: t('charts.bins.almost'),
            full: t('charts.bins.full'),
          },
          formatTooltip: (d) => `${d.label}: ${d.live} / ${d.denominator}`,
          outOfScope: t('charts.outOfScope'),
          ariaLabel: title,
        }) as Record<string, unknown>,
      ),
    });
  }
  return charts;
}

/** The charts of a summary, program by program (burn-up or metric, then the map for city programs). */
export function listSummaryCharts(summary: CrossProgramSummary, text: SummaryText): SummaryChart[] {
  return summary.programs.flatMap((s) => programCharts(s, text));
}
