'use client';

import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormProblem } from '@/components/admin/form-problem';
import { useActionForm } from '@/components/admin/use-action-form';
import { parseInput, type FieldIssue } from '@/lib/forms/validation';
import { confirmStatusAction, updateCityStatusAction, updateInstitutionStatusAction } from '@/lib/status/actions';
import type { StatusRowDto } from '@/lib/status/dto';
import {
  EDITABLE_FIELDS,
  ERROR_CODES,
  LIMITS,
  ROLLOUT_STATUSES,
  STATUSES_WITH_LIVE_DATE,
  cityStatusUpdate,
  institutionStatusUpdate,
  resolveStatusUpdate,
  type StatusFields,
} from '@/lib/status/schema';
import { todayInShanghai } from '@/lib/time';
import { ConflictAlert } from './conflict-alert';
import { RowMeta } from './row-meta';
import { StatusTag } from './status-tag';
import { VerifyButton } from './verify-button';

export interface StatusEditFormProps {
  row: StatusRowDto;
  canEdit: boolean;
  canVerify: boolean;
}

/** Form store values: dates as YYYY-MM-DD strings (converted at the DatePicker), texts as typed. */
interface FormValues {
  status: StatusFields['status'];
  plannedDate: string | null;
  liveDate: string | null;
  evidenceUrl: string;
  note: string;
}

const toValues = (row: StatusFields): FormValues => ({
  status: row.status,
  plannedDate: row.plannedDate,
  liveDate: row.liveDate,
  evidenceUrl: row.evidenceUrl ?? '',
  note: row.note ?? '',
});

/** The fields the user changed relative to `base`, normalised as the server will see them. */
function diff(base: StatusFields, values: Partial<FormValues>): Partial<StatusFields> {
  const normalised: StatusFields = {
    status: values.status ?? base.status,
    plannedDate: values.plannedDate || null,
    liveDate: values.liveDate || null,
    evidenceUrl: values.evidenceUrl?.trim() || null,
    note: values.note?.trim() || null,
  };
  const changes: Partial<StatusFields> = {};
  for (const f of EDITABLE_FIELDS) {
    if (normalised[f] !== base[f]) Object.assign(changes, { [f]: normalised[f] });
  }
  return changes;
}

