import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getCachedDashboardView } from '@/lib/coverage/cached';
import { listPrograms } from '@/lib/programs/queries';
import { listAnnotations } from '@/lib/programs/annotations';
import { BurnupPanel } from '@/components/coverage/burnup-panel';
import { parseDashboardParams } from '@/lib/coverage/view-params';
import { timelineEnd, timelineSteps } from '@/lib/coverage/timeline';
import { todayInShanghai } from '@/lib/time';
import { versionedGeoUrl } from '@/lib/coverage/geo-assets';
import { CoverageView } from '@/components/coverage/coverage-view';
import { ProgramPicker } from '@/components/coverage/program-picker';
import { Panel } from '@/components/coverage/panel';
import { renderProvinceMapSvg } from '@/lib/charts/ssr';
import { localized } from '@/lib/i18n/localized';
import { FollowButton } from '@/components/alerts/follow-button';
import { isFollowingProgram } from '@/lib/alerts/queries';
import { getEnv } from '@/lib/env';
import { Notice, Stack, Tag } from '@/components/ui/plain';
import { QueryProvider } from '@/components/ui/query-provider';
import { withClientMessages } from '@/components/i18n/with-client-messages';


export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function DashboardPage({ searchParams }: PageProps) {
  const viewer = await requireViewer();
  const t = await getTranslations('dashboard');
  const locale = await getLocale();
  const db = await getDb();
  const programs = await listPrograms(db);
  const today = todayInShanghai();
  const rawParams = await searchParams;
  const params = parseDashboardParams(rawParams, today);

  if (programs.length === 0) {
    return (
      <Panel>
        <div className="dashboard-empty" data-testid="dashboard-empty">
          <strong>{t('noPrograms')}</strong>
          <p>{t('noProgramsHint')}</p>
        </div>
      </Panel>
    );
  }

  const slug = params.program ?? programs[0]!.slug;
  // The burn-up is built in the browser for whichever date the timeline shows, from data up to the
  // timeline's last possible date (today) or the URL's date when that is later.
  const seriesEnd = params.asOf > today ? params.asOf : today;
  const [view, annotations] = await Promise.all([
    // Cached by the program's history version, like /api/coverage and the partner API.
    getCachedDashboardView(db, slug, { asOf: params.asOf, province: params.province, seriesEnd }),
    listAnnotations(db, slug),
  ]);
  const coverage = view?.coverage ?? null;
  const drill = view?.drill ?? null;
  const lastChange = view?.lastChange ?? null;
  const seriesSource = view?.series ?? null;
  if (!coverage) {
    return (
      <Stack>
        <h1 className="page-title">{t('title')}</h1>
        <Notice type="warning" title={t('programNotFound', { slug })} description={t('programNotFoundHint')} />
        <ProgramPicker programs={programs} value={programs[0]!.slug} />
      </Stack>
    );
  }
  const { program } = coverage;
  const canFollow = getEnv().alerts && can(viewer, 'alert.follow');
  // The national map drawn here as SVG, so the first view needs no chart code in the browser.
  const mapT = await getTranslations('dashboard.map');
  const initialMapSvg =
    program.unit === 'CITY' && !drill && rawParams.layer !== 'cities'
      ? renderProvinceMapSvg(coverage.provinces, locale, {
          bins: {
            none: mapT('bins.none'),
            low: mapT('bins.low'),
            mid: mapT('bins.mid'),
            high: mapT('bins.high'),
            almost: mapT('bins.almost'),
            full: mapT('bins.full'),
          },
          outOfScope: mapT('outOfScope'),
          ariaLabel: mapT('aria'),
        })
      : null;
  const steps = timelineSteps(
    program.startDate,
    timelineEnd({ today, lastChange, targetDate: program.targetDate }),
    [...annotations.map((a) => a.date), program.baselineTargetDate, program.targetDate],
  );

  return (
    // The only Ant Design-free page that fetches in the browser: it brings its own query client
    // (docs/decisions/045-plain-public-pages.md).
    <QueryProvider>
      <Stack>
        <div className="dashboard-head">
          <h1 className="page-title">{t('title')}</h1>
          <div className="dashboard-tools">
            <ProgramPicker programs={programs} value={slug} />
            {canFollow && <FollowButton key={slug} programSlug={slug} initialFollowing={await isFollowingProgram(db, viewer, slug)} />}
          </div>
        </div>
        {params.invalidAsOf !== null && (
          <Notice type="warning" title={t('asOfInvalid', { value: params.invalidAsOf, today })} />
        )}
        {params.province && !drill && program.unit === 'CITY' && (
          <Notice type="warning" title={t('provinceInvalid', { value: params.province })} />
        )}
        <div className="program-meta">
          <div>{t('direction', { direction: localized(locale, program.directionZh, program.directionEn) })}</div>
          {program.isIllustrative ? (
            <Tag color="warning">{t('illustrativeNote')}</Tag>
          ) : (
            program.source && <div className="program-source">{t('source', { source: program.source })}</div>
          )}
        </div>
        {/*
          No Suspense boundary around these: the map's lazy chunks suspend on the server, and a
          boundary here would stream the map and table after the first paint, pushing the burn-up
          down (a layout shift Lighthouse counts; tests/e2e/styles.spec.ts checks there is none).
        */}
        <CoverageView
          key={`coverage-${slug}`}
          program={program}
          initial={{ coverage, drill }}
          initialAsOf={params.asOf}
          initialProvince={drill ? params.province : null}
          rejectedProvince={drill ? null : params.province}
          steps={steps}
          canEditCities={can(viewer, 'cityStatus.update')}
          citiesGeoUrl={versionedGeoUrl('china-cities.json')}
          initialMapSvg={initialMapSvg}
          annotations={annotations.map((a) => ({ date: a.date, title: localized(locale, a.titleZh, a.titleEn) }))}
        />
        {seriesSource && <BurnupPanel key={`burnup-${slug}`} source={seriesSource} initialAsOf={params.asOf} program={program} annotations={annotations} />}
      </Stack>
    </QueryProvider>
  );
}

export default withClientMessages(['alerts.follow', 'burnup', 'chartText', 'dashboard', 'errors', 'status', 'validation'], DashboardPage);
