import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadReferral, loadReferralSettings, referralRecordFacts } from './referral.repo.js';
import { type ReferralView, toReferralView } from './referral-view.js';

/** つなぎの閲覧 (sender; receiver once sent), audited. */
export async function viewReferral(ctx: Ctx, referralId: string): Promise<ReferralView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'read', await referralRecordFacts(tx.db, mid, referralId));
    const loaded = await loadReferral(tx.db, mid, referralId);
    if (!loaded) throw new AppError('not_found');
    await audit(tx, { action: 'referral.read', targetType: 'referral', targetId: referralId, basis });
    return toReferralView(loaded, tx.actor, await loadReferralSettings(tx.db, mid), tx.now);
  });
}
