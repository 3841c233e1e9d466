import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isNationalHoliday, isWorkingDay, workingDaysBetween } from './working-days.js';

describe('開庁日', () => {
  it('weekends, national holidays, substitute holidays and 年末年始 are not working days', () => {
    expect(isWorkingDay('2026-11-28')).toBe(false); // 土
    expect(isWorkingDay('2026-11-29')).toBe(false); // 日
    expect(isWorkingDay('2026-11-23')).toBe(false); // 勤労感謝の日 (月)
    expect(isWorkingDay('2026-05-06')).toBe(false); // 憲法記念日の振替休日
    expect(isWorkingDay('2026-09-22')).toBe(false); // 国民の休日 (敬老の日と秋分の日の間)
    expect(isWorkingDay('2026-12-29')).toBe(false);
    expect(isWorkingDay('2027-01-04')).toBe(true);
    expect(isWorkingDay('2026-11-26')).toBe(true); // 木
    expect(isNationalHoliday('2026-12-29')).toBe(false);
  });

  it('counts forward over a holiday weekend', () => {
    // Fri 2026-11-20 + 1 working day skips Sat, Sun and 勤労感謝の日 (Mon 23rd).
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-20', 3)).toBe('2026-11-26');
    // Golden Week 2026: 4/29 (水), 5/3–5/6.
    expect(addWorkingDays('2026-05-01', 1)).toBe('2026-05-07');
    // Year end: from Mon 2026-12-28 the next working day is Mon 2027-01-04.
    expect(addWorkingDays('2026-12-28', 1)).toBe('2027-01-04');
  });

  it('workingDaysBetween is zero for the same or an earlier day and ignores closed days', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-20')).toBe(0);
    expect(workingDaysBetween('2026-11-26', '2026-11-20')).toBe(0);
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(0);
    expect(workingDaysBetween('2026-11-20', '2026-11-26')).toBe(3);
  });

  it('rejects impossible dates', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
  });

  it('addWorkingDays and workingDaysBetween agree, and the result is a working day', () => {
    const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (from, n) => {
        const due = addWorkingDays(from, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(from, due)).toBe(n);
      }),
    );
  });

  it('counts long waits (years, across 年末年始 and holidays) the same as walking day by day', () => {
    const walk = (from: string, to: string) => {
      let n = 0;
      const d = new Date(`${from}T00:00:00Z`);
      for (;;) {
        d.setUTCDate(d.getUTCDate() + 1);
        const iso = d.toISOString().slice(0, 10);
        if (iso > to) return n;
        if (isWorkingDay(iso)) n += 1;
      }
    };
    const day = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 3000 }), (from, days) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        expect(workingDaysBetween(from, to)).toBe(walk(from, to));
      }),
      { numRuns: 150 },
    );
    // 2021 had 243 開庁日: 365 − 104 weekend days − 15 weekday holidays (the Olympic year moved 海の日 and
    // スポーツの日 to 7/22–23 and 山の日 to 8/8, substituted on 8/9) − 3 weekday 年末年始 days (12/29–31).
    expect(workingDaysBetween('2020-12-31', '2021-12-31')).toBe(243);
    expect(workingDaysBetween('1969-12-25', '1970-01-09')).toBe(walk('1969-12-25', '1970-01-09'));
  });
});
