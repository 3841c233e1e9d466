/**
 * Who a referral is about: the person and/or household, the source consultation, and the
 * household's open case (where the receiver will record 支援経過記録). Also finds the consent in
 * force that covers the receiving agency (本人同意), which a consent-based referral relies on.
 */
import { sql } from 'kysely';
import { authorize } from '../platform/access/authorize.js';
import type { RecordFacts } from '../platform/access/index.js';
import { japanDate } from '../platform/access/relationships.js';
import type { Ctx } from '../platform/context.js';
import type { DbHandle } from '../platform/db/database.js';
import { AppError } from '../platform/http/errors.js';
import { consultationFacts } from '../consultation/consultation.repo.js';
import { householdFacts } from '../consultation/household.repo.js';
import { personFacts } from '../consultation/person.repo.js';

export interface SubjectInput {
  personId?: string | null | undefined;
  householdId?: string | null | undefined;
  consultationId?: string | null | undefined;
}

export interface ResolvedSubject {
  personId: string | null;
  householdId: string | null;
  caseId: string | null;
  consultationId: string | null;
  /** Persons whose consultations may carry the consent (the person, or the household's members). */
  personIds: string[];
  /** Facts for authorizing 'create' of a referral: the subject's owning agencies. */
  facts: RecordFacts;
}

const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] });

async function currentMembers(db: DbHandle, mid: string, householdId: string): Promise<string[]> {
  const rows = await db.selectFrom('household_membership').select('person_id').where('municipality_id', '=', mid).where('household_id', '=', householdId).where('left_on', 'is', null).execute();
  return rows.map((r) => r.person_id);
}

export async function resolveSubject(tx: Ctx, input: SubjectInput): Promise<ResolvedSubject> {
  const mid = tx.actor.municipalityId;
  let personId = input.personId ?? null;
  const householdId = input.householdId ?? null;
  let consultationId = input.consultationId ?? null;
  if (consultationId) {
    authorize(tx, 'read', (await consultationFacts(tx.db, mid, consultationId)) ?? { kind: 'consultation', municipalityId: mid, id: consultationId });
    const c = await tx.db.selectFrom('consultation').select('person_id').where('municipality_id', '=', mid).where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
    personId ??= c.person_id;
    if (!personId && !householdId) throw invalid('personId', '本人が特定されていない相談は、本人を登録してからつないでください。');
  }
  if (!personId && !householdId) throw invalid('personId', '本人または世帯を選んでください。');

  const owners = new Set<string>();
  const personIds: string[] = [];
  let caseHousehold = householdId;
  if (personId) {
    const facts = await personFacts(tx.db, mid, personId);
    authorize(tx, 'read', facts ?? { kind: 'person', municipalityId: mid, id: personId });
    for (const a of facts?.ownerAgencyIds ?? []) owners.add(a);
    personIds.push(personId);
    if (!caseHousehold) {
      const m = await tx.db.selectFrom('household_membership').select('household_id').where('municipality_id', '=', mid).where('person_id', '=', personId).where('left_on', 'is', null).orderBy('joined_on', 'desc').executeTakeFirst();
      caseHousehold = m?.household_id ?? null;
    }
  }
  if (householdId) {
    const facts = await householdFacts(tx.db, mid, householdId);
    authorize(tx, 'read', facts ?? { kind: 'household', municipalityId: mid, id: householdId });
    for (const a of facts?.ownerAgencyIds ?? []) owners.add(a);
    const members = await currentMembers(tx.db, mid, householdId);
    if (personId && !members.includes(personId)) throw invalid('householdId', '本人はこの世帯の世帯員ではありません。');
    if (!personId) personIds.push(...members);
  }
  if (consultationId) {
    const c = await tx.db.selectFrom('consultation').select('person_id').where('municipality_id', '=', mid).where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
    if (c.person_id && !personIds.includes(c.person_id)) throw invalid('consultationId', 'この相談は選んだ本人・世帯のものではありません。');
  } else {
    consultationId = null;
  }
  const kase = caseHousehold
    ? await tx.db.selectFrom('support_case').select('case_id').where('municipality_id', '=', mid).where('household_id', '=', caseHousehold).where('status', '=', 'open').executeTakeFirst()
    : undefined;
  return {
    personId,
    householdId,
    caseId: kase?.case_id ?? null,
    consultationId,
    personIds,
    facts: { kind: 'referral', municipalityId: mid, ownerAgencyIds: [...owners] },
  };
}

/** The consent in force (latest decision 'given', not expired) on a consultation about one of the persons that covers `toAgencyId`. */
export async function findCoveringConsent(db: DbHandle, mid: string, personIds: readonly string[], toAgencyId: string, now: Date, prefer: string | null) {
  if (personIds.length === 0) return null;
  const today = japanDate(now)!;
  const row = await db
    .selectFrom('consultation as c')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('consent as k')
          .select(['k.consent_id', 'k.status', 'k.valid_until', 'k.agency_scope'])
          .whereRef('k.municipality_id', '=', 'c.municipality_id')
          .whereRef('k.consultation_id', '=', 'c.consultation_id')
          .orderBy('k.recorded_at', 'desc')
          .orderBy('k.consent_id', 'desc')
          .limit(1)
          .as('cur'),
      (j) => j.onTrue(),
    )
    .select(['c.consultation_id', 'cur.consent_id', 'cur.valid_until'])
    .where('c.municipality_id', '=', mid)
    .where('c.person_id', 'in', [...personIds])
    .where('cur.status', '=', 'given')
    .where((eb) => eb.or([eb('cur.valid_until', 'is', null), eb('cur.valid_until', '>=', today)]))
    .where((eb) => eb.or([eb('cur.agency_scope', 'is', null), sql<boolean>`${toAgencyId}::uuid = any(cur.agency_scope)`]))
    .orderBy(sql`c.consultation_id = ${prefer ?? '00000000-0000-0000-0000-000000000000'}::uuid`, 'desc')
    .orderBy('c.received_on', 'desc')
    .executeTakeFirst();
  return row ? { consentId: row.consent_id, consultationId: row.consultation_id, validUntil: row.valid_until ? String(row.valid_until) : null } : null;
}
