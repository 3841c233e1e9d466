/** Helpers for the つなぐ form: which records may be attached, and whether consent covers the receiver. */
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { excerpt } from './referral.repo.js';
import { findCoveringConsent, resolveSubject, type SubjectInput } from './referral-subject.js';

/**
 * 添付できる記録: the sender's own agency's consultations about the subject's persons, and the
 * progress notes on the subject's case that its agency wrote or leads. Nothing is attached unless chosen.
 */
export async function attachableRecords(ctx: Ctx, input: SubjectInput) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const subject = await resolveSubject(tx, input);
    const agencies = [...tx.actor.agencyIds];
    const persons = new Set(subject.personIds);
    if (subject.caseId) {
      const members = await tx.db
        .selectFrom('household_membership as m')
        .innerJoin('support_case as k', (j) => j.onRef('k.municipality_id', '=', 'm.municipality_id').onRef('k.household_id', '=', 'm.household_id'))
        .select('m.person_id')
        .where('k.municipality_id', '=', mid)
        .where('k.case_id', '=', subject.caseId)
        .where('m.left_on', 'is', null)
        .execute();
      for (const m of members) persons.add(m.person_id);
    }
    const consultations = persons.size
      ? await tx.db
          .selectFrom('consultation')
          .select(['consultation_id', 'received_on', 'summary'])
          .where('municipality_id', '=', mid)
          .where('person_id', 'in', [...persons])
          .where('receiving_agency_id', 'in', agencies)
          .orderBy('received_on', 'desc')
          .limit(50)
          .execute()
      : [];
    const notes = subject.caseId
      ? await tx.db
          .selectFrom('progress_note as n')
          .innerJoin('support_case as k', (j) => j.onRef('k.municipality_id', '=', 'n.municipality_id').onRef('k.case_id', '=', 'n.case_id'))
          .select(['n.progress_note_id', 'n.occurred_on', 'n.subject'])
          .where('n.municipality_id', '=', mid)
          .where('n.case_id', '=', subject.caseId)
          .where((eb) => eb.or([eb('k.lead_agency_id', 'in', agencies), eb('n.author_agency_id', 'in', agencies)]))
          .orderBy('n.occurred_on', 'desc')
          .limit(50)
          .execute()
      : [];
    await audit(tx, { action: 'referral.attachable_list', targetType: subject.personId ? 'person' : 'household', targetId: subject.personId ?? subject.householdId, basis: '自機関の記録', details: { returned: consultations.length + notes.length } });
    return {
      items: [
        ...consultations.map((c) => ({ kind: 'consultation' as const, id: c.consultation_id, date: String(c.received_on), label: `相談受付: ${excerpt(c.summary)}` })),
        ...notes.map((n) => ({ kind: 'progress_note' as const, id: n.progress_note_id, date: String(n.occurred_on), label: `支援経過記録: ${excerpt(n.subject)}` })),
      ],
    };
  });
}

/** 同意の確認: the consent in force that would let this referral be sent to `toAgencyId`, if any. */
export async function checkReferralConsent(ctx: Ctx, input: SubjectInput & { toAgencyId: string }) {
  return inTransaction(ctx, async (tx) => {
    const subject = await resolveSubject(tx, input);
    const consent = await findCoveringConsent(tx.db, tx.actor.municipalityId, subject.personIds, input.toAgencyId, tx.now, subject.consultationId);
    return { consent };
  });
}
