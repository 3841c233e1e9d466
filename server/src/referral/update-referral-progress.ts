import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import type { ReferralAction } from './referral-states.js';
import { transitionReferral } from './referral-transition.js';
import type { ReferralView } from './referral-view.js';

export type ProgressTarget = 'in_progress' | 'on_hold' | 'completed' | 'failed';

/**
 * The receiver's work on an accepted referral: 対応を開始 / 保留 / 再開 / 完了 (was the need met?) /
 * 不成立 (why). Closing the loop tells the sender what happened.
 */
export async function updateReferralProgress(
  ctx: Ctx,
  referralId: string,
  input: { version: number; to: ProgressTarget; note?: string | null | undefined; needMet?: boolean | null | undefined },
): Promise<ReferralView> {
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db.selectFrom('referral').select('status').where('municipality_id', '=', tx.actor.municipalityId).where('referral_id', '=', referralId).executeTakeFirst();
    const action: ReferralAction = input.to === 'in_progress' ? (current?.status === 'on_hold' ? 'resume' : 'start') : input.to === 'on_hold' ? 'hold' : input.to === 'completed' ? 'complete' : 'fail';
    if (action === 'complete' && (input.needMet === undefined || input.needMet === null)) {
      throw new AppError('invalid', { fields: [{ path: 'needMet', message: 'ニーズが満たされたかを選んでください。' }] });
    }
    if (action === 'fail' && !input.note?.trim()) throw new AppError('invalid', { fields: [{ path: 'note', message: '不成立の理由を入力してください。' }] });
    const closing = action === 'complete' || action === 'fail';
    return transitionReferral(tx, referralId, action, {
      version: input.version,
      note: input.note,
      ...(closing ? { set: { outcome_note: input.note?.trim() || null, need_met: action === 'complete' ? Boolean(input.needMet) : null } } : {}),
    });
  });
}
