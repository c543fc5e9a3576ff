'use client';

import { createContext, useContext } from 'react';

/** Short-lived messages (toasts) after an action: success, or a refusal with nowhere else to show. */
export interface Notify {
  success(text: string): void;
  error(text: string): void;
}

/**
 * Where toasts go: Ant Design's message API on the pages that draw antd (components/ui/providers.tsx).
 * The plain pages have none, so an action there shows its answer beside the control instead
 * (components/admin/use-action-form.ts).
 */
export const NotifyContext = createContext<Notify | null>(null);

export function useNotify(): Notify | null {
  return useContext(NotifyContext);
}
