'use client';

/**
 * antd's compound parts (Typography.Paragraph, Empty.PRESENTED_IMAGE_SIMPLE) cannot be reached from
 * a Server Component: dotting into a client module there yields undefined. Server pages import
 * these named re-exports instead.
 */
import { Empty, Typography } from 'antd';
import type { ComponentProps } from 'react';

export const Paragraph = Typography.Paragraph;
export const Text = Typography.Text;
export const Title = Typography.Title;

export function EmptySimple(props: Omit<ComponentProps<typeof Empty>, 'image'>) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} {...props} />;
}
