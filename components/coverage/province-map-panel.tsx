'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from 'antd';
import type { ProvinceCoverageDto } from '@/lib/coverage/queries';

// The map (ECharts + GeoJSON) loads after the KPIs and the table have painted.
const ProvinceMap = dynamic(() => import('@/components/charts/province-map'), {
  ssr: false,
  loading: () => <Skeleton.Node active style={{ width: '100%', height: 480 }} />,
});

export function ProvinceMapPanel({ provinces }: { provinces: ProvinceCoverageDto[] }) {
  return <ProvinceMap provinces={provinces} />;
}