const dateProps = {
  getValueProps: (value: string | null) => ({ value: value ? dayjs(value, 'YYYY-MM-DD') : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

/**
 * Edits one city's or institution's status with the version the page loaded. Validates with the
 * same zod schema as the server, shows who changed the row last, and on a conflict shows the other
 * person's values with a way to reapply these edits on top of them.
 */
export function StatusEditForm({ row, canEdit, canVerify }: StatusEditFormProps) {
  const t = useTranslations('statusForm');
  const tStatus = useTranslations('status');
  const tConflict = useTranslations('conflict');
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { send, showClientIssues, problem, clearProblem, conflict, clearConflict, isPending: pending } = useActionForm({ form });
  const [base, setBase] = useState<StatusRowDto>(row);
  // The user's edits of the save in flight, to show next to the other person's on a conflict.
  const [mine, setMine] = useState<Partial<StatusFields>>({});
  const [dirty, setDirty] = useState(false);
  const status = Form.useWatch('status', form) ?? base.status;
  const schema = base.entity === 'city' ? cityStatusUpdate : institutionStatusUpdate;
  const current = conflict?.current.rows?.[0];

  function load(next: StatusRowDto, edits: Partial<StatusFields> = {}) {
    setBase(next);
    form.setFields(EDITABLE_FIELDS.map((name) => ({ name, errors: [] })));
    form.setFieldsValue(toValues({ ...next, ...edits }));
    setDirty(Object.keys(edits).length > 0);
    clearProblem();
  }

  function submit(values: FormValues) {
    const edits = diff(base, values);
    if (Object.keys(edits).length === 0) {
      showClientIssues([{ path: '', code: ERROR_CODES.noChanges }]);
      return;
    }
    const input = { version: base.version, ...edits };
    const parsed = parseInput(schema, input);
    const clientIssues: FieldIssue[] = parsed.success
      ? Object.entries(resolveStatusUpdate(base, parsed.data).errors).flatMap(([path, code]) => (code ? [{ path, code }] : []))
      : parsed.issues;
    if (clientIssues.length > 0) {
      showClientIssues(clientIssues);
      return;
    }
    setMine(edits);
    const action = base.entity === 'city' ? updateCityStatusAction : updateInstitutionStatusAction;
    void send((payload: unknown) => action(base.programSlug, base.code, payload), input, { onSuccess: (saved) => load(saved) });
  }

  function confirmUnchanged() {
    setMine({});
    void send((payload: unknown) => confirmStatusAction(base.programSlug, base.entity, base.code, payload), { version: base.version, confirm: true }, {
      onSuccess: (confirmed) => load(confirmed),
    });
  }

  const today = todayInShanghai();

  if (!canEdit) {
    return (
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <RowMeta row={base} />
          <Alert type="info" showIcon title={t('readOnly')} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('fields.status')}>
              <StatusTag status={base.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.plannedDate')}>{base.plannedDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.liveDate')}>{base.liveDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.evidenceUrl')}>{base.evidenceUrl ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.note')}>{base.note ?? '—'}</Descriptions.Item>
          </Descriptions>
          {canVerify && !base.verified && <VerifyButton row={base} onChange={(r) => load(r)} />}
        </Space>
      </Card>
    );
  }

  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <RowMeta row={base} />
          {canVerify && !base.verified && <VerifyButton row={base} onChange={(r) => load(r)} />}
        </Space>
        {!canVerify && <Alert type="info" showIcon title={t('hints.partnerReview')} />}
        {current && (
          <ConflictAlert
            base={base}
            current={current}
            mine={mine}
            onReapply={() => {
              load(current, mine);
              clearConflict();
              message.info(tConflict('reapplied'));
            }}
            onDiscard={() => {
              load(current);
              clearConflict();
            }}
          />
        )}
        <FormProblem problem={problem} onClose={clearProblem} />
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={toValues(base)}
          onFinish={submit}
          disabled={pending}
          style={{ maxWidth: 640 }}
          onValuesChange={(changed: Partial<FormValues>, all) => {
            if (changed.status) {
              // Make the live-date rule visible instead of applying it silently on the server.
              if (changed.status === 'LIVE' && !all.liveDate) form.setFieldValue('liveDate', today);
              if (!STATUSES_WITH_LIVE_DATE.has(changed.status)) form.setFieldValue('liveDate', null);
            }
            setDirty(Object.keys(diff(base, form.getFieldsValue())).length > 0);
          }}
        >
          <Form.Item name="status" label={t('fields.status')}>
            <Select
              data-testid="status-select"
              options={ROLLOUT_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
              style={{ maxWidth: 240 }}
            />
          </Form.Item>
          <Form.Item name="plannedDate" label={t('fields.plannedDate')} {...dateProps}>
            <DatePicker placeholder={t('placeholders.date')} format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item
            name="liveDate"
            label={t('fields.liveDate')}
            extra={t('hints.liveDate')}
            {...dateProps}
           
          >
            <DatePicker
              placeholder={t('placeholders.date')}
              format="YYYY-MM-DD"
              disabled={!STATUSES_WITH_LIVE_DATE.has(status)}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            />
          </Form.Item>
          <Form.Item name="evidenceUrl" label={t('fields.evidenceUrl')} extra={t('hints.evidenceUrl')}>
            <Input type="url" inputMode="url" placeholder={t('placeholders.evidenceUrl')} maxLength={LIMITS.urlMax} />
          </Form.Item>
          <Form.Item name="note" label={t('fields.note')}>
            <Input.TextArea rows={4} showCount maxLength={LIMITS.noteMax} placeholder={t('placeholders.note')} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={pending} data-testid="save-status">
              {pending ? t('saving') : t('save')}
            </Button>
            <Button onClick={() => load(base)} disabled={!dirty || pending}>
              {t('reset')}
            </Button>
            <Button onClick={confirmUnchanged} disabled={dirty || pending} title={t('confirmHint')} data-testid="confirm-status">
              {t('confirm')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('confirmHint')}
          </Typography.Paragraph>
        </Form>
      </Space>
    </Card>
  );
}
