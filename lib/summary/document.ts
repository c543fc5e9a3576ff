/**
 * A stored summary composed into what a reader sees, in their language: headings, sentences and
 * lists, with nothing left to decide. The web page (React), the PDF and the mail (HTML strings)
 * all render this one structure, so they show the same content in the same order.
 */
import type { Health } from '../coverage/projection';
import { listSummaryCharts, type SummaryChart } from './charts';
import type { SummaryText } from './text';
import { UPCOMING_MILESTONE_DAYS, type CrossProgramSummary, type ProgramWeekSummary } from './types';

/** How many stale partners are named before "and N more". */
export const STALE_PARTNERS_SHOWN = 10;

export type Tone = 'good' | 'bad' | 'warning' | 'muted';

export interface DocItem {
  text: string;
  /** A short label before the text, e.g. "Overdue". */
  tag?: string;
  tone?: Tone;
}

export interface DocList {
  key: 'wentLive' | 'setbacks' | 'stale' | 'provinces' | 'milestones' | 'annotations';
  title: string;
  /** `inline`: one comma-separated paragraph (long lists of names); `bullets`: one line each. */
  layout: 'inline' | 'bullets';
  items: DocItem[];
  /** Shown instead of the items when there are none. */
  empty: string;
  /** After the items, e.g. "and 12 more". */
  more?: string;
}

export interface DocProgram {
  slug: string;
  title: string;
  /** "Illustrative" when the program is invented demo data; null otherwise. */
  illustrativeLabel: string | null;
  health: Health | null;
  healthLabel: string;
  coverage: string;
  change: string;
  projection: { text: string; tone: Tone };
  velocity: string | null;
  target: string;
  charts: SummaryChart[];
  lists: DocList[];
}

export interface OverviewRow {
  slug: string;
  program: string;
  coverage: string;
  change: string;
  health: Health | null;
  healthLabel: string;
  outlook: string;
  outlookTone: Tone;
}

export interface SummaryDocument {
  locale: SummaryText['locale'];
  week: string;
  weekStart: string;
  weekEnd: string;
  title: string;
  period: string;
  generated: string;
  overview: { title: string; headers: { program: string; coverage: string; change: string; health: string; outlook: string }; rows: OverviewRow[] };
  programs: DocProgram[];
}

function projectionTone(s: ProgramWeekSummary): Tone {
  if (s.warning) return 'bad';
  if (s.projection?.health === 'COMPLETE') return 'good';
  return s.projection?.health === 'AT_RISK' ? 'warning' : 'muted';
}

