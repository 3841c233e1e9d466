/**
 * Policy facts about the referrals (つなぐ) that concern a record, and the SQL twin of the same rule
 * for search. A referral shares with its receiving agency while it is open (SHARING_STATUSES): the
 * person it is about (or the household's current members), its household, its case, and only the
 * records the sender attached. A referral sent on consent shares only while that consultation's
 * consent decision in force still covers the receiver (referralAccess in the policy checks it).
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { ConsentFact, ReferralFact } from '../platform/access/index.js';
import { japanDate } from '../platform/access/relationships.js';
import type { DbHandle } from '../platform/db/database.js';
import type { Database, ReferralAttachmentKind } from '../platform/db/schema.js';
import { currentConsentFact } from '../consultation/consultation.repo.js';
import { SHARING_STATUSES } from './referral-states.js';

export interface ReferralSubject {
  personId?: string;
  /** Referrals about any of these households (a person's current households). */
  householdIds?: readonly string[];
  caseId?: string;
  attachment?: { kind: ReferralAttachmentKind; id: string };
}

/** A consent that can never hold: used when a consent-based referral's consent cannot be found. */
const LAPSED: ConsentFact = { id: 'missing', status: 'unknown', agencyIds: [], dataCategories: [] };

export async function referralFactsFor(db: DbHandle, municipalityId: string, subject: ReferralSubject): Promise<ReferralFact[]> {
  const households = [...(subject.householdIds ?? [])];
  if (!subject.personId && households.length === 0 && !subject.caseId && !subject.attachment) return [];
  const rows = await db
    .selectFrom('referral as r')
    .select(['r.referral_id', 'r.to_agency_id', 'r.status', 'r.consent_consultation_id'])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.status', 'in', [...SHARING_STATUSES])
    .where((eb) => {
      const ors = [];
      if (subject.personId) ors.push(eb('r.person_id', '=', subject.personId));
      if (households.length > 0) ors.push(eb('r.household_id', 'in', households));
      if (subject.caseId) ors.push(eb('r.case_id', '=', subject.caseId));
      if (subject.attachment) {
        const { kind, id } = subject.attachment;
        ors.push(
          eb.exists(
            eb
              .selectFrom('referral_attachment as a')
              .select(sql`1`.as('one'))
              .whereRef('a.municipality_id', '=', 'r.municipality_id')
              .whereRef('a.referral_id', '=', 'r.referral_id')
              .where('a.record_kind', '=', kind)
              .where('a.record_id', '=', id),
          ),
        );
      }
      return eb.or(ors);
    })
    .execute();
  const facts: ReferralFact[] = [];
  for (const r of rows) {
    const fact: ReferralFact = { referralId: r.referral_id, toAgencyId: r.to_agency_id, status: r.status };
    if (r.consent_consultation_id) fact.consent = (await currentConsentFact(db, municipalityId, r.consent_consultation_id)) ?? LAPSED;
    facts.push(fact);
  }
  return facts;
}

/**
 * SQL twin of referralAccess for person search: an open referral to one of `agencyIds` about the
 * person or one of their current households, whose consent (if it relied on one) still covers an
 * agency of the actor today. Confidential persons are never found this way (policy: 'list').
 */
export function referredPersonVisibleTo(municipalityId: string, agencyIds: readonly string[], now: Date) {
  const agencies = [...agencyIds];
  const today = japanDate(now) ?? '0000-00-00';
  // Uncorrelated sets (hashed once per query, not probed per person row): open referrals to the
  // actor's agencies whose consent, if they rely on one, still covers one of those agencies.
  const sharing = (eb: ExpressionBuilder<Database, never>) =>
    eb
      .selectFrom('referral as r')
      .where('r.municipality_id', '=', municipalityId)
      .where('r.to_agency_id', 'in', agencies)
      .where('r.status', 'in', [...SHARING_STATUSES])
      .where((w) =>
        w.or([
          w('r.consent_consultation_id', 'is', null),
          sql<boolean>`exists (
            select 1 from (
              select c.status, c.valid_until, c.agency_scope from consent c
              where c.municipality_id = r.municipality_id and c.consultation_id = r.consent_consultation_id
              order by c.recorded_at desc, c.consent_id desc limit 1) cur
            where cur.status = 'given'
              and (cur.valid_until is null or cur.valid_until >= ${today}::date)
              and (cur.agency_scope is null or cur.agency_scope && ${sql.val(agencies)}::uuid[]))`,
        ]),
      );
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
