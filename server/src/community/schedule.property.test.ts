import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ActivitySchedule, addDays, dayNumber, isHoliday, isoOfDay, isSessionDay, type ScheduleRule, sessionDates } from './schedule.js';

const day = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2030-12-31') }).map(isoOfDay);
const set = (min: number, max: number) => fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 4 });
const rule: fc.Arbitrary<ScheduleRule> = fc.oneof(
  fc.record({ freq: fc.constant('weekly' as const), weekdays: set(1, 7), intervalWeeks: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ freq: fc.constant('monthly_nth' as const), weekdays: set(1, 7), nths: fc.uniqueArray(fc.constantFrom(1, 2, 3, 4, 5, -1), { minLength: 1, maxLength: 3 }) }),
  fc.record({ freq: fc.constant('monthly_day' as const), monthDays: set(1, 31) }),
);
const scheduleArb: fc.Arbitrary<ActivitySchedule> = fc
  .record({ rule, validFrom: day, length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }), skipHolidays: fc.boolean() })
  .map(({ rule: r, validFrom, length, skipHolidays }) => ({ rule: r, validFrom, validTo: length === null ? null : addDays(validFrom, length), skipHolidays }));
const period = fc.tuple(day, fc.integer({ min: 0, max: 200 })).map(([from, len]) => ({ from, to: addDays(from, len) }));

function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) out.push(isoOfDay(n));
  return out;
}

describe('sessionDates (properties)', () => {
  it('every generated date matches the rule, lies in the period and the validity, and is no skipped holiday', () => {
    fc.assert(
      fc.property(scheduleArb, period, (s, p) => {
        for (const d of sessionDates(s, p.from, p.to)) {
          expect(isSessionDay(s, d)).toBe(true);
          expect(d >= p.from && d <= p.to).toBe(true);
          expect(d >= s.validFrom && (s.validTo === null || d <= s.validTo)).toBe(true);
          if (s.skipHolidays) expect(isHoliday(d)).toBe(false);
        }
      }),
    );
  });

  it('no session day of the period is missed (checked day by day against the rule)', () => {
    fc.assert(
      fc.property(scheduleArb, period, (s, p) => {
        expect(sessionDates(s, p.from, p.to)).toEqual(everyDay(p.from, p.to).filter((d) => isSessionDay(s, d)));
      }),
    );
  });

  it('splitting a period in two gives the same dates', () => {
    fc.assert(
      fc.property(scheduleArb, period, fc.nat(), (s, p, cut) => {
        const length = dayNumber(p.to) - dayNumber(p.from);
        const mid = addDays(p.from, cut % (length + 1));
        const joined = [...sessionDates(s, p.from, mid), ...sessionDates(s, addDays(mid, 1), p.to)];
        expect(joined).toEqual(sessionDates(s, p.from, p.to));
      }),
    );
  });

  it('weekly: as many sessions a week as weekdays, in the weeks of the interval', () => {
    fc.assert(
      fc.property(set(1, 7), fc.integer({ min: 1, max: 4 }), day, (weekdays, intervalWeeks, validFrom) => {
        const s: ActivitySchedule = { rule: { freq: 'weekly', weekdays, intervalWeeks }, validFrom, validTo: null, skipHolidays: false };
        // Whole weeks from the Monday after validFrom, over 8 intervals.
        const monday = addDays(validFrom, 7 - ((dayNumber(validFrom) + 3) % 7));
        const to = addDays(monday, 7 * intervalWeeks * 8 - 1);
        expect(sessionDates(s, monday, to)).toHaveLength(weekdays.length * 8);
      }),
    );
  });
});
