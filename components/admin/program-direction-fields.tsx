'use client';

import { Form, Select } from 'antd';
import type { FormRule } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import { localized } from '@/lib/i18n/localized';
import type { RailDto } from '@/lib/programs/directions';
import { INTEROP_MODES } from '@/lib/programs/interop-modes';

/**
 * The direction of a program in its create and edit forms: the mode and the rails on each side.
 * All three or none (the schema says which is missing); they place the program in the matrix.
 */
export function ProgramDirectionFields({ rails, rule }: { rails: readonly RailDto[]; rule: (field: 'mode' | 'payers' | 'acceptors') => FormRule }) {
  const t = useTranslations('adminPrograms');
  const tMatrix = useTranslations('matrix');
  const locale = useLocale();
  const railOptions = rails.map((r) => ({ value: r.code, label: localized(locale, r.nameZh, r.nameEn) }));
  return (
    <>
      <Form.Item name="mode" label={t('fields.mode')} extra={t('fields.modeHelp')} rules={[rule('mode')]} dependencies={['payers', 'acceptors']}>
        <Select allowClear data-testid="program-mode" options={INTEROP_MODES.map((m) => ({ value: m, label: tMatrix(`mode.${m}`) }))} />
      </Form.Item>
      <Form.Item name="payers" label={t('fields.payers')} extra={t('fields.payersHelp')} rules={[rule('payers')]} dependencies={['mode']}>
        <Select mode="multiple" allowClear data-testid="program-payers" optionFilterProp="label" options={railOptions} />
      </Form.Item>
      <Form.Item name="acceptors" label={t('fields.acceptors')} extra={t('fields.acceptorsHelp')} rules={[rule('acceptors')]} dependencies={['mode']}>
        <Select mode="multiple" allowClear data-testid="program-acceptors" optionFilterProp="label" options={railOptions} />
      </Form.Item>
    </>
  );
}
