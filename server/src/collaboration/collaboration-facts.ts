/**
 * Policy facts from 多機関協働: the 支援チーム agencies of a case (current members only) and the
 * meetings a case is on the agenda of (MeetingFact: members, legal basis, consent rule,
 * 守秘義務の確認, status). Repositories of cases, households, persons, plans and progress notes add
 * these to their RecordFacts; the policy decides. Person search reads the 支援チーム rule from the
 * derived table person_visibility (migration 202611271100, consultation/person.visibility.ts).
 */
import { sql } from 'kysely';
import type { MeetingFact } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';

/** Agencies currently on the 支援チーム of any of the cases. */
export async function teamAgencies(db: DbHandle, municipalityId: string, caseIds: readonly string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('support_team_member')
    .select('agency_id')
    .distinct()
    .where('municipality_id', '=', municipalityId)
    .where('case_id', 'in', [...caseIds])
    .where('member_kind', '=', 'agency')
    .where('left_on', 'is', null)
    .execute();
  return rows.flatMap((r) => (r.agency_id ? [r.agency_id] : []));
}

/** The meetings that have any of the cases on their agenda, as policy facts. */
export async function meetingFactsForCases(db: DbHandle, municipalityId: string, caseIds: readonly string[]): Promise<MeetingFact[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('meeting_agenda_item as i')
    .innerJoin('meeting as m', (j) => j.onRef('m.municipality_id', '=', 'i.municipality_id').onRef('m.meeting_id', '=', 'i.meeting_id'))
    .innerJoin('meeting_type as t', (j) => j.onRef('t.municipality_id', '=', 'm.municipality_id').onRef('t.meeting_type_id', '=', 'm.meeting_type_id'))
    .select([
      'm.meeting_id',
      'm.status',
      't.code',
      't.legal_basis',
      't.consent_required',
      sql<string[]>`array(select mm.agency_id::text from meeting_member mm where mm.municipality_id = m.municipality_id and mm.meeting_id = m.meeting_id)`.as('agencies'),
      sql<string[]>`array(select mm.user_id::text from meeting_member mm where mm.municipality_id = m.municipality_id and mm.meeting_id = m.meeting_id and mm.user_id is not null)`.as('users'),
      sql<string[]>`array(select a.user_id::text from meeting_acknowledgement a where a.municipality_id = m.municipality_id and a.meeting_id = m.meeting_id)`.as('acks'),
    ])
    .distinct()
    .where('i.municipality_id', '=', municipalityId)
    .where('i.case_id', 'in', [...caseIds])
    .execute();
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    meetingTypeCode: r.code,
    legalBasis: r.legal_basis,
    consentRequired: r.consent_required,
    memberAgencyIds: r.agencies,
    memberUserIds: r.users,
    confidentialityAcknowledgedUserIds: r.acks,
    status: r.status,
  }));
}

/** Open cases of the households a person currently lives in. */
export async function openCasesOfPerson(db: DbHandle, municipalityId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('household_membership as m')
    .innerJoin('support_case as c', (j) => j.onRef('c.municipality_id', '=', 'm.municipality_id').onRef('c.household_id', '=', 'm.household_id'))
    .select('c.case_id')
    .where('m.municipality_id', '=', municipalityId)
    .where('m.person_id', '=', personId)
    .where('m.left_on', 'is', null)
    .where('c.status', '=', 'open')
    .execute();
  return rows.map((r) => r.case_id);
}
