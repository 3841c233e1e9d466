import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.js';
import { STAFF_ROLES } from '../platform/access/index.js';
import type { Database } from '../platform/db/schema.js';
import { referredPersonVisibleTo } from '../referral/referred-persons.js';

/**
 * The SQL twin of the access policy's rule for persons, so that a search or list can never show a
 * person that `can(actor, 'read', personFacts)` would refuse. A person belongs to the agency that
 * registered them, to the agencies that registered the households they currently live in, and to the
 * 主担当 of those households' open cases; 支援チーム agencies find the current members of the
 * household of their open case (collaboration/collaboration-facts.ts); the receiver of an open
 * referral finds a non-confidential person it is about (referral/referral-facts.ts).
 *
 * The own-agency and team part is kept as rows in `person_visibility` (person, agency), derived by
 * triggers in the same transaction as every change of a person, membership, household, case or team
 * (migration 202611271100-create-person-visibility.sql, which holds the definition): one primary-key
 * probe per candidate instead of joining membership, household, case and team for every person a
 * search walks past. Referrals depend on today's date (consent validity) and are checked here.
 * Change the policy's facts, that migration's person_visibility_rows and this filter together;
 * person.visibility.int.test.ts checks they agree for every demo role, and
 * person-visibility-key.int.test.ts that the rows equal a full recomputation after every kind of change.
 *
 * The correlated EXISTS carries `offset 0` so PostgreSQL probes it per candidate row (an index
 * lookup) instead of hashing every person the agency may see first: a search stops after `limit`
 * visible rows.
 */
export function actorMaySeePersons(actor: Actor): boolean {
  return actor.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r)) && actor.agencyIds.length > 0;
}

export function personVisibleTo(actor: Actor, now: Date) {
  const agencies = [...actor.agencyIds];
  const referred = referredPersonVisibleTo(actor.municipalityId, agencies, now);
  return (eb: ExpressionBuilder<Database & { p: Database['person'] }, 'p'>) =>
    eb.or([
      eb('p.registered_by_agency_id', 'in', agencies),
      eb.exists(
        eb
          .selectFrom('person_visibility as v')
          .select(sql`1`.as('one'))
          .whereRef('v.municipality_id', '=', 'p.municipality_id')
          .whereRef('v.person_id', '=', 'p.person_id')
          .where('v.agency_id', 'in', agencies)
          .offset(0),
      ),
      referred(eb),
    ]);
}

