/**
 * Japanese eras (元号) from 明治, as Gregorian start dates, plus small ISO-date helpers shared by the
 * parser and the formatters.
 *
 * 明治 starts 1868-01-25 here. The 改元の詔 was issued on 1868-10-23 (慶応4年9月8日, and that is where
 * ICU/Intl starts 明治), but it applied 明治 from 慶応4年1月1日 (= 1868-01-25) onwards; the brief asks to
 * accept dates from 1868-01-25, so that is also the earliest date accepted at all. 明治 dates before
 * 明治6年 (1873), when Japan adopted the Gregorian calendar, are read as Gregorian month/day without
 * 旧暦 conversion — irrelevant for living persons, but stated so nobody relies on it.
 */
export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';

export interface Era {
  name: EraName;
  /** Romaji initial used in abbreviations: S21.4.1. */
  letter: 'm' | 't' | 's' | 'h' | 'r';
  /** First day, ISO. */
  start: string;
}

/** Ascending; each era ends the day before the next one starts. */
export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'm', start: '1868-01-25' },
  { name: '大正', letter: 't', start: '1912-07-30' },
  { name: '昭和', letter: 's', start: '1926-12-25' },
  { name: '平成', letter: 'h', start: '1989-01-08' },
  { name: '令和', letter: 'r', start: '2019-05-01' },
];

/** The earliest date accepted anywhere (start of 明治 as chosen above). */
export const EARLIEST_DATE = ERAS[0]!.start;

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isValidYmd({ y, m, d }: YMD): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function toIso({ y, m, d }: YMD): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Strict YYYY-MM-DD of a day that exists, else null. */
export function parseIso(iso: string): YMD | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isValidYmd(ymd) ? ymd : null;
}

export function ymdOf(iso: string): YMD {
  const ymd = parseIso(iso);
  if (!ymd) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  return ymd;
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const { y, m, d } = ymdOf(iso);
  if (d > 1) return toIso({ y, m, d: d - 1 });
  if (m > 1) return toIso({ y, m: m - 1, d: daysInMonth(y, m - 1) });
  return toIso({ y: y - 1, m: 12, d: 31 });
}

/** Last day of an era (ISO), or null for the current era. */
export function eraEnd(era: Era): string | null {
  const next = ERAS[ERAS.indexOf(era) + 1];
  return next ? dayBefore(next.start) : null;
}

/** Gregorian year of an era year (元年 = 1). */
export function gregorianYear(era: Era, eraYear: number): number {
  return ymdOf(era.start).y + eraYear - 1;
}

/** Era and era year of an ISO date per this table, or null before 明治. ISO strings compare as dates. */
export function eraOf(iso: string): { era: Era; year: number } | null {
  const era = [...ERAS].reverse().find((e) => e.start <= iso);
  return era ? { era, year: ymdOf(iso).y - ymdOf(era.start).y + 1 } : null;
}

/** 和暦 text from the table: 令和元年5月1日. Used where Intl does not apply (messages, early 明治). */
export function warekiFromTable(iso: string, opts: { withEra?: boolean } = {}): string {
  const found = eraOf(iso);
  if (!found) throw new RangeError(`Before ${EARLIEST_DATE}: ${iso}`);
  const { m, d } = ymdOf(iso);
  const year = found.year === 1 ? '元' : String(found.year);
  return `${opts.withEra === false ? '' : found.era.name}${year}年${m}月${d}日`;
}
