import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/session';
import { resolveLocale } from '@/lib/i18n/config';
import { lastFinishedWeek } from '@/lib/summary/iso-week';
import { createSummaryText } from '@/lib/summary/text';
import { programParam, SummaryWeek } from './_components/summary-week';
import './summary.css';

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const text = createSummaryText(resolveLocale(await getLocale()));
  return { title: text.t('week.heading', { week: lastFinishedWeek(new Date()).id }) };
}

/**
 * What a reader of the summaries comes for: the latest finished week, rendered here rather than
 * redirected (one round trip less on a phone); every other week is one tap away in the archive.
 */
export default async function LatestSummaryPage({ searchParams }: PageProps) {
  const viewer = await requireViewer();
  const week = lastFinishedWeek(new Date()).id;
  return <SummaryWeek viewer={viewer} week={week} program={programParam((await searchParams).program)} />;
}
