/**
 * What the seeded demo data set must show, written down apart from the code that builds it: the
 * tests compare the database with these numbers. The sourced ones can be checked against
 * docs/sources.md; the others follow from the illustrative data and change only when the demo
 * data set is changed on purpose.
 */
export const EXPECTED = {
  /** Cities LIVE in `alipay-unionpay-offline` on 2021-10-02: Ningbo, the 7 named, 41 illustrative. */
  alipayUnionpayLiveOn20211002: 49,
  /** All prefecture-level cities plus the 4 municipalities (all LIVE in that program on 2021-12-02). */
  allCities: 337,
  /** Institutions scanning Alipay collection codes on 2021-10-02 (sourced). */
  bankAppsLiveOn20211002: 23,
  /** ... and on 2021-12-02 (sourced). */
  bankAppsLiveOn20211202: 28,
  /** Provincial capitals, municipalities included: all LIVE for WeChat Pay on 2021-09-30 (sourced). */
  provincialCapitals: 31,
  /** Share of Taobao merchants accepting QuickPass on 2021-10-02, in percent (sourced). */
  alipayOnlineOn20211002: 85,
  /** Last day with any change in the illustrative `quickpass-payment-code-reverse`. */
  reverseLastChange: '2026-11-20',
  /** Rows the demo data set writes besides the reference data. */
  rows: {
    programs: 5,
    cityStatuses: 705,
    institutionStatuses: 28,
    statusChanges: 1951,
    milestones: 20,
    annotations: 18,
    metricPoints: 34,
    targetChanges: 1,
  },
} as const;

/**
 * Cities the Alipay statement of 2021-10-02 names as live (Beijing, Tianjin, Guangzhou, Shenzhen,
 * Chengdu, Chongqing, Xi'an).
 */
export const NAMED_CITIES_20211002 = ['1100', '1200', '4401', '4403', '5101', '5000', '6101'] as const;
