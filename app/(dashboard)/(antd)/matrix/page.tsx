import type { Metadata } from 'next';
import Alert from 'antd/es/alert';
import Space from 'antd/es/space';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getLastChangeDate } from '@/lib/coverage/queries';
import { timelineEnd, timelineSteps } from '@/lib/coverage/timeline';
import { parseDashboardParams } from '@/lib/coverage/view-params';
import { localized } from '@/lib/i18n/localized';
import { getMatrixSource } from '@/lib/matrix/queries';
import { overviewTimelineBounds, parseMatrixMode } from '@/lib/matrix/view-params';
import { listAnnotations } from '@/lib/programs/annotations';
import { listPrograms } from '@/lib/programs/queries';
import { todayInShanghai } from '@/lib/time';
import { MatrixView } from '@/components/matrix/matrix-view';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('matrix');
  return { title: t('title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function MatrixPage({ searchParams }: PageProps) {
  const viewer = await requireViewer();
  const t = await getTranslations('matrix');
  const locale = await getLocale();
  const db = await getDb();
  const today = todayInShanghai();
  const raw = await searchParams;
  const { asOf, invalidAsOf } = parseDashboardParams(raw, today);
  const { mode, invalidMode } = parseMatrixMode(raw.mode);

  const programs = await listPrograms(db);
  // Built in the browser for whichever date the timeline shows, from data up to today (or the URL's date when later).
  const [source, lastChanges, annotations] = await Promise.all([
    getMatrixSource(db, viewer, { end: asOf > today ? asOf : today }),
    Promise.all(programs.map((p) => getLastChangeDate(db, p.slug))),
    Promise.all(programs.map((p) => listAnnotations(db, p.slug))),
  ]);
  const bounds = overviewTimelineBounds(programs.map((p, i) => ({ ...p, lastChange: lastChanges[i] ?? null })));
  const marks = new Map(
    annotations.flat().map((a) => [`${a.date}|${a.titleEn}`, { date: a.date, title: localized(locale, a.titleZh, a.titleEn) }]),
  );
  const steps = bounds
    ? timelineSteps(bounds.start, timelineEnd({ today, lastChange: bounds.lastChange, targetDate: bounds.targetDate }), [
        ...[...marks.values()].map((m) => m.date),
        ...programs.flatMap((p) => [p.baselineTargetDate, p.targetDate]),
      ])
    : [today];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <h1 className="page-title">{t('title')}</h1>
      <p className="muted" style={{ margin: 0 }}>
        {t('intro')}
      </p>
      {invalidAsOf !== null && <Alert type="warning" showIcon title={t('asOfInvalid', { value: invalidAsOf, today })} />}
      {invalidMode !== null && <Alert type="warning" showIcon title={t('modeInvalid', { value: invalidMode })} />}
      <MatrixView
        source={source}
        steps={steps}
        annotations={[...marks.values()].sort((a, b) => a.date.localeCompare(b.date))}
        initialAsOf={asOf}
        initialMode={mode}
      />
    </Space>
  );
}

export default withClientMessages(['burnup.health', 'burnup.rule', 'dashboard.download', 'dashboard.timeline', 'matrix'], MatrixPage);
