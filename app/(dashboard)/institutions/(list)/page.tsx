import type { Metadata } from 'next';
import { Alert, Card, Empty, Space, Statistic } from 'antd';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getInstitutionMatrix, isInstitutionType } from '@/lib/institutions/queries';
import type { InstitutionType } from '@/lib/generated/sqlite/client';
import { InstitutionMatrix } from '@/components/institutions/institution-matrix';
import { TypeFilter } from '@/components/institutions/type-filter';

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

/**
 * LEAD: the "live institutions over time" burn-up chart (built by another engineer) goes here.
 * Replace this slot with the chart component; it needs no data from this page.
 */
function LiveInstitutionsBurnUpSlot() {
  return null;
}

export default async function InstitutionsPage({ searchParams }: PageProps) {
  await requireViewer();
  const { type, invalid } = parseType((await searchParams).type);
  const matrix = await getInstitutionMatrix(await getDb(), type ? { type } : {});
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
          <LiveInstitutionsBurnUpSlot />
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
                      title={locale === 'en' ? p.nameEn : p.nameZh}
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
              <InstitutionMatrix programs={matrix.programs} rows={matrix.rows} />
            </Space>
          </Card>
        </>
      )}
    </Space>
  );
}
