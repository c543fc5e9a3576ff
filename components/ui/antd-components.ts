/**
 * The Ant Design components whose styles go into the static stylesheet app/antd.css
 * (scripts/antd-css.ts; `npm run styles:build`). A component missing here still works: its styles
 * are generated at runtime and inlined into the page (components/ui/antd-style-registry.tsx), which
 * is what the static sheet exists to avoid. antd-components.test.ts fails when a component imported
 * from antd anywhere in the app is missing.
 */
export const ANTD_COMPONENTS = [
  // Imported by the app (from 'antd' or 'antd/es/<name>').
  'Alert',
  'App',
  'Breadcrumb',
  'Button',
  'Card',
  'Checkbox',
  'Col',
  'DatePicker',
  'Descriptions',
  'Drawer',
  'Empty',
  'Form',
  'Input',
  'InputNumber',
  'List',
  'Modal',
  'Popconfirm',
  'Progress',
  'Radio',
  'Result',
  'Row',
  'Segmented',
  'Select',
  'Skeleton',
  'Space',
  'Statistic',
  'Steps',
  'Table',
  'Tag',
  'Timeline',
  'Tooltip',
  'Typography',
  'Upload',
  // Drawn inside the ones above: a table's pagination, loading spinner and filter menus,
  // a confirmation's popover, and the messages of App.useApp().
  'Dropdown',
  'Pagination',
  'Popover',
  'Spin',
  'message',
  'notification',
] as const;

export type AntdComponentName = (typeof ANTD_COMPONENTS)[number];
