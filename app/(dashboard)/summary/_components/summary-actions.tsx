'use client';

import { DownloadOutlined, LeftOutlined, PrinterOutlined, RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button } from 'antd';

interface Props {
  /** The list of every week. */
  archiveHref: string;
  labels: { back: string; previous: string; next: string; print: string; downloadPdf: string; nav: string };
  previousHref: string | null;
  nextHref: string | null;
  /** Null when this server cannot print PDFs (no Chromium): printing stays available. */
  pdfHref: string | null;
}

/** The archive of all weeks, the neighbouring weeks, print (the browser's dialog) and the server's PDF. */
export function SummaryActions({ archiveHref, labels, previousHref, nextHref, pdfHref }: Props) {
  return (
    <nav className="summary-actions" aria-label={labels.nav}>
      <Button href={archiveHref} icon={<UnorderedListOutlined />} data-testid="summary-archive">
        {labels.back}
      </Button>
      {previousHref && (
        <Button href={previousHref} icon={<LeftOutlined />} data-testid="summary-previous">
          {labels.previous}
        </Button>
      )}
      {nextHref && (
        <Button href={nextHref} icon={<RightOutlined />} iconPlacement="end" data-testid="summary-next">
          {labels.next}
        </Button>
      )}
      <span className="summary-spacer" />
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="summary-print">
        {labels.print}
      </Button>
      {pdfHref && (
        <Button type="primary" icon={<DownloadOutlined />} href={pdfHref} download data-testid="summary-pdf">
          {labels.downloadPdf}
        </Button>
      )}
    </nav>
  );
}
