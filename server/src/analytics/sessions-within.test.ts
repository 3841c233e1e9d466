import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionsWithin } from './statutory-indicators.js';

const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2025, 3, 1 + n)).toISOString().slice(0, 10));

describe('sessionsWithin (a period’s sessions out of sessions in day order)', () => {
  it('is exactly the sessions a filter by day keeps, in the same order, for any days and period', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 80 }), day, day, (days, a, b) => {
        const sorted = [...days].sort().map((heldOn, i) => ({ heldOn, i }));
        const period = a <= b ? { from: a, to: b } : { from: b, to: a };
        expect(sessionsWithin(sorted, period)).toEqual(sorted.filter((s) => s.heldOn >= period.from && s.heldOn <= period.to));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps both edge days and every session of a day', () => {
    const sorted = ['2025-04-30', '2025-05-01', '2025-05-01', '2025-05-31', '2025-06-01'].map((heldOn) => ({ heldOn }));
    expect(sessionsWithin(sorted, { from: '2025-05-01', to: '2025-05-31' }).map((s) => s.heldOn)).toEqual(['2025-05-01', '2025-05-01', '2025-05-31']);
    expect(sessionsWithin(sorted, { from: '2025-07-01', to: '2025-07-31' })).toEqual([]);
  });
});
