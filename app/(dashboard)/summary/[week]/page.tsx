import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/session';
import { resolveLocale } from '@/lib/i18n/config';
import { parseIsoWeek } from '@/lib/summary/iso-week';
import { createSummaryText } from '@/lib/summary/text';
import { programParam, SummaryWeek } from '../_components/summary-week';
import '../summary.css';

interface PageProps {
  params: Promise<{ week: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const text = createSummaryText(resolveLocale(await getLocale()));
  const { week } = await params;
  return { title: parseIsoWeek(week) ? text.t('week.heading', { week }) : text.t('week.invalidTitle') };
}

/** One week's summary, by its ISO week id (`/summary/2021-W39`). */
export default async function SummaryWeekPage({ params, searchParams }: PageProps) {
  const viewer = await requireViewer();
  const { week } = await params;
  return <SummaryWeek viewer={viewer} week={week} program={programParam((await searchParams).program)} />;
}
