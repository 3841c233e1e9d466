import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateReferenceNumber, MAX_REFERENCE_ATTEMPTS, newReferenceNumber, REFERENCE_ALPHABET, REFERENCE_PATTERN } from './reference-number.js';

describe('受付番号 (reference number)', () => {
  it('reads W-YYMM-XXXX with the year and month in Japan', () => {
    // 2026-11-30 16:00 UTC is already December 1st in Japan.
    expect(newReferenceNumber(new Date('2026-11-30T16:00:00Z'), () => 0)).toBe('W-2612-0000');
    expect(newReferenceNumber(new Date('2026-11-27T01:00:00Z'), () => REFERENCE_ALPHABET.length - 1)).toBe('W-2611-ZZZZ');
  });

  it('never uses letters that are confused with digits or each other (I, L, O, U)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const n = newReferenceNumber(d);
        expect(n).toMatch(REFERENCE_PATTERN);
        expect(n.slice(7)).not.toMatch(/[ILOU]/);
      }),
    );
  });

  it('is random, not sequential: many draws are (almost all) different', () => {
    const now = new Date('2026-11-27T01:00:00Z');
    const drawn = new Set(Array.from({ length: 500 }, () => newReferenceNumber(now)));
    expect(drawn.size).toBeGreaterThan(490);
  });

  it('draws again while a number is taken, and gives up after a bounded number of tries', async () => {
    const now = new Date('2026-11-27T01:00:00Z');
    const taken = new Set(['W-2611-AAAA', 'W-2611-BBBB']);
    const queue = ['W-2611-AAAA', 'W-2611-BBBB', 'W-2611-CCCC'];
    const tried: string[] = [];
    const got = await allocateReferenceNumber(
      now,
      async (c) => {
        tried.push(c);
        return !taken.has(c);
      },
      () => queue.shift()!,
    );
    expect(got).toBe('W-2611-CCCC');
    expect(tried).toEqual(['W-2611-AAAA', 'W-2611-BBBB', 'W-2611-CCCC']);

    let attempts = 0;
    await expect(
      allocateReferenceNumber(now, async () => {
        attempts += 1;
        return false;
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(MAX_REFERENCE_ATTEMPTS);
  });
});
