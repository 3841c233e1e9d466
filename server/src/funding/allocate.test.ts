import { describe, expect, it } from 'vitest';
import { allocate, roundYen } from './allocate.js';

describe('allocate', () => {
  it('splits 100 yen over three equal weights, the tie going to the smallest key', () => {
    expect(allocate(100, [{ key: 'c', weight: 1 }, { key: 'a', weight: 1 }, { key: 'b', weight: 1 }]).map((s) => [s.key, s.amount])).toEqual([
      ['c', 33],
      ['a', 34],
      ['b', 33],
    ]);
  });

  it('follows the largest remainder, not the order', () => {
    // 10 × (2, 5, 6) / 13 = 1 r7, 3 r11, 4 r8: the 2 yen left go to y (r11) and z (r8)
    expect(allocate(10, [{ key: 'x', weight: 2 }, { key: 'y', weight: 5 }, { key: 'z', weight: 6 }]).map((s) => s.amount)).toEqual([1, 4, 5]);
  });

  it('keeps the input order and weights in the result', () => {
    expect(allocate(7, [{ key: 'b', weight: 3 }, { key: 'a', weight: 4 }])).toEqual([
      { key: 'b', weight: 3, amount: 3 },
      { key: 'a', weight: 4, amount: 4 },
    ]);
  });

  it('allocates nothing when the total is zero, even with zero weights', () => {
    expect(allocate(0, [{ key: 'a', weight: 0 }]).map((s) => s.amount)).toEqual([0]);
  });

  it('refuses a positive total with a zero weight sum', () => {
    expect(() => allocate(5, [{ key: 'a', weight: 0 }])).toThrowError(expect.objectContaining({ code: 'invalid' }));
  });

  it('refuses negative or fractional amounts and weights, and duplicate keys', () => {
    expect(() => allocate(-1, [{ key: 'a', weight: 1 }])).toThrowError(expect.objectContaining({ code: 'invalid' }));
    expect(() => allocate(1, [{ key: 'a', weight: 0.5 }])).toThrowError(expect.objectContaining({ code: 'invalid' }));
    expect(() => allocate(1, [{ key: 'a', weight: 1 }, { key: 'a', weight: 2 }])).toThrow(RangeError);
  });

  it('is exact beyond 2^53 intermediate products', () => {
    const shares = allocate(9_000_000_000, [{ key: 'a', weight: 999_999 }, { key: 'b', weight: 1 }]);
    expect(shares.map((s) => s.amount)).toEqual([8_999_991_000, 9_000]);
  });
});

describe('roundYen', () => {
  it('applies each rule', () => {
    expect(roundYen(1_234_567, 'none')).toBe(1_234_567);
    expect(roundYen(1_234_567, 'floor_1000')).toBe(1_234_000);
    expect(roundYen(1_234_567, 'round_1000')).toBe(1_235_000);
    expect(roundYen(1_234_499, 'round_1000')).toBe(1_234_000);
    expect(roundYen(1_234_500, 'round_1000')).toBe(1_235_000);
    expect(roundYen(1_234_567, 'floor_10000')).toBe(1_230_000);
    expect(roundYen(999, 'floor_1000')).toBe(0);
  });
});
