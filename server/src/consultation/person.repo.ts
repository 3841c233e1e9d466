import { sql } from 'kysely';
import type { RecordFacts } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';
import { meetingRowsSql, teamAgenciesSql, toMeetingFact } from '../collaboration/collaboration-facts.js';
import { referralRowsSql, toReferralFact } from '../referral/referral-facts.js';

/**
 * What the access policy needs to know about a person: the agencies that own them (registering
 * agency; for each current household, its registering agency and its open case's 主担当), whether it
 * is 秘匿指定, and the open referrals (つなぐ) about the person or their household.
 * null when there is no such person. person.visibility.ts is the SQL twin: change both together.
 */
export async function personFacts(db: DbHandle, municipalityId: string, personId: string): Promise<RecordFacts | null> {
  const currentHouseholds = sql`select m.household_id from household_membership m
    where m.municipality_id = p.municipality_id and m.person_id = p.person_id and m.left_on is null`;
  const openCases = sql`select c.case_id from support_case c
    where c.municipality_id = p.municipality_id and c.household_id in (${currentHouseholds}) and c.status = 'open'`;
  const row = await db
    .selectFrom('person as p')
    .select([
      'p.registered_by_agency_id',
      'p.confidential',
      sql<string[]>`array(
        select h.registered_by_agency_id::text from household_membership m
          join household h on h.municipality_id = m.municipality_id and h.household_id = m.household_id
          where m.municipality_id = p.municipality_id and m.person_id = p.person_id and m.left_on is null
        union
        select c.lead_agency_id::text from household_membership m
          join support_case c on c.municipality_id = m.municipality_id and c.household_id = m.household_id and c.status = 'open'
          where m.municipality_id = p.municipality_id and m.person_id = p.person_id and m.left_on is null)`.as('household_agencies'),
      teamAgenciesSql(municipalityId, openCases).as('team'),
      meetingRowsSql(municipalityId, openCases).as('meetings'),
      referralRowsSql(municipalityId, sql<boolean>`(r.person_id = p.person_id or r.household_id in (${currentHouseholds}))`).as('referrals'),
    ])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.person_id', '=', personId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    kind: 'person',
    municipalityId,
    id: personId,
    ownerAgencyIds: [...new Set([row.registered_by_agency_id, ...row.household_agencies])],
    confidential: row.confidential,
    teamAgencyIds: row.team,
    meetings: row.meetings.map(toMeetingFact),
    referrals: row.referrals.map(toReferralFact),
  };
}

export async function getPersonRow(db: DbHandle, municipalityId: string, personId: string) {
  return db
    .selectFrom('person')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function personConcerns(db: DbHandle, municipalityId: string, personId: string) {
  const rows = await db
    .selectFrom('person_concern')
    .select(['kind', 'code'])
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .orderBy('kind')
    .orderBy('code')
    .execute();
  return {
    categories: rows.filter((r) => r.kind === 'category').map((r) => r.code),
    tags: rows.filter((r) => r.kind === 'tag').map((r) => r.code),
  };
}

export async function replaceConcerns(
  db: DbHandle,
  municipalityId: string,
  personId: string,
  concerns: { categories: readonly string[]; tags: readonly string[] },
) {
  await db.deleteFrom('person_concern').where('municipality_id', '=', municipalityId).where('person_id', '=', personId).execute();
  const rows = [
    ...[...new Set(concerns.categories)].map((code) => ({ kind: 'category' as const, code })),
    ...[...new Set(concerns.tags)].map((code) => ({ kind: 'tag' as const, code })),
  ].map((r) => ({ ...r, municipality_id: municipalityId, person_id: personId }));
  if (rows.length > 0) await db.insertInto('person_concern').values(rows).execute();
}

export async function currentMemberships(db: DbHandle, municipalityId: string, personId: string) {
  return db
    .selectFrom('household_membership as m')
    .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'm.municipality_id').onRef('h.household_id', '=', 'm.household_id'))
    .select(['m.household_id', 'h.label', 'm.role_in_household', 'm.living_together', 'm.joined_on', 'm.left_on'])
    .where('m.municipality_id', '=', municipalityId)
    .where('m.person_id', '=', personId)
    .orderBy('m.joined_on', 'desc')
    .execute();
}
