/** React Query keys of the coverage domain, in one place so fetches and invalidations agree. */
export const coverageKeys = {
  all: ['coverage'] as const,
  view: (program: string, asOf: string, province: string | null) =>
    [...coverageKeys.all, 'view', program, asOf, province ?? 'national'] as const,
  search: (q: string) => [...coverageKeys.all, 'search', q] as const,
};

export function coverageUrl(program: string, asOf: string, province: string | null): string {
  const params = new URLSearchParams({ program, asOf });
  if (province) params.set('province', province);
  return `/api/coverage?${params.toString()}`;
}
