import { describe, expect, it } from 'vitest';
import { CONCERN_CATEGORY_CODES } from '../consultation/concern-categories.js';
import { cellsOfMasks } from './concern-cooccurrence.js';

const bit = (code: string) => 1 << CONCERN_CATEGORY_CODES.indexOf(code as (typeof CONCERN_CATEGORY_CODES)[number]);

describe('cellsOfMasks', () => {
  it('counts every pair (and each category alone) a household carries, summed over masks', () => {
    const cells = cellsOfMasks([
      { mask: bit('care') | bit('withdrawal') | bit('rent_loan'), households: 3 },
      { mask: bit('care'), households: 2 },
      { mask: bit('withdrawal') | bit('care'), households: 1 },
    ]);
    expect(cells).toEqual([
      { a: 'care', b: 'care', households: 6 },
      { a: 'care', b: 'rent_loan', households: 3 },
      { a: 'care', b: 'withdrawal', households: 4 },
      { a: 'rent_loan', b: 'rent_loan', households: 3 },
      { a: 'rent_loan', b: 'withdrawal', households: 3 },
      { a: 'withdrawal', b: 'withdrawal', households: 4 },
    ]);
  });

  it('orders a pair by code whatever the bit order, and returns nothing for no households', () => {
    expect(cellsOfMasks([{ mask: bit('other') | bit('care'), households: 1 }]).map((c) => `${c.a}/${c.b}`)).toEqual(['care/care', 'care/other', 'other/other']);
    expect(cellsOfMasks([])).toEqual([]);
  });
});
