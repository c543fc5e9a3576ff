'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import styles from './static-province-map.module.css';

interface Props {
  /** The map drawn on the server (lib/charts/ssr.ts); each in-scope region carries `data-code`. */
  svg: string;
  /** The map's text equivalent (not needed as a placeholder: the chart above it has its own). */
  description?: string;
  onProvinceClick?: (code: string) => void;
  height?: number;
  /**
   * Shown under the browser's chart while it loads (components/charts/chart-frame.tsx): hidden from
   * assistive tech and tests, but a click still drills down.
   */
  placeholder?: boolean;
}

/**
 * The national map as the server drew it, shown until the browser's chart (ECharts) is wanted:
 * the same colours and legend, and a click on a province drills down. Tooltips and the PNG
 * download come with the browser's chart, which loads as soon as the pointer or focus reaches the
 * map's panel (components/coverage/coverage-view.tsx).
 */
export function StaticProvinceMap({ svg, description, onProvinceClick, height = 480, placeholder = false }: Props) {
  const t = useTranslations('dashboard.map');
  const descriptionId = useId();
  const map = (
    <div
      {...(placeholder
        ? { 'aria-hidden': true }
        : {
            role: 'img',
            'aria-label': t('aria'),
            'aria-describedby': description ? descriptionId : undefined,
            'data-testid': 'province-map',
            'data-state': 'static',
          })}
      className={styles.map}
      style={{ width: '100%', height }}
      onClick={(e) => {
        const region = (e.target as Element).closest?.('[data-code]');
        const code = region?.getAttribute('data-code');
        if (code) onProvinceClick?.(code);
      }}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
  if (placeholder || !description) return map;
  return (
    <>
      {map}
      <p id={descriptionId} className="visually-hidden" data-testid="province-map-text">
        {description}
      </p>
    </>
  );
}
