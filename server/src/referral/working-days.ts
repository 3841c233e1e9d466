/**
 * 開庁日 (working days of a Japanese municipal office): not Saturday or Sunday, not a national
 * holiday (国民の祝日・振替休日・国民の休日, from the maintained table of @holiday-jp/holiday_jp), and
 * not 12月29日〜1月3日 (行政機関の休日に関する法律 第1条). Dates are ISO calendar dates (YYYY-MM-DD).
 */
import holidayJp from '@holiday-jp/holiday_jp';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(Number.NaN);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new RangeError(`not a date: ${iso}`);
  return d;
}

const format = (d: Date) => d.toISOString().slice(0, 10);

function nextDay(iso: string): string {
  const d = parse(iso);
  d.setUTCDate(d.getUTCDate() + 1);
  return format(d);
}

export function isNationalHoliday(iso: string): boolean {
  return Object.hasOwn(holidayJp.holidays, iso);
}

/** 年末年始: 12/29–1/3 are closing days for every administrative office. */
function isYearEndClosure(iso: string): boolean {
  const md = iso.slice(5);
  return md >= '12-29' || md <= '01-03';
}

export function isWorkingDay(iso: string): boolean {
  const weekday = parse(iso).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isNationalHoliday(iso) && !isYearEndClosure(iso);
}

// An inbox lists up to 500 referrals, some waiting for years: counting day by day cost milliseconds per
// request. Instead, a running count of working days since 1970-01-01 (day 0), grown on demand up to the
// latest day asked for, turns a count into two array reads and a due date into a short scan.
const DAY_MS = 86_400_000;
const LAST_INDEXED_DAY = 47_481; // 2099-12-31
const dayNumber = (iso: string) => parse(iso).getTime() / DAY_MS;
/** throughDay[n] = working days among days 1..n. */
let throughDay = new Int32Array(0);
let indexedUpTo = -1;

function workingDaysThrough(n: number): number {
  if (n > indexedUpTo) {
    const grown = new Int32Array(Math.max(n + 1, Math.min(LAST_INDEXED_DAY + 1, indexedUpTo + 366 * 4)));
    grown.set(throughDay);
    for (let d = indexedUpTo + 1; d < grown.length; d += 1) {
      const working = d > 0 && isWorkingDay(format(new Date(d * DAY_MS)));
      grown[d] = (d > 0 ? grown[d - 1]! : 0) + (working ? 1 : 0);
    }
    throughDay = grown;
    indexedUpTo = grown.length - 1;
  }
  return throughDay[n]!;
}

/** The working day that is `n` working days after `from` (from itself is day 0). n ≥ 1. */
export function addWorkingDays(from: string, n: number): string {
  const a = dayNumber(from);
  if (a < 0 || a + n * 7 + 30 > LAST_INDEXED_DAY) return addDayByDay(from, n);
  const target = workingDaysThrough(a) + n;
  let d = a + n;
  while (workingDaysThrough(d) < target) d += 1;
  return format(new Date(d * DAY_MS));
}

function addDayByDay(from: string, n: number): string {
  let day = from;
  let left = n;
  while (left > 0) {
    day = nextDay(day);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a < 0 || b > LAST_INDEXED_DAY) return countDayByDay(from, to);
  return workingDaysThrough(b) - workingDaysThrough(a);
}

function countDayByDay(from: string, to: string): number {
  let count = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) if (isWorkingDay(day)) count += 1;
  return count;
}
