import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { authorize } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { resolveLocale } from '@/lib/i18n/config';
import { listPrograms } from '@/lib/programs/queries';
import { isoWeekOfDate, lastFinishedWeek, listIsoWeeks } from '@/lib/summary/iso-week';
import { getSummaryArchive } from '@/lib/summary/service';
import { createSummaryText } from '@/lib/summary/text';
import { ALL_PROGRAMS_SCOPE } from '@/lib/summary/types';
import '../summary.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: createSummaryText(resolveLocale(await getLocale())).t('list.title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Every finished week since the first program started, a year at a time, newest first. */
export default async function SummaryListPage({ searchParams }: PageProps) {
  const viewer = await requireViewer();
  authorize(viewer, 'coverage.read');
  const text = createSummaryText(resolveLocale(await getLocale()));
  const { t } = text;
  const db = await getDb();
  const programs = await listPrograms(db);

  const header = (
    <header>
      <h1 className="page-title" style={{ marginBottom: 4 }}>
        {t('list.title')}
      </h1>
      <p className="muted" style={{ maxWidth: 880 }}>
        {t('list.intro')} {t('list.timezone')}
      </p>
    </header>
  );
  if (programs.length === 0) {
    return (
      <div className="summary-page">
        {header}
        <section className="summary-card">
          <p className="summary-empty">{t('list.noPrograms')}</p>
        </section>
      </div>
    );
  }

  const firstStart = programs.map((p) => p.startDate).reduce((a, b) => (a < b ? a : b));
  const latest = lastFinishedWeek(new Date());
  const firstYear = isoWeekOfDate(firstStart).year;
  const years = Array.from({ length: Math.max(0, latest.year - firstYear + 1) }, (_, i) => latest.year - i);
  const requested = Number((await searchParams).year);
  const year = years.includes(requested) ? requested : (years[0] ?? latest.year);
  const weeks = listIsoWeeks(firstStart, latest).filter((w) => w.year === year);
  const archived = new Map((await getSummaryArchive(db).list({ scope: ALL_PROGRAMS_SCOPE })).map((e) => [e.week, e.generatedAt]));

  return (
    <div className="summary-page">
      {header}
      <nav className="summary-programs" aria-label={t('list.year')} data-testid="summary-years">
        {years.map((y) => (
          <Link prefetch={false} key={y} href={`/summary/archive?year=${y}`} aria-current={y === year ? 'page' : undefined}>
            {y}
          </Link>
        ))}
      </nav>
      <section className="summary-card">
        {weeks.length === 0 ? (
          <p className="summary-empty">{t('list.empty', { year })}</p>
        ) : (
          <table className="summary-overview summary-week-list" data-testid="summary-weeks">
            <thead>
              <tr>
                <th scope="col">{t('list.week')}</th>
                <th scope="col">{t('list.period')}</th>
                <th scope="col">{t('list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => {
                const generatedAt = archived.get(w.id);
                return (
                  <tr key={w.id} data-week={w.id}>
                    <th scope="row">
                      <Link prefetch={false} href={`/summary/${w.id}`}>{w.id}</Link>{' '}
                      {w.id === latest.id && <span className="summary-latest">{t('list.latest')}</span>}
                    </th>
                    <td>
                      {w.start} – {w.end}
                    </td>
                    <td className="muted">{generatedAt ? t('list.archived', { time: text.time(generatedAt) }) : t('list.notArchived')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
