'use client';

import { Alert, Button, Radio, Space, Tag } from 'antd';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Fragment, useCallback, useMemo } from 'react';
import { CsvDownloadButton } from '@/components/coverage/csv-download-button';
import { HealthBadge } from '@/components/coverage/health-badge';
import { Panel } from '@/components/coverage/panel';
import { Timeline, type TimelineAnnotation } from '@/components/coverage/timeline';
import type { CsvCell } from '@/lib/csv/format';
import type { InteropMode } from '@/lib/generated/sqlite/enums';
import { localized } from '@/lib/i18n/localized';
import { buildMatrix, type MatrixCellProgramDto, type MatrixDto, type MatrixSourceDto } from '@/lib/matrix/model';
import { INTEROP_MODES, isInteropMode } from '@/lib/programs/interop-modes';
import { dashboardHref } from '@/lib/coverage/view-params';
import { isIsoDate } from '@/lib/time';
import { MatrixPngButton } from './matrix-png-button';
import { Sparkline } from './sparkline';
import styles from './matrix-view.module.css';

interface Props {
  source: MatrixSourceDto;
  steps: string[];
  annotations: TimelineAnnotation[];
  initialAsOf: string;
  initialMode: InteropMode;
}

/**
 * The who-scans-whom matrix for one date and mode, rebuilt in the browser from one source while
 * the timeline is scrubbed. View state (asOf, mode, institutions) lives in the URL, updated with
 * history.replaceState, so every view can be shared.
 */
