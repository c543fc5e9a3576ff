import type { HTMLAttributes, ReactNode } from 'react';
import styles from './panel.module.css';

interface PanelProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'default' | 'small';
  children: ReactNode;
}

/** A titled box in antd's Card style, for the dashboard (see panel.module.css for why not Card). */
export function Panel({ title, extra, size = 'default', children, className, ...rest }: PanelProps) {
  return (
    <section {...rest} className={[styles.panel, size === 'small' ? styles.small : '', className ?? ''].join(' ').trim()}>
      {(title || extra) && (
        <header className={styles.header}>
          <div className={styles.title}>{title}</div>
          {extra}
        </header>
      )}
      <div className={styles.body}>{children}</div>
    </section>
  );
}

/** A figure with its caption, in antd's Statistic style. */
export function Kpi({ title, value, suffix, ...rest }: { title: ReactNode; value: ReactNode; suffix?: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div {...rest}>
      <div className={styles.kpiTitle}>{title}</div>
      <div className={styles.kpiValue}>
        {value}
        {suffix !== undefined && <span className={styles.kpiSuffix}>{suffix}</span>}
      </div>
    </div>
  );
}

/** A thin progress bar; the number beside it is the accessible value. */
export function KpiBar({ percent }: { percent: number }) {
  return (
    <span className={styles.bar} aria-hidden>
      <span className={styles.barFill} style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
    </span>
  );
}
