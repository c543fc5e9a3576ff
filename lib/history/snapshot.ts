/**
 * Reading the `before` / `after` JSON of a StatusChange. The seed stores only status and dates;
 * forms, the API and imports store every editable field. Anything else in the JSON, or a value of
 * the wrong type, is ignored rather than shown: the history view must never render raw JSON.
 */
import type { RolloutStatus } from '../generated/sqlite/client';
import { isIsoDate } from '../time';

export const HISTORY_FIELDS = ['status', 'plannedDate', 'liveDate', 'evidenceUrl', 'note', 'verified'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export type FieldValue = string | boolean | null;

/** The fields of a status row a history entry recorded; a missing key means "not recorded". */
export type Snapshot = Partial<Record<HistoryField, FieldValue>>;

export interface FieldDiff {
  field: HistoryField;
  before: FieldValue;
  after: FieldValue;
}

const STATUSES: ReadonlySet<string> = new Set<RolloutStatus>([
  'NOT_STARTED',
  'PLANNED',
  'IN_PROGRESS',
  'PILOT',
  'LIVE',
  'PAUSED',
]);

const MAX_TEXT = 2000;

function readField(field: HistoryField, value: unknown): FieldValue | undefined {
  if (value === null) return null;
  switch (field) {
    case 'status':
      return typeof value === 'string' && STATUSES.has(value) ? value : undefined;
    case 'plannedDate':
    case 'liveDate':
      return typeof value === 'string' && isIsoDate(value) ? value : undefined;
    case 'evidenceUrl':
    case 'note':
      return typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined;
    case 'verified':
      return typeof value === 'boolean' ? value : undefined;
  }
}

export function readSnapshot(json: unknown): Snapshot {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return {};
  const record = json as Record<string, unknown>;
  const snapshot: Snapshot = {};
  for (const field of HISTORY_FIELDS) {
    if (!(field in record)) continue;
    const value = readField(field, record[field]);
    if (value !== undefined) snapshot[field] = value;
  }
  return snapshot;
}

/**
 * The fields that changed, in HISTORY_FIELDS order. A field recorded on one side only counts as
 * changed when the recorded value is not empty (the seed never records `note`, which is not a change).
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of HISTORY_FIELDS) {
    const hasBefore = field in before;
    const hasAfter = field in after;
    if (!hasBefore && !hasAfter) continue;
    const b = before[field] ?? null;
    const a = after[field] ?? null;
    if (b === a) continue;
    if (!hasBefore && a === null) continue;
    if (!hasAfter) continue;
    diffs.push({ field, before: b, after: a });
  }
  return diffs;
}
