'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

type Translate = ReturnType<typeof useTranslations<never>>;
type Key = Parameters<Translate>[0];
type Values = Parameters<Translate>[1];

/**
 * Translates a message key that arrives at run time (a zod issue, a Server Action's form state),
 * e.g. `statusForm.errors.liveDateInFuture`. An unknown key shows the generic error, never the
 * raw key.
 */
export function useMessageKey(): (key: string | undefined, values?: Record<string, string | number>) => string {
  const t = useTranslations();
  return useCallback(
    (key, values) => {
      const k = (key && t.has(key as Key) ? key : 'errors.generic') as Key;
      return t(k, values as Values);
    },
    [t],
  );
}
