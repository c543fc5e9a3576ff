/**
 * The demo data set: five programs with their status rows, full history, milestones, annotations
 * and metric points, plus one demo user per role. One module per program builds it; `writer.ts`
 * stores it; `expected.ts` holds what the tests expect of it.
 *
 * Sourced facts (docs/sources.md) carry a `sourceNote` and `isIllustrative: false`; everything
 * invented (most exact dates, which cities went live when, the whole fifth program) is marked
 * `isIllustrative: true`. The data is deterministic: a seeded PRNG and fixed calendar dates; `now`
 * only places `lastConfirmedAt` of the in-flight program.
 */
import * as alipayBankApps from './alipay-bank-apps';
import * as alipayOnlineQuickpass from './alipay-online-quickpass';
import * as alipayUnionpayOffline from './alipay-unionpay-offline';
import type { DemoData } from './model';
import * as quickpassPaymentCodeReverse from './quickpass-payment-code-reverse';
import { DEMO_USERS } from './users';
import * as wechatUnionpayOffline from './wechat-unionpay-offline';

export type { DemoData } from './model';
export { hashDemoPasswords } from './users';
export { NO_DEMO_COUNTS, seedDemo, type DemoCounts } from './writer';
// Tests and the benchmark read these through the data set's entry point.
export { EXPECTED, NAMED_CITIES_20211002 } from './expected';
export { mulberry32 } from './random';

export const PROGRAM_SLUGS = {
  alipayUnionpay: alipayUnionpayOffline.SLUG,
  bankApps: alipayBankApps.SLUG,
  wechatUnionpay: wechatUnionpayOffline.SLUG,
  alipayOnline: alipayOnlineQuickpass.SLUG,
  reverse: quickpassPaymentCodeReverse.SLUG,
} as const;

/** Pure and deterministic for a given `now`. */
export function buildDemoData(options: { now?: Date } = {}): DemoData {
  const now = options.now ?? new Date();
  return {
    programs: [
      alipayUnionpayOffline.buildAlipayUnionpayOffline(),
      alipayBankApps.buildAlipayBankApps(),
      wechatUnionpayOffline.buildWechatUnionpayOffline(),
      alipayOnlineQuickpass.buildAlipayOnlineQuickpass(),
      quickpassPaymentCodeReverse.buildQuickpassPaymentCodeReverse(now),
    ],
    users: DEMO_USERS,
  };
}
