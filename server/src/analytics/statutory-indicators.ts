/**
 * 重層的支援体制整備事業の指標 (社会福祉法施行規則34条の10): the six numbers a municipality reports, counted
 * from the records for a period. No authorization here: callers authorize with kind 'aggregate' for the
 * municipality they ask about (the dashboard for its own, the prefecture view for each of its
 * municipalities).
 *
 * - 相談受付件数: consultations received (received_on) in the period, every route (online included);
 * - 参加支援 支援対象者数 / 協力事業者数: participation/kpis.ts countKpis (personsSupported, hostsRegistered);
 * - 地域づくり 拠点数 / 参加者数 (延べ) / 参加機関数: as community/kpi.ts computeKpi counts them (places open in
 *   the period; every age band of the sessions held; distinct organisations of the sessions held), from
 *   sums by day and month (statutory-records.ts).
 */
import type { Kysely } from 'kysely';
import { isOpenDuring } from '../community/kpi.js';
import { addDays } from '../community/schedule.js';
import { countKpis } from '../participation/kpis.js';
import type { Database } from '../platform/db/schema.js';
import { resolveScope } from './analytics-scope.js';
import { loadStatutoryRecords, type StatutoryRecords } from './statutory-records.js';

export type StatutoryIndicatorCode = 'consultations' | 'participation_persons' | 'participation_hosts' | 'community_places' | 'community_participants' | 'community_organizations';

/** 施行規則34条の10 */
export const STATUTORY_INDICATORS: readonly { code: StatutoryIndicatorCode; label: string; unit: string }[] = [
  { code: 'consultations', label: '相談受付件数', unit: '件' },
  { code: 'participation_persons', label: '参加支援 支援対象者数', unit: '人' },
  { code: 'participation_hosts', label: '参加支援 協力事業者数', unit: 'か所' },
  { code: 'community_places', label: '地域づくり 拠点数', unit: 'か所' },
  { code: 'community_participants', label: '地域づくり 参加者数', unit: '人' },
  { code: 'community_organizations', label: '地域づくり 参加機関数', unit: '団体' },
];

/** ISO days, inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** The six counts for one period out of records loaded for a period that contains it. */
export function countStatutory(records: StatutoryRecords, period: Period): Record<StatutoryIndicatorCode, number> {
  const participation = countKpis(records.participation, { ...period, label: '' }, period.to);
  return {
    consultations: sumWithin(records.consultationsByDay, period, (d) => d.count),
    participation_persons: participation.personsSupported,
    participation_hosts: participation.hostsRegistered,
    community_places: records.places.filter((p) => isOpenDuring(p, period)).length,
    community_participants: sumWithin(records.heldByDay, period, (d) => d.participants),
    community_organizations: partnersWithin(records, period),
  };
}

/** The sum of a per-day figure over the days in the period. */
export function sumWithin<D extends { day: string }>(days: readonly D[], period: Period, figure: (d: D) => number): number {
  let n = 0;
  for (const d of days) if (d.day >= period.from && d.day <= period.to) n += figure(d);
  return n;
}

/**
 * Distinct organisations of the months in the period. The records keep them by month, so the period
 * must start on the first of a month or on the first day loaded, and end on the last of a month or on
 * the last day loaded (a 年度, its months, a 年度 up to today) — otherwise this throws rather than count
 * a whole month's organisations for part of it.
 */
function partnersWithin(records: StatutoryRecords, period: Period): number {
  const startsWell = period.from === records.from || period.from.endsWith('-01');
  const endsWell = period.to === records.to || addDays(period.to, 1).endsWith('-01');
  if (!startsWell || !endsWell || period.from < records.from || period.to > records.to) {
    throw new Error(`参加機関数 needs whole months of the days loaded (${records.from}…${records.to}), not ${period.from}…${period.to}`);
  }
  const partners = new Set<string>();
  for (const [month, ids] of records.partnersByMonth) {
    if (month >= period.from.slice(0, 7) && month <= period.to.slice(0, 7)) for (const id of ids) partners.add(id);
  }
  return partners.size;
}

export async function statutoryIndicatorActuals(db: Kysely<Database>, municipalityId: string, period: Period): Promise<Record<StatutoryIndicatorCode, number>> {
  const scope = await resolveScope(db, municipalityId);
  return countStatutory(await loadStatutoryRecords(db, scope, period.from, period.to), period);
}
