/** Timeline annotations, and the dated public events more than one program shows. */
import { SRC_MIIT, SRC_PBOC } from '../sources';
import type { AnnotationSeed } from './model';

/** An annotation is sourced exactly when it has a source note. */
export function annotation(date: string, titleZh: string, titleEn: string, sourceNote: string | null): AnnotationSeed {
  return { date, titleZh, titleEn, sourceNote, isIllustrative: sourceNote === null };
}

export const PBOC_PLAN = annotation(
  '2019-08-22',
  '央行发布《金融科技发展规划（2019-2021年）》，提出条码互联互通',
  'PBOC FinTech Development Plan (2019-2021) calls for barcode interoperability',
  `${SRC_PBOC}; day from the PBOC release`,
);

export const MIIT_UNBLOCKING = annotation(
  '2021-09-09',
  '工信部要求平台解除屏蔽',
  'MIIT asks platforms to stop blocking each other',
  `${SRC_MIIT}; day of the MIIT meeting`,
);
