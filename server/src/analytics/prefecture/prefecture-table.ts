/**
 * The prefecture table: one row per municipality, one column per statutory indicator, published
 * outside the municipality, so small counts are hidden (platform/export/suppression.ts).
 *
 * Rows × indicators is not an additive table (the indicators count different things), so each
 * indicator is suppressed on its own as a list with its prefecture total: a count 1 … threshold−1 is
 * hidden, and when only one municipality's count is hidden another one (or the total) is hidden too,
 * so that the total minus the visible counts cannot give the hidden one away.
 */
import { DEFAULT_SMALL_CELL_THRESHOLD, suppressList } from '../../platform/export/suppression.js';
import { STATUTORY_INDICATORS, type StatutoryIndicatorCode } from '../statutory-indicators.js';

export const INDICATOR_CODES: readonly StatutoryIndicatorCode[] = STATUTORY_INDICATORS.map((i) => i.code);

export interface MunicipalityCounts {
  code: string;
  name: string;
  population: number;
  counts: Record<StatutoryIndicatorCode, number>;
}

export type ShownCounts = Record<StatutoryIndicatorCode, number | null>;

export interface PrefectureTable {
  rows: Array<{ code: string; name: string; population: number; values: ShownCounts }>;
  totals: ShownCounts;
  /** Entries hidden (counts and totals), primary and complementary. */
  suppressed: number;
}

export function suppressPrefectureTable(municipalities: readonly MunicipalityCounts[], threshold = DEFAULT_SMALL_CELL_THRESHOLD): PrefectureTable {
  const values = municipalities.map(() => ({}) as ShownCounts);
  const totals = {} as ShownCounts;
  let suppressed = 0;
  for (const code of INDICATOR_CODES) {
    const column = suppressList(
      municipalities.map((m) => m.counts[code]),
      { threshold },
    );
    column.counts.forEach((v, i) => {
      values[i]![code] = v;
    });
    totals[code] = column.total;
    suppressed += column.suppressed;
  }
  return {
    rows: municipalities.map((m, i) => ({ code: m.code, name: m.name, population: m.population, values: values[i]! })),
    totals,
    suppressed,
  };
}
