/**
 * 参加支援の指標 (施行規則34条の10: 支援対象者数, 協力事業者数, and what shows the work behind them),
 * counted straight from the records for a period. Pure: the repository hands over the rows.
 *
 * Definitions, for a period [from, to] (calendar days, Japan):
 * - personsSupported (支援対象者数): distinct persons with a participation need open at some time in
 *   the period (opened on or before `to`, not closed before `from`) or a placement running at some
 *   time in it (started on or before `to`, not ended or interrupted before `from`).
 * - hostsRegistered (協力事業者数): hosts whose 協力事業者登録 is on or before `to` (registration is
 *   final in the pipeline); hostsNew: registered within the period.
 * - placementsStarted: placements whose start date is in the period and that have started (no longer
 *   調整中: 利用中, 終了 or 中断).
 * - followupsDone: 定着支援 done in the period; followupsOverdue: due in the period, before today,
 *   not done, on a placement still 調整中 or 利用中.
 */
import type { PlacementStatus } from '../platform/db/schema-participation.js';
import type { Period } from './participation-rules.js';

export interface KpiRecords {
  needs: ReadonlyArray<{ personId: string; openedOn: string; closedOn: string | null }>;
  placements: ReadonlyArray<{ personId: string; startOn: string; endedOn: string | null; status: PlacementStatus }>;
  hosts: ReadonlyArray<{ registeredOn: string | null }>;
  followups: ReadonlyArray<{ dueOn: string; doneOn: string | null; placementStatus: PlacementStatus }>;
}

export interface KpiCounts {
  personsSupported: number;
  hostsRegistered: number;
  hostsNew: number;
  placementsStarted: number;
  followupsDone: number;
  followupsOverdue: number;
}

const overlaps = (start: string, end: string | null, p: Period) => start <= p.to && (end === null || end >= p.from);
const within = (day: string | null, p: Period) => day !== null && day >= p.from && day <= p.to;

export function countKpis(r: KpiRecords, p: Period, today: string): KpiCounts {
  const persons = new Set<string>();
  for (const n of r.needs) if (overlaps(n.openedOn, n.closedOn, p)) persons.add(n.personId);
  for (const pl of r.placements) if (overlaps(pl.startOn, pl.status === 'ended' || pl.status === 'interrupted' ? pl.endedOn : null, p)) persons.add(pl.personId);
  return {
    personsSupported: persons.size,
    hostsRegistered: r.hosts.filter((h) => h.registeredOn !== null && h.registeredOn <= p.to).length,
    hostsNew: r.hosts.filter((h) => within(h.registeredOn, p)).length,
    placementsStarted: r.placements.filter((pl) => pl.status !== 'arranging' && within(pl.startOn, p)).length,
    followupsDone: r.followups.filter((f) => within(f.doneOn, p)).length,
    followupsOverdue: r.followups.filter((f) => f.doneOn === null && within(f.dueOn, p) && f.dueOn < today && (f.placementStatus === 'arranging' || f.placementStatus === 'active')).length,
  };
}

/** Counts outside the municipality are published with small numbers (1 … below-1) hidden. */
export function suppressSmall(c: KpiCounts, below: number): Record<keyof KpiCounts, number | null> {
  const hide = (n: number) => (n > 0 && n < below ? null : n);
  return {
    personsSupported: hide(c.personsSupported),
    hostsRegistered: hide(c.hostsRegistered),
    hostsNew: hide(c.hostsNew),
    placementsStarted: hide(c.placementsStarted),
    followupsDone: hide(c.followupsDone),
    followupsOverdue: hide(c.followupsOverdue),
  };
}
