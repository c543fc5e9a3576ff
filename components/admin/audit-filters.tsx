'use client';

import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { AUDIT_OUTCOMES, auditSearchParams, type AuditFilters, type AuditOutcome } from '@/lib/audit/schema';
import { fromIsoDate, toIsoDate } from './dates';

interface Values {
  dates?: [Dayjs | null, Dayjs | null] | null;
  actorEmail?: string;
  action?: string;
  outcome?: AuditOutcome;
  entityType?: string;
}

export interface AuditFiltersFormProps {
  filters: AuditFilters;
  actions: string[];
  entityTypes: string[];
}

/** The filters live in the URL (shareable, back-button friendly); applying one starts again at the newest entry. */
export function AuditFiltersForm({ filters, actions, entityTypes }: AuditFiltersFormProps) {
  const t = useTranslations('audit');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [form] = Form.useForm<Values>();

  const apply = (v: Values) => {
    const params = auditSearchParams({
      from: toIsoDate(v.dates?.[0]),
      to: toIsoDate(v.dates?.[1]),
      actorEmail: v.actorEmail?.trim() || undefined,
      action: v.action,
      outcome: v.outcome,
      entityType: v.entityType,
    });
    const query = params.toString();
    startTransition(() => router.push(query ? `/admin/audit?${query}` : '/admin/audit'));
  };

  return (
    <Form<Values>
      form={form}
      layout="inline"
      aria-label={t('filters.label')}
      onFinish={apply}
      initialValues={{
        dates: filters.from || filters.to ? [fromIsoDate(filters.from), fromIsoDate(filters.to)] : null,
        actorEmail: filters.actorEmail,
        action: filters.action,
        outcome: filters.outcome,
        entityType: filters.entityType,
      }}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="dates" label={t('filters.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="actorEmail" label={t('filters.actor')}>
        <Input placeholder={t('filters.actorPlaceholder')} allowClear type="email" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="action" label={t('filters.action')}>
        <Select
          allowClear
          showSearch
          placeholder={t('filters.any')}
          style={{ width: 200 }}
          options={actions.map((a) => ({ value: a, label: a }))}
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('filters.outcome')}>
        <Select
          allowClear
          placeholder={t('filters.any')}
          style={{ width: 120 }}
          options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name="entityType" label={t('filters.entityType')}>
        <Select
          allowClear
          placeholder={t('filters.any')}
          style={{ width: 160 }}
          options={entityTypes.map((e) => ({ value: e, label: e }))}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={isPending}>
            {t('filters.apply')}
          </Button>
          <Button
            onClick={() => {
              form.setFieldsValue({ dates: null, actorEmail: undefined, action: undefined, outcome: undefined, entityType: undefined });
              startTransition(() => router.push('/admin/audit'));
            }}
          >
            {t('filters.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
