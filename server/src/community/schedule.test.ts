import { describe, expect, it } from 'vitest';
import { type ActivitySchedule, addDays, isoWeekday, isSessionDay, matchesRule, nextSessionDates, sessionDates } from './schedule.js';

const schedule = (rule: ActivitySchedule['rule'], over: Partial<ActivitySchedule> = {}): ActivitySchedule => ({ rule, validFrom: '2026-04-01', validTo: null, skipHolidays: false, ...over });

describe('calendar helpers', () => {
  it('knows ISO weekdays and adds days across months and leap years', () => {
    expect(isoWeekday('2026-04-01')).toBe(3); // 水
    expect(isoWeekday('2026-04-05')).toBe(7); // 日
    expect(isoWeekday('1970-01-01')).toBe(4); // 木
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('weekly', () => {
  it('every Monday and Thursday of April 2026', () => {
    const dates = sessionDates(schedule({ freq: 'weekly', weekdays: [1, 4], intervalWeeks: 1 }), '2026-04-01', '2026-04-30');
    expect(dates).toEqual(['2026-04-02', '2026-04-06', '2026-04-09', '2026-04-13', '2026-04-16', '2026-04-20', '2026-04-23', '2026-04-27', '2026-04-30']);
  });

  it('隔週: every other week counted from the week of validFrom, also when the period starts later', () => {
    const s = schedule({ freq: 'weekly', weekdays: [3], intervalWeeks: 2 }, { validFrom: '2026-04-01' });
    expect(sessionDates(s, '2026-04-01', '2026-05-31')).toEqual(['2026-04-01', '2026-04-15', '2026-04-29', '2026-05-13', '2026-05-27']);
    expect(sessionDates(s, '2026-04-20', '2026-05-20')).toEqual(['2026-04-29', '2026-05-13']);
    expect(matchesRule(s.rule, '2026-04-08', s.validFrom)).toBe(false);
  });

  it('nothing before validFrom or after validTo', () => {
    const s = schedule({ freq: 'weekly', weekdays: [3], intervalWeeks: 1 }, { validFrom: '2026-04-08', validTo: '2026-04-22' });
    expect(sessionDates(s, '2026-03-01', '2026-06-30')).toEqual(['2026-04-08', '2026-04-15', '2026-04-22']);
    expect(sessionDates(s, '2026-05-01', '2026-06-30')).toEqual([]);
    expect(isSessionDay(s, '2026-04-01')).toBe(false);
  });
});

describe('monthly', () => {
  it('第1・第3水曜日', () => {
    const dates = sessionDates(schedule({ freq: 'monthly_nth', weekdays: [3], nths: [1, 3] }), '2026-04-01', '2026-06-30');
    expect(dates).toEqual(['2026-04-01', '2026-04-15', '2026-05-06', '2026-05-20', '2026-06-03', '2026-06-17']);
  });

  it('最終金曜日 and 第5 (only in months that have one)', () => {
    expect(sessionDates(schedule({ freq: 'monthly_nth', weekdays: [5], nths: [-1] }), '2026-04-01', '2026-06-30')).toEqual(['2026-04-24', '2026-05-29', '2026-06-26']);
    expect(sessionDates(schedule({ freq: 'monthly_nth', weekdays: [5], nths: [5] }), '2026-04-01', '2026-06-30')).toEqual(['2026-05-29']);
  });

  it('days of the month; 31 only in months that have it; 29 February in a leap year', () => {
    const s = schedule({ freq: 'monthly_day', monthDays: [15, 31] }, { validFrom: '2026-01-01' });
    expect(sessionDates(s, '2026-04-01', '2026-06-30')).toEqual(['2026-04-15', '2026-05-15', '2026-05-31', '2026-06-15']);
    const leap = schedule({ freq: 'monthly_day', monthDays: [29] }, { validFrom: '2028-01-01' });
    expect(sessionDates(leap, '2028-02-01', '2028-03-31')).toEqual(['2028-02-29', '2028-03-29']);
  });
});

describe('holidays (per-activity option)', () => {
  const mondays = { freq: 'weekly', weekdays: [1], intervalWeeks: 1 } as const;
  it('keeps national holidays unless the activity skips them', () => {
    // 2026-05-04 みどりの日, 2026-05-06 振替休日 (a Wednesday)
    expect(sessionDates(schedule(mondays), '2026-05-01', '2026-05-12')).toEqual(['2026-05-04', '2026-05-11']);
    expect(sessionDates(schedule(mondays, { skipHolidays: true }), '2026-05-01', '2026-05-12')).toEqual(['2026-05-11']);
    const wed = schedule({ freq: 'weekly', weekdays: [3], intervalWeeks: 1 }, { skipHolidays: true });
    expect(isSessionDay(wed, '2026-05-06')).toBe(false);
    expect(isSessionDay(wed, '2026-05-13')).toBe(true);
  });
});

describe('next sessions', () => {
  it('lists the next n dates from a day', () => {
    expect(nextSessionDates(schedule({ freq: 'monthly_nth', weekdays: [2], nths: [2] }), '2026-04-15', 3)).toEqual(['2026-05-12', '2026-06-09', '2026-07-14']);
  });
});
