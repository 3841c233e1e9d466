/**
 * Policy facts from 多機関協働: the 支援チーム agencies of a case (current members only) and the
 * meetings a case is on the agenda of (MeetingFact: members, legal basis, consent rule,
 * 守秘義務の確認, status). Repositories of cases, households, persons, plans and progress notes add
 * these to their RecordFacts; the policy decides. Person search reads the 支援チーム rule from the
 * derived table person_visibility (migration 202611271100, consultation/person.visibility.ts).
 */
import { type RawBuilder, sql } from 'kysely';
import type { MeetingFact } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';

/**
 * A set of case ids as SQL: a subquery selecting one uuid column, which may refer to the enclosing
 * query (a household's open cases), or a list of ids (`caseIdList`). The fragments below embed in a
 * repository's facts query, so a record's facts are one round trip.
 */
export type CaseIdsSql = RawBuilder<unknown>;

export const caseIdList = (caseIds: readonly string[]): CaseIdsSql => sql`select unnest(${sql.val([...caseIds])}::uuid[])`;

/** Agencies currently on the 支援チーム of any of the cases (text[]). */
export function teamAgenciesSql(municipalityId: string, cases: CaseIdsSql) {
  return sql<string[]>`array(select distinct t.agency_id::text from support_team_member t
    where t.municipality_id = ${municipalityId} and t.case_id in (${cases})
      and t.member_kind = 'agency' and t.left_on is null and t.agency_id is not null)`;
}

/** The meetings that have any of the cases on their agenda, as JSON rows for toMeetingFact. */
export function meetingRowsSql(municipalityId: string, cases: CaseIdsSql) {
  return sql<MeetingRow[]>`coalesce((select json_agg(x) from (
    select distinct m.meeting_id, m.status, t.code, t.legal_basis, t.consent_required,
      array(select mm.agency_id::text from meeting_member mm where mm.municipality_id = m.municipality_id and mm.meeting_id = m.meeting_id) as agencies,
      array(select mm.user_id::text from meeting_member mm where mm.municipality_id = m.municipality_id and mm.meeting_id = m.meeting_id and mm.user_id is not null) as users,
      array(select a.user_id::text from meeting_acknowledgement a where a.municipality_id = m.municipality_id and a.meeting_id = m.meeting_id) as acks
      from meeting_agenda_item i
      join meeting m on m.municipality_id = i.municipality_id and m.meeting_id = i.meeting_id
      join meeting_type t on t.municipality_id = m.municipality_id and t.meeting_type_id = m.meeting_type_id
     where i.municipality_id = ${municipalityId} and i.case_id in (${cases})) x), '[]'::json)`;
}

export interface MeetingRow {
  meeting_id: string;
  status: MeetingFact['status'];
  code: string;
  legal_basis: string;
  consent_required: boolean;
  agencies: string[];
  users: string[];
  acks: string[];
}

export const toMeetingFact = (r: MeetingRow): MeetingFact => ({
  meetingId: r.meeting_id,
  meetingTypeCode: r.code,
  legalBasis: r.legal_basis,
  consentRequired: r.consent_required,
  memberAgencyIds: r.agencies,
  memberUserIds: r.users,
  confidentialityAcknowledgedUserIds: r.acks,
  status: r.status,
});

/** Agencies currently on the 支援チーム of any of the cases. */
export async function teamAgencies(db: DbHandle, municipalityId: string, caseIds: readonly string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const { rows } = await sql<{ team: string[] }>`select ${teamAgenciesSql(municipalityId, caseIdList(caseIds))} as team`.execute(db);
  return rows[0]!.team;
}

/** The meetings that have any of the cases on their agenda, as policy facts. */
export async function meetingFactsForCases(db: DbHandle, municipalityId: string, caseIds: readonly string[]): Promise<MeetingFact[]> {
  if (caseIds.length === 0) return [];
  const { rows } = await sql<{ meetings: MeetingRow[] }>`select ${meetingRowsSql(municipalityId, caseIdList(caseIds))} as meetings`.execute(db);
  return rows[0]!.meetings.map(toMeetingFact);
}
