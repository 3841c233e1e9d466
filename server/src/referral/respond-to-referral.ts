import type { Ctx } from '../platform/context.js';
import type { ReferralRejectReason } from '../platform/db/schema.js';
import { inTransaction } from '../platform/db/transaction.js';
import { transitionReferral } from './referral-transition.js';
import type { ReferralView } from './referral-view.js';

/** 受理する (the receiving agency). From now on it may record 支援経過記録 on the case. */
export async function acceptReferral(ctx: Ctx, referralId: string, input: { version: number; note?: string | null | undefined }): Promise<ReferralView> {
  return inTransaction(ctx, (tx) => transitionReferral(tx, referralId, 'accept', { version: input.version, note: input.note }));
}

/** 受理しない with a reason (対象外, 受入枠なし, 本人拒否, 連絡不能, その他): the sender sees why. */
export async function rejectReferral(ctx: Ctx, referralId: string, input: { version: number; reasonCode: ReferralRejectReason; note: string }): Promise<ReferralView> {
  return inTransaction(ctx, (tx) => transitionReferral(tx, referralId, 'reject', { version: input.version, note: input.note, set: { reject_reason: input.reasonCode } }));
}
