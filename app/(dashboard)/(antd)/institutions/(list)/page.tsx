import type { Metadata } from 'next';
// Deep imports: antd's barrel is a 'use client' module, so a Server Component importing from
// 'antd' makes every page load one chunk with all antd components any Server Component uses.
import Alert from 'antd/es/alert';
import Card from 'antd/es/card';
import Empty from 'antd/es/empty';
import Space from 'antd/es/space';
import Statistic from 'antd/es/statistic';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getInstitutionMatrix, isInstitutionType } from '@/lib/institutions/queries';
import type { InstitutionType } from '@/lib/generated/sqlite/client';
import { InstitutionMatrix } from '@/components/institutions/institution-matrix';
import { TypeFilter } from '@/components/institutions/type-filter';
import { InstitutionsOverTime } from '@/components/institutions/institutions-over-time';
import { listLiveInstitutionsOverTime } from '@/lib/institutions/over-time';
import { todayInShanghai } from '@/lib/time';
import { localized } from '@/lib/i18n/localized';
import { withClientMessages } from '@/components/i18n/with-client-messages';

// This page sits in the (list) route group so that its loading.tsx does not wrap
// /institutions/[code], whose layout must answer unknown codes before anything streams.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('institutions');
  return { title: t('title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `?type=` from the URL: a known type, nothing, or an invalid value to warn about. */
function parseType(raw: string | string[] | undefined): { type: InstitutionType | null; invalid: string | null } {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return { type: null, invalid: null };
  return isInstitutionType(value) ? { type: value, invalid: null } : { type: null, invalid: value.slice(0, 40) };
}

async function InstitutionsPage({ searchParams }: PageProps) {
  const viewer = await requireViewer();
  const { type, invalid } = parseType((await searchParams).type);
  const db = await getDb();
  const today = todayInShanghai();
  const [matrix, overTime] = await Promise.all([
    getInstitutionMatrix(db, viewer, type ? { type, today } : { today }),
    listLiveInstitutionsOverTime(db, today),
  ]);
  const t = await getTranslations('institutions');
  const tType = await getTranslations('institutionType');
  const locale = await getLocale();

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <h1 className="page-title" style={{ marginBottom: 4 }}>
          {t('title')}
        </h1>
        <div className="muted">{t('subtitle')}</div>
      </header>
      {invalid !== null && <Alert type="warning" showIcon title={t('invalidType', { value: invalid })} />}

      {matrix.programs.length === 0 ? (
        <Card>
          <Empty
            description={
              <Space orientation="vertical">
                <strong>{t('noPrograms')}</strong>
                {t('noProgramsHint')}
              </Space>
            }
          />
        </Card>
      ) : (
        <>
          {overTime.length > 0 && <InstitutionsOverTime programs={overTime} end={today} />}
          <Card>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <TypeFilter
                value={matrix.type}
                total={matrix.total}
                counts={matrix.typeCounts.map((c) => ({ type: c.type, count: c.count }))}
              />
              <Space size="large" wrap data-testid="type-counts">
                {matrix.programs.map((p) => {
                  const shown = matrix.type ? matrix.typeCounts.filter((c) => c.type === matrix.type) : matrix.typeCounts;
                  const live = shown.reduce((sum, c) => sum + (c.liveByProgram[p.slug] ?? 0), 0);
                  const count = shown.reduce((sum, c) => sum + c.count, 0);
                  return (
                    <Statistic
                      key={p.slug}
                      title={localized(locale, p.nameZh, p.nameEn)}
                      value={t('liveCount', { live, count })}
                    />
                  );
                })}
              </Space>
              <div className="muted" aria-live="polite">
                {matrix.type
                  ? t('shownOfType', { type: tType(matrix.type), shown: matrix.rows.length, total: matrix.total })
                  : t('shownAll', { total: matrix.total })}
              </div>
              <p className="muted" style={{ margin: 0, fontSize: 12 }} data-testid="stale-rule">
                {t('staleRule')}
              </p>
              <InstitutionMatrix programs={matrix.programs} rows={matrix.rows} />
            </Space>
          </Card>
        </>
      )}
    </Space>
  );
}

export default withClientMessages(['chartText', 'dashboard.download', 'institutionType', 'institutions', 'status'], InstitutionsPage);
