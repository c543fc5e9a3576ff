import { EntityDetailSkeleton } from '@/components/detail/entity-detail';

export default function InstitutionLoading() {
  return <EntityDetailSkeleton />;
}
