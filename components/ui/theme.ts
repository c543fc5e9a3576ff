import type { ThemeConfig } from 'antd';

/** A calm blue that keeps 4.5:1 contrast on white for links and primary buttons. */
export const PRIMARY_COLOR = '#1f5fae';

/**
 * Secondary text (captions, table and description labels, breadcrumbs, hints). antd's default
 * (45 % black, 3.4:1 on white) fails WCAG AA for normal text; 60 % black is 5.7:1 on white and
 * 5.3:1 on the page background. globals.css reads it back as --ant-color-text-tertiary.
 */
const TERTIARY_TEXT = 'rgba(0, 0, 0, 0.6)';

export const theme: ThemeConfig = {
  // A fixed key instead of one from React's useId, so the class name that carries the CSS variables
  // is the same in the static sheet (app/antd.css, scripts/antd-css.ts) and at runtime.
  cssVar: { key: 'css-var-hutong' },
  token: {
    colorPrimary: PRIMARY_COLOR,
    colorInfo: PRIMARY_COLOR,
    colorLink: PRIMARY_COLOR,
    // antd's derived hover shade (#3f7bba) puts white button text at 4.4:1; this one keeps 5.4:1.
    colorPrimaryHover: '#2a6bb8',
    colorTextTertiary: TERTIARY_TEXT,
    colorTextDescription: TERTIARY_TEXT,
    // Status colours are also text (form errors, success/warning tags): antd's defaults are 2-3:1
    // on white. These darker shades keep 4.5:1 on white and on their own light backgrounds.
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    // The light backgrounds antd derives from these darker seeds are greyish; keep antd's own.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorTextPlaceholder: TERTIARY_TEXT,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerPadding: '0 24px',
      bodyBg: '#f5f7fa',
    },
  },
};
