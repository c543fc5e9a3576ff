import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { LanguageSwitch } from '@/components/ui/language-switch';
import styles from '@/components/ui/plain.module.css';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { countWatchedPrograms } from '@/lib/alerts/queries';
import { landingPathFor } from '@/lib/auth/landing';
import { getViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: PageProps) {
  const params = await searchParams;
  // Without a page to return to, the form reloads this page once signed in, and the redirect below
  // picks the viewer's landing page (lib/auth/landing.ts).
  const callbackUrl = params.callbackUrl === undefined ? null : safeCallbackUrl(params.callbackUrl);
  // Already signed in (a bookmarked sign-in link, the back button): go straight on.
  const viewer = await getViewer();
  if (viewer) redirect(callbackUrl ?? landingPathFor(viewer.role, await countWatchedPrograms(await getDb(), viewer)));
  const t = await getTranslations('auth.signIn');
  const tApp = await getTranslations('app');
  const error = typeof params.error === 'string' ? params.error : null;

  return (
    <main id="main" className={styles.page}>
      <div className={styles.column}>
        <div className={styles.bar}>
          <strong>{tApp('name')}</strong>
          <LanguageSwitch />
        </div>
        <div className={styles.card}>
          <h1 className={styles.title}>{t('heading')}</h1>
          <p className={styles.secondary}>{t('subtitle')}</p>
          {params.signedOut && !error ? (
            <div role="status" className={`${styles.notice} ${styles.success}`}>
              <p>{t('sessionEnded')}</p>
            </div>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} initialError={error} />
        </div>
        <p className={styles.help}>{t('help')}</p>
      </div>
    </main>
  );
}
