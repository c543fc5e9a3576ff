import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { InboxView } from '@/components/alerts/inbox-view';
import { alertKindSchema } from '@/lib/alerts/schema';
import { getAlertChannels, listInbox } from '@/lib/alerts/queries';
import { createAlertText } from '@/lib/alerts/text';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { resolveLocale } from '@/lib/i18n/config';
import { localized } from '@/lib/i18n/localized';
import { PROGRAM_SLUG_RE } from '@/lib/programs/slug';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alerts'))('title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || null;

async function InboxPage({ searchParams }: PageProps) {
  if (!getEnv().alerts) notFound();
  const viewer = await requireViewer();
  const params = await searchParams;
  const program = first(params.program);
  const programSlug = program && PROGRAM_SLUG_RE.test(program) ? program : null;
  const kind = alertKindSchema.safeParse(first(params.kind)).data ?? null;
  const db = await getDb();
  const [page, channels] = await Promise.all([listInbox(db, viewer, { programSlug, kind }), getAlertChannels(db, viewer)]);
  const locale = resolveLocale(await getLocale());
  const words = createAlertText(locale);
  const t = await getTranslations('alerts');
  return (
    <>
      <h1 className="page-title">{t('title')}</h1>
      <InboxView
        entries={page.items.map((item) => ({
          id: item.id,
          kind: item.kind,
          kindName: words.kindName(item.kind),
          text: words.describe(item),
          href: item.href,
          effectiveDate: item.effectiveDate,
          isUnread: item.readAt === null,
          reminder: item.reminder,
        }))}
        programs={page.programs.map((p) => ({ slug: p.slug, name: localized(locale, p.nameZh, p.nameEn) }))}
        kinds={channels.map((c) => ({ ...c, name: words.kindName(c.kind) }))}
        filters={{ programSlug, kind }}
      />
    </>
  );
}

export default withClientMessages(['alerts', 'errors', 'validation'], InboxPage);
