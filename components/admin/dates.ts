import dayjs, { type Dayjs } from 'dayjs';

/** A date picker's value as the `YYYY-MM-DD` calendar date the schemas take; empty stays undefined. */
export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** A stored calendar date as a date picker's value (local midnight of that day; only the day is read back). */
export function fromIsoDate(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value) : null;
}
