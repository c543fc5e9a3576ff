/** Registered as `china` so ECharts adds the South China Sea islands inset to the national map. */
export const NATIONAL_MAP = 'china';

/** Every prefecture city of the country (public/geo/china-cities.json), for the national city layer. */
export const NATIONAL_CITIES_MAP = 'china-cities';
