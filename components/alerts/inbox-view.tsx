'use client';

import { Button, Card, List, Select, Space, Tag, Typography } from 'antd';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/admin/use-action-form';
import { markAlertsReadAction, setAlertChannelAction } from '@/lib/alerts/actions';
import { confirmStatusAction } from '@/lib/status/actions';
import type { AlertKind, DeliveryChannel } from '@/lib/generated/sqlite/enums';

/** An inbox entry, already worded on the server in the reader's language. */
export interface InboxEntry {
  id: string;
  kind: AlertKind;
  kindName: string;
  text: string;
  href: string;
  effectiveDate: string;
  isUnread: boolean;
  reminder: { programSlug: string; code: string; version: number } | null;
}

export interface InboxViewProps {
  entries: InboxEntry[];
  programs: Array<{ slug: string; name: string }>;
  kinds: Array<{ kind: AlertKind; name: string; channel: DeliveryChannel }>;
  filters: { programSlug: string | null; kind: AlertKind | null };
}

const CHANNELS: DeliveryChannel[] = ['IN_APP', 'MAIL', 'DIGEST', 'OFF'];

export function InboxView({ entries, programs, kinds, filters }: InboxViewProps) {
  const t = useTranslations('alerts');
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const { send, isPending } = useActionForm();

  function setFilter(name: 'program' | 'kind', value: string | undefined) {
    const params = new URLSearchParams(search.toString());
    if (value) params.set(name, value);
    else params.delete(name);
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  const refresh = { onSuccess: () => router.refresh() };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={t('filterProgram')}
          style={{ minWidth: 220 }}
          value={filters.programSlug ?? ''}
          onChange={(v) => setFilter('program', v || undefined)}
          options={[{ value: '', label: t('allPrograms') }, ...programs.map((p) => ({ value: p.slug, label: p.name }))]}
          data-testid="inbox-program-filter"
        />
        <Select
          aria-label={t('filterKind')}
          style={{ minWidth: 180 }}
          value={filters.kind ?? ''}
          onChange={(v) => setFilter('kind', v || undefined)}
          options={[{ value: '', label: t('allKinds') }, ...kinds.map((k) => ({ value: k.kind, label: k.name }))]}
          data-testid="inbox-kind-filter"
        />
        <Button
          disabled={isPending || !entries.some((e) => e.isUnread)}
          onClick={() => void send(markAlertsReadAction, { all: true, ...(filters.programSlug ? { programSlug: filters.programSlug } : {}), ...(filters.kind ? { kind: filters.kind } : {}) }, { ...refresh, toast: true })}
          data-testid="inbox-mark-all"
        >
          {t('markAllRead')}
        </Button>
      </Space>
      <List
        dataSource={entries}
        locale={{ emptyText: <Typography.Text type="secondary">{t('empty')}</Typography.Text> }}
        data-testid="inbox-list"
        renderItem={(entry) => (
          <List.Item
            data-testid="inbox-entry"
            data-unread={entry.isUnread}
            actions={[
              <Link key="open" href={entry.href} data-testid="inbox-open">
                {t('open')}
              </Link>,
              ...(entry.reminder
                ? [
                    <Button
                      key="confirm"
                      size="small"
                      type="primary"
                      disabled={isPending}
                      data-testid="inbox-still-accurate"
                      onClick={async () => {
                        const r = entry.reminder!;
                        if (await send(confirmStatusAction.bind(null, r.programSlug, 'institution', r.code), { version: r.version, confirm: true }, { toast: true })) {
                          await send(markAlertsReadAction, { ids: [entry.id] }, { ...refresh, quiet: true, toast: true });
                        }
                      }}
                    >
                      {t('stillAccurate')}
                    </Button>,
                  ]
                : []),
              ...(entry.isUnread
                ? [
                    <Button key="read" size="small" disabled={isPending} onClick={() => void send(markAlertsReadAction, { ids: [entry.id] }, { ...refresh, quiet: true, toast: true })} data-testid="inbox-mark-read">
                      {t('markRead')}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {entry.isUnread ? <Tag color="blue">{t('unread')}</Tag> : null}
                  <Tag>{entry.kindName}</Tag>
                  <span className="muted">{t('effective', { date: entry.effectiveDate })}</span>
                </Space>
              }
              description={<span style={{ color: 'inherit', fontWeight: entry.isUnread ? 600 : 400 }}>{entry.text}</span>}
            />
          </List.Item>
        )}
      />
      <Card title={t('settings.title')} size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {kinds.map((k) => (
            <Space key={k.kind} wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <span id={`channel-${k.kind}`}>{k.name}</span>
              <Select
                aria-labelledby={`channel-${k.kind}`}
                style={{ minWidth: 160 }}
                defaultValue={k.channel}
                disabled={isPending}
                onChange={(channel) => void send(setAlertChannelAction, { kind: k.kind, channel }, { toast: true })}
                options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
                data-testid={`channel-${k.kind}`}
              />
            </Space>
          ))}
        </Space>
      </Card>
    </Space>
  );
}
