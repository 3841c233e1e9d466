/**
 * Recurring schedules of 活動 and the session dates they give in a period. Pure; dates are ISO
 * calendar dates (YYYY-MM-DD), weekdays ISO (1 = 月 … 7 = 日).
 *
 * - weekly: on the given weekdays, every `intervalWeeks` weeks counted from the week (Monday) of
 *   `validFrom` (隔週 = 2);
 * - monthly_nth: on the n-th given weekdays of each month (第1・第3水曜; -1 = 最終);
 * - monthly_day: on the given days of the month (a day the month lacks, e.g. 31, is skipped).
 * With `skipHolidays` a national holiday (国民の祝日・振替休日, @holiday-jp/holiday_jp) has no session.
 */
import holidayJp from '@holiday-jp/holiday_jp';

export type ScheduleRule =
  | { freq: 'weekly'; weekdays: readonly number[]; intervalWeeks: number }
  | { freq: 'monthly_nth'; weekdays: readonly number[]; nths: readonly number[] }
  | { freq: 'monthly_day'; monthDays: readonly number[] };

export interface ActivitySchedule {
  rule: ScheduleRule;
  validFrom: string;
  validTo: string | null;
  skipHolidays: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date; throws on anything that is not a real calendar day. */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso) throw new RangeError(`not a date: ${iso}`);
  return t / DAY_MS;
}

export function isoOfDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(iso: string): number {
  return ((((dayNumber(iso) + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isHoliday(iso: string): boolean {
  return Object.hasOwn(holidayJp.holidays, iso);
}

/** Does the date satisfy the rule itself (weekday, n-th, day of month), ignoring validity and holidays? */
export function matchesRule(rule: ScheduleRule, iso: string, validFrom: string): boolean {
  const day = Number(iso.slice(8, 10));
  if (rule.freq === 'monthly_day') return rule.monthDays.includes(day);
  const weekday = isoWeekday(iso);
  if (!rule.weekdays.includes(weekday)) return false;
  if (rule.freq === 'weekly') {
    const weeks = Math.floor((dayNumber(iso) - mondayOf(validFrom)) / 7);
    return weeks >= 0 && weeks % rule.intervalWeeks === 0;
  }
  const dim = daysInMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));
  const nth = Math.ceil(day / 7);
  return rule.nths.includes(nth) || (rule.nths.includes(-1) && day + 7 > dim);
}

/** Is there a session of this schedule on `iso` (rule, validity, holidays)? */
export function isSessionDay(schedule: ActivitySchedule, iso: string): boolean {
  if (iso < schedule.validFrom || (schedule.validTo !== null && iso > schedule.validTo)) return false;
  if (schedule.skipHolidays && isHoliday(iso)) return false;
  return matchesRule(schedule.rule, iso, schedule.validFrom);
}

function mondayOf(iso: string): number {
  return dayNumber(iso) - (isoWeekday(iso) - 1);
}

/** Months (year, month) from the month of `from` to the month of `to`, inclusive. */
function* monthsBetween(from: string, to: string): Generator<[number, number]> {
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= endKey) {
    yield [y, m];
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Candidate dates of the rule between start and end (built from the rule, not by testing each day). */
function candidates(rule: ScheduleRule, validFrom: string, start: string, end: string): string[] {
  const out: string[] = [];
  if (rule.freq === 'weekly') {
    const anchor = mondayOf(validFrom);
    const step = 7 * rule.intervalWeeks;
    let week = anchor + Math.max(0, Math.floor((dayNumber(start) - anchor) / step)) * step;
    for (; week <= dayNumber(end); week += step) for (const wd of rule.weekdays) out.push(isoOfDay(week + wd - 1));
    return out;
  }
  for (const [y, m] of monthsBetween(start, end)) {
    const dim = daysInMonth(y, m);
    if (rule.freq === 'monthly_day') {
      for (const d of rule.monthDays) if (d >= 1 && d <= dim) out.push(isoOf(y, m, d));
      continue;
    }
    const firstWeekday = isoWeekday(isoOf(y, m, 1));
    for (const wd of rule.weekdays) {
      const first = 1 + ((wd - firstWeekday + 7) % 7);
      for (const n of rule.nths) {
        const d = n === -1 ? first + 7 * Math.floor((dim - first) / 7) : first + 7 * (n - 1);
        if (d <= dim) out.push(isoOf(y, m, d));
      }
    }
  }
  return out;
}

/** The session dates of the schedule within [from, to] (inclusive), sorted and without duplicates. */
export function sessionDates(schedule: ActivitySchedule, from: string, to: string): string[] {
  const start = from > schedule.validFrom ? from : schedule.validFrom;
  const end = schedule.validTo !== null && schedule.validTo < to ? schedule.validTo : to;
  if (start > end) return [];
  const dates = candidates(schedule.rule, schedule.validFrom, start, end).filter((d) => d >= start && d <= end && !(schedule.skipHolidays && isHoliday(d)));
  return [...new Set(dates)].sort();
}

/** The next `count` session dates on or after `from` (looking at most `horizonDays` ahead). */
export function nextSessionDates(schedule: ActivitySchedule, from: string, count: number, horizonDays = 400): string[] {
  return sessionDates(schedule, from, addDays(from, horizonDays)).slice(0, count);
}
