/** SQL for the 支援チーム of a case. */
import type { DbHandle } from '../platform/db/database.js';

export async function loadTeam(db: DbHandle, municipalityId: string, caseId: string, includePast = false) {
  let q = db
    .selectFrom('support_team_member as t')
    .leftJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 't.municipality_id').onRef('a.agency_id', '=', 't.agency_id'))
    .selectAll('t')
    .select(['a.name as agency_name'])
    .where('t.municipality_id', '=', municipalityId)
    .where('t.case_id', '=', caseId);
  if (!includePast) q = q.where('t.left_on', 'is', null);
  return q.orderBy('t.joined_on').orderBy('t.team_member_id').execute();
}
export type TeamRow = Awaited<ReturnType<typeof loadTeam>>[number];

export function toTeamMemberView(r: TeamRow) {
  return {
    id: r.team_member_id,
    kind: r.member_kind,
    agencyId: r.agency_id,
    name: r.agency_name ?? r.resource_name ?? '',
    role: r.role,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    since: String(r.joined_on),
    until: r.left_on ? String(r.left_on) : null,
    version: r.version,
  };
}
export type TeamMemberView = ReturnType<typeof toTeamMemberView>;

/** The open coordination episode (requested or active) of a case, if any. */
export async function openEpisode(db: DbHandle, municipalityId: string, caseId: string) {
  return db
    .selectFrom('coordination_episode')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('case_id', '=', caseId)
    .where('status', 'in', ['requested', 'active'])
    .executeTakeFirst();
}
