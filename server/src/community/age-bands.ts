/**
 * 年齢区分 of attendance counts. Counts are aggregates per session: no person is recorded, only how
 * many of each band came. 不明 is for those whose age nobody asked; it never makes a session
 * multi-generational on its own.
 */
export const AGE_BAND_CODES = ['child', 'adult', 'elderly', 'unknown'] as const;
export type AgeBandCode = (typeof AGE_BAND_CODES)[number];

export interface AgeBand {
  code: AgeBandCode;
  label: string;
  range: string;
  minAge: number | null;
  maxAge: number | null;
}

export const AGE_BANDS: readonly AgeBand[] = [
  { code: 'child', label: '子ども', range: '0〜17歳', minAge: 0, maxAge: 17 },
  { code: 'adult', label: '若者・現役', range: '18〜64歳', minAge: 18, maxAge: 64 },
  { code: 'elderly', label: '高齢者', range: '65歳以上', minAge: 65, maxAge: null },
  { code: 'unknown', label: '不明', range: '年齢不明', minAge: null, maxAge: null },
];

/** Bands with a known age: the generations whose meeting makes 多世代交流. */
export const KNOWN_AGE_BANDS: readonly AgeBandCode[] = ['child', 'adult', 'elderly'];

export type BandCounts = Record<AgeBandCode, number>;

export const ZERO_COUNTS: Readonly<BandCounts> = Object.freeze({ child: 0, adult: 0, elderly: 0, unknown: 0 });

export function totalOf(counts: BandCounts): number {
  return AGE_BAND_CODES.reduce((sum, code) => sum + counts[code], 0);
}

/** Generations present (known bands with at least one participant). */
export function generationsPresent(counts: BandCounts): number {
  let present = 0;
  for (const code of KNOWN_AGE_BANDS) if (counts[code] > 0) present += 1;
  return present;
}

/** 多世代交流: at least two known age bands took part in the same session. */
export function isMultiGenerational(counts: BandCounts): boolean {
  return generationsPresent(counts) >= 2;
}

/** Adds b to a, in place (a running total without a new object per session). */
export function addCountsInto(a: BandCounts, b: BandCounts): void {
  a.child += b.child;
  a.adult += b.adult;
  a.elderly += b.elderly;
  a.unknown += b.unknown;
}

/** The session row's columns as counts. */
export function countsOfRow(row: { count_child: number; count_adult: number; count_elderly: number; count_unknown: number }): BandCounts {
  return { child: row.count_child, adult: row.count_adult, elderly: row.count_elderly, unknown: row.count_unknown };
}
