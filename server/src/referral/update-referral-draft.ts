import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { actingAgency } from '../consultation/acting-agency.js';
import { checkAttachments } from './referral-attachments.js';
import { loadReferral, loadReferralSettings, referralRecordFacts, replaceAttachments } from './referral.repo.js';
import { checkBasis, checkReceiver, type ReferralInput } from './referral-input.js';
import { resolveSubject } from './referral-subject.js';
import { type ReferralView, toReferralView } from './referral-view.js';

/** 下書きの編集: only the sending agency, only while it is a draft, with optimistic concurrency. */
export async function updateReferralDraft(ctx: Ctx, referralId: string, input: ReferralInput & { version: number }): Promise<ReferralView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', await referralRecordFacts(tx.db, mid, referralId));
    const current = await loadReferral(tx.db, mid, referralId);
    if (!current) throw new AppError('not_found');
    if (!tx.actor.agencyIds.includes(current.row.from_agency_id)) throw new AppError('forbidden', undefined, '下書きは紹介元の機関だけが編集できます。');
    if (current.row.status !== 'draft') throw new AppError('conflict', undefined, '送ったつなぎは編集できません。');
    const from = actingAgency(tx, input.fromAgencyId ?? current.row.from_agency_id);
    const subject = await resolveSubject(tx, input);
    authorize(tx, 'create', subject.facts);
    await checkReceiver(tx, from, input.toAgencyId);
    checkBasis(input);
    await checkAttachments(tx, subject, input.attachments);
    const r = await tx.db
      .updateTable('referral')
      .set((eb) => ({
        from_agency_id: from,
        to_agency_id: input.toAgencyId,
        person_id: subject.personId,
        household_id: subject.householdId,
        case_id: subject.caseId,
        consultation_id: subject.consultationId,
        reason: input.reason,
        urgency: input.urgency,
        basis: input.basis,
        legal_basis: input.basis === 'legal' ? (input.legalBasis ?? null) : null,
        updated_at: tx.now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', mid)
      .where('referral_id', '=', referralId)
      .where('status', '=', 'draft')
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await replaceAttachments(tx.db, mid, referralId, input.attachments);
    await audit(tx, { action: 'referral.update', targetType: 'referral', targetId: referralId, basis, details: { attachments: input.attachments.length } });
    return toReferralView((await loadReferral(tx.db, mid, referralId))!, tx.actor, await loadReferralSettings(tx.db, mid), tx.now);
  });
}
