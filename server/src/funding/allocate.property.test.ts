import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';

const SEED = 20261127;
const weights = fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), weight: fc.integer({ min: 0, max: 1_000_000 }) }), {
  minLength: 1,
  maxLength: 12,
  selector: (w) => w.key,
});
const positive = weights.filter((ws) => ws.some((w) => w.weight > 0));
const total = fc.integer({ min: 0, max: 5_000_000_000 });

describe('allocate (largest remainder) invariants', () => {
  it('sums exactly to the total', () => {
    fc.assert(
      fc.property(total, positive, (t, ws) => {
        expect(allocate(t, ws).reduce((s, x) => s + x.amount, 0)).toBe(t);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('gives each share the floor or the floor plus one of its exact quota', () => {
    fc.assert(
      fc.property(total, positive, (t, ws) => {
        const sum = ws.reduce((s, w) => s + BigInt(w.weight), 0n);
        for (const share of allocate(t, ws)) {
          const floor = (BigInt(t) * BigInt(share.weight)) / sum;
          const exact = (BigInt(t) * BigInt(share.weight)) % sum === 0n;
          const amount = BigInt(share.amount);
          expect(amount === floor || (!exact && amount === floor + 1n)).toBe(true);
        }
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('gives the same amount to each key whatever the order of the input', () => {
    fc.assert(
      fc.property(
        total,
        positive.chain((ws) => fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length }))),
        (t, [ws, shuffled]) => {
          const byKey = (shares: ReturnType<typeof allocate>) => Object.fromEntries(shares.map((s) => [s.key, s.amount]));
          expect(byKey(allocate(t, shuffled))).toEqual(byKey(allocate(t, ws)));
        },
      ),
      { numRuns: 1000, seed: SEED },
    );
  });

  it('gives zero yen to a zero weight', () => {
    fc.assert(
      fc.property(total, positive, fc.string({ minLength: 7, maxLength: 9 }), (t, ws, zeroKey) => {
        const shares = allocate(t, [...ws, { key: zeroKey, weight: 0 }]);
        expect(shares.find((s) => s.key === zeroKey)?.amount).toBe(0);
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});
