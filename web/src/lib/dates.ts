/**
 * Date display in 和暦 (令和8年11月26日) or 西暦 (2026年11月26日), per the user's `dateStyle`.
 * Instants are shown in Japan time; a date-only value ("2026-11-26") is shown as that calendar day.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type DateStyle, meQueryOptions } from './me';

const TIME_ZONE = 'Asia/Tokyo';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateParts = { year: 'numeric', month: 'long', day: 'numeric' } as const;
const timeParts = { hour: '2-digit', minute: '2-digit' } as const;

const formatters = {
  wareki: {
    date: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', ...dateParts, timeZone: TIME_ZONE }),
    dateOnly: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', ...dateParts, timeZone: 'UTC' }),
    dateTime: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      ...dateParts,
      ...timeParts,
      timeZone: TIME_ZONE,
    }),
  },
  seireki: {
    date: new Intl.DateTimeFormat('ja-JP', { ...dateParts, timeZone: TIME_ZONE }),
    dateOnly: new Intl.DateTimeFormat('ja-JP', { ...dateParts, timeZone: 'UTC' }),
    dateTime: new Intl.DateTimeFormat('ja-JP', { ...dateParts, ...timeParts, timeZone: TIME_ZONE }),
  },
} satisfies Record<DateStyle, Record<string, Intl.DateTimeFormat>>;

type DateInput = string | Date;

function isInvalid(d: Date): boolean {
  return Number.isNaN(d.getTime());
}

/** Format a date. A plain "YYYY-MM-DD" is treated as a calendar day (no time-zone shift). */
export function formatDate(value: DateInput, style: DateStyle): string {
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return isInvalid(d) ? value : formatters[style].dateOnly.format(d);
    }
  }
  const d = typeof value === 'string' ? new Date(value) : value;
  return isInvalid(d) ? String(value) : formatters[style].date.format(d);
}

/** Format an instant with hours and minutes in Japan time, e.g. 令和8年11月26日 14:05. */
export function formatDateTime(value: DateInput, style: DateStyle): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return isInvalid(d) ? String(value) : formatters[style].dateTime.format(d);
}

export interface DateFormatter {
  style: DateStyle;
  date: (value: DateInput) => string;
  dateTime: (value: DateInput) => string;
}

/** Formatters bound to the signed-in user's setting (和暦 until `me` says otherwise). */
export function useFormatDate(): DateFormatter {
  const { data } = useQuery(meQueryOptions);
  const style: DateStyle = data?.user.dateStyle ?? 'wareki';
  return useMemo(
    () => ({
      style,
      date: (value: DateInput) => formatDate(value, style),
      dateTime: (value: DateInput) => formatDateTime(value, style),
    }),
    [style],
  );
}
