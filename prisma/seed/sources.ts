/**
 * The public facts the seed relies on, each with the source note stored beside it. docs/sources.md
 * lists them with their dates and says which of the seeded figures are illustrative; a fact added
 * here belongs there too.
 *
 * No URLs are stored: none is known to be exact, so the notes name the publication instead.
 */

export const SOURCE_ALIPAY_20211002 = 'Alipay statement, 2021-10-02 (reported by Sina Finance and CCTV.com)';
export const SOURCE_ALIPAY_20211202 =
  'Alipay statement, 2021-12-02 (Beijing News via Hexun; Caixin 2021-12-03; Yicai Global)';

export const SRC_NINGBO = 'First interoperable transaction, pilot city Ningbo: Securities Daily; Xinhua 2024-05-22';
export const SRC_PILOT_VERIFIED = 'Alipay x UnionPay pilot verified at the end of 2020: Alipay statement, 2021-10-02';
export const SRC_NATIONWIDE =
  'Nationwide mutual recognition reached on 2021-12-02: Beijing News via Hexun; Caixin 2021-12-03';
export const SRC_WECHAT_PILOT =
  'WeChat Pay x UnionPay pilot in Fuzhou, Ningbo and Jinan, January 2020 (day approximate): KrASIA; Economic Daily';
export const SRC_WECHAT_CAPITALS =
  'QuickPass scans WeChat collection codes in all provincial capitals, 2021-09-30: Tencent statement via China Internet Watch; Caixin';
export const SRC_PBOC = 'PBOC FinTech Development Plan (2019-2021), August 2019: Yicai Global; KrASIA';
export const SRC_MIIT = 'MIIT asks platforms to lift blocking, September 2021: Sina Finance, 2021-10-02';
export const SRC_TECH_DONE =
  'Alipay finished the technical work to accept QuickPass online in August 2021: Alipay statement, 2021-10-02';
export const SRC_85 =
  'QuickPass accepted by 85% of Taobao merchants: Alipay statement, 2021-10-02 (Sina Finance, CCTV.com)';
/** Appended where the fact ("live by") is sourced but the day shown is not. */
export const NOTE_EXACT_DATE_ILLUSTRATIVE = 'exact date illustrative';

/** The pilot cities of 2019-12-30 (Ningbo) and January 2020 (Fuzhou, Jinan), by GB/T 2260 code. */
export const NINGBO = '3302';
export const FUZHOU = '3501';
export const JINAN = '3701';

/**
 * Cities the Alipay statement of 2021-10-02 names as live, in its order: Beijing, Tianjin,
 * Guangzhou, Shenzhen, Chengdu, Chongqing, Xi'an.
 */
export const CITIES_NAMED_LIVE_20211002 = ['1100', '1200', '4401', '4403', '5101', '5000', '6101'] as const;

/** Banks and institutions scanning Alipay collection codes: 23 on 2021-10-02, 28 on 2021-12-02. */
export const INSTITUTIONS_LIVE_20211002 = 23;
export const INSTITUTIONS_LIVE_20211202 = 28;
/** The six institutions named among the first 23 (Alipay statement, 2021-10-02). */
export const SOURCED_FIRST_23 = ['ICBC', 'CCB', 'BOC', 'BOCOM', 'CMB', 'CITIC'] as const;
/** The two institutions named as new among the 28 (Alipay statement, 2021-12-02). */
export const SOURCED_BY_28 = ['CGB', 'MIPAY'] as const;

/** Share of Taobao merchants accepting QuickPass on 2021-10-02, in percent. */
export const TAOBAO_SHARE_20211002 = 85;
