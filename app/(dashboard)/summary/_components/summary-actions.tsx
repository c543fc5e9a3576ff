'use client';

import styles from '@/components/ui/plain.module.css';

interface Props {
  /** The list of every week. */
  archiveHref: string;
  labels: { back: string; previous: string; next: string; print: string; downloadPdf: string; nav: string };
  previousHref: string | null;
  nextHref: string | null;
  /** Null when this server cannot print PDFs (no Chromium): printing stays available. */
  pdfHref: string | null;
}

/**
 * The archive of all weeks, the neighbouring weeks, print (the browser's dialog) and the server's
 * PDF. Plain links and a button in the theme: the summary page loads no Ant Design.
 */
export function SummaryActions({ archiveHref, labels, previousHref, nextHref, pdfHref }: Props) {
  return (
    <nav className="summary-actions" aria-label={labels.nav}>
      <a className={styles.default} href={archiveHref} data-testid="summary-archive">
        <span aria-hidden>☰</span>
        {labels.back}
      </a>
      {previousHref && (
        <a className={styles.default} href={previousHref} data-testid="summary-previous">
          <span aria-hidden>‹</span>
          {labels.previous}
        </a>
      )}
      {nextHref && (
        <a className={styles.default} href={nextHref} data-testid="summary-next">
          {labels.next}
          <span aria-hidden>›</span>
        </a>
      )}
      <span className="summary-spacer" />
      <button type="button" className={styles.default} onClick={() => window.print()} data-testid="summary-print">
        {labels.print}
      </button>
      {pdfHref && (
        <a className={styles.primary} href={pdfHref} download data-testid="summary-pdf">
          <span aria-hidden>↓</span>
          {labels.downloadPdf}
        </a>
      )}
    </nav>
  );
}
