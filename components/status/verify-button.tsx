'use client';

import { Button, Popconfirm } from 'antd';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/admin/use-action-form';
import { verifyStatusAction } from '@/lib/status/actions';
import type { StatusRowDto } from '@/lib/status/dto';

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
  const { send, isPending } = useActionForm();

  const verify = () =>
    send(
      (input: unknown) => verifyStatusAction(row.programSlug, row.entity, row.code, input),
      { version: row.version },
      {
        toast: true,
        onSuccess: (verified) => onChange?.(verified),
        onFailure: (state) => {
          const current = state.conflict?.rows?.[0];
          if (current) onChange?.(current);
        },
      },
    );

  return (
    <Popconfirm title={t('title')} description={t('body', { version: row.version })} onConfirm={verify} okButtonProps={{ loading: isPending }}>
      <Button loading={isPending} data-testid="verify-button">
        {t('button')}
      </Button>
    </Popconfirm>
  );
}
