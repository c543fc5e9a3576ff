'use client';

import { Alert, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { createApiTokenAction, revokeApiTokenAction } from '@/lib/tokens/actions';
import type { ApiTokenDto } from '@/lib/tokens/queries';
import { MAX_TOKEN_EXPIRY_DAYS } from '@/lib/tokens/schema';
import { FormProblem } from './form-problem';
import { useActionForm } from './use-action-form';
import { TIME_ZONE } from '@/lib/i18n/config';

export interface TokenUserOption {
  id: string;
  email: string;
  role: string;
  institutionCode: string | null;
}

export interface ApiTokensAdminProps {
  tokens: ApiTokenDto[];
  users: TokenUserOption[];
}

interface CreateValues {
  userId?: string;
  name?: string;
  expiresInDays?: number | null;
}

/** Tokens table (last use, revoke) and the create form, which shows a new token exactly once. */
export function ApiTokensAdmin({ tokens, users }: ApiTokensAdminProps) {
  const t = useTranslations('apiTokens');
  const tValidation = useTranslations('validation');
  const format = useFormatter();
  const [form] = Form.useForm<CreateValues>();
  const createForm = useActionForm({ form });
  const rowAction = useActionForm();
  const [created, setCreated] = useState<string | null>(null);
  // Fixed when the page is shown, so server and browser render the same statuses.
  const [shownAt] = useState(() => Date.now());

  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }) : t('table.never'));

  function create(values: CreateValues) {
    setCreated(null);
    void createForm.send(createApiTokenAction, { userId: values.userId ?? '', name: values.name ?? '', expiresInDays: values.expiresInDays ?? null }, {
      quiet: true,
      reset: true,
      onSuccess: ({ token }) => setCreated(token),
    });
  }

  function revoke(tokenId: string) {
    void rowAction.send(revokeApiTokenAction, { tokenId }, { toast: true });
  }

  const columns: TableColumnsType<ApiTokenDto> = [
    { title: t('table.name'), dataIndex: 'name' },
    { title: t('table.prefix'), dataIndex: 'prefix', render: (prefix: string) => <code>{prefix}…</code> },
    {
      title: t('table.user'),
      key: 'user',
      render: (_, token) => `${token.user.email} (${token.user.role}${token.user.institutionCode ? `, ${token.user.institutionCode}` : ''})`,
    },
    { title: t('table.createdAt'), dataIndex: 'createdAt', render: (iso: string) => when(iso) },
    { title: t('table.lastUsedAt'), dataIndex: 'lastUsedAt', render: (iso: string | null) => <span data-testid="token-last-used">{when(iso)}</span> },
    {
      title: t('table.expiresAt'),
      dataIndex: 'expiresAt',
      render: (iso: string | null) => <span data-testid="token-expires">{iso ? when(iso) : t('table.noExpiry')}</span>,
    },
    {
      title: t('table.status'),
      key: 'status',
      render: (_, token) => {
        if (token.revokedAt) return <Tag>{t('status.revoked', { when: when(token.revokedAt) })}</Tag>;
        if (token.expiresAt && Date.parse(token.expiresAt) <= shownAt) return <Tag>{t('status.expired', { when: when(token.expiresAt) })}</Tag>;
        return <Tag color="success">{t('status.active')}</Tag>;
      },
    },
    {
      title: t('table.actions'),
      key: 'actions',
      render: (_, token) =>
        token.revokedAt ? null : (
          <Popconfirm title={t('actions.confirmRevoke', { name: token.name })} onConfirm={() => revoke(token.id)} okButtonProps={{ danger: true }}>
            <Button size="small" danger loading={rowAction.isPending}>
              {t('actions.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={create} data-testid="token-create-form">
        <Form.Item name="userId" label={t('form.user')} rules={[{ required: true, message: tValidation('required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 280 }}
            options={users.map((u) => ({ value: u.id, label: `${u.email} (${u.role}${u.institutionCode ? `, ${u.institutionCode}` : ''})` }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('form.name')} rules={[{ required: true, message: tValidation('required') }]}>
          <Input maxLength={100} placeholder={t('form.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('form.expiresInDays')}>
          <InputNumber min={1} max={MAX_TOKEN_EXPIRY_DAYS} precision={0} placeholder={t('form.expiresInDaysPlaceholder')} suffix={t('form.days')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={createForm.isPending}>
            {t('actions.create')}
          </Button>
        </Form.Item>
      </Form>
      <FormProblem problem={createForm.problem} onClose={createForm.clearProblem} />
      {created ? (
        <Alert
          type="success"
          showIcon
          title={t('created.title')}
          description={
            <Space orientation="vertical">
              <span>{t('created.once')}</span>
              <Typography.Text code copyable data-testid="token-value">
                {created}
              </Typography.Text>
            </Space>
          }
        />
      ) : null}
      <Table<ApiTokenDto> rowKey="id" columns={columns} dataSource={tokens} pagination={false} size="middle" scroll={{ x: true }} data-testid="tokens-table" />
    </Space>
  );
}
