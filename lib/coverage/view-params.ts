import { isIsoDate } from '../time';

/** The dashboard's view state, read from the URL so every view can be shared as a link. */
export interface DashboardParams {
  program: string | null;
  asOf: string;
  /** The raw `asOf` value when it was present but not a valid date (shown as a warning). */
  invalidAsOf: string | null;
  /** Two-digit province code to drill into, or null for the nation. */
  province: string | null;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseDashboardParams(
  search: Record<string, string | string[] | undefined>,
  today: string,
): DashboardParams {
  const program = first(search.program)?.trim();
  const rawAsOf = first(search.asOf)?.trim();
  const validAsOf = rawAsOf !== undefined && isIsoDate(rawAsOf);
  return {
    // An unknown or malformed slug is passed on and answered with "program not found".
    program: program ? program.slice(0, 64) : null,
    asOf: validAsOf ? rawAsOf : today,
    invalidAsOf: rawAsOf !== undefined && rawAsOf !== '' && !validAsOf ? rawAsOf.slice(0, 40) : null,
    province: first(search.province)?.trim().slice(0, 8) || null,
  };
}

/** The dashboard of one program at one date: where the matrix's cells and the portfolio's rows lead. */
export function dashboardHref(slug: string, asOf: string): string {
  return `/?${new URLSearchParams({ program: slug, asOf }).toString()}`;
}
