import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CostInput, computeRun, type KeyCount, type RateInput } from './compute-run.js';
import { ALLOCATION_KEYS, GRANT_PARTS, PAYERS, SILOS } from './funding-codes.js';

const SEED = 20261127;
const part = fc.constantFrom(...GRANT_PARTS);
const silo = fc.constantFrom(...SILOS);
// Every silo has a positive count in every part, so every cost can be split under every key.
const keys: fc.Arbitrary<KeyCount[]> = fc.tuple(...GRANT_PARTS.flatMap((p) => SILOS.map((s) => fc.integer({ min: 1, max: 500 }).map((count): KeyCount => ({ part: p, silo: s, costId: null, sourceId: `${p}-${s}`, sourceLabel: s, count })))));
const cost: fc.Arbitrary<CostInput> = fc.record({
  costId: fc.uuid(),
  kind: fc.constantFrom('staff' as const, 'contract' as const, 'other' as const),
  label: fc.string({ maxLength: 5 }),
  part,
  amountYen: fc.integer({ min: 0, max: 100_000_000 }),
  hours: fc.uniqueArray(fc.record({ part, silo, hours: fc.integer({ min: 0, max: 2000 }) }), { maxLength: 4, selector: (h) => `${h.part}:${h.silo}` }),
});
const rate: fc.Arbitrary<RateInput> = fc.record({
  rateId: fc.uuid(),
  versionNo: fc.integer({ min: 1, max: 5 }),
  part,
  silo,
  baseAmountYen: fc.option(fc.integer({ min: 0, max: 200_000_000 }), { nil: null }),
  ratios: fc.record({ kuni: fc.integer({ min: 0, max: 400 }), todofuken: fc.integer({ min: 0, max: 400 }), shichoson: fc.integer({ min: 1, max: 400 }), hoken1: fc.integer({ min: 0, max: 400 }), hoken2: fc.integer({ min: 0, max: 400 }) }),
  rounding: fc.constantFrom('none' as const, 'floor_1000' as const, 'round_1000' as const, 'floor_10000' as const),
  isSample: fc.boolean(),
});

describe('computeRun invariants', () => {
  it('allocates every cost exactly, and splits every claim over the payers exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALLOCATION_KEYS),
        fc.uniqueArray(cost, { maxLength: 6, selector: (c) => c.costId }),
        keys,
        fc.uniqueArray(rate, { maxLength: 12, selector: (r) => `${r.part}:${r.silo}` }),
        (key, costs, counts, rates) => {
          const result = computeRun({ key, costs, keys: counts, rates, newConsultations: 10, population: 50_000 });
          for (const c of costs) expect(result.lines.filter((l) => l.costId === c.costId).reduce((s, l) => s + l.amountYen, 0)).toBe(c.amountYen);
          expect(result.claims.reduce((s, c) => s + c.allocatedYen, 0)).toBe(result.totalCostYen);
          for (const c of result.claims) {
            if (c.payers) expect(PAYERS.reduce((s, p) => s + c.payers![p], 0)).toBe(c.claimedYen);
            expect(c.claimedYen).toBeLessThanOrEqual(c.rate?.rounding === 'round_1000' ? c.allocatedYen + 500 : c.allocatedYen);
          }
        },
      ),
      { numRuns: 500, seed: SEED },
    );
  });
});
