import { useTranslations } from 'next-intl';
import type { ActorDto } from '@/lib/history/queries';

/**
 * Who made a change: "王磊（项目经理）", "system / seed data" when no person did, or a neutral "—"
 * when who did is withheld from this viewer (another institution's row).
 */
export function ActorName({ actor, hidden = false }: { actor: ActorDto | null; hidden?: boolean }) {
  const t = useTranslations('history');
  if (hidden) return <span className="muted">{t('withheld')}</span>;
  if (!actor) return <span className="muted">{t('system')}</span>;
  return <span>{actor.role ? t('actorWithRole', { name: actor.name, role: t(`role.${actor.role}`) }) : actor.name}</span>;
}
