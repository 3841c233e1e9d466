import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalList, canonicalPostalCode, containsPattern, isStale, SCHEDULE_MESSAGES, scheduleProblems, searchWords, staleCutoff, timeInJapan } from './directory-rules.js';

const weekly = { freq: 'WEEKLY' as const, byday: 'MO,WE', bymonthday: null, opensAt: '10:00', closesAt: '15:00', validFrom: null, validTo: null };

describe('要再確認 (not re-checked for 12 months)', () => {
  it('the cutoff is the same day a year earlier; 29 February falls back to the 28th', () => {
    expect(staleCutoff('2026-11-27')).toBe('2025-11-27');
    expect(staleCutoff('2028-02-29')).toBe('2027-02-28');
    expect(staleCutoff('2026-01-01')).toBe('2025-01-01');
  });

  it('flags never-checked entries and entries checked before the cutoff, not those on or after it', () => {
    expect(isStale(null, '2026-11-27')).toBe(true);
    expect(isStale('2025-11-26', '2026-11-27')).toBe(true);
    expect(isStale('2025-11-27', '2026-11-27')).toBe(false);
    expect(isStale('2026-11-27', '2026-11-27')).toBe(false);
  });

  it('is monotonic: an older check is never fresher than a newer one', () => {
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, today) => {
        const [older, newer] = a < b ? [a, b] : [b, a];
        expect(!isStale(older, today) && isStale(newer, today)).toBe(false);
      }),
    );
  });
});

describe('schedules (RFC 5545 subset of HSDS)', () => {
  it('accepts a weekly schedule with days and opening hours', () => {
    expect(scheduleProblems(weekly)).toEqual([]);
  });

  it('needs days for WEEKLY and only MO…SU', () => {
    expect(scheduleProblems({ ...weekly, byday: null })).toEqual([{ field: 'byday', message: SCHEDULE_MESSAGES.weeklyByday }]);
    expect(scheduleProblems({ ...weekly, byday: 'MO,XX' })[0]?.field).toBe('byday');
    expect(scheduleProblems({ ...weekly, byday: 'MO,MO' })).toEqual([{ field: 'byday', message: SCHEDULE_MESSAGES.duplicate }]);
    expect(scheduleProblems({ ...weekly, bymonthday: '1' })).toEqual([{ field: 'bymonthday', message: SCHEDULE_MESSAGES.weeklyNoMonthday }]);
  });

  it('MONTHLY takes ordinal days (2SA, -1FR) or days of the month (1,15,-1)', () => {
    expect(scheduleProblems({ ...weekly, freq: 'MONTHLY', byday: '2SA,4SA' })).toEqual([]);
    expect(scheduleProblems({ ...weekly, freq: 'MONTHLY', byday: '-1FR' })).toEqual([]);
    expect(scheduleProblems({ ...weekly, freq: 'MONTHLY', byday: null, bymonthday: '1,15,-1' })).toEqual([]);
    expect(scheduleProblems({ ...weekly, freq: 'MONTHLY', byday: 'SA' })).toEqual([{ field: 'byday', message: SCHEDULE_MESSAGES.monthlyByday }]);
    expect(scheduleProblems({ ...weekly, freq: 'MONTHLY', byday: null, bymonthday: '32' })).toEqual([{ field: 'bymonthday', message: SCHEDULE_MESSAGES.monthlyDay }]);
    expect(scheduleProblems({ ...weekly, freq: 'MONTHLY', byday: null })).toEqual([{ field: 'byday', message: SCHEDULE_MESSAGES.monthlyNeedsDay }]);
  });

  it('checks times and their order, and the validity period', () => {
    expect(scheduleProblems({ ...weekly, opensAt: '25:00' })).toEqual([{ field: 'opensAt', message: SCHEDULE_MESSAGES.time }]);
    expect(scheduleProblems({ ...weekly, closesAt: '09:00' })).toEqual([{ field: 'closesAt', message: SCHEDULE_MESSAGES.closesAfterOpens }]);
    expect(scheduleProblems({ ...weekly, validFrom: '2026-04-01', validTo: '2026-03-31' })).toEqual([{ field: 'validTo', message: SCHEDULE_MESSAGES.validRange }]);
  });

  it('writes day lists the canonical way (NFKC, upper case, no spaces)', () => {
    expect(canonicalList(' mo, ＷＥ ,')).toBe('MO,WE');
    expect(canonicalList('  ')).toBeNull();
  });
});

describe('times as HSDS writes them → Japan time', () => {
  it.each([
    ['10:00', '10:00'],
    ['9:05', '09:05'],
    ['10:00:00', '10:00'],
    ['10:00+09:00', '10:00'],
    ['01:00Z', '10:00'],
    ['18:00-05:00', '08:00'],
    ['１０：００', '10:00'],
  ])('%s → %s', (input, expected) => {
    expect(timeInJapan(input)).toBe(expected);
  });
  it('refuses what is not a time', () => {
    expect(timeInJapan('ten')).toBeNull();
    expect(timeInJapan('24:00')).toBeNull();
  });
});

describe('postal codes and search words', () => {
  it('writes 郵便番号 as 123-4567', () => {
    expect(canonicalPostalCode('〒９９００１０１')).toBe('990-0101');
    expect(canonicalPostalCode('990-0101')).toBe('990-0101');
    expect(canonicalPostalCode('99001')).toBeNull();
  });
  it('folds full-width text and splits on spaces; LIKE wildcards are escaped', () => {
    expect(searchWords('　ＮＰＯ　就労体験 ')).toEqual(['npo', '就労体験']);
    expect(containsPattern('50%_off')).toBe('%50\\%\\_off%');
  });
});
