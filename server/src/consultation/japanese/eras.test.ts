import { describe, expect, it } from 'vitest';
import { dayBefore, EARLIEST_DATE, ERAS, eraEnd, eraOf, gregorianYear, isLeapYear, parseIso, warekiFromTable } from './eras.js';

describe('era table', () => {
  it('is ascending and starts 明治 on 1868-01-25 (the documented choice)', () => {
    expect(ERAS.map((e) => e.name)).toEqual(['明治', '大正', '昭和', '平成', '令和']);
    expect(ERAS.map((e) => e.start)).toEqual(['1868-01-25', '1912-07-30', '1926-12-25', '1989-01-08', '2019-05-01']);
    expect(EARLIEST_DATE).toBe('1868-01-25');
  });

  it.each([
    ['明治', '1912-07-29', 45],
    ['大正', '1926-12-24', 15],
    ['昭和', '1989-01-07', 64],
    ['平成', '2019-04-30', 31],
  ])('%s ends on %s (year %i)', (name, end, lastYear) => {
    const era = ERAS.find((e) => e.name === name)!;
    expect(eraEnd(era)).toBe(end);
    expect(eraOf(end)).toEqual({ era, year: lastYear });
  });

  it('令和 has no end', () => {
    expect(eraEnd(ERAS.at(-1)!)).toBeNull();
  });

  it('maps era years to Gregorian years (元年 = 1)', () => {
    const [meiji, taisho, showa, heisei, reiwa] = ERAS;
    expect([gregorianYear(meiji!, 33), gregorianYear(taisho!, 1), gregorianYear(showa!, 21), gregorianYear(heisei!, 1), gregorianYear(reiwa!, 7)]).toEqual([
      1900, 1912, 1946, 1989, 2025,
    ]);
  });

  it('has no era before 明治', () => {
    expect(eraOf('1868-01-24')).toBeNull();
    expect(() => warekiFromTable('1868-01-24')).toThrow(RangeError);
  });

  it('writes 和暦 from the table', () => {
    expect(warekiFromTable('2019-05-01')).toBe('令和元年5月1日');
    expect(warekiFromTable('1946-04-01')).toBe('昭和21年4月1日');
    expect(warekiFromTable('1989-01-08', { withEra: false })).toBe('元年1月8日');
  });
});

describe('ISO helpers', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2024, true],
    [2025, false],
  ])('isLeapYear(%i) = %s', (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
  });

  it.each([
    ['2025-03-01', '2025-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2025-01-01', '2024-12-31'],
    ['2019-05-01', '2019-04-30'],
    ['2025-04-02', '2025-04-01'],
  ])('dayBefore(%s) = %s', (iso, before) => {
    expect(dayBefore(iso)).toBe(before);
  });

  it('parseIso accepts only existing YYYY-MM-DD days', () => {
    expect(parseIso('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    for (const bad of ['2023-02-29', '2024-2-29', '2024-02-29T00:00:00Z', '', '2024-13-01']) expect(parseIso(bad), bad).toBeNull();
  });
});
