'use client';

import { App } from 'antd';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import type { FormState } from '@/lib/forms/form-state';

/**
 * One-click row actions (mark done, delete) that call a Server Action without a form: the answer
 * shows as a toast, with the error id when the server logged an unexpected error.
 */
export function useRowAction() {
  const { message } = App.useApp();
  const tErrors = useTranslations('errors');
  const [isPending, startTransition] = useTransition();

  function run(action: (payload: unknown) => Promise<FormState>, payload: unknown): Promise<boolean> {
    return new Promise((resolve) => {
      startTransition(async () => {
        const state = await action(payload);
        if (state.ok) {
          message.success(state.message);
        } else {
          const extra = Object.values(state.fieldErrors);
          const id = state.errorId ? ` ${tErrors('errorId', { id: state.errorId })}` : '';
          message.error(`${[state.message, ...extra].join(' ')}${id}`);
        }
        resolve(state.ok);
      });
    });
  }

  return { run, isPending };
}
