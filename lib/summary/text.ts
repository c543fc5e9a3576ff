/**
 * The summary's sentences in the reader's language, for the page, the mail and the PDF alike, so
 * the three never word the same number differently. Built on next-intl's createTranslator (no
 * request needed), from the `summary` and `mail` namespaces of messages/*.json.
 */
import { createTranslator } from 'next-intl';
import { TIME_ZONE, type AppLocale } from '../i18n/config';
import { formats } from '../i18n/formats';
import { messagesFor } from '../i18n/messages';
import type { Ratio } from '../coverage/summarise';
import type { ProgramUnit, RolloutStatus } from '../generated/sqlite/client';
import { formatShanghaiInstant } from '../time';
import type { NamedEntity, ProgramWeekSummary, SummaryLine, SummaryProgram } from './types';
import { localized } from '../i18n/localized';

function translators(locale: AppLocale) {
  const messages = messagesFor(locale);
  const base = { locale, messages, timeZone: TIME_ZONE, formats };
  return {
    t: createTranslator({ ...base, namespace: 'summary' }),
    mail: createTranslator({ ...base, namespace: 'mail' }),
    status: createTranslator({ ...base, namespace: 'status' }),
  };
}

function formatNumber(value: number, locale: AppLocale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

export type SummaryText = ReturnType<typeof createSummaryText>;

export function createSummaryText(locale: AppLocale) {
  const { t, mail, status } = translators(locale);
  const num = (value: number, digits = 1) => formatNumber(value, locale, digits);
  const nameOf = (e: Pick<NamedEntity, 'nameZh' | 'nameEn'>) => localized(locale, e.nameZh, e.nameEn);
  const countUnit = (unit: ProgramUnit, count: number) => (unit === 'INSTITUTION' ? t('unit.INSTITUTION', { count }) : t('unit.CITY', { count }));

  /** What "done" means for a program, e.g. "nationwide coverage". */
  const goalOf = (program: SummaryProgram, denominator: number) => {
    if (program.scopeRule === 'ENROLLED_INSTITUTIONS') return t('goal.ENROLLED_INSTITUTIONS', { count: denominator });
    if (program.scopeRule === 'METRIC') return t('goal.METRIC', { target: num(program.targetValue ?? 0) });
    return t(`goal.${program.scopeRule}`);
  };

  const unitWord = (unit: ProgramUnit) => (unit === 'INSTITUTION' ? t('unitWord.INSTITUTION') : t('unitWord.CITY'));
  const ratio = (r: Ratio) =>
    r.percent === null
      ? t('coverage.ratioNoPercent', { live: r.live, denominator: r.denominator })
      : t('coverage.ratio', { live: r.live, denominator: r.denominator, percent: num(r.percent) });

  const signed = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');

  return {
    locale,
    t,
    mail,
    name: nameOf,
    status: (s: RolloutStatus) => status(s),
    /** An ISO instant as Shanghai wall-clock time, "2021-10-04 09:00". */
    time: (iso: string) => formatShanghaiInstant(new Date(iso)).slice(0, 16),
    number: num,
    countUnit,
    goalOf,
    ratio,

    /** "49 / 337 (14.5%)", or for a metric "85% (target 85%)". */
    lineCoverage(line: SummaryLine): string {
      if (line.unit !== 'PERCENT') return ratio(line.coverage);
      const value = line.metric?.value ?? null;
      if (value === null) return t('coverage.metricNone');
      const target = line.metric?.target ?? null;
      return target === null ? t('coverage.metricNoTarget', { value: num(value) }) : t('coverage.metric', { value: num(value), target: num(target) });
    },

    /** "+15", "−1", "no change"; for a metric "+2.5 pp". */
    lineChange(line: SummaryLine): string {
      if (line.unit === 'PERCENT') {
        const change = line.metric?.change ?? null;
        if (change === null || change === 0) return t('change.flat');
        return t('change.points', { sign: signed(change), points: num(Math.abs(change)) });
      }
      const { live } = line.change;
      if (live === 0) return t('change.flat');
      return live > 0 ? t('change.up', { count: live }) : t('change.down', { count: -live });
    },

    /** The coverage paragraph of a program's section. */
    coverageSentence(s: ProgramWeekSummary): string {
      if (s.program.unit === 'PERCENT') {
        const m = s.metric;
        if (!m || m.value === null) return t('coverage.metricNone');
        return t('coverage.atEndMetric', {
          date: s.weekEnd,
          value: num(m.value),
          valueDate: m.date ?? s.weekEnd,
          target: m.target === null ? '—' : num(m.target),
        });
      }
      return t('coverage.atEnd', {
        date: s.weekEnd,
        live: s.coverage.live,
        denominator: s.coverage.denominator,
        unit: unitWord(s.program.unit),
        percent: num(s.coverage.percent ?? 0),
      });
    },

    changeSentence(s: ProgramWeekSummary): string {
      if (s.program.unit === 'PERCENT') {
        const change = s.metric?.change ?? null;
        if (change === null || change === 0) return t('change.sentenceFlat');
        return t('change.metricSentence', { sign: signed(change), points: num(Math.abs(change)) });
      }
      const live = s.change.live;
      if (live === 0) return t('change.sentenceFlat');
      const unit = unitWord(s.program.unit);
      return live > 0 ? t('change.sentence', { count: live, unit }) : t('change.sentenceDown', { count: -live, unit });
    },

    /**
     * The projection in one sentence: reached (and how far ahead), on track, or the plain-language
     * warning ("At this pace nationwide coverage arrives on 2022-04-18, 18 days after the target").
     */
    projectionSentence(s: ProgramWeekSummary): string {
      const p = s.projection;
      if (!p) return t('projection.none');
      const goal = goalOf(s.program, s.coverage.denominator);
      const target = p.targetDate;
      const w = s.warning;
      if (w?.kind === 'NO_PROGRESS') return t('projection.noProgress', { weeks: w.windowWeeks, goal, target });
      if (w?.kind === 'TOO_FAR') return t('projection.tooFar', { goal, target });
      if (w?.kind === 'LATE') return t('projection.late', { goal, date: w.completionDate, days: w.daysLate, target });
      const date = p.completionDate ?? '';
      if (p.health === 'COMPLETE') {
        if ((p.daysLate ?? 0) > 0) return t('projection.completeLate', { goal, date, days: p.daysLate ?? 0, target });
        return p.daysEarly > 0 ? t('projection.completeEarly', { goal, date, days: p.daysEarly, target }) : t('projection.completeOnTarget', { goal, date });
      }
      return p.daysEarly > 0 ? t('projection.onTrackEarly', { goal, date, days: p.daysEarly, target }) : t('projection.onTrackOnTarget', { goal, date });
    },

    velocitySentence(s: ProgramWeekSummary): string | null {
      const p = s.projection;
      if (!p || p.health === 'COMPLETE') return null;
      const velocity = num(p.velocityPerWeek);
      const weeks = p.windowWeeks;
      if (s.program.unit === 'PERCENT') return t('projection.velocityPERCENT', { velocity, weeks });
      return s.program.unit === 'INSTITUTION'
        ? t('projection.velocityINSTITUTION', { velocity, weeks })
        : t('projection.velocityCITY', { velocity, weeks });
    },

    targetSentence(program: SummaryProgram): string {
      return program.targetDate === program.baselineTargetDate
        ? t('projection.target', { date: program.targetDate })
        : t('projection.replanned', { date: program.targetDate, baseline: program.baselineTargetDate });
    },

    healthLabel(health: SummaryLine['health']): string {
      return health ? t(`health.${health}`) : t('health.none');
    },
  };
}
