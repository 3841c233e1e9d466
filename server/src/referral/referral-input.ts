/** Shared input checks for writing a referral (create, edit draft, send). */
import type { Ctx } from '../platform/context.js';
import type { ReferralUrgency } from '../platform/db/schema.js';
import { AppError } from '../platform/http/errors.js';
import type { LegalBasisCode } from './legal-bases.js';
import type { AttachmentInput } from './referral-attachments.js';
import { findCoveringConsent, type ResolvedSubject } from './referral-subject.js';

export interface ReferralInput {
  toAgencyId: string;
  fromAgencyId?: string | null | undefined;
  personId?: string | null | undefined;
  householdId?: string | null | undefined;
  consultationId?: string | null | undefined;
  reason: string;
  urgency: ReferralUrgency;
  basis: 'consent' | 'legal';
  legalBasis?: LegalBasisCode | null | undefined;
  consentOverrideReason?: string | null | undefined;
  attachments: AttachmentInput[];
}

const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] });

export async function checkReceiver(tx: Ctx, fromAgencyId: string, toAgencyId: string): Promise<void> {
  if (fromAgencyId === toAgencyId) throw invalid('toAgencyId', '自機関以外の紹介先を選んでください。');
  const target = await tx.db
    .selectFrom('agency')
    .select('agency_id')
    .where('municipality_id', '=', tx.actor.municipalityId)
    .where('agency_id', '=', toAgencyId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!target) throw invalid('toAgencyId', '紹介先の機関が見つかりません。');
}

export function checkBasis(input: Pick<ReferralInput, 'basis' | 'legalBasis'>): void {
  if (input.basis === 'legal' && !input.legalBasis) throw invalid('legalBasis', '法令等の根拠を選んでください。');
}

/**
 * 送る時の根拠の確認: a consent-based referral needs a consent in force that covers the receiver,
 * unless the sender gives a reason to send without it (同意なし送付), which is recorded and audited.
 */
export async function consentForSending(tx: Ctx, subject: ResolvedSubject, input: Pick<ReferralInput, 'basis' | 'toAgencyId' | 'consentOverrideReason'>) {
  if (input.basis !== 'consent') return { consentId: null, consentConsultationId: null, override: null };
  const found = await findCoveringConsent(tx.db, tx.actor.municipalityId, subject.personIds, input.toAgencyId, tx.now, subject.consultationId);
  if (found) return { consentId: found.consentId, consentConsultationId: found.consultationId, override: null };
  const reason = input.consentOverrideReason?.trim();
  if (!reason) {
    throw new AppError('consent_required', { fields: [{ path: 'basis', message: '紹介先を含む有効な本人同意がありません。同意を記録するか、同意なしで送る理由を入力してください。' }] });
  }
  return { consentId: null, consentConsultationId: null, override: reason };
}
