'use client';

import FileExcelOutlined from '@ant-design/icons-svg/es/asn/FileExcelOutlined';
import { useTranslations } from 'next-intl';
import { toCsv, type CsvCell } from '@/lib/csv/format';
import { Icon } from '@/components/ui/icon';
import { Button } from '@/components/ui/plain';

/** Downloads exactly the rows the table shows, as CSV for spreadsheets (BOM, formula-escaped). */
export function CsvDownloadButton({
  filename,
  header,
  rows,
}: {
  filename: string;
  header: string[];
  rows: CsvCell[][];
}) {
  const t = useTranslations('dashboard.download');
  return (
    <Button
      size="small"
      icon={<Icon icon={FileExcelOutlined} />}
      data-testid="csv-download"
      onClick={() => {
        const blob = new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = filename;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }}
    >
      {t('csv')}
    </Button>
  );
}
