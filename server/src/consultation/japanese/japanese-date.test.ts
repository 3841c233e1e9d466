import { describe, expect, it } from 'vitest';
import { ageOn, DATE_MESSAGES, formatSeireki, formatWareki, isoDayInJapan, parseJapaneseDate } from './japanese-date.js';

const TODAY = '2025-06-01';
const parse = (s: string) => parseJapaneseDate(s, TODAY);
const ok = (iso: string) => ({ ok: true, iso });
const fail = (message: string) => ({ ok: false, message });

describe('parseJapaneseDate: accepted forms', () => {
  it.each([
    ['1946-04-01', '1946-04-01'],
    ['1946/4/1', '1946-04-01'],
    ['1946.4.1', '1946-04-01'],
    ['19460401', '1946-04-01'],
    ['1946年4月1日', '1946-04-01'],
    ['1946年04月01日', '1946-04-01'],
    ['1946年4月1', '1946-04-01'],
    ['西暦1946年4月1日', '1946-04-01'],
    ['１９４６－０４－０１', '1946-04-01'],
    ['１９４６年４月１日', '1946-04-01'],
    ['1946ー04ー01', '1946-04-01'],
    [' 1946 / 4 / 1 ', '1946-04-01'],
    ['昭和21年4月1日', '1946-04-01'],
    ['昭和２１年４月１日', '1946-04-01'],
    ['昭和 21年 4月 1日', '1946-04-01'],
    ['昭和21.4.1', '1946-04-01'],
    ['昭和21/04/01', '1946-04-01'],
    ['昭21.4.1', '1946-04-01'],
    ['S21.4.1', '1946-04-01'],
    ['s21/4/1', '1946-04-01'],
    ['Ｓ２１．４．１', '1946-04-01'],
    ['S21-4-1', '1946-04-01'],
    ['S210401', '1946-04-01'],
    ['S21年4月1日', '1946-04-01'],
    ['㍼21年4月1日', '1946-04-01'],
    ['H1.1.8', '1989-01-08'],
    ['h01.01.08', '1989-01-08'],
    ['平成元年1月8日', '1989-01-08'],
    ['平成1年1月8日', '1989-01-08'],
    ['平成元.1.8', '1989-01-08'],
    ['㍻元年1月8日', '1989-01-08'],
    ['令和元年5月1日', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['R7.4.1', '2025-04-01'],
    ['令和7年4月1日', '2025-04-01'],
    ['令7.4.1', '2025-04-01'],
    ['㋿7年4月1日', '2025-04-01'],
    ['大正元年7月30日', '1912-07-30'],
    ['T15.12.24', '1926-12-24'],
    ['大正15年12月24日', '1926-12-24'],
    ['明治45年7月29日', '1912-07-29'],
    ['M45.7.29', '1912-07-29'],
    ['明治33年1月1日', '1900-01-01'],
    ['㍾33年1月1日', '1900-01-01'],
    ['㍽2年1月1日', '1913-01-01'],
    ['明治元年1月25日', '1868-01-25'],
    ['1868-01-25', '1868-01-25'],
    ['2000/2/29', '2000-02-29'],
    ['2025-06-01', '2025-06-01'],
  ])('%s → %s', (input, iso) => {
    expect(parse(input)).toEqual(ok(iso));
  });
});

describe('parseJapaneseDate: era boundaries', () => {
  it.each([
    ['明治45年7月29日', ok('1912-07-29')],
    ['明治45年7月30日', fail('明治45年は7月29日までです。')],
    ['明治46年1月1日', fail('明治は45年7月29日までです。')],
    ['大正元年7月29日', fail('大正は元年7月30日からです。')],
    ['大正元年7月30日', ok('1912-07-30')],
    ['大正15年12月24日', ok('1926-12-24')],
    ['大正15年12月25日', fail('大正15年は12月24日までです。')],
    ['昭和元年12月24日', fail('昭和は元年12月25日からです。')],
    ['昭和元年12月25日', ok('1926-12-25')],
    ['昭和64年1月7日', ok('1989-01-07')],
    ['昭和64年1月8日', fail('昭和64年は1月7日までです。')],
    ['S64.1.8', fail('昭和64年は1月7日までです。')],
    ['昭和65年1月1日', fail('昭和は64年1月7日までです。')],
    ['平成元年1月7日', fail('平成は元年1月8日からです。')],
    ['平成元年1月8日', ok('1989-01-08')],
    ['平成31年4月30日', ok('2019-04-30')],
    ['平成31年5月1日', fail('平成31年は4月30日までです。')],
    ['H32.1.1', fail('平成は31年4月30日までです。')],
    ['令和元年4月30日', fail('令和は元年5月1日からです。')],
    ['令和元年5月1日', ok('2019-05-01')],
  ])('%s', (input, expected) => {
    expect(parse(input)).toEqual(expected);
  });

  it('西暦 dates need no era check: 1989-01-07 and 1989-01-08 are both fine', () => {
    expect(parse('1989-01-07')).toEqual(ok('1989-01-07'));
    expect(parse('1989-01-08')).toEqual(ok('1989-01-08'));
  });
});

describe('parseJapaneseDate: refusals', () => {
  it.each([
    ['1946年2月30日', DATE_MESSAGES.notExist],
    ['1900-02-29', DATE_MESSAGES.notExist],
    ['2023-02-29', DATE_MESSAGES.notExist],
    ['1946-13-01', DATE_MESSAGES.notExist],
    ['1946-04-31', DATE_MESSAGES.notExist],
    ['1946-04-00', DATE_MESSAGES.notExist],
    ['昭和21年2月30日', DATE_MESSAGES.notExist],
    ['昭和0年1月1日', DATE_MESSAGES.notExist],
    ['19460431', DATE_MESSAGES.notExist],
    ['1868-01-24', DATE_MESSAGES.tooEarly],
    ['1800-01-01', DATE_MESSAGES.tooEarly],
    ['明治元年1月24日', DATE_MESSAGES.tooEarly],
    ['2025-06-02', DATE_MESSAGES.future],
    ['令和7年6月2日', DATE_MESSAGES.future],
    ['R8.1.1', DATE_MESSAGES.future],
    ['', DATE_MESSAGES.unreadable],
    ['あした', DATE_MESSAGES.unreadable],
    ['昭和', DATE_MESSAGES.unreadable],
    ['1946', DATE_MESSAGES.unreadable],
    ['1946-04', DATE_MESSAGES.unreadable],
    ['46/4/1', DATE_MESSAGES.unreadable],
    ['X21.4.1', DATE_MESSAGES.unreadable],
    ['慶応3年1月1日', DATE_MESSAGES.unreadable],
    ['昭和二十一年四月一日', DATE_MESSAGES.unreadable],
    ['03-1234-5678', DATE_MESSAGES.unreadable],
  ])('%s → %s', (input, message) => {
    expect(parse(input)).toEqual(fail(message));
  });

  it('uses the exact Japanese wording the UI shows', () => {
    expect(DATE_MESSAGES.unreadable).toBe('日付として読み取れません。例: 昭和21年4月1日 / 1946-04-01');
    expect(DATE_MESSAGES.notExist).toBe('その日付は存在しません。');
    expect(DATE_MESSAGES.future).toBe('未来の日付は入力できません。');
  });
});

describe('parseJapaneseDate: today', () => {
  it('reads a Date as its calendar day in Japan', () => {
    // 2025-05-31T15:30Z is already 2025-06-01 00:30 in Japan.
    const instant = new Date('2025-05-31T15:30:00Z');
    expect(isoDayInJapan(instant)).toBe('2025-06-01');
    expect(parseJapaneseDate('2025-06-01', instant)).toEqual(ok('2025-06-01'));
    expect(parseJapaneseDate('2025-06-02', instant)).toEqual(fail(DATE_MESSAGES.future));
  });

  it('defaults to the clock', () => {
    expect(parseJapaneseDate('1946-04-01')).toEqual(ok('1946-04-01'));
    expect(parseJapaneseDate('9999-01-01')).toEqual(fail(DATE_MESSAGES.future));
  });

  it('rejects a malformed today string (a programming error)', () => {
    expect(() => parseJapaneseDate('1946-04-01', '2025/6/1')).toThrow(RangeError);
  });
});

describe('formatWareki / formatSeireki', () => {
  it.each([
    ['2025-04-01', '令和7年4月1日', '2025年4月1日'],
    ['2019-05-01', '令和元年5月1日', '2019年5月1日'],
    ['2029-12-31', '令和11年12月31日', '2029年12月31日'],
    ['2019-04-30', '平成31年4月30日', '2019年4月30日'],
    ['1989-01-08', '平成元年1月8日', '1989年1月8日'],
    ['1999-11-01', '平成11年11月1日', '1999年11月1日'],
    ['1989-01-07', '昭和64年1月7日', '1989年1月7日'],
    ['1946-04-01', '昭和21年4月1日', '1946年4月1日'],
    ['1926-12-25', '昭和元年12月25日', '1926年12月25日'],
    ['1926-12-24', '大正15年12月24日', '1926年12月24日'],
    ['1912-07-30', '大正元年7月30日', '1912年7月30日'],
    ['1912-07-29', '明治45年7月29日', '1912年7月29日'],
    ['1873-01-01', '明治6年1月1日', '1873年1月1日'],
    ['1868-01-25', '明治元年1月25日', '1868年1月25日'],
  ])('%s → %s / %s', (iso, wareki, seireki) => {
    expect(formatWareki(iso)).toBe(wareki);
    expect(formatSeireki(iso)).toBe(seireki);
    expect(parseJapaneseDate(wareki, '2100-01-01')).toEqual(ok(iso));
    expect(parseJapaneseDate(seireki, '2100-01-01')).toEqual(ok(iso));
  });

  it.each(['', '2025-4-1', '2025-02-30', '20250401', 'x'])('refuses a non-ISO date %j', (bad) => {
    expect(() => formatWareki(bad)).toThrow(RangeError);
    expect(() => formatSeireki(bad)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it.each([
    ['1946-04-01', '1946-04-01', 0],
    ['1946-04-01', '2025-03-31', 78],
    ['1946-04-01', '2025-04-01', 79],
    ['1946-04-01', '2025-04-02', 79],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-29', 4],
    ['2000-12-31', '2001-01-01', 0],
    ['1989-01-08', '2019-05-01', 30],
  ])('born %s, on %s → %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('refuses a day before birth and malformed dates', () => {
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow(RangeError);
    expect(() => ageOn('2000-1-2', '2020-01-01')).toThrow(RangeError);
    expect(() => ageOn('2000-01-02', '2020-02-30')).toThrow(RangeError);
  });
});
