import type { ConsentFact, RecordFacts } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';
import { referralFactsFor } from '../referral/referral-facts.js';

/** The consent decisions on a consultation, newest first, with who recorded them. */
export async function consentHistory(db: DbHandle, municipalityId: string, consultationId: string) {
  return db
    .selectFrom('consent as c')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.user_id', '=', 'c.recorded_by_user_id'))
    .select(['c.consent_id', 'c.status', 'c.agency_scope', 'c.data_scope', 'c.valid_until', 'c.recorded_at', 'u.display_name'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.consultation_id', '=', consultationId)
    .orderBy('c.recorded_at', 'desc')
    .orderBy('c.consent_id', 'desc')
    .execute();
}

/**
 * Access facts for a consultation: the receiving agency owns it; the current consent (the latest
 * decision) may let other agencies read it within its scope. null when it does not exist.
 */
export async function consultationFacts(db: DbHandle, municipalityId: string, consultationId: string): Promise<RecordFacts | null> {
  const row = await db
    .selectFrom('consultation')
    .select(['receiving_agency_id'])
    .where('municipality_id', '=', municipalityId)
    .where('consultation_id', '=', consultationId)
    .executeTakeFirst();
  if (!row) return null;
  const current = await currentConsentFact(db, municipalityId, consultationId);
  const consents: ConsentFact[] = current ? [current] : [];
  const referrals = await referralFactsFor(db, municipalityId, { attachment: { kind: 'consultation', id: consultationId } });
  return { kind: 'consultation', municipalityId, id: consultationId, ownerAgencyIds: [row.receiving_agency_id], consents, referrals };
}

/** The consent decision in force on a consultation (the latest one), as a policy fact. */
export async function currentConsentFact(db: DbHandle, municipalityId: string, consultationId: string): Promise<ConsentFact | undefined> {
  const [current] = await consentHistory(db, municipalityId, consultationId);
  if (!current) return undefined;
  return {
    id: current.consent_id,
    status: current.status,
    agencyIds: current.agency_scope ?? 'all',
    dataCategories: current.data_scope ?? 'all',
    ...(current.valid_until ? { validUntil: current.valid_until } : {}),
  };
}

export async function loadConsultation(db: DbHandle, municipalityId: string, consultationId: string) {
  return db
    .selectFrom('consultation as c')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.receiving_agency_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.user_id', '=', 'c.received_by_user_id'))
    .leftJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.person_id', '=', 'c.person_id'))
    .selectAll('c')
    .select(['a.name as agency_name', 'u.login_name', 'u.display_name', 'p.family_name', 'p.given_name'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.consultation_id', '=', consultationId)
    .executeTakeFirst();
}