function programLists(s: ProgramWeekSummary, text: SummaryText): DocList[] {
  const { t } = text;
  const lists: DocList[] = [];
  if (s.program.unit !== 'PERCENT') {
    lists.push({
      key: 'wentLive',
      title: t('wentLive.title', { count: s.wentLive.length }),
      layout: 'inline',
      items: s.wentLive.map((e) => ({ text: text.name(e), tone: 'good' })),
      empty: t('wentLive.none'),
    });
    lists.push({
      key: 'setbacks',
      title: t('setbacks.title', { count: s.setbacks.length }),
      layout: 'bullets',
      items: s.setbacks.map((e) => ({
        text: t('setbacks.item', { name: text.name(e), from: text.status(e.from), to: text.status(e.to) }),
        tone: 'bad',
      })),
      empty: t('setbacks.none'),
    });
  }
  if (s.stalePartners) {
    const shown = s.stalePartners.slice(0, STALE_PARTNERS_SHOWN);
    const hidden = s.stalePartners.length - shown.length;
    lists.push({
      key: 'stale',
      title: t('stale.title', { days: s.staleAfterDays, count: s.stalePartners.length }),
      layout: 'bullets',
      items: shown.map((p) => ({
        text:
          p.lastConfirmedOn === null
            ? t('stale.itemNever', { name: text.name(p), status: text.status(p.status) })
            : t('stale.item', { name: text.name(p), status: text.status(p.status), date: p.lastConfirmedOn, days: p.daysSinceConfirmed ?? 0 }),
        tone: 'warning',
      })),
      empty: t('stale.none', { days: s.staleAfterDays }),
      ...(hidden > 0 ? { more: t('stale.more', { count: hidden }) } : {}),
    });
  }
  if (s.program.unit === 'CITY') {
    lists.push({
      key: 'provinces',
      title: t('provinces.title'),
      layout: 'bullets',
      items: s.provincesBehind.map((p) => ({
        text: t('provinces.item', { name: text.name(p), live: p.live, denominator: p.denominator, percent: text.number(p.percent ?? 0) }),
      })),
      empty: t('provinces.none'),
    });
  }
  const m = s.milestones;
  const title = (x: { titleZh: string; titleEn: string }) => text.name({ nameZh: x.titleZh, nameEn: x.titleEn });
  lists.push({
    key: 'milestones',
    title: t('milestones.title'),
    layout: 'bullets',
    items: [
      ...m.missed.map((x) => ({
        tag: t('milestones.missed'),
        text: t('milestones.missedItem', { title: title(x), date: x.dueDate, days: x.daysLate }),
        tone: 'bad' as const,
      })),
      ...m.done.map((x) => ({
        tag: t('milestones.done'),
        text:
          x.daysLate > 0
            ? t('milestones.doneLateItem', { title: title(x), date: x.doneDate ?? '', days: x.daysLate })
            : t('milestones.doneItem', { title: title(x), date: x.doneDate ?? '' }),
        tone: 'good' as const,
      })),
      ...m.due.map((x) => ({
        tag: t('milestones.due', { days: UPCOMING_MILESTONE_DAYS }),
        text: t('milestones.dueItem', { title: title(x), date: x.dueDate }),
      })),
    ],
    empty: t('milestones.none'),
  });
  lists.push({
    key: 'annotations',
    title: t('annotations.title'),
    layout: 'bullets',
    items: s.annotations.map((a) => {
      const notes = [a.sourceNote ? t('annotations.source', { source: a.sourceNote }) : null, a.isIllustrative ? t('annotations.illustrative') : null];
      return {
        tag: a.date,
        text: [text.name({ nameZh: a.titleZh, nameEn: a.titleEn }), ...notes.filter((n): n is string => n !== null)].join(' · '),
      };
    }),
    empty: t('annotations.none'),
  });
  return lists;
}

export function composeSummaryDocument(
  summary: CrossProgramSummary,
  text: SummaryText,
  meta: { generatedAt: string; scope: 'all' | 'program' },
): SummaryDocument {
  const { t } = text;
  const charts = listSummaryCharts(summary, text);
  const only = summary.programs.length === 1 && meta.scope === 'program' ? summary.programs[0] : undefined;
  return {
    locale: text.locale,
    week: summary.week,
    weekStart: summary.weekStart,
    weekEnd: summary.weekEnd,
    title: only ? t('week.headingProgram', { week: summary.week, program: text.name(only.program) }) : t('week.heading', { week: summary.week }),
    period: t('week.period', { start: summary.weekStart, end: summary.weekEnd }),
    generated: t('week.generated', { time: text.time(meta.generatedAt) }),
    overview: {
      title: t('overview.title'),
      headers: {
        program: t('overview.program'),
        coverage: t('overview.coverage'),
        change: t('overview.change'),
        health: t('overview.health'),
        outlook: t('overview.outlook'),
      },
      rows: summary.lines.map((line, i) => {
        const s = summary.programs[i]!;
        return {
          slug: line.slug,
          program: text.name(line),
          coverage: text.lineCoverage(line),
          change: text.lineChange(line),
          health: line.health,
          healthLabel: text.healthLabel(line.health),
          outlook: text.projectionSentence(s),
          outlookTone: projectionTone(s),
        };
      }),
    },
    programs: summary.programs.map((s) => ({
      slug: s.program.slug,
      title: text.name(s.program),
      illustrativeLabel: s.program.isIllustrative ? t('week.illustrative') : null,
      health: s.projection?.health ?? null,
      healthLabel: text.healthLabel(s.projection?.health ?? null),
      coverage: text.coverageSentence(s),
      change: text.changeSentence(s),
      projection: { text: text.projectionSentence(s), tone: projectionTone(s) },
      velocity: text.velocitySentence(s),
      target: text.targetSentence(s.program),
      charts: charts.filter((c) => c.programSlug === s.program.slug),
      lists: programLists(s, text),
    })),
  };
}
