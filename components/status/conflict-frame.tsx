'use client';

import type { CSSProperties, ReactNode } from 'react';
import { Alert, Button, Space, Table } from 'antd';
import { useTranslations } from 'next-intl';

export interface ConflictFrameProps<F extends string> {
  /** `data-testid` of the alert; its reapply button gets `${testId}-reapply`. */
  testId: string;
  /** Who saved meanwhile (null: unknown), when (already formatted) and the version they made. */
  changedBy: string | null;
  time: string;
  version: number;
  /** The fields to compare, one table row each. */
  fields: readonly F[];
  label: (field: F) => ReactNode;
  theirs: (field: F) => ReactNode;
  yours: (field: F) => ReactNode;
  onReapply: () => void;
  onDiscard: () => void;
  pending?: boolean;
  style?: CSSProperties;
}

/**
 * The alert of a save that lost the race (status rows: ConflictAlert; programs, annotations:
 * VersionConflict): who saved meanwhile, their values next to this user's, reapply or discard.
 */
export function ConflictFrame<F extends string>({
  testId,
  changedBy,
  time,
  version,
  fields,
  label,
  theirs,
  yours,
  onReapply,
  onDiscard,
  pending,
  style,
}: ConflictFrameProps<F>) {
  const t = useTranslations('conflict');
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid={testId}
      style={style}
      title={t('title')}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>{changedBy !== null ? t('byWhom', { name: changedBy, time, version }) : t('byUnknown', { time, version })}</span>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={fields.map((field) => ({ field }))}
            columns={[
              { title: t('field'), dataIndex: 'field', render: (field: F) => label(field) },
              { title: t('theirs'), key: 'theirs', render: (_, { field }) => theirs(field) },
              { title: t('yours'), key: 'yours', render: (_, { field }) => yours(field) },
            ]}
          />
          <Space wrap>
            <Button type="primary" onClick={onReapply} loading={pending} data-testid={`${testId}-reapply`}>
              {t('reapply')}
            </Button>
            <Button onClick={onDiscard} disabled={pending}>
              {t('discard')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
