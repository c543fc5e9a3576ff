'use client';

import { App, Button, Popconfirm } from 'antd';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { verifyStatusAction } from '@/lib/status/actions';
import type { StatusRowDto } from '@/lib/status/dto';
import { useMessageKey } from './use-message-key';

export interface VerifyButtonProps {
  row: StatusRowDto;
  /** Called with the verified row, or with the newer row when someone changed it meanwhile. */
  onChange?: (row: StatusRowDto) => void;
}

/**
 * A manager's "verify" for a partner's unverified report. Rendered only for viewers who may
 * verify; the Server Action checks again.
 */
export function VerifyButton({ row, onChange }: VerifyButtonProps) {
  const t = useTranslations('verify');
  const tk = useMessageKey();
  const { message } = App.useApp();
  const [pending, startTransition] = useTransition();

  const verify = () =>
    startTransition(async () => {
      const state = await verifyStatusAction(row.programSlug, row.entity, row.code, { version: row.version });
      if (state.ok) {
        message.success(t('done', { version: state.result.version }));
        onChange?.(state.result);
        return;
      }
      message.error(state.errorId ? `${tk(state.formError)} ${tk('errors.errorId', { id: state.errorId })}` : tk(state.formError));
      if (state.conflict) onChange?.(state.conflict.current);
    });

  return (
    <Popconfirm title={t('title')} description={t('body', { version: row.version })} onConfirm={verify} okButtonProps={{ loading: pending }}>
      <Button loading={pending} data-testid="verify-button">
        {t('button')}
      </Button>
    </Popconfirm>
  );
}
