/**
 * An alert in words, in the reader's language: the one wording the inbox, the mail at once and the
 * daily digest share (messages `alerts.text.*`). Pure; no database.
 */
import { createTranslator } from 'next-intl';
import { TIME_ZONE, type AppLocale } from '../i18n/config';
import { formats } from '../i18n/formats';
import { localized } from '../i18n/localized';
import { messagesFor } from '../i18n/messages';
import type { InboxAlert, InboxItem } from './queries';

type Describable = InboxAlert & Pick<InboxItem, 'program' | 'entity' | 'effectiveDate'>;

export function createAlertText(locale: AppLocale) {
  const base = { locale, messages: messagesFor(locale), timeZone: TIME_ZONE, formats };
  const t = createTranslator({ ...base, namespace: 'alerts' });
  const status = createTranslator({ ...base, namespace: 'status' });
  const health = createTranslator({ ...base, namespace: 'summary.health' });
  const num = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);

  function describe(item: Describable): string {
    const program = localized(locale, item.program.nameZh, item.program.nameEn);
    const entity = item.entity ? localized(locale, item.entity.nameZh, item.entity.nameEn) : '';
    switch (item.kind) {
      case 'HEALTH_CHANGED': {
        const p = item.payload;
        return t('text.HEALTH_CHANGED', { program, from: health(p.fromHealth), to: health(p.toHealth), current: num(p.current), goal: num(p.goal), date: p.asOf, target: p.targetDate });
      }
      case 'REGRESSION':
        return t('text.REGRESSION', { program, entity, from: status(item.payload.before.status), to: status(item.payload.after.status) });
      case 'STALE_REPORT': {
        const p = item.payload;
        const values = { program, entity, limit: p.staleAfterDays, status: status(p.status) };
        return p.daysSinceConfirmed === null ? t('text.STALE_REPORT_NEVER', values) : t('text.STALE_REPORT', { ...values, days: p.daysSinceConfirmed });
      }
      case 'TARGET_REPLANNED': {
        const p = item.payload;
        return t('text.TARGET_REPLANNED', { program, from: p.fromDate, to: p.toDate, baseline: p.baselineTargetDate, reason: p.reason });
      }
      case 'IMPORT_LANDED':
        return t('text.IMPORT_LANDED', { program, updated: item.payload.updated, changes: item.payload.statusChanges });
    }
  }

  return { t, describe, kindName: (kind: InboxItem['kind']) => t(`kinds.${kind}`) };
}
