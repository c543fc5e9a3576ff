/**
 * The status CSV's columns and limits, without the parser, so the browser can show them (the
 * import page) without bundling papaparse. The format itself is described in ./csv.ts.
 */
export const CSV_COLUMNS = ['program', 'entity', 'code', 'status', 'plannedDate', 'liveDate', 'evidenceUrl', 'note', 'version'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const CSV_HEADER_LINE = CSV_COLUMNS.join(',');

export const IMPORT_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxRows: 5000,
} as const;
