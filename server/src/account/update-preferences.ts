import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';

export interface Preferences {
  dateStyle: 'wareki' | 'seireki';
}

/** 個人設定: how dates are shown (和暦 or 西暦). Own account only. */
export async function updatePreferences(ctx: Ctx, input: Preferences): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('app_user')
      .set({ date_style: input.dateStyle, updated_at: tx.now })
      .where('municipality_id', '=', tx.actor.municipalityId)
      .where('user_id', '=', tx.actor.userId)
      .execute();
  });
}
