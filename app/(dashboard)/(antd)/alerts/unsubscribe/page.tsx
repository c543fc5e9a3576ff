import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { UnsubscribeButton } from '@/components/alerts/unsubscribe-button';
import { readUnsubscribeToken } from '@/lib/alerts/mail';
import { requireViewer } from '@/lib/auth/session';
import { getEnv, requireAuthSecret } from '@/lib/env';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alerts.unsubscribe'))('title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Opened from an alert mail: asks before it stops that kind of mail (the change is a POST). */
async function UnsubscribePage({ searchParams }: PageProps) {
  if (!getEnv().alerts) notFound();
  const viewer = await requireViewer();
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const named = readUnsubscribeToken(requireAuthSecret(), token);
  const t = await getTranslations('alerts');
  const isOwn = named !== null && named.userId === viewer.id;
  const kind = isOwn ? t(`kinds.${named.kind}`) : '';
  return (
    <>
      <h1 className="page-title">{t('unsubscribe.title')}</h1>
      {isOwn ? (
        <>
          <p>{t('unsubscribe.body', { kind })}</p>
          <UnsubscribeButton token={token} label={t('unsubscribe.confirm')} done={t('unsubscribe.done', { kind })} />
        </>
      ) : (
        <p role="alert">{t('unsubscribe.invalid')}</p>
      )}
    </>
  );
}

export default withClientMessages(['errors', 'validation'], UnsubscribePage);
