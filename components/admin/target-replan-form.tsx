'use client';

import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';
import { replanTargetAction } from '@/lib/programs/actions';
import { LIMITS, replanTargetSchema } from '@/lib/programs/schema';
import { FormProblem } from './form-problem';
import { toIsoDate } from './dates';
import { useActionForm, type ServerRow } from './use-action-form';
import { VersionConflict } from './version-conflict';

interface Values {
  newTargetDate?: Dayjs | null;
  reason?: string;
}

/**
 * Moves the target date in force, with a reason. It sends the program's version and the target the
 * page showed: if someone changed the program meanwhile the server refuses (CONFLICT) instead of
 * overwriting their change, and the user can re-plan on top of it.
 */
export function TargetReplanForm({ slug, loaded }: { slug: string; /** The program as loaded; `values.targetDate` is the target in force. */ loaded: ServerRow }) {
  const t = useTranslations('adminPrograms.target');
  const tFields = useTranslations('adminPrograms.fields');
  const [form] = Form.useForm<Values>();
  const { rule, submit, problem, clearProblem, isPending, conflict, reapply, discard } = useActionForm({
    form,
    schema: replanTargetSchema,
    // The new target and the reason are this user's alone: the other person's change never overwrites them.
    versioned: { loaded, toValues: () => ({}) },
    toPayload: (v: Values, server) => ({
      slug,
      version: server.version,
      expectedTargetDate: server.values.targetDate,
      newTargetDate: toIsoDate(v.newTargetDate),
      reason: v.reason ?? '',
    }),
  });

  return (
    <Form<Values> form={form} layout="vertical" data-testid="target-replan-form">
      <FormProblem problem={conflict ? null : problem} onClose={clearProblem} />
      <VersionConflict
        conflict={conflict}
        label={(f) => (tFields.has(f as never) ? tFields(f as never) : f)}
        onReapply={reapply}
        onDiscard={discard}
        pending={isPending}
      />
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
