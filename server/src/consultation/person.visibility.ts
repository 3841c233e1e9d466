import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.js';
import { STAFF_ROLES } from '../platform/access/index.js';
import type { Database } from '../platform/db/schema.js';
import { teamPersonVisibleTo } from '../collaboration/collaboration-facts.js';
import { referredPersonVisibleTo } from '../referral/referral-facts.js';

/**
 * The SQL twin of the access policy's own-agency rule for persons, so that a search or list can
 * never show a person that `can(actor, 'read', personFacts)` would refuse. A person belongs to the
 * agency that registered them, to the agencies that registered the households they currently live
 * in, and to the 主担当 of those households' open cases; the receiver of an open referral finds a
 * non-confidential person it is about (referral/referral-facts.ts); 支援チーム agencies find the
 * current members of the household of their open case (collaboration/collaboration-facts.ts) —
 * change the facts and this filter together;
 * The correlated EXISTS carry `offset 0` so PostgreSQL probes them per candidate row (index lookups)
 * instead of hashing every visible person of the agency first: a search stops after `limit` visible
 * rows, and at a million persons the hashed form cost ~1 s per search.
 * person.visibility.int.test.ts checks they agree).
 */
export function actorMaySeePersons(actor: Actor): boolean {
  return actor.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r)) && actor.agencyIds.length > 0;
}

export function personVisibleTo(actor: Actor, now: Date) {
  const agencies = [...actor.agencyIds];
  const referred = referredPersonVisibleTo(actor.municipalityId, agencies, now);
  const team = teamPersonVisibleTo(agencies);
  return (eb: ExpressionBuilder<Database & { p: Database['person'] }, 'p'>) =>
    eb.or([
      eb('p.registered_by_agency_id', 'in', agencies),
      eb.exists(
        eb
          .selectFrom('household_membership as m')
          .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'm.municipality_id').onRef('h.household_id', '=', 'm.household_id'))
          .select(sql`1`.as('one'))
          .whereRef('m.municipality_id', '=', 'p.municipality_id')
          .whereRef('m.person_id', '=', 'p.person_id')
          .where('m.left_on', 'is', null)
          .where('h.registered_by_agency_id', 'in', agencies)
          .offset(0),
      ),
      eb.exists(
        eb
          .selectFrom('household_membership as m')
          .innerJoin('support_case as c', (j) =>
            j.onRef('c.municipality_id', '=', 'm.municipality_id').onRef('c.household_id', '=', 'm.household_id'),
          )
          .select(sql`1`.as('one'))
          .whereRef('m.municipality_id', '=', 'p.municipality_id')
          .whereRef('m.person_id', '=', 'p.person_id')
          .where('m.left_on', 'is', null)
          .where('c.status', '=', 'open')
          .where('c.lead_agency_id', 'in', agencies)
          .offset(0),
      ),
      // Cheapest first: the own-agency conditions above decide most rows.
      team(eb),
      referred(eb),
    ]);
}
