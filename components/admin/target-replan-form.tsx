'use client';

import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';
import { replanTargetAction } from '@/lib/programs/actions';
import { LIMITS, replanTargetSchema } from '@/lib/programs/schema';
import { FormProblem } from './form-problem';
import { toIsoDate } from './dates';
import { useSchemaForm } from './use-schema-form';

interface Values {
  newTargetDate?: Dayjs | null;
  reason?: string;
}

/**
 * Moves the target date in force, with a reason. It sends the target the page showed: if someone
 * re-planned meanwhile the server refuses (CONFLICT) instead of overwriting their change.
 */
export function TargetReplanForm({ slug, currentTargetDate }: { slug: string; currentTargetDate: string }) {
  const t = useTranslations('adminPrograms.target');
  const [form] = Form.useForm<Values>();
  const { rule, submit, problem, clearProblem, isPending } = useSchemaForm({
    form,
    schema: replanTargetSchema,
    namespace: 'adminPrograms',
    toPayload: (v: Values) => ({
      slug,
      expectedTargetDate: currentTargetDate,
      newTargetDate: toIsoDate(v.newTargetDate),
      reason: v.reason ?? '',
    }),
  });

  return (
    <Form<Values> form={form} layout="vertical" data-testid="target-replan-form">
      <FormProblem problem={problem} onClose={clearProblem} />
      <Form.Item name="newTargetDate" label={t('newTarget')} rules={[rule('newTargetDate')]} required>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} extra={t('reasonHelp')} rules={[rule('reason')]} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={LIMITS.reason.max} showCount placeholder={t('reasonPlaceholder')} />
      </Form.Item>
      <Button type="primary" loading={isPending} onClick={() => submit(replanTargetAction, () => form.resetFields())}>
        {t('submit')}
      </Button>
    </Form>
  );
}
