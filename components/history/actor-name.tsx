import { useTranslations } from 'next-intl';
import type { ActorDto } from '@/lib/history/queries';

/** Who made a change: "王磊（项目经理）", or "system / seed data" when no person did. */
export function ActorName({ actor }: { actor: ActorDto | null }) {
  const t = useTranslations('history');
  if (!actor) return <span className="muted">{t('system')}</span>;
  return <span>{actor.role ? t('actorWithRole', { name: actor.name, role: t(`role.${actor.role}`) }) : actor.name}</span>;
}
