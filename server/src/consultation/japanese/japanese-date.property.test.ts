import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLIEST_DATE, ERAS, eraOf, toIso, warekiFromTable } from './eras.js';
import { ageOn, formatSeireki, formatWareki, isoDayInJapan, parseJapaneseDate } from './japanese-date.js';

const DAY_MS = 86_400_000;
const isoOfDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

const TODAY = isoDayInJapan(new Date());
/** Any day from 1900-01-01 to today. */
const since1900 = fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber(TODAY) }).map(isoOfDayNumber);
/** Any day parseJapaneseDate accepts (1868-01-25 … today). */
const accepted = fc.integer({ min: dayNumber(EARLIEST_DATE), max: dayNumber(TODAY) }).map(isoOfDayNumber);

describe('japanese-date (properties)', () => {
  it('parseJapaneseDate(formatWareki(d)) and parseJapaneseDate(formatSeireki(d)) give d back (1900 … today)', () => {
    fc.assert(
      fc.property(since1900, (iso) => {
        expect(parseJapaneseDate(formatWareki(iso), TODAY)).toEqual({ ok: true, iso });
        expect(parseJapaneseDate(formatSeireki(iso), TODAY)).toEqual({ ok: true, iso });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips from the first accepted day too, and through the short forms S21.4.1 / 19460401', () => {
    fc.assert(
      fc.property(accepted, (iso) => {
        expect(parseJapaneseDate(formatWareki(iso), TODAY)).toEqual({ ok: true, iso });
        const { era, year } = eraOf(iso)!;
        const [, m, d] = iso.split('-').map(Number);
        expect(parseJapaneseDate(`${era.letter.toUpperCase()}${year}.${m}.${d}`, TODAY)).toEqual({ ok: true, iso });
        expect(parseJapaneseDate(iso.replaceAll('-', ''), TODAY)).toEqual({ ok: true, iso });
      }),
      { numRuns: 500 },
    );
  });

  it('the era table agrees with Intl (ICU) from 1873 on', () => {
    const from1873 = fc.integer({ min: dayNumber('1873-01-01'), max: dayNumber('2100-12-31') }).map(isoOfDayNumber);
    fc.assert(
      fc.property(from1873, (iso) => {
        expect(formatWareki(iso)).toBe(warekiFromTable(iso));
      }),
      { numRuns: 1000 },
    );
    for (const era of ERAS.slice(1)) {
      expect(formatWareki(era.start)).toBe(warekiFromTable(era.start));
      expect(formatWareki(era.start).startsWith(`${era.name}元年`)).toBe(true);
    }
  });

  it('every accepted date is an existing date, never after today', () => {
    const ymd = fc.record({ y: fc.integer({ min: 1860, max: 2100 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) });
    fc.assert(
      fc.property(ymd, ({ y, m, d }) => {
        const result = parseJapaneseDate(`${y}年${m}月${d}日`, TODAY);
        const exists = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        const iso = toIso({ y, m, d });
        expect(result.ok).toBe(exists && iso >= EARLIEST_DATE && iso <= TODAY);
        if (result.ok) expect(result.iso).toBe(iso);
      }),
    );
  });

  it('age grows by at most one a day, and is k on the k-th birthday and k-1 the day before', () => {
    fc.assert(
      fc.property(since1900, fc.integer({ min: 0, max: 120 * 366 }), fc.integer({ min: 1, max: 120 }), (birth, offset, k) => {
        const on = isoOfDayNumber(dayNumber(birth) + offset);
        const step = ageOn(birth, isoOfDayNumber(dayNumber(on) + 1)) - ageOn(birth, on);
        expect(step === 0 || step === 1).toBe(true);
        fc.pre(!birth.endsWith('-02-29'));
        const birthday = `${String(Number(birth.slice(0, 4)) + k).padStart(4, '0')}${birth.slice(4)}`;
        expect(ageOn(birth, birthday)).toBe(k);
        expect(ageOn(birth, isoOfDayNumber(dayNumber(birthday) - 1))).toBe(k - 1);
      }),
    );
  });
});
