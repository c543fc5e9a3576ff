'use client';

import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';
import { buildMatrixSvg, type PictureInput } from '@/lib/matrix/picture';

/** How much sharper than the screen the picture is drawn, like the charts' PNG downloads. */
const PIXEL_RATIO = 2;

/** Saves the matrix as a PNG: its SVG picture (lib/matrix/picture.ts) drawn on a canvas. */
export function MatrixPngButton({ filename, picture }: { filename: string; picture: () => PictureInput }) {
  const t = useTranslations('dashboard.download');
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      data-testid="png-download"
      onClick={async () => {
        const { svg, width, height } = buildMatrixSvg(picture());
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = width * PIXEL_RATIO;
        canvas.height = height * PIXEL_RATIO;
        const context = canvas.getContext('2d');
        if (!context) return;
        context.scale(PIXEL_RATIO, PIXEL_RATIO);
        context.drawImage(image, 0, 0);
        const a = document.createElement('a');
        a.href = canvas.toDataURL('image/png');
        a.download = filename;
        a.click();
      }}
    >
      {t('png')}
    </Button>
  );
}
