import type { Formats } from 'next-intl';

/**
 * Named formats shared by server and client rendering, so a date or a coverage figure looks the
 * same on every page (e.g. `format.dateTime(date, 'date')`, `format.number(0.42, 'percent')`).
 * Dates always use 24-hour time: enterprise users in China do not read 上午/下午 in tables.
 */
export const formats = {
  dateTime: {
    date: { year: 'numeric', month: '2-digit', day: '2-digit' },
    dateTime: {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    },
    month: { year: 'numeric', month: 'long' },
  },
  number: {
    percent: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
    integer: { maximumFractionDigits: 0 },
  },
} satisfies Formats;
