'use client';

import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslations } from 'next-intl';
import { updateProgramAction } from '@/lib/programs/actions';
import { LIMITS, updateProgramSchema } from '@/lib/programs/schema';
import type { InteropMode, ProgramUnit } from '@/lib/generated/sqlite/enums';
import type { RailDto } from '@/lib/programs/directions';
import { ProgramDirectionFields } from './program-direction-fields';
import { FormProblem } from './form-problem';
import { useActionForm, type ServerRow } from './use-action-form';
import { VersionConflict } from './version-conflict';

export interface ProgramDetailsValues {
  nameZh: string;
  nameEn: string;
  directionZh: string;
  directionEn: string;
  staleAfterDays: number | null;
  targetValue: number | null;
  mode: InteropMode | null;
  payers: string[];
  acceptors: string[];
}

export interface ProgramDetailsFormProps {
  slug: string;
  unit: ProgramUnit;
  initial: ProgramDetailsValues;
  /** The program as loaded (version and values), for the optimistic version check. */
  loaded: ServerRow;
  rails: RailDto[];
}

const FIELDS = ['nameZh', 'nameEn', 'directionZh', 'directionEn', 'staleAfterDays', 'targetValue', 'mode', 'payers', 'acceptors'] as const;
/** The sides travel in a conflict as comma-separated codes (conflict values are scalars). */
const SIDES: ReadonlySet<string> = new Set(['payers', 'acceptors']);

/** The editable details of a program (admins only; the page shows them read-only to others). */
export function ProgramDetailsForm({ slug, unit, initial, loaded, rails }: ProgramDetailsFormProps) {
  const t = useTranslations('adminPrograms');
  const [form] = Form.useForm<ProgramDetailsValues>();
  const isPercent = unit === 'PERCENT';
  const { rule, submit, problem, clearProblem, isPending, conflict, reapply, discard } = useActionForm({
    form,
    schema: updateProgramSchema,
    versioned: {
      loaded,
      toValues: (values) =>
        Object.fromEntries(
          FIELDS.filter((f) => f in values).map((f) => {
            const value = values[f];
            return [f, SIDES.has(f) && typeof value === 'string' ? value.split(',').filter(Boolean) : value];
          }),
        ) as Partial<ProgramDetailsValues>,
    },
    toPayload: (v: ProgramDetailsValues, server) => ({
      slug,
      version: server.version,
      nameZh: v.nameZh ?? '',
      nameEn: v.nameEn ?? '',
      directionZh: v.directionZh ?? '',
      directionEn: v.directionEn ?? '',
      staleAfterDays: v.staleAfterDays ?? null,
      targetValue: isPercent ? (v.targetValue ?? null) : null,
      mode: v.mode ?? null,
      payers: v.payers ?? [],
      acceptors: v.acceptors ?? [],
    }),
  });

  return (
    <Form<ProgramDetailsValues> form={form} layout="vertical" initialValues={initial} data-testid="program-details-form">
      <FormProblem problem={conflict ? null : problem} onClose={clearProblem} />
      <VersionConflict conflict={conflict} label={(f) => t(`fields.${f as (typeof FIELDS)[number]}`)} onReapply={reapply} onDiscard={discard} pending={isPending} />
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
      <ProgramDirectionFields rails={rails} rule={rule} />
      <Button type="primary" loading={isPending} onClick={() => submit(updateProgramAction)}>
        {t('details.save')}
      </Button>
    </Form>
  );
}
