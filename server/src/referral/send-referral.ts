import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { consentForSending } from './referral-input.js';
import { resolveSubject } from './referral-subject.js';
import { transitionReferral } from './referral-transition.js';
import type { ReferralView } from './referral-view.js';

/** 送る (下書き → 依頼中): the consent in force is checked now, at the moment data is shared. */
export async function sendReferral(ctx: Ctx, referralId: string, input: { version: number; consentOverrideReason?: string | null | undefined }): Promise<ReferralView> {
  return inTransaction(ctx, (tx) =>
    transitionReferral(tx, referralId, 'send', {
      version: input.version,
      before: async (inner, { row }) => {
        const subject = await resolveSubject(inner, { personId: row.person_id, householdId: row.household_id, consultationId: row.consultation_id });
        const consent = await consentForSending(inner, subject, { basis: row.basis, toAgencyId: row.to_agency_id, consentOverrideReason: input.consentOverrideReason });
        return {
          consent_id: consent.consentId,
          consent_consultation_id: consent.consentConsultationId,
          override_reason: consent.override,
          override_by_user_id: consent.override ? inner.actor.userId : null,
          override_at: consent.override ? inner.now : null,
        };
      },
    }),
  );
}
