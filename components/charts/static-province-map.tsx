'use client';

import { useTranslations } from 'next-intl';
import styles from './static-province-map.module.css';

interface Props {
  /** The map drawn on the server (lib/charts/ssr.ts); each in-scope region carries `data-code`. */
  svg: string;
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
export function StaticProvinceMap({ svg, onProvinceClick, height = 480, placeholder = false }: Props) {
  const t = useTranslations('dashboard.map');
  return (
    <div
      {...(placeholder
        ? { 'aria-hidden': true }
        : { role: 'img', 'aria-label': t('aria'), 'data-testid': 'province-map', 'data-state': 'static' })}
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
}
