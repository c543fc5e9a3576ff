import type { ReactNode } from 'react';
import Alert from 'antd/es/alert';
import Card from 'antd/es/card';
import Descriptions from 'antd/es/descriptions';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import type { DescriptionsProps } from 'antd';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { ProgramStatusDto } from '@/lib/history/program-status';
import { ActorName } from '@/components/history/actor-name';
import { ExternalLink } from './external-link';
import { StatusTag } from './status-tag';
import { localized } from '@/lib/i18n/localized';

/** One city's or institution's status in one program: dates, evidence, freshness, verification. */
export function ProgramStatusCard({ item, actions }: { item: ProgramStatusDto; /** Links for viewers allowed to edit (none otherwise). */ actions?: ReactNode }) {
  const t = useTranslations('history.card');
  const format = useFormatter();
  const locale = useLocale();
  const none = <span className="muted">{t('none')}</span>;
  const { program } = item;

  const items: DescriptionsProps['items'] = [
    { key: 'plannedDate', label: t('plannedDate'), children: item.plannedDate ?? none },
    { key: 'liveDate', label: t('liveDate'), children: item.liveDate ?? none },
    {
      key: 'evidence',
      label: t('evidence'),
      children: item.evidenceUrl ? <ExternalLink href={item.evidenceUrl} /> : none,
    },
    { key: 'note', label: t('note'), children: item.note ? <span style={{ whiteSpace: 'pre-wrap' }}>{item.note}</span> : none },
    {
      key: 'lastConfirmed',
      label: t('lastConfirmed'),
      children: (
        <Space size={8} wrap>
          <span>{item.lastConfirmedAt ? format.dateTime(new Date(item.lastConfirmedAt), 'dateTime') : t('neverConfirmed')}</span>
          {item.isStale && (
            <Tag
              color="warning"
              data-testid="stale-tag"
              title={
                item.daysSinceConfirmed === null
                  ? t('staleNever')
                  : t('stale', { days: item.daysSinceConfirmed, limit: program.staleAfterDays })
              }
            >
              {item.daysSinceConfirmed === null ? t('neverConfirmed') : t('staleTag', { days: item.daysSinceConfirmed })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      key: 'verification',
      label: t('verification'),
      // null: withheld from this viewer (another institution's row), shown as "—" like the note.
      children:
        item.verified === null ? none : item.verified ? <Tag color="success">{t('verifiedYes')}</Tag> : <Tag color="warning">{t('unverified')}</Tag>,
    },
    {
      key: 'lastChange',
      label: t('lastChange'),
      children: item.lastChange ? (
        <span>
          {format.dateTime(new Date(item.lastChange.at), 'dateTime')} · <ActorName actor={item.lastChange.actor} hidden={item.detailsHidden} />
        </span>
      ) : (
        t('noChange')
      ),
    },
  ];

  return (
    <Card
      data-testid={`program-card-${program.slug}`}
      title={
        <Space size={8} wrap>
          <span style={{ whiteSpace: 'normal' }}>{localized(locale, program.nameZh, program.nameEn)}</span>
          {program.isIllustrative && <Tag>{t('illustrativeProgram')}</Tag>}
        </Space>
      }
      extra={<StatusTag status={item.status} />}
      style={{ height: '100%' }}
    >
      {item.verified === false && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('unverified')}
          description={t('unverifiedHint')}
          data-testid="unverified-alert"
        />
      )}
      <Descriptions column={1} size="small" items={items} />
      {actions ? <div style={{ marginTop: 12 }}>{actions}</div> : null}
    </Card>
  );
}
