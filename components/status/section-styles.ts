import type { CSSProperties } from 'react';

/** Headings of the detail pages' sections (programs, history). */
export const SECTION_TITLE: CSSProperties = { fontSize: 16, fontWeight: 600, margin: '0 0 12px' };

/** The other-language name beside a page title (Chinese title, pinyin name). */
export const SECONDARY_NAME: CSSProperties = {
  marginInlineStart: 12,
  fontSize: 16,
  fontWeight: 400,
  color: 'var(--ant-color-text-tertiary)',
};
