import styles from './plain.module.css';

interface Props {
  title: string;
  message: string;
  /** Where the one button leads back to. */
  backHref: string;
  backLabel: string;
  testId?: string;
}

/**
 * The body of every not-found page: what is missing and one way back. Plain markup in antd's
 * Result look, so the root not-found page (signed out too) needs no Ant Design.
 */
export function NotFoundResult({ title, message, backHref, backLabel, testId }: Props) {
  return (
    <div className={styles.result} data-testid={testId}>
      <span className={styles.resultIcon} data-status="404" aria-hidden>
        404
      </span>
      <h1 className={styles.resultTitle}>{title}</h1>
      <p className={styles.resultSub}>{message}</p>
      <a className={styles.primary} href={backHref}>
        {backLabel}
      </a>
    </div>
  );
}
