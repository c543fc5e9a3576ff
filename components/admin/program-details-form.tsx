'use client';

import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslations } from 'next-intl';
import { updateProgramAction } from '@/lib/programs/actions';
import { LIMITS, updateProgramSchema } from '@/lib/programs/schema';
import type { ProgramUnit } from '@/lib/generated/sqlite/enums';
import { FormProblem } from './form-problem';
import { useSchemaForm } from './use-schema-form';

export interface ProgramDetailsValues {
  nameZh: string;
  nameEn: string;
  directionZh: string;
  directionEn: string;
  staleAfterDays: number | null;
  targetValue: number | null;
}

export interface ProgramDetailsFormProps {
  slug: string;
  unit: ProgramUnit;
  initial: ProgramDetailsValues;
}

/** The editable details of a program (admins only; the page shows them read-only to others). */
export function ProgramDetailsForm({ slug, unit, initial }: ProgramDetailsFormProps) {
  const t = useTranslations('adminPrograms');
  const [form] = Form.useForm<ProgramDetailsValues>();
  const isPercent = unit === 'PERCENT';
  const { rule, submit, problem, clearProblem, isPending } = useSchemaForm({
    form,
    schema: updateProgramSchema,
    namespace: 'adminPrograms',
    toPayload: (v: ProgramDetailsValues) => ({
      slug,
      nameZh: v.nameZh ?? '',
      nameEn: v.nameEn ?? '',
      directionZh: v.directionZh ?? '',
      directionEn: v.directionEn ?? '',
      staleAfterDays: v.staleAfterDays ?? null,
      targetValue: isPercent ? (v.targetValue ?? null) : null,
    }),
  });

  return (
    <Form<ProgramDetailsValues> form={form} layout="vertical" initialValues={initial} data-testid="program-details-form">
      <FormProblem problem={problem} onClose={clearProblem} />
      <Form.Item name="nameZh" label={t('fields.nameZh')} rules={[rule('nameZh')]} required>
        <Input maxLength={LIMITS.name} showCount />
      </Form.Item>
      <Form.Item name="nameEn" label={t('fields.nameEn')} rules={[rule('nameEn')]} required>
        <Input maxLength={LIMITS.name} showCount />
      </Form.Item>
      <Form.Item name="directionZh" label={t('fields.directionZh')} extra={t('fields.directionHelp')} rules={[rule('directionZh')]} required>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={LIMITS.direction} />
      </Form.Item>
      <Form.Item name="directionEn" label={t('fields.directionEn')} rules={[rule('directionEn')]} required>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={LIMITS.direction} />
      </Form.Item>
      <Form.Item name="staleAfterDays" label={t('fields.staleAfterDays')} extra={t('fields.staleAfterDaysHelp')} rules={[rule('staleAfterDays')]} required>
        <InputNumber min={LIMITS.staleAfterDays.min} max={LIMITS.staleAfterDays.max} precision={0} />
      </Form.Item>
      {isPercent && (
        <Form.Item name="targetValue" label={t('fields.targetValue')} extra={t('fields.targetValueHelp')} rules={[rule('targetValue')]} required>
          <InputNumber min={0} max={LIMITS.targetValue.max} suffix="%" />
        </Form.Item>
      )}
      <Button type="primary" loading={isPending} onClick={() => submit(updateProgramAction)}>
        {t('details.save')}
      </Button>
    </Form>
  );
}