export function MatrixView({ source, steps, annotations, initialAsOf, initialMode }: Props) {
  const t = useTranslations('matrix');
  const tHealth = useTranslations('burnup.health');
  const locale = useLocale();
  const searchParams = useSearchParams();
  const urlAsOf = searchParams.get('asOf');
  const asOf = urlAsOf && isIsoDate(urlAsOf) && urlAsOf <= source.end ? urlAsOf : initialAsOf;
  const urlMode = searchParams.get('mode');
  const mode = urlMode && isInteropMode(urlMode) ? urlMode : initialMode;
  const isExpanded = searchParams.get('institutions') === '1';

  const setUrl = useCallback((changes: Record<string, string | null>) => {
    const params = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) params.delete(k);
      else params.set(k, v);
    }
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
  }, []);

  const matrix = useMemo(() => buildMatrix(source, asOf, mode), [source, asOf, mode]);
  const railName = useMemo(() => {
    const names = new Map(matrix.rails.map((r) => [r.code, localized(locale, r.nameZh, r.nameEn)]));
    return (code: string) => names.get(code) ?? code;
  }, [matrix.rails, locale]);
  const modeName = t(`mode.${mode}`);

  const figure = (p: MatrixCellProgramDto): string => {
    if (p.unit === 'PERCENT') {
      return p.percent === null ? t('metricNoValue', { target: p.targetValue ?? 0 }) : t('metric', { value: p.percent, target: p.targetValue ?? 0 });
    }
    return t('count', { live: p.live ?? 0, denominator: p.denominator ?? 0, unit: p.unit, percent: p.percent ?? 0 });
  };
  const status = (p: MatrixCellProgramDto): string | null => {
    if (p.completedOn) return t('completeSince', { scope: p.scopeRule, date: p.completedOn });
    if (p.completionDate) return t('projected', { date: p.completionDate });
    return null;
  };

  if (matrix.rails.length === 0) return <Alert type="info" showIcon title={t('noRails')} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Panel size="small">
        <Timeline steps={steps} value={asOf} annotations={annotations} onChange={(d) => setUrl({ asOf: d })} />
      </Panel>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Radio.Group
          aria-label={t('mode.label')}
          optionType="button"
          value={mode}
          onChange={(e) => setUrl({ mode: e.target.value as string })}
          options={INTEROP_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          // Three long labels: on a phone they wrap instead of pushing the page sideways.
          style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
        />
        <Space>
          <CsvDownloadButton filename={t('csvFile', { mode, date: asOf })} {...csvOf(matrix)} />
          <MatrixPngButton
            filename={t('pngFile', { mode, date: asOf })}
            picture={() => ({
              title: t('tableLabel', { date: asOf, mode: modeName }),
              corner: t('corner'),
              columns: matrix.rails.map((r) => railName(r.code)),
              rows: matrix.rows.map((row) => ({
                label: railName(row.payer),
                cells: row.cells.map((c) =>
                  c.isSameRail
                    ? [t('sameRail')]
                    : c.programs.length === 0
                      ? [t('empty')]
                      : c.programs.flatMap((p) => [
                          localized(locale, p.nameZh, p.nameEn).slice(0, 28),
                          p.isStarted ? `${figure(p)}${p.health ? ` · ${tHealth(p.health)}` : ''}` : t('notStarted', { date: p.startDate }),
                          ...(p.isStarted && status(p) ? [status(p)!] : []),
                        ]),
                ),
              })),
            })}
          />
        </Space>
      </Space>
      <div className={styles.frame} tabIndex={0} role="region" aria-label={t('tableLabel', { date: asOf, mode: modeName })}>
        <table className={styles.table} data-testid="matrix-table" data-as-of={asOf} data-mode={mode}>
          <thead>
            <tr>
              <th scope="col">{t('corner')}</th>
              {matrix.rails.map((r) => (
                <th key={r.code} scope="col" data-acceptor={r.code}>
                  {railName(r.code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <Fragment key={row.payer}>
                <tr data-payer={row.payer}>
                  <th scope="row">
                    <div>{railName(row.payer)}</div>
                    {row.institutions.length > 0 && (
                      <Button
                        type="link"
                        size="small"
                        style={{ paddingInline: 0 }}
                        aria-expanded={isExpanded}
                        data-testid="matrix-expand"
                        onClick={() => setUrl({ institutions: isExpanded ? null : '1' })}
                      >
                        {isExpanded ? t('collapse') : t('expand', { count: row.institutions.length })}
                      </Button>
                    )}
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.acceptor} data-testid="matrix-cell" data-payer={row.payer} data-acceptor={cell.acceptor}>
                      {cell.isSameRail ? (
                        <span className={styles.empty}>{t('sameRail')}</span>
                      ) : cell.programs.length === 0 ? (
                        <span className={styles.empty} data-testid="matrix-empty">
                          {t('empty')}
                        </span>
                      ) : (
                        cell.programs.map((p) => (
                          <Link
                            key={p.slug}
                            href={dashboardHref(p.slug, asOf)}
                            prefetch={false}
                            className={styles.program}
                            data-testid="matrix-program"
                            data-program={p.slug}
                            aria-label={t('open', { program: localized(locale, p.nameZh, p.nameEn), date: asOf })}
                          >
                            <span className={styles.programName}>{localized(locale, p.nameZh, p.nameEn)}</span>
                            {p.isIllustrative && (
                              <Tag color="warning" style={{ marginInlineStart: 6 }}>
                                {t('illustrative')}
                              </Tag>
                            )}
                            {p.isStarted ? (
                              <>
                                <span className={`${styles.line} ${styles.figure}`} data-testid="matrix-figure">
                                  {figure(p)}
                                </span>
                                {status(p) && <span className={styles.line}>{status(p)}</span>}
                                <span className={styles.line}>
                                  {p.health && <HealthBadge health={p.health} />}
                                  <Sparkline
                                    values={p.sparkline}
                                    label={t('sparkline', { from: p.sparkline[0] ?? 0, to: p.sparkline.at(-1) ?? 0 })}
                                  />
                                </span>
                              </>
                            ) : (
                              <span className={styles.line}>{t('notStarted', { date: p.startDate })}</span>
                            )}
                          </Link>
                        ))
                      )}
                    </td>
                  ))}
                </tr>
                {isExpanded &&
                  row.institutions.map((inst) => (
                    <tr key={inst.code} className={styles.institutionRow} data-testid="matrix-institution-row" data-institution={inst.code}>
                      <th scope="row">{localized(locale, inst.nameZh, inst.nameEn)}</th>
                      {inst.cells.map((c) => (
                        <td key={c.acceptor}>
                          {c.programs.map((p) => (
                            <div key={p.slug} data-live={p.isLive ? 'true' : 'false'}>
                              {p.isLive && p.liveSince ? t('institutionLive', { date: p.liveSince }) : t('institutionNotLive')}
                            </div>
                          ))}
                        </td>
                      ))}
                    </tr>
                  ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </Space>
  );

  function csvOf(m: MatrixDto): { header: string[]; rows: CsvCell[][] } {
    const header = (['payer', 'acceptor', 'mode', 'program', 'live', 'denominator', 'percent', 'health', 'completedOn', 'asOf'] as const).map((k) =>
      t(`csv.${k}`),
    );
    const rows: CsvCell[][] = [];
    for (const row of m.rows) {
      for (const cell of row.cells) {
        if (cell.isSameRail) continue;
        if (cell.programs.length === 0) rows.push([railName(row.payer), railName(cell.acceptor), modeName, t('empty'), null, null, null, null, null, m.asOf]);
        for (const p of cell.programs) {
          rows.push([
            railName(row.payer),
            railName(cell.acceptor),
            modeName,
            localized(locale, p.nameZh, p.nameEn),
            p.live,
            p.denominator,
            p.percent,
            p.health ? tHealth(p.health) : null,
            p.completedOn,
            m.asOf,
          ]);
        }
      }
    }
    return { header, rows };
  }
}
