/**
 * 地域づくりの指標 (施行規則34条の10: 拠点数・参加者数・参加機関数) from the records, for a 年度
 * (April–March) and each of its months. Pure: the use case loads places and sessions, these
 * functions count.
 *
 * - 拠点数: places open on at least one day of the period (opened_on ≤ end, closed_on absent or ≥ start;
 *   a place without an opening day is being prepared and not counted);
 * - 開催回数: sessions held (a cancelled session counts for nothing);
 * - 参加者数 (延べ): the sum of every age band, 不明 included, over the sessions held;
 * - 参加団体数: distinct organisations that took part in a session held;
 * - 多世代交流の回: sessions held with at least two known age bands present.
 */
import { addCountsInto, type BandCounts, isMultiGenerational, totalOf, ZERO_COUNTS } from './age-bands.js';
import { addDays } from './schedule.js';

export interface KpiPlace {
  placeId: string;
  openedOn: string | null;
  closedOn: string | null;
}

export interface KpiSession {
  heldOn: string;
  status: 'held' | 'cancelled';
  counts: BandCounts;
  partnerIds: readonly string[];
}

export interface Kpi {
  places: number;
  sessions: number;
  participants: number;
  partners: number;
  multiGenerationalSessions: number;
  byBand: BandCounts;
}

export interface Period {
  from: string;
  to: string;
}

/** 年度: fiscal year `fy` runs from 1 April of fy to 31 March of fy + 1. */
export function fiscalYearPeriod(fy: number): Period {
  return { from: `${fy}-04-01`, to: `${fy + 1}-03-31` };
}

/** The 年度 a date falls in (January–March belong to the previous year's 年度). */
export function fiscalYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The twelve months of a 年度, April first: { month: 'YYYY-MM', from, to }. */
export function fiscalMonths(fy: number): Array<Period & { month: string }> {
  return Array.from({ length: 12 }, (_, i) => {
    const year = i < 9 ? fy : fy + 1;
    const month = ((i + 3) % 12) + 1;
    const mm = String(month).padStart(2, '0');
    const from = `${year}-${mm}-01`;
    const nextFirst = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    return { month: `${year}-${mm}`, from, to: addDays(nextFirst, -1) };
  });
}

export function isOpenDuring(place: KpiPlace, period: Period): boolean {
  if (place.openedOn === null || place.openedOn > period.to) return false;
  return place.closedOn === null || place.closedOn >= period.from;
}

export function computeKpi(places: readonly KpiPlace[], sessions: readonly KpiSession[], period: Period): Kpi {
  let count = 0;
  let multi = 0;
  // Summed in place: the dashboard runs this for a 年度 and its 12 months over a city's ~30,000 sessions.
  const byBand: BandCounts = { ...ZERO_COUNTS };
  const partners = new Set<string>();
  for (const s of sessions) {
    if (s.status !== 'held' || s.heldOn < period.from || s.heldOn > period.to) continue;
    count += 1;
    if (isMultiGenerational(s.counts)) multi += 1;
    addCountsInto(byBand, s.counts);
    for (const p of s.partnerIds) partners.add(p);
  }
  return {
    places: places.filter((p) => isOpenDuring(p, period)).length,
    sessions: count,
    participants: totalOf(byBand),
    partners: partners.size,
    multiGenerationalSessions: multi,
    byBand,
  };
}

/** The 年度 total and each month. */
export function fiscalYearKpis(fy: number, places: readonly KpiPlace[], sessions: readonly KpiSession[]) {
  const period = fiscalYearPeriod(fy);
  return {
    ...period,
    total: computeKpi(places, sessions, period),
    months: fiscalMonths(fy).map((m) => ({ month: m.month, ...computeKpi(places, sessions, m) })),
  };
}
