import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadReferralSettings, type ReferralSettings } from './referral.repo.js';

/** つなぐの設定 (municipal configuration): read by staff, changed by the 市町村管理者. */
export async function viewReferralSettings(ctx: Ctx): Promise<ReferralSettings> {
  return inTransaction(ctx, async (tx) => {
    authorize(tx, 'read', { kind: 'municipal_config', municipalityId: tx.actor.municipalityId });
    return loadReferralSettings(tx.db, tx.actor.municipalityId);
  });
}

export async function updateReferralSettings(ctx: Ctx, input: { alertWorkingDays: number; noContactDays: number; version: number }): Promise<ReferralSettings> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'municipal_config', municipalityId: mid });
    const current = await loadReferralSettings(tx.db, mid);
    if (current.version !== input.version) throw new AppError('conflict');
    const values = { alert_working_days: input.alertWorkingDays, no_contact_days: input.noContactDays, updated_by_user_id: tx.actor.userId, updated_at: tx.now };
    if (input.version === 0) {
      await tx.db.insertInto('referral_setting').values({ municipality_id: mid, ...values }).execute();
    } else {
      const r = await tx.db
        .updateTable('referral_setting')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('municipality_id', '=', mid)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    }
    await audit(tx, { action: 'referral_setting.update', targetType: 'municipal_config', targetId: mid, basis, details: { alertWorkingDays: input.alertWorkingDays, noContactDays: input.noContactDays } });
    return loadReferralSettings(tx.db, mid);
  });
}
