import { EntityDetailSkeleton } from '@/components/detail/entity-detail';

export default function CityLoading() {
  return <EntityDetailSkeleton />;
}
