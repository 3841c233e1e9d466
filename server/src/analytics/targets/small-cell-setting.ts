/** 小さな数の秘匿の基準: read by those who read aggregates, changed by the 市町村管理者 (versioned, audited). */
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { smallCellSetting } from '../../platform/export/suppression-setting.js';
import { AppError } from '../../platform/http/errors.js';
import { authorizeTargetsRead, authorizeTargetsWrite, canEditTargets } from './targets-access.js';

export async function viewSmallCellSetting(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    authorizeTargetsRead(tx, 'analytics_setting.read');
    return { ...(await smallCellSetting(tx.db, tx.actor.municipalityId)), canEdit: canEditTargets(tx) };
  });
}

export async function setSmallCellThreshold(ctx: Ctx, input: { threshold: number; version: number }) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeTargetsWrite(tx, 'analytics_setting.update', 'small_cell_threshold');
    const mid = tx.actor.municipalityId;
    const before = await smallCellSetting(tx.db, mid);
    if (input.version === 0) {
      const res = await tx.db
        .insertInto('analytics_setting')
        .values({ municipality_id: mid, small_cell_threshold: input.threshold, created_at: tx.now, updated_at: tx.now })
        .onConflict((oc) => oc.column('municipality_id').doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) throw new AppError('conflict');
    } else {
      const res = await tx.db
        .updateTable('analytics_setting')
        .set({ small_cell_threshold: input.threshold, updated_at: tx.now, version: input.version + 1 })
        .where('municipality_id', '=', mid)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('conflict');
    }
    await audit(tx, { action: 'analytics_setting.update', targetType: 'analytics_setting', targetId: 'small_cell_threshold', basis, details: { from: before.threshold, to: input.threshold } });
    return { ...(await smallCellSetting(tx.db, mid)), canEdit: true };
  });
}
