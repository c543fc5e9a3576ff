import type { InteropMode } from '../generated/sqlite/enums';

/** The modes in the order pickers and documents list them. Browser-safe. */
export const INTEROP_MODES = ['CONSUMER_SCANS', 'MERCHANT_SCANS', 'ONLINE_CHECKOUT'] as const satisfies readonly InteropMode[];

export function isInteropMode(value: string): value is InteropMode {
  return (INTEROP_MODES as readonly string[]).includes(value);
}
