'use client';

import { CheckOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { LastChangeDto } from '@/lib/audit/queries';
import { createMilestoneAction, deleteMilestoneAction, markMilestoneDoneAction, updateMilestoneAction } from '@/lib/milestones/actions';
import type { EditableMilestoneDto } from '@/lib/milestones/queries';
import { MILESTONE_TITLE_MAX, createMilestoneSchema, updateMilestoneSchema } from '@/lib/milestones/schema';
import { DeleteButton, EditButton, RecordTable } from './record-table';
import { SchemaFormModal } from './schema-form-modal';
import { fromIsoDate, toIsoDate } from './dates';
import { useActionForm } from './use-action-form';
import { localized } from '@/lib/i18n/localized';

export interface MilestoneRow extends EditableMilestoneDto {
  lastChange: LastChangeDto | null;
  /** The same `updatedAt` as Shanghai wall-clock time, for rows never changed through the app. */
  updatedAtShanghai: string;
}

interface Values {
  titleZh?: string;
  titleEn?: string;
  dueDate?: Dayjs | null;
  doneDate?: Dayjs | null;
}

function MilestoneModal({
  programSlug,
  editing,
  onClose,
}: {
  programSlug: string;
  /** The milestone being edited, or null to add one. */
  editing: MilestoneRow | null;
  onClose: () => void;
}) {
  const t = useTranslations('milestones');
  const [form] = Form.useForm<Values>();
  const fields = (v: Values) => ({
    titleZh: v.titleZh ?? '',
    titleEn: v.titleEn ?? '',
    dueDate: toIsoDate(v.dueDate),
    doneDate: toIsoDate(v.doneDate) ?? null,
  });
  const state = useActionForm({
    form,
    schema: editing ? updateMilestoneSchema : createMilestoneSchema,
    versioned: editing
      ? {
          loaded: {
            version: editing.version,
            values: { titleZh: editing.titleZh, titleEn: editing.titleEn, dueDate: editing.dueDate, doneDate: editing.doneDate },
          },
          toValues: (values) => {
            const out: Partial<Values> = {};
            for (const [key, value] of Object.entries(values)) {
              if (key === 'dueDate' || key === 'doneDate') out[key] = fromIsoDate(typeof value === 'string' ? value : null);
              else if (key === 'titleZh' || key === 'titleEn') out[key] = typeof value === 'string' ? value : undefined;
            }
            return out;
          },
        }
      : undefined,
    toPayload: (v: Values, server) => (editing ? { id: editing.id, version: server.version, ...fields(v) } : { programSlug, ...fields(v) }),
  });

  return (
    <SchemaFormModal
      title={editing ? t('editTitle') : t('addTitle')}
      onClose={onClose}
      onSave={() => state.submit(editing ? updateMilestoneAction : createMilestoneAction, onClose)}
      state={state}
      label={(f) => (t.has(`fields.${f}` as never) ? t(`fields.${f}` as never) : f)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? { titleZh: editing.titleZh, titleEn: editing.titleEn, dueDate: fromIsoDate(editing.dueDate), doneDate: fromIsoDate(editing.doneDate) }
            : {}
        }
      >
        <Form.Item name="titleZh" label={t('fields.titleZh')} rules={[state.rule('titleZh')]} required>
          <Input maxLength={MILESTONE_TITLE_MAX} showCount />
        </Form.Item>
        <Form.Item name="titleEn" label={t('fields.titleEn')} rules={[state.rule('titleEn')]} required>
          <Input maxLength={MILESTONE_TITLE_MAX} showCount />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="dueDate" label={t('fields.dueDate')} rules={[state.rule('dueDate')]} required>
            <DatePicker />
          </Form.Item>
          <Form.Item name="doneDate" label={t('fields.doneDate')} extra={t('fields.doneDateHelp')} rules={[state.rule('doneDate')]}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </SchemaFormModal>
  );
}

export interface MilestonesTableProps {
  programSlug: string;
  milestones: MilestoneRow[];
  /** Today in Shanghai (YYYY-MM-DD), from the server, so "overdue" does not depend on the browser's zone. */
  today: string;
  canManage: boolean;
}

export function MilestonesTable({ programSlug, milestones, today, canManage }: MilestonesTableProps) {
  const t = useTranslations('milestones');
  const locale = useLocale();
  const [modal, setModal] = useState<{ editing: MilestoneRow | null } | null>(null);
  const { send, isPending } = useActionForm();
  const title = (m: MilestoneRow) => localized(locale, m.titleZh, m.titleEn);

  const columns: ColumnsType<MilestoneRow> = [
    {
      title: t('columns.title'),
      key: 'title',
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          <span>{title(m)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {localized(locale, m.titleEn, m.titleZh)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('columns.dueDate'), dataIndex: 'dueDate', key: 'dueDate', width: 120 },
    {
      title: t('columns.status'),
      key: 'status',
      width: 170,
      render: (_: unknown, m) =>
        m.doneDate ? (
          <Tag color="success">{t('status.done', { date: m.doneDate })}</Tag>
        ) : m.dueDate < today ? (
          <Tag color="error">{t('status.overdue')}</Tag>
        ) : (
          <Tag color="processing">{t('status.open')}</Tag>
        ),
    },
    {
      title: t('columns.lastChange'),
      key: 'lastChange',
      width: 200,
      render: (_: unknown, m) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.lastChange
            ? t('lastChange', { name: m.lastChange.actorName ?? '—', time: m.lastChange.atShanghai.slice(0, 16) })
            : t('updatedAt', { time: m.updatedAtShanghai.slice(0, 16) })}
        </Typography.Text>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('columns.actions'),
      key: 'actions',
      width: 260,
      render: (_: unknown, m) => (
        <Space size={0} wrap>
          <EditButton label={t('edit')} onClick={() => setModal({ editing: m })} />
          {!m.doneDate && (
            <Popconfirm
              title={t('markDoneConfirm', { title: title(m), date: today })}
              onConfirm={() => send(markMilestoneDoneAction, { id: m.id, version: m.version }, { toast: true })}
            >
              <Button type="link" size="small" icon={<CheckOutlined />} disabled={isPending}>
                {t('markDone')}
              </Button>
            </Popconfirm>
          )}
          <DeleteButton
            label={t('delete')}
            confirm={t('deleteConfirm', { title: title(m) })}
            disabled={isPending}
            onConfirm={() => send(deleteMilestoneAction, { id: m.id, version: m.version }, { toast: true })}
          />
        </Space>
      ),
    });
  }

  return (
    <RecordTable<MilestoneRow>
      testId="milestones-table"
      addTestId="milestone-add"
      addLabel={t('add')}
      canManage={canManage}
      onAdd={() => setModal({ editing: null })}
      columns={columns}
      rows={milestones}
      emptyText={t('empty')}
      dialog={modal && <MilestoneModal programSlug={programSlug} editing={modal.editing} onClose={() => setModal(null)} />}
    />
  );
}
