import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { actingAgency } from '../consultation/acting-agency.js';
import { checkAttachments } from './referral-attachments.js';
import { appendReferralEvent, loadReferral, loadReferralSettings, replaceAttachments } from './referral.repo.js';
import { checkBasis, checkReceiver, consentForSending, type ReferralInput } from './referral-input.js';
import { resolveSubject } from './referral-subject.js';
import { type ReferralView, toReferralView } from './referral-view.js';

/**
 * つなぐ: a worker refers a person or household to another agency. `send: false` keeps a 下書き;
 * `send: true` sends it now, which needs the consent in force (or a legal basis, or an audited
 * reason to send without consent).
 */
export async function createReferral(ctx: Ctx, input: ReferralInput & { send: boolean }): Promise<ReferralView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const from = actingAgency(tx, input.fromAgencyId);
    const subject = await resolveSubject(tx, input);
    const basis = authorize(tx, 'create', subject.facts);
    await checkReceiver(tx, from, input.toAgencyId);
    checkBasis(input);
    await checkAttachments(tx, subject, input.attachments);
    const consent = input.send ? await consentForSending(tx, subject, input) : { consentId: null, consentConsultationId: null, override: null };
    const referralId = newId();
    await tx.db
      .insertInto('referral')
      .values({
        municipality_id: mid,
        referral_id: referralId,
        from_agency_id: from,
        to_agency_id: input.toAgencyId,
        person_id: subject.personId,
        household_id: subject.householdId,
        case_id: subject.caseId,
        consultation_id: subject.consultationId,
        reason: input.reason,
        urgency: input.urgency,
        status: input.send ? 'requested' : 'draft',
        basis: input.basis,
        legal_basis: input.basis === 'legal' ? (input.legalBasis ?? null) : null,
        consent_id: consent.consentId,
        consent_consultation_id: consent.consentConsultationId,
        override_reason: consent.override,
        override_by_user_id: consent.override ? tx.actor.userId : null,
        override_at: consent.override ? tx.now : null,
        created_by_user_id: tx.actor.userId,
        requested_at: input.send ? tx.now : null,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await replaceAttachments(tx.db, mid, referralId, input.attachments);
    const event = { municipalityId: mid, referralId, at: tx.now, userId: tx.actor.userId, agencyId: from };
    await appendReferralEvent(tx.db, { ...event, from: null, to: 'draft' });
    if (input.send) await appendReferralEvent(tx.db, { ...event, from: 'draft', to: 'requested' });
    const details = { toAgencyId: input.toAgencyId, attachments: input.attachments.length, basis: input.basis, sent: input.send };
    await audit(tx, { action: 'referral.create', targetType: 'referral', targetId: referralId, basis, details });
    if (consent.override) {
      await audit(tx, { action: 'referral.consent_override', targetType: 'referral', targetId: referralId, basis: '同意なし送付（理由を記録）', details: { toAgencyId: input.toAgencyId } });
    }
    const loaded = (await loadReferral(tx.db, mid, referralId))!;
    return toReferralView(loaded, tx.actor, await loadReferralSettings(tx.db, mid), tx.now);
  });
}
