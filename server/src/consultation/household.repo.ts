import { sql } from 'kysely';
import type { RecordFacts } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';
import { meetingRowsSql, teamAgenciesSql, toMeetingFact } from '../collaboration/collaboration-facts.js';
import { referralRowsSql, toReferralFact } from '../referral/referral-facts.js';

/**
 * A household belongs to the agency that registered it and to the lead (主担当) of its open case; the
 * case's 支援チーム, its meetings and open referrals about the household add readers. One statement.
 */
export async function householdFacts(db: DbHandle, municipalityId: string, householdId: string): Promise<RecordFacts | null> {
  const openCases = sql`select c.case_id from support_case c
    where c.municipality_id = h.municipality_id and c.household_id = h.household_id and c.status = 'open'`;
  const row = await db
    .selectFrom('household as h')
    .select([
      'h.registered_by_agency_id',
      'h.confidential',
      sql<string[]>`array(select c.lead_agency_id::text from support_case c
        where c.municipality_id = h.municipality_id and c.household_id = h.household_id and c.status = 'open')`.as('leads'),
      teamAgenciesSql(municipalityId, openCases).as('team'),
      meetingRowsSql(municipalityId, openCases).as('meetings'),
      referralRowsSql(municipalityId, sql<boolean>`r.household_id = h.household_id`).as('referrals'),
    ])
    .where('h.municipality_id', '=', municipalityId)
    .where('h.household_id', '=', householdId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    kind: 'household',
    municipalityId,
    id: householdId,
    ownerAgencyIds: [...new Set([row.registered_by_agency_id, ...row.leads])],
    confidential: row.confidential,
    teamAgencyIds: row.team,
    meetings: row.meetings.map(toMeetingFact),
    referrals: row.referrals.map(toReferralFact),
  };
}

export async function getHousehold(db: DbHandle, municipalityId: string, householdId: string) {
  const household = await db
    .selectFrom('household')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  if (!household) return null;
  const members = await db
    .selectFrom('household_membership as m')
    .innerJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'm.municipality_id').onRef('p.person_id', '=', 'm.person_id'))
    .select(['m.person_id', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana', 'p.birth_date', 'p.sex', 'm.role_in_household', 'm.living_together', 'm.joined_on', 'm.left_on'])
    .where('m.municipality_id', '=', municipalityId)
    .where('m.household_id', '=', householdId)
    .orderBy('m.left_on', 'desc')
    .orderBy('m.joined_on')
    .execute();
  const personIds = [...new Set(members.map((m) => m.person_id))];
  // 続柄 (for the genogram) among people who are or were members, and each member's concerns.
  const relationships =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('person_relationship')
          .select(['relationship_id', 'person_id', 'related_person_id', 'kind', 'living_together'])
          .where('municipality_id', '=', municipalityId)
          .where('person_id', 'in', personIds)
          .where('related_person_id', 'in', personIds)
          .orderBy('created_at')
          .execute();
  const concerns =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('person_concern')
          .select(['person_id', 'kind', 'code'])
          .where('municipality_id', '=', municipalityId)
          .where('person_id', 'in', personIds)
          .orderBy('kind')
          .orderBy('code')
          .execute();
  return { household, members, relationships, concerns };
}

/**
 * Puts a person in a household from `on`: a current membership elsewhere is closed the same day
 * (転居・世帯移動), so the history of where they lived is kept.
 */
export async function movePersonIntoHousehold(
  db: DbHandle,
  args: { municipalityId: string; householdId: string; personId: string; roleInHousehold: string; livingTogether: boolean; on: string },
) {
  await db
    .updateTable('household_membership')
    .set({ left_on: args.on })
    .where('municipality_id', '=', args.municipalityId)
    .where('person_id', '=', args.personId)
    .where('left_on', 'is', null)
    .execute();
  await db
    .insertInto('household_membership')
    .values({
      municipality_id: args.municipalityId,
      membership_id: newId(),
      household_id: args.householdId,
      person_id: args.personId,
      role_in_household: args.roleInHousehold,
      living_together: args.livingTogether,
      joined_on: args.on,
    })
    .execute();
}
