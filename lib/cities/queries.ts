/**
 * Reads about cities: one city with its status in every program that tracks it, and the division
 * search behind the dashboard's search box.
 */
import 'server-only';
import type { Db } from '../db';
import type { Viewer } from '../auth/viewer';
import type { CityLevel } from '../generated/sqlite/client';
import { findProgramStatuses, type ProgramStatusDto } from '../history/program-status';
import { todayInShanghai } from '../time';

/**
 * Four-digit GB/T 2260 city codes ("4403", municipalities "1100") and six-digit codes of
 * province-administered county-level units ("429004"); see docs/decisions/002-geography-codes.md.
 */
const CITY_CODE_RE = /^\d{4}(\d{2})?$/;

export function isCityCode(value: string): boolean {
  return CITY_CODE_RE.test(value);
}

export interface CityDetailDto {
  code: string;
  name: string;
  nameEn: string;
  level: CityLevel;
  province: { code: string; name: string; shortName: string; nameEn: string };
  /** One entry per program with a status row for this city, in program order. */
  programs: ProgramStatusDto[];
  /** The date staleness was measured against (YYYY-MM-DD, Shanghai). */
  today: string;
}

/** The city and its statuses as `viewer` may see them (lib/auth/permissions.ts). */
export async function getCityDetail(
  db: Db,
  viewer: Viewer,
  code: string,
  options: { today?: string } = {},
): Promise<CityDetailDto | null> {
  if (!isCityCode(code)) return null;
  const today = options.today ?? todayInShanghai();
  const city = await db.city.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      nameEn: true,
      level: true,
      province: { select: { code: true, name: true, shortName: true, nameEn: true } },
    },
  });
  if (!city) return null;
  return { ...city, programs: await findProgramStatuses(db, viewer, 'CITY', code, today), today };
}

// ---------------------------------------------------------------------------------------------
// Search

export interface DivisionSearchItem {
  kind: 'province' | 'city';
  code: string;
  name: string;
  nameEn: string;
  /** The province itself for a province. */
  provinceCode: string;
}

export const SEARCH_MAX_LIMIT = 50;

/** Province names whose usual English name is not their pinyin, so typing pinyin finds them too. */
const PROVINCE_PINYIN: Readonly<Record<string, string>> = {
  '15': 'neimenggu nmg',
  '54': 'xizang xz',
  '61': 'shaanxi sx',
};

/** Administrative suffixes, so "深圳" is an exact match for 深圳市 and "广东" for 广东省. */
const NAME_SUFFIX = /(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|自治州|盟)$/;

enum Rank {
  Exact = 0,
  Prefix = 1,
  Contains = 2,
}

interface Candidate {
  item: DivisionSearchItem;
  names: string[];
  latin: string[];
  /** Sorts county-level units after prefecture-level ones of equal rank. */
  isCountyLevel: boolean;
}

function normaliseQuery(query: string): { text: string; latin: string; isCode: boolean } {
  // NFKC folds full-width digits and letters typed with a Chinese IME ("４４０３" -> "4403").
  const text = query.normalize('NFKC').trim().toLowerCase();
  const latin = text.replace(/[\s'’·-]/g, '');
  return { text, latin, isCode: /^\d+$/.test(text) };
}

function rankText(value: string, query: string): Rank | null {
  if (!query) return null;
  if (value === query) return Rank.Exact;
  if (value.startsWith(query)) return Rank.Prefix;
  if (value.includes(query)) return Rank.Contains;
  return null;
}

function rankCandidate(c: Candidate, q: ReturnType<typeof normaliseQuery>): Rank | null {
  if (q.isCode) {
    // Codes rank by exact and prefix only: "03" matching the middle of 4403 would be noise.
    if (c.item.code === q.text) return Rank.Exact;
    if (c.item.code.startsWith(q.text)) return Rank.Prefix;
    return null;
  }
  let best: Rank | null = null;
  for (const name of c.names) {
    const r = rankText(name, q.text);
    if (r !== null && (best === null || r < best)) best = r;
  }
  for (const token of c.latin) {
    const r = rankText(token, q.latin);
    if (r !== null && (best === null || r < best)) best = r;
  }
  return best;
}

function latinTokens(...values: string[]): string[] {
  return values
    .flatMap((v) => [v, ...v.split(/\s+/)])
    .map((v) => v.toLowerCase().replace(/[\s'’·-]/g, ''))
    .filter((v) => v !== '');
}

/**
 * Provinces and cities whose code starts with the query (digits), or whose Chinese name, pinyin,
 * initials or English name matches it. Ranked exact, then prefix, then contains; provinces before
 * cities, prefecture-level before county-level, then by code.
 */
export async function searchDivisions(db: Db, query: string, limit = 10): Promise<DivisionSearchItem[]> {
  const q = normaliseQuery(query);
  if (q.text === '') return [];
  const take = Math.min(Math.max(1, Math.floor(limit)), SEARCH_MAX_LIMIT);
  // About 400 rows in all: matching in memory keeps the rules identical on SQLite and PostgreSQL
  // (case-insensitive `contains` differs between them in Prisma).
  const [provinces, cities] = await Promise.all([
    db.province.findMany({ select: { code: true, name: true, shortName: true, nameEn: true } }),
    db.city.findMany({ select: { code: true, name: true, nameEn: true, pinyin: true, provinceCode: true, level: true } }),
  ]);
  const candidates: Candidate[] = [
    ...provinces.map((p) => ({
      item: { kind: 'province' as const, code: p.code, name: p.name, nameEn: p.nameEn, provinceCode: p.code },
      names: [p.name, p.shortName, p.name.replace(NAME_SUFFIX, '')],
      latin: latinTokens(p.nameEn, PROVINCE_PINYIN[p.code] ?? ''),
      isCountyLevel: false,
    })),
    ...cities.map((c) => ({
      item: { kind: 'city' as const, code: c.code, name: c.name, nameEn: c.nameEn, provinceCode: c.provinceCode },
      names: [c.name, c.name.replace(NAME_SUFFIX, '')],
      latin: latinTokens(c.nameEn, c.pinyin),
      isCountyLevel: c.level === 'COUNTY_LEVEL',
    })),
  ];
  return candidates
    .map((c) => ({ c, rank: rankCandidate(c, q) }))
    .filter((x): x is { c: Candidate; rank: Rank } => x.rank !== null)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        Number(a.c.item.kind === 'city') - Number(b.c.item.kind === 'city') ||
        Number(a.c.isCountyLevel) - Number(b.c.isCountyLevel) ||
        a.c.item.code.localeCompare(b.c.item.code),
    )
    .slice(0, take)
    .map((x) => x.c.item);
}
