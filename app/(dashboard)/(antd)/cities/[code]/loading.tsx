import { EntityDetailSkeleton } from '@/components/detail/entity-detail-skeleton';

export default function CityLoading() {
  return <EntityDetailSkeleton />;
}
