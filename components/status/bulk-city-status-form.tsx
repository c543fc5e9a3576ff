'use client';

import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormProblem } from '@/components/admin/form-problem';
import { useActionForm } from '@/components/admin/use-action-form';
import { parseInput } from '@/lib/forms/validation';
import { bulkUpdateCityStatusesAction } from '@/lib/status/actions';
import type { StatusRowDto } from '@/lib/status/dto';
import { LIMITS, ROLLOUT_STATUSES, STATUSES_WITH_LIVE_DATE, bulkCityStatusUpdate, type StatusFields } from '@/lib/status/schema';
import { todayInShanghai } from '@/lib/time';
import { StatusTag } from './status-tag';
import { localized } from '@/lib/i18n/localized';

export interface BulkCityStatusFormProps {
  programSlug: string;
  provinceCode: string;
  rows: StatusRowDto[];
}

/** Empty = keep each city's value. */
interface BulkValues {
  status?: StatusFields['status'];
  plannedDate?: string | null;
  liveDate?: string | null;
  note?: string;
}

const dateProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value, 'YYYY-MM-DD') : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

/**
 * Sets the same fields on the ticked cities of one province in one transaction. Each city is sent
 * with the version shown in the table; if any changed meanwhile, nothing is saved and the changed
 * cities are shown, with a way to take their new versions and submit again.
 */
export function BulkCityStatusForm({ programSlug, provinceCode, rows: initialRows }: BulkCityStatusFormProps) {
  const t = useTranslations('statusForm');
  const tConflict = useTranslations('conflict');
  const tStatus = useTranslations('status');
  const locale = useLocale();
  const format = useFormatter();
  const { message } = App.useApp();
  const [form] = Form.useForm<BulkValues>();
  const { send, showClientIssues, problem, clearProblem, conflict, clearConflict, isPending: pending } = useActionForm({ form });
  const [rows, setRows] = useState(initialRows);
  const [selected, setSelected] = useState<string[]>([]);
  const status = Form.useWatch('status', form);
  const today = todayInShanghai();

  const replaceRows = (updated: StatusRowDto[]) => {
    const byCode = new Map(updated.map((r) => [r.code, r]));
    setRows((current) => current.map((r) => byCode.get(r.code) ?? r));
  };

  function submit(values: BulkValues) {
    const versions = new Map(rows.map((r) => [r.code, r.version]));
    const input = {
      cities: selected.map((code) => ({ code, version: versions.get(code) ?? 0 })),
      ...(values.status ? { status: values.status } : {}),
      ...(values.plannedDate ? { plannedDate: values.plannedDate } : {}),
      ...(values.liveDate ? { liveDate: values.liveDate } : {}),
      ...(values.note?.trim() ? { note: values.note } : {}),
    };
    const parsed = parseInput(bulkCityStatusUpdate, input);
    if (!parsed.success) {
      showClientIssues(parsed.issues);
      return;
    }
    void send((payload: unknown) => bulkUpdateCityStatusesAction(programSlug, provinceCode, payload), input, {
      onSuccess: (result) => replaceRows(result.updated),
    });
  }

  const time = (iso: string) => format.dateTime(new Date(iso), 'dateTime');
  const columns: TableColumnsType<StatusRowDto> = [
    {
      title: t('bulk.city'),
      key: 'name',
      render: (_, r) => (
        <Link href={`/programs/${encodeURIComponent(programSlug)}/cities/${encodeURIComponent(r.code)}/edit`}>
          {localized(locale, r.name, r.nameEn)}
        </Link>
      ),
    },
    { title: t('bulk.code'), dataIndex: 'code' },
    { title: t('bulk.status'), dataIndex: 'status', render: (s: StatusFields['status']) => <StatusTag status={s} /> },
    { title: t('bulk.liveDate'), dataIndex: 'liveDate', render: (d: string | null) => d ?? '—' },
    { title: t('bulk.version'), dataIndex: 'version' },
    {
      title: t('bulk.updated'),
      key: 'updated',
      render: (_, r) => (
        <Typography.Text type="secondary">
          {/* A seeded row's updatedAt is the seeding time, not a change anyone made. */}
          {r.updatedBy ? `${r.updatedBy.name} · ${time(r.updatedAt)}` : t('bulk.initialData')}
          {!r.verified && (
            <Tag color="warning" style={{ marginInlineStart: 8 }}>
              {t('unverified')}
            </Tag>
          )}
        </Typography.Text>
      ),
    },
  ];

  const conflictRows = conflict?.current.rows ?? [];

  if (rows.length === 0) return <Alert type="info" showIcon title={t('bulk.empty')} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('bulk.intro')}</Typography.Paragraph>
      {conflictRows.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="conflict-alert"
          title={tConflict('bulkTitle', { count: conflictRows.length })}
          description={
            <Space orientation="vertical" style={{ width: '100%' }}>
              <span>{tConflict('bulkHint')}</span>
              <ul style={{ margin: 0 }}>
                {conflictRows.map((r) => (
                  <li key={r.code}>
                    {localized(locale, r.name, r.nameEn)}: {tStatus(r.status)}
                    {r.note ? ` · ${r.note}` : ''} ·{' '}
                    {r.updatedBy
                      ? tConflict('byWhom', { name: r.updatedBy.name, time: time(r.updatedAt), version: r.version })
                      : tConflict('byUnknown', { time: time(r.updatedAt), version: r.version })}
                  </li>
                ))}
              </ul>
              <Button
                type="primary"
                data-testid="conflict-reapply"
                onClick={() => {
                  replaceRows(conflictRows);
                  clearConflict();
                  message.info(tConflict('reapplied'));
                }}
              >
                {tConflict('bulkReapply')}
              </Button>
            </Space>
          }
        />
      )}
      <FormProblem problem={problem} onClose={clearProblem} />
      <Card>
        <Form<BulkValues> form={form} layout="inline" onFinish={submit} disabled={pending} style={{ rowGap: 12 }}>
          <Form.Item name="status" label={t('fields.status')}>
            <Select
              allowClear
              placeholder={t('placeholders.keep')}
              style={{ width: 160 }}
              options={ROLLOUT_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
              data-testid="bulk-status"
            />
          </Form.Item>
          <Form.Item name="plannedDate" label={t('fields.plannedDate')} {...dateProps}>
            <DatePicker placeholder={t('placeholders.keep')} format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="liveDate" label={t('fields.liveDate')} {...dateProps}>
            <DatePicker
              placeholder={t('placeholders.keep')}
              format="YYYY-MM-DD"
              disabled={status !== undefined && !STATUSES_WITH_LIVE_DATE.has(status)}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            />
          </Form.Item>
          <Form.Item name="note" label={t('fields.note')}>
            <Input placeholder={t('placeholders.keep')} maxLength={LIMITS.noteMax} style={{ width: 280 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={pending} disabled={selected.length === 0} data-testid="bulk-apply">
              {t('bulk.apply')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Typography.Text>{t('bulk.selected', { count: selected.length })}</Typography.Text>
      <Table<StatusRowDto>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
      />
    </Space>
  );
}
