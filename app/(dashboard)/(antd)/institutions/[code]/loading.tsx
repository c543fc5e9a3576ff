import { EntityDetailSkeleton } from '@/components/detail/entity-detail-skeleton';

export default function InstitutionLoading() {
  return <EntityDetailSkeleton />;
}
