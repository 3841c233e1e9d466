import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { transitionReferral } from './referral-transition.js';
import type { ReferralView } from './referral-view.js';

/** 取り消す (the sender, before the loop is closed); the reason is kept in the history. */
export async function cancelReferral(ctx: Ctx, referralId: string, input: { version: number; note: string }): Promise<ReferralView> {
  return inTransaction(ctx, (tx) => transitionReferral(tx, referralId, 'cancel', { version: input.version, note: input.note }));
}
