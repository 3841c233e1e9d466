/** SQL and presenter for 多機関協働事業者の関与 (coordination episodes). */
import type { DbHandle } from '../platform/db/database.js';

export async function loadEpisodes(db: DbHandle, municipalityId: string, where: { caseId?: string; episodeId?: string; coordinatorAgencyIds?: readonly string[]; statuses?: readonly string[] }) {
  let q = db
    .selectFrom('coordination_episode as e')
    .innerJoin('support_case as c', (j) => j.onRef('c.municipality_id', '=', 'e.municipality_id').onRef('c.case_id', '=', 'e.case_id'))
    .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
    .innerJoin('agency as ra', (j) => j.onRef('ra.municipality_id', '=', 'e.municipality_id').onRef('ra.agency_id', '=', 'e.requested_by_agency_id'))
    .leftJoin('agency as ca', (j) => j.onRef('ca.municipality_id', '=', 'e.municipality_id').onRef('ca.agency_id', '=', 'e.coordinator_agency_id'))
    .leftJoin('agency as la', (j) => j.onRef('la.municipality_id', '=', 'e.municipality_id').onRef('la.agency_id', '=', 'e.handover_lead_agency_id'))
    .selectAll('e')
    .select(['h.label as household_label', 'ra.name as requested_by_agency', 'ca.name as coordinator_agency', 'la.name as handover_lead_agency'])
    .where('e.municipality_id', '=', municipalityId);
  if (where.caseId) q = q.where('e.case_id', '=', where.caseId);
  if (where.episodeId) q = q.where('e.episode_id', '=', where.episodeId);
  if (where.coordinatorAgencyIds) q = q.where('e.coordinator_agency_id', 'in', [...where.coordinatorAgencyIds]);
  if (where.statuses) q = q.where('e.status', 'in', [...where.statuses] as never);
  return q.orderBy('e.requested_at', 'desc').execute();
}
export type EpisodeRow = Awaited<ReturnType<typeof loadEpisodes>>[number];

export function toEpisodeView(r: EpisodeRow) {
  return {
    id: r.episode_id,
    caseId: r.case_id,
    householdLabel: r.household_label,
    status: r.status,
    requestedByAgency: r.requested_by_agency,
    requestReason: r.request_reason,
    requestedAt: new Date(r.requested_at).toISOString(),
    coordinatorAgencyId: r.coordinator_agency_id,
    coordinatorAgency: r.coordinator_agency,
    declineReason: r.decline_reason,
    startedOn: r.started_on ? String(r.started_on) : null,
    endedOn: r.ended_on ? String(r.ended_on) : null,
    endSummary: r.end_summary,
    handoverLeadAgencyId: r.handover_lead_agency_id,
    handoverLeadAgency: r.handover_lead_agency,
    version: r.version,
  };
}
export type EpisodeView = ReturnType<typeof toEpisodeView>;

/** The municipality's 多機関協働事業者: the first active agency of that kind (社協 in the demo). */
export async function defaultCoordinatorAgency(db: DbHandle, municipalityId: string) {
  const row = await db
    .selectFrom('agency')
    .select('agency_id')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'shakyo_tajikan')
    .where('status', '=', 'active')
    .orderBy('name')
    .executeTakeFirst();
  return row?.agency_id ?? null;
}
