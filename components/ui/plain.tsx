import CheckCircleFilled from '@ant-design/icons-svg/es/asn/CheckCircleFilled';
import CloseCircleFilled from '@ant-design/icons-svg/es/asn/CloseCircleFilled';
import ExclamationCircleFilled from '@ant-design/icons-svg/es/asn/ExclamationCircleFilled';
import InfoCircleFilled from '@ant-design/icons-svg/es/asn/InfoCircleFilled';
import type { ButtonHTMLAttributes, CSSProperties, HTMLAttributes, MouseEvent, ReactNode } from 'react';
import { Icon } from './icon';
import styles from './plain.module.css';

/*
 * The few controls the plain pages share, drawn in Ant Design's look without Ant Design
 * (docs/decisions/045-plain-public-pages.md). They are Server-Component safe: no state, no effects.
 */

const cx = (...names: Array<string | false | null | undefined>) => names.filter(Boolean).join(' ');

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'default';
  size?: 'small' | 'middle';
  /** Round and icon-only: give it an aria-label. */
  shape?: 'circle';
  icon?: ReactNode;
  /** Shows a spinner and ignores clicks until the work is done (the button keeps its focus). */
  loading?: boolean;
}

/** antd's Button: primary or default, middle or small, optionally round with an icon only. */
export function Button({ variant = 'default', size = 'middle', shape, icon, loading = false, className, children, onClick, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      aria-busy={loading || undefined}
      className={cx(styles[variant], size === 'small' && styles.small, shape === 'circle' && styles.circle, className)}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (loading) event.preventDefault();
        else onClick?.(event);
      }}
    >
      {loading ? <span className={styles.spinner} aria-hidden /> : icon}
      {children}
    </button>
  );
}

const NOTICE_ICONS = {
  info: InfoCircleFilled,
  success: CheckCircleFilled,
  warning: ExclamationCircleFilled,
  error: CloseCircleFilled,
} as const;

export interface NoticeProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  type: keyof typeof NOTICE_ICONS;
  title: ReactNode;
  description?: ReactNode;
}

/** antd's Alert with its icon: a coloured box with a title and an optional description. */
export function Notice({ type, title, description, className, ...rest }: NoticeProps) {
  return (
    <div role="alert" {...rest} className={cx(styles.notice, styles[type], className)}>
      <div className={styles.noticeRow}>
        <Icon icon={NOTICE_ICONS[type]} className={styles.noticeIcon} />
        <div>
          <p className={styles.noticeTitle}>{title}</p>
          {description && <p>{description}</p>}
        </div>
      </div>
    </div>
  );
}

export type TagColor = 'default' | 'success' | 'warning' | 'error' | 'processing' | 'blue';

/** antd's Tag in one of its preset colours. */
export function Tag({ color = 'default', icon, className, children, ...rest }: HTMLAttributes<HTMLSpanElement> & { color?: TagColor; icon?: ReactNode }) {
  return (
    <span {...rest} className={cx(styles.tag, color !== 'default' && styles[`tag-${color}`], className)}>
      {icon}
      <span>{children}</span>
    </span>
  );
}

/** A grey box the size of what is loading (antd's Skeleton.Node); shimmers when `active`. */
export function Skeleton({ height, active = false, style }: { height: number; active?: boolean; style?: CSSProperties }) {
  return <span className={cx(styles.skeleton, active && styles.skeletonActive)} style={{ height, ...style }} aria-hidden />;
}

/** antd's vertical Space: its children one under another, 24 px apart (16 for `middle`, 4 for `small`). */
export function Stack({ gap = 'large', className, ...rest }: HTMLAttributes<HTMLDivElement> & { gap?: 'small' | 'middle' | 'large' }) {
  return <div {...rest} className={cx(styles.stack, gap === 'middle' && styles.stackMiddle, gap === 'small' && styles.stackSmall, className)} />;
}
