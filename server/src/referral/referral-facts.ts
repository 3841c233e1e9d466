/**
 * Policy facts about the referrals (つなぐ) that concern a record, and the SQL twin of the same rule
 * for search. A referral shares with its receiving agency while it is open (SHARING_STATUSES): the
 * person it is about (or the household's current members), its household, its case, and only the
 * records the sender attached. A referral sent on consent shares only while that consultation's
 * consent decision in force still covers the receiver (referralAccess in the policy checks it).
 */
import { type RawBuilder, sql } from 'kysely';
import type { ConsentFact, ReferralFact } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';
import type { ReferralAttachmentKind } from '../platform/db/schema.js';
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

/** The condition on `referral r` for a subject given by ids; null when the subject names nothing. */
export function referralSubjectSql(subject: ReferralSubject): RawBuilder<boolean> | null {
  const ors: RawBuilder<boolean>[] = [];
  if (subject.personId) ors.push(sql`r.person_id = ${subject.personId}`);
  if (subject.householdIds && subject.householdIds.length > 0) ors.push(sql`r.household_id = any(${sql.val([...subject.householdIds])}::uuid[])`);
  if (subject.caseId) ors.push(sql`r.case_id = ${subject.caseId}`);
  if (subject.attachment) {
    const { kind, id } = subject.attachment;
    ors.push(sql`exists (select 1 from referral_attachment a
      where a.municipality_id = r.municipality_id and a.referral_id = r.referral_id and a.record_kind = ${kind} and a.record_id = ${id})`);
  }
  return ors.length === 0 ? null : sql<boolean>`(${sql.join(ors, sql` or `)})`;
}

/**
 * The sharing referrals about a subject (`about`, a condition on `referral r` that may refer to the
 * enclosing query), each with the consent decision in force on the consultation it relied on, as JSON
 * rows for toReferralFact. The consent is the latest decision, as consentHistory orders them.
 */
export function referralRowsSql(municipalityId: string, about: RawBuilder<boolean>) {
  return sql<ReferralRow[]>`coalesce((select json_agg(json_build_object(
      'referral_id', r.referral_id, 'to_agency_id', r.to_agency_id, 'status', r.status,
      'consent_consultation_id', r.consent_consultation_id, 'consent', cur))
    from referral r
    left join lateral (
      select c.consent_id, c.status, c.agency_scope, c.data_scope, c.valid_until from consent c
       where c.municipality_id = r.municipality_id and c.consultation_id = r.consent_consultation_id
       order by c.recorded_at desc, c.consent_id desc limit 1) cur on true
   where r.municipality_id = ${municipalityId} and r.status in (${sql.join([...SHARING_STATUSES])}) and ${about}), '[]'::json)`;
}

export interface ReferralRow {
  referral_id: string;
  to_agency_id: string;
  status: ReferralFact['status'];
  consent_consultation_id: string | null;
  consent: { consent_id: string; status: ConsentFact['status']; agency_scope: string[] | null; data_scope: string[] | null; valid_until: string | null } | null;
}

export function toReferralFact(r: ReferralRow): ReferralFact {
  const fact: ReferralFact = { referralId: r.referral_id, toAgencyId: r.to_agency_id, status: r.status };
  if (r.consent_consultation_id) {
    const c = r.consent;
    fact.consent = c
      ? {
          id: c.consent_id,
          status: c.status,
          agencyIds: c.agency_scope ?? 'all',
          dataCategories: c.data_scope ?? 'all',
          ...(c.valid_until ? { validUntil: c.valid_until } : {}),
        }
      : LAPSED;
  }
  return fact;
}

export async function referralFactsFor(db: DbHandle, municipalityId: string, subject: ReferralSubject): Promise<ReferralFact[]> {
  const about = referralSubjectSql(subject);
  if (!about) return [];
  const { rows } = await sql<{ referrals: ReferralRow[] }>`select ${referralRowsSql(municipalityId, about)} as referrals`.execute(db);
  return rows[0]!.referrals.map(toReferralFact);
}
