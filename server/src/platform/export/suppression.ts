/**
 * Small-cell suppression for aggregates that leave the municipality (都道府県, 公表資料).
 *
 * - Primary suppression: a count n with 1 ≤ n < threshold (default 5) is hidden ("—"). A zero stays
 *   visible: a zero identifies nobody, and hiding it would only make the table harder to read.
 * - Totals are computed from the TRUE values, so a published total never disagrees with the
 *   unpublished table.
 * - Complementary suppression: a table with its margins is a set of lines (each row with its total,
 *   each column with its total, the row totals with the grand total, the column totals with the grand
 *   total). A line with exactly one hidden entry gives that entry away by differencing (total minus the
 *   visible cells), so every line ends with either no hidden entry or at least two. While some line has
 *   exactly one, another entry of that line is hidden: the smallest non-zero cell, else the line's
 *   total (so a row whose only non-zero cell is hidden also hides its total), else a zero. The loop
 *   only ever adds hidden entries, so it stops; at the end no line has exactly one hidden entry, so
 *   no chain of single-line differencing can even start.
 */

export const DEFAULT_SMALL_CELL_THRESHOLD = 5;

/** How a hidden value is shown in tables and files. */
export const SUPPRESSED_MARK = '—';

export interface SuppressedTable {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
  /** Entries hidden (cells and totals), primary and complementary. */
  suppressed: number;
}

function checkThreshold(threshold: number): number {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a positive integer: ${threshold}`);
  return threshold;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a non-negative integer: ${n}`);
}

const isSmall = (n: number, threshold: number) => n >= 1 && n < threshold;

/** One entry of the table with margins: row r (R = the column-totals row), column c (C = the row-totals column). */
interface Entry {
  r: number;
  c: number;
}

/**
 * Suppresses small cells of a table of counts (rows × columns) and whatever else would reveal them.
 * `cells` must be a rectangle of non-negative integers.
 */
export function suppressTable(cells: number[][], options: { threshold?: number } = {}): SuppressedTable {
  const threshold = checkThreshold(options.threshold ?? DEFAULT_SMALL_CELL_THRESHOLD);
  const R = cells.length;
  const C = R === 0 ? 0 : cells[0]!.length;
  for (const row of cells) {
    if (row.length !== C) throw new RangeError('every row must have the same number of cells');
    row.forEach(checkCount);
  }
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: C }, (_, c) => cells.reduce((a, row) => a + row[c]!, 0));
  const grandTotal = rowTotals.reduce((a, b) => a + b, 0);

  // The table with margins: (R+1) × (C+1).
  const value = (e: Entry): number => (e.r < R ? (e.c < C ? cells[e.r]![e.c]! : rowTotals[e.r]!) : e.c < C ? columnTotals[e.c]! : grandTotal);
  const hidden: boolean[][] = Array.from({ length: R + 1 }, (_, r) => Array.from({ length: C + 1 }, (_, c) => r < R && c < C && isSmall(cells[r]![c]!, threshold)));

  const lines: Entry[][] = [];
  for (let r = 0; r <= R; r++) lines.push(Array.from({ length: C + 1 }, (_, c) => ({ r, c })));
  for (let c = 0; c <= C; c++) lines.push(Array.from({ length: R + 1 }, (_, r) => ({ r, c })));

  const isTotal = (e: Entry) => e.r === R || e.c === C;
  /** Which visible entry of a line to hide next: smallest non-zero cell, else a non-zero total, else a zero (cells first). */
  const rank = (e: Entry): [number, number] => {
    const v = value(e);
    return [v === 0 ? 2 : isTotal(e) ? 1 : 0, v];
  };

  let changed = R > 0 && C > 0;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hiddenCount = line.filter((e) => hidden[e.r]![e.c]).length;
      if (hiddenCount !== 1) continue;
      let best: Entry | undefined;
      for (const e of line) {
        if (hidden[e.r]![e.c]) continue;
        if (best === undefined) {
          best = e;
          continue;
        }
        const [a0, a1] = rank(e);
        const [b0, b1] = rank(best);
        if (a0 < b0 || (a0 === b0 && a1 < b1)) best = e;
      }
      if (best === undefined) continue; // a line of one entry cannot be differenced
      hidden[best.r]![best.c] = true;
      changed = true;
    }
  }

  const show = (e: Entry) => (hidden[e.r]![e.c] ? null : value(e));
  return {
    cells: cells.map((row, r) => row.map((_, c) => show({ r, c }))),
    rowTotals: rowTotals.map((_, r) => show({ r, c: C })),
    columnTotals: columnTotals.map((_, c) => show({ r: R, c })),
    grandTotal: R > 0 && C > 0 ? show({ r: R, c: C }) : grandTotal,
    suppressed: hidden.flat().filter(Boolean).length,
  };
}

/**
 * The same rule for one list of counts with its total (e.g. counts by month with the 年度 total):
 * small counts hidden; if exactly one is hidden, the smallest other non-zero count is hidden too, or
 * the total when there is none.
 */
export function suppressList(counts: number[], options: { threshold?: number } = {}): { counts: (number | null)[]; total: number | null; suppressed: number } {
  const threshold = checkThreshold(options.threshold ?? DEFAULT_SMALL_CELL_THRESHOLD);
  counts.forEach(checkCount);
  const total = counts.reduce((a, b) => a + b, 0);
  const hidden = counts.map((n) => isSmall(n, threshold));
  let totalHidden = false;
  if (hidden.filter(Boolean).length === 1) {
    let best = -1;
    counts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (best < 0 || n < counts[best]!)) best = i;
    });
    if (best >= 0) hidden[best] = true;
    else totalHidden = true;
  }
  return {
    counts: counts.map((n, i) => (hidden[i] ? null : n)),
    total: totalHidden ? null : total,
    suppressed: hidden.filter(Boolean).length + (totalHidden ? 1 : 0),
  };
}

/** A suppressed value as shown in a table or a file: the number, or "—". */
export function showSuppressed(value: number | null): string | number {
  return value === null ? SUPPRESSED_MARK : value;
}
