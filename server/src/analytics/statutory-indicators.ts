/**
 * 重層的支援体制整備事業の指標 (社会福祉法施行規則34条の10): the six numbers a municipality reports, counted
 * from the records for a period. No authorization here: callers authorize with kind 'aggregate' for the
 * municipality they ask about (the dashboard for its own, the prefecture view for each of its
 * municipalities).
 *
 * - 相談受付件数: consultations received (received_on) in the period, every route (online included);
 * - 参加支援 支援対象者数 / 協力事業者数: participation/kpis.ts countKpis (personsSupported, hostsRegistered);
 * - 地域づくり 拠点数 / 参加者数 (延べ) / 参加機関数: community/kpi.ts computeKpi (places, participants, partners).
 */
import type { Kysely } from 'kysely';
import { computeKpi } from '../community/kpi.js';
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
  const community = computeKpi(records.places, sessionsWithin(records.sessions, period), period);
  return {
    consultations: records.consultationsByDay.reduce((n, d) => (d.day >= period.from && d.day <= period.to ? n + d.count : n), 0),
    participation_persons: participation.personsSupported,
    participation_hosts: participation.hostsRegistered,
    community_places: community.places,
    community_participants: community.participants,
    community_organizations: community.partners,
  };
}

/** The sessions held in the period, out of sessions in day order (two binary searches, not a scan). */
export function sessionsWithin<S extends { heldOn: string }>(sorted: readonly S[], period: Period): readonly S[] {
  const firstAtOrAfter = (day: string, strictlyAfter: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = sorted[mid]!.heldOn;
      if (d < day || (strictlyAfter && d === day)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.slice(firstAtOrAfter(period.from, false), firstAtOrAfter(period.to, true));
}

export async function statutoryIndicatorActuals(db: Kysely<Database>, municipalityId: string, period: Period): Promise<Record<StatutoryIndicatorCode, number>> {
  const scope = await resolveScope(db, municipalityId);
  return countStatutory(await loadStatutoryRecords(db, scope, period.from, period.to), period);
}
