import { sql } from 'kysely';
import type { RecordFacts } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';

/** A household belongs to the agency that registered it and to the lead (主担当) of its open case. */
export async function householdFacts(db: DbHandle, municipalityId: string, householdId: string): Promise<RecordFacts | null> {
  const row = await db
    .selectFrom('household as h')
    .select([
      'h.registered_by_agency_id',
      sql<string[]>`array(select c.lead_agency_id::text from support_case c
        where c.municipality_id = h.municipality_id and c.household_id = h.household_id and c.status = 'open')`.as('leads'),
    ])
    .where('h.municipality_id', '=', municipalityId)
    .where('h.household_id', '=', householdId)
    .executeTakeFirst();
  if (!row) return null;
  return { kind: 'household', municipalityId, id: householdId, ownerAgencyIds: [...new Set([row.registered_by_agency_id, ...row.leads])] };
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
  return { household, members };
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
