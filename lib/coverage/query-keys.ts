/** React Query keys of the coverage domain, in one place so fetches and invalidations agree. */
export type MapLayer = 'provinces' | 'cities';

export const coverageKeys = {
  all: ['coverage'] as const,
  view: (program: string, asOf: string, province: string | null, layer: MapLayer = 'provinces') =>
    [...coverageKeys.all, 'view', program, asOf, province ?? 'national', province ? 'provinces' : layer] as const,
  search: (q: string) => [...coverageKeys.all, 'search', q] as const,
};

export function coverageUrl(program: string, asOf: string, province: string | null, layer: MapLayer = 'provinces'): string {
  const params = new URLSearchParams({ program, asOf });
  if (province) params.set('province', province);
  else if (layer === 'cities') params.set('layer', 'cities');
  return `/api/coverage?${params.toString()}`;
}
