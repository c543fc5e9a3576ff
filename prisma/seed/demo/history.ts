/**
 * From per-entity change lists to status rows and their history, and the replay the builders use
 * to check their own invariants and to date milestones.
 */
import { RolloutStatus } from '../../../lib/generated/sqlite/enums';
import { addDays } from '../../../lib/time';
import { changeInstant } from './dates';
import type { ChangeSpec, EntitySpec, Snapshot, StatusChangeSeed, StatusRowSeed } from './model';

/** A change, illustrative unless `extra` says otherwise. */
export const step = (
  date: string,
  to: RolloutStatus,
  extra: Partial<Omit<ChangeSpec, 'date' | 'to'>> = {},
): ChangeSpec => ({ date, to, isIllustrative: true, ...extra });

/**
 * Keeps the steps of a chain whose dates strictly increase and stay before the final step, so
 * that clamped random dates never produce two changes on one day or out of order.
 */
export function chain(steps: ChangeSpec[]): ChangeSpec[] {
  const last = steps[steps.length - 1];
  if (!last) return [];
  const kept: ChangeSpec[] = [];
  for (const step of steps.slice(0, -1)) {
    const prev = kept[kept.length - 1];
    if ((prev && step.date <= prev.date) || step.date >= last.date) continue;
    kept.push(step);
  }
  const prev = kept[kept.length - 1];
  if (prev && last.date <= prev.date) throw new Error(`seed: change dates out of order at ${last.date}`);
  kept.push(last);
  return kept;
}

function materialise(spec: EntitySpec): { row: StatusRowSeed; history: StatusChangeSeed[] } {
  let state: Snapshot = { status: RolloutStatus.NOT_STARTED, plannedDate: null, liveDate: null };
  const history: StatusChangeSeed[] = [];
  let previousDate = '';
  for (const change of spec.changes) {
    if (change.date <= previousDate) throw new Error(`seed: ${spec.code} changes not in date order`);
    if (change.to === state.status) throw new Error(`seed: ${spec.code} change to the same status ${change.to}`);
    previousDate = change.date;
    const after: Snapshot = {
      status: change.to,
      plannedDate: change.plannedDate === undefined ? state.plannedDate : change.plannedDate,
      liveDate: change.to === RolloutStatus.LIVE ? change.date : null,
    };
    history.push({
      entityCode: spec.code,
      fromStatus: state.status,
      toStatus: change.to,
      before: state,
      after,
      changedAt: changeInstant(change.date),
      sourceNote: change.sourceNote ?? null,
      isIllustrative: change.isIllustrative,
      version: history.length + 2,
    });
    state = after;
  }
  const lastChange = history[history.length - 1];
  return {
    row: {
      code: spec.code,
      ...state,
      note: spec.note ?? null,
      lastConfirmedAt: spec.lastConfirmedAt !== undefined ? spec.lastConfirmedAt : (lastChange?.changedAt ?? null),
      version: 1 + history.length,
    },
    history,
  };
}

/** Status rows and history of every entity, in code order. */
export function materialiseAll(specs: EntitySpec[]): { rows: StatusRowSeed[]; history: StatusChangeSeed[] } {
  const rows: StatusRowSeed[] = [];
  const history: StatusChangeSeed[] = [];
  for (const spec of [...specs].sort((a, b) => a.code.localeCompare(b.code))) {
    const m = materialise(spec);
    rows.push(m.row);
    history.push(...m.history);
  }
  return { rows, history };
}

/** Status of each entity at the end of a calendar date (same rule as the coverage code). */
function statusesOn(specs: readonly EntitySpec[], date: string): Map<string, RolloutStatus> {
  const result = new Map<string, RolloutStatus>();
  for (const spec of specs) {
    let status: RolloutStatus = RolloutStatus.NOT_STARTED;
    for (const c of spec.changes) if (c.date <= date) status = c.to;
    result.set(spec.code, status);
  }
  return result;
}

/** How many entities (of `codes`, when given) have `status` at the end of `date`. */
export function countOn(specs: readonly EntitySpec[], date: string, status: RolloutStatus, codes?: Set<string>): number {
  let n = 0;
  for (const [code, s] of statusesOn(specs, date)) if (s === status && (!codes || codes.has(code))) n++;
  return n;
}

/** Guards a sourced figure: exactly `count` entities live at the end of `date`. */
export function expectLiveOn(specs: readonly EntitySpec[], date: string, count: number): void {
  const live = countOn(specs, date, RolloutStatus.LIVE);
  if (live !== count) throw new Error(`seed: ${live} live on ${date}, not ${count}`);
}

/** Guards a sourced "all live on" date: all `count` entities live on `date`, and not yet the day before. */
export function expectAllLiveFirstOn(specs: readonly EntitySpec[], date: string, count: number): void {
  expectLiveOn(specs, date, count);
  if (countOn(specs, addDays(date, -1), RolloutStatus.LIVE) >= count) throw new Error(`seed: all ${count} live before ${date}`);
}

/** The first change date on which `predicate` holds for the state at the end of that day. */
export function firstDateWhen(
  specs: readonly EntitySpec[],
  predicate: (live: number, on: string) => boolean,
): string | null {
  const dates = [...new Set(specs.flatMap((s) => s.changes.map((c) => c.date)))].sort();
  for (const d of dates) if (predicate(countOn(specs, d, RolloutStatus.LIVE), d)) return d;
  return null;
}

/** The first LIVE date of each of `codes` (9999-12-31 for one never live). */
export function liveDates(specs: readonly EntitySpec[], codes: Iterable<string>): string[] {
  const wanted = new Set(codes);
  return specs
    .filter((s) => wanted.has(s.code))
    .map((s) => s.changes.find((c) => c.to === RolloutStatus.LIVE)?.date ?? '9999-12-31');
}
