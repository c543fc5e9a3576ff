/**
 * The JSON of `GET /api/v1/summaries/{week}`: the stored summary itself (the same numbers as the
 * page and the mail), in the API's naming: entities as `{ code, name, nameEn }` like the coverage
 * API's provinces. The frozen chart series is left out (the page draws it; the API has
 * /coverage for series).
 */
import type { NamedEntity, ProgramWeekSummary, StoredSummary } from './types';
import { asCrossProgramSummary, isCrossProgramSummary } from './generate';
import { ALL_PROGRAMS_SCOPE } from './types';

function entity<T extends NamedEntity>({ nameZh, nameEn, ...rest }: T) {
  return { ...rest, name: nameZh, nameEn };
}

function toProgramDto(s: ProgramWeekSummary) {
  const { series: _series, program, wentLive, setbacks, stalePartners, provinces, provincesBehind, ...rest } = s;
  void _series;
  return {
    program,
    ...rest,
    wentLive: wentLive.map(entity),
    setbacks: setbacks.map(entity),
    stalePartners: stalePartners?.map(entity) ?? null,
    provinces: provinces.map(entity),
    provincesBehind: provincesBehind.map(entity),
  };
}

export function toSummaryApiDto(stored: StoredSummary) {
  const summary = asCrossProgramSummary(stored.payload);
  return {
    week: summary.week,
    weekStart: summary.weekStart,
    weekEnd: summary.weekEnd,
    /** "all" for the summary across programs, else the program's slug. */
    scope: isCrossProgramSummary(stored.payload) || stored.scope === ALL_PROGRAMS_SCOPE ? 'all' : stored.scope,
    generatedAt: stored.generatedAt,
    generatorVersion: stored.generatorVersion,
    lines: summary.lines,
    programs: summary.programs.map(toProgramDto),
  };
}

export type SummaryApiDto = ReturnType<typeof toSummaryApiDto>;
