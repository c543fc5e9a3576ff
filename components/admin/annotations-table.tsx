'use client';

import { LinkOutlined } from '@ant-design/icons';
import { Checkbox, DatePicker, Form, Input, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { createAnnotationAction, deleteAnnotationAction, updateAnnotationAction } from '@/lib/annotations/actions';
import type { EditableAnnotationDto } from '@/lib/annotations/queries';
import { isHttpUrl } from '@/lib/url';
import {
  ANNOTATION_SOURCE_NOTE_MAX,
  ANNOTATION_TITLE_MAX,
  createAnnotationSchema,
  updateAnnotationSchema,
} from '@/lib/annotations/schema';
import type { LastChangeDto } from '@/lib/audit/queries';
import { MAX_URL_LENGTH } from '@/lib/forms/fields';
import { fromIsoDate, toIsoDate } from './dates';
import { useActionForm } from './use-action-form';
import { DeleteButton, EditButton, RecordTable } from './record-table';
import { SchemaFormModal } from './schema-form-modal';
import { localized } from '@/lib/i18n/localized';

export interface AnnotationRow extends EditableAnnotationDto {
  lastChange: LastChangeDto | null;
}

interface Values {
  date?: Dayjs | null;
  titleZh?: string;
  titleEn?: string;
  sourceNote?: string;
  sourceUrl?: string;
  isIllustrative?: boolean;
}

/** Stored links were checked on write; this guards the anchor anyway (older rows, imports). */

/** A link without a source note is named by its site. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function AnnotationModal({ programSlug, editing, onClose }: { programSlug: string; editing: AnnotationRow | null; onClose: () => void }) {
  const t = useTranslations('annotations');
  const [form] = Form.useForm<Values>();
  const fields = (v: Values) => ({
    date: toIsoDate(v.date),
    titleZh: v.titleZh ?? '',
    titleEn: v.titleEn ?? '',
    sourceNote: v.sourceNote ?? null,
    sourceUrl: v.sourceUrl ?? null,
    isIllustrative: v.isIllustrative ?? false,
  });
  const state = useActionForm({
    form,
    schema: editing ? updateAnnotationSchema : createAnnotationSchema,
    versioned: editing
      ? {
          loaded: {
            version: editing.version,
            values: {
              date: editing.date,
              titleZh: editing.titleZh,
              titleEn: editing.titleEn,
              sourceNote: editing.sourceNote,
              sourceUrl: editing.sourceUrl,
              isIllustrative: editing.isIllustrative,
            },
          },
          toValues: (values) => {
            const out: Partial<Values> = {};
            for (const [key, value] of Object.entries(values)) {
              if (key === 'date') out.date = fromIsoDate(typeof value === 'string' ? value : null);
              else if (key === 'isIllustrative') out.isIllustrative = value === true;
              else if (key === 'titleZh' || key === 'titleEn' || key === 'sourceNote' || key === 'sourceUrl') out[key] = typeof value === 'string' ? value : undefined;
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
      onSave={() => state.submit(editing ? updateAnnotationAction : createAnnotationAction, onClose)}
      state={state}
      label={(f) => (t.has(`fields.${f}` as never) ? t(`fields.${f}` as never) : f)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                date: fromIsoDate(editing.date),
                titleZh: editing.titleZh,
                titleEn: editing.titleEn,
                sourceNote: editing.sourceNote ?? '',
                sourceUrl: editing.sourceUrl ?? '',
                isIllustrative: editing.isIllustrative,
              }
            : { isIllustrative: false }
        }
      >
        <Form.Item name="date" label={t('fields.date')} rules={[state.rule('date')]} required>
          <DatePicker />
        </Form.Item>
        <Form.Item name="titleZh" label={t('fields.titleZh')} rules={[state.rule('titleZh')]} required>
          <Input maxLength={ANNOTATION_TITLE_MAX} showCount />
        </Form.Item>
        <Form.Item name="titleEn" label={t('fields.titleEn')} rules={[state.rule('titleEn')]} required>
          <Input maxLength={ANNOTATION_TITLE_MAX} showCount />
        </Form.Item>
        <Form.Item name="sourceNote" label={t('fields.sourceNote')} rules={[state.rule('sourceNote')]}>
          <Input placeholder={t('fields.sourceNotePlaceholder')} maxLength={ANNOTATION_SOURCE_NOTE_MAX} />
        </Form.Item>
        <Form.Item name="sourceUrl" label={t('fields.sourceUrl')} extra={t('fields.sourceUrlHelp')} rules={[state.rule('sourceUrl')]}>
          <Input placeholder="https://" inputMode="url" maxLength={MAX_URL_LENGTH} />
        </Form.Item>
        <Form.Item name="isIllustrative" valuePropName="checked">
          <Checkbox>{t('fields.isIllustrative')}</Checkbox>
        </Form.Item>
      </Form>
    </SchemaFormModal>
  );
}

export interface AnnotationsTableProps {
  programSlug: string;
  annotations: AnnotationRow[];
  canManage: boolean;
}

export function AnnotationsTable({ programSlug, annotations, canManage }: AnnotationsTableProps) {
  const t = useTranslations('annotations');
  const locale = useLocale();
  const [modal, setModal] = useState<{ editing: AnnotationRow | null } | null>(null);
  const { send, isPending } = useActionForm();
  const title = (a: AnnotationRow) => localized(locale, a.titleZh, a.titleEn);

  const columns: ColumnsType<AnnotationRow> = [
    { title: t('columns.date'), dataIndex: 'date', key: 'date', width: 120 },
    {
      title: t('columns.title'),
      key: 'title',
      render: (_: unknown, a) => (
        <Space size={4} wrap>
          <span>{title(a)}</span>
          {a.isIllustrative && <Tag>{t('illustrative')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('columns.source'),
      key: 'source',
      render: (_: unknown, a) => (
        <Space size={4}>
          <Typography.Text type={a.sourceNote || a.sourceUrl ? undefined : 'secondary'}>
            {a.sourceNote ?? (a.sourceUrl ? hostOf(a.sourceUrl) : t('noSource'))}
          </Typography.Text>
          {isHttpUrl(a.sourceUrl) && (
            <a href={a.sourceUrl} target="_blank" rel="noopener noreferrer" aria-label={t('openSource')} title={a.sourceUrl}>
              <LinkOutlined />
            </a>
          )}
        </Space>
      ),
    },
    {
      title: t('columns.lastChange'),
      key: 'lastChange',
      width: 200,
      render: (_: unknown, a) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {a.lastChange ? t('lastChange', { name: a.lastChange.actorName ?? '—', time: a.lastChange.atShanghai.slice(0, 16) }) : t('neverChanged')}
        </Typography.Text>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('columns.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, a) => (
        <Space size={0}>
          <EditButton label={t('edit')} onClick={() => setModal({ editing: a })} />
          <DeleteButton
            label={t('delete')}
            confirm={t('deleteConfirm', { title: title(a) })}
            disabled={isPending}
            onConfirm={() => send(deleteAnnotationAction, { id: a.id, version: a.version }, { toast: true })}
          />
        </Space>
      ),
    });
  }

  return (
    <RecordTable<AnnotationRow>
      testId="annotations-table"
      addTestId="annotation-add"
      addLabel={t('add')}
      canManage={canManage}
      onAdd={() => setModal({ editing: null })}
      columns={columns}
      rows={annotations}
      emptyText={t('empty')}
      pageSize={20}
      dialog={modal && <AnnotationModal programSlug={programSlug} editing={modal.editing} onClose={() => setModal(null)} />}
    />
  );
}
