/**
 * SQL twins of referralAccess for person search (本人検索) and person lists: an open referral
 * (SHARING_STATUSES) to one of the actor's agencies about the person, or about a household the person
 * currently lives in, whose consent — if it relied on one — still covers one of those agencies today
 * (the consultation's latest decision: given, not expired, scope including the agency). Confidential
 * persons are never found this way (policy: 'list'). Keep in step with referralAccess in the policy;
 * person.visibility.int.test.ts and persons.int.test.ts check the search against it.
 */
import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import { japanDate } from '../platform/access/relationships.js';
import type { Database } from '../platform/db/schema.js';
import { SHARING_STATUSES } from './referral-states.js';

/** The consultation `consultationId`'s consent decision in force covers one of `agencies` on `today`. */
function consentCovers(consultationId: RawBuilder<unknown>, municipality: RawBuilder<unknown>, agencies: string[], today: string) {
  return sql<boolean>`exists (
    select 1 from (
      select c.status, c.valid_until, c.agency_scope from consent c
      where c.municipality_id = ${municipality} and c.consultation_id = ${consultationId}
      order by c.recorded_at desc, c.consent_id desc limit 1) cur
    where cur.status = 'given'
      and (cur.valid_until is null or cur.valid_until >= ${today}::date)
      and (cur.agency_scope is null or cur.agency_scope && ${sql.val(agencies)}::uuid[]))`;
}

const todayOf = (now: Date) => japanDate(now) ?? '0000-00-00';

/** A filter on `person p`: the actor's agencies may find p through a sharing referral. */
export function referredPersonVisibleTo(municipalityId: string, agencyIds: readonly string[], now: Date) {
  const agencies = [...agencyIds];
  const today = todayOf(now);
  // Uncorrelated sets (hashed once per query, not probed per person row).
  const sharing = (eb: ExpressionBuilder<Database, never>) =>
    eb
      .selectFrom('referral as r')
      .where('r.municipality_id', '=', municipalityId)
      .where('r.to_agency_id', 'in', agencies)
      .where('r.status', 'in', [...SHARING_STATUSES])
      .where((w) => w.or([w('r.consent_consultation_id', 'is', null), consentCovers(sql.ref('r.consent_consultation_id'), sql.ref('r.municipality_id'), agencies, today)]));
  return (eb: ExpressionBuilder<Database & { p: Database['person'] }, 'p'>) =>
    eb.and([
      eb('p.confidential', '=', false),
      eb.or([
        eb('p.person_id', 'in', sharing(eb as never).where('r.person_id', 'is not', null).select('r.person_id as id')),
        eb(
          'p.person_id',
          'in',
          sharing(eb as never)
            .innerJoin('household_membership as m', (j) => j.onRef('m.municipality_id', '=', 'r.municipality_id').onRef('m.household_id', '=', 'r.household_id'))
            .where('m.left_on', 'is', null)
            .select('m.person_id as id'),
        ),
      ]),
    ]);
}

/**
 * Of `candidates` — a query of (person_id, key) over persons of the municipality — those the actor's
 * agencies may find through a sharing referral, as (person_id, key); a person with several such
 * referrals may appear more than once. The candidates are joined with the agencies' open referrals
 * first (index-only on both sides), and only the few that meet are checked for confidentiality and
 * consent: a search walks a name range of hundreds of persons while an agency has thousands of open
 * referrals, and checking every referral's consent first cost more than the rest of the search.
 */
export function referredAmong(municipalityId: string, agencyIds: readonly string[], now: Date, candidates: RawBuilder<unknown>) {
  const agencies = sql.val([...agencyIds]);
  const statuses = sql.val([...SHARING_STATUSES]);
  return sql`select x.person_id, x.key from (
      select cand.person_id, cand.key, s.consent_consultation_id
      from (${candidates}) cand
      join (
        select r.person_id, r.consent_consultation_id from referral r
        where r.municipality_id = ${municipalityId} and r.to_agency_id = any(${agencies}::uuid[])
          and r.status = any(${statuses}::text[]) and r.person_id is not null
        union all
        select m.person_id, r.consent_consultation_id from referral r
        join household_membership m on m.municipality_id = r.municipality_id and m.household_id = r.household_id and m.left_on is null
        where r.municipality_id = ${municipalityId} and r.to_agency_id = any(${agencies}::uuid[])
          and r.status = any(${statuses}::text[]) and r.household_id is not null
      ) s on s.person_id = cand.person_id
      offset 0) x
    join person rp on rp.municipality_id = ${municipalityId} and rp.person_id = x.person_id and not rp.confidential
    where x.consent_consultation_id is null
      or ${consentCovers(sql.ref('x.consent_consultation_id'), sql`${municipalityId}::uuid`, [...agencyIds], todayOf(now))}`;
}
