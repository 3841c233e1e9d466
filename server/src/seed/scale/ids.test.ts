import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random.js';
import { IdSource } from './ids.js';
import { fiveFiscalYearsStart } from './stage-people.js';

describe('generated ids', () => {
  it('are valid UUIDv7, unique, ordered, and the same from the same seed', () => {
    const make = () => {
      const ids = new IdSource(new SeededRandom(99), Date.UTC(2025, 3, 1));
      return Array.from({ length: 2_000 }, () => ids.next());
    };
    const ids = make();
    for (const id of ids) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(make()).toEqual(ids);
  });
});

describe('the 5 年度 window', () => {
  it('starts on April 1 (Japan time) of the 年度 four before today’s', () => {
    expect(fiveFiscalYearsStart(new Date('2026-11-27T00:00:00Z')).toISOString()).toBe('2022-03-31T15:00:00.000Z');
    // 2026-03-31 23:30 in Japan is still 2025年度.
    expect(fiveFiscalYearsStart(new Date('2026-03-31T14:30:00Z')).toISOString()).toBe('2021-03-31T15:00:00.000Z');
    // 2026-04-01 00:30 in Japan is 2026年度.
    expect(fiveFiscalYearsStart(new Date('2026-03-31T15:30:00Z')).toISOString()).toBe('2022-03-31T15:00:00.000Z');
  });
});
