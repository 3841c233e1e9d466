import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SuppressedTable, suppressList, suppressTable } from './suppression.js';

/** Mostly small counts (so suppression has work to do), some zeros, some large. */
const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }), fc.constant(0));
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const threshold = fc.integer({ min: 1, max: 8 });

/** The published table with margins as a grid of (number | null), with the line equations (cells sum to the last entry). */
function published(s: SuppressedTable): (number | null)[][] {
  return [...s.cells.map((row, r) => [...row, s.rowTotals[r]!]), [...s.columnTotals, s.grandTotal]];
}

/**
 * The attacker: repeatedly takes any row or column equation (cells = total) with exactly one unknown
 * and solves it. Returns every entry recovered that way.
 */
function differencing(grid: (number | null)[][]): Map<string, number> {
  const known = grid.map((row) => [...row]);
  const recovered = new Map<string, number>();
  const R = known.length - 1;
  const C = known[0]!.length - 1;
  const lines: [number, number][][] = [];
  for (let r = 0; r <= R; r++) lines.push(Array.from({ length: C + 1 }, (_, c) => [r, c] as [number, number]));
  for (let c = 0; c <= C; c++) lines.push(Array.from({ length: R + 1 }, (_, r) => [r, c] as [number, number]));
  let progress = true;
  while (progress) {
    progress = false;
    for (const line of lines) {
      const unknown = line.filter(([r, c]) => known[r]![c] === null);
      if (unknown.length !== 1) continue;
      const [ur, uc] = unknown[0]!;
      const totalPos = line[line.length - 1]!;
      const parts = line.slice(0, -1);
      const partsSum = parts.reduce((a, [r, c]) => a + (r === ur && c === uc ? 0 : known[r]![c]!), 0);
      const v = ur === totalPos[0] && uc === totalPos[1] ? partsSum : known[totalPos[0]]![totalPos[1]]! - partsSum;
      known[ur]![uc] = v;
      recovered.set(`${ur},${uc}`, v);
      progress = true;
    }
  }
  return recovered;
}

describe('suppressTable (properties)', () => {
  it('no hidden entry can be recovered by differencing rows and columns with their totals, even repeatedly', () => {
    fc.assert(
      fc.property(table, threshold, (cells, t) => {
        const s = suppressTable(cells, { threshold: t });
        expect(differencing(published(s)).size).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('every visible value is the true value, every small non-zero cell is hidden, zeros of the primary rule stay', () => {
    fc.assert(
      fc.property(table, threshold, (cells, t) => {
        const s = suppressTable(cells, { threshold: t });
        cells.forEach((row, r) => {
          row.forEach((n, c) => {
            const shown = s.cells[r]![c];
            if (n >= 1 && n < t) expect(shown).toBeNull();
            if (shown !== null) expect(shown).toBe(n);
          });
          const rowTotal = s.rowTotals[r];
          if (rowTotal !== null) expect(rowTotal).toBe(row.reduce((a, b) => a + b, 0));
        });
        s.columnTotals.forEach((total, c) => {
          if (total !== null) expect(total).toBe(cells.reduce((a, row) => a + row[c]!, 0));
        });
        if (s.grandTotal !== null) expect(s.grandTotal).toBe(cells.flat().reduce((a, b) => a + b, 0));
        const hiddenCount = [...s.cells.flat(), ...s.rowTotals, ...s.columnTotals, s.grandTotal].filter((v) => v === null).length;
        expect(s.suppressed).toBe(hiddenCount);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic and leaves its input alone', () => {
    fc.assert(
      fc.property(table, threshold, (cells, t) => {
        const copy = cells.map((row) => [...row]);
        expect(suppressTable(cells, { threshold: t })).toEqual(suppressTable(copy, { threshold: t }));
        expect(cells).toEqual(copy);
      }),
    );
  });

  it('hides nothing when no cell is small', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const big = cells.map((row) => row.map((n) => (n === 0 ? 0 : n + 10)));
        expect(suppressTable(big, { threshold: 5 }).suppressed).toBe(0);
      }),
    );
  });
});

describe('suppressList (properties)', () => {
  it('a single hidden count can never be recovered from the visible counts and the total', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), threshold, (counts, t) => {
        const s = suppressList(counts, { threshold: t });
        const unknown = s.counts.filter((v) => v === null).length + (s.total === null ? 1 : 0);
        expect(unknown === 0 || unknown >= 2).toBe(true);
        counts.forEach((n, i) => {
          if (n >= 1 && n < t) expect(s.counts[i]).toBeNull();
          if (s.counts[i] !== null) expect(s.counts[i]).toBe(n);
        });
        if (s.total !== null) expect(s.total).toBe(counts.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 2000 },
    );
  });
});
