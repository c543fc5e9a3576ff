/** Registered as `china` so ECharts adds the South China Sea islands inset to the national map. */
export const NATIONAL_MAP = 'china';
