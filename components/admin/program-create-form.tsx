'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createProgramAction } from '@/lib/programs/actions';
import { LIMITS, SCOPE_RULES, createProgramSchema } from '@/lib/programs/schema';
import type { InstitutionOptionDto } from '@/lib/programs/admin-queries';
import type { InteropMode, ScopeRule } from '@/lib/generated/sqlite/enums';
import type { RailDto } from '@/lib/programs/directions';
import { ProgramDirectionFields } from './program-direction-fields';
import { FormProblem } from './form-problem';
import { toIsoDate } from './dates';
import { useActionForm } from './use-action-form';
import { localized } from '@/lib/i18n/localized';

interface Values {
  slug?: string;
  nameZh?: string;
  nameEn?: string;
  directionZh?: string;
  directionEn?: string;
  scopeRule?: ScopeRule;
  institutionCodes?: string[];
  startDate?: Dayjs | null;
  targetDate?: Dayjs | null;
  targetValue?: number | null;
  staleAfterDays?: number | null;
  isIllustrative?: boolean;
  source?: string;
  mode?: InteropMode | null;
  payers?: string[];
  acceptors?: string[];
}

/** Only the fields the chosen scope uses are sent: the schema refuses institutions or a percent elsewhere. */
function toPayload(v: Values) {
  return {
    slug: v.slug ?? '',
    nameZh: v.nameZh ?? '',
    nameEn: v.nameEn ?? '',
    directionZh: v.directionZh ?? '',
    directionEn: v.directionEn ?? '',
    scopeRule: v.scopeRule,
    startDate: toIsoDate(v.startDate),
    targetDate: toIsoDate(v.targetDate),
    staleAfterDays: v.staleAfterDays ?? null,
    isIllustrative: v.isIllustrative ?? false,
    source: v.source ?? null,
    ...(v.scopeRule === 'ENROLLED_INSTITUTIONS' ? { institutionCodes: v.institutionCodes ?? [] } : {}),
    ...(v.scopeRule === 'METRIC' ? { targetValue: v.targetValue ?? null } : {}),
    mode: v.mode ?? null,
    payers: v.payers ?? [],
    acceptors: v.acceptors ?? [],
  };
}

export function ProgramCreateButton({ institutions, rails }: { institutions: InstitutionOptionDto[]; rails: RailDto[] }) {
  const t = useTranslations('adminPrograms');
  const tCommon = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const scopeRule = Form.useWatch('scopeRule', form);
  const { rule, submit, problem, clearProblem, isPending } = useActionForm({
    form,
    schema: createProgramSchema,
    toPayload,
  });

  const close = () => {
    setOpen(false);
    clearProblem();
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="program-create">
        {t('create')}
      </Button>
      <Drawer
        title={t('create')}
        open={open}
        onClose={close}
        size="large"
        destroyOnHidden
        extra={
          <Space>
            <Button onClick={close}>{tCommon('cancel')}</Button>
            <Button
              type="primary"
              loading={isPending}
              data-testid="program-create-submit"
              onClick={() =>
                submit(createProgramAction, () => {
                  const slug = form.getFieldValue('slug') as string;
                  close();
                  form.resetFields();
                  router.push(`/admin/programs/${encodeURIComponent(slug.trim())}`);
                })
              }
            >
              {t('createSubmit')}
            </Button>
          </Space>
        }
      >
        <FormProblem problem={problem} onClose={clearProblem} />
        <Form<Values> form={form} layout="vertical" initialValues={{ staleAfterDays: 30, isIllustrative: false, scopeRule: 'ALL_PREFECTURE_CITIES' }}>
          <Form.Item name="slug" label={t('fields.slug')} extra={t('fields.slugHelp')} rules={[rule('slug')]} required>
            <Input autoComplete="off" spellCheck={false} maxLength={64} />
          </Form.Item>
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
          <Form.Item
            name="scopeRule"
            label={t('fields.scopeRule')}
            extra={
              <>
                {scopeRule && <div>{t(`scopeHelp.${scopeRule}`)}</div>}
                <div>{t('fields.scopeRuleHelp')}</div>
              </>
            }
            rules={[rule('scopeRule')]}
            required
          >
            <Radio.Group
              optionType="button"
              options={SCOPE_RULES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
            />
          </Form.Item>
          {scopeRule === 'ENROLLED_INSTITUTIONS' && (
            <Form.Item name="institutionCodes" label={t('fields.institutionCodes')} rules={[rule('institutionCodes')]} dependencies={['scopeRule']} required>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('fields.institutionPlaceholder')}
                optionFilterProp="label"
                options={institutions.map((i) => ({ value: i.code, label: `${localized(locale, i.nameZh, i.nameEn)} (${i.code})` }))}
              />
            </Form.Item>
          )}
          <ProgramDirectionFields rails={rails} rule={rule} />
          <Space wrap size="large" align="start">
            <Form.Item name="startDate" label={t('fields.startDate')} rules={[rule('startDate')]} required>
              <DatePicker />
            </Form.Item>
            <Form.Item name="targetDate" label={t('fields.targetDate')} extra={t('fields.targetDateHelp')} rules={[rule('targetDate')]} dependencies={['startDate']} required>
              <DatePicker />
            </Form.Item>
          </Space>
          {scopeRule === 'METRIC' && (
            <Form.Item name="targetValue" label={t('fields.targetValue')} extra={t('fields.targetValueHelp')} rules={[rule('targetValue')]} dependencies={['scopeRule']} required>
              <InputNumber min={0} max={LIMITS.targetValue.max} step={1} suffix="%" />
            </Form.Item>
          )}
          <Form.Item name="staleAfterDays" label={t('fields.staleAfterDays')} extra={t('fields.staleAfterDaysHelp')} rules={[rule('staleAfterDays')]} required>
            <InputNumber min={LIMITS.staleAfterDays.min} max={LIMITS.staleAfterDays.max} precision={0} />
          </Form.Item>
          <Form.Item name="source" label={t('fields.source')} rules={[rule('source')]}>
            <Input placeholder={t('fields.sourcePlaceholder')} maxLength={LIMITS.source} />
          </Form.Item>
          <Form.Item name="isIllustrative" valuePropName="checked">
            <Checkbox>{t('fields.isIllustrative')}</Checkbox>
          </Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
