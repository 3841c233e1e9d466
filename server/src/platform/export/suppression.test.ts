import { describe, expect, it } from 'vitest';
import { DEFAULT_SMALL_CELL_THRESHOLD, showSuppressed, suppressList, suppressTable } from './suppression.js';

describe('suppressTable', () => {
  it('hides a small cell and the smallest other cells of its row and column, keeps zeros and the totals', () => {
    const s = suppressTable([
      [3, 10, 20],
      [8, 12, 30],
      [0, 15, 40],
    ]);
    expect(s.cells).toEqual([
      [null, null, 20],
      [null, null, 30],
      [0, 15, 40],
    ]);
    expect(s.rowTotals).toEqual([33, 50, 55]);
    expect(s.columnTotals).toEqual([11, 37, 90]);
    expect(s.grandTotal).toBe(138);
    expect(s.suppressed).toBe(4);
  });

  it('hides the total of a row whose only non-zero cell is small, and another total with it', () => {
    const s = suppressTable([
      [2, 0],
      [9, 7],
      [6, 8],
    ]);
    expect(s.cells[0]).toEqual([null, 0]);
    expect(s.rowTotals[0]).toBeNull();
    // The column of row totals now has a hidden entry: a second one is hidden with it.
    expect(s.rowTotals.filter((v) => v === null).length + (s.grandTotal === null ? 1 : 0)).toBeGreaterThanOrEqual(2);
  });

  it('shows zeros: a zero identifies nobody', () => {
    expect(suppressTable([[0, 0], [0, 0]]).suppressed).toBe(0);
  });

  it('uses the threshold given, default 5', () => {
    expect(DEFAULT_SMALL_CELL_THRESHOLD).toBe(5);
    expect(suppressTable([[5, 6], [7, 8]]).suppressed).toBe(0);
    expect(suppressTable([[5, 6], [7, 8]], { threshold: 6 }).cells[0]![0]).toBeNull();
    expect(suppressTable([[1, 2]], { threshold: 1 }).suppressed).toBe(0);
  });

  it('handles an empty table and refuses negative or fractional counts', () => {
    expect(suppressTable([])).toEqual({ cells: [], rowTotals: [], columnTotals: [], grandTotal: 0, suppressed: 0 });
    expect(() => suppressTable([[-1]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[1]], { threshold: 0 })).toThrow(RangeError);
  });
});

describe('suppressList', () => {
  it('hides the smallest other non-zero count with a single small one', () => {
    expect(suppressList([3, 10, 20, 0])).toEqual({ counts: [null, null, 20, 0], total: 33, suppressed: 2 });
  });

  it('hides the total when the small count is the only non-zero one', () => {
    expect(suppressList([0, 4, 0])).toEqual({ counts: [0, null, 0], total: null, suppressed: 2 });
  });

  it('leaves two small counts as they are', () => {
    expect(suppressList([1, 2, 30])).toEqual({ counts: [null, null, 30], total: 33, suppressed: 2 });
  });

  it('shows a hidden value as —', () => {
    expect(showSuppressed(null)).toBe('—');
    expect(showSuppressed(7)).toBe(7);
  });
});
