import type { Metadata } from 'next';
import { Alert, Card } from 'antd';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { countWatchedPrograms } from '@/lib/alerts/queries';
import { landingPathFor } from '@/lib/auth/landing';
import { getViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('title') };
}

/** Secondary text dark enough for WCAG AA contrast on white (antd's own secondary colour is lighter). */
const SECONDARY_TEXT = 'rgba(0, 0, 0, 0.65)';

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
    <main
      id="main"
      style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}
    >
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
          <strong>{tApp('name')}</strong>
          <LanguageSwitch />
        </div>
        <Card>
          <h1 className="page-title" style={{ marginBottom: 8 }}>
            {t('heading')}
          </h1>
          <p style={{ color: SECONDARY_TEXT, marginTop: 0, marginBottom: 24 }}>{t('subtitle')}</p>
          {params.signedOut && !error ? (
            <Alert type="success" showIcon title={t('sessionEnded')} style={{ marginBottom: 16 }} />
          ) : null}
          <SignInForm callbackUrl={callbackUrl} initialError={error} />
        </Card>
        <p style={{ color: SECONDARY_TEXT, marginTop: 16, textAlign: 'center' }}>{t('help')}</p>
      </div>
    </main>
  );
}
